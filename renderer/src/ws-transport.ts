import type { Method, PlexusEvent } from '../../shared/api';
import type { RpcResponse, ServerMessage, Transport } from '../../shared/rpc';

/**
 * The browser host's transport: one WebSocket to 127.0.0.1 carrying requests, answers and
 * events. Requests made while the socket is down fail at once with a plain message.
 */
export function connectWebSocket(token: string, onStatus: (connected: boolean) => void): Promise<Transport> {
  const pending = new Map<number, (response: RpcResponse) => void>();
  const listeners = new Set<(event: PlexusEvent) => void>();
  let nextId = 1;
  let socket: WebSocket;

  const open = (): Promise<void> =>
    new Promise((resolve, reject) => {
      socket = new WebSocket(`ws://${location.host}/api?token=${encodeURIComponent(token)}`);
      socket.onopen = () => {
        onStatus(true);
        resolve();
      };
      socket.onerror = () => reject(new Error('Could not reach the Plexus host.'));
      socket.onmessage = (message) => {
        const data = JSON.parse(String(message.data)) as ServerMessage;
        if ('event' in data) {
          for (const listener of listeners) listener(data.event);
        } else {
          pending.get(data.id)?.(data);
          pending.delete(data.id);
        }
      };
      socket.onclose = () => {
        onStatus(false);
        for (const settle of pending.values()) settle(lost());
        pending.clear();
        setTimeout(() => void open().catch(() => undefined), 2000);
      };
    });

  return open().then(() => ({
    request(method: Method, args: unknown): Promise<RpcResponse> {
      if (socket.readyState !== WebSocket.OPEN) return Promise.resolve(lost());
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, method, args }));
      });
    },
    onEvent(listener: (event: PlexusEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  }));
}

function lost(): RpcResponse {
  return { ok: false, error: { code: 'IO', message: 'Lost the connection to the Plexus host; retrying.' } };
}
