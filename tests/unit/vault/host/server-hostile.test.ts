import { connect as tcp } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_SOCKET_MESSAGE_BYTES } from '../../../../shared/rpc/socket-limits';
import {
  answersNormally,
  frameHeader,
  handshake,
  openApi,
  rawExchange,
  startHostProcess,
  type HostUnderTest,
} from '../../../helpers/host-fixture';

/**
 * Issue 13, items 6 and 7, as found: requests and frames that ended the browser host without a
 * token. The host runs as its own process (`npm run serve`'s program), so a crash shows as the
 * process exiting; after each attack it must still be running and answer a plain request.
 */

let running: HostUnderTest;
beforeAll(async () => {
  running = await startHostProcess();
}, 30_000);
afterAll(async () => {
  await running.cleanup();
});

const alive = async () => {
  expect(running.host.exited(), running.host.output()).toBeNull();
  expect(await answersNormally(running.host)).toBe('answers');
};

/** Opens a socket to `path` with the ws client; resolves "open", "HTTP <status>" or "error …". */
function socketTo(path: string): Promise<string> {
  const port = running.host.port;
  const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, { origin: `http://127.0.0.1:${port}` });
  return new Promise((resolve) => {
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('unexpected-response', (_req, res) => resolve(`HTTP ${res.statusCode}`));
    ws.once('error', (e) => resolve(`error ${e.message}`));
  });
}

describe('item 6: request targets that do not parse', () => {
  it('answers the socket of `new WebSocket("ws://127.0.0.1:PORT//a:99999/api")` with 400 and lives', async () => {
    expect(await socketTo('//a:99999/api')).toBe('HTTP 400');
    await alive();
  });

  it.each([
    ['an absolute URL with a bad port', 'GET http://a:99999/ HTTP/1.1'],
    ['a protocol-relative path with a bad port', 'GET //a:99999/ HTTP/1.1'],
    ['a backslash path the URL parser reads as a host', 'GET /\\a:99999/ HTTP/1.1'],
    ['a backslash path naming another host', 'GET /\\evil.example/ HTTP/1.1'],
    ['an asterisk', 'OPTIONS * HTTP/1.1'],
    ['an absolute URL on our own host', 'GET http://127.0.0.1:PORT/ HTTP/1.1'],
  ])('answers %s with 400 and lives', async (_name, line) => {
    const port = running.host.port;
    const request = `${line.replace('PORT', String(port))}\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`;
    expect(await rawExchange(port, request)).toMatch(/^HTTP\/1\.1 400 /);
    await alive();
  });

  it.each([
    ['an absolute URL with a bad port', 'http://a:99999/api'],
    ['a protocol-relative path', '//a:99999/api'],
    ['a backslash path', '/\\a:99999/api'],
  ])('refuses an upgrade to %s with 400 and lives', async (_name, target) => {
    const port = running.host.port;
    const request = handshake(running.host).replace(/^GET \S+/, `GET ${target}`);
    expect(await rawExchange(port, request)).toMatch(/^HTTP\/1\.1 400 /);
    await alive();
  });
});

describe('item 7: frames the socket refuses', () => {
  it('closes a socket that sends a text frame that is not UTF-8 (1007), logs it and lives', async () => {
    const ws = await openApi(running.host);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('error', () => undefined);
    ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect(await closed).toBe(1007);
    await alive();
    expect(running.host.output()).toMatch(/plexus: API socket closed: .*UTF-8/i);
  });

  it('closes a socket whose frame claims more than the limit (1009) without reading it, and lives', async () => {
    const reply = await rawExchange(
      running.host.port,
      Buffer.concat([Buffer.from(handshake(running.host), 'latin1'), frameHeader(MAX_SOCKET_MESSAGE_BYTES + 1)]),
    );
    expect(reply).toMatch(/^HTTP\/1\.1 101 /);
    // The close frame: opcode 8, then the status 1009 (0x03f1).
    expect(reply).toContain('\x88\x02\x03\xf1');
    await alive();
    expect(running.host.output()).toMatch(/plexus: API socket closed: .*payload/i);
  });

  it('lives through peers that reset the connection right after sending a handshake', async () => {
    const port = running.host.port;
    const refused = handshake(running.host).replace(/token=\w+/, 'token=wrong');
    // The host answers (403) on a socket Node no longer watches once it is handed to 'upgrade'.
    for (let i = 0; i < 50; i++) {
      await new Promise<void>((resolve) => {
        const socket = tcp(port, '127.0.0.1');
        socket.on('error', () => resolve());
        socket.on('close', () => resolve());
        socket.on('connect', () => socket.write(refused + 'x'.repeat(64 * 1024), () => socket.resetAndDestroy()));
      });
    }
    await alive();
  });
});
