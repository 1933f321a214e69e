import { isAsciiLetter, isAsciiPunctuation, isDigit, isSpaceOrTab } from './chars';
import { ForwardSearch, type LineSpans, type ScanFacts } from './facts';
import { htmlTagEnd } from './html';
import { markdownTarget, parseWikiContent } from './link-syntax';
import { LinkTail } from './link-tail';
import { readTag } from './tags';
import { literalUrlEnd, protocolUrlStart, uriAutolinkEnd, wwwUrlStart } from './url';

/**
 * What a run of inline text is: links and tags count in all three; a block id only ends a
 * paragraph (a list item's text is a paragraph too).
 */
export type InlineMode = 'paragraph' | 'heading' | 'row';

const BANG = 0x21;
const HASH = 0x23;
const PERCENT = 0x25;
const LEFT_PAREN = 0x28;
const COLON = 0x3a;
const LESS_THAN = 0x3c;
const LEFT_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const RIGHT_BRACKET = 0x5d;
const CARET = 0x5e;
const BACKTICK = 0x60;

/**
 * What can start something the inline pass cares about; all else is skipped. A `/g` regex finds
 * the next one faster than a character loop in JavaScript can (it runs as native code), and
 * `test` allocates nothing. `www.` is matched whole (at its `.`), not at every `.`.
 */
const SPECIAL = /[\\`[\]!#<%:]|[wW]{3}\./g;

const OPENER_IMAGE = 1;

/**
 * Reads runs of inline text for links, tags and block ids, skipping what does not count: code
 * spans, inline HTML (tags and comments), autolinks, `%% comments %%`. One instance per note;
 * `scan` is called for each paragraph, heading and table row in document order.
 *
 * Everything is index arithmetic on the note's text (no line arrays, no slicing until a fact is
 * found), and every search is bounded or cached so that no input makes the pass quadratic.
 */
export class InlineScanner {
  private spans!: LineSpans;
  /** Cache of nextSpecial: no special character in [specialFrom, specialAt). */
  private specialFrom = Number.MAX_SAFE_INTEGER;
  private specialAt = 0;
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

  private readonly wikiClose: ForwardSearch;
  private readonly htmlCommentClose: ForwardSearch;
  private readonly commentClose: ForwardSearch;

  private readonly linkTail: LinkTail;
  /**
   * Characters that HTML-tag parsing may still read in this run: a flood of `<a x="` cannot make
   * the pass quadratic (real notes never come near the limit).
   */
  private htmlBudget = 0;

  constructor(
    private readonly text: string,
    private readonly facts: ScanFacts,
  ) {
    this.wikiClose = new ForwardSearch(text, ']]');
    this.htmlCommentClose = new ForwardSearch(text, '-->');
    this.commentClose = new ForwardSearch(text, '%%');
    this.linkTail = new LinkTail(text);
  }

  /** Scans one run of inline text (its lines are `spans`). */
  scan(spans: LineSpans, mode: InlineMode): void {
    const text = this.text;
    const starts = spans.starts;
    const ends = spans.ends;
    const count = spans.count;
    this.begin(spans);
    let k = 0;
    let i = starts[0]!;
    let end = ends[0]!;
    for (;;) {
      for (;;) {
        i = this.nextSpecial(i);
        if (i >= end) break;
        const c = text.charCodeAt(i);
        this.k = k;
        let next: number;
        switch (c) {
          case BACKSLASH:
            next = i + 1 < end && isAsciiPunctuation(text.charCodeAt(i + 1)) ? i + 2 : i + 1;
            break;
          case BACKTICK:
            next = this.codeSpan(i, end);
            break;
          case LEFT_BRACKET:
            next = this.openBracket(i, i, false);
            break;
          case BANG:
            next = text.charCodeAt(i + 1) === LEFT_BRACKET ? this.openBracket(i + 1, i, true) : i + 1;
            break;
          case RIGHT_BRACKET:
            next = this.closeBracket(i);
            break;
          case HASH:
            next = this.tag(i);
            break;
          case LESS_THAN:
            next = this.angle(i, end);
            break;
          case PERCENT:
            next = text.charCodeAt(i + 1) === PERCENT ? this.comment(i) : i + 1;
            break;
          default: // the `:` of `https://`, the `.` of `www.`
            next = this.literalUrl(i, end, c === COLON);
        }
        if (next > end) {
          while (k + 1 < count && next > ends[k]!) k++;
          end = ends[k]!;
        }
        i = next > i ? next : i + 1; // every step moves on, whatever a handler says
      }
      if (++k >= count) break;
      i = starts[k]!;
      end = ends[k]!;
    }
    if (mode === 'paragraph') this.blockIdAtEnd(count - 1);
  }

  /** The first special character at or after `from` (the note's length when none is left). */
  private nextSpecial(from: number): number {
    if (from < this.specialFrom || from > this.specialAt) {
      SPECIAL.lastIndex = from;
      this.specialAt = SPECIAL.test(this.text) ? SPECIAL.lastIndex - 1 : this.text.length;
      this.specialFrom = from;
    }
    return this.specialAt;
  }

  private begin(spans: LineSpans): void {
    this.spans = spans;
    this.k = 0;
    this.runEnd = spans.ends[spans.count - 1]!;
    if (this.openerPos.length > 0) {
      this.openerPos.length = 0;
      this.openerSpan.length = 0;
      this.openerFlags.length = 0;
    }
    this.inactiveBelow = 0;
    this.ticksScanned = false;
    if (this.lastTickRun.size > 0) this.lastTickRun.clear();
    this.linkTail.begin(spans);
    this.htmlBudget = 8 * (this.runEnd - spans.starts[0]!) + 256;
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

  /** `[[…]]` on one line, its content up to the first `]]` (so `[[Sq]uare]]` links to `Sq]uare`). */
  private wikiLink(open: number, start: number, embed: boolean): number {
    const text = this.text;
    const contentStart = open + 2;
    const close = this.wikiClose.next(contentStart);
    if (close < 0 || close + 2 > this.spans.ends[this.k]!) return -1;
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
    const end = this.linkTail.read(i + 2, this.k);
    if (end < 0) return i + 1;
    const textStart = image ? start + 2 : start + 1;
    this.facts.retractFrom(textStart);
    if (!image) this.inactiveBelow = this.openerPos.length;
    this.addMarkdownLink(start, span, image, textStart, i, end);
    this.lastSkipEnd = end;
    return end;
  }

  private addMarkdownLink(
    start: number,
    span: number,
    embed: boolean,
    textStart: number,
    textEnd: number,
    end: number,
  ): void {
    const parts = markdownTarget(this.text.slice(this.linkTail.destStart, this.linkTail.destEnd));
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
    for (let k = span + 1; k < this.spans.count && starts[k]! < textEnd; k++)
      parts.push(this.text.slice(starts[k], Math.min(ends[k]!, textEnd)));
    return parts.join('\n').trim();
  }

  /** `#tag` (see readTag). */
  private tag(i: number): number {
    const { tag, end } = readTag(this.text, i, this.spans.starts[this.k]!, this.spans.ends[this.k]!);
    if (tag !== null) this.facts.addTag(tag, this.line(), i);
    return end;
  }

  /**
   * A `<`: an HTML comment (which may span the run's lines), an autolink, or an HTML tag, all
   * skipped; else text.
   */
  private angle(i: number, lineEnd: number): number {
    const text = this.text;
    let end: number;
    if (text.startsWith('<!--', i)) {
      const close = this.htmlCommentClose.next(i + 2);
      end = close < 0 || close + 3 > this.runEnd ? -1 : close + 3;
    } else {
      end = uriAutolinkEnd(text, i, lineEnd);
      if (end < 0 && this.htmlBudget > 0) {
        end = htmlTagEnd(text, i, lineEnd);
        this.htmlBudget -= (end < 0 ? lineEnd : end) - i;
      }
    }
    if (end < 0) return i + 1;
    this.lastSkipEnd = end;
    return end;
  }

  /**
   * A GFM literal autolink around the `:` of `http(s)://` or the `.` of `www.` at i, skipped. Not
   * inside a possible link's text (micromark does not look for them after an unclosed `[`).
   */
  private literalUrl(i: number, lineEnd: number, protocol: boolean): number {
    if (this.openerPos.length > 0) return i + 1;
    const text = this.text;
    const lineStart = this.spans.starts[this.k]!;
    const start = protocol ? protocolUrlStart(text, i, lineStart) : wwwUrlStart(text, i, lineStart);
    if (start < 0) return i + 1;
    const end = literalUrlEnd(text, protocol ? i + 3 : start, lineEnd, protocol);
    // (`www. x` links just `www`, which ends before this `.`.)
    if (end <= i) return i + 1;
    this.facts.cutTagAt(start, text);
    this.lastSkipEnd = end;
    return end;
  }

  /** `%% comment %%` within the run (it may span the run's lines); an unclosed `%%` is text. */
  private comment(i: number): number {
    const close = this.commentClose.next(i + 2);
    if (close < 0 || close + 2 > this.runEnd) return i + 1;
    this.lastSkipEnd = close + 2;
    return close + 2;
  }

  /** A `^id` ending the paragraph (after whitespace, or alone on its last line), outside anything skipped. */
  private blockIdAtEnd(k: number): void {
    const text = this.text;
    const start = this.spans.starts[k]!;
    let end = this.spans.ends[k]!;
    while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
    let idStart = end;
    while (idStart > start && isBlockIdChar(text.charCodeAt(idStart - 1))) idStart--;
    const caret = idStart - 1;
    if (idStart === end || caret < start || text.charCodeAt(caret) !== CARET || caret < this.lastSkipEnd) return;
    if (caret > start && !isSpaceOrTab(text.charCodeAt(caret - 1))) return;
    this.facts.addBlock(text.slice(idStart, end), this.spans.firstLine + k, caret);
  }
}

function isBlockIdChar(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === 0x2d; /* - */
}
