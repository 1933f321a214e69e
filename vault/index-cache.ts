import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { NoteMeta } from '../shared/note-meta';
import { atomicWrite } from './atomic-write';

/** Bump when NoteMeta or the scanner's output changes: an older cache is then discarded. */
export const CACHE_VERSION = 1;

/** What the cache keeps per note: the scan, valid while the file's mtime and size are unchanged. */
export type CachedNote = { mtimeMs: number; size: number; meta: NoteMeta };

type CacheFile = { version: number; root: string; notes: [string, CachedNote][] };

/** The cache file of one vault, in the app's cache folder (never inside the vault). */
export function cacheFileFor(cacheDir: string, root: string): string {
  return join(cacheDir, `index-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.bin`);
}

/** Reads a vault's cache; a missing, corrupt, foreign or outdated one gives an empty cache. */
export async function loadIndexCache(file: string, root: string): Promise<Map<string, CachedNote>> {
  try {
    const data = deserialize(await fs.readFile(file)) as Partial<CacheFile>;
    if (data.version !== CACHE_VERSION || data.root !== root || !Array.isArray(data.notes)) return new Map();
    return new Map(data.notes);
  } catch {
    return new Map();
  }
}

export async function saveIndexCache(file: string, root: string, notes: Map<string, CachedNote>): Promise<void> {
  const data: CacheFile = { version: CACHE_VERSION, root, notes: [...notes] };
  await fs.mkdir(join(file, '..'), { recursive: true });
  await atomicWrite(file, serialize(data));
}
