import { isAsciiPunctuation, isDigit, isSpaceOrTab } from './chars';

/**
 * Line-level markdown syntax (CommonMark 0.31 and GFM tables, as micromark reads them), as pure
 * checks on `text[p, lineEnd)`, where `p` is the line's first non-blank character after its
 * container prefixes. No slicing, no regex: these run for many lines.
 */

const SPACE = 0x20;
const QUOTE = 0x22;
const HASH = 0x23;
const APOSTROPHE = 0x27;
const LEFT_PAREN = 0x28;
const RIGHT_PAREN = 0x29;
const STAR = 0x2a;
const PLUS = 0x2b;
const DASH = 0x2d;
const DOT = 0x2e;
const COLON = 0x3a;
const LESS_THAN = 0x3c;
const EQUALS = 0x3d;
const GREATER_THAN = 0x3e;
const LEFT_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const RIGHT_BRACKET = 0x5d;
const CARET = 0x5e;
const BACKTICK = 0x60;
const PIPE = 0x7c;

/** Three or more of one of `- * _`, with only spaces and tabs between. */
export function isThematicBreak(text: string, p: number, lineEnd: number): boolean {
  return thematicBreakFailure(text, p, lineEnd) < 0;
}

/**
 * -1 when the line from p is a thematic break; else where reading it as one fails (the first other
 * character, or lineEnd when there are too few markers). No break starts at the same marker
 * anywhere between p and that position, which lets a run of list markers ask only once.
 */
export function thematicBreakFailure(text: string, p: number, lineEnd: number): number {
  const marker = text.charCodeAt(p);
  let count = 0;
  for (let q = p; q < lineEnd; q++) {
    const c = text.charCodeAt(q);
    if (c === marker) count++;
    else if (!isSpaceOrTab(c)) return q;
  }
  return count >= 3 ? -1 : lineEnd;
}

/** 1 for a `===` setext underline, 2 for `---`, else 0. */
export function setextLevel(text: string, p: number, lineEnd: number): number {
  const marker = text.charCodeAt(p);
  if (marker !== EQUALS && marker !== DASH) return 0;
  let q = p;
  while (q < lineEnd && text.charCodeAt(q) === marker) q++;
  while (q < lineEnd && isSpaceOrTab(text.charCodeAt(q))) q++;
  if (q !== lineEnd) return 0;
  return marker === EQUALS ? 1 : 2;
}

/** The level (1–6) of an ATX heading opening at p: `#`s then a space, tab or the line end; else 0. */
export function atxLevel(text: string, p: number, lineEnd: number): number {
  let q = p;
  while (q < lineEnd && q - p < 7 && text.charCodeAt(q) === HASH) q++;
  const level = q - p;
  if (level > 6 || (q < lineEnd && !isSpaceOrTab(text.charCodeAt(q)))) return 0;
  return level;
}

/** Where an ATX heading's text starts: after the marker and its spaces. */
export function atxTextStart(text: string, p: number, level: number, lineEnd: number): number {
  let q = p + level;
  while (q < lineEnd && isSpaceOrTab(text.charCodeAt(q))) q++;
  return q;
}

/** Where an ATX heading's text ends: trailing spaces and an optional closing `#` run removed. */
export function atxTextEnd(text: string, start: number, lineEnd: number): number {
  let end = lineEnd;
  while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  let q = end;
  while (q > start && text.charCodeAt(q - 1) === HASH) q--;
  if (q === start) return start;
  if (q < end && isSpaceOrTab(text.charCodeAt(q - 1))) {
    end = q;
    while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  }
  return end;
}

/** The length (≥ 3) of a code fence opening at p, else 0. A backtick fence's info has no backtick. */
export function fenceOpenLength(text: string, p: number, lineEnd: number): number {
  const marker = text.charCodeAt(p);
  let q = p;
  while (q < lineEnd && text.charCodeAt(q) === marker) q++;
  const length = q - p;
  if (length < 3) return 0;
  if (marker === BACKTICK) {
    for (; q < lineEnd; q++) if (text.charCodeAt(q) === BACKTICK) return 0;
  }
  return length;
}

/** Whether a line closes a fence of `marker` × `length`: at least as many, then only blanks. */
export function isFenceClose(text: string, p: number, lineEnd: number, marker: number, length: number): boolean {
  let q = p;
  while (q < lineEnd && text.charCodeAt(q) === marker) q++;
  if (q - p < length) return false;
  while (q < lineEnd && isSpaceOrTab(text.charCodeAt(q))) q++;
  return q === lineEnd;
}

/**
 * The position after a list marker at p (`-`, `+`, `*`, or 1–9 digits then `.` or `)`) followed
 * by a space, tab or the line end; -1 when there is none.
 */
export function listMarkerEnd(text: string, p: number, lineEnd: number): number {
  const c = text.charCodeAt(p);
  let q = p + 1;
  if (c !== DASH && c !== PLUS && c !== STAR) {
    if (!isDigit(c)) return -1;
    while (q < lineEnd && q - p < 10 && isDigit(text.charCodeAt(q))) q++;
    const delimiter = text.charCodeAt(q);
    if (q - p > 9 || q >= lineEnd || (delimiter !== DOT && delimiter !== RIGHT_PAREN)) return -1;
    q++;
  }
  return q === lineEnd || isSpaceOrTab(text.charCodeAt(q)) ? q : -1;
}

/** Whether the list marker at p is ordered and numbered other than 1 (it cannot interrupt a paragraph). */
export function isOrderedNotOne(text: string, p: number, markerEnd: number): boolean {
  return isDigit(text.charCodeAt(p)) && Number(text.slice(p, markerEnd - 1)) !== 1;
}

/**
 * The number of cells of a GFM table head row at p, counted as micromark does (leading and
 * trailing pipes open no cell; `\|` is no divider), or -1 when the row is a lone `|`.
 */
export function tableHeadCells(text: string, p: number, lineEnd: number): number {
  let cells = 0;
  let marks = 0;
  let cellOpen = text.charCodeAt(p) !== PIPE;
  if (cellOpen) marks = 1;
  let q = p;
  while (q < lineEnd) {
    const c = text.charCodeAt(q);
    if (isSpaceOrTab(c)) {
      q++;
      continue;
    }
    marks++;
    if (cellOpen) {
      cellOpen = false;
      cells++;
    }
    if (c === PIPE) {
      cellOpen = true;
      q++;
      continue;
    }
    while (q < lineEnd) {
      const d = text.charCodeAt(q);
      if (d === PIPE || isSpaceOrTab(d)) break;
      q++;
      if (d === BACKSLASH && q < lineEnd) {
        const escaped = text.charCodeAt(q);
        if (escaped === BACKSLASH || escaped === PIPE) q++;
      }
    }
  }
  return marks > 1 ? cells : -1;
}

/** The number of cells of a GFM delimiter row at p (`| :-- | --: |`), or -1 when it is not one. */
export function tableDelimiterCells(text: string, p: number, lineEnd: number): number {
  let q = p;
  let cells = 0;
  let sawPipeOrColon = false;
  if (text.charCodeAt(q) === PIPE) {
    sawPipeOrColon = true;
    q = skipBlanks(text, q + 1, lineEnd);
  }
  while (q < lineEnd) {
    let c = text.charCodeAt(q);
    if (c === COLON) {
      sawPipeOrColon = true;
      q++;
      c = text.charCodeAt(q);
      if (c !== DASH || q >= lineEnd) return -1;
    } else if (c !== DASH) {
      return -1;
    }
    cells++;
    while (q < lineEnd && text.charCodeAt(q) === DASH) q++;
    if (q < lineEnd && text.charCodeAt(q) === COLON) {
      sawPipeOrColon = true;
      q++;
    }
    q = skipBlanks(text, q, lineEnd);
    if (q >= lineEnd) break;
    if (text.charCodeAt(q) !== PIPE) return -1;
    sawPipeOrColon = true;
    q = skipBlanks(text, q + 1, lineEnd);
  }
  return sawPipeOrColon ? cells : -1;
}

function skipBlanks(text: string, q: number, lineEnd: number): number {
  while (q < lineEnd && isSpaceOrTab(text.charCodeAt(q))) q++;
  return q;
}

/** Where the table cell starting at q ends: at its dividing `|` (not `\|`), or the line end. */
export function tableCellEnd(text: string, q: number, lineEnd: number): number {
  while (q < lineEnd) {
    const c = text.charCodeAt(q);
    if (c === PIPE) return q;
    if (c === BACKSLASH && q + 1 < lineEnd) {
      const next = text.charCodeAt(q + 1);
      q += next === BACKSLASH || next === PIPE ? 2 : 1;
    } else {
      q++;
    }
  }
  return lineEnd;
}

/** A line that is not a link reference definition. */
export const NO_DEFINITION = 0;
/** A whole definition, `[label]: destination "title"`. */
export const DEFINITION = 1;
/** A definition without a title on its line: the next line may hold its title. */
export const DEFINITION_UNTITLED = 2;

/**
 * Whether the line at p is a link reference definition (NO_DEFINITION, DEFINITION or
 * DEFINITION_UNTITLED). Labels and destinations spanning lines are not recognised; nor are
 * footnote definitions (`[^1]: …`), whose text is markdown.
 */
export function definitionLine(text: string, p: number, lineEnd: number): number {
  if (text.charCodeAt(p) !== LEFT_BRACKET || text.charCodeAt(p + 1) === CARET) return NO_DEFINITION;
  let q = p + 1;
  let blankLabel = true;
  for (; ; q++) {
    if (q >= lineEnd || q - p > 1000) return NO_DEFINITION;
    const c = text.charCodeAt(q);
    if (c === RIGHT_BRACKET) break;
    if (c === LEFT_BRACKET) return NO_DEFINITION;
    if (c === BACKSLASH && isAsciiPunctuation(text.charCodeAt(q + 1))) q++;
    if (!isSpaceOrTab(c)) blankLabel = false;
  }
  if (blankLabel || text.charCodeAt(q + 1) !== COLON) return NO_DEFINITION;
  q = skipBlanks(text, q + 2, lineEnd);
  if (q >= lineEnd) return NO_DEFINITION;
  if (text.charCodeAt(q) === LESS_THAN) {
    for (q++; ; q++) {
      if (q >= lineEnd) return NO_DEFINITION;
      const c = text.charCodeAt(q);
      if (c === GREATER_THAN) break;
      if (c === LESS_THAN) return NO_DEFINITION;
      if (c === BACKSLASH && isAsciiPunctuation(text.charCodeAt(q + 1))) q++;
    }
    q++;
  } else {
    let depth = 0;
    const start = q;
    for (; q < lineEnd; q++) {
      const c = text.charCodeAt(q);
      if (c <= SPACE) break;
      if (c === BACKSLASH && isAsciiPunctuation(text.charCodeAt(q + 1))) q++;
      else if (c === LEFT_PAREN && ++depth > 32) return NO_DEFINITION;
      else if (c === RIGHT_PAREN && --depth < 0) return NO_DEFINITION;
    }
    if (depth !== 0 || q === start) return NO_DEFINITION;
  }
  const afterDestination = q;
  q = skipBlanks(text, q, lineEnd);
  if (q >= lineEnd) return DEFINITION_UNTITLED;
  return q > afterDestination && isTitleLine(text, q, lineEnd) ? DEFINITION : NO_DEFINITION;
}

/**
 * Whether a link title (`"…"`, `'…'` or `(…)`) starts at p and only blanks follow it. As
 * micromark, a `(…)` title may hold a `(`.
 */
export function isTitleLine(text: string, p: number, lineEnd: number): boolean {
  const open = text.charCodeAt(p);
  const close = open === QUOTE || open === APOSTROPHE ? open : open === LEFT_PAREN ? RIGHT_PAREN : 0;
  if (close === 0) return false;
  let q = p + 1;
  for (; ; q++) {
    if (q >= lineEnd) return false;
    const c = text.charCodeAt(q);
    if (c === close) break;
    if (c === BACKSLASH && isAsciiPunctuation(text.charCodeAt(q + 1))) q++;
  }
  return skipBlanks(text, q + 1, lineEnd) >= lineEnd;
}
