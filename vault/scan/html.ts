import { isAsciiLetter, isDigit, isSpaceOrTab } from './chars';

/**
 * Raw HTML as CommonMark reads it. Nothing inside HTML is markdown, so no link or tag there
 * counts: an HTML block's lines are skipped, and so is an inline tag's `<…>` (an `href="[[x]]"`
 * attribute is not a wiki link). Text between inline tags (`<span>[[x]]</span>`) is markdown.
 */

const TAB = 0x09;
const SPACE = 0x20;
const BANG = 0x21;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const DASH = 0x2d;
const SLASH = 0x2f;
const LESS_THAN = 0x3c;
const EQUALS = 0x3d;
const GREATER_THAN = 0x3e;
const QUESTION = 0x3f;
const BACKTICK = 0x60;

/** CommonMark's HTML block kind 6 tag names (as micromark lists them). */
const BLOCK_NAMES = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead ' +
    'title tr track ul'
  ).split(' '),
);
/** Kind 1: their content is raw up to the closing tag. */
const RAW_NAMES = new Set(['pre', 'script', 'style', 'textarea']);

/** HTML block kinds: 1 raw (`<pre>`…), 2 comment, 3 `<?`, 4 `<!X`, 5 CDATA, 6 block tag, 7 any lone tag. */
export const HTML_LONE_TAG = 7;

/**
 * The kind (1–7) of HTML block starting at p (a `<`), or 0. Kinds 1–5 end at a line holding their
 * end marker, 6 and 7 at a blank line; kind 7 cannot interrupt a paragraph.
 */
export function htmlBlockKind(text: string, p: number, lineEnd: number): number {
  const next = text.charCodeAt(p + 1);
  if (next === BANG) {
    if (text.startsWith('<!--', p)) return 2;
    if (text.startsWith('<![CDATA[', p)) return 5;
    return isAsciiLetter(text.charCodeAt(p + 2)) ? 4 : 0;
  }
  if (next === QUESTION) return 3;
  const closing = next === SLASH;
  const nameStart = p + (closing ? 2 : 1);
  const nameEnd = tagNameEnd(text, nameStart, lineEnd);
  if (nameEnd < 0) return 0;
  const name = text.slice(nameStart, nameEnd).toLowerCase();
  const after = nameEnd < lineEnd ? text.charCodeAt(nameEnd) : -1;
  const ends = after === -1 || after === SPACE || after === TAB || after === GREATER_THAN;
  if (!closing && ends && RAW_NAMES.has(name)) return 1;
  if (BLOCK_NAMES.has(name) && (ends || (after === SLASH && text.charCodeAt(nameEnd + 1) === GREATER_THAN))) return 6;
  let end = htmlTagEnd(text, p, lineEnd);
  if (end < 0) return 0;
  while (end < lineEnd && isSpaceOrTab(text.charCodeAt(end))) end++;
  return end === lineEnd ? HTML_LONE_TAG : 0;
}

/** The marker ending an HTML block of kind 2–5, and how far after the block's `<` to look for it. */
export function htmlBlockEndMarker(kind: number): { marker: string; skip: number } | null {
  if (kind === 2) return { marker: '-->', skip: 2 };
  if (kind === 3) return { marker: '?>', skip: 2 };
  if (kind === 4) return { marker: '>', skip: 2 };
  if (kind === 5) return { marker: ']]>', skip: 9 };
  return null;
}

const RAW_END = /<\/(?:pre|script|style|textarea)>/gi;

/** Where the closing tag of a kind 1 block (`</pre>`, `</script>`…) is, from `from`, or -1. */
export function rawHtmlEnd(text: string, from: number): number {
  RAW_END.lastIndex = from;
  return RAW_END.exec(text)?.index ?? -1;
}

/**
 * The end (after `>`) of an HTML open tag `<name attr="v">` or closing tag `</name>` starting at
 * i, on one line; -1 when there is none. Reads at most to the line end.
 */
export function htmlTagEnd(text: string, i: number, lineEnd: number): number {
  let q = i + 1;
  if (text.charCodeAt(q) === SLASH) {
    q = tagNameEnd(text, q + 1, lineEnd);
    if (q < 0) return -1;
    while (q < lineEnd && isSpaceOrTab(text.charCodeAt(q))) q++;
    return q < lineEnd && text.charCodeAt(q) === GREATER_THAN ? q + 1 : -1;
  }
  q = tagNameEnd(text, q, lineEnd);
  if (q < 0) return -1;
  for (;;) {
    const blankStart = q;
    while (q < lineEnd && isSpaceOrTab(text.charCodeAt(q))) q++;
    if (q >= lineEnd) return -1;
    const c = text.charCodeAt(q);
    if (c === GREATER_THAN) return q + 1;
    if (c === SLASH) return text.charCodeAt(q + 1) === GREATER_THAN && q + 1 < lineEnd ? q + 2 : -1;
    // An attribute: after blanks, a name, then optionally `= value`.
    if (q === blankStart || !isAttributeNameStart(c)) return -1;
    q++;
    while (q < lineEnd && isAttributeNameChar(text.charCodeAt(q))) q++;
    let r = q;
    while (r < lineEnd && isSpaceOrTab(text.charCodeAt(r))) r++;
    if (r < lineEnd && text.charCodeAt(r) === EQUALS) {
      q = attributeValueEnd(text, r + 1, lineEnd);
      if (q < 0) return -1;
    }
  }
}

/** After `=`: blanks, then a quoted or unquoted value; returns where it ends, or -1. */
function attributeValueEnd(text: string, from: number, lineEnd: number): number {
  let q = from;
  while (q < lineEnd && isSpaceOrTab(text.charCodeAt(q))) q++;
  if (q >= lineEnd) return -1;
  const quote = text.charCodeAt(q);
  if (quote === QUOTE || quote === APOSTROPHE) {
    for (let r = q + 1; r < lineEnd; r++) if (text.charCodeAt(r) === quote) return r + 1;
    return -1;
  }
  const start = q;
  while (q < lineEnd && isUnquotedValueChar(text.charCodeAt(q))) q++;
  return q > start ? q : -1;
}

/** The end of a tag name (an ASCII letter, then letters, digits and `-`) at q, or -1. */
function tagNameEnd(text: string, q: number, lineEnd: number): number {
  if (q >= lineEnd || !isAsciiLetter(text.charCodeAt(q))) return -1;
  q++;
  while (q < lineEnd) {
    const c = text.charCodeAt(q);
    if (!isAsciiLetter(c) && !isDigit(c) && c !== DASH) break;
    q++;
  }
  return q;
}

function isAttributeNameStart(c: number): boolean {
  return isAsciiLetter(c) || c === 0x5f /* _ */ || c === 0x3a; /* : */
}

function isAttributeNameChar(c: number): boolean {
  return isAttributeNameStart(c) || isDigit(c) || c === 0x2e /* . */ || c === DASH;
}

function isUnquotedValueChar(c: number): boolean {
  return (
    c > SPACE &&
    c !== QUOTE &&
    c !== APOSTROPHE &&
    c !== EQUALS &&
    c !== LESS_THAN &&
    c !== GREATER_THAN &&
    c !== BACKTICK
  );
}
