import { isAsciiPunctuation, isWhitespace } from './chars';

const UNDERSCORE = 0x5f;

/** Tag characters after `#`: Unicode letters, digits and marks (so Indic tags stay whole), `_ - /`. */
const TAG_BODY = /[\p{L}\p{N}\p{M}_/-]*/uy;
const ONLY_DIGITS = /^\p{N}+$/u;

/** A tag found at a `#`: its text (without `#`), and where reading goes on. */
export type TagAt = { tag: string | null; end: number };

/**
 * Reads `#tag` at `hash`, on a line whose text is [lineStart, lineEnd): a `#` that starts a word,
 * then tag characters, at least one of them not a digit. `tag` is null when there is none.
 */
export function readTag(text: string, hash: number, lineStart: number, lineEnd: number): TagAt {
  if (!startsWord(text, hash, lineStart)) return { tag: null, end: hash + 1 };
  TAG_BODY.lastIndex = hash + 1;
  TAG_BODY.test(text);
  const end = TAG_BODY.lastIndex;
  const tagEnd = withoutEmphasisCloser(text, hash, end, lineStart, lineEnd);
  const tag = text.slice(hash + 1, tagEnd);
  return { tag: tag === '' || ONLY_DIGITS.test(tag) ? null : tag, end };
}

/** Whether a tag made of `text` counts: not empty, not only digits. */
export function isTagText(text: string): boolean {
  return text !== '' && !ONLY_DIGITS.test(text);
}

/**
 * Whether `i` starts a word: at the line start, after whitespace, or after emphasis or
 * strikethrough markers that do (`**#tag**` is a bold tag, as Obsidian shows it; a cheap stand-in
 * for CommonMark's emphasis rules, which the remark oracle applies in full).
 */
function startsWord(text: string, i: number, lineStart: number): boolean {
  let q = i;
  while (q > lineStart && isEmphasisMarker(text.charCodeAt(q - 1))) q--;
  return q === lineStart || isWhitespace(text.charCodeAt(q - 1));
}

/**
 * A tag's end without a trailing `_` run that closes emphasis (`_see #tag_`): the run ends the
 * word and an opening `_` (after the line start, a blank or punctuation, before text) comes
 * earlier on the line.
 */
function withoutEmphasisCloser(text: string, hash: number, end: number, lineStart: number, lineEnd: number): number {
  let closer = end;
  while (closer > hash + 1 && text.charCodeAt(closer - 1) === UNDERSCORE) closer--;
  if (closer === end) return end;
  if (end < lineEnd && !isWhitespace(text.charCodeAt(end)) && !isAsciiPunctuation(text.charCodeAt(end))) return end;
  for (let q = hash - 1; q >= lineStart; q--) {
    if (text.charCodeAt(q) !== UNDERSCORE) continue;
    const before = q > lineStart ? text.charCodeAt(q - 1) : 0x20;
    if ((isWhitespace(before) || isAsciiPunctuation(before)) && !isWhitespace(text.charCodeAt(q + 1))) return closer;
  }
  return end;
}

function isEmphasisMarker(c: number): boolean {
  return c === 0x2a /* * */ || c === UNDERSCORE || c === 0x7e; /* ~ */
}
