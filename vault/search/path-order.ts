import type { StoredDoc } from './doc';

/**
 * Where each note's path falls in path order, as a number per id, so that ranking breaks a tie
 * between thousands of notes of one score with number comparisons instead of string ones.
 *
 * The paths of the notes are sorted once (again when the notes have more than doubled since); a
 * note added later gets the place its path would take among them: its sorted neighbour's index,
 * or that minus a half when it falls between two. Two later notes in the same gap share a rank,
 * so equal ranks must still be told apart by their paths (`before` does); unequal ranks are
 * always in path order.
 */
export class PathOrder {
  private sorted: string[] = [];
  /** By id; NaN until asked for. */
  private ranks = new Float64Array(0);

  /** Forgets every rank: the ids changed. */
  reset(): void {
    this.sorted = [];
    this.ranks = new Float64Array(0);
  }

  /** Readies ranks for every id of `docs` (sorting anew when most are new). */
  prepare(docs: readonly (StoredDoc | null)[]): void {
    if (docs.length - this.sorted.length > this.sorted.length) {
      const ids: number[] = [];
      for (let id = 0; id < docs.length; id++) if (docs[id]) ids.push(id);
      const path = (id: number) => (docs[id] as StoredDoc).path;
      ids.sort((a, b) => (path(a) < path(b) ? -1 : path(a) > path(b) ? 1 : 0));
      this.sorted = ids.map(path);
      this.ranks = new Float64Array(docs.length).fill(NaN);
      ids.forEach((id, i) => (this.ranks[id] = i));
    } else if (this.ranks.length < docs.length) {
      const grown = new Float64Array(Math.max(docs.length, this.ranks.length * 2)).fill(NaN);
      grown.set(this.ranks);
      this.ranks = grown;
    }
  }

  /** True when the note `a` comes before `b` in path order (then by id, for a hole's empty path). */
  before(docs: readonly (StoredDoc | null)[], a: number, b: number): boolean {
    const ra = this.rank(docs, a);
    const rb = this.rank(docs, b);
    if (ra !== rb) return ra < rb;
    const pa = docs[a]?.path ?? '';
    const pb = docs[b]?.path ?? '';
    return pa !== pb ? pa < pb : a < b;
  }

  private rank(docs: readonly (StoredDoc | null)[], id: number): number {
    let rank = this.ranks[id] as number;
    if (rank !== rank) {
      const path = docs[id]?.path ?? '';
      let low = 0;
      let high = this.sorted.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if ((this.sorted[mid] as string) < path) low = mid + 1;
        else high = mid;
      }
      rank = this.sorted[low] === path ? low : low - 0.5;
      this.ranks[id] = rank;
    }
    return rank;
  }
}
