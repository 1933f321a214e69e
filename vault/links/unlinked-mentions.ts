/**
 * Unlinked mentions: places where a note's text names another note (by file name, title or
 * alias) without linking to it, as candidates for turning into links.
 */
import type { LinkRef } from '../../shared/note-meta';
import { tableRowLines } from '../scan';

/** `tableRow`: the mention's line is a GFM table row, where a link's alias needs `\|`. */
export type Mention = { start: number; end: number; line: number; matched: string; tableRow: boolean };

type Range = readonly [start: number, end: number];

/** A character that continues a word: letters, digits, combining marks, `_` and the like. */
const WORD = '[\\p{L}\\p{N}\\p{M}\\p{Pc}]';
const WORD_CHAR = new RegExp(`^${WORD}$`, 'u');

/**
 * Case-insensitive, whole-word occurrences of any of `names` in `text`, outside the ranges of
 * `links`, code (fenced blocks and inline spans) and frontmatter. Where names overlap, the longest
 * match at a position wins. Spaces in a name match any run of spaces or tabs, and a name matches
 * in NFC or NFD spelling.
 */
export function findUnlinkedMentions(text: string, names: string[], links: LinkRef[]): Mention[] {
  const pattern = mentionPattern(names);
  if (!pattern) return [];
  const skip = merge([...codeAndFrontmatter(text), ...links.map((l): Range => [l.start, l.end])]);
  const mentions: Mention[] = [];
  let r = 0;
  let line = 1;
  let counted = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    while (r < skip.length && (skip[r] as Range)[1] <= start) r++;
    const range = skip[r];
    if (range && range[0] < end) {
      // Inside a skipped range: jump past it. Overlapping one: a shorter name may still fit here.
      pattern.lastIndex = range[0] <= start ? range[1] : start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    for (; counted < start; counted++) if (text.charCodeAt(counted) === 10) line++;
    mentions.push({ start, end, line, matched: match[0], tableRow: false });
  }
  if (mentions.length > 0) {
    const rows = new Set(tableRowLines(text));
    for (const mention of mentions) mention.tableRow = rows.has(mention.line);
  }
  return mentions;
}

/** One global regex for all names, longest first; null when there is nothing to find. */
function mentionPattern(names: string[]): RegExp | null {
  const spellings = new Map<string, string>();
  for (const name of names) {
    const trimmed = name.trim();
    if (trimmed === '') continue;
    for (const form of [trimmed.normalize('NFC'), trimmed.normalize('NFD')]) spellings.set(form.toLowerCase(), form);
  }
  if (spellings.size === 0) return null;
  const alternatives = [...spellings.values()]
    .sort((a, b) => b.length - a.length)
    .map((name) => {
      const chars = [...name];
      const body = name
        .split(/\s+/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
        .join('[^\\S\\n]+');
      // A boundary is needed only where the name itself starts or ends with a word character:
      // "C++" ends a word by itself.
      const before = WORD_CHAR.test(chars[0] as string) ? `(?<!${WORD})` : '';
      const after = WORD_CHAR.test(chars[chars.length - 1] as string) ? `(?!${WORD})` : '';
      return before + body + after;
    });
  return new RegExp(alternatives.join('|'), 'giu');
}

/** Frontmatter, fenced code blocks and inline code spans, in order. */
function codeAndFrontmatter(text: string): Range[] {
  const blocks: Range[] = [];
  const front = frontmatterEnd(text);
  if (front > 0) blocks.push([0, front]);
  blocks.push(...fencedBlocks(text, front));
  const ranges: Range[] = [];
  let gapStart = 0;
  for (const block of [...blocks, [text.length, text.length] as Range]) {
    ranges.push(...codeSpans(text, gapStart, block[0]));
    ranges.push(block);
    gapStart = block[1];
  }
  return ranges;
}

/** Where YAML frontmatter (`---` first line to a closing `---` or `...`) ends, else 0. */
function frontmatterEnd(text: string): number {
  const open = /^---[ \t]*\n/.exec(text);
  if (!open) return 0;
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(open[0].length);
  const match = close.exec(rest);
  return match ? open[0].length + match.index + match[0].length : 0;
}

const FENCE = /^[ \t]*(?:>[ \t]*)*(`{3,}|~{3,})(.*)$/;

/**
 * Fenced code blocks from `from` on. Lenient about indentation and blockquote markers: treating a
 * fence in a list as code hides mentions there, which is better than offering to link code.
 */
function fencedBlocks(text: string, from: number): Range[] {
  const blocks: Range[] = [];
  let open: { start: number; marker: string } | null = null;
  for (let pos = from; pos < text.length;) {
    const lineEnd = text.indexOf('\n', pos) < 0 ? text.length : text.indexOf('\n', pos);
    const fence = FENCE.exec(text.slice(pos, lineEnd));
    if (fence) {
      const marker = fence[1] as string;
      const info = fence[2] as string;
      if (!open) {
        if (!(marker[0] === '`' && info.includes('`'))) open = { start: pos, marker };
      } else if (marker[0] === open.marker[0] && marker.length >= open.marker.length && info.trim() === '') {
        blocks.push([open.start, lineEnd]);
        open = null;
      }
    }
    pos = lineEnd + 1;
  }
  if (open) blocks.push([open.start, text.length]);
  return blocks;
}

/**
 * Inline code spans in `text[from, to)`: a run of n backticks up to the next run of exactly n,
 * within the paragraph. A backslash before a run escapes its first backtick.
 */
function codeSpans(text: string, from: number, to: number): Range[] {
  const spans: Range[] = [];
  const runs = /`+/g;
  runs.lastIndex = from;
  for (let run = runs.exec(text); run && run.index < to; run = runs.exec(text)) {
    let start = run.index;
    let length = run[0].length;
    if (isEscaped(text, start)) {
      start++;
      length--;
      if (length === 0) continue;
    }
    const blank = /\n[ \t]*\n/g;
    blank.lastIndex = start;
    const limit = Math.min(to, blank.exec(text)?.index ?? to);
    const closer = /`+/g;
    closer.lastIndex = start + length;
    for (let c = closer.exec(text); c && c.index < limit; c = closer.exec(text)) {
      if (c[0].length !== length) continue;
      spans.push([start, c.index + length]);
      runs.lastIndex = c.index + length;
      break;
    }
  }
  return spans;
}

function isEscaped(text: string, position: number): boolean {
  let backslashes = 0;
  for (let i = position - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** Sorts and merges overlapping ranges. */
function merge(ranges: Range[]): Range[] {
  const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}
