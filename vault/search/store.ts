import { batchTerms, type SearchBatch } from './batch';
import { FIELDS, fieldTerms, storedDoc, type FieldName, type SearchDoc, type StoredDoc } from './doc';
import { PathOrder } from './path-order';
import { PostingMap, union, Vocabulary, type Postings } from './postings';

/**
 * What the search index holds: its notes by id, a posting list per term and field, every tag
 * with its notes, and the sorted vocabulary for prefixes. A changed note gets a new id; the old
 * one stays a hole (skipped when read) until the lists are compacted.
 */
export class SearchStore {
  /** By id; null for a note replaced or removed since the lists were last compacted. */
  docs: (StoredDoc | null)[] = [];
  readonly byPath = new Map<string, number>();
  fields: Record<FieldName, PostingMap> = emptyFields();
  /** Every tag, folded, with its notes. */
  tagNotes = new Map<string, number[]>();
  readonly vocabulary = new Vocabulary();
  /** How many ids are holes. */
  dead = 0;
  /** Batches taken but not yet in the lists (see fileBatches). */
  private unfiled: { batch: SearchBatch; base: number }[] = [];
  /** Path order by id, for ranking's ties (reset whenever the ids change). */
  private readonly order = new PathOrder();

  /** Ranks of the notes' paths (path-order.ts), ready for every id. */
  pathOrder(): PathOrder {
    this.order.prepare(this.docs);
    return this.order;
  }

  /** Adds a note, or replaces what the store knew of it. */
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
   * Adds the notes of a batch (batch.ts), as `set` would one after the other: the same ids
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
  fileBatches(): void {
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

  /** Forgets every note. */
  clear(): void {
    this.unfiled = [];
    this.order.reset();
    this.docs = [];
    this.byPath.clear();
    this.fields = emptyFields();
    this.tagNotes = new Map();
    this.vocabulary.clear();
    this.dead = 0;
  }

  /** Typed arrays for the posting lists (half the memory); call after a bulk load. */
  freeze(): void {
    this.fileBatches();
    for (const field of FIELDS) this.fields[field].freeze();
  }

  /** Takes over notes and lists read from a snapshot (snapshot.ts), holes and all. */
  load(docs: (StoredDoc | null)[], fields: Record<FieldName, PostingMap>): void {
    this.unfiled = [];
    this.order.reset();
    this.docs = docs;
    this.byPath.clear();
    this.docs.forEach((doc, id) => doc && this.byPath.set(doc.path, id));
    this.dead = this.docs.length - this.byPath.size;
    this.vocabulary.clear();
    this.fields = fields;
    for (const field of FIELDS) for (const term of fields[field].map.keys()) this.vocabulary.add(term);
    this.rebuildTags();
  }

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

  /** Makes a note's id a hole. */
  drop(path: string): void {
    const id = this.byPath.get(path);
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

  /**
   * Compacts once replaced notes are a fifth of the ids (lists are filtered until then); true
   * when it did, and every id changed.
   */
  maybeCompact(): boolean {
    if (this.dead > 1000 && this.dead > this.byPath.size / 4) return this.compact();
    return false;
  }

  private compact(): boolean {
    if (this.dead === 0) return false;
    const renumber = new Int32Array(this.docs.length).fill(-1);
    const docs: StoredDoc[] = [];
    this.docs.forEach((doc, id) => {
      if (doc) {
        renumber[id] = docs.length;
        docs.push(doc);
      }
    });
    for (const field of FIELDS) this.fields[field].renumber(renumber);
    this.docs = docs;
    this.order.reset();
    this.byPath.clear();
    docs.forEach((doc, id) => this.byPath.set(doc.path, id));
    this.dead = 0;
    this.rebuildTags();
    return true;
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

  // ── reading the lists ─────────────────────────────────────────────────────────────────────

  /** Every live note id, ascending. */
  all(): number[] {
    const out: number[] = [];
    for (let id = 0; id < this.docs.length; id++) if (this.docs[id]) out.push(id);
    return out;
  }

  /** `list` without its holes. */
  live(list: Postings | undefined): ArrayLike<number> {
    if (!list) return [];
    if (this.dead === 0) return list;
    const out: number[] = [];
    for (let i = 0; i < list.length; i++) if (this.docs[list[i] as number]) out.push(list[i] as number);
    return out;
  }

  /** The notes holding `term` in any field (or, `prefix`, a term starting with it). */
  termNotes(term: string, prefix: boolean): ArrayLike<number> {
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
  marked(lists: ArrayLike<number>[]): Int32Array {
    const marks = new Uint8Array(this.docs.length);
    let count = 0;
    for (const list of lists) {
      for (let i = 0; i < list.length; i++) {
        const id = list[i] as number;
        count += 1 - (marks[id] as number);
        marks[id] = 1;
      }
    }
    const out = new Int32Array(count);
    let n = 0;
    const holes = this.dead > 0;
    for (let id = 0; id < marks.length && n < count; id++) if (marks[id] && (!holes || this.docs[id])) out[n++] = id;
    return n === count ? out : out.subarray(0, n);
  }

  /** The ids (of `within`, or every live one) whose note `keep` accepts. */
  filter(within: ArrayLike<number> | null, keep: (doc: StoredDoc) => boolean): number[] {
    const out: number[] = [];
    const ids = within ?? this.all();
    for (let i = 0; i < ids.length; i++) {
      const doc = this.docs[ids[i] as number];
      if (doc && keep(doc)) out.push(ids[i] as number);
    }
    return out;
  }
}

function emptyFields(): Record<FieldName, PostingMap> {
  return { names: new PostingMap(), headings: new PostingMap(), tags: new PostingMap(), body: new PostingMap() };
}
