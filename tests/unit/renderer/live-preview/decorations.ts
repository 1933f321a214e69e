import { ensureSyntaxTree } from '@codemirror/language';
import { EditorSelection, EditorState, type Extension } from '@codemirror/state';
import { EditorView, type DecorationSet } from '@codemirror/view';
import { noteMarkdown } from '../../../../renderer/src/editor/note-editor';
import type { Span } from '../../../../renderer/src/live-preview/reveal';

/** Marks the cursor in test text; a second one makes a selection between them. */
export const CURSOR = '‸';

/**
 * A fully parsed state of `text` with the editor's markdown; the cursor is at `‸` (two of them
 * select between), or at the end when there is none.
 */
export function stateOf(text: string, extensions: Extension = []): EditorState {
  const first = text.indexOf(CURSOR);
  const second = first < 0 ? -1 : text.indexOf(CURSOR, first + 1);
  const doc = text.replaceAll(CURSOR, '');
  const selection =
    first < 0
      ? EditorSelection.cursor(doc.length)
      : second < 0
        ? EditorSelection.cursor(first)
        : EditorSelection.range(first, second - 1);
  const state = EditorState.create({ doc, selection, extensions: [noteMarkdown(), extensions] });
  ensureSyntaxTree(state, state.doc.length, 10_000);
  return state;
}

/** The whole document as one visible range. */
export function all(state: EditorState): Span[] {
  return [{ from: 0, to: state.doc.length }];
}

/**
 * The decorations as `[text, kind]`: kind is the class of a mark, `line:<class>` for a line
 * decoration (text: the line), `hide` for hidden markup, `<WidgetClass>` for a widget (with
 * `[x]`/`[ ]` for a checkbox).
 */
export function listed(state: EditorState, set: DecorationSet): [string, string][] {
  const found: { from: number; to: number; item: [string, string] }[] = [];
  const out = {
    push: (item: [string, string]) => found.push({ from: current.from, to: current.to, item }),
  };
  const current = { from: 0, to: 0 };
  set.between(0, state.doc.length, (from, to, deco) => {
    current.from = from;
    current.to = to;
    const spec = deco.spec as { class?: string; widget?: { constructor: { name: string }; checked?: boolean } };
    if (spec.widget) {
      const name = spec.widget.constructor.name;
      const state_ = spec.widget.checked === undefined ? '' : spec.widget.checked ? '[x]' : '[ ]';
      out.push([state.sliceDoc(from, to), name + state_]);
    } else if (from === to) {
      out.push([state.doc.lineAt(from).text, `line:${spec.class ?? ''}`]);
    } else if (spec.class) {
      out.push([state.sliceDoc(from, to), spec.class]);
    } else {
      out.push([state.sliceDoc(from, to), 'hide']);
    }
  });
  // In document order, a line's decoration first, an element before its parts (a set keeps marks and replacements apart).
  found.sort((a, b) => a.from - b.from || Number(a.from !== a.to) - Number(b.from !== b.to) || b.to - a.to);
  return found.map(({ item }) => item);
}

/** Only the hidden markup of `listed`. */
export function hiddenTexts(state: EditorState, set: DecorationSet): string[] {
  return listed(state, set)
    .filter(([, kind]) => kind === 'hide')
    .map(([text]) => text);
}

/** A real editor in the page (happy-dom) with the editor's markdown and `extension`. */
export function viewOf(text: string, extension: Extension): EditorView {
  const state = stateOf(text, extension);
  return new EditorView({ state, parent: document.body });
}

/** Moves the cursor of `view` to `pos`. */
export function moveTo(view: EditorView, pos: number): void {
  view.dispatch({ selection: { anchor: pos } });
}
