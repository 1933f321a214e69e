import type { EditorState } from '@codemirror/state';

/** A stretch of the document, `from` ≤ `to`. */
export type Span = { readonly from: number; readonly to: number };

/**
 * Obsidian's rule for an inline element (emphasis, a link, a comment…): its markup shows while any
 * selection range touches it — overlaps it or ends right at one of its edges, so a cursor just
 * before `**` or just after `]]` already shows the source it is about to edit.
 */
export function touches(selection: readonly Span[], from: number, to: number): boolean {
  return selection.some((range) => range.from <= to && range.to >= from);
}

/**
 * The rule for block markers (a heading's `#`, a list bullet, a quote's `>`): they show while any
 * selection range touches the line holding `pos`.
 */
export function touchesLine(state: EditorState, pos: number): boolean {
  const line = state.doc.lineAt(pos);
  return touches(state.selection.ranges, line.from, line.to);
}

/** Whether the markup of the inline element `from`–`to` shows in `state` (see `touches`). */
export function revealed(state: EditorState, from: number, to: number): boolean {
  return touches(state.selection.ranges, from, to);
}
