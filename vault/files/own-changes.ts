import type { Stats } from 'node:fs';

/** What a path looks like on disk: enough to tell our own write from a later external one. */
export type Signature = string | null;

/** The signature of a stat result (null when the path does not exist). */
export function signatureOf(stats: Stats | null | undefined): Signature {
  if (!stats) return null;
  // A folder's mtime changes whenever a child is added, so only its identity counts.
  if (stats.isDirectory()) return `d:${stats.ino}`;
  return `f:${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}

/** The kinds of watcher event, as far as echo detection cares. */
export type WatchedChange = 'add' | 'change' | 'remove';

const MEMORY_MS = 10_000;

type Record = { signature: Signature; tree: boolean; at: number };

/**
 * Remembers the state each of our own operations left a path in. A watcher event for a path
 * whose current state is exactly that state is the echo of our own change, not news. A moved or
 * trashed folder is remembered as a tree: its children's adds (or removals) are echoes too.
 */
export class OwnChanges {
  private readonly states = new Map<string, Record>();
  private readonly running = new Set<Promise<unknown>>();

  /**
   * Runs one of our operations. The watcher waits for running ones before judging an event, since
   * the OS may report a rename before the operation has recorded what it did.
   */
  async run<T>(operation: () => Promise<T>): Promise<T> {
    const promise = operation();
    this.running.add(promise);
    try {
      return await promise;
    } finally {
      this.running.delete(promise);
    }
  }

  /** Resolves once no operation of ours is running. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  record(path: string, signature: Signature): void {
    this.states.set(path, { signature, tree: false, at: Date.now() });
  }

  /** Remembers that a whole folder appeared (signature set) or vanished (null) by our doing. */
  recordTree(path: string, signature: Signature): void {
    this.states.set(path, { signature, tree: true, at: Date.now() });
  }

  isEcho(path: string, current: Signature, change: WatchedChange): boolean {
    const now = Date.now();
    for (const [key, value] of this.states) {
      if (now - value.at > MEMORY_MS) this.states.delete(key);
    }
    const own = this.states.get(path);
    if (own !== undefined && own.signature === current) return true;
    // Seen in another state: someone else has touched it since, so later events are theirs too.
    if (own !== undefined) this.states.delete(path);
    for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
      const tree = this.states.get(path.slice(0, i));
      if (!tree?.tree) continue;
      if (tree.signature === null) return current === null && change === 'remove';
      return current !== null && change === 'add';
    }
    return false;
  }
}
