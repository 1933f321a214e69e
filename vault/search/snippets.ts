import type { SearchMatch } from '../../shared/api';
import type { SearchRegex } from './matching/regex';
import { fold } from './text';

/**
 * Something to highlight: a pattern over the folded text (words, phrases, tags) or the text
 * itself, or a query regex (run by RE2 over the text, as far as the deadline allows).
 */
export type Matcher = { pattern: RegExp; folded: boolean } | { regex: SearchRegex };

/** Lines longer than this are cut to a window around their first match. */
const MAX_LINE = 200;
/** How much of the line the window keeps before the match. */
const LEAD = 60;
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
  let from = 0;
  let to = lineEnd - lineStart;
  if (to > MAX_LINE) {
    from = Math.max(0, (ranges[0]?.[0] ?? 0) - LEAD);
    // Never start or end inside a surrogate pair.
    if (isLowSurrogate(note.text.charCodeAt(lineStart + from))) from--;
    to = Math.min(to, from + MAX_LINE);
    if (isLowSurrogate(note.text.charCodeAt(lineStart + to))) to--;
  }
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

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
