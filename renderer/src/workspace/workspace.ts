import type { AppCommand, FilesEvent, Mention } from '../../../shared/api';
import type { PlexusClient } from '../../../shared/rpc/client';
import { Emitter } from '../../../shared/events';
import type { LinkRef } from '../../../shared/note-meta';
import { baseName, isWithin, joinPath } from '../../../shared/paths';
import { conflictCopiesOf } from '../../../shared/sync-conflicts';
import { errorMessage, notify } from '../chrome/notices';
import type { StatusBar } from '../chrome/status-bar';
import { followLinkAtCursor, followLinkAtCursorInNewTab, refreshLinks } from '../editor/link-decorations';
import { NoteEditor } from '../editor/note-editor';
import { FileTree } from '../file-tree/file-tree';
import { displayName, isNote } from '../file-tree/file-tree-model';
import { ReadingView } from '../reading/reading-view';
import type { SaveState } from '../saving/autosave';
import { showRecoveryFor } from '../saving/recovery-dialog';
import { SyncConflictBanner } from '../saving/sync-conflict-banner';
import { DiskSync } from './disk-sync';
import { linkExtensions, livePreviewExtensions, renderOptions, type LinkHost } from './editor-setup';
import { tickTask } from '../reading/task-toggle';
import { ViewSwitch, type ViewButtons } from '../view-modes/view-switch';
import { FileActions } from '../file-tree/file-actions';
import { firstNote } from './first-note';
import { linkMention } from './link-mention';
import { editorLinkRef, LinkFollower, writtenLinkRef, type FollowedLink } from './link-following';
import { NavHistory, type Place } from './nav-history';
import { NewNotes } from '../pickers/new-notes';
import { OpenNote } from './open-note';
import { isOwnSave, openNoteEffect, removedElsewhere } from './open-note-events';
import { revealAnchor, type OpenOptions } from './open-options';
import { LARGE_NOTE_NO_READING, ReadingMode } from '../reading/reading-mode';
import { notesRenamed, noteOpened } from './recent-notes';
import { SavedTabs, type SavedPanes } from './saved-tabs';
import { TabBar } from './tab-bar';
import { TabsModel } from './tabs-model';
import { VaultChangeBurst, type VaultChange } from './vault-change';
import { VaultPreferences } from './vault-preferences';
import { VaultFileList } from '../file-tree/vault-file-list';

export type { OpenOptions, Reveal } from './open-options';
export type { VaultChange } from './vault-change';

export type WorkspaceElements = {
  tree: HTMLElement;
  editor: HTMLElement;
  title: HTMLElement;
  empty: HTMLElement;
  vaultName: HTMLElement;
  tabs: HTMLElement;
  reading: HTMLElement;
  /** Live Preview / Source, and Reading / Editing. */
  viewButtons: ViewButtons;
  panes?: SavedPanes; // the side panes' widths, saved with the tabs
};

/**
 * The open vault in the window: the note in the editor (or reading view) and its autosave, the
 * tabs and the back/forward history, kept in step with changes from disk and from other windows.
 * The file list, file actions, new notes, links and the disk merge live in files of their own.
 */
export class Workspace {
  private readonly editor: NoteEditor;
  /** The note in the editor and its autosave. */
  private readonly note: OpenNote;
  private readonly tree: FileTree;
  private readonly files: VaultFileList;
  private readonly actions: FileActions;
  private readonly noteCreation: NewNotes;
  /** The vault's settings over app.json's: line breaks, how notes open, where new notes go. */
  readonly preferences: VaultPreferences;
  private readonly links: LinkFollower;
  private readonly disk: DiskSync;
  private readonly changes: VaultChangeBurst;
  private lastNoteKey = 'plexus:last-note';
  private readonly tabs = new TabsModel();
  private readonly tabBar: TabBar;
  private readonly history = new NavHistory();
  private readonly savedTabs: SavedTabs;
  private readonly reading: ReadingView;
  private readonly mode: ReadingMode;
  private readonly view: ViewSwitch;
  private host: 'electron' | 'browser' = 'browser';
  private readonly syncBanner: SyncConflictBanner;
  /** Recently opened notes, most recent first: completion and the switcher rank them higher. */
  readonly recent: string[] = [];
  private readonly vaultChanged = new Emitter<VaultChange>();
  private readonly activeChanged = new Emitter<string | null>();
  /** Fires after files change on disk or in the app (search results and link panes go stale). */
  readonly onVaultChanged = this.vaultChanged.event;
  /** Fires when another note comes to the front (or none: null). */
  readonly onActiveChanged = this.activeChanged.event;
  private readonly tagClicked = new Emitter<string>();
  /** Fires when a tag is clicked in the editor or in rendered markdown (its text without `#`). */
  readonly onTag = this.tagClicked.event;

  constructor(
    private readonly api: PlexusClient,
    private readonly el: WorkspaceElements,
    private readonly status: StatusBar,
  ) {
    const linkHost: LinkHost = {
      api,
      host: () => this.host,
      currentPath: () => this.editor.currentPath,
      currentText: () => this.editor.text,
      recent: this.recent,
      strictLineBreaks: () => this.preferences.strictLineBreaks,
      // A link clicked in rendered markdown, as written (`note`, `note#h`, `#^block`).
      followWritten: (target, follow) =>
        this.activePath && void this.followLink(writtenLinkRef(target, follow), this.activePath, follow.newTab),
      followEditorLink: (link, newTab) => {
        const from = this.editor.currentPath;
        if (from !== null) void this.followLink(editorLinkRef(link), from, newTab);
      },
      openTag: (tag) => this.tagClicked.fire(tag),
    };
    const render = renderOptions(linkHost);
    // A box ticked in the reading view: the note's text follows, and shows again.
    const onToggleTask = (line: number, on: boolean) => {
      tickTask(this.editor, this.note.autosave?.readOnly ?? false, line, on);
      if (this.activePath) void this.reading.show(this.activePath, this.editor.text);
    };
    this.reading = new ReadingView(el.reading, { ...render, onToggleTask });
    this.editor = new NoteEditor(
      el.editor,
      () => this.note.autosave?.edited(),
      linkExtensions(linkHost, render),
      livePreviewExtensions(linkHost, render),
    );
    this.note = new OpenNote(api, this.editor, {
      showSave: (state) => this.showSave(state),
      reload: () => void this.disk.reload(),
    });
    this.mode = new ReadingMode(el, this.editor, this.reading, () => this.activePath);
    this.view = new ViewSwitch(this.editor, this.mode, el.viewButtons, () => this.savedTabs.saveSoon());
    this.savedTabs = new SavedTabs(api, this.tabs, (tabs) => this.view.saved(tabs), el.panes);
    this.syncBanner = new SyncConflictBanner((path) => void this.open(path, { newTab: true }));
    el.editor.before(this.syncBanner.element);
    this.tabBar = new TabBar(el.tabs, {
      activate: (path) => void this.open(path),
      close: (path) => void this.closeTab(path),
    });
    this.files = new VaultFileList(
      () => api.listFiles({}),
      (files) => {
        this.tree.setEntries(files);
        this.showSyncConflicts();
      },
    );
    this.actions = new FileActions({
      api,
      files: this.files,
      autosave: () => this.note.autosave,
      open: (path) => this.open(path),
      closeEditor: () => this.note.close(),
      followRename: (from, to) => this.followRename(from, to),
      forget: (path, wasOpen) => this.forget(path, wasOpen),
    });
    this.tree = new FileTree(el.tree, {
      open: (path, newTab) => void this.open(path, { newTab }),
      create: (folder, name, kind) => this.actions.create(folder, name, kind),
      rename: (path, name) => this.actions.rename(path, name),
      trash: (path) => void this.actions.trash(path),
      move: (path, folder) => void this.moveTo(path, joinPath(folder, baseName(path))).catch(() => undefined),
    });
    this.noteCreation = new NewNotes({
      api,
      files: this.files,
      tree: this.tree,
      activePath: () => this.activePath,
      open: (path, options) => this.open(path, options),
    });
    this.preferences = new VaultPreferences(this.noteCreation, {
      setDefaultEditing: (mode) => (this.view.defaultEditing = mode),
      redraw: async () => {
        if (this.mode.reads && this.activePath) await this.reading.show(this.activePath, this.editor.text);
      },
    });
    this.links = new LinkFollower({
      api,
      files: this.files,
      newNotes: this.noteCreation,
      open: (path, options) => this.open(path, options),
    });
    this.disk = new DiskSync({
      api,
      editor: this.editor,
      autosave: () => this.note.autosave,
      load: (note) => this.note.load(note),
      showReloaded: (path, replaced) => this.mode.showReloaded(path, replaced),
      refresh: () => this.files.refresh(),
    });
    this.changes = new VaultChangeBurst((change) => {
      this.editor.view.dispatch({ effects: refreshLinks.of(null) });
      this.vaultChanged.fire(change);
    });
    api.onEvent((event) => {
      if (event.topic === 'files') void this.onFilesEvent(event.event);
      else if (event.topic === 'index') this.status.showIndex(event.status);
      else this.run(event.command);
    });
  }

  /** Notes asked for since the window started: the first note waits for none of them. */
  private opening = 0;
  private lastOpen: Promise<unknown> = Promise.resolve();

  async start(): Promise<void> {
    const info = await this.api.vaultInfo({});
    this.host = info.host;
    this.el.vaultName.textContent = info.name;
    this.el.vaultName.title = info.root;
    document.title = `${info.name} — Plexus`;
    this.lastNoteKey = `plexus:last-note:${info.root}`;
    // Asked together, so that nothing waits between the tree showing and the first note opening.
    const [, , saved] = await Promise.all([
      this.files.refresh(),
      this.preferences.load(info.obsidian ?? {}),
      this.api.loadWorkspace({}).catch(() => null),
    ]);
    void this.api.indexStatus({}).then(
      (report) => this.status.showIndex(report),
      () => undefined,
    );
    // A note opened from the tree while the app started (even one still loading) is the one in front.
    if (this.activePath !== null || this.opening > 0) return;
    const notes = this.files.notes;
    const exists = new Set(notes.map((f) => f.path));
    if (saved) {
      this.view.restore(saved.views);
      const tabs = saved.tabs.filter((path) => exists.has(path));
      this.tabs.restore(tabs, saved.active !== null && exists.has(saved.active) ? saved.active : null);
    }
    const first = firstNote(notes, this.tabs.active, localStorage.getItem(this.lastNoteKey));
    if (first) await this.open(first, { history: false });
    else this.renderTabs();
  }

  /** The note in front, if any. */
  get activePath(): string | null {
    return this.note.path;
  }

  /** Runs a command from the menu or a shortcut. */
  run(command: AppCommand): void {
    if (command === 'new-note') void this.noteCreation.start();
    else if (command === 'new-folder') this.tree.startCreate('folder');
    else void this.note.autosave?.flush();
  }

  /** Follows the link under the editor's cursor (the palette's way to Mod-Enter). */
  followAtCursor(newTab: boolean): void {
    (newTab ? followLinkAtCursorInNewTab : followLinkAtCursor)(this.editor.view);
  }

  /** The vault's folders, as last listed. */
  get folders(): string[] {
    return this.files.folders;
  }

  /** Starts renaming the open note in the file tree (F2 there, or the command palette). */
  renameActive(): void {
    const path = this.activePath;
    if (path) this.tree.startRename(path);
  }

  /** Creates a note named as typed in the quick switcher (where the settings put new notes) and opens it. */
  createNamed(name: string, newTab = false): Promise<void> {
    return this.noteCreation.createNamed(name, newTab);
  }

  /** Renames or moves a note or folder, rewriting every link to it (the engine does it all or nothing). */
  moveTo(path: string, to: string): Promise<void> {
    return this.actions.moveTo(path, to);
  }

  /** Saves the open note now (closing, hiding). */
  flush(): Promise<void> {
    return this.note.autosave?.flush() ?? Promise.resolve();
  }

  get hasUnsavedChanges(): boolean {
    return this.note.autosave?.dirty ?? false;
  }

  /** Shows a note: in the active tab's place, or a new tab; optionally at a heading, block or match. */
  open(path: string, options: OpenOptions = {}): Promise<void> {
    const opened = this.openNow(path, options);
    this.lastOpen = opened.catch(() => undefined);
    return opened;
  }

  private async openNow(path: string, options: OpenOptions): Promise<void> {
    if (!isNote(path)) {
      notify(`"${baseName(path)}" is not a note; Plexus opens .md files.`);
      return;
    }
    this.opening++;
    await this.preferences.ready; // how it opens (Live Preview or Source) is a setting
    const leaving = this.note.here();
    if (path !== this.editor.currentPath) {
      if (!(await this.note.leave())) return;
      try {
        this.note.load(await this.api.readNote({ path }));
      } catch (error) {
        notify(errorMessage(error), 'error');
        return;
      }
      if (options.history !== false && leaving) this.history.visit(leaving);
      const wasOpen = this.tabs.tabs.includes(path);
      const replaced = !options.newTab && !wasOpen ? this.tabs.active : null;
      this.tabs.open(path, { replace: !options.newTab && !wasOpen });
      if (replaced !== null) this.view.carry(replaced, path, wasOpen);
      this.showOpen(path);
      localStorage.setItem(this.lastNoteKey, path);
      noteOpened(this.recent, path);
      this.savedTabs.saveSoon();
    }
    const largeForReading = this.view.readingWanted(path) && this.editor.openMode.plain;
    this.view.apply(path);
    if (largeForReading) notify(LARGE_NOTE_NO_READING);
    if (this.mode.reads) {
      const reveal = options.reveal;
      // A match from search is selected in the editor; headings and blocks show where they are.
      if (!reveal || !('offset' in reveal)) {
        await this.reading.show(path, this.editor.text);
        if (reveal && !this.reading.reveal('heading' in reveal ? { heading: reveal.heading.join('#') } : reveal))
          notify(`That ${'heading' in reveal ? 'heading' : 'block'} is not in "${baseName(path)}".`);
        return;
      }
      this.mode.set('edit');
      this.view.readingChanged(path);
    }
    const anchor = options.reveal ? revealAnchor(this.editor.text, options.reveal) : null;
    if (anchor) this.editor.select(anchor.from, anchor.to);
    else if (options.reveal && !('offset' in options.reveal))
      notify(`That ${'heading' in options.reveal ? 'heading' : 'block'} is not in "${baseName(path)}".`);
    // Never steal focus from a name being typed in the tree (its blur would commit the name).
    else if (!(document.activeElement instanceof HTMLInputElement)) this.editor.focus();
  }

  /** Follows a link written in `from`: opens its note (at its heading or block), or creates it. */
  followLink(link: FollowedLink | Pick<LinkRef, 'target' | 'headings' | 'block'>, from: string, newTab = false) {
    return this.links.follow(link, from, newTab);
  }

  /** Turns a plain-text mention into a link to `target` (see link-mention.ts). */
  linkMention(mention: Mention, target: string): Promise<void> {
    return linkMention(this.api, () => this.flush(), mention, target);
  }

  /** Switches between editing the source and reading it rendered (Ctrl/Cmd+E). */
  async toggleReading(): Promise<void> {
    await this.lastOpen; // a note still opening is the one the switch is for
    const path = this.activePath;
    if (!(await this.mode.toggle())) notify(LARGE_NOTE_NO_READING);
    if (path) this.view.readingChanged(path);
  }

  /** Switches the note in front between Live Preview and Source mode (from reading, to editing). */
  toggleSource(): void {
    if (this.activePath) this.view.toggleSource(this.activePath);
  }

  async back(): Promise<void> {
    await this.goTo(this.history.goBack(this.note.here()));
  }

  async forward(): Promise<void> {
    await this.goTo(this.history.goForward(this.note.here()));
  }

  /** Returns to a place from history: the cursor where it was (reading view stays reading). */
  private async goTo(place: Place | null): Promise<void> {
    if (!place) return;
    const reveal = !this.mode.reads ? { offset: place.offset, length: 0 } : undefined;
    await this.open(place.path, { history: false, reveal });
  }

  async closeTab(path: string): Promise<void> {
    if (path === this.activePath) {
      if (!(await this.note.leave())) return;
      this.tabs.close(path);
      const next = this.tabs.active;
      this.note.close();
      if (next) await this.open(next, { history: false });
      else this.showOpen(null);
    } else {
      this.tabs.close(path);
      this.renderTabs();
    }
    this.savedTabs.saveSoon();
  }

  async reopenClosedTab(): Promise<void> {
    const path = this.tabs.reopenClosed();
    if (path) await this.open(path, { history: false });
  }

  async cycleTab(offset: number): Promise<void> {
    const path = this.tabs.neighbour(offset);
    if (path) await this.open(path, { history: false });
  }

  private renderTabs(): void {
    const dirty = new Set<string>();
    if (this.note.autosave?.dirty) dirty.add(this.note.autosave.path);
    this.tabBar.render(this.tabs.tabs, this.tabs.active, dirty);
  }

  /** Lists the vault again and tells every pane: events sent while the connection was down are lost. */
  resync(): void {
    void this.files.refresh().catch(() => undefined);
    this.changes.add(false);
  }

  /** Sync tools' conflict copies of the open note (`note.sync-conflict-….md`, `note (conflicted copy …).md`). */
  private showSyncConflicts(): void {
    const path = this.activePath;
    this.syncBanner.show(path ? conflictCopiesOf(path, this.files.filePaths) : []);
  }

  /** Opens the "File recovery" dialog for the open note: earlier versions, a diff, Restore. */
  showRecovery(): Promise<void> {
    const restore = (text: string) => this.note.replaceText(text);
    return showRecoveryFor(this.activePath, { api: this.api, currentText: () => this.editor.text, restore });
  }

  /** A note or folder is gone: its tabs and history go; another tab comes to the front. */
  private forget(path: string, wasOpen: boolean): void {
    this.tabs.removed(path);
    this.history.removed(path);
    this.savedTabs.saveSoon();
    const next = this.tabs.active;
    if (wasOpen && next) void this.open(next, { history: false });
    else if (wasOpen) this.showOpen(null);
    else this.renderTabs();
  }

  private async onFilesEvent(event: FilesEvent): Promise<void> {
    this.files.apply(event);
    const open = this.note.autosave;
    this.changes.add(isOwnSave(event, open?.path ?? null));
    const removed = removedElsewhere(event, open?.path ?? null);
    if (removed !== null) {
      this.tabs.removed(removed);
      this.history.removed(removed);
      this.renderTabs();
    }
    const effect = openNoteEffect(event, open);
    if (effect.kind === 'renamed') this.followRename(effect.from, effect.to);
    else if (!open) return;
    else if (effect.kind === 'deleted') this.disk.deleted(open);
    else if (effect.kind === 'became-folder') this.disk.becameFolder(open);
    else if (effect.kind === 'reload') await this.disk.reload(effect.version);
  }

  private followRename(from: string, to: string): void {
    this.editor.renamed(from, to);
    this.view.renamed(from, to);
    this.tabs.renamed(from, to);
    this.history.renamed(from, to);
    notesRenamed(this.recent, from, to);
    this.savedTabs.saveSoon();
    this.renderTabs();
    const open = this.note.autosave;
    if (open && isWithin(open.path, from)) {
      open.path = to + open.path.slice(from.length);
      this.showOpen(open.path);
      localStorage.setItem(this.lastNoteKey, open.path);
    }
  }

  private showOpen(path: string | null): void {
    this.showSyncConflicts();
    this.el.title.textContent = path ? displayName({ name: baseName(path), kind: 'file' }) : '';
    this.el.title.title = path ?? '';
    this.el.empty.hidden = path !== null;
    this.mode.reapply();
    this.view.show(path);
    this.tree.setActive(path);
    this.renderTabs();
    this.activeChanged.fire(path);
    if (!path) this.status.showSave(null);
  }

  private showSave(state: SaveState): void {
    this.renderTabs();
    this.status.showSave(state, {
      keepMine: () => void this.disk.resolve('mine'),
      useDisk: () => void this.disk.resolve('disk'),
    });
  }
}
