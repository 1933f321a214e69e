import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { SnapshotContent as Snapshot, SnapshotInfo } from '../../shared/api';
import { PlexusError } from '../../shared/errors';

export type RecoveryOptions = {
  /** Whose notes these are (the vault's root): snapshots of other vaults in the same folder stay apart. */
  scope: string;
  /** At most one snapshot per note in this long (forced ones aside). */
  minIntervalMs?: number;
  /** Snapshots older than this are dropped. */
  maxAgeMs?: number;
  /** The folder is kept under this many bytes; the oldest snapshots go first. */
  maxBytes?: number;
  now?: () => number;
};

export const SNAPSHOT_INTERVAL_MS = 5 * 60_000;
export const SNAPSHOT_MAX_AGE_MS = 7 * 24 * 3600_000;
export const SNAPSHOT_MAX_BYTES = 100 * 1024 * 1024;

/** `<time>-<note key>-<random>`: says when and whose without reading the file, and is never a path. */
const ID = /^(\d{13})-([0-9a-f]{16})-([0-9a-f]{8})$/;

/** True for a string shaped like a snapshot id (no dots, no slashes: safe as a file name). */
export function isSnapshotId(id: string): boolean {
  return ID.test(id);
}

type Entry = { id: string; key: string; time: number; size: number };

/**
 * Earlier versions of notes, kept outside the vault (in the app's data folder) so a bad save
 * or an unwanted change can be undone: one JSON file per snapshot, named by its id. Snapshots
 * are throttled per note, expire after a week, and the folder is size-capped.
 */
export class RecoveryStore {
  private entries: Promise<Entry[]> | null = null;
  /** Snapshots are taken one at a time, so two saves of a note cannot both pass the interval check. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly last = new Map<string, { time: number; hash: string }>();
  private readonly minIntervalMs: number;
  private readonly maxAgeMs: number;
  private readonly maxBytes: number;
  private readonly now: () => number;

  constructor(
    readonly dir: string,
    private readonly options: RecoveryOptions,
  ) {
    this.minIntervalMs = options.minIntervalMs ?? SNAPSHOT_INTERVAL_MS;
    this.maxAgeMs = options.maxAgeMs ?? SNAPSHOT_MAX_AGE_MS;
    this.maxBytes = options.maxBytes ?? SNAPSHOT_MAX_BYTES;
    this.now = options.now ?? Date.now;
  }

  /**
   * Keeps `text` as a version of `path`, unless the note had one less than the interval ago
   * (`force` skips that check) or the latest one has the same text. Returns the id, or null.
   */
  snapshot(path: string, text: string, options: { force?: boolean } = {}): Promise<string | null> {
    const run = this.queue.then(() => this.take(path, text, options.force ?? false));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async take(path: string, text: string, force: boolean): Promise<string | null> {
    const key = this.keyOf(path);
    const entries = await this.load();
    const time = Math.max(this.now(), ...entries.filter((e) => e.key === key).map((e) => e.time + 1));
    const hash = createHash('sha256').update(text).digest('hex');
    let last = this.last.get(key);
    if (!last) {
      const latest = entries.filter((e) => e.key === key).at(-1);
      const earlier = latest ? await this.read(latest.id).catch(() => null) : null;
      if (latest && earlier)
        last = { time: latest.time, hash: createHash('sha256').update(earlier.text).digest('hex') };
    }
    if (last?.hash === hash) return null;
    if (!force && last && time - last.time < this.minIntervalMs) return null;
    const id = `${String(time).padStart(13, '0')}-${key}-${randomBytes(4).toString('hex')}`;
    const body = JSON.stringify({ path, time, text } satisfies Snapshot);
    await fs.mkdir(this.dir, { recursive: true });
    const file = join(this.dir, `${id}.json`);
    await fs.writeFile(file + '.tmp', body);
    await fs.rename(file + '.tmp', file);
    entries.push({ id, key, time, size: Buffer.byteLength(body) });
    entries.sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1));
    this.last.set(key, { time, hash });
    await this.prune();
    return id;
  }

  /** The snapshots of `path`, newest first. */
  async list(path: string): Promise<SnapshotInfo[]> {
    const key = this.keyOf(path);
    const cutoff = this.now() - this.maxAgeMs;
    return (await this.load())
      .filter((e) => e.key === key && e.time >= cutoff)
      .reverse()
      .map(({ id, time, size }) => ({ id, time, size }));
  }

  /** One snapshot's text; NOT_FOUND for an unknown, expired or other vault's id. */
  async read(id: string): Promise<Snapshot> {
    const match = ID.exec(id);
    if (!match) throw new PlexusError('INVALID_ARGUMENT', 'That is not a snapshot id.');
    const raw = await fs.readFile(join(this.dir, `${id}.json`), 'utf8').catch(() => null);
    const snapshot = raw === null ? null : parseSnapshot(raw);
    if (!snapshot || this.keyOf(snapshot.path) !== match[2]) {
      throw new PlexusError('NOT_FOUND', 'That earlier version is no longer kept.');
    }
    return snapshot;
  }

  /** Drops snapshots past their age, then the oldest until the folder is under its size cap. */
  async prune(): Promise<void> {
    const entries = await this.load();
    const cutoff = this.now() - this.maxAgeMs;
    let total = entries.reduce((sum, e) => sum + e.size, 0);
    const drop: Entry[] = [];
    for (const entry of entries) {
      if (entry.time >= cutoff && total <= this.maxBytes) break;
      drop.push(entry);
      total -= entry.size;
    }
    if (drop.length === 0) return;
    entries.splice(0, drop.length);
    await Promise.all(drop.map((e) => fs.rm(join(this.dir, `${e.id}.json`), { force: true })));
  }

  /** Which note a snapshot is of, without the path in the file name: a hash of vault and path. */
  private keyOf(path: string): string {
    return createHash('sha256').update(`${this.options.scope}\0${path}`).digest('hex').slice(0, 16);
  }

  /** Every snapshot in the folder (all vaults: the size cap is for the folder), oldest first. */
  private load(): Promise<Entry[]> {
    this.entries ??= (async () => {
      const names = await fs.readdir(this.dir).catch(() => [] as string[]);
      const entries: Entry[] = [];
      for (const name of names) {
        const match = name.endsWith('.json') ? ID.exec(name.slice(0, -5)) : null;
        if (!match) continue;
        const stats = await fs.stat(join(this.dir, name)).catch(() => null);
        if (stats) entries.push({ id: match[0], key: match[2] as string, time: Number(match[1]), size: stats.size });
      }
      return entries.sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1));
    })();
    return this.entries;
  }
}

function parseSnapshot(raw: string): Snapshot | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { path, text, time } = value as Record<string, unknown>;
    return typeof path === 'string' && typeof text === 'string' && typeof time === 'number'
      ? { path, text, time }
      : null;
  } catch {
    return null;
  }
}
