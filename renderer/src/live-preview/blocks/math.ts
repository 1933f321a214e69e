import 'katex/dist/katex.min.css';
import { syntaxTree } from '@codemirror/language';
import type { EditorState, Extension, Range } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import katex from 'katex';
import { blockField, eachTopLevelNode, type Block, type LineRange, type BlockFieldValue } from './block-field';
import { findInlineMath, mathBlockTex } from './math-syntax';
import { revealOnClick, selectionTouches } from './reveal';

/** Rendered math by TeX, so a widget drawn again does not run KaTeX again. */
const renderedTex = new Map<string, string>();
const CACHE_LIMIT = 1000;

/**
 * TeX as KaTeX HTML. `trust: false` keeps out `\href`, `\url`, `\includegraphics` and the
 * `\html…` commands (the note cannot make links, load images or add classes through math);
 * errors are drawn in red in place instead of thrown; sizes and macro expansion are capped.
 */
export function renderTex(tex: string, display: boolean): string {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const known = renderedTex.get(key);
  if (known !== undefined) return known;
  const html = katex.renderToString(tex, {
    displayMode: display,
    throwOnError: false,
    trust: false,
    strict: 'ignore',
    maxSize: 50,
    maxExpand: 1000,
    output: 'htmlAndMathml',
  });
  if (renderedTex.size >= CACHE_LIMIT) renderedTex.clear();
  renderedTex.set(key, html);
  return html;
}

class MathWidget extends WidgetType {
  constructor(
    readonly tex: string,
    readonly display: boolean,
    readonly block: boolean,
  ) {
    super();
  }

  override eq(other: MathWidget): boolean {
    return other.tex === this.tex && other.display === this.display && other.block === this.block;
  }

  toDOM(view: EditorView): HTMLElement {
    const dom = document.createElement(this.block ? 'div' : 'span');
    dom.className = this.block ? 'cm-lp-math cm-lp-math-block' : 'cm-lp-math cm-lp-math-inline';
    // KaTeX escapes the TeX it is given; its output is ours, not the note's HTML.
    dom.innerHTML = renderTex(this.tex, this.display);
    revealOnClick(dom, view);
    return dom;
  }

  override ignoreEvent(): boolean {
    return true;
  }
}

type MathBlock = Block & { tex: string };

/** Top-level paragraphs that are `$$…$$` blocks, as whole lines. */
export function findMathBlocks(state: EditorState, range?: LineRange): MathBlock[] {
  const found: MathBlock[] = [];
  eachTopLevelNode(
    state,
    (name, from, to) => {
      if (name !== 'Paragraph' || state.sliceDoc(from, from + 2) !== '$$') return;
      const tex = mathBlockTex(state.sliceDoc(from, to));
      if (tex === null) return;
      const start = state.doc.lineAt(from).from;
      const end = state.doc.lineAt(to).to;
      found.push({ from: start, to: end, key: `math:${tex}`, tex });
    },
    range,
  );
  return found;
}

/** Nodes whose text is never math: code, HTML, comments, link destinations, the frontmatter. */
const NOT_MATH = new Set([
  'InlineCode',
  'CodeText',
  'FencedCode',
  'CodeBlock',
  'HTMLBlock',
  'HTMLTag',
  'Comment',
  'CommentBlock',
  'URL',
  'Frontmatter',
]);

function inCodeOrMarkup(state: EditorState, pos: number): boolean {
  for (let node: { name: string; parent: unknown } | null = syntaxTree(state).resolveInner(pos, 1); node;) {
    if (NOT_MATH.has(node.name)) return true;
    node = node.parent as typeof node;
  }
  return false;
}

/** Inline math in the visible lines, off the cursor, outside code and outside `$$` blocks. */
function inlineMath(view: EditorView, blocks: readonly Block[]): DecorationSet {
  const { state } = view;
  const ranges: Range<Decoration>[] = [];
  for (const visible of view.visibleRanges) {
    for (let pos = visible.from; pos <= visible.to;) {
      const line = state.doc.lineAt(pos);
      pos = line.to + 1;
      if (!line.text.includes('$') || blocks.some((block) => block.from <= line.from && line.to <= block.to)) continue;
      for (const span of findInlineMath(line.text)) {
        const from = line.from + span.from;
        const to = line.from + span.to;
        if (selectionTouches(state, from, to) || inCodeOrMarkup(state, from)) continue;
        ranges.push(Decoration.replace({ widget: new MathWidget(span.tex, span.display, false) }).range(from, to));
      }
    }
  }
  return Decoration.set(ranges, true);
}

const theme = EditorView.baseTheme({
  '.cm-lp-math': { cursor: 'text' },
  '.cm-lp-math-block': { textAlign: 'center', overflowX: 'auto', padding: '4px 0' },
  '.cm-lp-math .katex-error': { color: 'var(--error, #b42318)' },
  '&dark .cm-lp-math .katex-error': { color: 'var(--error, #ff8a80)' },
});

/** `$inline$` and `$$block$$` math rendered with KaTeX (bundled: no network) off the cursor. */
export function math(): Extension {
  const { field, extension } = blockField<MathBlock>({
    find: findMathBlocks,
    decorate: (block) => Decoration.replace({ block: true, widget: new MathWidget(block.tex, true, true) }),
  });
  const blocksOf = (state: EditorState): readonly Block[] =>
    state.field<BlockFieldValue<MathBlock>>(field, false)?.blocks ?? [];
  const inline = ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = inlineMath(view, blocksOf(view.state));
      }
      update(update: ViewUpdate) {
        if (
          update.docChanged ||
          update.viewportChanged ||
          update.selectionSet ||
          syntaxTree(update.state) !== syntaxTree(update.startState)
        ) {
          this.decorations = inlineMath(update.view, blocksOf(update.state));
        }
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
  return [extension, inline, theme];
}
