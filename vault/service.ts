import { basename } from 'node:path';
import type { FilesEvent, PlexusApi, VaultInfo } from '../shared/api';
import type { TrashFn } from './vault';
import { Vault } from './vault';
import { VaultWatcher } from './watcher';

/** Options a host gives the engine. */
export type ServiceOptions = { host: VaultInfo['host']; trash?: TrashFn; watch?: boolean };

/**
 * The engine behind shared/api.ts for one open vault: requests go to the Vault, and its own
 * changes plus the watcher's external ones come out as one event stream.
 */
export class VaultService implements PlexusApi {
  private readonly listeners = new Set<(event: FilesEvent) => void>();
  private watcher: VaultWatcher | null = null;

  private constructor(
    readonly vault: Vault,
    private readonly host: VaultInfo['host'],
  ) {
    vault.onDidChange((event) => this.emit(event));
  }

  static async open(root: string, options: ServiceOptions): Promise<VaultService> {
    const vault = await Vault.open(root, options.trash);
    await vault.cleanTempFiles();
    const service = new VaultService(vault, options.host);
    if (options.watch !== false) {
      service.watcher = new VaultWatcher(vault, (event) => service.emit(event));
      await service.watcher.ready;
    }
    return service;
  }

  onDidChangeFiles(listener: (event: FilesEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    await this.watcher?.close();
    this.listeners.clear();
  }

  vaultInfo = (): Promise<VaultInfo> =>
    Promise.resolve({ name: basename(this.vault.root), root: this.vault.root, host: this.host });
  listFiles = () => this.vault.list();
  readNote = ({ path }: { path: string }) => this.vault.read(path);
  writeNote = ({ path, text, baseVersion }: { path: string; text: string; baseVersion: string }) =>
    this.vault.write(path, text, baseVersion);
  createNote = ({ path, text }: { path: string; text?: string }) => this.vault.create(path, text);
  createFolder = ({ path }: { path: string }) => this.vault.createFolder(path);
  move = ({ from, to }: { from: string; to: string }) => this.vault.move(from, to);
  trash = ({ path }: { path: string }) => this.vault.trash(path);

  private emit(event: FilesEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
