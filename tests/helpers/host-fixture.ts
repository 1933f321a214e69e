import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect as tcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import type { ServerMessage } from '../../shared/rpc/rpc';
import { launchBrowserHost, type HostProcess } from './browser-host-process';

const repo = resolve(import.meta.dirname, '../..');

/** A browser host child process on a copy of the basic fixture, serving a stand-in page. */
export type HostUnderTest = { host: HostProcess; dir: string; vault: string; cleanup(): Promise<void> };

export async function startHostProcess(): Promise<HostUnderTest> {
  const dir = await mkdtemp(join(tmpdir(), 'plexus-host-'));
  const vault = join(dir, 'vault');
  await cp(join(repo, 'tests/fixtures/basic'), vault, { recursive: true });
  const staticDir = join(dir, 'static');
  await cp(join(repo, 'tests/fixtures/basic'), staticDir, { recursive: true });
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const host = await launchBrowserHost(vault, join(dir, 'data'), 20_000, { staticDir });
  return {
    host,
    dir,
    vault,
    cleanup: async () => {
      await host.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Opens the API socket as our own page would. */
export function openApi(host: HostProcess): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, {
    origin: `http://127.0.0.1:${host.port}`,
  });
  return new Promise((resolveOpen, reject) => {
    ws.once('open', () => resolveOpen(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** Sends one request and waits for the answer with its id. */
export function call(ws: WebSocket, id: number, method: unknown, args?: unknown): Promise<ServerMessage> {
  return new Promise((resolveAnswer, reject) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse((data as Buffer).toString('utf8')) as ServerMessage;
      if ('id' in message && message.id === id) {
        ws.off('message', onMessage);
        ws.off('close', onClose);
        resolveAnswer(message);
      }
    };
    const onClose = () => reject(new Error('socket closed before the answer'));
    ws.on('message', onMessage);
    ws.once('close', onClose);
    ws.send(JSON.stringify({ id, method, args }));
  });
}

/** The host answers a plain request on a fresh socket: it is alive and serving. */
export async function answersNormally(host: HostProcess): Promise<string> {
  const ws = await openApi(host);
  try {
    const answer = await call(ws, 1, 'vaultInfo', {});
    return 'ok' in answer && answer.ok ? 'answers' : JSON.stringify(answer);
  } finally {
    ws.close();
  }
}

/** Writes raw bytes to the host's port and collects what comes back until it closes. */
export function rawExchange(port: number, bytes: string | Buffer): Promise<string> {
  return new Promise((resolveText) => {
    const socket = tcp(port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('error', () => resolveText(text));
    socket.on('close', () => resolveText(text));
    socket.on('connect', () => socket.write(bytes));
    socket.setTimeout(5000, () => socket.destroy());
  });
}

/** A masked client frame header (no payload) for a text frame claiming `length` bytes. */
export function frameHeader(length: number, opcode = 0x1): Buffer {
  const header = Buffer.alloc(14);
  header[0] = 0x80 | opcode;
  header[1] = 0x80 | 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  header.writeUInt32BE(0x01020304, 10); // mask key
  return header;
}

/** The request line and headers of a WebSocket handshake to /api with the token. */
export function handshake(host: HostProcess): string {
  return [
    `GET /api?token=${host.token} HTTP/1.1`,
    `Host: 127.0.0.1:${host.port}`,
    `Origin: http://127.0.0.1:${host.port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
    '',
    '',
  ].join('\r\n');
}
