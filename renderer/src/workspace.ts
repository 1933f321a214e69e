import type { AppCommand, FileEntry, FilesEvent } from '../../shared/api';
import type { PlexusClient } from '../../shared/client';
import { baseName, isWithin, joinPath, parentPath } from '../../shared/paths';
import { Autosave, type SaveState } from './autosave';
import { FileTree } from './file-tree';
import { displayName, isNote } from './file-tree-model';
import { NoteEditor } from './note-editor';
import { notify } from './notices';
import type { StatusBar } from './status-bar';

export type WorkspaceElements = {
  tree: HTMLElement;
  editor: HTMLElement;
  title: HTMLElement;
  empty: HTMLElement;
  vaultName: HTMLElement;
};

/**
 * The open vault in the window: the file tree, the note in the editor and its autosave, kept in
 * step with changes from disk and from other windows.
 */
export class Workspace {
  private files: FileEntry[] = [];
  private autosave: Autosave | null = null;
  private readonly editor: NoteEditor;
  private readonly tree: FileTree;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private lastNoteKey = 'plexus:last-note';

  constructor(
    private readonly api: PlexusClient,
    private readonly el: WorkspaceElements,
    private readonly status: StatusBar,
  ) {
    this.editor = new NoteEditor(el.editor, () => this.autosave?.edited());
    this.tree = new FileTree(el.tree, {
      open: (path) => void this.open(path),
      create: (folder, name, kind) => this.create(folder, name, kind),
      rename: (path, name) => this.rename(path, name),
      trash: (path) => void this.trash(path),
    });
    api.onEvent((event) => {
      if (event.topic === 'files') void this.onFilesEvent(event.event);
      else if (event.topic === 'index') this.status.showIndex(event.status);
      else this.run(event.command);
    });
  }

  async start(): Promise<void> {
    const info = await this.api.vaultInfo({});
    this.el.vaultName.textContent = info.name;
    this.el.vaultName.title = info.root;
    document.title = `${info.name} — Plexus`;
    this.lastNoteKey = `plexus:last-note:${info.root}`;
    await this.refresh();
    void this.api.indexStatus({}).then(
      (report) => this.status.showIndex(report),
      () => undefined,
    );
    const last = localStorage.getItem(this.lastNoteKey);
    const notes = this.files.filter((f) => f.kind === 'file' && isNote(f.path));
    const first =
      notes.find((f) => f.path === last) ??
      notes.find((f) => /^(start-here|welcome|readme)\.md$/i.test(f.path)) ??
      notes[0];
    if (first) await this.open(first.path);
  }

  /** Runs a command from the menu or a shortcut. */
  run(command: AppCommand): void {
    if (command === 'new-note') this.tree.startCreate('file');
    else if (command === 'new-folder') this.tree.startCreate('folder');
    else void this.autosave?.flush();
  }

  /** Saves the open note now (closing, hiding). */
  flush(): Promise<void> {
    return this.autosave?.flush() ?? Promise.resolve();
  }

  get hasUnsavedChanges(): boolean {
    return this.autosave?.dirty ?? false;
  }

  async open(path: string): Promise<void> {
    if (!isNote(path)) {
      notify(`"${baseName(path)}" is not a note; Plexus opens .md files.`);
      return;
    }
    if (path === this.editor.currentPath) return this.editor.focus();
    if (this.autosave) {
      await this.autosave.flush();
      if (this.autosave.dirty) {
        notify(
          `"${baseName(this.autosave.path)}" has unsaved changes that could not be saved; resolve that first.`,
          'error',
        );
        return;
      }
      this.autosave.dispose();
    }
    try {
      const note = await this.api.readNote({ path });
      this.editor.open(note.path, note.text);
      this.autosave = new Autosave(
        this.api,
        note.path,
        note.version,
        note.text,
        () => this.editor.text,
        (s) => this.showSave(s),
      );
      this.showSave(this.autosave.status);
      this.showOpen(note.path);
      localStorage.setItem(this.lastNoteKey, note.path);
      // Never steal focus from a name being typed in the tree (its blur would commit the name).
      if (!(document.activeElement instanceof HTMLInputElement)) this.editor.focus();
    } catch (error) {
      notify(message(error), 'error');
    }
  }

  private async create(folder: string, name: string, kind: 'file' | 'folder'): Promise<void> {
    try {
      if (kind === 'folder') {
        await this.api.createFolder({ path: joinPath(folder, name) });
        await this.refresh();
      } else {
        const path = joinPath(folder, isNote(name) ? name : `${name}.md`);
        const created = await this.api.createNote({ path, text: '' });
        await this.refresh();
        await this.open(created.path);
      }
    } catch (error) {
      notify(message(error), 'error');
      throw error;
    }
  }

  private async rename(path: string, name: string): Promise<void> {
    const keepExtension = isNote(path) && !isNote(name);
    const to = joinPath(parentPath(path), keepExtension ? `${name}.md` : name);
    try {
      if (this.autosave && isWithin(this.autosave.path, path)) await this.autosave.flush();
      await this.api.move({ from: path, to });
      this.followRename(path, to);
      await this.refresh();
    } catch (error) {
      notify(message(error), 'error');
      throw error;
    }
  }

  private async trash(path: string): Promise<void> {
    const entry = this.files.find((f) => f.path === path);
    const what =
      entry?.kind === 'folder'
        ? `the folder "${baseName(path)}" and everything in it`
        : `"${displayName({ name: baseName(path), kind: 'file' })}"`;
    if (!confirm(`Move ${what} to the trash?`)) return;
    try {
      if (this.autosave && isWithin(this.autosave.path, path)) {
        this.autosave.dispose();
        this.autosave = null;
        this.editor.close();
        this.showOpen(null);
      }
      await this.api.trash({ path });
      notify(`Moved "${baseName(path)}" to the trash.`);
      await this.refresh();
    } catch (error) {
      notify(message(error), 'error');
    }
  }

  private async refresh(): Promise<void> {
    this.files = await this.api.listFiles({});
    this.tree.setEntries(this.files);
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh().catch(() => undefined), 100);
  }

  private async onFilesEvent(event: FilesEvent): Promise<void> {
    this.scheduleRefresh();
    const open = this.autosave;
    if (!open) return;
    if (event.type === 'renamed') {
      this.followRename(event.from, event.to);
    } else if (event.type === 'removed' && isWithin(open.path, event.path)) {
      open.conflict(`"${baseName(open.path)}" was deleted or moved away on disk; your text is still here.`);
    } else if (event.type === 'changed' && event.path === open.path && event.version !== open.version) {
      await this.reloadFromDisk();
    }
  }

  /** The open note changed on disk: reload in place, or keep unsaved edits and flag a conflict. */
  private async reloadFromDisk(): Promise<void> {
    const open = this.autosave;
    if (!open) return;
    const note = await this.api.readNote({ path: open.path }).catch(() => null);
    if (!note || note.version === open.version || open !== this.autosave) return;
    if (note.text === this.editor.text) return open.rebase(note.version, note.text);
    if (open.dirty) {
      open.conflict(`"${baseName(open.path)}" was changed by another program while you had unsaved edits.`);
    } else {
      this.editor.reloadInPlace(note.text);
      open.rebase(note.version, note.text);
    }
  }

  private followRename(from: string, to: string): void {
    this.editor.renamed(from, to);
    const open = this.autosave;
    if (open && isWithin(open.path, from)) {
      open.path = to + open.path.slice(from.length);
      this.showOpen(open.path);
      localStorage.setItem(this.lastNoteKey, open.path);
    }
  }

  private showOpen(path: string | null): void {
    this.el.title.textContent = path ? displayName({ name: baseName(path), kind: 'file' }) : '';
    this.el.title.title = path ?? '';
    this.el.empty.hidden = path !== null;
    this.el.editor.hidden = path === null;
    this.tree.setActive(path);
    if (!path) this.status.showSave(null);
  }

  private showSave(state: SaveState): void {
    this.status.showSave(state, {
      keepMine: () => void this.resolveConflict('mine'),
      useDisk: () => void this.resolveConflict('disk'),
    });
  }

  private async resolveConflict(choice: 'mine' | 'disk'): Promise<void> {
    const open = this.autosave;
    if (!open) return;
    try {
      const disk = await this.api.readNote({ path: open.path }).catch(() => null);
      if (choice === 'disk') {
        if (!disk) return notify('The note no longer exists on disk.', 'error');
        this.editor.reloadInPlace(disk.text);
        open.rebase(disk.version, disk.text);
      } else if (disk) {
        open.rebase(disk.version, disk.text);
        await open.flush();
      } else {
        const created = await this.api.createNote({ path: open.path, text: this.editor.text });
        open.rebase(created.version, this.editor.text);
        await this.refresh();
      }
    } catch (error) {
      notify(message(error), 'error');
    }
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
