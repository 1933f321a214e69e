import type { SearchResult } from '../../shared/api';
import { PlexusError } from '../../shared/errors';
import type { SearchBatch } from './batch';
import type { SearchDoc, StoredDoc } from './doc';
import { parseQuery } from './matching/query';
import { indexTerms } from './text';
import { Evaluation } from './matching/evaluation';
import { hit, matchersOf } from './hits';
import { best, score } from './ranking';
import { loadSnapshot, toSnapshot, type SearchSnapshot } from './snapshot';
import { SearchStore } from './store';
import { TextCache } from './text-cache';

export { searchDoc, type SearchDoc } from './doc';
export type { SearchSnapshot } from './snapshot';
export { indexTerms };

/**
 * Full-text search over the vault's notes: an inverted index per field (file name, title and
 * aliases; headings; tags; body) in store.ts, the query language of query.ts evaluated in
 * evaluation.ts, ranking.ts, and snippets (hits.ts). This class only puts them together.
 *
 * Why not FlexSearch: fed the same pre-cut terms, its Index took 2.9 s for 10k notes where plain
 * posting lists take 0.5 s, and removing a note walks its whole map (21 ms); its "forward"
 * tokenizer (prefixes) costs 2.5× the time and memory. Here prefixes are looked up in a sorted
 * vocabulary, changed notes get a new id (the old one is skipped until the lists are compacted),
 * and the terms are cut on the scan workers (indexTerms), so the main thread only files them.
 *
 * Note texts are not kept: phrases, line: and regexes are checked, and snippets cut, on the few
 * notes the index narrows to, read through `readText` (with a small cache, text-cache.ts).
 */

/** A SearchResult that may say the regex or phrase checks ran out of time (`truncated`). */
export type SearchAnswer = SearchResult & { truncated?: boolean };

export type SearchOptions = {
  /** The note's text as the editor sees it, or null when it cannot be read. */
  readText?: (path: string) => string | null;
  /** How long the checks that read note texts may take per query. */
  budgetMs?: number;
  /** Bytes of note text kept between queries (typing a query re-reads the same notes). */
  textCacheBytes?: number;
};

export class SearchIndex {
  private readonly store = new SearchStore();
  private readonly texts: TextCache;
  private readonly budgetMs: number;

  constructor(options: SearchOptions = {}) {
    this.budgetMs = options.budgetMs ?? 300;
    // Phrases, regexes and snippets read the notes the index narrows to; from disk that is ~50 µs
    // a note. 192 MB holds every text of a 10k-note vault, folded too (regex p50 181 → 21 ms
    // there; at 32 MB a fifth of the regex queries ran out of budget), and a share of a 100k one.
    this.texts = new TextCache(options.readText ?? (() => null), options.textCacheBytes ?? 192 * 1024 * 1024);
  }

  /** How many notes are indexed. */
  get size(): number {
    return this.store.byPath.size;
  }

  has(path: string): boolean {
    return this.store.byPath.has(path);
  }

  /** Adds a note, or replaces what the index knew of it. */
  set(doc: SearchDoc): void {
    this.texts.forget(doc.path);
    this.store.set(doc);
  }

  /** Adds the notes of a batch (batch.ts), as `set` would one after the other. */
  addBatch(batch: SearchBatch): void {
    for (const doc of batch.docs) this.texts.forget(doc.path);
    this.store.addBatch(batch);
  }

  /** Forgets a note. */
  remove(path: string): void {
    this.store.fileBatches();
    this.texts.forget(path);
    this.store.drop(path);
    this.compactMaybe();
  }

  /**
   * Moves a note: its name changed, its text did not. `doc` is its new description (a rename
   * changes the file-name field); without one the old terms are kept under the new path.
   */
  rename(from: string, to: string, doc: SearchDoc): void {
    this.texts.forget(from);
    this.store.drop(from);
    this.set({ ...doc, path: to });
  }

  /** Forgets every note. */
  clear(): void {
    this.store.clear();
    this.texts.clear();
  }

  /** Typed arrays for the posting lists (half the memory); call after a bulk load. */
  freeze(): void {
    this.store.freeze();
  }

  /** The index as plain data for the cache (compacted first only when replaced notes pile up). */
  export(): SearchSnapshot {
    this.store.fileBatches();
    // Compacting renumbers every list (5 s on 100k notes): only when replaced notes pile up, as
    // after edits; the snapshot keeps the holes otherwise.
    this.compactMaybe();
    return toSnapshot(this.store);
  }

  /** Replaces the index with a snapshot; throws when the snapshot is not one this version wrote. */
  import(snapshot: SearchSnapshot): void {
    loadSnapshot(this.store, snapshot);
    this.texts.clear();
  }

  /**
   * Answers a query: the best `limit` notes with snippets, and how many matched in all. A query
   * that cannot be parsed gives PlexusError('BAD_QUERY') saying why.
   */
  query(query: string, limit = 50): SearchAnswer {
    const started = performance.now();
    this.store.fileBatches();
    const parsed = parseQuery(query);
    if (!parsed.ok) throw new PlexusError('BAD_QUERY', parsed.message);
    if (parsed.node === null || this.store.byPath.size === 0) return { query, total: 0, hits: [], ms: 0 };
    const run = new Evaluation(this.store, this.texts, started + this.budgetMs);
    const ids = run.evaluate(parsed.node);
    const scores = score(this.store, parsed.node, ids, run.matched);
    const top = best(this.store, ids, scores, Math.max(0, limit));
    const matchers = matchersOf(parsed.node);
    // Highlighting is best effort: regex ranges are looked for while this lasts.
    const highlightUntil = performance.now() + this.budgetMs / 3;
    const hits = top.map((id) => {
      const doc = this.store.docs[id] as StoredDoc;
      return hit(doc, this.texts.get(doc.path), scores[id] as number, matchers, highlightUntil);
    });
    const answer: SearchAnswer = { query, total: ids.length, hits, ms: performance.now() - started };
    if (run.truncated) answer.truncated = true;
    return answer;
  }

  /**
   * Reads notes into the text cache for about `ms` milliseconds, while it has room: a query then
   * finds the texts it checks and cuts snippets from in memory. True while more remain.
   */
  prefetch(ms: number): boolean {
    this.store.fileBatches();
    // Sorting the paths for ranking's ties (~5 ms at 10k notes) is done here, not in a query.
    this.store.pathOrder();
    return this.texts.prefetch(this.store.docs, ms);
  }

  private compactMaybe(): void {
    if (this.store.maybeCompact()) this.texts.renumbered();
  }
}
