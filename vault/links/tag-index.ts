import type { NoteMeta } from '../../shared/note-meta';
import { compareCodePoints, normKey } from './resolve-link';

export type TagSummary = { tag: string; notes: string[] };

/**
 * The vault's tags, kept in step with its notes: each tag (merged case-insensitively) with the
 * notes that write it, and each tag with its ancestors (`a`, `a/b` for `a/b/c`) for lookups that
 * include nested tags. Part of the LinkIndex.
 */
export class TagIndex {
  /** Tag key → note → the tag as that note first spells it. */
  readonly #tags = new Map<string, Map<string, string>>();
  /** Tag key and each of its ancestors (`a`, `a/b` for `a/b/c`) → note → how many of its tags. */
  readonly #tagTree = new Map<string, Map<string, number>>();
  /** Tag spelling → its key and the keys it counts under, while a build runs (tags repeat a lot). */
  #memo: Map<string, { key: string; prefixes: string[] }> | null = null;

  /** Remembers keys by spelling until `endBuild` (the index is being built in one pass). */
  startBuild(): void {
    this.#memo = new Map();
  }

  endBuild(): void {
    this.#memo = null;
  }

  /** How many distinct tags. */
  get size(): number {
    return this.#tags.size;
  }

  /**
   * Tags as written (frontmatter and inline), merged case-insensitively, by tag. A tag shows as
   * spelled in the first note (by path) that has it. Parents of nested tags are not listed unless
   * written themselves; `notesWithTag` includes children.
   */
  tags(): TagSummary[] {
    const summaries: { key: string; summary: TagSummary }[] = [];
    for (const [key, spellings] of this.#tags) {
      const notes = sortPaths(spellings.keys());
      summaries.push({ key, summary: { tag: spellings.get(notes[0] as string) as string, notes } });
    }
    return summaries.sort((a, b) => compareCodePoints(a.key, b.key)).map((s) => s.summary);
  }

  /** Notes tagged `tag` or any tag nested under it (`a` matches `a/b`), by path. */
  notesWithTag(tag: string): string[] {
    return sortPaths(this.#tagTree.get(tagKey(tag))?.keys() ?? []);
  }

  /** The tag tree as plain sorted data (for LinkIndex.snapshot). */
  treeSnapshot(): [string, [string, number][]][] {
    return sortPaths(this.#tagTree.keys()).map((key) => {
      const notes = this.#tagTree.get(key) as Map<string, number>;
      return [key, sortPaths(notes.keys()).map((note) => [note, notes.get(note) as number])];
    });
  }

  /** Files a note's tags. */
  add(meta: NoteMeta): void {
    for (const ref of meta.tags) {
      const spelling = stripHash(ref.tag);
      if (spelling === '') continue;
      const { key, prefixes } = this.#keys(spelling);
      let notes = this.#tags.get(key);
      if (!notes) this.#tags.set(key, (notes = new Map<string, string>()));
      if (notes.has(meta.path)) continue;
      notes.set(meta.path, spelling);
      for (const prefix of prefixes) {
        let counts = this.#tagTree.get(prefix);
        if (!counts) this.#tagTree.set(prefix, (counts = new Map<string, number>()));
        counts.set(meta.path, (counts.get(meta.path) ?? 0) + 1);
      }
    }
  }

  /** Forgets a note's tags (`meta` as it was filed). */
  drop(meta: NoteMeta): void {
    for (const ref of meta.tags) {
      const spelling = stripHash(ref.tag);
      if (spelling === '') continue;
      const key = normKey(spelling);
      const notes = this.#tags.get(key);
      // A note's repeated tag was counted once; the first removal undoes it, the rest are no-ops.
      if (!notes?.delete(meta.path)) continue;
      if (notes.size === 0) this.#tags.delete(key);
      for (const prefix of tagPrefixes(key)) {
        const counts = this.#tagTree.get(prefix);
        const count = counts?.get(meta.path) ?? 0;
        if (!counts || count === 0) continue;
        if (count > 1) counts.set(meta.path, count - 1);
        else counts.delete(meta.path);
        if (counts.size === 0) this.#tagTree.delete(prefix);
      }
    }
  }

  /** A tag's key and the keys it counts under (memoised while a build runs). */
  #keys(spelling: string): { key: string; prefixes: string[] } {
    const known = this.#memo?.get(spelling);
    if (known) return known;
    const key = normKey(spelling);
    const keys = { key, prefixes: tagPrefixes(key) };
    this.#memo?.set(spelling, keys);
    return keys;
  }
}

function stripHash(tag: string): string {
  return tag.trim().replace(/^#/, '');
}

function tagKey(tag: string): string {
  return normKey(stripHash(tag));
}

/** `a/b/c` → `a`, `a/b`, `a/b/c`. */
function tagPrefixes(key: string): string[] {
  const prefixes: string[] = [];
  for (let i = key.indexOf('/'); i >= 0; i = key.indexOf('/', i + 1)) prefixes.push(key.slice(0, i));
  prefixes.push(key);
  return prefixes;
}

function sortPaths(paths: Iterable<string>): string[] {
  return [...paths].sort(compareCodePoints);
}
