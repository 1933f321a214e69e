/**
 * Posting lists: for each term, the ids of the notes that contain it, ascending. Ids only grow
 * (a changed note gets a new id), so appending keeps every list sorted and merging is linear.
 */

/** The notes of one term, ascending; frozen lists are typed arrays (half the memory). */
export type Postings = number[] | Int32Array;

/** A field's lists packed: terms joined by spaces (no term holds one), list lengths, the ids. */
export type PackedPostings = { terms: string; counts: Uint32Array; ids: Int32Array };

/** A field's terms and their notes. */
export class PostingMap {
  readonly map = new Map<string, Postings>();

  /** Adds `id` (larger than every id added before) to `term`; true when the term is new. */
  add(term: string, id: number): boolean {
    const list = this.map.get(term);
    if (list === undefined) {
      this.map.set(term, [id]);
      return true;
    }
    if (Array.isArray(list)) list.push(id);
    else {
      const grown = Array.from(list);
      grown.push(id);
      this.map.set(term, grown);
    }
    return false;
  }

  get(term: string): Postings | undefined {
    return this.map.get(term);
  }

  /** Turns every list into a typed array, once the bulk of the notes is in. */
  freeze(): void {
    for (const [term, list] of this.map) if (Array.isArray(list)) this.map.set(term, Int32Array.from(list));
  }

  /** Renumbers ids (`renumber[old]`, -1 for a dropped note); drops terms left without notes. */
  renumber(renumber: Int32Array): void {
    for (const [term, list] of this.map) {
      const kept: number[] = [];
      for (const id of list) {
        const next = renumber[id] as number;
        if (next >= 0) kept.push(next);
      }
      if (kept.length === 0) this.map.delete(term);
      else this.map.set(term, Int32Array.from(kept));
    }
  }

  /** Every list in one typed array, for the cache: tens of thousands of small arrays load slowly. */
  pack(): PackedPostings {
    let total = 0;
    for (const list of this.map.values()) total += list.length;
    const counts = new Uint32Array(this.map.size);
    const ids = new Int32Array(total);
    let t = 0;
    let at = 0;
    for (const list of this.map.values()) {
      counts[t++] = list.length;
      ids.set(list, at);
      at += list.length;
    }
    return { terms: [...this.map.keys()].join(' '), counts, ids };
  }

  /** The lists of a pack (views into its array, not copies); throws when the pack is inconsistent. */
  static unpack(packed: PackedPostings): PostingMap {
    const { counts, ids } = packed;
    if (typeof packed.terms !== 'string' || !(counts instanceof Uint32Array) || !(ids instanceof Int32Array))
      throw new Error('not packed postings');
    const terms = counts.length === 0 ? [] : packed.terms.split(' ');
    if (terms.length !== counts.length) throw new Error('packed postings: terms and counts differ');
    const postings = new PostingMap();
    let at = 0;
    for (let t = 0; t < terms.length; t++) {
      const count = counts[t] as number;
      if (at + count > ids.length) throw new Error('packed postings: too few ids');
      postings.map.set(terms[t] as string, ids.subarray(at, at + count));
      at += count;
    }
    return postings;
  }
}

/** The ids of `a` that are also in `b` (both ascending). */
export function intersect(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  if (a.length > b.length) [a, b] = [b, a];
  const out: number[] = [];
  if (a.length * 16 < b.length) {
    // Very different sizes: look each of the few up in the many.
    let low = 0;
    for (let i = 0; i < a.length; i++) {
      const id = a[i] as number;
      let high = b.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if ((b[mid] as number) < id) low = mid + 1;
        else high = mid;
      }
      if (low < b.length && b[low] === id) out.push(id);
    }
    return out;
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out;
}

/** The ids in `a` or `b` (both ascending); a typed array, filled without growing (a word's ids). */
export function union(a: ArrayLike<number>, b: ArrayLike<number>): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x <= y) {
      out[n++] = x;
      i++;
      if (x === y) j++;
    } else {
      out[n++] = y;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++] as number;
  while (j < b.length) out[n++] = b[j++] as number;
  return out.subarray(0, n);
}

/** The ids of `a` not in `b` (both ascending). */
export function difference(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    while (j < b.length && (b[j] as number) < x) j++;
    if (j >= b.length || b[j] !== x) out.push(x);
  }
  return out;
}

/** True when ascending `list` holds `id`. */
export function contains(list: ArrayLike<number>, id: number): boolean {
  const at = lowerBound(list, id);
  return at < list.length && list[at] === id;
}

/** Up to this many new terms are inserted one by one; more are merged in one pass. */
const FEW_NEW_TERMS = 64;

/** Where `value` is, or would go, in the ascending `list`. */
function lowerBound<T extends number | string>(list: ArrayLike<T>, value: T): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((list[mid] as T) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A sorted list of every term, for prefix lookups; new terms are merged in when it is next read. */
export class Vocabulary {
  private sorted: string[] = [];
  private pending: string[] = [];

  add(term: string): void {
    this.pending.push(term);
  }

  /** The terms that start with `prefix`. */
  withPrefix(prefix: string): string[] {
    const terms = this.terms();
    const out: string[] = [];
    for (let i = lowerBound(terms, prefix); i < terms.length && (terms[i] as string).startsWith(prefix); i++)
      out.push(terms[i] as string);
    return out;
  }

  /**
   * The terms that contain `part` (a linear scan: for regex narrowing, not per keystroke). Reading
   * a long s ſ as s: the regexes' case folding matches s with it.
   */
  containing(part: string, alsoLongerThan = Infinity): string[] {
    const longS = part.includes('s');
    return this.terms().filter(
      (term) =>
        term.length >= alsoLongerThan ||
        term.includes(part) ||
        (longS && term.includes('ſ') && term.replaceAll('ſ', 's').includes(part)),
    );
  }

  clear(): void {
    this.sorted = [];
    this.pending = [];
  }

  private terms(): string[] {
    if (this.pending.length > 0 && this.pending.length <= FEW_NEW_TERMS) {
      // An edit adds a few terms: put each in its place, rather than copy a million into a new array.
      for (const term of this.pending) {
        const at = lowerBound(this.sorted, term);
        if (this.sorted[at] !== term) this.sorted.splice(at, 0, term);
      }
      this.pending = [];
    } else if (this.pending.length > 0) {
      const added = [...new Set(this.pending)].sort();
      this.pending = [];
      const merged: string[] = [];
      let i = 0;
      let j = 0;
      while (i < this.sorted.length || j < added.length) {
        const x = this.sorted[i];
        const y = added[j];
        if (y === undefined || (x !== undefined && x < y)) merged.push(this.sorted[i++] as string);
        else if (x === undefined || y < x) merged.push(added[j++] as string);
        else {
          merged.push(x);
          i++;
          j++;
        }
      }
      this.sorted = merged;
    }
    return this.sorted;
  }
}
