import type { LinkInfo } from '../../shared/api';

/** One page of a note's backlinks, by source note: what the engine reads contexts for and sends. */
export type SourcePage = {
  /** Links from other notes, in all. */
  total: number;
  /** Notes they are in. */
  notes: number;
  /** Every link of the page's notes (a note is never split across pages). */
  links: LinkInfo[];
  /** The offset (in notes) of the next page; null after the last. */
  next: number | null;
};

/**
 * The links (sorted by source, as LinkIndex.backlinks gives them) of the notes `offset` to
 * `offset + limit`, leaving out the note's links to itself. A hub note's 10,000 backlinks
 * are then read and drawn a page at a time.
 */
export function backlinkPage(links: readonly LinkInfo[], self: string, offset: number, limit: number): SourcePage {
  const page: LinkInfo[] = [];
  let total = 0;
  let notes = 0;
  let previous: string | null = null;
  for (const link of links) {
    if (link.source === self) continue;
    total++;
    if (link.source !== previous) {
      notes++;
      previous = link.source;
    }
    const note = notes - 1;
    if (note >= offset && note < offset + limit) page.push(link);
  }
  return { total, notes, links: page, next: offset + limit < notes ? offset + limit : null };
}
