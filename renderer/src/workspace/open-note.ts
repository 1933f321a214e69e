import { Text } from '@codemirror/state';
import type { NoteContent } from '../../../shared/api';
import type { PlexusClient } from '../../../shared/rpc/client';
import { baseName } from '../../../shared/paths';
import { notify } from '../chrome/notices';
import { isLargeNote, type NoteEditor } from '../editor/note-editor';
import { spanChange } from '../editor/text-changes';
import { Autosave, saveNotice, type SaveState, type TextSource } from '../saving/autosave';
import type { Place } from './nav-history';

const LARGE_NOTE_NOTICE = 'Large note: plain-text mode (no markdown highlighting, link previews or completion).';

/** What the open note tells the window. */
export type OpenNoteHooks = {
  /** Its save state changed (saved, saving, unsaved, a conflict). */
  showSave(state: SaveState): void;
  /** Its autosave found the disk changed under it: read it again and merge. */
  reload(): void;
};

/**
 * The note in the editor and its autosave: loading a note read from disk, leaving it (saved
 * first), closing it, and edits made on the person's behalf.
 */
export class OpenNote {
  /** The open note's autosave; null when no note is open. */
  autosave: Autosave | null = null;

  constructor(
    private readonly api: PlexusClient,
    private readonly editor: NoteEditor,
    private readonly hooks: OpenNoteHooks,
  ) {}

  /** The open note's path, if a note is open. */
  get path(): string | null {
    return this.autosave?.path ?? null;
  }

  /**
   * Puts a note read from disk in the editor, with its autosave. A large note opens in plain mode;
   * a read-only one (not UTF-8) cannot be edited and its autosave never writes.
   */
  load(note: NoteContent): void {
    const plain = isLargeNote(note.text);
    this.editor.open(note.path, note.text, { plain, readOnly: note.readOnly });
    this.autosave?.dispose();
    const autosave = new Autosave(
      this.api,
      note.path,
      note.version,
      note.text,
      this.editorSource(note.text),
      (s) => this.hooks.showSave(s),
      () => this.hooks.reload(),
      (reason) => {
        const notice = saveNotice(autosave.path, reason);
        notify(notice.message, notice.kind);
      },
    );
    this.autosave = autosave;
    if (note.readOnly) this.autosave.makeReadOnly(note.readOnly.reason);
    this.hooks.showSave(this.autosave.status);
    if (note.readOnly) notify(note.readOnly.reason, 'error');
    if (plain) notify(LARGE_NOTE_NOTICE);
  }

  /** Closes the note in the editor, without saving. */
  close(): void {
    this.autosave?.dispose();
    this.autosave = null;
    this.editor.close();
  }

  /** Saves the note being left; false when it has edits that could not be saved. */
  async leave(): Promise<boolean> {
    if (!this.autosave) return true;
    await this.autosave.flush();
    if (!this.autosave.dirty) return true;
    notify(
      `"${baseName(this.autosave.path)}" has unsaved changes that could not be saved; resolve that first.`,
      'error',
    );
    return false;
  }

  /** Where the cursor is in the note in the editor (for the back/forward history). */
  here(): Place | null {
    const path = this.editor.currentPath;
    return path ? { path, offset: this.editor.cursor } : null;
  }

  /**
   * Replaces the editor's text as an edit of the person's own: undoable, then autosaved. Only the
   * part that differs changes, so the cursor stays put where it can.
   */
  replaceText(text: string): void {
    if (this.autosave?.readOnly)
      return notify('This note is read-only, so an earlier version cannot be restored into it.', 'error');
    const view = this.editor.view;
    view.dispatch({ changes: spanChange(view.state.doc.toString(), text), userEvent: 'input.restore' });
  }

  /**
   * The editor's text for the autosave. Whether it still equals the saved text is asked on every
   * keystroke; CodeMirror's documents share unchanged parts, so comparing them costs about the
   * size of the edit, not of the note (a whole-string compare of a 50 MB note would not).
   */
  private editorSource(opened: string): TextSource {
    const openedDoc = this.editor.doc;
    return {
      text: () => this.editor.text,
      mark: (text) => {
        const doc = this.editor.doc;
        // The document made from `opened` still holds it: no need to turn megabytes into a string.
        const holds =
          text === undefined ||
          (doc === openedDoc && text === opened) ||
          (doc.length === text.length && doc.toString() === text);
        const saved = holds ? doc : Text.of(text.split('\n'));
        return () => this.editor.doc.eq(saved);
      },
    };
  }
}
