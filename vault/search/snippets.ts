import type { SearchMatch } from '../../shared/api';
import type { SearchRegex } from './matching/regex';
import { unmarked, type Literal } from './literal';
import { fold } from './text';

/**
 * Something to highlight: a pattern over the folded text (words, phrases, tags) or the text
 * itself, or a query regex (run by RE2 over the text, as far as the deadline allows). `literal`
 * (literal.ts): how to find the pattern's matches with indexOf, in folded text without marks.
 */
export type Matcher = { pattern: RegExp; folded: boolean; literal?: Literal } | { regex: SearchRegex };

/** The most of a line a snippet keeps (UTF-16 units): the row shows two or three lines of it. */
const MAX_LINE = 160;
/**
 * How much context a snippet keeps before its first match, in narrow-character widths (a CJK
 * character or an emoji counts two): small enough that the match is on the row's first lines in
 * a narrow side pane, where the row clamps the text (styles.css, .search-text).
 */
const LEAD = 32;
/** Lines this wide or less are shown whole: three lines of the row hold them. */
const SHORT_LINE = 80;
/** The most matches of one pattern looked at in one note. */
const MAX_RANGES = 200;

/**
 * A note as the snippets need it. `unmarked`: true when its text has no combining mark (then a
 * matcher's literal may stand for its pattern).
 */
export type SnippetNote = {
  name: string;
  text: string;
  folded: string;
  headingLines: ReadonlySet<number>;
  unmarked?: boolean;
};

/**
 * The best places a note matched: its file name (line 0) when that matched, then up to `max`
 * lines, those with the most different matches first, shown in line order.
 *
 * The matchers run from the note's start and stop as soon as the chosen lines are certain: once
 * `max` lines hold every matcher (no later line can beat them, and earlier lines win ties), and
 * the last of them has no more matches. For a word, that is its first lines with it, not every
 * match in the whole text (a word query spent half its time here when each hit was read whole).
 */
export function snippets(note: SnippetNote, matchers: Matcher[], max = 3, deadline = Infinity): SearchMatch[] {
  const out: SearchMatch[] = [];
  const nameRanges = findRanges(
    fold(note.name),
    note.name,
    matchers.filter((m) => 'pattern' in m && m.folded),
    deadline,
  );
  if (nameRanges.ranges.length > 0) {
    out.push({ field: 'name', line: 0, text: note.name, offset: 0, ranges: nameRanges.ranges });
  }
  const wanted = Math.max(0, max - out.length);
  if (wanted === 0 || matchers.length === 0) return out;
  const best = bestLines(note, matchers, wanted, deadline);
  for (const entry of best) out.push(lineMatch(note, entry.line, entry.start, entry.end, entry.ranges));
  return out;
}

/** A line with matches: its 0-based number, [start, end) without its "\n", which matchers hit it. */
type LineEntry = { line: number; start: number; end: number; hits: Set<number>; ranges: [number, number][] };

/** The `wanted` lines with the most different matchers (earliest first on ties), in line order. */
function bestLines(note: SnippetNote, matchers: Matcher[], wanted: number, deadline: number): LineEntry[] {
  const streams: RangeStream[] = [];
  const heads: ([number, number] | null)[] = [];
  for (const matcher of matchers) {
    const stream = new RangeStream(matcher, note, deadline);
    streams.push(stream);
    heads.push(stream.next());
  }
  const text = note.text;
  const entries: LineEntry[] = [];
  let full = 0;
  // The line the cursor is on: its number, start, and where the next one starts.
  let line = 0;
  let lineStart = 0;
  let newline = text.indexOf('\n');
  let entry: LineEntry | null = null;
  for (;;) {
    // The match that starts first, of any matcher.
    let m = -1;
    for (let i = 0; i < heads.length; i++) {
      const head = heads[i];
      if (head && (m < 0 || head[0] < (heads[m] as [number, number])[0])) m = i;
    }
    if (m < 0) break;
    const range = heads[m] as [number, number];
    const onLaterLine = newline >= 0 && range[0] > newline;
    // Enough lines hold every matcher, and the last of them is done: no later line can be chosen.
    if (onLaterLine && full >= wanted) break;
    if (onLaterLine) {
      entry = null;
      do {
        line++;
        lineStart = newline + 1;
        newline = text.indexOf('\n', lineStart);
      } while (newline >= 0 && range[0] > newline);
    }
    if (!entry) {
      entry = { line, start: lineStart, end: newline < 0 ? text.length : newline, hits: new Set(), ranges: [] };
      entries.push(entry);
    }
    if (!entry.hits.has(m)) {
      entry.hits.add(m);
      if (entry.hits.size === matchers.length) full++;
    }
    entry.ranges.push(range);
    heads[m] = (streams[m] as RangeStream).next();
  }
  return entries.sort(byHitsThenLine).slice(0, wanted).sort(byLine);
}

function byHitsThenLine(a: LineEntry, b: LineEntry): number {
  return b.hits.size - a.hits.size || a.line - b.line;
}

function byLine(a: LineEntry, b: LineEntry): number {
  return a.line - b.line;
}

/**
 * A matcher's ranges in the note, in order, as findRanges gives them (at most MAX_RANGES matches,
 * touching ones merged), one at a time: a pattern is run only as far as it is read. (A class, not
 * closures: four closures made per hit cost more than a word's whole search of the note.)
 */
class RangeStream {
  /** A regex matcher's ranges, found at once (RE2 runs over the text in slices). */
  private readonly found: [number, number][] | null = null;
  private readonly pattern: RegExp | null = null;
  private readonly target: string = '';
  private readonly literal: Literal | null = null;
  private lastIndex = 0;
  private count = 0;
  /** The next raw match, read ahead to merge it with the range before when they touch. */
  private pending: [number, number] | null = null;

  constructor(matcher: Matcher, note: SnippetNote, deadline: number) {
    if ('regex' in matcher) {
      this.found = findRanges(note.folded, note.text, [matcher], deadline).ranges;
      return;
    }
    this.target = matcher.folded ? note.folded : note.text;
    if (matcher.folded && note.unmarked && matcher.literal) this.literal = matcher.literal;
    else this.pattern = matcher.pattern;
    this.pending = this.raw();
  }

  /** The next range, or null when there are no more. */
  next(): [number, number] | null {
    if (this.found) return this.found[this.count++] ?? null;
    const merged = this.pending;
    if (!merged) return null;
    // Touching matches make one range, as mergeRanges makes them.
    for (this.pending = this.raw(); this.pending && this.pending[0] <= merged[1]; this.pending = this.raw())
      merged[1] = Math.max(merged[1], this.pending[1]);
    return merged;
  }

  /** The next match, as findRanges's loop takes them. */
  private raw(): [number, number] | null {
    while (this.count < MAX_RANGES) {
      const match = this.exec();
      if (match === null) break;
      if (match[0] === match[1]) {
        this.lastIndex++;
        continue;
      }
      this.count++;
      return match;
    }
    this.count = MAX_RANGES;
    return null;
  }

  /** The pattern's next match from `lastIndex` on: where the global pattern's exec finds it. */
  private exec(): [number, number] | null {
    if (this.literal) {
      const found = this.literal.next(this.target, this.lastIndex);
      if (found) this.lastIndex = found[1];
      return found;
    }
    const pattern = this.pattern as RegExp;
    // The pattern may be shared (with the name's matchers, other notes): its position is ours.
    pattern.lastIndex = this.lastIndex;
    const match = pattern.exec(this.target);
    this.lastIndex = pattern.lastIndex;
    return match && [match.index, match.index + match[0].length];
  }
}

function lineMatch(
  note: SnippetNote,
  line: number,
  lineStart: number,
  lineEnd: number,
  absolute: [number, number][],
): SearchMatch {
  const ranges = mergeRanges(absolute.map(([s, e]) => [s - lineStart, Math.min(e, lineEnd) - lineStart]));
  const lineText = note.text.slice(lineStart, lineEnd);
  const from = windowStart(lineText, ranges[0]?.[0] ?? 0);
  let to = Math.min(lineText.length, from + MAX_LINE);
  // Never end inside a surrogate pair.
  if (to < lineText.length && isLowSurrogate(lineText.charCodeAt(to))) to--;
  const text = note.text.slice(lineStart + from, lineStart + to);
  const shown = ranges
    .filter(([s, e]) => e > from && s < to)
    .map(([s, e]): [number, number] => [Math.max(s, from) - from, Math.min(e, to) - from]);
  return {
    field: fieldOf(note, line, lineStart, absolute),
    line: line + 1,
    text,
    offset: lineStart + from,
    ranges: shown,
    ...(from > 0 ? { cutStart: true } : {}),
    ...(to < lineText.length ? { cutEnd: true } : {}),
  };
}

function fieldOf(note: SnippetNote, line: number, lineStart: number, ranges: [number, number][]): SearchMatch['field'] {
  if (note.headingLines.has(line + 1)) return 'heading';
  const isTag = ranges.some(([s]) => {
    // A match inside a "#tag" that starts the line or follows a space.
    const hash = note.text[s] === '#' ? s : note.text.lastIndexOf('#', s - 1);
    if (hash < lineStart) return false;
    if (!/^[\p{L}\p{N}_/-]*$/u.test(note.text.slice(hash + 1, s))) return false;
    return hash === lineStart || /\s/.test(note.text[hash - 1] ?? '');
  });
  return isTag ? 'tag' : 'body';
}

/** Where the matchers match, ranges sorted and merged. */
function findRanges(
  folded: string,
  text: string,
  matchers: Matcher[],
  deadline: number,
): { ranges: [number, number][] } {
  const ranges: [number, number][] = [];
  let plain: boolean | undefined;
  for (const matcher of matchers) {
    if ('regex' in matcher) {
      ranges.push(...matcher.regex.ranges(text, deadline, MAX_RANGES, folded));
      continue;
    }
    const target = matcher.folded ? folded : text;
    let count = 0;
    if (matcher.folded && matcher.literal && (plain ??= unmarked(folded))) {
      for (
        let at = matcher.literal.next(target, 0);
        at && count < MAX_RANGES;
        at = matcher.literal.next(target, at[1])
      ) {
        ranges.push(at);
        count++;
      }
      continue;
    }
    const pattern = matcher.pattern;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(target); match !== null && count < MAX_RANGES; match = pattern.exec(target)) {
      if (match[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      ranges.push([match.index, match.index + match[0].length]);
      count++;
    }
  }
  return { ranges: mergeRanges(ranges) };
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const range of sorted) {
    const last = out[out.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else out.push([range[0], range[1]]);
  }
  return out;
}

/** Offsets where each line starts (index 0: line 1). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 0-based line holding `offset`. */
export function lineOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if ((starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Where a snippet of `line` starts so that the match at `matchStart` is near its beginning: at
 * most LEAD widths before it (a line of SHORT_LINE widths is kept whole), at a word's start when the lead holds a space, never inside a
 * surrogate pair or before a combining mark (which belongs to the character before it).
 */
export function windowStart(line: string, matchStart: number): number {
  if (line.length <= SHORT_LINE && textWidth(line) <= SHORT_LINE) return 0;
  let from = matchStart;
  let width = 0;
  while (from > 0 && width < LEAD) {
    from--;
    if (isLowSurrogate(line.charCodeAt(from)) && from > 0) from--;
    width += charWidth(line.codePointAt(from) as number);
  }
  if (from === 0) return 0;
  const space = line.slice(from, matchStart).search(/\s\S/u);
  if (space >= 0) return from + space + 1;
  while (from > 0 && /\p{M}/u.test(line[from] as string)) from--;
  return from;
}

function textWidth(text: string): number {
  let total = 0;
  for (const char of text) total += charWidth(char.codePointAt(0) as number);
  return total;
}

/** 2 for characters drawn about twice as wide as a Latin letter (CJK, Hangul, emoji), else 1. */
function charWidth(code: number): number {
  return (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xff60) ||
    code >= 0x1f000
    ? 2
    : 1;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
