import type { BlockRef, HeadingRef, LinkRef, TagRef } from '../../shared/note-meta';
import { isTagText } from './tags';

/**
 * What one scan of a note collects, shared by the block pass (vault/scan/blocks.ts) and the inline
 * pass (vault/scan/inline.ts). Facts arrive in document order.
 */
export class ScanFacts {
  readonly headings: HeadingRef[] = [];
  readonly blocks: BlockRef[] = [];
  readonly tags: TagRef[] = [];
  readonly links: LinkRef[] = [];
  /**
   * Where each inline tag and block id starts, parallel to `tags` and `blocks`: a markdown link is
   * only known to be one at its `]`, so the tags and ids already taken from its text are taken back.
   */
  readonly tagStarts: number[] = [];
  readonly blockStarts: number[] = [];
  /** Every link seen, including those past `maxLinks` that were not kept. */
  linksSeen = 0;
  /** The lines that are GFM table rows (the head row and body rows, not the delimiter row). */
  readonly tableRows: number[] = [];

  constructor(readonly maxLinks: number) {}

  /**
   * Adds a link in document order: a markdown link is only known at its `)`, after the links in
   * its text. Past `maxLinks`, the last ones are dropped.
   */
  addLink(link: LinkRef): void {
    this.linksSeen++;
    const links = this.links;
    let at = links.length;
    while (at > 0 && links[at - 1]!.start > link.start) at--;
    if (at === links.length) links.push(link);
    else links.splice(at, 0, link);
    if (links.length > this.maxLinks) links.pop();
  }

  addTag(tag: string, line: number, start: number): void {
    this.tags.push({ tag, line });
    this.tagStarts.push(start);
  }

  addBlock(id: string, line: number, start: number): void {
    this.blocks.push({ id, line });
    this.blockStarts.push(start);
  }

  /**
   * Ends the last tag at `at` when it runs past it (`#see-https://x.com`: the URL starts inside
   * what looked like the tag); drops it when nothing of it, or only digits, is left.
   */
  cutTagAt(at: number, text: string): void {
    const last = this.tags.length - 1;
    if (last < 0) return;
    const start = this.tagStarts[last]!;
    const tag = this.tags[last]!;
    if (start >= at || start + 1 + tag.tag.length <= at) return;
    const kept = text.slice(start + 1, at);
    if (!isTagText(kept)) {
      this.tags.pop();
      this.tagStarts.pop();
    } else {
      tag.tag = kept;
    }
  }

  /** Takes back the tags and block ids found at or after `from` (they were inside a link's text). */
  retractFrom(from: number): void {
    while (this.tagStarts.length > 0 && this.tagStarts[this.tagStarts.length - 1]! >= from) {
      this.tagStarts.pop();
      this.tags.pop();
    }
    while (this.blockStarts.length > 0 && this.blockStarts[this.blockStarts.length - 1]! >= from) {
      this.blockStarts.pop();
      this.blocks.pop();
    }
  }
}

/**
 * The lines of one run of inline text (a paragraph, a heading, a table row): where each line's
 * content starts (after container prefixes such as `> ` and indentation) and ends (at its "\n").
 * Reused from run to run so the hot path does not allocate.
 */
export class LineSpans {
  starts = new Int32Array(32);
  ends = new Int32Array(32);
  count = 0;
  /** The 1-based line number of the first span. */
  firstLine = 1;

  reset(firstLine: number): void {
    this.count = 0;
    this.firstLine = firstLine;
  }

  /** Forgets the first `n` spans (a paragraph's leading link reference definitions). */
  dropFirst(n: number): void {
    this.starts.copyWithin(0, n, this.count);
    this.ends.copyWithin(0, n, this.count);
    this.count -= n;
    this.firstLine += n;
  }

  push(start: number, end: number): void {
    if (this.count === this.starts.length) {
      const starts = new Int32Array(this.count * 2);
      const ends = new Int32Array(this.count * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }
}

/**
 * `text.indexOf(needle, from)` for queries whose `from` only moves forward: the answer is reused
 * while it still lies ahead, so a note full of `[[` without `]]` (or `<!--` without `-->`) is
 * searched once, not once per opener.
 */
export class ForwardSearch {
  private from = Number.MAX_SAFE_INTEGER;
  private at = -1;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  /** The first occurrence at or after `from`, or -1. */
  next(from: number): number {
    if (from < this.from || (this.at >= 0 && from > this.at)) {
      this.from = from;
      this.at = this.text.indexOf(this.needle, from);
    }
    return this.at;
  }
}
