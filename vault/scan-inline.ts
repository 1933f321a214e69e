import type { LineSpans, ScanFacts } from './scan-facts';
import { markdownTarget, parseWikiContent } from './scan-link-syntax';

/**
 * How a run of inline text is read: a paragraph (or list item text) yields links, tags and block
 * ids; a heading yields links only; a table row yields links, tags and a block id alone on its line.
 */
export type InlineMode = 'paragraph' | 'heading' | 'row';

const TAB = 0x09;
const SPACE = 0x20;
const BANG = 0x21;
const QUOTE = 0x22;
const HASH = 0x23;
const PERCENT = 0x25;
const APOSTROPHE = 0x27;
const LEFT_PAREN = 0x28;
const RIGHT_PAREN = 0x29;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const LEFT_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const RIGHT_BRACKET = 0x5d;
const CARET = 0x5e;
const BACKTICK = 0x60;
const DELETE = 0x7f;

/** ASCII characters that can start something the inline pass cares about; all else is skipped. */
const SPECIAL = new Uint8Array(128);
for (const ch of '\\`[]!#<%') SPECIAL[ch.charCodeAt(0)] = 1;

/** Tag characters after `#`: Unicode letters, digits and marks (so Indic tags stay whole), `_ - /`. */
const TAG_BODY = /[\p{L}\p{N}\p{M}_/-]*/uy;
const ASCII_DIGITS = /^[0-9]+$/;

/** Nesting limit of parentheses in a link destination, as micromark's. */
const MAX_PAREN_DEPTH = 32;
const OPENER_IMAGE = 1;

/**
 * Reads runs of inline text for links, tags and block ids, skipping what does not count: code
 * spans, HTML comments, autolinks, `%% comments %%`. One instance per note; `scan` is called for
 * each paragraph, heading and table row in document order.
 *
 * Everything is index arithmetic on the note's text (no line arrays, no per-character regex), and
 * every search is bounded so that no input makes the pass quadratic.
 */
export class InlineScanner {
  private spans!: LineSpans;
  private mode: InlineMode = 'paragraph';
  /** The span (line of the run) being read. */
  private k = 0;
  private runEnd = 0;
  /** Where the last construct whose inside does not count ended; a block id must come after it. */
  private lastSkipEnd = 0;

  /** Open `[` / `![` delimiters of possible markdown links (CommonMark's bracket stack). */
  private readonly openerPos: number[] = [];
  private readonly openerSpan: number[] = [];
  private readonly openerFlags: number[] = [];
  /** `[` openers below this index are inactive: a link was found after them, and links do not nest. */
  private inactiveBelow = 0;

  /** Code spans: once a search for a closing backtick run failed, the last run of each length. */
  private ticksScanned = false;
  private readonly lastTickRun = new Map<number, number>();

  /** Caches of "the first `]]` / `-->` at or after `from` is at `at`" (-1: none); queries only move forward. */
  private wikiCloseFrom = Number.MAX_SAFE_INTEGER;
  private wikiCloseAt = -1;
  private commentCloseFrom = Number.MAX_SAFE_INTEGER;
  private commentCloseAt = -1;

  /** Characters the link-destination parser may still read in this run (keeps `](` floods linear). */
  private tailBudget = 0;
  private tailK = 0;
  private destStart = 0;
  private destEnd = 0;

  constructor(
    private readonly text: string,
    private readonly facts: ScanFacts,
  ) {}

  /**
   * Scans one run. Returns -1, or the position where an unclosed-in-this-run `%%` comment ends
   * (the note's length when it never closes): the caller resumes block parsing there.
   */
  scan(spans: LineSpans, mode: InlineMode): number {
    const text = this.text;
    const starts = spans.starts;
    const ends = spans.ends;
    const count = spans.count;
    this.begin(spans, mode);
    let k = 0;
    let i = starts[0]!;
    let end = ends[0]!;
    for (;;) {
      while (i < end) {
        const c = text.charCodeAt(i);
        if (c >= 128 || SPECIAL[c] === 0) {
          i++;
          continue;
        }
        this.k = k;
        let next: number;
        if (c === BACKSLASH) next = i + 1 < end && isAsciiPunctuation(text.charCodeAt(i + 1)) ? i + 2 : i + 1;
        else if (c === BACKTICK) next = this.codeSpan(i, end);
        else if (c === LEFT_BRACKET) next = this.openBracket(i, i, false);
        else if (c === BANG) next = text.charCodeAt(i + 1) === LEFT_BRACKET ? this.openBracket(i + 1, i, true) : i + 1;
        else if (c === RIGHT_BRACKET) next = this.closeBracket(i);
        else if (c === HASH) next = this.tag(i);
        else if (c === LESS_THAN) next = this.angle(i, end);
        else if (text.charCodeAt(i + 1) !== PERCENT) next = i + 1;
        else {
          // Obsidian `%% comment %%`: runs to the next `%%` anywhere, across blocks, or to the end.
          const close = text.indexOf('%%', i + 2);
          if (close < 0) return text.length;
          next = close + 2;
          if (next > this.runEnd) return next;
          this.lastSkipEnd = next;
        }
        if (next > end) {
          while (k + 1 < count && next > ends[k]!) k++;
          end = ends[k]!;
        }
        i = next;
      }
      if (mode !== 'heading') this.blockIdAtLineEnd(k, mode === 'row');
      if (++k >= count) return -1;
      i = starts[k]!;
      end = ends[k]!;
    }
  }

  private begin(spans: LineSpans, mode: InlineMode): void {
    this.spans = spans;
    this.mode = mode;
    this.k = 0;
    this.runEnd = spans.ends[spans.count - 1]!;
    this.openerPos.length = 0;
    this.openerSpan.length = 0;
    this.openerFlags.length = 0;
    this.inactiveBelow = 0;
    this.ticksScanned = false;
    if (this.lastTickRun.size > 0) this.lastTickRun.clear();
    this.tailBudget = 8 * (this.runEnd - spans.starts[0]!) + 256;
  }

  private line(): number {
    return this.spans.firstLine + this.k;
  }

  /** A backtick run at `i`: a code span to the next run of the same length in this run, else literal. */
  private codeSpan(i: number, lineEnd: number): number {
    const text = this.text;
    let after = i + 1;
    while (after < lineEnd && text.charCodeAt(after) === BACKTICK) after++;
    const length = after - i;
    if (this.ticksScanned) {
      const last = this.lastTickRun.get(length);
      if (last === undefined || last < after) return after;
    }
    let from = after;
    for (;;) {
      const j = text.indexOf('`', from);
      if (j < 0 || j >= this.runEnd) {
        this.ticksScanned = true;
        return after;
      }
      let q = j + 1;
      while (q < this.runEnd && text.charCodeAt(q) === BACKTICK) q++;
      if (q - j === length) {
        this.lastSkipEnd = q;
        return q;
      }
      if (!this.ticksScanned) this.lastTickRun.set(q - j, j);
      from = q;
    }
  }

  /** A `[` at `open` (`start` is the `!` of an embed): a wiki link, or a markdown link opener. */
  private openBracket(open: number, start: number, embed: boolean): number {
    if (this.text.charCodeAt(open + 1) === LEFT_BRACKET) {
      const end = this.wikiLink(open, start, embed);
      if (end >= 0) return end;
    }
    this.openerPos.push(start);
    this.openerSpan.push(this.k);
    this.openerFlags.push(embed ? OPENER_IMAGE : 0);
    return open + 1;
  }

  /** `[[…]]` on one line, content up to the first `]]`; a later `[[` before that `]]` owns it. */
  private wikiLink(open: number, start: number, embed: boolean): number {
    const text = this.text;
    const contentStart = open + 2;
    const close = this.nextWikiClose(contentStart);
    if (close < 0 || close + 2 > this.spans.ends[this.k]!) return -1;
    if (text.lastIndexOf('[[', close - 1) > open) return -1;
    const parts = parseWikiContent(text.slice(contentStart, close));
    if (parts === null) return -1;
    const end = close + 2;
    this.facts.addLink({
      raw: text.slice(start, end),
      target: parts.target,
      headings: parts.headings,
      block: parts.block,
      alias: parts.alias,
      style: 'wiki',
      embed,
      start,
      end,
      line: this.line(),
    });
    this.lastSkipEnd = end;
    return end;
  }

  private nextWikiClose(from: number): number {
    if (from < this.wikiCloseFrom || (this.wikiCloseAt >= 0 && from > this.wikiCloseAt)) {
      this.wikiCloseFrom = from;
      this.wikiCloseAt = this.text.indexOf(']]', from);
    }
    return this.wikiCloseAt;
  }

  /** A `]`: closes the nearest opener; with `(destination "title")` after it, that is a link. */
  private closeBracket(i: number): number {
    const top = this.openerPos.length - 1;
    if (top < 0) return i + 1;
    const start = this.openerPos.pop()!;
    const span = this.openerSpan.pop()!;
    const image = (this.openerFlags.pop()! & OPENER_IMAGE) !== 0;
    const active = image || top >= this.inactiveBelow;
    if (this.inactiveBelow > top) this.inactiveBelow = top;
    if (!active || this.text.charCodeAt(i + 1) !== LEFT_PAREN) return i + 1;
    const end = this.linkTail(i + 2);
    if (end < 0) return i + 1;
    const textStart = image ? start + 2 : start + 1;
    this.facts.retractFrom(textStart);
    if (!image) this.inactiveBelow = this.openerPos.length;
    this.addMarkdownLink(start, span, image, textStart, i, end);
    this.lastSkipEnd = end;
    return end;
  }

  private addMarkdownLink(start: number, span: number, embed: boolean, textStart: number, textEnd: number, end: number): void {
    const parts = markdownTarget(this.text.slice(this.destStart, this.destEnd));
    if (parts === null) return;
    const alias = this.linkText(span, textStart, textEnd);
    this.facts.addLink({
      raw: this.text.slice(start, end),
      target: parts.target,
      headings: parts.headings,
      block: parts.block,
      alias: alias === '' ? null : alias,
      style: 'markdown',
      embed,
      start,
      end,
      line: this.spans.firstLine + span,
    });
  }

  /** A link's text, trimmed; over several lines, their contents joined by "\n" (no `> ` prefixes). */
  private linkText(span: number, textStart: number, textEnd: number): string {
    const { starts, ends } = this.spans;
    if (textEnd <= ends[span]!) return this.text.slice(textStart, textEnd).trim();
    const parts = [this.text.slice(textStart, ends[span])];
    for (let k = span + 1; k < this.spans.count && starts[k]! < textEnd; k++) parts.push(this.text.slice(starts[k], Math.min(ends[k]!, textEnd)));
    return parts.join('\n').trim();
  }

  /**
   * After `](`: a destination (`<…>` or raw with balanced parentheses), an optional title, `)`.
   * Returns the position after `)`, or -1; sets destStart/destEnd.
   */
  private linkTail(from: number): number {
    if (this.tailBudget <= 0) return -1;
    const text = this.text;
    this.tailK = this.k;
    let p = this.skipSpace(from);
    let c = text.charCodeAt(p);
    if (c === RIGHT_PAREN) {
      this.destStart = this.destEnd = p;
      return p + 1;
    }
    const lineEnd = this.spans.ends[this.tailK]!;
    let q = p;
    if (c === LESS_THAN) {
      for (q = p + 1; ; q++) {
        if (q >= lineEnd) return this.spend(q - p, -1);
        c = text.charCodeAt(q);
        if (c === GREATER_THAN) break;
        if (c === LESS_THAN) return this.spend(q - p, -1);
        if (c === BACKSLASH && q + 1 < lineEnd && isAsciiPunctuation(text.charCodeAt(q + 1))) q++;
      }
      this.destStart = p + 1;
      this.destEnd = q;
      q++;
    } else {
      let depth = 0;
      for (; q < lineEnd; q++) {
        c = text.charCodeAt(q);
        if (c <= SPACE || c === DELETE) break;
        if (c === BACKSLASH && q + 1 < lineEnd && isAsciiPunctuation(text.charCodeAt(q + 1))) q++;
        else if (c === LEFT_PAREN && ++depth > MAX_PAREN_DEPTH) return this.spend(q - p, -1);
        else if (c === RIGHT_PAREN && depth-- === 0) break;
      }
      if (depth > 0 || q === p) return this.spend(q - p, -1);
      this.destStart = p;
      this.destEnd = q;
    }
    this.spend(q - p, 0);
    if (text.charCodeAt(q) === RIGHT_PAREN) return q + 1;
    p = this.skipSpace(q);
    c = text.charCodeAt(p);
    if (c === RIGHT_PAREN) return p + 1;
    const close = c === QUOTE ? QUOTE : c === APOSTROPHE ? APOSTROPHE : c === LEFT_PAREN ? RIGHT_PAREN : 0;
    if (close === 0 || p === q) return -1;
    q = this.titleEnd(p + 1, close);
    if (q < 0) return -1;
    p = this.skipSpace(q + 1);
    return text.charCodeAt(p) === RIGHT_PAREN ? p + 1 : -1;
  }

  private spend(chars: number, result: number): number {
    this.tailBudget -= chars;
    return result;
  }

  /** Spaces and tabs, and line ends within the run (continuing at the next line's content). */
  private skipSpace(p: number): number {
    const text = this.text;
    const { starts, ends, count } = this.spans;
    for (;;) {
      const c = text.charCodeAt(p);
      if (c === SPACE || c === TAB) p++;
      else if (p === ends[this.tailK] && this.tailK + 1 < count) p = starts[++this.tailK]!;
      else return p;
    }
  }

  /** The closing delimiter of a link title (which may span lines of the run), or -1. */
  private titleEnd(from: number, close: number): number {
    const text = this.text;
    for (let q = from; q < this.runEnd; q++) {
      const c = text.charCodeAt(q);
      if (c === close) {
        this.spend(q - from, 0);
        while (q > this.spans.ends[this.tailK]!) this.tailK++;
        return q;
      }
      if (c === BACKSLASH) q++;
      else if (c === LEFT_PAREN && close === RIGHT_PAREN) return this.spend(q - from, -1);
    }
    return this.spend(this.runEnd - from, -1);
  }

  /** `#tag` at a line start or after whitespace, with at least one non-digit. */
  private tag(i: number): number {
    if (this.mode === 'heading') return i + 1;
    const text = this.text;
    if (i > this.spans.starts[this.k]! && !isWhitespace(text.charCodeAt(i - 1))) return i + 1;
    TAG_BODY.lastIndex = i + 1;
    TAG_BODY.test(text);
    const end = TAG_BODY.lastIndex;
    if (end === i + 1) return i + 1;
    const tag = text.slice(i + 1, end);
    if (!ASCII_DIGITS.test(tag)) this.facts.addTag(tag, this.line(), i);
    return end;
  }

  /** A `<`: an HTML comment (skipped when closed within the run), an autolink (skipped), or text. */
  private angle(i: number, lineEnd: number): number {
    const text = this.text;
    if (text.startsWith('<!--', i)) {
      const close = this.nextCommentClose(i + 2);
      if (close < 0 || close + 3 > this.runEnd) return i + 1;
      this.lastSkipEnd = close + 3;
      return close + 3;
    }
    const end = autolinkEnd(text, i, lineEnd);
    if (end < 0) return i + 1;
    this.lastSkipEnd = end;
    return end;
  }

  private nextCommentClose(from: number): number {
    if (from < this.commentCloseFrom || (this.commentCloseAt >= 0 && from > this.commentCloseAt)) {
      this.commentCloseFrom = from;
      this.commentCloseAt = this.text.indexOf('-->', from);
    }
    return this.commentCloseAt;
  }

  /** A `^id` ending the line (after whitespace, or alone on it), outside anything skipped. */
  private blockIdAtLineEnd(k: number, aloneOnly: boolean): void {
    const text = this.text;
    const start = this.spans.starts[k]!;
    let end = this.spans.ends[k]!;
    while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
    let idStart = end;
    while (idStart > start && isBlockIdChar(text.charCodeAt(idStart - 1))) idStart--;
    const caret = idStart - 1;
    if (idStart === end || caret < start || text.charCodeAt(caret) !== CARET || caret < this.lastSkipEnd) return;
    if (caret > start && (aloneOnly || !isSpaceOrTab(text.charCodeAt(caret - 1)))) return;
    this.facts.addBlock(text.slice(idStart, end), this.spans.firstLine + k, caret);
  }
}

/** The end of a URI autolink `<scheme:…>` starting at `i` (after its `>`), or -1. */
function autolinkEnd(text: string, i: number, lineEnd: number): number {
  let q = i + 1;
  if (!isAsciiLetter(text.charCodeAt(q))) return -1;
  q++;
  while (q < lineEnd && q - i <= 33 && isSchemeChar(text.charCodeAt(q))) q++;
  if (q - i - 1 < 2 || q - i - 1 > 32 || text.charCodeAt(q) !== 0x3a /* : */) return -1;
  for (q++; q < lineEnd; q++) {
    const c = text.charCodeAt(q);
    if (c === GREATER_THAN) return q + 1;
    if (c <= SPACE || c === LESS_THAN) return -1;
  }
  return -1;
}

function isAsciiPunctuation(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isSchemeChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
}

function isBlockIdChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
}

function isSpaceOrTab(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** Whitespace before a tag: space, tab, or a Unicode space (no-break, ideographic…). */
function isWhitespace(c: number): boolean {
  return (
    c === SPACE ||
    c === TAB ||
    (c >= 0x80 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000))
  );
}
