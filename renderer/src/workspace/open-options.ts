import { findBlock, findHeading, type Anchor } from '../editor/note-anchors';

/** Where to put the cursor in a note being opened. */
export type Reveal = { offset: number; length: number } | { heading: string[] } | { block: string };

export type OpenOptions = {
  /** Open in a new tab rather than in the active tab's place. */
  newTab?: boolean;
  reveal?: Reveal;
  /** Record the place left in the back/forward history (default true). */
  history?: boolean;
};

/** The span of `text` a reveal selects, or null when its heading or block is not there. */
export function revealAnchor(text: string, reveal: Reveal): Anchor | null {
  if ('offset' in reveal) return { from: reveal.offset, to: reveal.offset + reveal.length };
  return 'heading' in reveal ? findHeading(text, reveal.heading) : findBlock(text, reveal.block);
}

/** What a link names inside its note (`#^block`, or headings `#h1#h2`), as a reveal. */
export function linkReveal(link: { headings: string[]; block: string | null | undefined }): Reveal | undefined {
  if (link.block) return { block: link.block };
  return link.headings.length > 0 ? { heading: link.headings } : undefined;
}

/** The heading path a link writes as `h1#h2`, as its headings. */
export function headingsOf(heading: string | null): string[] {
  return heading ? heading.split('#').filter(Boolean) : [];
}
