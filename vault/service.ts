import { promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import {
  MAX_NOTE_BYTES,
  type Backlink,
  type BacklinkPage,
  type FilesEvent,
  type IndexReport,
  type LinkInfo,
  type Mention,
  type PlexusApi,
  type PlexusEvent,
  type RequestArgs,
  type UnresolvedGroup,
  type VaultInfo,
} from '../shared/api';
import type { NoteMeta } from '../shared/note-meta';
import { PlexusError } from '../shared/errors';
import { Emitter, type Disposable } from '../shared/events';
import { baseName, checkNewNotePath, normalizeVaultPath } from '../shared/paths';
import { cacheFileFor, sourceWorker, VaultIndex, type WorkerScript } from './index';
import { backlinkPage, findUnlinkedMentions, linkContext, suggestNotes } from './links';
import { decodeNote, readVaultFile, type TrashFn, Vault, VaultWatcher } from './files';
import { Renamer } from './rename';
import { readObsidianAppSettings, RecoveryStore, SettingsStore, WorkspaceStore } from './app-data';

/** Options a host gives the engine. */
export type ServiceOptions = {
  /** Who runs the engine: a page's host, or the `plexus` command (which serves no page). */
  host: VaultInfo['host'] | 'cli';
  trash?: TrashFn;
  watch?: boolean;
  /** The app's cache folder for the index cache; omitted: no cache. */
  cacheDir?: string;
  /** The scan worker (the desktop app passes its bundle); omitted: run from source via tsx. */
  worker?: WorkerScript | null;
  /** The app's folder for file recovery snapshots (earlier versions of notes); omitted: none kept. */
  recoveryDir?: string;
  /** Read note texts ahead for search after the first build (default true; a one-shot command has no later). */
  prefetchTexts?: boolean;
};

/**
 * The engine behind shared/api.ts for one open vault: requests go to the Vault and its index,
 * and its own changes plus the watcher's external ones come out as one event stream.
 */
export class VaultService implements PlexusApi {
  private readonly events = new Emitter<PlexusEvent>();
  private readonly vaultChanges: Disposable;
  private watcher: VaultWatcher | null = null;
  /** The index, once the first build is done; requests for links wait for it. */
  private readonly index: Promise<VaultIndex>;
  private pending: FilesEvent[] | null = [];
  private readonly renamer: Renamer;
  private readonly workspace: WorkspaceStore;
  private readonly settings: SettingsStore;
  private readonly recovery: RecoveryStore | null;
  /** Notes saved since the vault was opened (their text from before is already kept). */
  private readonly saved = new Set<string>();

  private constructor(
    readonly vault: Vault,
    private readonly options: ServiceOptions,
  ) {
    this.vaultChanges = vault.onDidChange((event) => this.onFiles(event));
    this.workspace = new WorkspaceStore(vault.root);
    this.settings = new SettingsStore(vault.root);
    this.recovery = options.recoveryDir ? new RecoveryStore(options.recoveryDir, { scope: vault.root }) : null;
    this.index = VaultIndex.build(vault, {
      cacheFile: options.cacheDir ? cacheFileFor(options.cacheDir, vault.root) : null,
      worker: options.worker === undefined ? sourceWorker() : options.worker,
      prefetchTexts: options.prefetchTexts,
      onStatus: (status) => this.emit({ topic: 'index', status }),
    });
    this.renamer = new Renamer(vault, this.index);
    // Changes that arrive while the first build runs are applied after it, in order.
    void this.index.then(async (index) => {
      for (const event of this.pending ?? []) await index.apply(event);
      this.pending = null;
    });
  }

  static async open(root: string, options: ServiceOptions): Promise<VaultService> {
    const vault = await Vault.open(root, options.trash);
    await vault.cleanTempFiles();
    const service = new VaultService(vault, options);
    if (options.watch !== false) {
      service.watcher = new VaultWatcher(vault, (event) => service.onFiles(event));
      await service.watcher.ready;
    }
    return service;
  }

  /** The index with every change received so far applied (answers never lag the events sent). */
  private async current(): Promise<VaultIndex> {
    const index = await this.index;
    await index.idle();
    return index;
  }

  /** Resolves when the first full index is built. */
  async indexed(): Promise<void> {
    await this.index;
  }

  /** PlexusApi's shape (an unsubscribe function) over the Emitter's Disposable. */
  onEvent(listener: (event: PlexusEvent) => void): () => void {
    const subscription = this.events.event(listener);
    return () => subscription.dispose();
  }

  async close(): Promise<void> {
    await this.watcher?.close();
    this.vaultChanges.dispose();
    this.events.dispose();
    await (await this.index).close();
  }

  vaultInfo = async (): Promise<VaultInfo> => {
    const host = this.options.host;
    // Only a page asks which host it talks to, and the command line serves none.
    if (host === 'cli') throw new PlexusError('INVALID_ARGUMENT', 'The command line serves no page.');
    // Read each time the page starts (read only): a change Obsidian made since shows on reload.
    const obsidian = await readObsidianAppSettings(this.vault.root);
    return { name: basename(this.vault.root), root: this.vault.root, host, obsidian };
  };

  /** What the first build did: notes scanned, notes taken from the index cache, milliseconds. */
  buildStats = async (): Promise<VaultIndex['buildStats']> => ({ ...(await this.index).buildStats });
  listFiles = () => this.vault.list();
  readNote = ({ path }: { path: string }) => this.vault.read(path);
  writeNote = async ({ path, text, baseVersion }: RequestArgs['writeNote']) => {
    const rel = normalizeVaultPath(path);
    // The first save of a note this session keeps its text from before, so that save can be undone.
    const first = this.recovery !== null && !this.saved.has(rel);
    const before = first ? await this.vault.read(rel).catch(() => null) : null;
    const result = await this.vault.write(rel, text, baseVersion);
    this.saved.add(rel);
    if (this.recovery) {
      // A snapshot that cannot be kept (disk full) never fails the save itself.
      if (before?.version === baseVersion) await this.recovery.snapshot(rel, before.text, { force: true }).catch(noop);
      await this.recovery.snapshot(rel, text, { force: first }).catch(noop);
    }
    return result;
  };
  // "newdir/" names a folder: it must never become a file "newdir" (nor "notes.txt" a note).
  createNote = async ({ path, text }: { path: string; text?: string }) =>
    this.vault.create(checkNewNotePath(path), text);
  createFolder = ({ path }: { path: string }) => this.vault.createFolder(path);
  move = ({ from, to }: { from: string; to: string }) => this.vault.move(from, to);
  trash = ({ path }: { path: string }) => this.vault.trash(path);

  noteMeta = async ({ path }: { path: string }): Promise<NoteMeta | null> =>
    (await this.current()).links.note(normalizeVaultPath(path)) ?? null;

  outgoingLinks = async ({ path }: { path: string }): Promise<LinkInfo[]> =>
    (await this.current()).links.outgoing(normalizeVaultPath(path));

  backlinks = async ({ path }: { path: string }): Promise<Backlink[]> => {
    const links = (await this.current()).links.backlinks(normalizeVaultPath(path));
    const texts = new Map<string, string>();
    const result: Backlink[] = [];
    for (const link of links) {
      let text = texts.get(link.source);
      if (text === undefined) {
        text = await this.readText(link.source);
        texts.set(link.source, text);
      }
      result.push({ ...link, context: linkContext(text, link.link) });
    }
    return result;
  };

  /** A page of the backlinks from other notes, by source note (see backlinkPage); only its notes are read. */
  backlinkPage = async ({ path, offset = 0, limit = 50 }: RequestArgs['backlinkPage']): Promise<BacklinkPage> => {
    const target = normalizeVaultPath(path);
    const page = backlinkPage((await this.current()).links.backlinks(target), target, offset, limit);
    const links: Backlink[] = [];
    let source: string | null = null;
    let text = '';
    for (const link of page.links) {
      if (link.source !== source) {
        source = link.source;
        text = await this.readText(source);
      }
      links.push({ ...link, context: linkContext(text, link.link) });
    }
    return { ...page, links };
  };

  /** Plain-text mentions of the note's names in every other note (reads each note: O(vault)). */
  unlinkedMentions = async ({ path }: { path: string }): Promise<Mention[]> => {
    const links = (await this.current()).links;
    const target = links.note(normalizeVaultPath(path));
    if (!target) throw new PlexusError('NOT_FOUND', `"${path}" is not an indexed note.`);
    const names = [...new Set([baseName(target.path).replace(/\.md$/i, ''), target.title, ...target.aliases])].filter(
      (name) => name.trim().length > 0,
    );
    const result: Mention[] = [];
    for (const note of links.notes()) {
      if (note.path === target.path) continue;
      const text = await this.readText(note.path);
      for (const mention of findUnlinkedMentions(text, names, note.links)) {
        result.push({ source: note.path, ...mention, context: linkContext(text, mention) });
      }
    }
    return result;
  };

  unresolvedLinks = async (): Promise<UnresolvedGroup[]> =>
    (await this.current()).links.unresolved().map((g) => ({ target: g.target, sources: g.sources }));

  tags = async () => (await this.current()).links.tags();

  indexStatus = async (): Promise<IndexReport> => {
    const index = await this.current();
    return { ...index.currentStatus, stats: index.links.stats(), problems: index.problems() };
  };

  resolveLinks = async ({ from, targets }: RequestArgs['resolveLinks']): Promise<(string | null)[]> => {
    const links = (await this.current()).links;
    const source = normalizeVaultPath(from);
    return targets.map((target) => links.resolve(target, source));
  };

  suggestNotes = async (args: RequestArgs['suggestNotes']) => suggestNotes((await this.current()).links, args);

  search = async ({ query, limit }: RequestArgs['search']) => (await this.current()).search.query(query, limit);

  rename = (args: RequestArgs['rename']) => this.renamer.rename(args);
  undoRename = ({ id }: RequestArgs['undoRename']) => this.renamer.undo(id);

  listSnapshots = async ({ path }: RequestArgs['listSnapshots']) => {
    const rel = normalizeVaultPath(path); // refused paths are refused whether or not recovery is on
    return this.recovery ? this.recovery.list(rel) : [];
  };
  readSnapshot = ({ id }: RequestArgs['readSnapshot']) => {
    if (!this.recovery) throw new PlexusError('NOT_FOUND', 'File recovery is off: no earlier versions are kept.');
    return this.recovery.read(id);
  };

  loadWorkspace = () => this.workspace.load();
  saveWorkspace = async ({ state }: RequestArgs['saveWorkspace']) => {
    await this.workspace.save(state);
    return { saved: true as const };
  };

  getSettings = () => this.settings.load();
  setSettings = async ({ settings }: RequestArgs['setSettings']) => {
    if (settings.newNotes === 'folder') {
      // A missing folder is fine (creating a note makes it); a file of that name never can be.
      const folder = normalizeVaultPath(settings.newNotesFolder);
      const stat = await fs.stat(join(this.vault.root, folder)).catch(() => null);
      if (stat && !stat.isDirectory()) {
        throw new PlexusError('INVALID_ARGUMENT', `New notes cannot go in "${folder}": it is not a folder.`);
      }
    }
    return this.settings.save(settings);
  };

  /** A note's text as the scanner saw it (offsets refer to it); "" when it cannot be read. */
  private async readText(path: string): Promise<string> {
    const read = await readVaultFile(this.vault.root, path, { maxBytes: MAX_NOTE_BYTES }).catch(() => null);
    return (read && decodeNote(read.bytes)?.text) ?? '';
  }

  private onFiles(event: FilesEvent): void {
    if (this.pending) this.pending.push(event);
    else void this.index.then((index) => index.apply(event));
    this.emit({ topic: 'files', event });
  }

  private emit(event: PlexusEvent): void {
    this.events.fire(event);
  }
}

function noop(): void {}
