import type { EditorState } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';

/**
 * Obsidian's reveal rule: an element shows its raw source while the selection touches it (a
 * cursor anywhere from its first character to just past its last, or a selection overlapping it).
 */
export function selectionTouches(state: EditorState, from: number, to: number): boolean {
  return state.selection.ranges.some((range) => range.from <= to && range.to >= from);
}

/**
 * Clicking a rendered block (not a link or control inside it) puts the cursor at its start,
 * which reveals its source there.
 */
export function revealOnClick(dom: HTMLElement, view: EditorView): void {
  dom.addEventListener('mousedown', (event) => {
    if (event.button !== 0) return;
    if (event.target instanceof Element && event.target.closest('a, button, input, summary, [data-fold]')) return;
    event.preventDefault();
    view.dispatch({ selection: { anchor: view.posAtDOM(dom) } });
    view.focus();
  });
}
