/**
 * The text shown around a backlink: enough to recognise the sentence, short enough to scan.
 */
import type { LinkRef } from '../../shared/note-meta';

export type LinkContext = {
  /** An exact slice of the note: the link's paragraph when short, else the line(s) holding it. */
  text: string;
  /** Where the link lies in `text`, for highlighting. */
  start: number;
  end: number;
};

/** A paragraph up to this many UTF-16 units is shown whole. */
export const PARAGRAPH_LIMIT = 300;

/**
 * The context of `link` in `text` (the note's text, the one the link's offsets refer to): its
 * whole paragraph when that is at most `PARAGRAPH_LIMIT` long, else the line holding it (the
 * lines, when a markdown link's text wraps). A paragraph is a run of non-blank lines; headings,
 * fences and thematic breaks end one, and a link on such a line gets just that line.
 */
export function linkContext(text: string, link: Pick<LinkRef, 'start' | 'end'>): LinkContext {
  const start = clamp(link.start, 0, text.length);
  const end = clamp(link.end, start, text.length);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = lineEndAt(text, end);

  let from = lineStart;
  let to = lineEnd;
  if (!isBreak(text.slice(lineStart, lineEnd))) {
    // Grow line by line and give up as soon as the paragraph is too long, so a huge paragraph
    // costs no more than the limit to look at.
    while (from > 0 && to - from <= PARAGRAPH_LIMIT) {
      const above = text.lastIndexOf('\n', from - 2) + 1;
      if (isBreak(text.slice(above, from - 1))) break;
      from = above;
    }
    while (to < text.length && to - from <= PARAGRAPH_LIMIT) {
      const below = lineEndAt(text, to + 1);
      if (isBreak(text.slice(to + 1, below))) break;
      to = below;
    }
    if (to - from > PARAGRAPH_LIMIT) {
      from = lineStart;
      to = lineEnd;
    }
  }
  return { text: text.slice(from, to), start: start - from, end: end - from };
}

function lineEndAt(text: string, position: number): number {
  const i = text.indexOf('\n', position);
  return i < 0 ? text.length : i;
}

/** Lines that are not paragraph text: blank, ATX headings, code fences, thematic breaks (`---`). */
function isBreak(line: string): boolean {
  return /^\s*$|^ {0,3}(?:#{1,6}(?:[ \t]|$)|```|~~~|([-*_])(?:[ \t]*\1){2,}[ \t]*$)/.test(line);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
