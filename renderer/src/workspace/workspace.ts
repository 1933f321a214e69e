import type {
  AppCommand,
  FileEntry,
  FilesEvent,
  Mention,
  NewNotesSetting,
  NoteContent,
  RenameReport,
  VaultSettings,
} from '../../../shared/api';
import type { PlexusClient } from '../../../shared/client';
import type { LinkRef, NoteMeta } from '../../../shared/note-meta';
import { baseName, isWithin, joinPath, parentPath } from '../../../shared/paths';
import { Autosave, saveNotice, type SaveState, type TextSource } from '../saving/autosave';
import { applyFilesEvent, replayOnto } from '../file-tree/file-list';
import { FileTree } from '../file-tree/file-tree';
import { displayName, isNote } from '../file-tree/file-tree-model';
import { NavHistory, type Place } from './nav-history';
import { findBlock, findHeading, type Anchor } from '../editor/note-anchors';
import { isLargeNote, NoteEditor } from '../editor/note-editor';
import { vaultFileKey } from '../transport/connect';
import { VAULT_FILE_SCHEME, vaultFileUrl } from '../../../shared/vault-file-url';
import { notify } from '../chrome/notices';
import { describeNewNotes, newNoteFolder, newNotePath } from '../pickers/new-note-path';
import { DEFAULT_SETTINGS } from '../../../shared/vault-settings';
import type { StatusBar } from '../chrome/status-bar';
import { Prec, Text } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import type { EditorLink } from '../editor/editor-link';
import { linkPreview, type PreviewOptions } from '../editor/hover-preview';
import { linkCompletion } from '../editor/link-completion';
import {
  followLinkAtCursor,
  followLinkAtCursorInNewTab,
  linkDecorations,
  refreshLinks,
} from '../editor/link-decorations';
import { ReadingView } from '../reading/reading-view';
import { RenderClient } from '../reading/render-client';
import { TabBar } from './tab-bar';
import { TabsModel } from './tabs-model';
import { PlexusError } from '../../../shared/errors';
import { conflictCopiesOf } from '../../../shared/sync-conflicts';
import {
  conflictMarkers,
  hasOpenConflicts,
  remergeInputs,
  resolveAllSpec,
  setConflicts,
  trackConflicts,
} from '../saving/conflict-markers';
import { openRecovery } from '../saving/recovery-dialog';
import { SyncConflictBanner } from '../saving/sync-conflict-banner';
import { threeWayMerge } from '../saving/three-way-merge';
import { wikiLinkText } from '../../../shared/wiki-link-text';

/** Where to put the cursor in a note being opened. */
export type Reveal = { offset: number; length: number } | { heading: string[] } | { block: string };

export type OpenOptions = {
  /** Open in a new tab rather than in the active tab's place. */
  newTab?: boolean;
  reveal?: Reveal;
  /** Record the place left in the back/forward history (default true). */
  history?: boolean;
};

const SAVE_STATE_DELAY_MS = 500;
/** How much of a large note a hover preview or an embed renders. */
const PREVIEW_CHARS = 200_000;
const LARGE_NOTE_NOTICE = 'Large note: plain-text mode (no markdown highlighting, link previews or completion).';
const LARGE_NOTE_NO_READING =
  'Large note: the reading view is off for notes this large, so it stays in plain-text editing.';

export type WorkspaceElements = {
  tree: HTMLElement;
  editor: HTMLElement;
  title: HTMLElement;
  empty: HTMLElement;
  vaultName: HTMLElement;
  tabs: HTMLElement;
  reading: HTMLElement;
};

/** Opens an http(s) or mailto link outside the app (the desktop app hands it to the OS browser). */
export function openExternal(url: string): void {
  if (/^(https?:|mailto:)/i.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
}

/** What a burst of file events may have changed, for the panes to judge whether to fetch again. */
export type VaultChange = {
  /**
   * Only the open note was saved, by this window: what the other notes hold, and which files
   * exist, are as they were (a pane of the vault-wide text, like unlinked mentions, need not look again).
   */
  ownSavesOnly: boolean;
};

/**
 * The open vault in the window: the file tree, the note in the editor and its autosave, kept in
 * step with changes from disk and from other windows.
 */
export class Workspace {
  /** The vault's files: listed at start (and when an event cannot be applied), then kept from events. */
  private files: FileEntry[] = [];
  /** Events that arrive while a listing is under way, replayed onto it (it may predate them). */
  private readonly sinceListing = new Set<FilesEvent[]>();
  private treeTimer: ReturnType<typeof setTimeout> | null = null;
  /** What the file events since the panes were last told may have changed. */
  private change: VaultChange | null = null;
  private autosave: Autosave | null = null;
  private readonly editor: NoteEditor;
  private readonly tree: FileTree;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private lastNoteKey = 'plexus:last-note';
  private readonly tabs = new TabsModel();
  private readonly tabBar: TabBar;
  private readonly history = new NavHistory();
  private readonly reading: ReadingView;
  private host: 'electron' | 'browser' = 'browser';
  /** Reading view (rendered) or editing (source); toggled with Ctrl/Cmd+E. */
  private mode: 'edit' | 'read' = 'edit';
  private stateTimer: ReturnType<typeof setTimeout> | null = null;
  private changedTimer: ReturnType<typeof setTimeout> | null = null;
  /** Changes from disk are merged one at a time. */
  private reloading: Promise<void> = Promise.resolve();
  private readonly syncBanner: SyncConflictBanner;
  /** The vault's settings (where new notes go), read at start and changed through setNewNotes. */
  private settings: VaultSettings = DEFAULT_SETTINGS;
  /** Recently opened notes, most recent first: completion and the switcher rank them higher. */
  readonly recent: string[] = [];
  /** Called after files change on disk or in the app (search results and link panes go stale). */
  onVaultChanged: (change: VaultChange) => void = () => undefined;
  /** Called when another note comes to the front (or none: null). */
  onActiveChanged: (path: string | null) => void = () => undefined;

  constructor(
    private readonly api: PlexusClient,
    private readonly el: WorkspaceElements,
    private readonly status: StatusBar,
  ) {
    // Rendering runs in a worker, with a time budget: pathological markdown cannot freeze the window.
    const renderer = new RenderClient();
    const render: PreviewOptions = {
      render: (text, options, signal) => renderer.render(text, options, signal),
      resolve: (targets, from) => api.resolveLinks({ from, targets }),
      loadNote: (target, from) => this.loadLinked(target, from),
      imageUrl: (path) => vaultFileUrl(path, { host: this.host, key: vaultFileKey() }),
      imageProtocols: [VAULT_FILE_SCHEME],
      onFollow: (target, follow) => void this.followWritten(target, follow),
      onExternal: openExternal,
    };
    this.reading = new ReadingView(el.reading, {
      ...render,
      onFollow: (target, follow) => void this.followWritten(target, follow),
      onExternal: openExternal,
    });
    this.editor = new NoteEditor(el.editor, () => this.autosave?.edited(), [
      linkPreview({ ...render, path: () => this.editor.currentPath ?? '' }),
      linkCompletion({
        suggest: (query) => api.suggestNotes({ query, limit: 30, recent: this.recent }),
        headings: async (target) => (await this.metaOf(target))?.headings.map((h) => h.text) ?? [],
        blocks: async (target) => (await this.metaOf(target))?.blocks.map((b) => b.id) ?? [],
        currentPath: () => this.editor.currentPath,
      }),
      linkDecorations({
        resolve: (targets) => {
          const from = this.editor.currentPath;
          // No note known yet: "unknown" (asked again later), never a cached "unresolved".
          return from ? api.resolveLinks({ from, targets }) : Promise.reject(new Error('No note is open.'));
        },
        onFollow: (link, newTab) => void this.followEditorLink(link, newTab),
        onExternal: openExternal,
      }),
      conflictMarkers(),
      // Above the default keymap, which binds Mod-Enter to inserting a blank line.
      Prec.high(
        keymap.of([
          { key: 'Mod-Enter', run: followLinkAtCursor },
          { key: 'Mod-Shift-Enter', run: followLinkAtCursorInNewTab },
        ]),
      ),
    ]);
    this.syncBanner = new SyncConflictBanner((path) => void this.open(path, { newTab: true }));
    el.editor.before(this.syncBanner.element);
    this.tabBar = new TabBar(el.tabs, {
      activate: (path) => void this.open(path),
      close: (path) => void this.closeTab(path),
    });
    this.tree = new FileTree(el.tree, {
      open: (path, newTab) => void this.open(path, { newTab }),
      create: (folder, name, kind) => this.create(folder, name, kind),
      rename: (path, name) => this.rename(path, name),
      trash: (path) => void this.trash(path),
      move: (path, folder) => void this.moveTo(path, joinPath(folder, baseName(path))).catch(() => undefined),
    });
    api.onEvent((event) => {
      if (event.topic === 'files') void this.onFilesEvent(event.event);
      else if (event.topic === 'index') this.status.showIndex(event.status);
      else this.run(event.command);
    });
  }

  async start(): Promise<void> {
    const info = await this.api.vaultInfo({});
    this.host = info.host;
    this.el.vaultName.textContent = info.name;
    this.el.vaultName.title = info.root;
    document.title = `${info.name} — Plexus`;
    this.lastNoteKey = `plexus:last-note:${info.root}`;
    // Asked together, so that nothing waits between the tree showing and the first note opening.
    const [, settings, saved] = await Promise.all([
      this.refresh(),
      this.api.getSettings({}).catch(() => DEFAULT_SETTINGS),
      this.api.loadWorkspace({}).catch(() => null),
    ]);
    this.settings = settings;
    void this.api.indexStatus({}).then(
      (report) => this.status.showIndex(report),
      () => undefined,
    );
    // A note opened from the tree while the app started is the one in front.
    if (this.activePath !== null) return;
    const notes = this.files.filter((f) => f.kind === 'file' && isNote(f.path));
    const exists = new Set(notes.map((f) => f.path));
    if (saved) {
      const tabs = saved.tabs.filter((path) => exists.has(path));
      this.tabs.restore(tabs, saved.active !== null && exists.has(saved.active) ? saved.active : null);
    }
    const last = localStorage.getItem(this.lastNoteKey);
    const first =
      this.tabs.active ??
      notes.find((f) => f.path === last)?.path ??
      notes.find((f) => /^(start-here|welcome|readme)\.md$/i.test(f.path))?.path ??
      notes[0]?.path;
    if (first) await this.open(first, { history: false });
    else this.renderTabs();
  }

  /** The note in front, if any. */
  get activePath(): string | null {
    return this.autosave?.path ?? null;
  }

  /** Runs a command from the menu or a shortcut. */
  run(command: AppCommand): void {
    if (command === 'new-note') void this.startNewNote();
    else if (command === 'new-folder') this.tree.startCreate('folder');
    else void this.autosave?.flush();
  }

  /** Follows the link under the editor's cursor (the palette's way to Mod-Enter). */
  followAtCursor(newTab: boolean): void {
    (newTab ? followLinkAtCursorInNewTab : followLinkAtCursor)(this.editor.view);
  }

  /** The vault's folders, as last listed. */
  get folders(): string[] {
    return this.files.filter((f) => f.kind === 'folder').map((f) => f.path);
  }

  /** Where new notes go now. */
  get newNotes(): NewNotesSetting {
    return this.settings;
  }

  /** Saves where new notes go, and says so. */
  async setNewNotes(setting: NewNotesSetting): Promise<void> {
    try {
      this.settings = await this.api.setSettings({ settings: setting });
      const where = this.settings.newNotes;
      notify(
        where === 'folder'
          ? `New notes go in "${describeNewNotes(this.settings)}".`
          : `New notes go in ${where === 'vault-root' ? 'the vault root' : 'the same folder as the current note'}.`,
      );
    } catch (error) {
      notify(message(error), 'error');
    }
  }

  /** Starts a new note in the tree: in the selected folder, or where the settings put new notes. */
  private async startNewNote(): Promise<void> {
    if (this.settings.newNotes === 'beside-current') return this.tree.startCreate('file');
    const folder = newNoteFolder({ settings: this.settings, fromPath: this.activePath });
    // The tree names a new note inside its folder's row, so a configured folder must exist first.
    if (folder !== '' && !this.files.some((f) => f.kind === 'folder' && f.path === folder)) {
      try {
        await this.api.createFolder({ path: folder });
        await this.refresh();
      } catch (error) {
        notify(message(error), 'error');
        return;
      }
    }
    this.tree.startCreate('file', folder);
  }

  /** Starts renaming the open note in the file tree (F2 there, or the command palette). */
  renameActive(): void {
    const path = this.activePath;
    if (path) this.tree.startRename(path);
  }

  /** Creates a note named as typed in the quick switcher (where the settings put new notes) and opens it. */
  async createNamed(name: string, newTab = false): Promise<void> {
    const trimmed = name.trim();
    if (!trimmed) return;
    try {
      const path = newNotePath(trimmed, { settings: this.settings, fromPath: this.activePath });
      const created = await this.api.createNote({ path, text: '' });
      await this.refresh();
      await this.open(created.path, { newTab });
    } catch (error) {
      notify(message(error), 'error');
    }
  }

  /** Saves the open note now (closing, hiding). */
  flush(): Promise<void> {
    return this.autosave?.flush() ?? Promise.resolve();
  }

  get hasUnsavedChanges(): boolean {
    return this.autosave?.dirty ?? false;
  }

  /** Shows a note: in the active tab's place, or a new tab; optionally at a heading, block or match. */
  async open(path: string, options: OpenOptions = {}): Promise<void> {
    if (!isNote(path)) {
      notify(`"${baseName(path)}" is not a note; Plexus opens .md files.`);
      return;
    }
    const leaving = this.here();
    if (path !== this.editor.currentPath) {
      if (!(await this.leaveCurrent())) return;
      try {
        this.load(await this.api.readNote({ path }));
      } catch (error) {
        notify(message(error), 'error');
        return;
      }
      if (options.history !== false && leaving) this.history.visit(leaving);
      this.tabs.open(path, { replace: !options.newTab && !this.tabs.tabs.includes(path) });
      this.showOpen(path);
      localStorage.setItem(this.lastNoteKey, path);
      this.recent.splice(0, this.recent.length, path, ...this.recent.filter((p) => p !== path).slice(0, 19));
      this.saveStateSoon();
    }
    if (this.mode === 'read' && this.editor.openMode.plain) {
      notify(LARGE_NOTE_NO_READING);
      this.setMode('edit');
    }
    if (this.mode === 'read') {
      const reveal = options.reveal;
      // A match from search is selected in the editor; headings and blocks show where they are.
      if (!reveal || !('offset' in reveal)) {
        await this.reading.show(path, this.editor.text);
        if (reveal && !this.reading.reveal('heading' in reveal ? { heading: reveal.heading.join('#') } : reveal))
          notify(`That ${'heading' in reveal ? 'heading' : 'block'} is not in "${baseName(path)}".`);
        return;
      }
      this.setMode('edit');
    }
    const anchor = options.reveal ? this.anchorFor(options.reveal) : null;
    if (anchor) this.editor.select(anchor.from, anchor.to);
    else if (options.reveal && !('offset' in options.reveal))
      notify(`That ${'heading' in options.reveal ? 'heading' : 'block'} is not in "${baseName(path)}".`);
    // Never steal focus from a name being typed in the tree (its blur would commit the name).
    else if (!(document.activeElement instanceof HTMLInputElement)) this.editor.focus();
  }

  /** Follows a link written in `from`: opens its note (at its heading or block), or creates it. */
  async followLink(link: Pick<LinkRef, 'target' | 'headings' | 'block'>, from: string, newTab = false): Promise<void> {
    const reveal: Reveal | undefined = link.block
      ? { block: link.block }
      : link.headings.length > 0
        ? { heading: link.headings }
        : undefined;
    if (link.target === '') return this.open(from, { reveal });
    try {
      const [resolved] = await this.api.resolveLinks({ from, targets: [link.target] });
      if (resolved) return await this.open(resolved, { newTab, reveal });
      const path = newNotePath(link.target, { settings: this.settings, fromPath: from });
      const created = await this.api.createNote({ path, text: '' });
      notify(`Created "${created.path}".`);
      await this.refresh();
      await this.open(created.path, { newTab });
    } catch (error) {
      notify(message(error), 'error');
    }
  }

  /**
   * Turns a plain-text mention into `[[file-name|mention]]` (`\|` in a table row; the visible
   * text stays), written against the version just read so a note changed meanwhile is never
   * overwritten.
   */
  async linkMention(mention: Mention, target: string): Promise<void> {
    try {
      await this.autosave?.flush();
      const note = await this.api.readNote({ path: mention.source });
      if (note.readOnly) {
        notify(`"${baseName(mention.source)}" is read-only: ${note.readOnly.reason}`, 'error');
        return;
      }
      if (note.text.slice(mention.start, mention.end) !== mention.matched) {
        notify(`"${baseName(mention.source)}" changed since the mention was found; look again.`, 'error');
        return;
      }
      const name = baseName(target).replace(/\.md$/i, '');
      const [resolved] = await this.api.resolveLinks({ from: mention.source, targets: [name] });
      const linkTarget = resolved === target ? name : target.replace(/\.md$/i, '');
      const link = wikiLinkText(linkTarget, mention.matched, mention.tableRow);
      const text = note.text.slice(0, mention.start) + link + note.text.slice(mention.end);
      await this.api.writeNote({ path: mention.source, text, baseVersion: note.version });
    } catch (error) {
      notify(message(error), 'error');
    }
  }

  /** Switches between editing the source and reading it rendered (Ctrl/Cmd+E). */
  async toggleReading(): Promise<void> {
    if (this.mode === 'edit' && this.editor.openMode.plain) return notify(LARGE_NOTE_NO_READING);
    this.setMode(this.mode === 'edit' ? 'read' : 'edit');
    if (this.mode === 'read' && this.activePath) await this.reading.show(this.activePath, this.editor.text);
    else if (this.activePath) this.editor.focus();
  }

  get readingMode(): boolean {
    return this.mode === 'read';
  }

  private setMode(mode: 'edit' | 'read'): void {
    this.mode = mode;
    const open = this.activePath !== null;
    this.el.editor.hidden = !open || mode === 'read';
    this.el.reading.hidden = !open || mode === 'edit';
    document.body.dataset.mode = mode;
  }

  /** The index's facts about the note `target` leads to from the open note (null: the open note). */
  private async metaOf(target: string | null): Promise<NoteMeta | null> {
    const from = this.editor.currentPath;
    if (from === null) return null;
    const [path] = target === null ? [from] : await this.api.resolveLinks({ from, targets: [target] });
    return path ? this.api.noteMeta({ path }).catch(() => null) : null;
  }

  private followEditorLink(link: EditorLink, newTab: boolean): Promise<void> {
    const from = this.editor.currentPath;
    if (from === null) return Promise.resolve();
    const headings = link.heading ? link.heading.split('#').filter(Boolean) : [];
    return this.followLink({ target: link.target, headings, block: link.block }, from, newTab);
  }

  /** A linked note's text for embeds and previews; null when the link leads nowhere or to no note. */
  private async loadLinked(target: string, from: string): Promise<{ path: string; text: string } | null> {
    const [path] = await this.api.resolveLinks({ from, targets: [target] });
    if (!path || !isNote(path)) return null;
    // The open note is previewed as typed, not as last saved.
    const note =
      path === this.editor.currentPath
        ? { path, text: this.editor.text }
        : await this.api.readNote({ path }).catch(() => null);
    // Rendering megabytes of markdown in a preview would freeze the window: the start is enough.
    return note && { path: note.path, text: isLargeNote(note.text) ? note.text.slice(0, PREVIEW_CHARS) : note.text };
  }

  /** Follows a link clicked in rendered markdown, as written (`note`, `note#h`, `#^block`). */
  private followWritten(target: string, follow: { heading: string | null; block: string | null; newTab: boolean }) {
    const from = this.activePath;
    if (from === null) return Promise.resolve();
    const headings = follow.heading ? follow.heading.split('#').filter(Boolean) : [];
    return this.followLink({ target, headings, block: follow.block }, from, follow.newTab);
  }

  async back(): Promise<void> {
    await this.goTo(this.history.goBack(this.here()));
  }

  async forward(): Promise<void> {
    await this.goTo(this.history.goForward(this.here()));
  }

  /** Returns to a place from history: the cursor where it was (reading view stays reading). */
  private async goTo(place: Place | null): Promise<void> {
    if (!place) return;
    const reveal = this.mode === 'edit' ? { offset: place.offset, length: 0 } : undefined;
    await this.open(place.path, { history: false, reveal });
  }

  /**
   * Puts a note read from disk in the editor, with its autosave. A large note opens in plain mode;
   * a read-only one (not UTF-8) cannot be edited and its autosave never writes.
   */
  private load(note: NoteContent): void {
    const plain = isLargeNote(note.text);
    this.editor.open(note.path, note.text, { plain, readOnly: note.readOnly });
    this.autosave?.dispose();
    const autosave = new Autosave(
      this.api,
      note.path,
      note.version,
      note.text,
      this.editorSource(note.text),
      (s) => this.showSave(s),
      () => void this.reloadFromDisk(),
      (reason) => {
        const notice = saveNotice(autosave.path, reason);
        notify(notice.message, notice.kind);
      },
    );
    this.autosave = autosave;
    if (note.readOnly) this.autosave.makeReadOnly(note.readOnly.reason);
    this.showSave(this.autosave.status);
    if (note.readOnly) notify(note.readOnly.reason, 'error');
    if (plain) notify(LARGE_NOTE_NOTICE);
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

  async closeTab(path: string): Promise<void> {
    if (path === this.activePath) {
      if (!(await this.leaveCurrent())) return;
      this.tabs.close(path);
      const next = this.tabs.active;
      this.autosave?.dispose();
      this.autosave = null;
      this.editor.close();
      if (next) await this.open(next, { history: false });
      else this.showOpen(null);
    } else {
      this.tabs.close(path);
      this.renderTabs();
    }
    this.saveStateSoon();
  }

  async reopenClosedTab(): Promise<void> {
    const path = this.tabs.reopenClosed();
    if (path) await this.open(path, { history: false });
  }

  async cycleTab(offset: number): Promise<void> {
    const path = this.tabs.neighbour(offset);
    if (path) await this.open(path, { history: false });
  }

  /** Saves the note being left; false when it has edits that could not be saved. */
  private async leaveCurrent(): Promise<boolean> {
    if (!this.autosave) return true;
    await this.autosave.flush();
    if (!this.autosave.dirty) return true;
    notify(
      `"${baseName(this.autosave.path)}" has unsaved changes that could not be saved; resolve that first.`,
      'error',
    );
    return false;
  }

  private here(): Place | null {
    const path = this.editor.currentPath;
    return path ? { path, offset: this.editor.cursor } : null;
  }

  private anchorFor(reveal: Reveal): Anchor | null {
    if ('offset' in reveal) return { from: reveal.offset, to: reveal.offset + reveal.length };
    return 'heading' in reveal
      ? findHeading(this.editor.text, reveal.heading)
      : findBlock(this.editor.text, reveal.block);
  }

  private renderTabs(): void {
    const dirty = new Set<string>();
    if (this.autosave?.dirty) dirty.add(this.autosave.path);
    this.tabBar.render(this.tabs.tabs, this.tabs.active, dirty);
  }

  private saveStateSoon(): void {
    if (this.stateTimer) clearTimeout(this.stateTimer);
    this.stateTimer = setTimeout(() => {
      this.stateTimer = null;
      void this.api
        .saveWorkspace({ state: { tabs: [...this.tabs.tabs], active: this.tabs.active } })
        .catch(() => undefined);
    }, SAVE_STATE_DELAY_MS);
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
    await this.moveTo(path, joinPath(parentPath(path), keepExtension ? `${name}.md` : name));
  }

  /** Renames or moves a note or folder, rewriting every link to it (the engine does it all or nothing). */
  async moveTo(path: string, to: string): Promise<void> {
    try {
      // Every open edit is on disk first: the rename rewrites links in notes, maybe this one.
      await this.autosave?.flush();
      const report = await this.api.rename({ from: path, to });
      this.followRename(path, to);
      await this.refresh();
      this.reportRename(report);
    } catch (error) {
      notify(message(error), 'error');
      throw error;
    }
  }

  /** "Updated 37 links in 12 notes", with Undo while the rename can still be undone. */
  private reportRename(report: RenameReport): void {
    const what =
      report.linksUpdated === 0
        ? `Renamed "${baseName(report.from)}"; no links needed updating.`
        : `Updated ${report.linksUpdated} ${report.linksUpdated === 1 ? 'link' : 'links'} in ${report.notesUpdated} ${report.notesUpdated === 1 ? 'note' : 'notes'}.`;
    const id = report.id;
    notify(
      what,
      'info',
      id
        ? {
            label: 'Undo',
            run: () =>
              void this.api.undoRename({ id }).then(
                async (undone) => {
                  this.followRename(undone.from, undone.to);
                  await this.refresh();
                  notify(`Renamed back to "${baseName(undone.to)}".`);
                },
                (error: unknown) => notify(message(error), 'error'),
              ),
          }
        : undefined,
    );
  }

  private async trash(path: string): Promise<void> {
    const entry = this.files.find((f) => f.path === path);
    const what =
      entry?.kind === 'folder'
        ? `the folder "${baseName(path)}" and everything in it`
        : `"${displayName({ name: baseName(path), kind: 'file' })}"`;
    if (!confirm(`Move ${what} to the trash?`)) return;
    try {
      const wasOpen = this.autosave !== null && isWithin(this.autosave.path, path);
      if (wasOpen) {
        this.autosave?.dispose();
        this.autosave = null;
        this.editor.close();
      }
      await this.api.trash({ path });
      this.forget(path, wasOpen);
      notify(`Moved "${baseName(path)}" to the trash.`);
      await this.refresh();
    } catch (error) {
      notify(message(error), 'error');
    }
  }

  /** Lists the vault again: at start, after the connection comes back, or when an event did not apply. */
  private async refresh(): Promise<void> {
    const seen: FilesEvent[] = [];
    this.sinceListing.add(seen);
    try {
      const files = await this.api.listFiles({});
      const replayed = replayOnto(files, seen);
      this.files = replayed ?? files;
      if (!replayed) this.scheduleRefresh();
    } finally {
      this.sinceListing.delete(seen);
    }
    this.tree.setEntries(this.files);
    this.showSyncConflicts();
  }

  /**
   * Lists the vault again and tells every pane: events sent while the connection was down are lost.
   */
  resync(): void {
    void this.refresh().catch(() => undefined);
    this.vaultChanged(false);
  }

  /** Sync tools' conflict copies of the open note (`note.sync-conflict-….md`, `note (conflicted copy …).md`). */
  private showSyncConflicts(): void {
    const path = this.activePath;
    const files = this.files.filter((f) => f.kind === 'file').map((f) => f.path);
    this.syncBanner.show(path ? conflictCopiesOf(path, files) : []);
  }

  /** Opens the "File recovery" dialog for the open note: earlier versions, a diff, Restore. */
  async showRecovery(): Promise<void> {
    const path = this.activePath;
    if (!path) return notify('Open a note to see its earlier versions.');
    try {
      await openRecovery({
        api: this.api,
        path,
        currentText: () => this.editor.text,
        restore: (text) => this.replaceText(text),
      });
    } catch (error) {
      notify(message(error), 'error');
    }
  }

  /**
   * Replaces the editor's text as an edit of the person's own: undoable, then autosaved. Only the
   * part that differs changes, so the cursor stays put where it can.
   */
  private replaceText(text: string): void {
    if (this.autosave?.readOnly)
      return notify('This note is read-only, so an earlier version cannot be restored into it.', 'error');
    const view = this.editor.view;
    const old = view.state.doc.toString();
    let start = 0;
    while (start < old.length && start < text.length && old[start] === text[start]) start++;
    let endOld = old.length;
    let endNew = text.length;
    while (endOld > start && endNew > start && old[endOld - 1] === text[endNew - 1]) {
      endOld--;
      endNew--;
    }
    view.dispatch({
      changes: { from: start, to: endOld, insert: text.slice(start, endNew) },
      userEvent: 'input.restore',
    });
  }

  /** A note or folder is gone: its tabs and history go; another tab comes to the front. */
  private forget(path: string, wasOpen: boolean): void {
    this.tabs.removed(path);
    this.history.removed(path);
    this.saveStateSoon();
    const next = this.tabs.active;
    if (wasOpen && next) void this.open(next, { history: false });
    else if (wasOpen) this.showOpen(null);
    else this.renderTabs();
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh().catch(() => undefined), 100);
  }

  /** Shows the files as now known in the tree; a burst of events is drawn once. */
  private scheduleTree(): void {
    if (this.treeTimer) clearTimeout(this.treeTimer);
    this.treeTimer = setTimeout(() => {
      this.treeTimer = null;
      this.tree.setEntries(this.files);
      this.showSyncConflicts();
    }, 20);
  }

  /** Tells the link panes, once per burst, what the burst may have changed. */
  private vaultChanged(ownSave: boolean): void {
    this.change = { ownSavesOnly: (this.change?.ownSavesOnly ?? true) && ownSave };
    // Panes that show links follow within a few tens of milliseconds; a burst is one refresh.
    if (this.changedTimer) clearTimeout(this.changedTimer);
    this.changedTimer = setTimeout(() => {
      const change = this.change ?? { ownSavesOnly: false };
      this.change = null;
      this.editor.view.dispatch({ effects: refreshLinks.of(null) });
      this.onVaultChanged(change);
    }, 30);
  }

  private async onFilesEvent(event: FilesEvent): Promise<void> {
    // The event is applied to the list of files as known; the vault is listed again only when it
    // cannot be (an event without a size, or about a file the list does not hold).
    for (const seen of this.sinceListing) seen.push(event);
    const next = applyFilesEvent(this.files, event);
    if (!next) this.scheduleRefresh();
    else {
      this.files = next;
      // A change of a file's text changes nothing the tree shows.
      if (event.type !== 'changed') this.scheduleTree();
    }
    const open = this.autosave;
    this.vaultChanged(event.type === 'changed' && event.origin === 'app' && event.path === open?.path);
    if (event.type === 'removed' && !(open && isWithin(open.path, event.path))) {
      this.tabs.removed(event.path);
      this.history.removed(event.path);
      this.renderTabs();
    }
    if (!open) {
      if (event.type === 'renamed') this.followRename(event.from, event.to);
      return;
    }
    if (event.type === 'renamed') {
      this.followRename(event.from, event.to);
    } else if (event.type === 'removed' && isWithin(open.path, event.path)) {
      open.conflict(
        `"${baseName(open.path)}" was deleted or moved away on disk; your text is still here. "Keep my version" saves it again.`,
      );
    } else if (event.type === 'added' && event.kind === 'folder' && event.path === open.path) {
      open.conflict(
        `"${baseName(open.path)}" was replaced by a folder on disk; your text is still here, but it cannot be saved under that name.`,
      );
    } else if (
      (event.type === 'changed' && event.path === open.path && event.version !== open.version) ||
      (event.type === 'added' && event.kind === 'file' && event.path === open.path)
    ) {
      await this.reloadFromDisk(event.type === 'changed' ? event.version : undefined);
    }
  }

  /**
   * The open note changed on disk. Without unsaved edits it reloads in place; with them, the disk's
   * changes are merged into the edits (three-way, from the text last loaded or saved): a clean
   * merge goes on being autosaved; where both changed the same lines, both versions are shown
   * between conflict markers and nothing is saved until the person resolves them.
   */
  private reloadFromDisk(version?: string): Promise<void> {
    this.reloading = this.reloading
      .then(() => this.mergeFromDisk(version))
      .catch((error: unknown) => notify(message(error), 'error'));
    return this.reloading;
  }

  private async mergeFromDisk(version?: string): Promise<void> {
    const open = this.autosave;
    if (!open) return;
    // A save under way decides what the disk's version is; merge against its outcome.
    await open.settled();
    // The change was our own save (its event can come before its answer): nothing to read again,
    // which for a large note saves reading megabytes back.
    if (version !== undefined && version === open.version) return;
    const note = await this.api.readNote({ path: open.path }).catch(() => null);
    if (!note || note.version === open.version || open !== this.autosave) return;
    const name = baseName(open.path);
    // Read-only (not UTF-8) on either side: nothing to merge; show the disk's bytes as they are now.
    if (open.readOnly || note.readOnly) {
      if (open.dirty) {
        return open.conflict(
          `"${name}" was replaced on disk by a file that is not valid UTF-8 text, so your edits cannot be saved into it. Your text is still here: copy it into another note.`,
        );
      }
      this.load(note);
      if (this.mode === 'read' && this.editor.openMode.plain) this.setMode('edit');
      if (this.mode === 'read') await this.reading.show(note.path, this.editor.text);
      return;
    }
    // During a conflict, the newer disk text is merged into the person's side of each open block
    // (never into text holding markers): the blocks then show the newest disk text as "theirs".
    const remerge = remergeInputs(this.editor.view.state);
    const mine = remerge?.mine ?? this.editor.text;
    if (!remerge && note.text === mine) return open.rebase(note.version, note.text);
    if (!open.dirty) {
      this.editor.reloadInPlace(note.text);
      open.rebase(note.version, note.text);
    } else {
      const merged = threeWayMerge(remerge?.base ?? open.savedText, mine, note.text);
      this.editor.reloadInPlace(merged.text);
      trackConflicts(this.editor.view, { theirs: note.text, blocks: merged.blocks });
      open.rebase(note.version, note.text);
      if (merged.conflicts === 0) {
        notify(`Merged changes made on disk into your edits to "${name}".`);
        open.edited();
      } else {
        const places = merged.conflicts === 1 ? 'one place' : `${merged.conflicts} places`;
        open.conflict(
          `"${name}" was changed on disk while you were editing; both versions are shown in ${places}. Edit them (remove the markers) or choose a version.`,
          () => !hasOpenConflicts(this.editor.view.state),
        );
      }
    }
    if (this.mode === 'read' && !this.editor.openMode.plain) await this.reading.show(open.path, this.editor.text);
  }

  private followRename(from: string, to: string): void {
    this.editor.renamed(from, to);
    this.tabs.renamed(from, to);
    this.history.renamed(from, to);
    for (let i = 0; i < this.recent.length; i++) {
      const path = this.recent[i] as string;
      if (isWithin(path, from)) this.recent[i] = to + path.slice(from.length);
    }
    this.saveStateSoon();
    this.renderTabs();
    const open = this.autosave;
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
    this.setMode(this.mode);
    this.tree.setActive(path);
    this.renderTabs();
    this.onActiveChanged(path);
    if (!path) this.status.showSave(null);
  }

  private showSave(state: SaveState): void {
    this.renderTabs();
    this.status.showSave(state, {
      keepMine: () => void this.resolveConflict('mine'),
      useDisk: () => void this.resolveConflict('disk'),
    });
  }

  private async resolveConflict(choice: 'mine' | 'disk'): Promise<void> {
    const open = this.autosave;
    if (!open) return;
    try {
      // A disk change being merged first: "Keep my version" keeps mine against the newest disk text.
      await this.reloading;
      await open.settled();
      let missing = false;
      const disk = await this.api.readNote({ path: open.path }).catch((error: unknown) => {
        if (error instanceof PlexusError && error.code === 'NOT_FOUND') missing = true;
        else throw error;
        return null;
      });
      if (choice === 'disk') {
        if (!disk) return notify('The note no longer exists on disk.', 'error');
        if (disk.readOnly) return this.load(disk);
        this.editor.reloadInPlace(disk.text);
        this.editor.view.dispatch({ effects: setConflicts.of(null) });
        open.rebase(disk.version, disk.text);
        return;
      }
      // "Keep my version" keeps the person's side of every block the merge wrote, and nothing else.
      if (hasOpenConflicts(this.editor.view.state))
        this.editor.view.dispatch(resolveAllSpec(this.editor.view.state, 'mine'));
      if (disk) {
        open.rebase(disk.version, disk.text);
        await open.flush();
      } else if (missing) {
        const created = await this.api.createNote({ path: open.path, text: this.editor.text });
        open.rebase(created.version, this.editor.text);
        notify(`Saved "${baseName(open.path)}" again.`);
        await this.refresh();
      }
    } catch (error) {
      const folder = error instanceof PlexusError && error.code === 'INVALID_ARGUMENT';
      notify(
        folder
          ? `"${baseName(open.path)}" is now a folder on disk, so your version cannot be saved under that name. Your text is still in the editor: copy it into another note.`
          : message(error),
        'error',
      );
    }
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
