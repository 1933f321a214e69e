import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { NoteMeta } from '../../shared/note-meta';
import { atomicWrite } from '../files';
import type { PackedLinks } from '../links';
import type { SearchSnapshot } from '../search';

/** Bump when NoteMeta, the scanner's output or the search index changes: an older cache is then discarded. */
export const CACHE_VERSION = 5;

/** What the cache keeps per note: the scan, valid while the file's mtime and size are unchanged. */
export type CachedNote = { mtimeMs: number; size: number; meta: NoteMeta };

/**
 * A vault's cache: the scans, the search index over the same notes, and how their links resolved
 * (the last two null when missing).
 */
export type IndexCache = { notes: Map<string, CachedNote>; search: SearchSnapshot | null; links: PackedLinks | null };

type CacheFile = {
  version: number;
  root: string;
  notes: [string, CachedNote][];
  search: SearchSnapshot | null;
  links: PackedLinks | null;
};

/** The cache file of one vault, in the app's cache folder (never inside the vault). */
export function cacheFileFor(cacheDir: string, root: string): string {
  return join(cacheDir, `index-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.bin`);
}

/** Reads a vault's cache; a missing, corrupt, foreign or outdated one gives an empty cache. */
export async function loadIndexCache(file: string, root: string): Promise<IndexCache> {
  try {
    const data = deserialize(await fs.readFile(file)) as Partial<CacheFile>;
    if (data.version !== CACHE_VERSION || data.root !== root || !Array.isArray(data.notes)) return emptyCache();
    return { notes: new Map(data.notes), search: data.search ?? null, links: data.links ?? null };
  } catch {
    return emptyCache();
  }
}

export async function saveIndexCache(
  file: string,
  root: string,
  notes: Map<string, CachedNote>,
  search: SearchSnapshot | null,
  links: PackedLinks | null = null,
): Promise<void> {
  const data: CacheFile = { version: CACHE_VERSION, root, notes: [...notes], search, links };
  await fs.mkdir(join(file, '..'), { recursive: true });
  await atomicWrite(file, serialize(data));
}

function emptyCache(): IndexCache {
  return { notes: new Map(), search: null, links: null };
}
