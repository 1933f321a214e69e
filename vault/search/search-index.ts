import type { SearchHit, SearchResult } from '../../shared/api';
import { PlexusError } from '../../shared/errors';
import { baseName, parentPath } from '../../shared/paths';
import { batchTerms, type SearchBatch } from './search-batch';
import { FIELDS, fieldTerms, storedDoc, tagKey, type FieldName, type SearchDoc, type StoredDoc } from './search-doc';
import { parseQuery, type QueryNode } from './search-query';
import { searchRegex, type RegexAnswer } from './search-regex';
import {
  contains,
  difference,
  intersect,
  PostingMap,
  union,
  Vocabulary,
  type PackedPostings,
  type Postings,
} from './search-postings';
import { lineStarts, snippets, type Matcher } from './search-snippets';
import { requiredLiterals } from './regex-literals';
import { escapeRegex, fold, indexTerms, MAX_TERM_LENGTH, phrasePattern, queryTerms } from './search-text';

export { searchDoc, type SearchDoc } from './search-doc';

/**
 * Full-text search over the vault's notes: an inverted index per field (file name, title and
 * aliases; headings; tags; body), the query language of search-query.ts, ranking, and snippets.
 *
 * Why not FlexSearch: fed the same pre-cut terms, its Index took 2.9 s for 10k notes where plain
 * posting lists take 0.5 s, and removing a note walks its whole map (21 ms); its "forward"
 * tokenizer (prefixes) costs 2.5× the time and memory. Here prefixes are looked up in a sorted
 * vocabulary, changed notes get a new id (the old one is skipped until the lists are compacted),
 * and the terms are cut on the scan workers (indexTerms), so the main thread only files them.
 *
 * Note texts are not kept: phrases, line: and regexes are checked, and snippets cut, on the few
 * notes the index narrows to, read through `readText` (with a small cache).
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

/** The index in a form the cache file can hold. */
export type SearchSnapshot = {
  version: number;
  /** By id; null for a note replaced or removed since the lists were last compacted. */
  docs: (StoredDoc | null)[];
  fields: Record<FieldName, PackedPostings>;
};

const SNAPSHOT_VERSION = 3;

/** A word found in the file name, title or aliases outranks one in a heading, a tag, the body. */
const WEIGHT: Record<FieldName, number> = { names: 16, headings: 6, tags: 3, body: 1 };
const PHRASE_BONUS = 4;

export { indexTerms };

/** One query being answered: its deadline, and whether a check was cut short. */
type Run = { deadline: number; truncated: boolean; matched: Map<QueryNode, ArrayLike<number>> };

export class SearchIndex {
  private docs: (StoredDoc | null)[] = [];
  private readonly byPath = new Map<string, number>();
  private fields: Record<FieldName, PostingMap> = {
    names: new PostingMap(),
    headings: new PostingMap(),
    tags: new PostingMap(),
    body: new PostingMap(),
  };
  /** Every tag, folded, with its notes. */
  private tagNotes = new Map<string, number[]>();
  private readonly vocabulary = new Vocabulary();
  private dead = 0;
  /** Batches taken but not yet in the lists (see fileBatches). */
  private unfiled: { batch: SearchBatch; base: number }[] = [];
  /** Note texts by path, least recently used first (each folded on first need, then kept). */
  private readonly texts = new Map<string, NoteText>();
  private textBytes = 0;
  /** How far `prefetch` has read, by id. */
  private prefetched = 0;
  private readonly readText: (path: string) => string | null;
  private readonly budgetMs: number;
  private readonly textCacheBytes: number;

  constructor(options: SearchOptions = {}) {
    this.readText = options.readText ?? (() => null);
    this.budgetMs = options.budgetMs ?? 300;
    // Phrases, regexes and snippets read the notes the index narrows to; from disk that is ~50 µs
    // a note. 192 MB holds every text of a 10k-note vault, folded too (regex p50 181 → 21 ms
    // there; at 32 MB a fifth of the regex queries ran out of budget), and a share of a 100k one.
    this.textCacheBytes = options.textCacheBytes ?? 192 * 1024 * 1024;
  }

  /** How many notes are indexed. */
  get size(): number {
    return this.byPath.size;
  }

  has(path: string): boolean {
    return this.byPath.has(path);
  }

  /** Adds a note, or replaces what the index knew of it. */
  set(doc: SearchDoc): void {
    this.fileBatches();
    const id = this.addDoc(storedDoc(doc));
    const terms = fieldTerms(doc);
    for (const field of FIELDS) {
      const postings = this.fields[field];
      for (const term of terms[field]) if (postings.add(term, id)) this.vocabulary.add(term);
    }
  }

  /**
   * Adds the notes of a batch (search-batch.ts), as `set` would one after the other: the same ids
   * and, once filed, the same lists. Batches are filed together, when the index is next used:
   * one typed array per field holds every list, where appending to a growing array per term cost
   * a cold build of 10k notes more in garbage collection than the filing itself.
   */
  addBatch(batch: SearchBatch): void {
    let base = -1;
    for (const doc of batch.docs) {
      const id = this.addDoc(doc);
      if (base < 0) base = id;
    }
    if (base >= 0) this.unfiled.push({ batch, base });
  }

  /** Files the batches `addBatch` took, field by field: count, lay out, then copy the ids in. */
  private fileBatches(): void {
    if (this.unfiled.length === 0) return;
    const batches = this.unfiled;
    this.unfiled = [];
    for (const field of FIELDS) {
      const postings = this.fields[field];
      const terms = batches.map(({ batch }) => batchTerms(batch.fields[field]));
      // Term → how many ids it gains; then → where its next id goes.
      const cursor = new Map<string, number>();
      batches.forEach(({ batch }, b) => {
        const { counts } = batch.fields[field];
        const names = terms[b] as string[];
        for (let t = 0; t < names.length; t++) {
          const term = names[t] as string;
          cursor.set(term, (cursor.get(term) ?? 0) + (counts[t] as number));
        }
      });
      let total = 0;
      for (const [term, gained] of cursor) total += gained + (postings.map.get(term)?.length ?? 0);
      const ids = new Int32Array(total);
      let at = 0;
      for (const [term, gained] of cursor) {
        const start = at;
        const old = postings.map.get(term);
        if (old) {
          ids.set(old, at);
          at += old.length;
        } else this.vocabulary.add(term);
        cursor.set(term, at);
        at += gained;
        postings.map.set(term, ids.subarray(start, at));
      }
      // Batches in the order they came: their ids ascend, so every list stays sorted.
      batches.forEach(({ batch, base }, b) => {
        const { counts, ids: positions } = batch.fields[field];
        const names = terms[b] as string[];
        let from = 0;
        for (let t = 0; t < names.length; t++) {
          const term = names[t] as string;
          let to = cursor.get(term) as number;
          const count = counts[t] as number;
          for (let i = from; i < from + count; i++) ids[to++] = base + (positions[i] as number);
          cursor.set(term, to);
          from += count;
        }
      });
    }
  }

  /** Forgets a note. */
  remove(path: string): void {
    this.fileBatches();
    this.drop(path);
    this.maybeCompact();
  }

  /**
   * Moves a note: its name changed, its text did not. `doc` is its new description (a rename
   * changes the file-name field); without one the old terms are kept under the new path.
   */
  rename(from: string, to: string, doc: SearchDoc): void {
    this.drop(from);
    this.set({ ...doc, path: to });
  }

  /** Forgets every note. */
  clear(): void {
    this.unfiled = [];
    this.docs = [];
    this.byPath.clear();
    for (const field of FIELDS) this.fields[field] = new PostingMap();
    this.tagNotes = new Map();
    this.vocabulary.clear();
    this.dead = 0;
    this.texts.clear();
    this.textBytes = 0;
    this.prefetched = 0;
  }

  /** Typed arrays for the posting lists (half the memory); call after a bulk load. */
  freeze(): void {
    this.fileBatches();
    for (const field of FIELDS) this.fields[field].freeze();
  }

  /** The index as plain data for the cache (compacted first only when replaced notes pile up). */
  export(): SearchSnapshot {
    this.fileBatches();
    // Compacting renumbers every list (5 s on 100k notes): only when replaced notes pile up, as
    // after edits; the snapshot keeps the holes otherwise.
    this.maybeCompact();
    return {
      version: SNAPSHOT_VERSION,
      docs: this.docs,
      fields: {
        names: this.fields.names.pack(),
        headings: this.fields.headings.pack(),
        tags: this.fields.tags.pack(),
        body: this.fields.body.pack(),
      },
    };
  }

  /** Replaces the index with a snapshot; throws when the snapshot is not one this version wrote. */
  import(snapshot: SearchSnapshot): void {
    if (snapshot?.version !== SNAPSHOT_VERSION || !Array.isArray(snapshot.docs) || !snapshot.fields)
      throw new Error('not a search snapshot of this version');
    const fields = {} as Record<FieldName, PostingMap>;
    for (const field of FIELDS) fields[field] = PostingMap.unpack(snapshot.fields[field]);
    this.unfiled = [];
    this.docs = snapshot.docs;
    this.byPath.clear();
    this.docs.forEach((doc, id) => doc && this.byPath.set(doc.path, id));
    this.dead = this.docs.length - this.byPath.size;
    this.vocabulary.clear();
    for (const field of FIELDS) {
      this.fields[field] = fields[field];
      for (const term of fields[field].map.keys()) this.vocabulary.add(term);
    }
    this.rebuildTags();
    this.texts.clear();
    this.textBytes = 0;
    this.prefetched = 0;
  }

  /**
   * Answers a query: the best `limit` notes with snippets, and how many matched in all. A query
   * that cannot be parsed gives PlexusError('BAD_QUERY') saying why.
   */
  query(query: string, limit = 50): SearchAnswer {
    const started = performance.now();
    this.fileBatches();
    const parsed = parseQuery(query);
    if (!parsed.ok) throw new PlexusError('BAD_QUERY', parsed.message);
    if (parsed.node === null || this.byPath.size === 0) return { query, total: 0, hits: [], ms: 0 };
    const run: Run = { deadline: started + this.budgetMs, truncated: false, matched: new Map() };
    const ids = this.evaluate(parsed.node, null, run);
    const scores = this.score(parsed.node, ids, run);
    const top = this.best(ids, scores, Math.max(0, limit));
    const matchers = matchersOf(parsed.node);
    // Highlighting is best effort: regex ranges are looked for while this lasts.
    const highlightUntil = performance.now() + this.budgetMs / 3;
    const hits = top.map((id) => this.hit(id, scores[id] as number, matchers, highlightUntil));
    const answer: SearchAnswer = { query, total: ids.length, hits, ms: performance.now() - started };
    if (run.truncated) answer.truncated = true;
    return answer;
  }

  // ── updates ───────────────────────────────────────────────────────────────────────────────

  /** Gives a note (replacing any note at its path) the next id; its terms are filed by the caller. */
  private addDoc(doc: StoredDoc): number {
    this.drop(doc.path);
    const id = this.docs.length;
    this.docs.push(doc);
    this.byPath.set(doc.path, id);
    for (const tag of new Set(doc.tags)) {
      const list = this.tagNotes.get(tag);
      if (list) list.push(id);
      else this.tagNotes.set(tag, [id]);
    }
    return id;
  }

  private drop(path: string): void {
    const id = this.byPath.get(path);
    const cached = this.texts.get(path);
    if (cached) {
      this.texts.delete(path);
      this.textBytes -= textCost(cached.text);
    }
    if (id === undefined) return;
    const doc = this.docs[id];
    this.byPath.delete(path);
    this.docs[id] = null;
    this.dead++;
    // Tag lists are small and filtered on use; drop the note from them now.
    for (const tag of doc?.tags ?? []) {
      const list = this.tagNotes.get(tag);
      if (!list) continue;
      const rest = list.filter((x) => x !== id);
      if (rest.length === 0) this.tagNotes.delete(tag);
      else this.tagNotes.set(tag, rest);
    }
  }

  /** Compacts once replaced notes are a fifth of the ids (lists are filtered until then). */
  private maybeCompact(): void {
    if (this.dead > 1000 && this.dead > this.byPath.size / 4) this.compact();
  }

  private compact(): void {
    if (this.dead === 0) return;
    const renumber = new Int32Array(this.docs.length).fill(-1);
    const docs: StoredDoc[] = [];
    this.docs.forEach((doc, id) => {
      if (doc) {
        renumber[id] = docs.length;
        docs.push(doc);
      }
    });
    for (const field of FIELDS) this.fields[field].renumber(renumber);
    this.prefetched = 0;
    this.docs = docs;
    this.byPath.clear();
    docs.forEach((doc, id) => this.byPath.set(doc.path, id));
    this.dead = 0;
    this.rebuildTags();
  }

  private rebuildTags(): void {
    this.tagNotes = new Map();
    this.docs.forEach((doc, id) => {
      for (const tag of new Set(doc?.tags ?? [])) {
        const list = this.tagNotes.get(tag);
        if (list) list.push(id);
        else this.tagNotes.set(tag, [id]);
      }
    });
  }

  // ── evaluation ────────────────────────────────────────────────────────────────────────────

  /** Every live note id, ascending. */
  private all(): number[] {
    const out: number[] = [];
    for (let id = 0; id < this.docs.length; id++) if (this.docs[id]) out.push(id);
    return out;
  }

  private live(list: Postings | undefined): ArrayLike<number> {
    if (!list) return [];
    if (this.dead === 0) return list;
    const out: number[] = [];
    for (let i = 0; i < list.length; i++) if (this.docs[list[i] as number]) out.push(list[i] as number);
    return out;
  }

  /** The notes holding `term` in any field (or, `prefix`, a term starting with it). */
  private termNotes(term: string, prefix: boolean): ArrayLike<number> {
    if (!prefix) {
      let out: ArrayLike<number> = this.live(this.fields.body.get(term));
      // The file name is not in the body; titles, headings and tags are.
      const names = this.fields.names.get(term);
      if (names) out = union(out, this.live(names));
      return out;
    }
    const expansions = this.vocabulary.withPrefix(term);
    if (expansions.length === 1) return this.termNotes(expansions[0] as string, false);
    const lists: Postings[] = [];
    for (const expansion of expansions) {
      for (const field of ['body', 'names'] as const) {
        const list = this.fields[field].get(expansion);
        if (list) lists.push(list);
      }
    }
    return this.marked(lists);
  }

  /** The live ids in any of `lists`, ascending. */
  private marked(lists: ArrayLike<number>[]): number[] {
    const marks = new Uint8Array(this.docs.length);
    for (const list of lists) for (let i = 0; i < list.length; i++) marks[list[i] as number] = 1;
    const out: number[] = [];
    for (let id = 0; id < marks.length; id++) if (marks[id] && this.docs[id]) out.push(id);
    return out;
  }

  /** The notes matching `node`, ascending; only among `within` when given. */
  private evaluate(node: QueryNode, within: ArrayLike<number> | null, run: Run): ArrayLike<number> {
    const ids = this.evaluateNode(node, within, run);
    // What each leaf matched, for ranking (a phrase or tag in an OR only scores where it matched).
    if (node.kind !== 'and' && node.kind !== 'or' && node.kind !== 'not') run.matched.set(node, ids);
    return ids;
  }

  private evaluateNode(node: QueryNode, within: ArrayLike<number> | null, run: Run): ArrayLike<number> {
    switch (node.kind) {
      case 'and': {
        // Cheap index lookups first; checks that read texts then run on what is left.
        const order = [...node.children].sort((a, b) => cost(a) - cost(b));
        let acc: ArrayLike<number> | null = within;
        for (const child of order) {
          if (child.kind === 'not') acc = difference(acc ?? this.all(), this.evaluate(child.child, acc, run));
          else acc = this.evaluate(child, acc, run);
          if (acc.length === 0) break;
        }
        return acc ?? this.all();
      }
      case 'or': {
        let acc: ArrayLike<number> = [];
        for (const child of node.children) acc = union(acc, this.evaluate(child, within, run));
        return acc;
      }
      case 'not':
        return difference(within ?? this.all(), this.evaluate(node.child, within, run));
      case 'word': {
        const terms = queryTerms(node.text);
        if (terms.length === 0) return within ?? this.all();
        // "can't", "e-mail", "東京都": several terms from one word must stand together.
        if (terms.length > 1) return this.phrase(node.text, node.prefix, within, run);
        const notes = this.termNotes(terms[0] as string, node.prefix);
        return within ? intersect(within, notes) : notes;
      }
      case 'phrase':
        return this.phrase(node.text, false, within, run);
      case 'tag': {
        const key = tagKey(node.tag);
        const nested = key + '/';
        const lists: ArrayLike<number>[] = [];
        for (const [tag, ids] of this.tagNotes) if (tag === key || tag.startsWith(nested)) lists.push(ids);
        // One pass over marks, where merging list after list was quadratic in a tag's children.
        const acc = lists.length === 1 ? (lists[0] as ArrayLike<number>) : this.marked(lists);
        return within ? intersect(within, acc) : acc;
      }
      case 'path': {
        const needle = fold(node.text);
        return this.filter(within, (doc) => fold(doc.path).includes(needle));
      }
      case 'file': {
        const needle = fold(node.text);
        return this.filter(within, (doc) => fold(baseName(doc.path)).includes(needle));
      }
      case 'line': {
        const candidates = this.evaluate(lineTerms(node.child), within, run);
        return this.check(candidates, run, (note) => anyLine(node.child, note.text, note.folded, run.deadline));
      }
      case 'regex': {
        const regex = searchRegex(node.source);
        const narrowed = this.regexCandidates(node.source);
        const pool = narrowed ? (within ? intersect(within, narrowed) : narrowed) : (within ?? this.all());
        // RE2: linear in the text, and cut into slices that the deadline is checked between.
        return this.check(pool, run, (note) => regex.test(note.text, run.deadline, note.folded));
      }
    }
  }

  /**
   * The notes whose body holds every literal word the regex requires (regex-literals.ts); null
   * when it requires none, and every note must be read.
   */
  private regexCandidates(source: string): ArrayLike<number> | null {
    const literals = requiredLiterals(source).filter((literal) => literal.length <= MAX_TERM_LENGTH);
    if (literals.length === 0) return null;
    let acc: ArrayLike<number> | null = null;
    // The longest literal narrows most; a second one rarely pays for its scan of the vocabulary.
    for (const literal of literals.slice(0, 2)) {
      // A term of the longest length may be cut from a longer word that holds the literal.
      const lists: Postings[] = [];
      for (const term of this.vocabulary.containing(literal, MAX_TERM_LENGTH)) {
        const list = this.fields.body.get(term);
        if (list) lists.push(list);
      }
      const ids = this.marked(lists);
      acc = acc ? intersect(acc, ids) : ids;
    }
    return acc;
  }

  private phrase(text: string, prefix: boolean, within: ArrayLike<number> | null, run: Run): ArrayLike<number> {
    const terms = queryTerms(text);
    const pattern = phrasePattern(text, prefix);
    if (terms.length === 0 || !pattern) return within ?? this.all();
    let acc: ArrayLike<number> | null = within;
    terms.forEach((term, i) => {
      const notes = this.termNotes(term, prefix && i === terms.length - 1);
      acc = acc ? intersect(acc, notes) : notes;
    });
    const candidates = acc ?? [];
    if (terms.length === 1 && !/[^\p{L}\p{N}\s]/u.test(text.trim())) return candidates;
    return this.check(candidates, run, ({ folded }) => {
      pattern.lastIndex = 0;
      return pattern.test(folded);
    });
  }

  private filter(within: ArrayLike<number> | null, keep: (doc: StoredDoc) => boolean): number[] {
    const out: number[] = [];
    const ids = within ?? this.all();
    for (let i = 0; i < ids.length; i++) {
      const doc = this.docs[ids[i] as number];
      if (doc && keep(doc)) out.push(ids[i] as number);
    }
    return out;
  }

  /**
   * The candidates whose text passes `test`, as far as the time budget goes. A test that could
   * not finish (null: the deadline passed inside the note, or it would cost too much) leaves the
   * note out and marks the answer truncated: an unfinished check is never a "no".
   */
  private check(candidates: ArrayLike<number>, run: Run, test: (note: NoteText) => RegexAnswer): number[] {
    const out: number[] = [];
    for (let i = 0; i < candidates.length; i++) {
      if (performance.now() > run.deadline) {
        run.truncated = true;
        break;
      }
      const id = candidates[i] as number;
      const text = this.text(id);
      if (!text) continue;
      const passed = test(text);
      if (passed === null) run.truncated = true;
      else if (passed) out.push(id);
    }
    return out;
  }

  private text(id: number): NoteText | null {
    const doc = this.docs[id];
    if (!doc) return null;
    const cached = this.texts.get(doc.path);
    if (cached !== undefined) {
      // Most recently used last.
      this.texts.delete(doc.path);
      this.texts.set(doc.path, cached);
      return cached;
    }
    return this.load(doc.path);
  }

  /** Reads a note's text into the cache (making room), or null when it cannot be read. */
  private load(path: string): NoteText | null {
    let text: string | null;
    try {
      text = this.readText(path);
    } catch {
      text = null;
    }
    if (text === null) return null;
    const note = new NoteText(text);
    const bytes = textCost(text);
    if (bytes <= this.textCacheBytes / 4) {
      this.texts.set(path, note);
      this.textBytes += bytes;
      for (const [old, oldNote] of this.texts) {
        if (this.textBytes <= this.textCacheBytes) break;
        this.texts.delete(old);
        this.textBytes -= textCost(oldNote.text);
      }
    }
    return note;
  }

  /**
   * Reads notes into the text cache for about `ms` milliseconds, while it has room: a query then
   * finds the texts it checks and cuts snippets from in memory. True while more remain.
   */
  prefetch(ms: number): boolean {
    this.fileBatches();
    const until = performance.now() + ms;
    for (; this.prefetched < this.docs.length; this.prefetched++) {
      if (this.textBytes >= this.textCacheBytes * 0.9) return false;
      if (performance.now() > until) return true;
      const doc = this.docs[this.prefetched];
      if (doc && !this.texts.has(doc.path)) this.load(doc.path);
    }
    return false;
  }

  // ── ranking ───────────────────────────────────────────────────────────────────────────────

  /** Each matched note's score: for every word, the best field it is in; phrases add a bonus. */
  private score(node: QueryNode, ids: ArrayLike<number>, run: Run): Uint32Array {
    // By id: a typed array, where a map of 37k matches on a 100k-note vault cost milliseconds.
    const scores = new Uint32Array(this.docs.length);
    const weights = new Uint8Array(this.docs.length);
    for (const leaf of positiveLeaves(node)) {
      if (leaf.kind === 'word' || leaf.kind === 'phrase') {
        const terms = queryTerms(leaf.text);
        terms.forEach((term, i) => {
          const prefix = leaf.kind === 'word' && leaf.prefix && i === terms.length - 1;
          this.scoreTerm(term, prefix, ids, weights, scores);
        });
        if (leaf.kind === 'phrase' || terms.length > 1) this.bonus(run.matched.get(leaf), ids, scores, PHRASE_BONUS);
      } else {
        this.bonus(run.matched.get(leaf), ids, scores, leaf.kind === 'tag' ? WEIGHT.tags : 1);
      }
    }
    return scores;
  }

  private scoreTerm(
    term: string,
    prefix: boolean,
    ids: ArrayLike<number>,
    weights: Uint8Array,
    scores: Uint32Array,
  ): void {
    const terms = prefix ? this.vocabulary.withPrefix(term) : [term];
    const touched: number[] = [];
    // Lowest weight first, so the best field a note has the term in is the one left.
    for (const field of ['body', 'tags', 'headings', 'names'] as const) {
      for (const t of terms) {
        const list = this.fields[field].get(t);
        if (!list) continue;
        for (let i = 0; i < list.length; i++) {
          const id = list[i] as number;
          if (weights[id] === 0) touched.push(id);
          if (WEIGHT[field] > (weights[id] as number)) weights[id] = WEIGHT[field];
        }
      }
    }
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      scores[id] = (scores[id] as number) + (weights[id] as number);
    }
    for (const id of touched) weights[id] = 0;
  }

  /** Adds `points` to the result notes that `matched` holds. */
  private bonus(
    matched: ArrayLike<number> | undefined,
    ids: ArrayLike<number>,
    scores: Uint32Array,
    points: number,
  ): void {
    if (!matched) return;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      if (contains(matched, id)) scores[id] = (scores[id] as number) + points;
    }
  }

  /** The `limit` best ids: highest score, then path order. */
  private best(ids: ArrayLike<number>, scores: Uint32Array, limit: number): number[] {
    if (limit === 0 || ids.length === 0) return [];
    // Scores are small integers: find the lowest score that still makes the cut, sort only those.
    const counts = new Map<number, number>();
    for (let i = 0; i < ids.length; i++) {
      const score = scores[ids[i] as number] as number;
      counts.set(score, (counts.get(score) ?? 0) + 1);
    }
    const levels = [...counts.keys()].sort((a, b) => b - a);
    let taken = 0;
    let floor = levels[levels.length - 1] ?? 0;
    for (const level of levels) {
      taken += counts.get(level) ?? 0;
      if (taken >= limit) {
        floor = level;
        break;
      }
    }
    const chosen: number[] = [];
    for (let i = 0; i < ids.length; i++)
      if ((scores[ids[i] as number] as number) >= floor) chosen.push(ids[i] as number);
    const path = (id: number) => this.docs[id]?.path ?? '';
    chosen.sort((a, b) => {
      const d = (scores[b] as number) - (scores[a] as number);
      if (d !== 0) return d;
      const pa = path(a);
      const pb = path(b);
      return pa < pb ? -1 : pa > pb ? 1 : 0;
    });
    return chosen.slice(0, limit);
  }

  private hit(id: number, score: number, matchers: Matcher[], highlightUntil: number): SearchHit {
    const doc = this.docs[id] as StoredDoc;
    const text = this.text(id);
    const name = baseName(doc.path).replace(/\.md$/i, '');
    const matches = snippets(
      {
        name,
        text: text?.text ?? '',
        folded: text ? text.folded : '',
        headingLines: new Set(doc.headingLines),
      },
      matchers,
      3,
      highlightUntil,
    );
    return { path: doc.path, title: doc.title, folder: parentPath(doc.path), score, matches };
  }
}

/** What a cached text may cost: two bytes a character, for it and its folded copy. */
function textCost(text: string): number {
  return text.length * 4;
}

/** A note's text, folded on first need (phrases and snippets want it, regexes do not). */
class NoteText {
  #folded: string | null = null;

  constructor(readonly text: string) {}

  get folded(): string {
    return (this.#folded ??= fold(this.text));
  }
}

/** How costly a node is to evaluate: index lookups, then filters, then checks that read texts. */
function cost(node: QueryNode): number {
  switch (node.kind) {
    case 'word':
      return queryTerms(node.text).length > 1 ? 2 : node.prefix ? 1 : 0;
    case 'tag':
      return 0;
    case 'path':
    case 'file':
      return 1;
    case 'phrase':
    case 'line':
      return 3;
    case 'regex':
      return 5;
    case 'not':
      return 4 + cost(node.child);
    case 'and':
    case 'or':
      return Math.max(...node.children.map(cost));
  }
}

/** The leaves that make a note match (not those under a "-"). */
function positiveLeaves(node: QueryNode): QueryNode[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.children.flatMap(positiveLeaves);
    case 'not':
      return [];
    case 'line':
      return positiveLeaves(node.child);
    default:
      return [node];
  }
}

/** What to highlight: every positive word, phrase and regex. */
function matchersOf(node: QueryNode): Matcher[] {
  const out: Matcher[] = [];
  for (const leaf of positiveLeaves(node)) {
    if (leaf.kind === 'word' || leaf.kind === 'phrase') {
      const pattern = phrasePattern(leaf.text, leaf.kind === 'word' && leaf.prefix);
      if (pattern) out.push({ pattern, folded: true });
    } else if (leaf.kind === 'regex') out.push({ regex: searchRegex(leaf.source) });
    else if (leaf.kind === 'tag') {
      // The tag as written in the text, and the tags under it (#a matches #a/b).
      const tag = escapeRegex(tagKey(leaf.tag));
      out.push({ pattern: new RegExp(`(?<![\\p{L}\\p{N}#])#${tag}(?![\\p{L}\\p{N}_-])`, 'gu'), folded: true });
    }
  }
  return out;
}

/** The doc-level query that narrows a line: query: its words and phrases must all be in the note. */
function lineTerms(node: QueryNode): QueryNode {
  switch (node.kind) {
    case 'and':
      return { kind: 'and', children: node.children.map(lineTerms) };
    case 'or':
      return { kind: 'or', children: node.children.map(lineTerms) };
    case 'not':
      // A line without x does not mean a note without x.
      return { kind: 'and', children: [] };
    case 'line':
      return lineTerms(node.child);
    default:
      return node;
  }
}

/** Thrown inside lineMatches when a regex could not finish on a line. */
const UNFINISHED = new Error('a regex could not finish on a line');

/**
 * True when some line of the note matches `node` on its own; null when the deadline passed or a
 * regex could not finish on some line before one matched.
 */
function anyLine(node: QueryNode, text: string, folded: string, deadline: number): RegexAnswer {
  const starts = lineStarts(text);
  let unfinished = false;
  for (let line = 0; line < starts.length; line++) {
    if (line % 64 === 63 && performance.now() > deadline) return null;
    const start = starts[line] as number;
    const end = line + 1 < starts.length ? (starts[line + 1] as number) - 1 : text.length;
    try {
      if (lineMatches(node, text.slice(start, end), folded.slice(start, end), deadline)) return true;
    } catch (error) {
      if (error !== UNFINISHED) throw error;
      unfinished = true;
    }
  }
  return unfinished ? null : false;
}

function lineMatches(node: QueryNode, text: string, folded: string, deadline: number): boolean {
  switch (node.kind) {
    case 'and':
      return node.children.every((c) => lineMatches(c, text, folded, deadline));
    case 'or':
      return node.children.some((c) => lineMatches(c, text, folded, deadline));
    case 'not':
      return !lineMatches(node.child, text, folded, deadline);
    case 'line':
      return lineMatches(node.child, text, folded, deadline);
    case 'word':
    case 'phrase': {
      const pattern = phrasePattern(node.text, node.kind === 'word' && node.prefix);
      return pattern === null || pattern.test(folded);
    }
    case 'regex': {
      const answer = searchRegex(node.source).test(text, deadline);
      if (answer === null) throw UNFINISHED;
      return answer;
    }
    default:
      // tag:, path:, file: are about the note, and were checked on it.
      return true;
  }
}
