import type { BlockRef, HeadingRef, LinkRef, TagRef } from '../shared/note-meta';

/**
 * What one scan of a note collects, shared by the block pass (vault/scan-blocks.ts) and the inline
 * pass (vault/scan-inline.ts). Facts arrive in document order.
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

  constructor(readonly maxLinks: number) {}

  addLink(link: LinkRef): void {
    this.linksSeen++;
    if (this.links.length < this.maxLinks) this.links.push(link);
  }

  addTag(tag: string, line: number, start: number): void {
    this.tags.push({ tag, line });
    this.tagStarts.push(start);
  }

  addBlock(id: string, line: number, start: number): void {
    this.blocks.push({ id, line });
    this.blockStarts.push(start);
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
