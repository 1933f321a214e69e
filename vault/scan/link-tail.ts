import { isAsciiPunctuation } from './chars';
import type { LineSpans } from './facts';

const TAB = 0x09;
const SPACE = 0x20;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const LEFT_PAREN = 0x28;
const RIGHT_PAREN = 0x29;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const BACKSLASH = 0x5c;
const DELETE = 0x7f;

/** Nesting limit of parentheses in a raw destination, as micromark's. */
const MAX_PAREN_DEPTH = 32;

/**
 * Reads what follows a markdown link's `](`: a destination (`<…>`, or raw with balanced
 * parentheses), an optional title (`"…"`, `'…'` or `(…)`), then `)`, as micromark does. Blanks
 * and the title may continue on the run's next lines. Each run has a budget of characters to
 * read, so a flood of `](` (every `]` reading far ahead) cannot make the pass quadratic; real notes
 * never come near it.
 */
export class LinkTail {
  /** The destination's source range, after a successful `read`. */
  destStart = 0;
  destEnd = 0;
  private spans!: LineSpans;
  /** The span the reading has reached. */
  private k = 0;
  private runEnd = 0;
  private budget = 0;

  constructor(private readonly text: string) {}

  /** Starts a run of inline text. */
  begin(spans: LineSpans): void {
    this.spans = spans;
    this.runEnd = spans.ends[spans.count - 1]!;
    this.budget = 8 * (this.runEnd - spans.starts[0]!) + 256;
  }

  /** Reads from `from` (just after `](`, on span `k`). Returns the position after `)`, or -1. */
  read(from: number, k: number): number {
    if (this.budget <= 0) return -1;
    const text = this.text;
    this.k = k;
    let p = this.skipSpace(from);
    let c = text.charCodeAt(p);
    if (c === RIGHT_PAREN) {
      this.destStart = this.destEnd = p;
      return p + 1;
    }
    const lineEnd = this.spans.ends[this.k]!;
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
    // A title must be set off from the destination by blanks.
    const close = c === QUOTE ? QUOTE : c === APOSTROPHE ? APOSTROPHE : c === LEFT_PAREN ? RIGHT_PAREN : 0;
    if (close === 0 || p === q) return -1;
    q = this.titleEnd(p + 1, close);
    if (q < 0) return -1;
    p = this.skipSpace(q + 1);
    return text.charCodeAt(p) === RIGHT_PAREN ? p + 1 : -1;
  }

  private spend(chars: number, result: number): number {
    this.budget -= chars;
    return result;
  }

  /** Past spaces, tabs and line ends within the run (on to the next line's content). */
  private skipSpace(p: number): number {
    const text = this.text;
    const { starts, ends, count } = this.spans;
    for (;;) {
      const c = text.charCodeAt(p);
      if (c === SPACE || c === TAB) p++;
      else if (p === ends[this.k] && this.k + 1 < count) p = starts[++this.k]!;
      else return p;
    }
  }

  /** The title's closing delimiter (micromark lets a `(…)` title hold a `(`), or -1. */
  private titleEnd(from: number, close: number): number {
    const text = this.text;
    for (let q = from; q < this.runEnd; q++) {
      const c = text.charCodeAt(q);
      if (c === close) {
        this.spend(q - from, 0);
        while (q > this.spans.ends[this.k]!) this.k++;
        return q;
      }
      if (c === BACKSLASH) q++;
    }
    return this.spend(this.runEnd - from, -1);
  }
}
