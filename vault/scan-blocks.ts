import { LineSpans, type ScanFacts } from './scan-facts';
import { InlineScanner, type InlineMode } from './scan-inline';
import {
  atxLevel,
  atxTextEnd,
  atxTextStart,
  fenceOpenLength,
  isFenceClose,
  isOrderedNotOne,
  isSpaceOrTab,
  isThematicBreak,
  listMarkerEnd,
  setextLevel,
  tableDelimiterCells,
  tableHeadCells,
} from './scan-block-syntax';

const TAB = 0x09;
const SPACE = 0x20;
const HASH = 0x23;
const STAR = 0x2a;
const PLUS = 0x2b;
const DASH = 0x2d;
const COLON = 0x3a;
const LESS_THAN = 0x3c;
const EQUALS = 0x3d;
const GREATER_THAN = 0x3e;
const UNDERSCORE = 0x5f;
const BACKTICK = 0x60;
const PIPE = 0x7c;
const TILDE = 0x7e;

/** Container blocks: they hold other blocks and prefix their lines (`>`, list indentation). */
const QUOTE = 0;
const ITEM = 1;

/** What a line is, once its container prefixes are read. */
const BLANK = 0;
const TEXT = 1;
const INDENTED_CODE = 2;
const FENCE = 3;
const ATX = 4;
const SETEXT = 5;
const THEMATIC = 6;
const HTML_COMMENT = 7;
const TABLE_HEAD = 8;

/**
 * The block pass: reads a note line by line the way CommonMark does (block quotes, list items,
 * lazy continuation lines, fenced and indented code, ATX and setext headings, GFM tables, HTML
 * comment blocks), and hands each paragraph, heading and table row to the inline pass.
 *
 * A paragraph is scanned when it ends, so code spans and link texts may cross its lines. The only
 * inline construct that can reach past a block is Obsidian's `%% comment %%`; when it does, the
 * inline pass says where it ends and reading resumes there.
 */
export class BlockScanner {
  private readonly length: number;
  private readonly inline: InlineScanner;
  /** Open containers, outermost first; `depth` of them are in use. */
  private readonly kinds: number[] = [];
  /** For a list item: the column its content starts at. */
  private readonly contentCols: number[] = [];
  private depth = 0;
  /** Containers opened by the line being read, committed once the line is understood. */
  private readonly newKinds: number[] = [];
  private readonly newCols: number[] = [];
  /** Results of matchContainers / skipBlank: a position, its column, the innermost content column. */
  private atPos = 0;
  private atCol = 0;
  private atBase = 0;
  /** The open code fence's character (0: none) and length. */
  private fenceMarker = 0;
  private fenceLength = 0;
  private readonly paragraph = new LineSpans();
  private paragraphOpen = false;
  private inTable = false;
  private readonly single = new LineSpans();
  /** The number of the line being read. */
  private line = 1;

  constructor(
    private readonly text: string,
    private readonly facts: ScanFacts,
  ) {
    this.length = text.length;
    this.inline = new InlineScanner(text, facts);
  }

  /** Reads the note from `from` (after any frontmatter), whose line number is `line`. */
  scan(from: number, line: number): void {
    this.line = line;
    let pos = from;
    while (pos < this.length) pos = this.readLine(pos);
    // A `%%` comment opened in the last paragraph cannot end past the note, so no resume here.
    if (this.paragraphOpen) this.flushParagraph();
  }

  /** Reads the line starting at `lineStart`; returns where the next one starts. */
  private readLine(lineStart: number): number {
    const text = this.text;
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? this.length : newline;
    const next = lineEnd + 1;
    const matched = this.matchContainers(lineStart, lineEnd);

    if (this.fenceMarker !== 0) {
      if (matched === this.depth) {
        this.skipBlank(lineEnd);
        const p = this.atPos;
        if (this.atCol - this.atBase <= 3 && isFenceClose(text, p, lineEnd, this.fenceMarker, this.fenceLength)) this.fenceMarker = 0;
        this.line++;
        return next;
      }
      this.fenceMarker = 0; // its container ended, and the fence with it
    }

    const allMatched = matched === this.depth;
    this.skipBlank(lineEnd);
    let p = this.atPos;
    let col = this.atCol;
    let base = this.atBase;

    // New containers: `>` and list markers, each possibly followed by more.
    let opened = 0;
    while (p < lineEnd && col - base < 4) {
      const c = text.charCodeAt(p);
      if (c === GREATER_THAN) {
        this.newKinds[opened] = QUOTE;
        this.newCols[opened++] = 0;
        p++;
        col++;
        const after = text.charCodeAt(p);
        if (after === SPACE) {
          p++;
          col++;
          base = col;
        } else {
          base = after === TAB ? col + 1 : col;
        }
        this.atPos = p;
        this.atCol = col;
        this.skipBlank(lineEnd);
        p = this.atPos;
        col = this.atCol;
        continue;
      }
      if (c !== DASH && c !== PLUS && c !== STAR && !(c >= 0x30 && c <= 0x39)) break;
      if ((c === DASH || c === STAR) && isThematicBreak(text, p, lineEnd)) break;
      const wouldContinue = this.paragraphOpen && allMatched && opened === 0;
      if (wouldContinue && c === DASH && setextLevel(text, p, lineEnd) === 2) break;
      const markerEnd = listMarkerEnd(text, p, lineEnd);
      if (markerEnd < 0) break;
      const markerCol = col + (markerEnd - p);
      this.atPos = markerEnd;
      this.atCol = markerCol;
      this.skipBlank(lineEnd);
      const empty = this.atPos >= lineEnd;
      // A list item may interrupt a paragraph only when it has content and, if ordered, starts at 1.
      if (wouldContinue && (empty || isOrderedNotOne(text, p, markerEnd))) break;
      const contentCol = empty || this.atCol - markerCol > 4 ? markerCol + 1 : this.atCol;
      this.newKinds[opened] = ITEM;
      this.newCols[opened++] = contentCol;
      base = contentCol;
      p = this.atPos;
      col = this.atCol;
    }

    const continuing = this.paragraphOpen && allMatched && opened === 0;
    let kind = TEXT;
    let level = 0;
    if (p >= lineEnd) kind = BLANK;
    else if (col - base >= 4) kind = this.paragraphOpen && opened === 0 ? TEXT : INDENTED_CODE;
    else {
      const c = text.charCodeAt(p);
      if (c === BACKTICK || c === TILDE) {
        level = fenceOpenLength(text, p, lineEnd);
        if (level > 0) kind = FENCE;
      } else if (c === HASH) {
        level = atxLevel(text, p, lineEnd);
        if (level > 0) kind = ATX;
      } else if (c === LESS_THAN) {
        if (text.startsWith('<!--', p)) kind = HTML_COMMENT;
      } else if (c === EQUALS || c === DASH || c === STAR || c === UNDERSCORE) {
        if (continuing && (c === EQUALS || c === DASH)) level = setextLevel(text, p, lineEnd);
        if (level > 0) kind = SETEXT;
        else if (c !== EQUALS && isThematicBreak(text, p, lineEnd)) kind = THEMATIC;
      }
    }

    // A lazy continuation line: text that continues a paragraph without its containers' prefixes.
    if (kind === TEXT && this.paragraphOpen && !allMatched && opened === 0) {
      this.paragraph.push(p, lineEnd);
      this.line++;
      return next;
    }

    this.depth = matched;
    for (let j = 0; j < opened; j++) {
      this.kinds[this.depth] = this.newKinds[j]!;
      this.contentCols[this.depth++] = this.newCols[j]!;
    }
    const rowOfTable = this.inTable && allMatched && opened === 0;
    if (kind === TEXT && !rowOfTable && this.isTableHead(p, lineEnd, next)) kind = TABLE_HEAD;

    if (this.paragraphOpen && !(kind === TEXT && continuing) && kind !== SETEXT) {
      const resumeAt = this.flushParagraph();
      if (resumeAt >= 0) {
        this.depth = matched;
        return this.resume(resumeAt, lineStart);
      }
    }
    if (!(kind === TEXT && rowOfTable)) this.inTable = false;

    let resumeAt = -1;
    switch (kind) {
      case FENCE:
        this.fenceMarker = text.charCodeAt(p);
        this.fenceLength = level;
        break;
      case ATX: {
        const start = atxTextStart(text, p, level, lineEnd);
        const end = atxTextEnd(text, start, lineEnd);
        this.facts.headings.push({ level, text: text.slice(start, end), line: this.line });
        if (end > start) resumeAt = this.scanLine(start, end, 'heading');
        break;
      }
      case SETEXT:
        this.facts.headings.push({ level, text: this.paragraphText(), line: this.paragraph.firstLine });
        this.paragraphOpen = false;
        resumeAt = this.inline.scan(this.paragraph, 'heading');
        break;
      case HTML_COMMENT:
        return this.skipHtmlComment(p, lineStart);
      case TABLE_HEAD: {
        this.inTable = true;
        resumeAt = this.scanLine(p, lineEnd, 'row');
        if (resumeAt >= 0) break;
        // The delimiter row below holds nothing to index.
        const delimiterEnd = text.indexOf('\n', next);
        this.line += 2;
        return delimiterEnd < 0 ? this.length + 1 : delimiterEnd + 1;
      }
      case TEXT:
        if (rowOfTable) {
          resumeAt = this.scanLine(p, lineEnd, 'row');
        } else {
          if (!continuing) {
            this.paragraph.reset(this.line);
            this.paragraphOpen = true;
          }
          this.paragraph.push(p, lineEnd);
        }
        break;
      default: // blank lines, indented code and thematic breaks hold nothing to index
    }
    if (resumeAt >= 0) return this.resume(resumeAt, lineStart);
    this.line++;
    return next;
  }

  /**
   * Matches the line against the open containers (a quote needs its `>`, a list item enough
   * indentation or a blank line). Returns how many matched; atPos/atCol/atBase say where the rest
   * of the line starts and the innermost matched container's content column.
   */
  private matchContainers(lineStart: number, lineEnd: number): number {
    const text = this.text;
    let pos = lineStart;
    let col = 0;
    let base = 0;
    let matched = 0;
    for (; matched < this.depth; matched++) {
      let p = pos;
      let c = col;
      for (; p < lineEnd; p++) {
        const ch = text.charCodeAt(p);
        if (ch === SPACE) c++;
        else if (ch === TAB) c += 4 - (c & 3);
        else break;
      }
      if (this.kinds[matched] === QUOTE) {
        if (p >= lineEnd || text.charCodeAt(p) !== GREATER_THAN || c - base > 3) break;
        p++;
        c++;
        const after = text.charCodeAt(p);
        if (after === SPACE) {
          p++;
          c++;
          base = c;
        } else {
          // A tab after `>` lends one column to the optional space; the rest is indentation.
          base = after === TAB ? c + 1 : c;
        }
        pos = p;
        col = c;
      } else {
        const contentCol = this.contentCols[matched]!;
        if (p < lineEnd && c < contentCol) break;
        base = contentCol;
      }
    }
    this.atPos = pos;
    this.atCol = col;
    this.atBase = base;
    return matched;
  }

  /** Moves atPos/atCol past spaces and tabs (tabs to the next multiple of 4 columns). */
  private skipBlank(lineEnd: number): void {
    const text = this.text;
    let p = this.atPos;
    let c = this.atCol;
    for (; p < lineEnd; p++) {
      const ch = text.charCodeAt(p);
      if (ch === SPACE) c++;
      else if (ch === TAB) c += 4 - (c & 3);
      else break;
    }
    this.atPos = p;
    this.atCol = c;
  }

  /** Whether the line at p heads a GFM table: the next line, in the same containers, is a delimiter row with as many cells. */
  private isTableHead(p: number, lineEnd: number, next: number): boolean {
    const text = this.text;
    if (next >= this.length) return false;
    let q = next;
    for (let c = text.charCodeAt(q); c === SPACE || c === TAB || c === GREATER_THAN; c = text.charCodeAt(++q));
    const first = text.charCodeAt(q);
    if (first !== PIPE && first !== DASH && first !== COLON) return false;
    const cells = tableHeadCells(text, p, lineEnd);
    if (cells < 0) return false;
    const newline = text.indexOf('\n', next);
    const nextEnd = newline < 0 ? this.length : newline;
    if (this.matchContainers(next, nextEnd) !== this.depth) return false;
    this.skipBlank(nextEnd);
    return this.atCol - this.atBase < 4 && tableDelimiterCells(text, this.atPos, nextEnd) === cells;
  }

  private flushParagraph(): number {
    this.paragraphOpen = false;
    return this.inline.scan(this.paragraph, 'paragraph');
  }

  private scanLine(start: number, end: number, mode: InlineMode): number {
    this.single.reset(this.line);
    this.single.push(start, end);
    return this.inline.scan(this.single, mode);
  }

  /** A setext heading's text: its lines, trimmed, joined by "\n". */
  private paragraphText(): string {
    const { starts, ends, count } = this.paragraph;
    if (count === 1) return this.text.slice(starts[0], ends[0]).trim();
    const lines: string[] = [];
    for (let k = 0; k < count; k++) lines.push(this.text.slice(starts[k], ends[k]).trim());
    return lines.join('\n').trim();
  }

  /**
   * Continues after a `%%` comment that ended at `at`, past the block it started in (`lineStart`
   * is the line being read). The rest of that line is paragraph text.
   */
  private resume(at: number, lineStart: number): number {
    this.paragraphOpen = false;
    this.inTable = false;
    this.fenceMarker = 0;
    if (at >= this.length) return this.length + 1;
    this.line += countNewlines(this.text, lineStart, at);
    const newline = this.text.indexOf('\n', at);
    const lineEnd = newline < 0 ? this.length : newline;
    let p = at;
    while (p < lineEnd && isSpaceOrTab(this.text.charCodeAt(p))) p++;
    if (p < lineEnd) {
      this.paragraph.reset(this.line);
      this.paragraph.push(p, lineEnd);
      this.paragraphOpen = true;
    }
    this.line++;
    return lineEnd + 1;
  }

  /** An HTML comment block (`<!--` starting a line): every line up to the one with `-->` is skipped. */
  private skipHtmlComment(p: number, lineStart: number): number {
    const close = this.text.indexOf('-->', p + 2);
    if (close < 0) return this.length + 1;
    const newline = this.text.indexOf('\n', close + 3);
    if (newline < 0) return this.length + 1;
    this.line += countNewlines(this.text, lineStart, newline + 1);
    return newline + 1;
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
