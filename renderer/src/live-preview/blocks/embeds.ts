import { syntaxTree } from '@codemirror/language';
import { StateEffect, StateField, type EditorState, type Extension, type Range } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import type { SyntaxNode } from '@lezer/common';
import { splitLinkDestination } from '../../../../shared/markdown/link-destination';
import { listenToLinks } from '../../reading/rendered-links';
import { isImageTarget } from '../../render/render-markdown';
import { blockField, eachTopLevelNode, type Block, type LineRange } from './block-field';
import type { EmbedTarget, LivePreviewBlockOptions } from './block-options';
import { errorLine, RenderCache, showWhenRendered } from './render-cache';
import { revealOnClick, selectionTouches } from './reveal';

const SCHEME = /^[a-z][a-z0-9+.-]*:|^\/\//i;
const SIZE = /^\s*(\d{1,5})\s*(?:x\s*(\d{1,5}))?\s*$/;

/** Draw embeds again (a note or image they show changed): every embed renders anew. */
export const refreshEmbeds = StateEffect.define<null>();

/** How many times embeds were refreshed: part of each render's key, so old renders are not reused. */
const embedGeneration = StateField.define<number>({
  create: () => 0,
  update: (generation, tr) => generation + tr.effects.filter((effect) => effect.is(refreshEmbeds)).length,
});

function decodePart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The embed a WikiLink (`![[…]]`) or Image (`![…](…)`) node writes, or null (a link, a remote image). */
export function embedOf(state: EditorState, node: SyntaxNode): EmbedTarget | null {
  const source = state.sliceDoc(node.from, node.to);
  let destination: string;
  let label: string | null;
  let decode: ((part: string) => string) | undefined;
  if (node.name === 'WikiLink') {
    if (!source.startsWith('!')) return null;
    const target = node.getChild('WikiLinkTarget');
    const alias = node.getChild('WikiLinkAlias');
    destination = target ? state.sliceDoc(target.from, target.to) : '';
    label = alias ? state.sliceDoc(alias.from, alias.to) : null;
  } else if (node.name === 'Image') {
    const url = node.getChild('URL');
    const marks = node.getChildren('LinkMark');
    if (!url || marks.length < 2) return null;
    destination = state.sliceDoc(url.from, url.to).replace(/^<(.*)>$/, '$1');
    if (SCHEME.test(destination)) return null; // remote: never loaded (see render-markdown.ts)
    label = state.sliceDoc(marks[0]?.to ?? url.from, marks[1]?.from ?? url.from);
    decode = decodePart;
  } else {
    return null;
  }
  const { target, headings, block } = splitLinkDestination(destination, decode);
  const kind = isImageTarget(target) ? 'image' : 'note';
  const size = kind === 'image' ? SIZE.exec(label?.split('|').at(-1) ?? '') : null;
  const width = size?.[1] === undefined ? null : Number(size[1]);
  const height = size?.[2] === undefined ? null : Number(size[2]);
  return { source, target, headings, block, kind, width, height, label: label?.trim() || null };
}

/** An embed that is its line's only content is drawn as a block; others inline. */
function ownLineEmbed(state: EditorState, paragraph: SyntaxNode): SyntaxNode | null {
  const only = paragraph.firstChild;
  if (!only || only.nextSibling || (only.name !== 'WikiLink' && only.name !== 'Image')) return null;
  const line = state.doc.lineAt(paragraph.from);
  return paragraph.to <= line.to && line.text.trim() === state.sliceDoc(only.from, only.to) ? only : null;
}

type EmbedBlock = Block & { embed: EmbedTarget; generation: number };

/** Embeds standing alone on a top-level line. */
function findBlockEmbeds(state: EditorState, range?: LineRange): EmbedBlock[] {
  const generation = state.field(embedGeneration, false) ?? 0;
  const found: EmbedBlock[] = [];
  eachTopLevelNode(
    state,
    (name, from, _to, nodeOf) => {
      if (name !== 'Paragraph' || state.sliceDoc(from, from + 1) !== '!') return;
      const node = ownLineEmbed(state, nodeOf());
      const embed = node && embedOf(state, node);
      if (!embed) return;
      const line = state.doc.lineAt(from);
      found.push({ from: line.from, to: line.to, key: `${generation}\n${embed.source}`, embed, generation });
    },
    range,
  );
  return found;
}

/** Renders embeds once per (source, generation) however often their widgets are drawn. */
class EmbedRenderer {
  private readonly cache = new RenderCache<HTMLElement | string>();

  constructor(readonly options: LivePreviewBlockOptions) {}

  /** True when this embed can be drawn at all (else it stays as source). */
  draws(embed: EmbedTarget): boolean {
    return Boolean(this.options.renderEmbed || (embed.kind === 'image' && this.options.imageUrl));
  }

  fill(into: HTMLElement, embed: EmbedTarget, generation: number, view: EditorView): void {
    const { imageUrl, renderEmbed } = this.options;
    if (embed.kind === 'image' && imageUrl) {
      const url = imageUrl(embed.target);
      if (url === null) {
        into.append(errorLine(`Image not found: ${embed.target}`));
        return;
      }
      const image = document.createElement('img');
      image.className = 'cm-lp-image';
      image.src = url;
      image.alt = embed.width === null && embed.label ? embed.label : embed.target;
      if (embed.width !== null) image.width = embed.width;
      if (embed.height !== null) image.height = embed.height;
      image.addEventListener('load', () => view.requestMeasure());
      into.append(image);
      return;
    }
    if (!renderEmbed) return;
    into.textContent = embed.source; // until rendered
    const entry = this.cache.get(`${generation}\n${embed.source}`, (signal) => renderEmbed(embed, signal));
    showWhenRendered(
      into,
      entry,
      (target, result) => {
        // The HTML comes from the sanitized renderer; an element is the app's own.
        if (typeof result === 'string') target.innerHTML = result;
        else target.replaceChildren(result.cloneNode(true));
      },
      view,
    );
    listenToLinks(into, this.options);
  }
}

class EmbedWidget extends WidgetType {
  constructor(
    readonly embed: EmbedTarget,
    readonly generation: number,
    readonly inline: boolean,
    readonly renderer: EmbedRenderer,
  ) {
    super();
  }

  override eq(other: EmbedWidget): boolean {
    return (
      other.embed.source === this.embed.source && other.generation === this.generation && other.inline === this.inline
    );
  }

  toDOM(view: EditorView): HTMLElement {
    const dom = document.createElement(this.inline ? 'span' : 'div');
    dom.className = `cm-lp-embed cm-lp-embed-${this.embed.kind}${this.inline ? ' cm-lp-embed-inline' : ''}`;
    dom.dataset.target = this.embed.target;
    const { options } = this.renderer;
    if (this.inline || this.embed.kind !== 'note' || !options.onFollow) {
      this.renderer.fill(dom, this.embed, this.generation, view);
    } else {
      // As in Obsidian, a note embed opens its note from a button in its corner.
      const body = document.createElement('div');
      body.className = 'cm-lp-embed-body';
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'cm-lp-embed-open';
      open.textContent = '↗';
      const { target, headings, block } = this.embed;
      const name = target === '' ? 'this note' : target;
      open.title = `Open ${name} (Ctrl/Cmd+click: in a new tab)`;
      open.setAttribute('aria-label', `Open ${name}`);
      open.addEventListener('click', (event) =>
        options.onFollow?.(target, {
          heading: headings.length ? headings.join('#') : null,
          block,
          newTab: event.ctrlKey || event.metaKey,
        }),
      );
      dom.append(open, body);
      this.renderer.fill(body, this.embed, this.generation, view);
    }
    revealOnClick(dom, view);
    return dom;
  }

  override ignoreEvent(): boolean {
    return true;
  }
}

/** Inline embeds (sharing a line with text) in the visible part of the note, off the cursor. */
function inlineEmbeds(state: EditorState, view: EditorView, renderer: EmbedRenderer): DecorationSet {
  const generation = state.field(embedGeneration, false) ?? 0;
  const ranges: Range<Decoration>[] = [];
  const tree = syntaxTree(state);
  for (const { from, to } of view.visibleRanges) {
    tree.iterate({
      from,
      to,
      enter: (ref) => {
        if (ref.name !== 'WikiLink' && ref.name !== 'Image') return undefined;
        const node = ref.node;
        const parent = node.parent;
        const standalone =
          parent?.name === 'Paragraph' && parent.parent?.name === 'Document' && ownLineEmbed(state, parent);
        if (standalone || selectionTouches(state, node.from, node.to)) return false;
        const embed = embedOf(state, node);
        if (embed && renderer.draws(embed)) {
          const widget = new EmbedWidget(embed, generation, true, renderer);
          ranges.push(Decoration.replace({ widget }).range(node.from, node.to));
        }
        return false;
      },
    });
  }
  return Decoration.set(ranges, true);
}

const theme = EditorView.baseTheme({
  '.cm-lp-embed': { cursor: 'text', position: 'relative' },
  '.cm-lp-embed-open': {
    position: 'absolute',
    top: '4px',
    right: '4px',
    font: 'inherit',
    color: 'var(--muted, #6b6b6b)',
    background: 'var(--bg, transparent)',
    border: '1px solid var(--border, #dcdcd9)',
    borderRadius: '4px',
    cursor: 'pointer',
    padding: '0 6px',
    opacity: '0',
  },
  '.cm-lp-embed:hover .cm-lp-embed-open, .cm-lp-embed-open:focus-visible': { opacity: '1' },
  // The rendered embed brings its own frame (reading.css's `.markdown-embed`).
  'div.cm-lp-embed-note': { margin: '4px 0', whiteSpace: 'normal' },
  '.cm-lp-embed img, .cm-lp-image': { maxWidth: '100%' },
  '.cm-lp-embed-inline': { display: 'inline-block', verticalAlign: 'bottom' },
});

/**
 * Embeds (`![[note]]`, `![[note#h]]`, `![[img.png|200]]`, `![alt](img.png)`) drawn through
 * `renderEmbed` (images through `imageUrl` when given) off the cursor: as a block when alone on
 * their line, inline otherwise. Dispatch `refreshEmbeds` when the notes they show may have changed.
 */
export function embeds(options: LivePreviewBlockOptions): Extension {
  const renderer = new EmbedRenderer(options);
  const { extension } = blockField<EmbedBlock>({
    find: (state, range) => findBlockEmbeds(state, range).filter((block) => renderer.draws(block.embed)),
    decorate: (block) =>
      Decoration.replace({ block: true, widget: new EmbedWidget(block.embed, block.generation, false, renderer) }),
    changesKeys: (tr) => tr.effects.some((effect) => effect.is(refreshEmbeds)),
  });
  const inline = ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = inlineEmbeds(view.state, view, renderer);
      }
      update(update: ViewUpdate) {
        const refreshed = update.transactions.some((tr) => tr.effects.some((effect) => effect.is(refreshEmbeds)));
        if (
          update.docChanged ||
          update.viewportChanged ||
          update.selectionSet ||
          refreshed ||
          syntaxTree(update.state) !== syntaxTree(update.startState)
        ) {
          this.decorations = inlineEmbeds(update.state, update.view, renderer);
        }
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
  return [embedGeneration, extension, inline, theme];
}
