import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { PlexusEvent } from '../../shared/api';
import { dispatch } from '../../shared/rpc/dispatch';
import type { ServerMessage } from '../../shared/rpc/rpc';
import { MAX_SOCKET_MESSAGE_BYTES } from '../../shared/rpc/socket-limits';
import { VAULT_FILE_KEY_LABEL, VAULT_FILE_KEY_PARAM, VAULT_FILE_PREFIX } from '../../shared/vault-file-url';
import type { VaultService } from '../service';
import { byteRange, readVaultMedia, vaultFileHeaders } from './vault-file-route';
import { readStatic } from './static-files';

export type BrowserHostOptions = {
  service: VaultService;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** The launch token (48 hex digits); a fresh random one when absent. */
  token?: string;
  /** Where socket and request faults are reported (default: stderr). */
  log?: (line: string) => void;
};

export type BrowserHost = { url: string; port: number; token: string; close(): Promise<void> };

/** A launch token as `startBrowserHost` makes them. */
export const TOKEN_PATTERN = /^[0-9a-f]{48}$/;

/** The CSP of every page the browser host serves: our own scripts and socket, nothing remote. */
export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // The markdown render worker (renderer/src/render/render-worker.ts), from our own origin.
    "worker-src 'self'",
    // CodeMirror styles the editor through injected <style> elements.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src ws://127.0.0.1:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The key that opens `/vault-file/…` images and nothing else: an HMAC of a fixed label keyed by
 * the launch token. Image URLs carry it (a copied `<img>` leaks image reads, never the API).
 */
export function vaultFileKey(token: string): string {
  return createHmac('sha256', token).update(VAULT_FILE_KEY_LABEL).digest('hex');
}

/**
 * The path and query of a request target, or null when it is not a plain path on this host.
 * Never throws: `//a:99999/api`, `/\a:99999/`, `http://a:99999/` and `*` all give null (a 400),
 * and so does a target the URL parser would read as another host (`/\evil.example/api`).
 */
export function parseTarget(target: string | undefined): URL | null {
  if (!target?.startsWith('/') || target.startsWith('//')) return null;
  try {
    const url = new URL(target, 'http://127.0.0.1');
    return url.host === '127.0.0.1' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Serves the renderer and the API on 127.0.0.1 only. The API socket needs the launch token,
 * which the page takes from the address printed at launch and keeps in its tab's sessionStorage;
 * vault images need a key derived from it. No cookie: a browser sends a 127.0.0.1 cookie to every
 * port, so any other local server would receive it and could replay it. The app's own files
 * (the same public build for everyone) are served without a secret, so reloading works. A
 * foreign Host or Origin is refused, and so is a request another site's page made
 * (Sec-Fetch-Site). A request target that does not parse gets a 400; socket faults are logged.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  if (!TOKEN_PATTERN.test(token)) throw new Error('The launch token must be 48 hex digits.');
  const imageKey = vaultFileKey(token);
  const log = options.log ?? ((line: string) => process.stderr.write(`plexus: ${line}\n`));
  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_SOCKET_MESSAGE_BYTES });
  let port = 0;

  const hostOk = (req: IncomingMessage) =>
    req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;
  const ownOrigin = (origin: string | undefined) =>
    origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
  // Browsers say where a request comes from; other local sites (another port is "same-site") and
  // the web are refused. Requests without these headers (typed URLs, curl) rely on the token.
  const fromElsewhere = (req: IncomingMessage) => {
    const site = req.headers['sec-fetch-site'];
    return (
      (req.headers.origin !== undefined && !ownOrigin(req.headers.origin)) ||
      site === 'cross-site' ||
      site === 'same-site'
    );
  };
  const given = (url: URL, name: string, secret: string) => {
    const value = url.searchParams.get(name);
    return value !== null && sameSecret(value, secret);
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void serveRequest(req, res).catch((error: unknown) => {
      log(`request ${JSON.stringify(req.url)} failed: ${describe(error)}`);
      if (!res.headersSent) deny(res, 500, 'The request failed.');
      else res.destroy();
    });
  });

  const serveRequest = async (req: IncomingMessage, res: ServerResponse) => {
    const url = parseTarget(req.url);
    if (!url) return deny(res, 400, 'Bad request target.');
    if (!hostOk(req)) return deny(res, 421, 'Wrong host.');
    if (fromElsewhere(req)) return deny(res, 403, 'Requests from other sites are refused.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'Only GET is served.');
    if (url.pathname.startsWith(VAULT_FILE_PREFIX)) {
      // An image of the vault, for rendered notes: only with the images-only key.
      if (!given(url, VAULT_FILE_KEY_PARAM, imageKey)) return deny(res, 403, "Vault images need this launch's key.");
      const file = await readVaultMedia(options.service.vault.root, url.pathname);
      if (!file) return deny(res, 404, 'Not found.');
      const size = file.body.length;
      const range = byteRange(req.headers.range, size);
      if (range === 'unsatisfiable') {
        res.writeHead(416, { ...vaultFileHeaders(file.contentType), 'Content-Range': `bytes */${size}` });
        res.end();
        return;
      }
      const body = range ? file.body.subarray(range.start, range.end + 1) : file.body;
      const headers = { ...vaultFileHeaders(file.contentType), 'Content-Length': String(body.length) };
      if (range) res.writeHead(206, { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${size}` });
      else res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    const file = await readStatic(options.staticDir, url.pathname);
    if (!file) return deny(res, 404, 'Not found.');
    res.writeHead(200, {
      'Content-Type': file.contentType,
      'Content-Security-Policy': contentSecurityPolicy(port),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node stops watching an upgraded socket's errors: a reset peer must not end the process.
    socket.on('error', (error) => log(`socket before upgrade: ${describe(error)}`));
    const url = parseTarget(req.url);
    if (!url) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    const allowed =
      url.pathname === '/api' && hostOk(req) && ownOrigin(req.headers.origin) && given(url, 'token', token);
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, options.service, log));
  });

  const unsubscribe = options.service.onEvent((event: PlexusEvent) => {
    const message = JSON.stringify({ event });
    for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(message);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function serveSocket(ws: WebSocket, service: VaultService, log: (line: string) => void): void {
  // Without this listener a frame that is not UTF-8, or one over the limit, ends the process;
  // ws then closes this socket (1007, 1009) and the page sees the connection drop.
  ws.on('error', (error) => log(`API socket closed: ${describe(error)}`));
  ws.on('message', (data, isBinary) => {
    void (async () => {
      if (isBinary) return;
      let message: unknown;
      try {
        message = JSON.parse(textOf(data));
      } catch {
        return; // not ours: nothing to answer
      }
      if (typeof message !== 'object' || message === null) return;
      const { id, method, args } = message as { id?: unknown; method?: unknown; args?: unknown };
      if (typeof id !== 'number') return;
      const response = await dispatch(service, method, args);
      if (ws.readyState === ws.OPEN) ws.send(encodeReply({ id, ...response }));
    })().catch((error: unknown) => log(`API request failed: ${describe(error)}`));
  });
}

/** The answer as JSON; one that cannot be encoded still answers, with a plain error. */
function encodeReply(reply: ServerMessage & { id: number }): string {
  try {
    return JSON.stringify(reply);
  } catch {
    const error = { code: 'INTERNAL', message: 'The host could not encode its answer.' } as const;
    return JSON.stringify({ id: reply.id, ok: false, error } satisfies ServerMessage);
  }
}

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : new TextDecoder().decode(data);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function deny(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(message);
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
