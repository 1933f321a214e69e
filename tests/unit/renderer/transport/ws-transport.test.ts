import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import NodeWebSocket from 'ws';
import { createClient } from '../../../../shared/rpc/client';
import { PlexusError } from '../../../../shared/errors';
import type { Transport } from '../../../../shared/rpc/rpc';
import { MAX_SOCKET_MESSAGE_BYTES } from '../../../../shared/rpc/socket-limits';
import { startBrowserHost, type BrowserHost } from '../../../../vault/host/server';
import { VaultService } from '../../../../vault/service';
import { connectWebSocket, RECONNECT_DELAY_MS } from '../../../../renderer/src/transport/ws-transport';

/**
 * The page's transport against a real browser host: the `ws` client stands in for the browser's
 * WebSocket (sending our Origin, as a page does).
 */

let dir: string;
let service: VaultService;
let host: BrowserHost;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plexus-ws-transport-'));
  await cp(join(import.meta.dirname, '../../../fixtures/basic'), join(dir, 'vault'), { recursive: true });
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  service = await VaultService.open(join(dir, 'vault'), { host: 'browser', watch: false });
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await host.close();
});

afterAll(async () => {
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

async function pageOn(options: { port?: number; token?: string; service?: VaultService } = {}) {
  host = await startBrowserHost({ service, staticDir: dir, ...options });
  const location = { host: `127.0.0.1:${host.port}` };
  class PageSocket extends NodeWebSocket {
    constructor(url: string) {
      super(url, { origin: `http://${location.host}` });
      this.on('error', () => undefined); // reported through onerror/onclose, as in a browser
    }
  }
  vi.stubGlobal('location', location);
  vi.stubGlobal('WebSocket', PageSocket);
}

describe('a request larger than the host takes', () => {
  it('is answered at once with TOO_LARGE, never sent, and the socket stays open', async () => {
    await pageOn();
    const transport: Transport = await connectWebSocket(host.token, { onStatus: () => undefined });
    const api = createClient(transport);
    const { version } = await api.readNote({ path: 'alpha.md' });
    // Issue 13: a 23 MB note of control bytes becomes ~138 MB of JSON escapes (\u0001).
    const text = '\u0001'.repeat(23 * 1024 * 1024);
    const error = await api.writeNote({ path: 'alpha.md', text, baseVersion: version }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlexusError);
    expect((error as PlexusError).code).toBe('TOO_LARGE');
    const limit = Math.ceil(MAX_SOCKET_MESSAGE_BYTES / 2 ** 20);
    expect((error as PlexusError).message).toBe(
      `This note is too large to save through the browser host (139 MB encoded; limit ${limit} MB). Your text is still in the editor.`,
    );
    // Still connected: the next request is answered (a message over the limit closes the socket).
    expect((await api.vaultInfo({})).host).toBe('browser');
    expect((await api.readNote({ path: 'alpha.md' })).version).toBe(version);
  });

  it('counts UTF-8 bytes, not characters', async () => {
    await pageOn();
    const api = createClient(await connectWebSocket(host.token, { onStatus: () => undefined }));
    // Under the limit in characters, over it in bytes (3 bytes each).
    const text = '€'.repeat(Math.floor(MAX_SOCKET_MESSAGE_BYTES / 3) + 10);
    const error = await api.createNote({ path: 'euro.md', text }).catch((e: unknown) => e);
    expect((error as PlexusError).code).toBe('TOO_LARGE');
    expect((error as PlexusError).message).toMatch(/^This note is too large to save through the browser host/);
  });
});

describe('losing the host', () => {
  it('reports the page lost when the host is gone, and when it is back with another token', async () => {
    await pageOn();
    const events: string[] = [];
    const transport = await connectWebSocket(host.token, {
      onStatus: (connected) => events.push(connected ? 'connected' : 'disconnected'),
      onLost: (lost) => events.push(lost ? 'lost' : 'found'),
    });
    const port = host.port;
    await host.close();
    await vi.waitFor(() => expect(events).toEqual(['connected', 'disconnected', 'lost']), {
      timeout: RECONNECT_DELAY_MS * 3,
    });
    const answer = await transport.request('vaultInfo', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'IO' } });
    expect(JSON.stringify(answer)).toMatch(/Lost the connection/);

    // Restarted on the same port with a new token: the upgrade is refused; still lost.
    await pageOn({ port });
    expect(host.port).toBe(port);
    await new Promise((r) => setTimeout(r, RECONNECT_DELAY_MS * 2.5));
    expect(events).toEqual(['connected', 'disconnected', 'lost']);
  }, 20_000);

  it('finds the page again when the host comes back with the same token (a fixed --port)', async () => {
    await pageOn();
    const events: string[] = [];
    const token = host.token;
    const transport = await connectWebSocket(token, {
      onStatus: (connected) => events.push(connected ? 'connected' : 'disconnected'),
      onLost: (lost) => events.push(lost ? 'lost' : 'found'),
    });
    const port = host.port;
    await host.close();
    await vi.waitFor(() => expect(events).toContain('lost'), { timeout: RECONNECT_DELAY_MS * 3 });
    await pageOn({ port, token });
    await vi.waitFor(() => expect(events).toEqual(['connected', 'disconnected', 'lost', 'found', 'connected']), {
      timeout: RECONNECT_DELAY_MS * 3,
    });
    expect(await transport.request('vaultInfo', {})).toMatchObject({ ok: true });
  }, 20_000);
});

describe('events from the host', () => {
  it('reach every listener, one that throws included, and not one that unsubscribed', async () => {
    const watched = await VaultService.open(join(dir, 'vault'), { host: 'browser', watch: true });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await pageOn({ service: watched });
      const transport = await connectWebSocket(host.token, { onStatus: () => undefined });
      const heard: string[] = [];
      const gone: string[] = [];
      transport.onEvent(() => {
        throw new Error('a broken pane');
      });
      transport.onEvent((event) => {
        if (event.topic === 'files') heard.push(event.event.type);
      });
      const unsubscribe = transport.onEvent((event) => gone.push(event.topic));
      unsubscribe();
      await writeFile(join(dir, 'vault', 'from-outside.md'), '# New\n');
      await vi.waitFor(() => expect(heard).toContain('added'), { timeout: 8_000 });
      expect(gone).toEqual([]);
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
      await host.close();
      await watched.close();
      await rm(join(dir, 'vault', 'from-outside.md'), { force: true });
    }
  });
});
