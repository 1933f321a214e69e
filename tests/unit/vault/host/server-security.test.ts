import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request, type OutgoingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, vaultFileKey, type BrowserHost } from '../../../../vault/host/server';
import { VaultService } from '../../../../vault/service';

/**
 * The browser host's gate: the launch token (socket URL only, never a cookie), the images-only
 * key, the Host, the Origin and the browser's Sec-Fetch-Site, on plain HTTP and on the API socket.
 */

let dir: string;
let service: VaultService;
let host: BrowserHost;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plexus-serve-security-'));
  await cp(join(import.meta.dirname, '../../../fixtures/basic'), join(dir, 'vault'), { recursive: true });
  await cp(join(import.meta.dirname, '../../../fixtures/basic'), join(dir, 'static'), { recursive: true });
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
const image = () => `/vault-file/pixel.png?key=${vaultFileKey(host.token)}`;

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

describe('HTTP: the token and the images key', () => {
  it('serves the app’s own files without a secret, and vault images only with the key', async () => {
    expect(await statusOf('/')).toBe(200);
    expect(await statusOf(image())).toBe(200);
    expect(await statusOf('/vault-file/pixel.png')).toBe(403);
  });

  it.each([
    ['an empty key', '?key='],
    ['a wrong key of the right length', `?key=${'0'.repeat(64)}`],
    ['a prefix of the key', '?key=PREFIX'],
    ['the key with something added', '?key=KEYx'],
    ['the launch token as the key', '?key=TOKEN'],
    ['the launch token as a token', '?token=TOKEN'],
  ])('refuses a vault image with %s', async (_name, query) => {
    const key = vaultFileKey(host.token);
    const real = query
      .replace('PREFIX', () => key.slice(0, 63))
      .replace('KEY', () => key)
      .replace('TOKEN', () => host.token);
    expect(await statusOf(`/vault-file/pixel.png${real}`)).toBe(403);
  });

  it.each([
    ['the token in the old cookie', () => `plexus_token=${host.token}`],
    ['the key in a cookie', () => `key=${vaultFileKey(host.token)}`],
    ['an empty cookie', () => 'plexus_token='],
  ])('refuses a vault image with %s (cookies reach every port)', async (_name, make) => {
    expect(await statusOf('/vault-file/pixel.png', { cookie: make() })).toBe(403);
  });

  it('refuses every method but GET and HEAD, even with the key', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      expect(await statusOf(image(), {}, method), method).toBe(405);
    }
    expect(await statusOf(image(), {}, 'HEAD')).toBe(200);
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
  ])('refuses an Origin from %s, even with the token and the key', async (_name, origin) => {
    const value = origin === 'HTTPS_OWN' ? `https://127.0.0.1:${host.port}` : origin;
    expect(await statusOf(`/?token=${host.token}`, { origin: value })).toBe(403);
    expect(await statusOf(image(), { origin: value })).toBe(403);
  });

  it.each(['cross-site', 'same-site'])(
    'refuses a request a page of another site made (Sec-Fetch-Site: %s), even with the key',
    async (site) => {
      expect(await statusOf('/', { 'sec-fetch-site': site })).toBe(403);
      expect(await statusOf(image(), { 'sec-fetch-site': site })).toBe(403);
    },
  );

  it('serves our own page’s requests (same-origin, our Origin) and typed URLs (none)', async () => {
    expect(await statusOf('/', { 'sec-fetch-site': 'same-origin', origin: own() })).toBe(200);
    expect(await statusOf(image(), { 'sec-fetch-site': 'same-origin' })).toBe(200);
    expect(await statusOf(`/?token=${host.token}`, { 'sec-fetch-site': 'none' })).toBe(200);
    expect(await statusOf('/', { origin: `http://localhost:${host.port}` })).toBe(200);
  });
});

describe('WebSocket /api', () => {
  it('opens with the token in the URL, from our origin', async () => {
    expect(await socket({ query: `?token=${host.token}` })).toBe('open');
    expect(await socket({ query: `?token=${host.token}`, origin: `http://localhost:${host.port}` })).toBe('open');
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { query: `?token=${'0'.repeat(48)}` }],
    ['an empty token', { query: '?token=' }],
    ['a wrong cookie', { headers: { cookie: `plexus_token=${'a'.repeat(48)}` } }],
    // Every server on 127.0.0.1 receives the browser's 127.0.0.1 cookies and could replay them.
    ['the token in a cookie', { headers: { cookie: `plexus_token=TOKEN` } }],
    ['the images key as the token', { query: '?token=KEY' }],
  ])('refuses %s', async (_name, options: { query?: string; headers?: Record<string, string> }) => {
    const fill = (text: string) =>
      text.replace('TOKEN', () => host.token).replace('KEY', () => vaultFileKey(host.token));
    const headers = options.headers?.cookie ? { cookie: fill(options.headers.cookie) } : undefined;
    expect(await socket({ query: options.query && fill(options.query), headers })).toBe('HTTP 403');
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
