import { StateEffect, StateField, type EditorState } from '@codemirror/state';

/** Dispatch when the note a state holds is renamed or moved (its new path). */
export const setNotePath = StateEffect.define<string>();

/**
 * The vault path of the note an editor state holds: its links resolve from there. It belongs to
 * the state rather than to the window, so a state's plugins know their note from the moment they
 * start, whatever order the app opens the note in (`notePath.init(() => path)` when the state is
 * made). Null for a state made for no note.
 */
export const notePath = StateField.define<string | null>({
  create: () => null,
  update: (path, tr) => tr.effects.reduce<string | null>((p, e) => (e.is(setNotePath) ? e.value : p), path),
});

/** The note `state` holds, or null (none, or a state without the field). */
export function notePathOf(state: EditorState): string | null {
  return state.field(notePath, false) ?? null;
}
