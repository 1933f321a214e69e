import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { PlexusEvent } from '../../../../shared/api';
import type { ServerMessage } from '../../../../shared/rpc/rpc';
import { startBrowserHost, vaultFileKey, type BrowserHost } from '../../../../vault/host/server';
import { VaultService } from '../../../../vault/service';

/** A file event's size or time, where its exact value is not the point. */
const anyNumber = expect.any(Number) as number;

let dir: string;
let service: VaultService;
let host: BrowserHost;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plexus-serve-'));
  await cp(join(import.meta.dirname, '../../../fixtures/basic'), join(dir, 'vault'), { recursive: true });
  await cp(join(import.meta.dirname, '../../../fixtures/basic'), join(dir, 'static'), { recursive: true });
  await writeFile(join(dir, 'static', 'index.html'), '<!doctype html><title>t</title>');
  service = await VaultService.open(join(dir, 'vault'), { host: 'browser', watch: false });
  host = await startBrowserHost({ service, staticDir: join(dir, 'static') });
});

afterEach(async () => {
  await host.close();
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${host.port}`;

function openSocket(options: { token?: string; origin?: string }): Promise<WebSocket> {
  const url = `ws://127.0.0.1:${host.port}/api${options.token ? `?token=${options.token}` : ''}`;
  const ws = new WebSocket(url, { origin: options.origin ?? base() });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket, accept: (m: ServerMessage) => boolean): Promise<ServerMessage> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse((data as Buffer).toString('utf8')) as ServerMessage;
      if (!accept(message)) return;
      ws.off('message', onMessage);
      resolve(message);
    };
    ws.on('message', onMessage);
  });
}

describe('browser host', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the token', () => {
    expect(host.url).toBe(`${base()}/?token=${host.token}`);
    expect(host.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('serves the app’s own page with a strict CSP and no cookie (a reload has no token in its URL)', async () => {
    for (const url of [host.url, `${base()}/`, `${base()}/?token=wrong`]) {
      const page = await fetch(url);
      expect(page.status, url).toBe(200);
      expect(await page.text()).toContain('<title>t</title>');
      // Every other server on 127.0.0.1 would receive a cookie, whatever its port.
      expect(page.headers.get('set-cookie'), url).toBeNull();
    }
    const page = await fetch(host.url);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src ws://127.0.0.1:${host.port}`);
  });

  it('serves assets, and never a file outside the renderer folder', async () => {
    const asset = await fetch(`${base()}/alpha.md`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).toContain('Alpha body text.');
    for (const sneaky of ['/../vault/alpha.md', '/%2e%2e/vault/alpha.md', '/..%2fvault%2falpha.md']) {
      const res = await fetch(`${base()}${sneaky}`);
      expect(res.status, sneaky).toBe(404);
    }
  });

  it('refuses requests naming another host (DNS rebinding)', async () => {
    // fetch() may not set Host, so this goes through node:http.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(host.url, { headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('refuses a socket without the token or from a foreign origin', async () => {
    await expect(openSocket({})).rejects.toThrow('403');
    await expect(openSocket({ token: 'nope' })).rejects.toThrow('403');
    await expect(openSocket({ token: host.token, origin: 'http://evil.example' })).rejects.toThrow('403');
  });

  it('answers requests over the socket, validated, and pushes file events', async () => {
    const ws = await openSocket({ token: host.token });
    ws.send(JSON.stringify({ id: 1, method: 'readNote', args: { path: 'beta.md' } }));
    const read = await nextMessage(ws, (m) => 'id' in m && m.id === 1);
    expect(read).toMatchObject({ id: 1, ok: true, result: { path: 'beta.md' } });

    ws.send(JSON.stringify({ id: 2, method: 'readNote', args: { path: '../etc/passwd' } }));
    expect(await nextMessage(ws, (m) => 'id' in m && m.id === 2)).toMatchObject({
      ok: false,
      error: { code: 'UNSAFE_PATH' },
    });

    ws.send(JSON.stringify({ id: 3, method: 'eval', args: {} }));
    expect(await nextMessage(ws, (m) => 'id' in m && m.id === 3)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });

    ws.send(JSON.stringify({ id: 5, method: 'backlinks', args: { path: 'alpha.md' } }));
    const backlinks = await nextMessage(ws, (m) => 'id' in m && m.id === 5);
    expect(backlinks).toMatchObject({
      ok: true,
      result: [
        {
          source: 'beta.md',
          resolved: 'alpha.md',
          link: { target: 'alpha', line: 3 },
          context: { text: 'Beta links back to [[alpha]].', start: 19, end: 28 },
        },
      ],
    });

    ws.send('not json');
    const event = nextMessage(ws, (m) => 'event' in m && m.event.topic === 'files');
    ws.send(JSON.stringify({ id: 4, method: 'createNote', args: { path: 'new.md', text: 'hi' } }));
    expect(await nextMessage(ws, (m) => 'id' in m && m.id === 4)).toMatchObject({
      ok: true,
      result: { path: 'new.md' },
    });
    expect(((await event) as { event: PlexusEvent }).event).toEqual({
      topic: 'files',
      event: {
        type: 'added',
        path: 'new.md',
        kind: 'file',
        origin: 'app',
        size: anyNumber,
        mtimeMs: anyNumber,
      },
    });
    ws.close();
  });
});

describe('browser host: vault images', () => {
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const get = (path: string, withKey = true) =>
    fetch(`${base()}${path}${withKey ? `?key=${vaultFileKey(host.token)}` : ''}`);

  beforeEach(async () => {
    const vault = join(dir, 'vault');
    await mkdir(join(vault, 'assets', 'with space'), { recursive: true });
    await mkdir(join(vault, '.plexus'), { recursive: true });
    await writeFile(join(vault, 'assets', 'pixel.png'), PNG);
    await writeFile(join(vault, 'assets', 'with space', 'ünï.PNG'), PNG);
    await writeFile(
      join(vault, 'assets', 'icon.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    await writeFile(join(vault, '.plexus', 'hidden.png'), PNG);
    await writeFile(join(dir, 'outside.png'), PNG);
  });

  it('serves an image of the vault with its type, nosniff and a locked-down CSP, only with the key', async () => {
    const res = await get('/vault-file/assets/pixel.png');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await get('/vault-file/assets/pixel.png', false)).status).toBe(403);
    expect((await get(`/vault-file/assets/pixel.png?key=${host.token}`, false)).status).toBe(403);
    const cookie = `plexus_token=${host.token}`;
    expect((await fetch(`${base()}/vault-file/assets/pixel.png`, { headers: { cookie } })).status).toBe(403);
  });

  it('serves audio and video a note embeds, in parts when a player asks for a range', async () => {
    const clip = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
    await writeFile(join(dir, 'vault', 'assets', 'clip.mp3'), clip);
    await writeFile(join(dir, 'vault', 'assets', 'movie.webm'), clip);
    await writeFile(join(dir, 'vault', 'assets', 'tool.exe'), clip);
    const whole = await get('/vault-file/assets/clip.mp3');
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/mpeg');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await whole.arrayBuffer()).equals(clip)).toBe(true);
    expect((await get('/vault-file/assets/movie.webm')).headers.get('content-type')).toBe('video/webm');
    expect((await get('/vault-file/assets/tool.exe')).status).toBe(404);

    const url = `${base()}/vault-file/assets/clip.mp3?key=${vaultFileKey(host.token)}`;
    const part = await fetch(url, { headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(Buffer.from(await part.arrayBuffer()).equals(clip.subarray(100, 200))).toBe(true);
    const tail = await fetch(url, { headers: { range: 'bytes=-10' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(clip.subarray(990))).toBe(true);
    const beyond = await fetch(url, { headers: { range: 'bytes=5000-' } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */1000');
    // Without the key, no part of it either.
    expect((await fetch(url.replace(/\?key=.*/, ''), { headers: { range: 'bytes=0-9' } })).status).toBe(403);
  });

  it('decodes the path, whether slashes are encoded or not', async () => {
    for (const path of [
      `/vault-file/${encodeURIComponent('assets/with space/ünï.PNG')}`,
      `/vault-file/assets/${encodeURIComponent('with space')}/${encodeURIComponent('ünï.PNG')}`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
    }
  });

  it('serves SVG as an image that cannot run script when opened on its own', async () => {
    const res = await get('/vault-file/assets/icon.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
  });

  it('refuses notes and other non-images, missing files, dot-folders and paths leaving the vault', async () => {
    await symlink(join(dir, 'outside.png'), join(dir, 'vault', 'assets', 'escape.png'));
    await symlink(join(dir, 'vault', '.plexus', 'hidden.png'), join(dir, 'vault', 'assets', 'to-hidden.png'));
    for (const path of [
      '/vault-file/alpha.md',
      '/vault-file/assets/missing.png',
      '/vault-file/.plexus/hidden.png',
      `/vault-file/${encodeURIComponent('.plexus/hidden.png')}`,
      '/vault-file/assets/escape.png',
      '/vault-file/assets/to-hidden.png',
      `/vault-file/${encodeURIComponent('../outside.png')}`,
      '/vault-file/..%2foutside.png',
      `/vault-file/${encodeURIComponent(join(dir, 'outside.png'))}`,
      '/vault-file/assets',
      '/vault-file/',
      '/vault-file/%E0%A4%A.png',
      '/vault-file/a%00.png',
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});
