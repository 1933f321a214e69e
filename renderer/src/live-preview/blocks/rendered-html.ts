import type { EditorView } from '@codemirror/view';
import { listenToLinks, type LinkHandlers } from '../../reading/rendered-links';
import type { RenderMarkdown } from './block-options';
import { RenderCache, showWhenRendered } from './render-cache';

/**
 * Markdown drawn through the app's sanitized renderer (its HTML is safe to insert: render-schema
 * lets no script, handler or style through), each source rendered once while it is in the cache.
 */
export class RenderedMarkdown {
  private readonly cache = new RenderCache<string>();

  constructor(
    private readonly render: RenderMarkdown | undefined,
    private readonly links: LinkHandlers,
  ) {}

  /**
   * Fills `into` with `markdown` rendered; until it is (or without a renderer) `into` keeps what
   * it holds (a plain drawing). Links inside go to the app's handlers, never navigate.
   */
  fill(into: HTMLElement, markdown: string, view: EditorView | null): void {
    listenToLinks(into, this.links);
    const render = this.render;
    if (!render) return;
    const entry = this.cache.get(markdown, (signal) => render(markdown, signal));
    showWhenRendered(into, entry, (target, html) => (target.innerHTML = html), view);
  }
}
