/** Why a request failed, in a form the renderer can branch on. */
export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNSAFE_PATH'
  | 'INVALID_NAME'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'STALE_VERSION'
  | 'NOT_TEXT'
  | 'TOO_LARGE'
  | 'IO'
  | 'BAD_QUERY'
  | 'CONFLICT'
  | 'INTERNAL';

/** The error shape that crosses a transport: a code and a sentence a person can read. */
export type ErrorInfo = { code: ErrorCode; message: string };

/** An error raised by the engine or a transport, with a plain-language message. */
export class PlexusError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'PlexusError';
    this.code = code;
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message };
  }
}

/** Converts anything thrown into an ErrorInfo without leaking stack traces to the client. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof PlexusError) return error.toInfo();
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
