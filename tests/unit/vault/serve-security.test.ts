import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request, type OutgoingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../../vault/serve';
import { VaultService } from '../../../vault/service';

/**
 * The browser host's gate: the launch token (URL or cookie), the Host, the Origin and the
 * browser's Sec-Fetch-Site, on plain HTTP and on the API socket.
 */

let dir: string;
let service: VaultService;
let host: BrowserHost;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plexus-serve-security-'));
  await cp(join(import.meta.dirname, '../../fixtures/basic'), join(dir, 'vault'), { recursive: true });
  await cp(join(import.meta.dirname, '../../fixtures/basic'), join(dir, 'static'), { recursive: true });
  await writeFile(join(dir, 'static', 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(dir, 'vault', 'pixel.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  service = await VaultService.open(join(dir, 'vault'), { host: 'browser', watch: false });
  host = await startBrowserHost({ service, staticDir: join(dir, 'static') });
});

afterAll(async () => {
  await host.close();
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

const own = () => `http://127.0.0.1:${host.port}`;
const cookie = () => `plexus_token=${host.token}`;

/** The status of one request with exactly these headers (node:http: fetch would add or refuse some). */
function statusOf(path: string, headers: OutgoingHttpHeaders = {}, method = 'GET'): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method, headers: { host: `127.0.0.1:${host.port}`, ...headers } },
      (res) => {
        res.resume();
        resolve(res.statusCode);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Opens the API socket; resolves "open" or "HTTP <status>". */
function socket(options: { query?: string; headers?: Record<string, string>; origin?: string | null; path?: string }) {
  const url = `ws://127.0.0.1:${host.port}${options.path ?? '/api'}${options.query ?? ''}`;
  const origin = options.origin === undefined ? own() : options.origin;
  const ws = new WebSocket(url, { headers: options.headers, ...(origin === null ? {} : { origin }) });
  return new Promise<string>((resolve) => {
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('unexpected-response', (_req, res) => resolve(`HTTP ${res.statusCode}`));
    ws.once('error', (e) => resolve(`error ${e.message}`));
  });
}

describe('HTTP: the token', () => {
  it('serves the page with the token in the URL or the cookie, and nothing without it', async () => {
    expect(await statusOf(`/?token=${host.token}`)).toBe(200);
    expect(await statusOf('/', { cookie: cookie() })).toBe(200);
    expect(await statusOf('/')).toBe(403);
  });

  it.each([
    ['an empty token', '/?token='],
    ['a wrong token of the right length', `/?token=${'0'.repeat(48)}`],
    ['a prefix of the token', `/?token=PREFIX`],
    ['the token with something added', `/?token=${'TOKEN'}x`],
  ])('refuses %s', async (_name, path) => {
    const real = path.replace('PREFIX', () => host.token.slice(0, 47)).replace('TOKEN', () => host.token);
    expect(await statusOf(real)).toBe(403);
  });

  it.each([
    ['a wrong cookie value', () => `plexus_token=${'f'.repeat(48)}`],
    ['the token under another cookie name', () => `token=${host.token}`],
    ['an empty cookie', () => 'plexus_token='],
  ])('refuses %s', async (_name, make) => {
    expect(await statusOf('/', { cookie: make() })).toBe(403);
    expect(await statusOf('/vault-file/pixel.png', { cookie: make() })).toBe(403);
  });

  it('refuses every method but GET and HEAD, even with the token', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      expect(await statusOf(`/?token=${host.token}`, {}, method), method).toBe(405);
    }
    expect(await statusOf(`/?token=${host.token}`, {}, 'HEAD')).toBe(200);
  });
});

describe('HTTP: where the request comes from', () => {
  it.each([
    ['127.0.0.1 with the port', () => `127.0.0.1:${host.port}`, 200],
    ['localhost with the port', () => `localhost:${host.port}`, 200],
    ['127.0.0.1 without the port', () => '127.0.0.1', 421],
    ['another name on the same port (DNS rebinding)', () => `attacker.example:${host.port}`, 421],
    ['another port', () => `127.0.0.1:${host.port + 1}`, 421],
  ])('Host: %s → %i', async (_name, hostHeader, status) => {
    expect(await statusOf(`/?token=${host.token}`, { host: hostHeader() })).toBe(status);
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['another local port', 'http://127.0.0.1:1'],
    ['a look-alike host', 'http://127.0.0.1.evil.example'],
    ['https on our port', 'HTTPS_OWN'],
    ['"null" (a sandboxed frame or file: page)', 'null'],
  ])('refuses an Origin from %s, even with the token and the cookie', async (_name, origin) => {
    const value = origin === 'HTTPS_OWN' ? `https://127.0.0.1:${host.port}` : origin;
    expect(await statusOf(`/?token=${host.token}`, { origin: value, cookie: cookie() })).toBe(403);
    expect(await statusOf('/vault-file/pixel.png', { origin: value, cookie: cookie() })).toBe(403);
  });

  it.each(['cross-site', 'same-site'])(
    'refuses a request a page of another site made (Sec-Fetch-Site: %s), even with the cookie',
    async (site) => {
      expect(await statusOf('/', { 'sec-fetch-site': site, cookie: cookie() })).toBe(403);
      expect(await statusOf('/vault-file/pixel.png', { 'sec-fetch-site': site, cookie: cookie() })).toBe(403);
    },
  );

  it('serves our own page’s requests (same-origin, our Origin) and typed URLs (none)', async () => {
    expect(await statusOf('/', { 'sec-fetch-site': 'same-origin', origin: own(), cookie: cookie() })).toBe(200);
    expect(await statusOf('/vault-file/pixel.png', { 'sec-fetch-site': 'same-origin', cookie: cookie() })).toBe(200);
    expect(await statusOf(`/?token=${host.token}`, { 'sec-fetch-site': 'none' })).toBe(200);
    expect(await statusOf('/', { origin: `http://localhost:${host.port}`, cookie: cookie() })).toBe(200);
  });
});

describe('WebSocket /api', () => {
  it('opens with the token in the URL or the cookie, from our origin', async () => {
    expect(await socket({ query: `?token=${host.token}` })).toBe('open');
    expect(await socket({ headers: { cookie: cookie() } })).toBe('open');
    expect(await socket({ query: `?token=${host.token}`, origin: `http://localhost:${host.port}` })).toBe('open');
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { query: `?token=${'0'.repeat(48)}` }],
    ['an empty token', { query: '?token=' }],
    ['a wrong cookie', { headers: { cookie: `plexus_token=${'a'.repeat(48)}` } }],
  ])('refuses %s', async (_name, options) => {
    expect(await socket(options)).toBe('HTTP 403');
  });

  it.each([
    ['no Origin at all (a non-browser client that got the cookie)', null],
    ['another site', 'https://evil.example'],
    ['another local port', 'http://127.0.0.1:1'],
    ['a look-alike host', 'http://127.0.0.1.evil.example'],
    ['"null"', 'null'],
  ])('refuses an Origin of %s, even with the token', async (_name, origin) => {
    expect(await socket({ query: `?token=${host.token}`, origin })).toBe('HTTP 403');
    expect(await socket({ headers: { cookie: cookie() }, origin })).toBe('HTTP 403');
  });

  it('refuses another path or another Host, even with the token', async () => {
    expect(await socket({ query: `?token=${host.token}`, path: '/api2' })).toBe('HTTP 403');
    expect(await socket({ query: `?token=${host.token}`, path: '/' })).toBe('HTTP 403');
    expect(await socket({ query: `?token=${host.token}`, headers: { host: `evil.example:${host.port}` } })).toBe(
      'HTTP 403',
    );
  });
});
