import type { EditingMode, TabView } from '../../../shared/api';
import type { NoteEditor } from '../editor/note-editor';
import type { ReadingMode } from '../reading/reading-mode';
import { TabViews } from './tab-views';

/** The pane's two switches, as Obsidian's view header has them. */
export type ViewButtons = { source: HTMLButtonElement; reading: HTMLButtonElement };

/**
 * How the note in front is shown, kept per tab: Live Preview or Source mode while editing
 * (a command and the "Source" button), and the reading view (Ctrl/Cmd+E and the "Reading" button).
 */
export class ViewSwitch {
  private readonly views = new TabViews();

  constructor(
    private readonly editor: NoteEditor,
    private readonly mode: ReadingMode,
    private readonly buttons: ViewButtons,
    private readonly changed: () => void,
  ) {}

  set defaultEditing(mode: EditingMode) {
    this.views.defaultEditing = mode;
  }

  /** Shows `path` (now in the editor) the way its tab last showed it. */
  apply(path: string): void {
    this.editor.setLivePreview(!this.views.source(path));
    this.mode.set(this.views.reading(path) && !this.editor.openMode.plain ? 'read' : 'edit');
    this.show(path);
  }

  /** True when `path`'s tab was last in the reading view. */
  readingWanted(path: string): boolean {
    return this.views.reading(path);
  }

  /** The reading view was entered or left (or refused) for `path`. */
  readingChanged(path: string): void {
    this.views.set(path, { reading: this.mode.reads });
    this.show(path);
    this.changed();
  }

  /** Switches `path`'s tab between Live Preview and Source mode; from the reading view, to editing. */
  toggleSource(path: string): void {
    const source = !this.views.source(path);
    this.views.set(path, { source, reading: false });
    this.editor.setLivePreview(!source);
    if (this.mode.reads) this.mode.set('edit');
    this.editor.focus();
    this.show(path);
    this.changed();
  }

  /** The tab of `from` now shows `to` (see TabViews.carry). */
  carry(from: string, to: string, toWasOpen: boolean): void {
    this.views.carry(from, to, toWasOpen);
  }

  renamed(from: string, to: string): void {
    this.views.renamed(from, to);
  }

  saved(tabs: readonly string[]): Record<string, TabView> {
    return this.views.saved(tabs);
  }

  restore(views: Record<string, TabView> | undefined): void {
    this.views.restore(views);
  }

  /** The buttons say how the note shows; with no note open they go. */
  show(path: string | null): void {
    const { source, reading } = this.buttons;
    source.hidden = reading.hidden = path === null;
    if (path === null) return;
    const inSource = this.views.source(path);
    source.setAttribute('aria-pressed', String(inSource));
    source.textContent = inSource ? 'Source' : 'Live Preview';
    source.title = inSource
      ? 'Source mode: all markup shown. Click for Live Preview.'
      : 'Live Preview: markup shows where the cursor is. Click for Source mode.';
    reading.setAttribute('aria-pressed', String(this.mode.reads));
    reading.textContent = this.mode.reads ? 'Reading' : 'Editing';
    reading.title = this.mode.reads
      ? 'Reading view. Click to edit (Ctrl/Cmd+E).'
      : 'Editing. Click to read (Ctrl/Cmd+E).';
  }
}
