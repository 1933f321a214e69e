import type { Stats } from 'node:fs';

/** What a path looks like on disk: enough to tell our own write from a later external one. */
export type Signature = string | null;

/** The signature of a stat result (null when the path does not exist). */
export function signatureOf(stats: Stats | null | undefined): Signature {
  if (!stats) return null;
  return `${stats.isDirectory() ? 'd' : 'f'}:${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}

const MEMORY_MS = 10_000;

/**
 * Remembers the state each of our own operations left a path in. A watcher event for a path
 * whose current state is exactly that state is the echo of our own change, not news.
 */
export class OwnChanges {
  private readonly states = new Map<string, { signature: Signature; at: number }>();

  record(path: string, signature: Signature): void {
    this.states.set(path, { signature, at: Date.now() });
  }

  isEcho(path: string, current: Signature): boolean {
    const now = Date.now();
    for (const [key, value] of this.states) {
      if (now - value.at > MEMORY_MS) this.states.delete(key);
    }
    const own = this.states.get(path);
    return own !== undefined && own.signature === current;
  }
}
