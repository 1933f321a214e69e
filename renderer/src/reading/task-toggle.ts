import type { ChangeSpec, Text } from '@codemirror/state';
import { notify } from '../chrome/notices';
import type { NoteEditor } from '../editor/note-editor';

/** A task item's box: list marker (in quotes or callouts too), then `[ ]` or `[x]`. */
const TASK = /^(?:\s*>)*\s*(?:[-*+]|\d+[.)])\s+\[([ xX])\]/;

/**
 * The change that ticks (`checked`) or unticks the task on 1-based `line` of `doc`, or null when
 * that line holds no task (the text changed since it was rendered) or is already so.
 */
export function taskToggleChange(doc: Text, line: number, checked: boolean): ChangeSpec | null {
  if (!Number.isInteger(line) || line < 1 || line > doc.lines) return null;
  const at = doc.line(line);
  const match = TASK.exec(at.text);
  if (!match) return null;
  if ((match[1] !== ' ') === checked) return null;
  const box = at.from + match[0].length - 2;
  return { from: box, to: box + 1, insert: checked ? 'x' : ' ' };
}

/** Ticks or unticks the task on `line` of the note in `editor` (its autosave saves it). */
export function tickTask(editor: NoteEditor, readOnly: boolean, line: number, checked: boolean): void {
  if (readOnly) return notify('This note is read-only.', 'error');
  const change = taskToggleChange(editor.doc, line, checked);
  if (change) editor.view.dispatch({ changes: change, userEvent: 'input.toggle-task' });
}
