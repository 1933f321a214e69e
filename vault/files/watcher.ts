import { watch, type FSWatcher } from 'chokidar';
import { relative, sep } from 'node:path';
import type { FilesEvent } from '../../shared/api';
import { signatureOf } from './own-changes';
import { vaultEntry } from './read-vault-file';
import { fileMeta, type Vault } from './vault';

type ChokidarEvent = 'add' | 'addDir' | 'change' | 'unlink' | 'unlinkDir';

/**
 * Turns changes made on disk by other programs into FilesEvents. Changes this app made itself
 * are dropped: the Vault already announced them, and an echo would look like a conflict.
 */
export class VaultWatcher {
  private readonly watcher: FSWatcher;
  /** Resolves once the initial scan is done and later changes will be reported. */
  readonly ready: Promise<void>;

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
      void this.handle(event as ChokidarEvent, path);
    });
    this.watcher.on('error', () => {
      // A folder vanishing mid-scan is not fatal; the next event brings the state back.
    });
  }

  async close(): Promise<void> {
    await this.watcher.close();
  }

  private async handle(event: ChokidarEvent, absolute: string): Promise<void> {
    const path = this.vault.toVaultPath(absolute);
    if (!path) return;
    await this.vault.own.settled();
    const change = event === 'change' ? 'change' : event === 'add' || event === 'addDir' ? 'add' : 'remove';
    // Only what the listing shows is announced: a regular file or folder whose real path is inside
    // the vault and not in a dot-folder. A link out of the vault, a pipe, a device is dropped; one
    // that was a note a moment ago (a link retargeted) leaves the vault.
    const entry = await vaultEntry(this.vault.root, path).catch(() => null);
    if (!entry && change !== 'remove') {
      if (change === 'change') this.onEvent({ type: 'removed', path, kind: 'file', origin: 'external' });
      return;
    }
    if (event === 'add' && entry?.kind === 'folder') event = 'addDir'; // a link to a folder of the vault
    const stats = entry?.stats ?? null;
    const current = signatureOf(stats);
    if (this.vault.own.isEcho(path, current, change)) return;
    if ((event === 'change' || event === 'unlink') && stats?.isDirectory()) {
      // A file replaced by a folder of its name: chokidar reports a change of the file (and then
      // watches the folder as a file, so it is watched again), or the file's removal after the
      // folder's arrival. Either way the folder is announced last, as it is on disk.
      this.onEvent({ type: 'removed', path, kind: 'file', origin: 'external' });
      this.onEvent({ type: 'added', path, kind: 'folder', origin: 'external', ...fileMeta(stats) });
      if (event === 'change') {
        this.watcher.unwatch(absolute);
        this.watcher.add(absolute);
      }
      return;
    }
    const kind = event === 'addDir' || event === 'unlinkDir' ? 'folder' : 'file';
    // What the listing would show now, looked at once here so that no client lists again.
    const meta = stats ? fileMeta(stats) : {};
    if (event === 'change') this.onEvent({ type: 'changed', path, origin: 'external', ...meta });
    else if (event === 'add' || event === 'addDir')
      this.onEvent({ type: 'added', path, kind, origin: 'external', ...meta });
    else this.onEvent({ type: 'removed', path, kind, origin: 'external' });
  }
}
