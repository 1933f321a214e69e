import { isSpaceOrTab } from './chars';
import {
  atxLevel,
  atxTextEnd,
  atxTextStart,
  definitionLine,
  DEFINITION_UNTITLED,
  fenceOpenLength,
  isFenceClose,
  isThematicBreak,
  isTitleLine,
  NO_DEFINITION,
  setextLevel,
  tableCellEnd,
  tableDelimiterCells,
  tableHeadCells,
} from './block-syntax';
import { Containers } from './containers';
import { ForwardSearch, LineSpans, type ScanFacts } from './facts';
import { HTML_LONE_TAG, htmlBlockEndMarker, htmlBlockKind, rawHtmlEnd } from './html';
import { InlineScanner, type InlineMode } from './inline';

const TAB = 0x09;
const SPACE = 0x20;
const HASH = 0x23;
const PERCENT = 0x25;
const STAR = 0x2a;
const DASH = 0x2d;
const COLON = 0x3a;
const LESS_THAN = 0x3c;
const EQUALS = 0x3d;
const GREATER_THAN = 0x3e;
const UNDERSCORE = 0x5f;
const BACKTICK = 0x60;
const PIPE = 0x7c;
const TILDE = 0x7e;

/** What a line is, once its container prefixes are read. */
const BLANK = 0;
const TEXT = 1;
const INDENTED_CODE = 2;
const FENCE = 3;
const ATX = 4;
const SETEXT = 5;
const THEMATIC = 6;
const HTML = 7;
const COMMENT = 8;
const COMMENT_LINE = 9;
const TABLE_HEAD = 10;

/** Multi-line leaf blocks whose lines hold nothing to index, while one is open. */
const NO_LEAF = 0;
const FENCED_CODE = 1;
/** HTML kinds 1–5: up to the line holding the end marker. */
const HTML_TO_MARKER = 2;
/** HTML kinds 6–7: up to a blank line. */
const HTML_TO_BLANK = 3;
/** An Obsidian `%%` comment block: up to the line holding the next `%%`. */
const COMMENT_BLOCK = 4;

/**
 * The block pass: reads a note line by line the way CommonMark does as micromark implements it
 * (block quotes and list items with lazy continuation lines, fenced and indented code, ATX and
 * setext headings, HTML blocks, link reference definitions, GFM tables) plus Obsidian `%%`
 * comment blocks, and hands each paragraph, heading and table cell to the inline pass. A
 * paragraph is scanned when it ends, so code spans and link texts may cross its lines.
 */
export class BlockScanner {
  private readonly length: number;
  private readonly containers: Containers;
  private readonly inline: InlineScanner;
  private readonly commentClose: ForwardSearch;
  /** The open multi-line leaf that is skipped (fenced code, HTML, comment), if any. */
  private leaf = NO_LEAF;
  private fenceMarker = 0;
  private fenceLength = 0;
  /** Where an HTML block of kind 1–5 ends (-1: it does not). */
  private htmlEnd = -1;
  private readonly paragraph = new LineSpans();
  private paragraphOpen = false;
  /**
   * Indented code is open (through blank lines): like a paragraph, micromark lets no empty or
   * non-1 ordered list item start after it.
   */
  private indentedCodeOpen = false;
  private inTable = false;
  private readonly single = new LineSpans();
  /** The number of the line being read. */
  private line = 1;
  /** What classify found besides the kind: a heading level, fence length or HTML block kind. */
  private level = 0;

  constructor(
    private readonly text: string,
    private readonly facts: ScanFacts,
  ) {
    this.length = text.length;
    this.containers = new Containers(text);
    this.inline = new InlineScanner(text, facts);
    this.commentClose = new ForwardSearch(text, '%%');
  }

  /** Reads the note from `from` (after any frontmatter), whose line number is `line`. */
  scan(from: number, line: number): void {
    this.line = line;
    for (let pos = from; pos < this.length; this.line++) pos = this.readLine(pos);
    if (this.paragraphOpen) this.flushParagraph();
  }

  /** Reads the line starting at `lineStart`; returns where the next one starts. */
  private readLine(lineStart: number): number {
    const containers = this.containers;
    const newline = this.text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? this.length : newline;
    const next = lineEnd + 1;
    const matched = containers.match(lineStart, lineEnd);
    if (this.leaf !== NO_LEAF) {
      if (matched === containers.depth && this.continueLeaf(lineEnd)) return next;
      this.leaf = NO_LEAF; // ended with its container (or, HTML, at this blank line)
    }

    const allMatched = matched === containers.depth;
    containers.skipBlank(lineEnd);
    const opened = containers.open(
      lineEnd,
      { paragraph: this.paragraphOpen, indentedCode: this.indentedCodeOpen },
      matched,
    );
    const p = containers.atPos;
    const indent = containers.atCol - containers.atBase;
    // Text here would continue the open paragraph; what cannot interrupt a paragraph yields to it.
    const continuing = this.paragraphOpen && allMatched && opened === 0;
    let kind = this.classify(p, lineEnd, indent, opened, continuing);

    if (this.paragraphOpen && !allMatched && opened === 0) {
      // A lazy continuation line: paragraph text without its containers' prefixes.
      if (kind === TEXT) {
        this.paragraph.push(p, lineEnd);
        return next;
      }
      // micromark's reading of a lone HTML tag there: an HTML block inside the containers.
      if (kind === HTML && this.level === HTML_LONE_TAG) {
        this.flushParagraph();
        this.leaf = HTML_TO_BLANK;
        return next;
      }
    }

    containers.commit(matched, opened);
    const rowOfTable = this.inTable && allMatched && opened === 0;
    if (kind === TEXT && !rowOfTable && indent < 4 && this.isTableHead(p, lineEnd, next)) kind = TABLE_HEAD;
    if (this.paragraphOpen && !(kind === TEXT && continuing) && kind !== SETEXT) this.flushParagraph();
    if (!(kind === TEXT && rowOfTable)) this.inTable = false;
    // (Not when the code began by closing containers: micromark then reads it in a fresh flow.)
    if (kind !== BLANK) this.indentedCodeOpen = kind === INDENTED_CODE && (this.indentedCodeOpen || allMatched);

    if (kind === TEXT) {
      if (rowOfTable) {
        this.scanRow(p, lineEnd);
      } else {
        if (!continuing) {
          this.paragraph.reset(this.line);
          this.paragraphOpen = true;
        }
        this.paragraph.push(p, lineEnd);
      }
      return next;
    }
    if (kind !== TABLE_HEAD) {
      this.startLeaf(kind, p, lineEnd);
      return next;
    }
    this.inTable = true;
    this.scanRow(p, lineEnd);
    // The delimiter row below holds nothing to index.
    const delimiterEnd = this.text.indexOf('\n', next);
    this.line++;
    return delimiterEnd < 0 ? this.length : delimiterEnd + 1;
  }

  /** What the line is from p, after its containers (sets `level` for headings, fences and HTML). */
  private classify(p: number, lineEnd: number, indent: number, opened: number, continuing: boolean): number {
    const text = this.text;
    this.level = 0;
    if (p >= lineEnd) return BLANK;
    if (indent >= 4) return this.paragraphOpen && opened === 0 ? TEXT : INDENTED_CODE;
    const c = text.charCodeAt(p);
    switch (c) {
      case BACKTICK:
      case TILDE:
        this.level = fenceOpenLength(text, p, lineEnd);
        return this.level > 0 ? FENCE : TEXT;
      case HASH:
        this.level = atxLevel(text, p, lineEnd);
        return this.level > 0 ? ATX : TEXT;
      case LESS_THAN:
        this.level = htmlBlockKind(text, p, lineEnd);
        // A lone tag (kind 7) cannot interrupt a paragraph.
        return this.level > 0 && !(this.level === HTML_LONE_TAG && continuing) ? HTML : TEXT;
      case PERCENT:
        return text.charCodeAt(p + 1) === PERCENT ? this.commentStart(p, lineEnd) : TEXT;
      case EQUALS:
      case DASH:
      case STAR:
      case UNDERSCORE: {
        const underline = continuing && (c === EQUALS || c === DASH) ? setextLevel(text, p, lineEnd) : 0;
        // Link reference definitions are not a paragraph's text: they get no underline.
        if (underline > 0 && this.definitionLines() < this.paragraph.count) {
          this.level = underline;
          return SETEXT;
        }
        return c !== EQUALS && isThematicBreak(text, p, lineEnd) ? THEMATIC : TEXT;
      }
      default:
        return TEXT;
    }
  }

  /** Acts on a line that starts a leaf other than a paragraph or table. */
  private startLeaf(kind: number, p: number, lineEnd: number): void {
    const text = this.text;
    const level = this.level;
    switch (kind) {
      case ATX: {
        const start = atxTextStart(text, p, level, lineEnd);
        const end = atxTextEnd(text, start, lineEnd);
        this.facts.headings.push({ level, text: text.slice(start, end), line: this.line });
        if (end > start) this.scanLine(start, end, 'heading');
        break;
      }
      case SETEXT: {
        // Leading definitions are not the heading's text, but remark starts the heading at them.
        const line = this.paragraph.firstLine;
        const definitions = this.definitionLines();
        if (definitions > 0) this.paragraph.dropFirst(definitions);
        this.facts.headings.push({ level, text: this.paragraphText(), line });
        this.paragraphOpen = false;
        this.inline.scan(this.paragraph, 'heading');
        break;
      }
      case FENCE:
        this.leaf = FENCED_CODE;
        this.fenceMarker = text.charCodeAt(p);
        this.fenceLength = level;
        break;
      case HTML:
        this.openHtml(level, p, lineEnd);
        break;
      case COMMENT:
        this.leaf = COMMENT_BLOCK;
        break;
      default: // blank lines, indented code, thematic breaks and one-line comments hold nothing to index
    }
  }

  /** Whether a line (its containers matched) belongs to the open leaf; closes the leaf at its last line. */
  private continueLeaf(lineEnd: number): boolean {
    this.containers.skipBlank(lineEnd);
    const p = this.containers.atPos;
    switch (this.leaf) {
      case FENCED_CODE:
        if (
          this.containers.atCol - this.containers.atBase <= 3 &&
          isFenceClose(this.text, p, lineEnd, this.fenceMarker, this.fenceLength)
        )
          this.leaf = NO_LEAF;
        return true;
      case HTML_TO_MARKER:
        if (this.htmlEnd >= 0 && this.htmlEnd < lineEnd) this.leaf = NO_LEAF;
        return true;
      case HTML_TO_BLANK:
        return p < lineEnd;
      default: {
        const close = this.commentClose.next(p);
        if (close >= 0 && close + 2 <= lineEnd) this.leaf = NO_LEAF;
        return true;
      }
    }
  }

  /**
   * A line starting with `%%`: a comment block when it does not close on this line (COMMENT), a
   * one-line one when only blanks follow its closing `%%` (COMMENT_LINE); a line that closes the
   * comment and goes on is text, whose inline comment the inline pass skips.
   */
  private commentStart(p: number, lineEnd: number): number {
    const close = this.commentClose.next(p + 2);
    if (close < 0 || close + 2 > lineEnd) return COMMENT;
    let q = close + 2;
    while (q < lineEnd && isSpaceOrTab(this.text.charCodeAt(q))) q++;
    return q === lineEnd ? COMMENT_LINE : TEXT;
  }

  /** Opens an HTML block of `kind` (1–7) at p, unless it ends on this very line. */
  private openHtml(kind: number, p: number, lineEnd: number): void {
    if (kind >= 6) {
      this.leaf = HTML_TO_BLANK;
      return;
    }
    const end = htmlBlockEndMarker(kind);
    this.htmlEnd = end === null ? rawHtmlEnd(this.text, p) : this.text.indexOf(end.marker, p + end.skip);
    if (this.htmlEnd < 0 || this.htmlEnd >= lineEnd) this.leaf = HTML_TO_MARKER;
  }

  /** Whether the line at p heads a GFM table: the next line, in the same containers, is a delimiter row with as many cells. */
  private isTableHead(p: number, lineEnd: number, next: number): boolean {
    const text = this.text;
    if (next >= this.length) return false;
    let q = next;
    for (let c = text.charCodeAt(q); c === SPACE || c === TAB || c === GREATER_THAN; c = text.charCodeAt(++q));
    const first = text.charCodeAt(q);
    // Cheap refusals first: most lines followed by `-` are list items followed by list items.
    if (first !== PIPE && first !== DASH && first !== COLON) return false;
    if (first === DASH && isSpaceOrTab(text.charCodeAt(q + 1))) return false;
    const cells = tableHeadCells(text, p, lineEnd);
    if (cells < 0) return false;
    const newline = text.indexOf('\n', next);
    const nextEnd = newline < 0 ? this.length : newline;
    const containers = this.containers;
    if (containers.match(next, nextEnd) !== containers.depth) return false;
    containers.skipBlank(nextEnd);
    const delimiter = containers.atPos;
    // `- |` opens a list item before it can be a delimiter row.
    if (
      containers.atCol - containers.atBase >= 4 ||
      (text.charCodeAt(delimiter) === DASH && isSpaceOrTab(text.charCodeAt(delimiter + 1)))
    )
      return false;
    return tableDelimiterCells(text, delimiter, nextEnd) === cells;
  }

  private flushParagraph(): void {
    this.paragraphOpen = false;
    const definitions = this.definitionLines();
    if (definitions === this.paragraph.count) return;
    if (definitions > 0) this.paragraph.dropFirst(definitions);
    this.inline.scan(this.paragraph, 'paragraph');
  }

  /** How many of the paragraph's first lines are link reference definitions (not its text). */
  private definitionLines(): number {
    const { starts, ends, count } = this.paragraph;
    let lines = 0;
    while (lines < count) {
      const kind = definitionLine(this.text, starts[lines]!, ends[lines]!);
      if (kind === NO_DEFINITION) break;
      lines++;
      if (kind === DEFINITION_UNTITLED && lines < count && isTitleLine(this.text, starts[lines]!, ends[lines]!))
        lines++;
    }
    return lines;
  }

  /** A GFM table row: each cell (between unescaped `|`s) is read on its own, as GFM splits first. */
  private scanRow(p: number, lineEnd: number): void {
    const text = this.text;
    this.facts.tableRows.push(this.line);
    let q = text.charCodeAt(p) === PIPE ? p + 1 : p;
    while (q < lineEnd) {
      const cellEnd = tableCellEnd(text, q, lineEnd);
      let start = q;
      let end = cellEnd;
      while (start < end && isSpaceOrTab(text.charCodeAt(start))) start++;
      while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
      if (end > start) this.scanLine(start, end, 'row');
      q = cellEnd + 1;
    }
  }

  private scanLine(start: number, end: number, mode: InlineMode): void {
    this.single.reset(this.line);
    this.single.push(start, end);
    this.inline.scan(this.single, mode);
  }

  /** A setext heading's text: its lines, trimmed, joined by "\n". */
  private paragraphText(): string {
    const { starts, ends, count } = this.paragraph;
    if (count === 1) return this.text.slice(starts[0], ends[0]).trim();
    const lines: string[] = [];
    for (let k = 0; k < count; k++) lines.push(this.text.slice(starts[k], ends[k]).trim());
    return lines.join('\n').trim();
  }
}
