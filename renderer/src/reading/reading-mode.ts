import type { NoteEditor } from '../editor/note-editor';
import type { ReadingView } from './reading-view';

export const LARGE_NOTE_NO_READING =
  'Large note: the reading view is off for notes this large, so it stays in plain-text editing.';

/**
 * Whether the open note shows as source (editing) or rendered (the reading view), toggled with
 * Ctrl/Cmd+E. A large note (plain-text mode) is never rendered.
 */
export class ReadingMode {
  private mode: 'edit' | 'read' = 'edit';

  constructor(
    private readonly el: { editor: HTMLElement; reading: HTMLElement },
    private readonly editor: NoteEditor,
    private readonly reading: ReadingView,
    private readonly activePath: () => string | null,
  ) {}

  get reads(): boolean {
    return this.mode === 'read';
  }

  /** Shows the editor or the reading view (neither when no note is open). */
  set(mode: 'edit' | 'read'): void {
    this.mode = mode;
    const open = this.activePath() !== null;
    this.el.editor.hidden = !open || mode === 'read';
    this.el.reading.hidden = !open || mode === 'edit';
    document.body.dataset.mode = mode;
  }

  /** Shows the editor or the reading view again as they are (a note opened or closed). */
  reapply(): void {
    this.set(this.mode);
  }

  /** Switches between editing and reading; false when the open note is too large to read rendered. */
  async toggle(): Promise<boolean> {
    if (this.mode === 'edit' && this.editor.openMode.plain) return false;
    this.set(this.mode === 'edit' ? 'read' : 'edit');
    const path = this.activePath();
    if (this.mode === 'read' && path) await this.reading.show(path, this.editor.text);
    else if (path) this.editor.focus();
    return true;
  }

  /**
   * The open note's text changed on disk: the reading view shows it again. `replaced`: the note
   * was loaded anew (read-only on either side), so a large one leaves the reading view.
   */
  async showReloaded(path: string, replaced: boolean): Promise<void> {
    if (replaced && this.mode === 'read' && this.editor.openMode.plain) this.set('edit');
    if (this.mode === 'read' && (replaced || !this.editor.openMode.plain))
      await this.reading.show(path, this.editor.text);
  }
}
