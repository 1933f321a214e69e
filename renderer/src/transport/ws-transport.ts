import type { Method, PlexusEvent } from '../../../shared/api';
import type { ErrorInfo } from '../../../shared/errors';
import { Emitter } from '../../../shared/events';
import type { RpcResponse, ServerMessage, Transport } from '../../../shared/rpc/rpc';
import { MAX_SOCKET_MESSAGE_BYTES } from '../../../shared/rpc/socket-limits';

/** How the socket to the host is doing, for the status bar and the host-lost banner. */
export type ConnectionHandlers = {
  /** The socket opened (true) or closed (false). */
  onStatus: (connected: boolean) => void;
  /**
   * A reconnect attempt failed (true): the host is gone, or restarted with another token and
   * refuses this page. Called with false when a later attempt gets through after all.
   */
  onLost?: (lost: boolean) => void;
};

/** How long after losing the socket the page tries again. */
export const RECONNECT_DELAY_MS = 2000;

/**
 * The browser host's transport: one WebSocket to 127.0.0.1 carrying requests, answers and
 * events. Requests made while the socket is down fail at once with a plain message, and so does
 * one larger than the host accepts (it would close the socket, and every request with it).
 */
export function connectWebSocket(token: string, { onStatus, onLost }: ConnectionHandlers): Promise<Transport> {
  const pending = new Map<number, (response: RpcResponse) => void>();
  // A listener that throws is logged; the others still hear the event.
  const events = new Emitter<PlexusEvent>();
  let nextId = 1;
  let socket: WebSocket;
  let lost = false;
  /** Before the first open, a failure is start-up's to report: no retrying, no banner. */
  let everOpened = false;

  const open = (): Promise<void> =>
    new Promise((resolve, reject) => {
      let opened = false;
      socket = new WebSocket(`ws://${location.host}/api?token=${encodeURIComponent(token)}`);
      socket.onopen = () => {
        opened = true;
        everOpened = true;
        if (lost) {
          lost = false;
          onLost?.(false);
        }
        onStatus(true);
        resolve();
      };
      socket.onerror = () => reject(new Error('Could not reach the Plexus host.'));
      socket.onmessage = (message) => receive(message.data);
      socket.onclose = (event) => {
        const why = event.code === 1009 ? tooLargeForHost() : lostConnection();
        for (const settle of pending.values()) settle({ ok: false, error: why });
        pending.clear();
        if (!everOpened) return;
        if (opened) onStatus(false);
        else if (!lost) {
          // This was a reconnect attempt, and the host refused it or is not there.
          lost = true;
          onLost?.(true);
        }
        setTimeout(() => void open().catch(() => undefined), RECONNECT_DELAY_MS);
      };
    });

  const receive = (raw: unknown) => {
    let data: ServerMessage;
    try {
      data = JSON.parse(String(raw)) as ServerMessage;
    } catch {
      return; // not an answer of ours
    }
    if ('event' in data) {
      events.fire(data.event);
    } else {
      pending.get(data.id)?.(data);
      pending.delete(data.id);
    }
  };

  return open().then(() => ({
    request(method: Method, args: unknown): Promise<RpcResponse> {
      if (socket.readyState !== WebSocket.OPEN) return Promise.resolve({ ok: false, error: lostConnection() });
      const id = nextId++;
      const message = JSON.stringify({ id, method, args });
      const bytes = encodedSize(message);
      if (bytes > MAX_SOCKET_MESSAGE_BYTES) return Promise.resolve({ ok: false, error: tooLarge(method, bytes) });
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(message);
      });
    },
    onEvent(listener: (event: PlexusEvent) => void): () => void {
      const subscription = events.event(listener);
      return () => subscription.dispose();
    },
  }));
}

/** UTF-8 length of `text`, encoding it only when it might be over the limit. */
function encodedSize(text: string): number {
  if (text.length * 3 <= MAX_SOCKET_MESSAGE_BYTES) return text.length; // a lower bound that cannot pass the limit
  return new TextEncoder().encode(text).length;
}

function megabytes(bytes: number): string {
  return String(Math.ceil(bytes / (1024 * 1024)));
}

function tooLarge(method: Method, bytes: number): ErrorInfo {
  const sizes = `${megabytes(bytes)} MB encoded; limit ${megabytes(MAX_SOCKET_MESSAGE_BYTES)} MB`;
  return {
    code: 'TOO_LARGE',
    message:
      method === 'writeNote' || method === 'createNote'
        ? `This note is too large to save through the browser host (${sizes}). Your text is still in the editor.`
        : `This request is too large for the browser host (${sizes}).`,
  };
}

function tooLargeForHost(): ErrorInfo {
  return {
    code: 'TOO_LARGE',
    message: `The host refused a message over ${megabytes(MAX_SOCKET_MESSAGE_BYTES)} MB and closed the connection; retrying.`,
  };
}

function lostConnection(): ErrorInfo {
  return { code: 'IO', message: 'Lost the connection to the Plexus host; retrying.' };
}
