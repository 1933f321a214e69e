import { connect as tcp } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { methods } from '../../../../shared/api';
import type { ErrorCode } from '../../../../shared/errors';
import type { ServerMessage } from '../../../../shared/rpc/rpc';
import {
  answersNormally,
  call,
  handshake,
  openApi,
  startHostProcess,
  type HostUnderTest,
} from '../../../helpers/host-fixture';

/**
 * Property-based fuzzing of the browser host over its real socket: every API method with
 * arbitrary and near-valid JSON, messages that are not requests, binary and invalid UTF-8 frames,
 * and raw bytes after a handshake. The host runs as its own process: it must never exit, every
 * failure it answers is exactly `{ code, message }`, and it still serves a plain request after.
 */

// A record, so the compiler names a code missing here.
const CODES: Record<ErrorCode, true> = {
  INVALID_ARGUMENT: true,
  UNSAFE_PATH: true,
  INVALID_NAME: true,
  NOT_FOUND: true,
  ALREADY_EXISTS: true,
  STALE_VERSION: true,
  NOT_TEXT: true,
  TOO_LARGE: true,
  IO: true,
  BAD_QUERY: true,
  CONFLICT: true,
  INTERNAL: true,
};

let running: HostUnderTest;
beforeAll(async () => {
  running = await startHostProcess();
}, 30_000);
afterAll(async () => {
  await running.cleanup();
});

const path = fc.oneof(
  fc.constantFrom('alpha.md', 'beta.md', 'gamma.md', 'notes/x.md', 'new.md', '.git/config', '../out.md', 'a:b.md', ''),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const value = fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 3 }), path, fc.string({ maxLength: 200 }));
const version = fc.oneof(fc.stringMatching(/^[0-9a-f]{16}$/), fc.string({ maxLength: 20 }));
/** Arguments near what each method takes (so the engine behind the schema is reached), or anything. */
const args = fc.oneof(
  fc.record(
    {
      path,
      text: fc.string({ maxLength: 300 }),
      baseVersion: version,
      from: path,
      to: path,
      query: fc.string({ maxLength: 60 }),
      limit: fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.double()),
      id: fc.oneof(fc.string({ maxLength: 70 }), fc.stringMatching(/^[0-9a-z-]{1,64}$/)),
      targets: fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }),
      recent: fc.array(path, { maxLength: 3 }),
      dryRun: fc.boolean(),
      settings: fc.oneof(
        fc.record({ newNotes: fc.constantFrom('beside-current', 'vault-root', 'folder', 'x'), newNotesFolder: path }),
        value,
      ),
      state: value,
    },
    { requiredKeys: [] },
  ),
  value,
  fc.constant(undefined),
);
const request = fc.record({ method: fc.oneof(fc.constantFrom(...methods), fc.string({ maxLength: 20 })), args });

/** One thing sent on the socket. */
const message = fc.oneof(
  { weight: 6, arbitrary: request.map((r) => ({ kind: 'request' as const, ...r })) },
  { weight: 1, arbitrary: fc.jsonValue().map((json) => ({ kind: 'text' as const, text: JSON.stringify(json) })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((text) => ({ kind: 'text' as const, text })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ kind: 'binary' as const, bytes })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 60 }).map((bytes) => ({ kind: 'badText' as const, bytes })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ kind: 'rawFrames' as const, bytes })) },
);
type Message = typeof message extends fc.Arbitrary<infer T> ? T : never;

/** What is wrong with an answer, or null when it is a success or exactly `{ code, message }`. */
function problemOf(answer: ServerMessage): string | null {
  if (!('id' in answer)) return null; // an event
  if (answer.ok) return null;
  const error = answer.error as unknown as Record<string, unknown>;
  const keys = Object.keys(error).sort().join(',');
  if (keys !== 'code,message') return `error keys are ${keys}`;
  if (typeof error.code !== 'string' || !Object.hasOwn(CODES, error.code)) return `unknown code ${String(error.code)}`;
  if (typeof error.message !== 'string' || error.message.trim() === '') return 'empty message';
  return null;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_resolve, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms: ${what}`)), ms)),
  ]);
}

/**
 * Sends a handshake, then arbitrary bytes once the host has upgraded the connection; drops the
 * connection when the host closes it or has had a moment to read them.
 */
function rawFrames(bytes: Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    const socket = tcp(running.host.port, '127.0.0.1');
    socket.on('error', () => resolve());
    socket.on('close', () => resolve());
    socket.once('data', () => {
      socket.write(Buffer.from(bytes));
      setTimeout(() => socket.destroy(), 50);
    });
    socket.on('connect', () => socket.write(handshake(running.host)));
  });
}

describe('fuzzing the API socket', () => {
  it('never ends the host; every failure is { code, message }; plain requests still work', async () => {
    let ws = await openApi(running.host);
    let nextId = 1;
    const problems: string[] = [];
    const send = async (m: Message) => {
      if (ws.readyState !== WebSocket.OPEN) ws = await openApi(running.host);
      switch (m.kind) {
        case 'request': {
          const id = nextId++;
          const answer = await withTimeout(call(ws, id, m.method, m.args), 10_000, JSON.stringify(m).slice(0, 200));
          const problem = problemOf(answer);
          if (problem) problems.push(`${problem}: ${JSON.stringify(m).slice(0, 200)}`);
          break;
        }
        case 'text':
          ws.send(m.text);
          break;
        case 'binary':
          ws.send(Buffer.from(m.bytes), { binary: true });
          break;
        case 'badText': {
          // Text frames as sent, valid UTF-8 or not (the host closes the socket on a bad one).
          const closed = new Promise((r) => ws.once('close', r));
          ws.on('error', () => undefined);
          ws.send(Buffer.concat([Buffer.from(m.bytes), Buffer.from([0xc3, 0x28])]), { binary: false });
          await withTimeout(closed, 5000, 'close after a text frame that is not UTF-8');
          break;
        }
        case 'rawFrames':
          await rawFrames(m.bytes);
          break;
      }
    };

    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 8 }), async (batch) => {
        for (const m of batch) await send(m);
        expect(running.host.exited(), running.host.output()).toBeNull();
      }),
      { numRuns: 500, interruptAfterTimeLimit: 20_000 },
    );
    ws.close();
    expect(problems).toEqual([]);
    expect(running.host.exited(), running.host.output()).toBeNull();
    expect(await answersNormally(running.host)).toBe('answers');
    // And a write and a read of a note of its own.
    const after = await openApi(running.host);
    const created = await call(after, 1, 'createNote', { path: 'after-fuzz.md', text: 'still here' });
    expect(created).toMatchObject({ ok: true });
    expect(await call(after, 2, 'readNote', { path: 'after-fuzz.md' })).toMatchObject({
      ok: true,
      result: { text: 'still here' },
    });
    after.close();
  }, 60_000);
});
