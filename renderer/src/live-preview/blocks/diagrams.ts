import type { EditorState, Extension } from '@codemirror/state';
import { Decoration, EditorView, WidgetType } from '@codemirror/view';
import { drawDiagrams } from '../../reading/mermaid-diagrams';
import { blockField, eachTopLevelNode, type Block, type LineRange } from './block-field';
import { revealOnClick } from './reveal';

/** A top-level ` ```mermaid ` block: its source between the fences. */
type DiagramBlock = Block & { source: string };

const OPENING = /^\s*(`{3,}|~{3,})\s*mermaid\b/i;

/** The note's closed top-level Mermaid blocks (an unclosed fence stays code). */
export function findDiagrams(state: EditorState, range?: LineRange): DiagramBlock[] {
  const found: DiagramBlock[] = [];
  eachTopLevelNode(
    state,
    (name, from, to) => {
      if (name !== 'FencedCode') return;
      const first = state.doc.lineAt(from);
      const last = state.doc.lineAt(to);
      const fence = OPENING.exec(first.text)?.[1];
      if (fence === undefined || last.number === first.number || !last.text.trim().startsWith(fence)) return;
      const source = state.sliceDoc(Math.min(first.to + 1, last.from), Math.max(first.to + 1, last.from - 1));
      found.push({ from, to, key: `mermaid:${source}`, source });
    },
    range,
  );
  return found;
}

/** The ends of the diagrams' drawing, by widget DOM (a widget taken out stops its drawing). */
const stops = new WeakMap<HTMLElement, () => void>();

/**
 * The diagram drawn as the reading view draws it (mermaid-diagrams.ts: loaded lazily, strict
 * security, a time budget, the SVG sanitized again); until drawn, or if it cannot be, its code.
 */
class DiagramWidget extends WidgetType {
  constructor(readonly source: string) {
    super();
  }

  override eq(other: DiagramWidget): boolean {
    return other.source === this.source;
  }

  toDOM(view: EditorView): HTMLElement {
    const dom = document.createElement('div');
    dom.className = 'cm-lp-diagram markdown-rendered';
    const pre = document.createElement('pre');
    const code = document.createElement('code');
    code.className = 'language-mermaid';
    code.textContent = this.source;
    pre.append(code);
    dom.append(pre);
    // The drawing changes the block's height: the editor measures again.
    stops.set(
      dom,
      drawDiagrams(dom, () => view.requestMeasure()),
    );
    revealOnClick(dom, view);
    return dom;
  }

  override destroy(dom: HTMLElement): void {
    stops.get(dom)?.();
  }

  override get estimatedHeight(): number {
    return 200;
  }

  override ignoreEvent(): boolean {
    return true;
  }
}

const theme = EditorView.baseTheme({
  '.cm-lp-diagram': { cursor: 'text', padding: '4px 0' },
  '.cm-lp-diagram pre': { margin: '0', whiteSpace: 'pre-wrap', fontFamily: 'var(--font-mono, monospace)' },
  '.cm-lp-diagram .mermaid-diagram': { margin: '0' },
});

/** ` ```mermaid ` blocks drawn as diagrams off the cursor, as in the reading view. */
export function diagrams(): Extension {
  const { extension } = blockField<DiagramBlock>({
    find: findDiagrams,
    decorate: (block) => Decoration.replace({ block: true, widget: new DiagramWidget(block.source) }),
  });
  return [extension, theme];
}
