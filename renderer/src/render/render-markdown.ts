import type { Element, Root as HastRoot } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { placeholder, sectionLabel } from './markdown/render-embed';
import { chainKey, NO_SECTION, renderNote, type Context } from './markdown/render-note';
import { renderSchema } from './render-schema';

export { isImageTarget, isShownFromUrl, mediaKind } from './markdown/classify-target';

/** A note as the renderer reads it. */
export type LoadedNote = { path: string; text: string };

export type RenderOptions = {
  /** The note's vault path: its links resolve from it and a same-note embed (`![[#h]]`) reads it. */
  path?: string;
  /**
   * Resolves link targets as written (`note`, `folder/note.md`, `image.png`) to vault paths, null
   * when unresolved: the engine's `resolveLinks` fits (`(targets, from) => api.resolveLinks({from,
   * targets})`). Called once per rendered note. Without it, every link counts as resolved and an
   * image's target is taken as its vault path.
   */
  resolve?: (targets: string[], from: string) => Promise<(string | null)[]> | (string | null)[];
  /** Reads the note an embed (`![[target]]`) names, resolved from `from`; null when there is none. */
  loadNote?: (target: string, from: string) => Promise<LoadedNote | null> | LoadedNote | null;
  /** The URL an image of the vault is shown from (default: the browser host's `/vault-file/…`). */
  imageUrl?: (vaultPath: string) => string;
  /** URL schemes `imageUrl` may return besides http(s) and relative URLs (e.g. an Electron protocol). */
  imageProtocols?: string[];
  /** Show the frontmatter as a properties table (default true; never for embeds). */
  properties?: boolean;
  /** Render only this heading section or block of the note (previews of `[[note#h]]`). */
  section?: { headings: string[]; block: string | null };
  /** How deep embeds nest before showing a placeholder (default 3). */
  maxEmbedDepth?: number;
  /** Embeds rendered in all, past which a placeholder shows (default 50). */
  maxEmbeds?: number;
  /**
   * Obsidian's "Strict line breaks": true joins a paragraph's lines as CommonMark does; false (the
   * default, as in Obsidian) shows each single newline of a paragraph, list item, quote or callout
   * as a line break.
   */
  strictLineBreaks?: boolean;
  /**
   * Task checkboxes of the note itself (not of its embeds) are enabled and carry
   * `data-task-line`, the 1-based line of their `- [ ]` in the note's text (default false: disabled).
   */
  tickableTasks?: boolean;
};

/** Why an embed shows a placeholder instead of its note. */
export type EmbedProblem = 'not-found' | 'section-not-found' | 'cycle' | 'too-deep' | 'too-many' | 'error';

/**
 * A note's markdown as sanitized HTML, for the reading view, hover previews and embeds: GFM,
 * callouts, wiki links, embeds (transcluded through `loadNote`, cycles and depth stopped),
 * vault images, safe inline HTML. Whatever the note holds, the result runs no script: no event
 * handlers, no scripts, frames, forms or styles, no `javascript:`/`data:` URLs (see render-schema.ts).
 */
export async function renderMarkdown(text: string, options: RenderOptions = {}): Promise<string> {
  const tree = await renderMarkdownTree(text, options);
  return unified().use(rehypeStringify).stringify(tree);
}

/** Like renderMarkdown, as a sanitized hast tree. */
export async function renderMarkdownTree(text: string, options: RenderOptions = {}): Promise<HastRoot> {
  const context: Context = {
    options,
    depth: 0,
    chain: [chainKey(options.path ?? '', options.section ?? NO_SECTION)],
    budget: { embeds: options.maxEmbeds ?? 50, prefixes: 0 },
    math: new Map(),
    nonce: nonce(),
  };
  const path = options.path ?? '';
  const tree = (await renderNote({ path, text }, options.section ?? null, context)) ?? {
    type: 'root',
    children: [placeholder('section-not-found', sectionLabel(options.section))],
  };
  const clean = sanitize(tree, renderSchema(options.imageProtocols)) as HastRoot;
  putMathBack(clean, context.math);
  return clean;
}

/** A random id per render: raw HTML in a note cannot name a formula's placeholder. */
function nonce(): string {
  return Array.from(crypto.getRandomValues(new Uint32Array(2)), (n) => n.toString(36)).join('');
}

/**
 * KaTeX's output holds what notes may not (inline styles, MathML, SVG), so it is sanitized on
 * its own (render-math.ts) and put in place of its placeholder after the note is sanitized.
 */
function putMathBack(tree: HastRoot | Element, math: Map<string, Element>): void {
  if (math.size === 0) return;
  tree.children = tree.children.map((child) => {
    if (child.type !== 'element') return child;
    const id = child.properties.dataMath;
    const formula = typeof id === 'string' ? math.get(id) : undefined;
    if (formula) return formula;
    putMathBack(child, math);
    return child;
  });
}
