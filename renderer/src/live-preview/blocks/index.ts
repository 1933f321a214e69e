import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { LivePreviewBlockOptions } from './block-options';
import { callouts } from './callouts';
import { codeBlocks } from './code-blocks';
import { diagrams } from './diagrams';
import { embeds } from './embeds';
import { math } from './math';
import { properties } from './properties';
import { RenderedMarkdown } from './rendered-html';
import { tables } from './tables';

export type { EmbedTarget, LivePreviewBlockOptions, RenderEmbed, RenderMarkdown } from './block-options';
export { toggleCalloutFold } from './callouts';
export { codeLanguages } from './code-blocks';
export { refreshEmbeds } from './embeds';

/**
 * A block never widens the note: the editor's content is as wide as its widest minimum, so a
 * table's longest words or an input's own width would push every line past a narrow editor.
 * Contained, a block takes the editor's width and its content wraps or scrolls inside it.
 */
const blockWidth = EditorView.baseTheme({
  '.cm-lp-properties, .cm-lp-callout, .cm-lp-table, .cm-lp-math-block, .cm-lp-diagram, div.cm-lp-embed': {
    contain: 'inline-size',
  },
});

/**
 * Live Preview's blocks: the frontmatter as Properties, callouts, tables, embeds, math and
 * Mermaid diagrams
 * rendered off the cursor (their source returns while the selection touches them), and fenced
 * code drawn as blocks. Needs the editor's markdown (noteMarkdown) with `codeLanguages` for
 * highlighting inside fences.
 */
export function livePreviewBlocks(options: LivePreviewBlockOptions = {}): Extension {
  // Callouts and tables share one renderer cache: the same text renders once.
  const rendered = new RenderedMarkdown(options.renderMarkdown, options);
  return [
    properties(options),
    callouts(rendered),
    tables(rendered),
    embeds(options),
    math(),
    diagrams(),
    codeBlocks(),
    blockWidth,
  ];
}
