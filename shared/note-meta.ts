/**
 * What the index knows about one note: the facts both markdown readers (vault/scan/scan.ts, the fast
 * one, and the remark oracle) extract, and must agree on. Offsets are UTF-16 positions in the
 * note's text as the editor sees it (BOM removed, line endings "\n"); lines count from 1.
 */

/** A link or embed written in a note. */
export type LinkRef = {
  /** The source text, e.g. `![[a#h|b]]` or `[b](a.md#h)`. */
  raw: string;
  /** The target as written, trimmed and (markdown links) URL-decoded; "" for `[[#h]]`. */
  target: string;
  /** The heading path after `#`: `[[a#h1#h2]]` → ["h1", "h2"]; empty when none. */
  headings: string[];
  /** The block id after `#^`, or null. */
  block: string | null;
  /** The display text: after the first `|` of a wiki link, or a markdown link's text; null when none. */
  alias: string | null;
  style: 'wiki' | 'markdown';
  embed: boolean;
  start: number;
  end: number;
  line: number;
};

export type HeadingRef = { level: number; text: string; line: number };

/** A block id (`^id` ending a paragraph or list item). */
export type BlockRef = { id: string; line: number };

/** A tag: inline (with its line) or from frontmatter (line null). Written without `#`. */
export type TagRef = { tag: string; line: number | null };

/** Something wrong with a note that did not stop it being indexed as far as possible. */
export type NoteProblem = {
  kind: 'yaml' | 'encoding' | 'binary' | 'too-large' | 'too-many-links' | 'read';
  message: string;
  line?: number;
};

export type NoteMeta = {
  path: string;
  /** Frontmatter `title`, else the first H1, else the file name without `.md`. */
  title: string;
  /** Frontmatter `aliases` (or `alias`), as strings. */
  aliases: string[];
  /** The parsed frontmatter, or null when there is none (or it is not a YAML mapping). */
  frontmatter: Record<string, unknown> | null;
  headings: HeadingRef[];
  blocks: BlockRef[];
  tags: TagRef[];
  links: LinkRef[];
  problems: NoteProblem[];
};
