import { isOrderedNotOne, listMarkerEnd, setextLevel, thematicBreakFailure } from './block-syntax';
import { isDigit, isSpaceOrTab } from './chars';

const TAB = 0x09;
const SPACE = 0x20;
const STAR = 0x2a;
const PLUS = 0x2b;
const DASH = 0x2d;
const GREATER_THAN = 0x3e;

const QUOTE = 0;
const ITEM = 1;

/** For a list item that began with a blank line: until its first text, and once a second blank followed. */
const STARTED_BLANK = 1;
const BLANK_AGAIN = 2;

/**
 * The most containers open at once. CommonMark sets no limit and micromark has none, but every
 * open container is matched again on each following line and kept in memory, so a 16 MB line of
 * `- - - …` would open 8 million: markers past this depth are read as text, as markdown-it does
 * (its maxNesting is 100 too). Only a note nested deeper than this reads differently from remark;
 * no real note comes near it (the deepest in the 6,500-note test corpus is 5).
 */
export const MAX_NESTING = 100;

/** What is open before a line, for the rules on what may interrupt it. */
export type OpenLeaf = { paragraph: boolean; indentedCode: boolean };

/**
 * CommonMark's container blocks, as micromark reads them: the open block quotes and list items,
 * outermost first, and the reading of each line's prefixes against them. Columns, not
 * characters, measure indentation (a tab goes to the next multiple of 4), so an item's content
 * may start inside a tab.
 *
 * After `match` and `open`, atPos is where the rest of the line starts, atCol its column, and
 * atBase the column the innermost container's content starts at.
 */
export class Containers {
  atPos = 0;
  atCol = 0;
  atBase = 0;
  /** How many containers are open. */
  depth = 0;
  private readonly kinds: number[] = [];
  /** For a list item: the column its content starts at. */
  private readonly contentCols: number[] = [];
  /** For a list item: 0, STARTED_BLANK or BLANK_AGAIN (an item may begin with one blank line only). */
  private readonly blankStarts: number[] = [];
  /** Containers opened by the line being read, committed once the line is understood. */
  private readonly newKinds: number[] = [];
  private readonly newCols: number[] = [];
  private readonly newBlankStarts: number[] = [];
  /**
   * Every open container is a list item that a blank line matches without change (none is a
   * quote, none began with a blank line): then a blank line is matched without walking them.
   */
  private settledForBlank = true;

  constructor(private readonly text: string) {}

  /**
   * Matches a line against the open containers: a quote needs its `>`, a list item enough
   * indentation or a blank line. Returns how many matched (the line is lazy, or closes the
   * others, when fewer than `depth`).
   */
  match(lineStart: number, lineEnd: number): number {
    const text = this.text;
    this.atPos = lineStart;
    this.atCol = 0;
    this.atBase = 0;
    const blankLine = this.isBlank(lineStart, lineEnd);
    if (blankLine && this.settledForBlank) {
      // What the walk below would leave: items do not consume the blanks.
      if (this.depth > 0) this.atBase = this.contentCols[this.depth - 1]!;
      return this.depth;
    }
    let matched = 0;
    // Where the last skip of blanks started and ended: an item does not consume the line's
    // indentation, so nested items would otherwise each re-read it (cubic on deep indentation).
    let skippedFrom = -1;
    let skippedTo = 0;
    let skippedCol = 0;
    for (; matched < this.depth; matched++) {
      const pos = this.atPos;
      const col = this.atCol;
      if (pos === skippedFrom) {
        this.atPos = skippedTo;
        this.atCol = skippedCol;
      } else {
        this.skipBlank(lineEnd);
        skippedFrom = pos;
        skippedTo = this.atPos;
        skippedCol = this.atCol;
      }
      const blank = this.atPos >= lineEnd;
      const item = this.kinds[matched] === ITEM;
      let matches: boolean;
      if (!item) {
        matches = !blank && text.charCodeAt(this.atPos) === GREATER_THAN && this.atCol - this.atBase <= 3;
      } else if (blank) {
        matches = true;
        if (this.blankStarts[matched] === STARTED_BLANK) this.blankStarts[matched] = BLANK_AGAIN;
      } else {
        matches = this.blankStarts[matched] !== BLANK_AGAIN && this.atCol >= this.contentCols[matched]!;
        if (matches) this.blankStarts[matched] = 0;
      }
      if (!matches || item) {
        // Back before the blanks: an item's indentation is measured, not read, and an unmatched
        // container leaves them to what follows.
        this.atPos = pos;
        this.atCol = col;
      }
      if (!matches) break;
      if (item) this.atBase = this.contentCols[matched]!;
      else this.quoteMarker();
    }
    if (blankLine && matched === this.depth) this.settledForBlank = true;
    return matched;
  }

  /**
   * Reads the containers the rest of the line opens (`>`, list markers), to be committed by
   * `commit`; leaves atPos/atCol/atBase at the leaf. When all containers matched and a paragraph
   * or indented code is open (`before`), an empty list item, or an ordered one not starting at 1,
   * may not interrupt it, and a `-` line that can underline the paragraph is no item. `matched` is
   * what `match` returned. Returns how many opened (none past MAX_NESTING: the rest is the leaf).
   */
  open(lineEnd: number, before: OpenLeaf, matched: number): number {
    const text = this.text;
    const allMatched = matched === this.depth;
    // micromark judges every container the line opens as interrupting what was open before it.
    const interrupting = (before.paragraph || before.indentedCode) && allMatched;
    // A run of `- - - …` asks whether the rest is a thematic break once, not once per marker.
    let notBreakMarker = -1;
    let notBreakUntil = -1;
    let opened = 0;
    while (this.atPos < lineEnd && this.atCol - this.atBase < 4 && matched + opened < MAX_NESTING) {
      const p = this.atPos;
      const c = text.charCodeAt(p);
      if (c === GREATER_THAN) {
        this.stage(opened++, QUOTE, 0, 0);
        this.quoteMarker();
        this.skipBlank(lineEnd);
        continue;
      }
      if (c !== DASH && c !== PLUS && c !== STAR && !isDigit(c)) break;
      if ((c === DASH || c === STAR) && !(c === notBreakMarker && p < notBreakUntil)) {
        const failure = thematicBreakFailure(text, p, lineEnd);
        if (failure < 0) break;
        notBreakMarker = c;
        notBreakUntil = failure;
      }
      if (before.paragraph && allMatched && opened === 0 && c === DASH && setextLevel(text, p, lineEnd) === 2) break;
      const markerEnd = listMarkerEnd(text, p, lineEnd);
      if (markerEnd < 0) break;
      const col = this.atCol;
      const markerCol = col + (markerEnd - p);
      this.atPos = markerEnd;
      this.atCol = markerCol;
      this.skipBlank(lineEnd);
      const empty = this.atPos >= lineEnd;
      if (interrupting && (empty || isOrderedNotOne(text, p, markerEnd))) {
        this.atPos = p;
        this.atCol = col;
        break;
      }
      // Content starts after the marker's blanks, or one column after it when there are none or 5+ (code).
      const contentCol = empty || this.atCol - markerCol > 4 ? markerCol + 1 : this.atCol;
      this.stage(opened++, ITEM, contentCol, empty ? STARTED_BLANK : 0);
      this.atBase = contentCol;
    }
    return opened;
  }

  /** Closes the containers past the first `matched` and adds the `opened` ones the line read. */
  commit(matched: number, opened: number): void {
    this.depth = matched;
    if (opened > 0) this.settledForBlank = false;
    for (let j = 0; j < opened; j++, this.depth++) {
      this.kinds[this.depth] = this.newKinds[j]!;
      this.contentCols[this.depth] = this.newCols[j]!;
      this.blankStarts[this.depth] = this.newBlankStarts[j]!;
    }
  }

  /** Moves atPos/atCol past spaces and tabs. */
  skipBlank(lineEnd: number): void {
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

  private isBlank(lineStart: number, lineEnd: number): boolean {
    for (let p = lineStart; p < lineEnd; p++) if (!isSpaceOrTab(this.text.charCodeAt(p))) return false;
    return true;
  }

  private stage(index: number, kind: number, contentCol: number, blankStart: number): void {
    this.newKinds[index] = kind;
    this.newCols[index] = contentCol;
    this.newBlankStarts[index] = blankStart;
  }

  /** Reads the `>` at atPos and the one optional space after it. */
  private quoteMarker(): void {
    this.atPos++;
    this.atCol++;
    const after = this.text.charCodeAt(this.atPos);
    if (after === SPACE) {
      this.atPos++;
      this.atCol++;
      this.atBase = this.atCol;
    } else {
      // A tab after `>` lends one column to the optional space; the rest is indentation.
      this.atBase = after === TAB ? this.atCol + 1 : this.atCol;
    }
  }
}
