import type { ErrorInfo } from '../errors';
import type { Method, PlexusEvent } from '../api';

/** A request as it crosses a transport. */
export type RpcRequest = { id: number; method: Method; args: unknown };

/** The answer to one request: never a thrown error, so codes survive every transport. */
export type RpcResponse = { ok: true; result: unknown } | { ok: false; error: ErrorInfo };

/** What the WebSocket carries from the engine to the page. */
export type ServerMessage = ({ id: number } & RpcResponse) | { event: PlexusEvent };

/** A way to reach the engine: Electron IPC or the browser host's WebSocket. */
export type Transport = {
  request(method: Method, args: unknown): Promise<RpcResponse>;
  onEvent(listener: (event: PlexusEvent) => void): () => void;
};
