import { watch, type FSWatcher } from 'chokidar';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { FilesEvent } from '../../shared/api';
import { signatureOf } from './own-changes';
import { vaultEntry } from './read-vault-file';
import { fileMeta, type Vault } from './vault';

type ChokidarEvent = 'add' | 'addDir' | 'change' | 'unlink' | 'unlinkDir';

/**
 * When a new folder is looked at again for what chokidar missed: once the burst that made it is
 * over, and once more later in case chokidar's own read of a big folder outlasted the first look.
 */
const SWEEP_DELAYS_MS = [150, 2000];

/** True when `path` is inside `folder` (both absolute). */
const isInside = (path: string, folder: string) => path.startsWith(folder + sep);

/**
 * Turns changes made on disk by other programs into FilesEvents. Changes this app made itself
 * are dropped: the Vault already announced them, and an echo would look like a conflict.
 */
export class VaultWatcher {
  private readonly watcher: FSWatcher;
  /** Resolves once the initial scan is done and later changes will be reported. */
  readonly ready: Promise<void>;
  /** Events are worked out concurrently but announced in the order chokidar reported them. */
  private announced: Promise<void> = Promise.resolve();
  /** Folders that appeared recently, with every path chokidar reported inside each since. */
  private readonly fresh = new Map<string, Set<string>>();
  private readonly sweepTimers = new Set<ReturnType<typeof setTimeout>>();
  private closed = false;

  constructor(
    private readonly vault: Vault,
    private readonly onEvent: (event: FilesEvent) => void,
  ) {
    this.watcher = watch(vault.root, {
      ignoreInitial: true,
      // Symlinks are reported, never followed: a link to "/" or back to the vault would have the
      // watcher walk the whole disk or loop (gigabytes before the host started), and a link out
      // of the vault would pull outside files in. What a link leads to is checked in `handle`.
      followSymlinks: false,
      // Dot-files and dot-folders (.git, .obsidian, .trash, our temp files) are not the vault's.
      ignored: (path: string) =>
        relative(vault.root, path)
          .split(sep)
          .some((s) => s.startsWith('.')),
    });
    this.ready = new Promise((resolve) => this.watcher.once('ready', () => resolve()));
    this.watcher.on('all', (event, path) => {
      for (const [folder, seen] of this.fresh) if (isInside(path, folder)) seen.add(path);
      if (event === 'addDir') this.sweepLater(path);
      this.announce(this.handle(event as ChokidarEvent, path));
    });
    this.watcher.on('error', () => {
      // A folder vanishing mid-scan is not fatal; the next event brings the state back.
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.sweepTimers) clearTimeout(timer);
    await this.watcher.close();
  }

  /**
   * A folder chokidar reports as new is read, then watched: a note written into it in between
   * is never reported (2–3 % of notes written a few milliseconds after their folder, in a
   * measured burst), so it would stay out of the tree and the index until it next changed.
   * The folder is looked at again once watched, and whatever chokidar did not report is.
   */
  private sweepLater(folder: string): void {
    if (!this.fresh.has(folder)) this.fresh.set(folder, new Set());
    SWEEP_DELAYS_MS.forEach((delay, i) => {
      const timer = setTimeout(() => {
        this.sweepTimers.delete(timer);
        void this.sweep(folder, i === SWEEP_DELAYS_MS.length - 1);
      }, delay);
      this.sweepTimers.add(timer);
    });
  }

  private async sweep(folder: string, last: boolean): Promise<void> {
    const seen = this.fresh.get(folder);
    if (last) this.fresh.delete(folder);
    if (!seen || this.closed) return;
    const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
    const missed = entries
      .map((e) => ({ path: join(e.parentPath, e.name), folder: e.isDirectory() }))
      .filter(
        (e) =>
          !seen.has(e.path) &&
          !relative(folder, e.path)
            .split(sep)
            .some((s) => s.startsWith('.')),
      )
      // A folder before what it holds, as a listing gives them.
      .sort((a, b) => a.path.split(sep).length - b.path.split(sep).length);
    for (const entry of missed) {
      if (this.closed) return;
      for (const [fresh, paths] of this.fresh) if (isInside(entry.path, fresh)) paths.add(entry.path);
      // Watched from now on (chokidar's own `add` of a path stays silent: ignoreInitial).
      this.watcher.add(entry.path);
      this.announce(this.handle(entry.folder ? 'addDir' : 'add', entry.path));
    }
  }

  private announce(events: Promise<FilesEvent[]>): void {
    this.announced = this.announced
      .then(() => events)
      .then((list) => {
        if (!this.closed) for (const event of list) this.onEvent(event);
      })
      .catch(() => undefined);
  }

  /** What one chokidar event means for the vault's clients: none, one or two file events. */
  private async handle(event: ChokidarEvent, absolute: string): Promise<FilesEvent[]> {
    const path = this.vault.toVaultPath(absolute);
    if (!path) return [];
    await this.vault.own.settled();
    const change = event === 'change' ? 'change' : event === 'add' || event === 'addDir' ? 'add' : 'remove';
    // Only what the listing shows is announced: a regular file or folder whose real path is inside
    // the vault and not in a dot-folder. A link out of the vault, a pipe, a device is dropped; one
    // that was a note a moment ago (a link retargeted) leaves the vault.
    const entry = await vaultEntry(this.vault.root, path).catch(() => null);
    if (!entry && change !== 'remove') {
      return change === 'change' ? [{ type: 'removed', path, kind: 'file', origin: 'external' }] : [];
    }
    if (event === 'add' && entry?.kind === 'folder') event = 'addDir'; // a link to a folder of the vault
    const stats = entry?.stats ?? null;
    const current = signatureOf(stats);
    if (this.vault.own.isEcho(path, current, change)) return [];
    if ((event === 'change' || event === 'unlink') && stats?.isDirectory()) {
      // A file replaced by a folder of its name: chokidar reports a change of the file (and then
      // watches the folder as a file, so it is watched again), or the file's removal after the
      // folder's arrival. Either way the folder is announced last, as it is on disk.
      if (event === 'change') {
        this.watcher.unwatch(absolute);
        this.watcher.add(absolute);
      }
      return [
        { type: 'removed', path, kind: 'file', origin: 'external' },
        { type: 'added', path, kind: 'folder', origin: 'external', ...fileMeta(stats) },
      ];
    }
    const kind = event === 'addDir' || event === 'unlinkDir' ? 'folder' : 'file';
    // What the listing would show now, looked at once here so that no client lists again.
    const meta = stats ? fileMeta(stats) : {};
    if (event === 'change') return [{ type: 'changed', path, origin: 'external', ...meta }];
    if (event === 'add' || event === 'addDir') return [{ type: 'added', path, kind, origin: 'external', ...meta }];
    return [{ type: 'removed', path, kind, origin: 'external' }];
  }
}
