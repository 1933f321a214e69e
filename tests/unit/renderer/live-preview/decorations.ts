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
  // Parsed to the end; a transaction makes the state's tree the parsed one.
  if (!ensureSyntaxTree(state, state.doc.length, 30_000)) throw new Error('the test text did not parse');
  return state.update({}).state;
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
  for (const cursor = set.iter(); cursor.value; cursor.next()) {
    const { from, to, value } = cursor;
    const spec = value.spec as { class?: string; widget?: { constructor: { name: string }; checked?: boolean } };
    let item: [string, string];
    if (spec.widget) {
      const checked = spec.widget.checked === undefined ? '' : spec.widget.checked ? '[x]' : '[ ]';
      item = [state.sliceDoc(from, to), spec.widget.constructor.name + checked];
    } else if (from === to) {
      item = [state.doc.lineAt(from).text, `line:${spec.class ?? ''}`];
    } else {
      item = [state.sliceDoc(from, to), spec.class ?? 'hide'];
    }
    found.push({ from, to, item });
  }
  // In document order, a line's decoration first, an element before its parts.
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
