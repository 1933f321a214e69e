import { isAsciiLetter, isAsciiPunctuation, isDigit, isWhitespace } from './chars';

/**
 * URLs: GFM literal autolinks (`https://example.com/a#b`, `www.example.com`), as micromark reads them.
 * Nothing inside one counts: `https://x.com/[[a]]` holds no wiki link, and the `#` of
 * `#https://x.com` tags nothing. The inline pass finds them at their `:` or `.`, cheaper than
 * looking at every `h` and `w`. And CommonMark's URI autolinks, `<https://example.com>`.
 */

const SPACE = 0x20;
const BANG = 0x21;
const QUOTE = 0x22;
const AMPERSAND = 0x26;
const APOSTROPHE = 0x27;
const LEFT_PAREN = 0x28;
const RIGHT_PAREN = 0x29;
const STAR = 0x2a;
const COMMA = 0x2c;
const DASH = 0x2d;
const DOT = 0x2e;
const SLASH = 0x2f;
const COLON = 0x3a;
const SEMICOLON = 0x3b;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const QUESTION = 0x3f;
const LEFT_BRACKET = 0x5b;
const RIGHT_BRACKET = 0x5d;
const UNDERSCORE = 0x5f;
const TILDE = 0x7e;

const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * Where an `http://` or `https://` literal whose `:` is at `colon` starts, or -1. `lineStart` is
 * where its line's text starts (the character before it counts as a line ending).
 */
export function protocolUrlStart(text: string, colon: number, lineStart: number): number {
  if (text.charCodeAt(colon + 1) !== SLASH || text.charCodeAt(colon + 2) !== SLASH) return -1;
  let start = colon;
  if ((text.charCodeAt(start - 1) | 0x20) === 0x73 /* s */) start--;
  if (!endsWithLetters(text, start, 'http') || start - 4 < lineStart) return -1;
  start -= 4;
  return start === lineStart || !isAsciiLetter(text.charCodeAt(start - 1)) ? start : -1;
}

/** Where a `www.` literal whose `.` is at `dot` starts, or -1. */
export function wwwUrlStart(text: string, dot: number, lineStart: number): number {
  const start = dot - 3;
  if (start < lineStart || !endsWithLetters(text, dot, 'www')) return -1;
  if (start === lineStart) return start;
  const before = text.charCodeAt(start - 1);
  const allowed =
    before === LEFT_PAREN ||
    before === STAR ||
    before === UNDERSCORE ||
    before === LEFT_BRACKET ||
    before === RIGHT_BRACKET ||
    before === TILDE ||
    isWhitespace(before);
  return allowed ? start : -1;
}

/** Whether `text` has the lower-case ASCII `letters`, in any case, just before `end`. */
function endsWithLetters(text: string, end: number, letters: string): boolean {
  const start = end - letters.length;
  if (start < 0) return false;
  for (let j = 0; j < letters.length; j++)
    if ((text.charCodeAt(start + j) | 0x20) !== letters.charCodeAt(j)) return false;
  return true;
}

/**
 * The end of a literal autolink whose domain starts at `from` (after `//`, or at the `www`), or
 * -1 when there is none: a domain without `_` in its last two segments, then a path to the next
 * whitespace, without trailing punctuation (and without an unbalanced `)`).
 */
export function literalUrlEnd(text: string, from: number, lineEnd: number, afterProtocol: boolean): number {
  let q = from;
  if (
    afterProtocol &&
    (q >= lineEnd ||
      isWhitespace(text.charCodeAt(q)) ||
      text.charCodeAt(q) < SPACE ||
      isPunctuation(text.charCodeAt(q)))
  )
    return -1;
  let seen = false;
  let underscoreInLast = false;
  let underscoreInPenultimate = false;
  while (q < lineEnd) {
    const c = text.charCodeAt(q);
    if (c === DOT || c === UNDERSCORE) {
      if (isTrail(text, q, lineEnd)) break;
      if (c === UNDERSCORE) {
        underscoreInLast = true;
      } else {
        underscoreInPenultimate = underscoreInLast;
        underscoreInLast = false;
      }
    } else if (isWhitespace(c) || (c !== DASH && isPunctuation(c))) {
      break;
    } else {
      seen = true;
    }
    q++;
  }
  if (!seen || underscoreInLast || underscoreInPenultimate) return -1;
  let opened = 0;
  let closed = 0;
  while (q < lineEnd) {
    const c = text.charCodeAt(q);
    if (c === LEFT_PAREN) opened++;
    else if (c === RIGHT_PAREN && closed < opened) closed++;
    else if (isTrailStart(c)) {
      if (isTrail(text, q, lineEnd)) break;
      if (c === RIGHT_PAREN) closed++;
    } else if (isWhitespace(c)) break;
    q++;
  }
  return q;
}

/** Whether trailing punctuation at q runs to the end of the link (whitespace, `<`, the line end). */
function isTrail(text: string, q: number, lineEnd: number): boolean {
  while (q < lineEnd) {
    const c = text.charCodeAt(q);
    if (isRegularTrail(c)) {
      q++;
    } else if (c === AMPERSAND) {
      // `&name;` trails as a whole, like a character reference.
      q++;
      if (!isAsciiLetter(text.charCodeAt(q))) return false;
      while (q < lineEnd && isAsciiLetter(text.charCodeAt(q))) q++;
      if (text.charCodeAt(q) !== SEMICOLON) return false;
      q++;
    } else if (c === RIGHT_BRACKET) {
      q++;
      const next = text.charCodeAt(q);
      if (q >= lineEnd || next === LEFT_PAREN || next === LEFT_BRACKET || isWhitespace(next)) return true;
    } else {
      return c === LESS_THAN || isWhitespace(c);
    }
  }
  return true;
}

function isRegularTrail(c: number): boolean {
  return (
    c === BANG ||
    c === QUOTE ||
    c === APOSTROPHE ||
    c === RIGHT_PAREN ||
    c === STAR ||
    c === COMMA ||
    c === DOT ||
    c === COLON ||
    c === SEMICOLON ||
    c === QUESTION ||
    c === UNDERSCORE ||
    c === TILDE
  );
}

function isTrailStart(c: number): boolean {
  return isRegularTrail(c) || c === AMPERSAND || c === LESS_THAN || c === RIGHT_BRACKET;
}

/** Unicode punctuation or symbol, as micromark's `unicodePunctuation`. */
function isPunctuation(c: number): boolean {
  return c < 0x80 ? isAsciiPunctuation(c) : UNICODE_PUNCTUATION.test(String.fromCharCode(c));
}

/**
 * The end of a URI autolink `<scheme:…>` whose `<` is at i (after its `>`), or -1. Nothing in it
 * is markdown.
 */
export function uriAutolinkEnd(text: string, i: number, lineEnd: number): number {
  let q = i + 1;
  if (!isAsciiLetter(text.charCodeAt(q))) return -1;
  q++;
  while (q < lineEnd && q - i <= 33 && isSchemeChar(text.charCodeAt(q))) q++;
  const schemeLength = q - i - 1;
  if (schemeLength < 2 || schemeLength > 32 || text.charCodeAt(q) !== COLON) return -1;
  for (q++; q < lineEnd; q++) {
    const c = text.charCodeAt(q);
    if (c === GREATER_THAN) return q + 1;
    if (c <= SPACE || c === LESS_THAN) return -1;
  }
  return -1;
}

function isSchemeChar(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === 0x2b /* + */ || c === DASH || c === DOT;
}
