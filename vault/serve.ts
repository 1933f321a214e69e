import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { MAX_NOTE_BYTES, type PlexusEvent } from '../shared/api';
import { dispatch } from '../shared/dispatch';
import type { ServerMessage } from '../shared/rpc';
import type { VaultService } from './service';
import { readVaultImage, VAULT_FILE_PREFIX, vaultFileHeaders } from './serve-vault-file';
import { readStatic } from './static-files';

export type BrowserHostOptions = {
  service: VaultService;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
};

export type BrowserHost = { url: string; port: number; token: string; close(): Promise<void> };

const COOKIE = 'plexus_token';

/** The CSP of every page the browser host serves: our own scripts and socket, nothing remote. */
export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // The markdown render worker (renderer/src/render-worker.ts), from our own origin.
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
 * Serves the renderer and the API on 127.0.0.1 only. A random token, printed in the URL, must
 * come with the page (then a same-site cookie) and with the socket; a foreign Origin is refused,
 * and so is a request another site's page made (Sec-Fetch-Site), even when it carries the cookie.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(24).toString('hex');
  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_NOTE_BYTES * 2 });
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
  const tokenOk = (req: IncomingMessage) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const given = url.searchParams.get('token') ?? cookieOf(req, COOKIE);
    return given !== null && sameSecret(given, token);
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      if (!hostOk(req)) return deny(res, 421, 'Wrong host.');
      if (fromElsewhere(req)) return deny(res, 403, 'Requests from other sites are refused.');
      if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'Only GET is served.');
      if (!tokenOk(req)) {
        return deny(res, 403, 'Open the address printed by "npm run serve": it carries this launch\'s access token.');
      }
      const pathname = new URL(req.url ?? '/', 'http://x').pathname;
      if (pathname.startsWith(VAULT_FILE_PREFIX)) {
        // An image of the vault, for rendered notes; same token check as every asset.
        const image = await readVaultImage(options.service.vault.root, pathname);
        if (!image) return deny(res, 404, 'Not found.');
        res.writeHead(200, vaultFileHeaders(image.contentType));
        res.end(req.method === 'HEAD' ? undefined : image.body);
        return;
      }
      const file = await readStatic(options.staticDir, pathname);
      if (!file) return deny(res, 404, 'Not found.');
      res.writeHead(200, {
        'Content-Type': file.contentType,
        'Content-Security-Policy': contentSecurityPolicy(port),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
        'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
      res.end(req.method === 'HEAD' ? undefined : file.body);
    })();
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== '/api' || !hostOk(req) || !ownOrigin(req.headers.origin) || !tokenOk(req)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, options.service));
  });

  const unsubscribe = options.service.onEvent((event: PlexusEvent) => {
    const message = JSON.stringify({ event });
    for (const client of sockets.clients) client.send(message);
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

function serveSocket(ws: WebSocket, service: VaultService): void {
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
      const reply: ServerMessage = { id, ...response };
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
    })();
  });
}

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : new TextDecoder().decode(data);
}

function deny(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(message);
}

function cookieOf(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
