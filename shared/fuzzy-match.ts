/**
 * A fuzzy scorer for short names (note names, titles, aliases, command titles), fast enough to
 * run over 100k names on every keystroke.
 *
 * Ranking tiers, each far enough apart that penalties inside a tier (position, length) never
 * reorder tiers: exact > prefix > substring at a word start > substring > subsequence. Matching
 * is case-insensitive, ignores accents (é ~ e) and treats `-`, `_` and space alike, so
 * "quick sw" finds "quick-switcher".
 *
 * Speed comes from preparing each name once (`prepareKey`: folded text + a bitmask of the
 * characters it holds) and rejecting most names with one mask test before any string search.
 */

/** A name prepared for matching: build once, match many times. */
export type FuzzyKey = {
  /** The name as written (used for camelCase word starts). */
  readonly text: string;
  /** Folded: lower case, accents removed, `-`/`_` as space; same length as `text`. */
  readonly key: string;
  /** Which character classes `key` holds (see `charBit`). */
  readonly mask: number;
};

/** A query prepared for matching. */
export type FuzzyQuery = FuzzyKey;

export type FuzzyMatch = {
  score: number;
  /** Matched characters of the name, as merged [start, end) offsets. */
  ranges: [number, number][];
};

const CAMEL_HUMP = /[a-z][A-Z]/;

/** Score tiers (see the file comment). Penalties inside a tier stay below the gaps. */
export const SCORE = {
  exact: 10_000,
  prefix: 8_000,
  wordSubstring: 6_000,
  substring: 4_000,
  subsequenceMax: 2_500,
} as const;

export function prepareKey(text: string): FuzzyKey {
  const key = fold(text);
  return { text, key, mask: maskOf(key) };
}

/** A query is prepared like a name; surrounding blanks do not count. */
export function prepareQuery(query: string): FuzzyQuery {
  // Line breaks would match across names in `FuzzyNames`, which keeps one name per line.
  return prepareKey(query.trim().replace(/[\r\n]+/g, ' '));
}

/**
 * The score of `target` for `query`, or -1 when it does not match. An empty query matches
 * everything with score 0. Pass `ranges` to receive the matched spans.
 */
export function fuzzyScore(query: FuzzyQuery, target: FuzzyKey, ranges?: [number, number][]): number {
  if (query.key.length === 0) return 0;
  if ((query.mask & ~target.mask) !== 0) return -1;
  return scoreIn(query.key, target.key, 0, target.key.length, target.text, null, ranges);
}

/** Convenience for one-off matches: prepares both sides (use the prepared form in loops). */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const ranges: [number, number][] = [];
  const score = fuzzyScore(prepareQuery(query), prepareKey(text), ranges);
  return score < 0 ? null : { score, ranges };
}

/**
 * Many names prepared together: their folded keys live in one string (one name per line) and
 * their masks in one typed array, so a scan over 100k names stays in a few contiguous blocks of
 * memory instead of chasing 100k string objects.
 */
export class FuzzyNames {
  readonly size: number;
  private readonly texts: readonly string[];
  private readonly hay: string;
  private readonly starts: Int32Array;
  private readonly masks: Int32Array;
  /** 1 where a word starts in `hay`: precomputed, so scans never touch the names as written. */
  private readonly wordStarts: Uint8Array;

  constructor(keys: readonly FuzzyKey[]) {
    const size = keys.length;
    this.size = size;
    const texts: string[] = new Array<string>(size);
    const folded: string[] = new Array<string>(size);
    const starts = new Int32Array(size + 1);
    const masks = new Int32Array(size);
    let at = 0;
    for (let i = 0; i < size; i++) {
      const k = keys[i] as FuzzyKey;
      texts[i] = k.text;
      folded[i] = k.key;
      masks[i] = k.mask;
      starts[i] = at;
      at += k.key.length + 1;
    }
    starts[size] = at;
    const hay = folded.join('\n');
    // Word starts: after a separator (the line break between names counts), or at a camelCase hump.
    const marks = new Uint8Array(at);
    let before = 10;
    for (let p = 0; p < hay.length; p++) {
      const c = hay.charCodeAt(p);
      if (!isWordChar(before) && c !== 10) marks[p] = 1;
      before = c;
    }
    for (let i = 0; i < size; i++) {
      const k = keys[i] as FuzzyKey;
      if (!CAMEL_HUMP.test(k.text)) continue;
      const s = starts[i] as number;
      for (let p = 1; p < k.text.length; p++) if (isWordStartIn(k.key, 0, k.text, p, null)) marks[s + p] = 1;
    }
    this.texts = texts;
    this.hay = hay;
    this.starts = starts;
    this.masks = masks;
    this.wordStarts = marks;
  }

  text(i: number): string {
    return this.texts[i] as string;
  }

  /** Like `fuzzyScore` for name `i`. */
  score(query: FuzzyQuery, i: number, ranges?: [number, number][]): number {
    if (query.key.length === 0) return 0;
    if ((query.mask & ~(this.masks[i] as number)) !== 0) return -1;
    const start = this.starts[i] as number;
    const end = (this.starts[i + 1] as number) - 1;
    return scoreIn(query.key, this.hay, start, end, this.texts[i] as string, this.wordStarts, ranges);
  }

  /**
   * Scores every name holding the query as a substring (the exact, prefix and substring tiers)
   * into `scores` (-1 for the others), with one native `indexOf` sweep over all names. Returns
   * how many matched. Names that match only as a subsequence score lower than all of these, so a
   * caller with enough matches can stop here.
   */
  scoreSubstrings(query: FuzzyQuery, scores: Int32Array): number {
    scores.fill(-1);
    const q = query.key;
    const n = q.length;
    if (n === 0) {
      scores.fill(0);
      return this.size;
    }
    const { hay, starts } = this;
    let count = 0;
    let i = 0;
    for (let p = hay.indexOf(q); p >= 0;) {
      while ((starts[i + 1] as number) <= p) i++;
      const s = starts[i] as number;
      const e = (starts[i + 1] as number) - 1;
      const extra = Math.min(e - s - n, 300);
      if ((scores[i] as number) < 0) count++;
      // The first occurrence at a word start is the best this name can do: on to the next name.
      let done = true;
      if (p === s) scores[i] = e - s === n ? SCORE.exact : SCORE.prefix - extra;
      else if (this.wordStarts[p] === 1) scores[i] = SCORE.wordSubstring - Math.min(p - s, 200) - extra;
      else {
        if ((scores[i] as number) < 0) scores[i] = SCORE.substring - Math.min(p - s, 200) - extra;
        done = false;
      }
      p = hay.indexOf(q, done ? e : p + 1);
    }
    return count;
  }

  /** Scores the names `scoreSubstrings` left at -1 that hold the query as a subsequence. */
  scoreSubsequences(query: FuzzyQuery, scores: Int32Array): void {
    const q = query.key;
    const n = q.length;
    const { hay, starts, masks } = this;
    for (let i = 0; i < this.size; i++) {
      if ((scores[i] as number) >= 0 || (query.mask & ~(masks[i] as number)) !== 0) continue;
      const s = starts[i] as number;
      const e = (starts[i + 1] as number) - 1;
      if (e - s < n) continue;
      // A cheap native test first; only names that pass are scored in full.
      let p = s - 1;
      for (let j = 0; j < n && p < e; j++) {
        p = hay.indexOf(q[j] as string, p + 1);
        if (p < 0) p = e;
      }
      if (p < e) scores[i] = subsequenceScore(q, hay, s, e, '', this.wordStarts);
    }
  }
}

/** Scores the name held in `hay` from `s` to `e` (`text` is that name as written); ranges relative to `s`. */
function scoreIn(
  q: string,
  hay: string,
  s: number,
  e: number,
  text: string,
  marks: Uint8Array | null,
  ranges?: [number, number][],
): number {
  const n = q.length;
  const len = e - s;
  if (len < n) return -1;
  const q0 = q.charCodeAt(0);
  let first = -1;
  let wordAt = -1;
  for (let p = s, last = e - n; p <= last; p++) {
    if (hay.charCodeAt(p) !== q0) continue;
    let j = 1;
    while (j < n && hay.charCodeAt(p + j) === q.charCodeAt(j)) j++;
    if (j < n) continue;
    if (first < 0) first = p;
    if (isWordStartIn(hay, s, text, p, marks)) {
      wordAt = p;
      break;
    }
  }
  const extra = Math.min(len - n, 300);
  if (first === s) {
    if (ranges) ranges.push([0, n]);
    return len === n ? SCORE.exact : SCORE.prefix - extra;
  }
  if (first > s) {
    const found = (wordAt >= 0 ? wordAt : first) - s;
    if (ranges) ranges.push([found, found + n]);
    const tier = wordAt >= 0 ? SCORE.wordSubstring : SCORE.substring;
    return tier - Math.min(found, 200) - extra;
  }
  return subsequenceScore(q, hay, s, e, text, marks, ranges);
}

/** The first `c` in `hay` from `from` before `e`, or -1. */
function nextIn(hay: string, c: number, from: number, e: number): number {
  for (let p = from; p < e; p++) if (hay.charCodeAt(p) === c) return p;
  return -1;
}

/**
 * fzf's first algorithm: the leftmost greedy match fixes where the match can end, a backward
 * pass from there finds the tightest start, and a forward pass from that start scores
 * consecutive characters and word starts, and charges gaps.
 */
function subsequenceScore(
  q: string,
  hay: string,
  s: number,
  e: number,
  text: string,
  marks: Uint8Array | null,
  ranges?: [number, number][],
): number {
  let p = s - 1;
  for (let i = 0; i < q.length; i++) {
    p = nextIn(hay, q.charCodeAt(i), p + 1, e);
    if (p < 0) return -1;
  }
  let start = p;
  for (let i = q.length - 1, j = p; j >= s; j--) {
    if (hay.charCodeAt(j) === q.charCodeAt(i) && --i < 0) {
      start = j;
      break;
    }
  }
  let bonus = 0;
  let prev = -1;
  let runStart = -1;
  for (let i = 0; i < q.length; i++) {
    const pos = nextIn(hay, q.charCodeAt(i), i === 0 ? start : prev + 1, e);
    if (i > 0 && pos === prev + 1) bonus += 6;
    else if (i > 0) bonus -= Math.min(pos - prev - 1, 6);
    if (isWordStartIn(hay, s, text, pos, marks)) bonus += 8;
    if (ranges && (i === 0 || pos !== prev + 1)) {
      if (runStart >= 0) ranges.push([runStart - s, prev + 1 - s]);
      runStart = pos;
    }
    prev = pos;
  }
  if (ranges && runStart >= 0) ranges.push([runStart - s, prev + 1 - s]);
  const score = 1_200 + bonus * 20 - Math.min(start - s, 100) * 2 - Math.min(e - s, 200);
  return Math.max(1, Math.min(SCORE.subsequenceMax, score));
}

/**
 * A word starts at the name's start, after a separator, or at a lower→upper case change.
 * `marks` (from `FuzzyNames`) answers without reading `text`.
 */
function isWordStartIn(hay: string, s: number, text: string, p: number, marks: Uint8Array | null): boolean {
  if (marks) return marks[p] === 1;
  if (p === s) return true;
  if (!isWordChar(hay.charCodeAt(p - 1))) return true;
  const before = text.charCodeAt(p - s - 1);
  const here = text.charCodeAt(p - s);
  return before >= 97 && before <= 122 && here >= 65 && here <= 90;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;
}

/** One bit per letter, five for digits, one for anything non-ASCII; blanks and punctuation none. */
function charBit(c: number): number {
  if (c >= 97 && c <= 122) return 1 << (c - 97);
  if (c >= 48 && c <= 57) return 1 << (26 + ((c - 48) % 5));
  if (c > 127) return 1 << 31;
  return 0;
}

function maskOf(key: string): number {
  let mask = 0;
  for (let i = 0; i < key.length; i++) mask |= charBit(key.charCodeAt(i));
  return mask;
}

const foldedChars = new Map<string, string>();

/** Folds one UTF-16 unit to one unit, so offsets in the folded key are offsets in the name. */
function foldChar(ch: string): string {
  let folded = foldedChars.get(ch);
  if (folded === undefined) {
    const lower = ch.toLowerCase();
    const base = lower.normalize('NFD')[0] ?? lower;
    folded = lower.length !== 1 ? ch : base.length === 1 && base.charCodeAt(0) < 0xd800 ? base : lower;
    if (foldedChars.size < 10_000) foldedChars.set(ch, folded);
  }
  return folded;
}

// eslint-disable-next-line no-control-regex -- "anything outside ASCII" is the point
const NON_ASCII = /[^\u0000-\u007f]/;
const SEPARATORS = /[-_]/g;

function fold(text: string): string {
  // ASCII (most names): native lower-casing keeps the length; only the separators change.
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(SEPARATORS, ' ');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else if (c === 45 || c === 95) out += ' ';
    else if (c < 128 || (c >= 0xd800 && c <= 0xdfff)) out += text[i];
    else out += foldChar(text[i] as string);
  }
  return out;
}
