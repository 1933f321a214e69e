import type { LinkHandlers } from '../../reading/rendered-links';

/** Renders markdown to sanitized HTML: the reading view's renderer, through its worker and time budget. */
export type RenderMarkdown = (markdown: string, signal: AbortSignal) => Promise<string>;

/** An embed as written: `![[note#h]]`, `![[img.png|200x100]]` or `![alt](img.png)`. */
export type EmbedTarget = {
  /** The source text, e.g. `![[note#h|alias]]` (rendering it as markdown renders the embed). */
  source: string;
  /** The target as written, trimmed; "" for `![[#h]]` (this note). */
  target: string;
  /** The heading path after `#`. */
  headings: string[];
  /** The block id after `#^`, or null. */
  block: string | null;
  /** `image` when the target names an image by its extension. */
  kind: 'note' | 'image';
  /** An image's size from `|200` or `|200x100`; an image's alt text or a note embed's alias otherwise. */
  width: number | null;
  height: number | null;
  label: string | null;
};

/**
 * Renders an embed: an element to show, or sanitized HTML. It rejects (the reason is shown in
 * its place) when the embed cannot be shown. `signal` aborts it when the embeds are refreshed.
 */
export type RenderEmbed = (embed: EmbedTarget, signal: AbortSignal) => Promise<HTMLElement | string>;

/** What the Live Preview blocks ask of the app. Without a callback its feature is drawn plainly. */
export type LivePreviewBlockOptions = LinkHandlers & {
  /** Callout bodies and tables (cells' inline markdown); without it they show as plain text. */
  renderMarkdown?: RenderMarkdown;
  /** Embeds; without it they stay as source. */
  renderEmbed?: RenderEmbed;
  /**
   * The URL an image target (as written) is shown from, or null when it names no vault file; when
   * given, images are drawn from it directly instead of through `renderEmbed`.
   */
  imageUrl?: (target: string) => string | null;
};
