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
  return prepareKey(query.trim());
}

/**
 * The score of `target` for `query`, or -1 when it does not match. An empty query matches
 * everything with score 0. Pass `ranges` to receive the matched spans.
 */
export function fuzzyScore(query: FuzzyQuery, target: FuzzyKey, ranges?: [number, number][]): number {
  const q = query.key;
  const k = target.key;
  const n = q.length;
  if (n === 0) return 0;
  if (k.length < n || (query.mask & ~target.mask) !== 0) return -1;
  const extra = Math.min(k.length - n, 300);
  let at = k.indexOf(q);
  if (at === 0) {
    if (ranges) ranges.push([0, n]);
    return k.length === n ? SCORE.exact : SCORE.prefix - extra;
  }
  if (at > 0) {
    const first = at;
    while (at >= 0 && !isWordStart(target, at)) at = k.indexOf(q, at + 1);
    const found = at >= 0 ? at : first;
    if (ranges) ranges.push([found, found + n]);
    const tier = at >= 0 ? SCORE.wordSubstring : SCORE.substring;
    return tier - Math.min(found, 200) - extra;
  }
  return subsequenceScore(q, target, ranges);
}

/** Convenience for one-off matches: prepares both sides (use the prepared form in loops). */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const ranges: [number, number][] = [];
  const score = fuzzyScore(prepareQuery(query), prepareKey(text), ranges);
  return score < 0 ? null : { score, ranges };
}

/**
 * fzf's first algorithm: the leftmost greedy match fixes where the match can end, a backward
 * pass from there finds the tightest start, and a forward pass from that start scores
 * consecutive characters and word starts, and charges gaps.
 */
function subsequenceScore(q: string, target: FuzzyKey, ranges?: [number, number][]): number {
  const k = target.key;
  let p = -1;
  for (let i = 0; i < q.length; i++) {
    p = k.indexOf(q[i] as string, p + 1);
    if (p < 0) return -1;
  }
  let start = p;
  for (let i = q.length - 1, j = p; j >= 0; j--) {
    if (k[j] === q[i] && --i < 0) {
      start = j;
      break;
    }
  }
  let bonus = 0;
  let prev = -1;
  let runStart = -1;
  for (let i = 0; i < q.length; i++) {
    const pos = k.indexOf(q[i] as string, i === 0 ? start : prev + 1);
    if (pos === prev + 1 && i > 0) bonus += 6;
    else if (i > 0) bonus -= Math.min(pos - prev - 1, 6);
    if (isWordStart(target, pos)) bonus += 8;
    if (ranges) {
      if (pos !== prev + 1 || runStart < 0) {
        if (runStart >= 0) ranges.push([runStart, prev + 1]);
        runStart = pos;
      }
    }
    prev = pos;
  }
  if (ranges && runStart >= 0) ranges.push([runStart, prev + 1]);
  const score = 1_200 + bonus * 20 - Math.min(start, 100) * 2 - Math.min(k.length, 200);
  return Math.max(1, Math.min(SCORE.subsequenceMax, score));
}

/** A word starts at the name's start, after a separator, or at a lower→upper case change. */
function isWordStart(target: FuzzyKey, i: number): boolean {
  if (i === 0) return true;
  if (!isWordChar(target.key.charCodeAt(i - 1))) return true;
  const before = target.text.charCodeAt(i - 1);
  const here = target.text.charCodeAt(i);
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

function fold(text: string): string {
  let out = '';
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127 || (c >= 65 && c <= 90) || c === 45 || c === 95) {
      plain = false;
      break;
    }
  }
  if (plain) return text;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else if (c === 45 || c === 95) out += ' ';
    else if (c < 128 || (c >= 0xd800 && c <= 0xdfff)) out += text[i];
    else out += foldChar(text[i] as string);
  }
  return out;
}
