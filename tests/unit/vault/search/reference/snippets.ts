import type { SearchMatch } from '../../../../../shared/api';
import type { SearchRegex } from '../../../../../vault/search/matching/regex';
import { fold } from '../../../../../vault/search/text';

/**
 * Something to highlight: a pattern over the folded text (words, phrases, tags) or the text
 * itself, or a query regex (run by RE2 over the text, as far as the deadline allows).
 */
export type Matcher = { pattern: RegExp; folded: boolean } | { regex: SearchRegex };

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

/** A note as the snippets need it. */
export type SnippetNote = { name: string; text: string; folded: string; headingLines: ReadonlySet<number> };

/**
 * The best places a note matched: its file name (line 0) when that matched, then up to `max`
 * lines, those with the most different matches first, shown in line order.
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
  const starts = lineStarts(note.text);
  const lines = new Map<number, { hits: Set<number>; ranges: [number, number][] }>();
  matchers.forEach((matcher, m) => {
    for (const [start, end] of findRanges(note.folded, note.text, [matcher], deadline).ranges) {
      const line = lineOf(starts, start);
      let entry = lines.get(line);
      if (!entry) lines.set(line, (entry = { hits: new Set(), ranges: [] }));
      entry.hits.add(m);
      entry.ranges.push([start, end]);
    }
  });
  const best = [...lines]
    .sort(([la, a], [lb, b]) => b.hits.size - a.hits.size || la - lb)
    .slice(0, Math.max(0, max - out.length))
    .sort(([la], [lb]) => la - lb);
  for (const [line, entry] of best) {
    const lineStart = starts[line] as number;
    const next = starts[line + 1];
    const lineEnd = next === undefined ? note.text.length : next - 1;
    out.push(lineMatch(note, line, lineStart, lineEnd, entry.ranges));
  }
  return out;
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
  for (const matcher of matchers) {
    if ('regex' in matcher) {
      ranges.push(...matcher.regex.ranges(text, deadline, MAX_RANGES, folded));
      continue;
    }
    const pattern = matcher.pattern;
    pattern.lastIndex = 0;
    const target = matcher.folded ? folded : text;
    let count = 0;
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
