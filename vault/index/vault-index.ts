import type { FilesEvent, IndexStatus } from '../../shared/api';
import type { NoteProblem } from '../../shared/note-meta';
import { isWithin } from '../../shared/paths';
import { loadIndexCache, saveIndexCache, type CachedNote, type IndexCache } from './cache';
import { type KnownResolutions, LinkIndex, packLinks, type SavedLinks, unpackLinks } from '../links';
import { listVault, type Vault, vaultEntrySync } from '../files';
import { readNoteText, scanJob, type ScanResult } from './scan-job';
import { SearchIndex, searchDoc } from '../search';
import { scanAll, type WorkerScript } from './worker-pool';

export type VaultIndexOptions = {
  /** Where the index cache lives (outside the vault); null for no cache. */
  cacheFile: string | null;
  /** The scan worker; null scans on this thread. */
  worker: WorkerScript | null;
  onStatus?: (status: IndexStatus) => void;
  /** How long a search's phrase, line and regex checks may take (SearchOptions.budgetMs). */
  searchBudgetMs?: number;
  /** Read note texts into the search's cache after the build (default true; see prefetchTexts). */
  prefetchTexts?: boolean;
};

/**
 * When the cache is written: soon after a build that scanned notes, and at most every few minutes
 * while notes change (and when the vault closes). Writing it blocks this thread — 0.5 s for 10k
 * notes, over 10 s for 100k — and it is only a speed-up: an entry whose file changed since is
 * rescanned at the next start, so a cache that lags loses nothing.
 */
const CACHE_SAVE_DELAY_MS = 2000;
const CACHE_SAVE_AFTER_EDITS_MS = 5 * 60_000;
/** The text prefetch reads for this long, then lets requests and events run for this long. */
const PREFETCH_SLICE_MS = 8;
const PREFETCH_PAUSE_MS = 2;

/**
 * Scans one note on this thread. The scanner's strings are slices of the note's text, which would
 * keep every note's whole text alive in the index; a structured clone copies just the facts.
 */
function scanHere(path: string, root: string): ScanResult {
  const result = scanJob({ path, root });
  return { ...result, meta: structuredClone(result.meta) };
}

/** The cache's link resolutions for the notes in `reused`; undefined when missing or unreadable. */
function savedResolutions(packed: IndexCache['links'], reused: Set<string>): KnownResolutions | undefined {
  if (!packed || typeof packed.table !== 'string') return undefined;
  // Unpacked only when asked, i.e. when the files are the same as when it was saved.
  let saved: SavedLinks | null | undefined;
  const notes = () => {
    if (saved === undefined) {
      try {
        saved = unpackLinks(packed);
      } catch {
        saved = null;
      }
    }
    return saved?.notes;
  };
  return { table: packed.table, get: (path) => (reused.has(path) ? notes()?.get(path) : undefined) };
}

/** True when `path` is a file the listing shows: really inside the vault, and a regular file. */
function isListed(root: string, path: string): boolean {
  try {
    return vaultEntrySync(root, path).kind === 'file';
  } catch {
    return false;
  }
}

function isNotePath(path: string): boolean {
  return /\.md$/i.test(path);
}

/**
 * The link index of one vault, kept current: built once (from the cache where files are
 * unchanged, the rest scanned on worker threads), then updated note by note as files change.
 */
export class VaultIndex {
  /** The link graph; replaced once by the first build (built in one pass), then updated in place. */
  links = new LinkIndex();
  /** Full-text search over the same notes; it re-reads the few notes a query needs. */
  readonly search: SearchIndex;
  private cache = new Map<string, CachedNote>();
  /** Every file path the index knows (notes and attachments), for folder moves and deletes. */
  private readonly known = new Set<string>();
  private status: IndexStatus = { state: 'indexing', done: 0, total: 0 };
  /** What the first build did: notes scanned, notes taken from the cache, milliseconds. */
  buildStats = { scanned: 0, reused: 0, ms: 0 };
  private updates: Promise<void> = Promise.resolve();
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  /** A build or change is not in the cache file yet; an unchanged index is never written again. */
  private dirty = false;
  private saving: Promise<void> = Promise.resolve();
  private prefetched: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly vault: Vault,
    private readonly options: VaultIndexOptions,
  ) {
    this.search = new SearchIndex({
      readText: (path) => readNoteText(vault.root, path),
      budgetMs: options.searchBudgetMs,
    });
  }

  /** Indexes the whole vault, reusing cached scans of unchanged notes. */
  static async build(vault: Vault, options: VaultIndexOptions): Promise<VaultIndex> {
    const index = new VaultIndex(vault, options);
    await index.buildAll();
    return index;
  }

  get currentStatus(): IndexStatus {
    return this.status;
  }

  /** Notes with problems (bad YAML, not UTF-8, too large…), sorted by path. */
  problems(): { path: string; problems: NoteProblem[] }[] {
    return this.links
      .notes()
      .filter((n) => n.problems.length > 0)
      .map((n) => ({ path: n.path, problems: n.problems }));
  }

  /** Applies one change to the index; changes are applied in the order they arrive. */
  apply(event: FilesEvent): Promise<void> {
    this.updates = this.updates.then(() => this.applyNow(event)).catch(() => undefined);
    return this.updates;
  }

  /** Resolves once every change received so far is applied. */
  idle(): Promise<void> {
    return this.updates;
  }

  /** Stops reading note texts ahead and writes the cache: the vault is being closed. */
  async close(): Promise<void> {
    this.closed = true;
    await this.updates;
    // A warm one-shot command (the CLI) writes nothing; a write already under way is waited for.
    if (this.dirty) await this.flush();
    else await this.saving;
  }

  /** Writes the cache now. */
  async flush(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    await this.updates;
    this.dirty = false;
    if (this.options.cacheFile) {
      this.saving = saveIndexCache(
        this.options.cacheFile,
        this.vault.root,
        this.cache,
        this.search.export(),
        packLinks(this.links, this.cache.keys()),
      ).catch(() => undefined);
      await this.saving;
    }
  }

  private async buildAll(): Promise<void> {
    const started = performance.now();
    // The cache file is read on the I/O threads while this thread lists the vault (a stat per
    // file); so the read starts first.
    const [stored, entries] = await Promise.all([
      this.options.cacheFile
        ? loadIndexCache(this.options.cacheFile, this.vault.root)
        : { notes: new Map<string, CachedNote>(), search: null, links: null },
      listVault(this.vault.root),
    ]);
    const cached = stored.notes;
    // The search part of the cache is used only whole: a bad one means every note is rescanned.
    let searchOk = false;
    if (stored.search) {
      try {
        this.search.import(stored.search);
        searchOk = true;
      } catch {
        searchOk = false;
      }
    }
    const jobs = [];
    const attachments: string[] = [];
    const fresh = new Map<string, CachedNote>();
    for (const entry of entries) {
      if (entry.kind !== 'file') continue;
      this.known.add(entry.path);
      if (!isNotePath(entry.path)) {
        attachments.push(entry.path);
        continue;
      }
      const hit = cached.get(entry.path);
      const inSearch = searchOk && this.search.has(entry.path);
      if (hit && inSearch && hit.mtimeMs === entry.mtimeMs && hit.size === entry.size) fresh.set(entry.path, hit);
      else jobs.push({ path: entry.path, root: this.vault.root });
    }
    if (!searchOk) this.search.clear();
    // Notes changed or gone since the cache was written leave the search index (changed ones come back).
    for (const path of cached.keys()) if (!fresh.has(path)) this.search.remove(path);
    const total = fresh.size + jobs.length;
    this.setStatus({ state: 'indexing', done: fresh.size, total });
    let filing = Promise.resolve();
    const scanned = await scanAll(
      jobs,
      (done) => this.setStatus({ state: 'indexing', done: fresh.size + done, total }),
      this.options.worker,
      (batch) => {
        // Filed a batch at a time between other work, while the workers read the rest.
        filing = filing.then(async () => {
          this.search.addBatch(batch.search);
          await new Promise((resolve) => setImmediate(resolve));
        });
      },
    );
    await filing;
    this.search.freeze();
    // Only notes taken from the cache keep their saved resolutions (a rescanned note's links changed).
    const reused = new Set(fresh.keys());
    for (const result of scanned)
      fresh.set(result.path, { mtimeMs: result.mtimeMs, size: result.size, meta: result.meta });
    this.links = LinkIndex.from(
      [...fresh.values()].map((note) => note.meta),
      attachments,
      savedResolutions(stored.links, reused),
    );
    this.cache = fresh;
    this.buildStats = { scanned: jobs.length, reused: total - jobs.length, ms: performance.now() - started };
    this.setStatus({ state: 'ready', done: total, total });
    if (jobs.length > 0 || cached.size !== fresh.size) this.scheduleSave(CACHE_SAVE_DELAY_MS);
    if (this.options.prefetchTexts !== false) this.prefetchTexts();
  }

  private applyNow(event: FilesEvent): void {
    if (event.type === 'renamed') {
      // Whatever the index still holds at the destination is gone (another program may have
      // deleted it before the watcher said so): the moved files take its place.
      for (const path of [...this.known])
        if (isWithin(path, event.to) && !isWithin(path, event.from)) this.removePath(path);
      for (const path of [...this.known]) {
        if (isWithin(path, event.from)) this.movePath(path, event.to + path.slice(event.from.length));
      }
      if (event.kind === 'file' && !this.known.has(event.to)) this.addPath(event.to);
    } else if (event.type === 'removed') {
      for (const path of [...this.known]) if (isWithin(path, event.path)) this.removePath(path);
    } else if (event.type === 'changed' || (event.type === 'added' && event.kind === 'file')) {
      this.addPath(event.path);
    }
    this.scheduleSave(CACHE_SAVE_AFTER_EDITS_MS);
  }

  private addPath(path: string): void {
    // The file may be gone again by the time its event is handled; a link out of the vault (or
    // into a dot-folder), a pipe or a device is not part of it, as the listing has it.
    if (!isListed(this.vault.root, path)) return this.removePath(path);
    this.known.add(path);
    if (!isNotePath(path)) return this.links.addFile(path);
    const result = scanHere(path, this.vault.root);
    this.cache.set(path, { mtimeMs: result.mtimeMs, size: result.size, meta: result.meta });
    this.links.setNote(result.meta);
    this.search.set(searchDoc(result.meta, result.terms));
  }

  private removePath(path: string): void {
    this.known.delete(path);
    this.cache.delete(path);
    this.links.remove(path);
    this.search.remove(path);
  }

  private movePath(from: string, to: string): void {
    this.known.delete(from);
    this.known.add(to);
    this.cache.delete(from);
    if (!isNotePath(to)) {
      this.links.rename(from, to);
      this.search.remove(from);
      return;
    }
    const result = scanHere(to, this.vault.root);
    this.cache.set(to, { mtimeMs: result.mtimeMs, size: result.size, meta: result.meta });
    this.search.rename(from, to, searchDoc(result.meta, result.terms));
    if (isNotePath(from)) this.links.rename(from, to, result.meta);
    else {
      this.links.remove(from);
      this.links.setNote(result.meta);
    }
  }

  private setStatus(status: IndexStatus): void {
    this.status = status;
    this.options.onStatus?.(status);
  }

  /**
   * Fills the search's text cache in slices of a few milliseconds between other work, so that
   * queries find the texts they check in memory (reading them on demand cost a 10k-note vault's
   * word search 3 ms of its 4.4 ms). Reading every note takes about the time of one cold listing.
   */
  private prefetchTexts(): void {
    this.prefetched = new Promise((done) => {
      const slice = () => {
        if (!this.closed && this.search.prefetch(PREFETCH_SLICE_MS)) setTimeout(slice, PREFETCH_PAUSE_MS).unref();
        else done();
      };
      setTimeout(slice, PREFETCH_PAUSE_MS).unref();
    });
  }

  /** Resolves once the search's text cache is as full as it will get (for the benchmark). */
  textsPrefetched(): Promise<void> {
    return this.prefetched;
  }

  private scheduleSave(delayMs: number): void {
    if (!this.options.cacheFile) return;
    this.dirty = true;
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.flush();
    }, delayMs).unref();
  }
}
