import { StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView, WidgetType } from '@codemirror/view';
import { calloutFamily } from '../../render/render-callout';
import { blockField, eachTopLevelNode, type Block, type LineRange } from './block-field';
import { type RenderedMarkdown } from './rendered-html';
import { revealOnClick } from './reveal';

const MARKER = /^\s*>\s?\[!([^\]\s]+)\]([+-]?)[ \t]*(.*)$/;
const QUOTE = /^\s*> ?/;

/** A callout as written: its type, fold marker, title and body (the quote marks taken off). */
export type CalloutBlock = Block & {
  type: string;
  fold: 'open' | 'closed' | null;
  title: string;
  body: string;
  folded: boolean;
};

/** Toggles the fold of the callout starting at this position (view state only: the text is unchanged). */
export const toggleCalloutFold = StateEffect.define<number>({ map: (pos, mapping) => mapping.mapPos(pos) });

/** The starts of callouts folded the other way from what their marker says. */
const foldToggles = StateField.define<readonly number[]>({
  create: () => [],
  update(toggled, tr) {
    let next = tr.docChanged ? toggled.map((pos) => tr.changes.mapPos(pos)) : toggled;
    for (const effect of tr.effects) {
      if (!effect.is(toggleCalloutFold)) continue;
      next = next.includes(effect.value) ? next.filter((pos) => pos !== effect.value) : [...next, effect.value];
    }
    return next;
  },
});

/** "warning" → "Warning": the title of a callout that has none of its own (as the reading view). */
function defaultTitle(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}

/** The callouts among the note's top-level blockquotes. */
export function findCallouts(state: EditorState, range?: LineRange): CalloutBlock[] {
  const toggled = state.field(foldToggles, false) ?? [];
  const found: CalloutBlock[] = [];
  eachTopLevelNode(
    state,
    (name, from, to) => {
      if (name !== 'Blockquote') return;
      const first = state.doc.lineAt(from);
      const match = MARKER.exec(first.text);
      if (!match) return;
      const [, rawType = '', sign, title = ''] = match;
      const type = rawType.toLowerCase();
      const fold = sign === '+' ? 'open' : sign === '-' ? 'closed' : null;
      const body = state
        .sliceDoc(Math.min(first.to + 1, to), to)
        .split('\n')
        .map((line) => line.replace(QUOTE, ''))
        .join('\n');
      const folded = fold !== null && (fold === 'closed') !== toggled.includes(from);
      const text = state.sliceDoc(from, to);
      found.push({ from, to, key: `callout:${folded}:${text}`, type, fold, title: title.trim(), body, folded });
    },
    range,
  );
  return found;
}

/** A callout as the reading view draws it (reading.css gives each family its colour and icon). */
class CalloutWidget extends WidgetType {
  constructor(
    readonly callout: CalloutBlock,
    readonly rendered: RenderedMarkdown,
  ) {
    super();
  }

  override eq(other: CalloutWidget): boolean {
    return other.callout.key === this.callout.key;
  }

  toDOM(view: EditorView): HTMLElement {
    const { type, fold, folded, title, body } = this.callout;
    const dom = document.createElement('div');
    dom.className = `cm-lp-callout callout callout-${calloutFamily(type)}`;
    dom.dataset.callout = type;
    if (fold !== null) dom.classList.add('is-foldable', folded ? 'is-folded' : 'is-open');
    const head = document.createElement('div');
    head.className = 'callout-title';
    const icon = document.createElement('span');
    icon.className = 'callout-icon';
    const inner = document.createElement('span');
    inner.className = 'callout-title-inner';
    inner.textContent = title === '' ? defaultTitle(type) : title;
    head.append(icon, inner);
    if (fold !== null) {
      // The icon and the chevron fold it; only the view changes, so the source keeps its `-`/`+`.
      const toggle = document.createElement('button');
      toggle.type = 'button';
      toggle.className = 'cm-lp-fold';
      toggle.setAttribute('aria-expanded', String(!folded));
      toggle.setAttribute('aria-label', folded ? 'Unfold callout' : 'Fold callout');
      toggle.textContent = '›';
      head.append(toggle);
      for (const control of [icon, toggle]) {
        control.dataset.fold = '';
        control.addEventListener('mousedown', (event) => event.preventDefault());
        control.addEventListener('click', () => view.dispatch({ effects: toggleCalloutFold.of(view.posAtDOM(dom)) }));
      }
      icon.style.cursor = 'pointer';
    }
    dom.append(head);
    if (!folded && body.trim() !== '') {
      const content = document.createElement('div');
      content.className = 'callout-content';
      content.textContent = body; // until rendered (or without a renderer)
      this.rendered.fill(content, body, view);
      dom.append(content);
    }
    revealOnClick(dom, view);
    return dom;
  }

  override ignoreEvent(): boolean {
    return true;
  }
}

const theme = EditorView.baseTheme({
  '.cm-lp-callout': {
    // reading.css draws `.callout`; these keep it tidy inside the editor's lines.
    margin: '4px 2px 4px 6px', // the lines' own padding: the box lines up with the text
    cursor: 'text',
    whiteSpace: 'normal',
    // A long word or link breaks where it must, inside the box, never past its edge.
    overflowWrap: 'break-word',
    wordBreak: 'normal',
    minWidth: '0',
  },
  '.cm-lp-callout table': { display: 'block', overflowX: 'auto', overflowWrap: 'normal' },
  '.cm-lp-callout .callout-content': { whiteSpace: 'pre-wrap' },
  '.cm-lp-callout .callout-content:has(> *)': { whiteSpace: 'normal' },
  '.cm-lp-callout .callout-content > :first-child': { marginTop: '0' },
  '.cm-lp-fold': {
    border: 'none',
    background: 'none',
    color: 'inherit',
    cursor: 'pointer',
    font: 'inherit',
    padding: '0 4px',
    transition: 'transform 0.15s',
  },
  '.cm-lp-callout.is-open .cm-lp-fold': { transform: 'rotate(90deg)' },
  '&light .cm-lp-callout': { color: 'var(--text, #1f2328)' },
  '&dark .cm-lp-callout': { color: 'var(--text, #e6e6e9)' },
});

/** Callouts (`> [!type]± Title`) drawn as boxes off the cursor; `-`/`+` ones fold from their title. */
export function callouts(rendered: RenderedMarkdown): Extension {
  const { extension } = blockField<CalloutBlock>({
    find: findCallouts,
    decorate: (block) => Decoration.replace({ block: true, widget: new CalloutWidget(block, rendered) }),
    changesKeys: (tr) => tr.effects.some((effect) => effect.is(toggleCalloutFold)),
  });
  return [foldToggles, extension, theme];
}
