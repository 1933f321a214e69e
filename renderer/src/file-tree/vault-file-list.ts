import type { FileEntry, FilesEvent } from '../../../shared/api';
import { applyFilesEvent, replayOnto } from './file-list';
import { isNote } from './file-tree-model';

/** How long after an event that could not be applied the vault is listed again (a burst lists once). */
const RELIST_DELAY_MS = 100;
/** How long the files shown wait for more events of a burst (the tree is drawn once per burst). */
const SHOW_DELAY_MS = 20;

/**
 * The vault's files as the window knows them: listed at start (and when an event cannot be
 * applied, or the connection comes back), then kept from file events. `show` hears the list each
 * time what it holds may have changed.
 */
export class VaultFileList {
  private files: FileEntry[] = [];
  /** Events that arrive while a listing is under way, replayed onto it (it may predate them). */
  private readonly sinceListing = new Set<FilesEvent[]>();
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private showTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly list: () => Promise<FileEntry[]>,
    private readonly show: (files: readonly FileEntry[]) => void,
  ) {}

  /** The files as now known, in the listing's order. */
  get entries(): readonly FileEntry[] {
    return this.files;
  }

  /** The vault's folders, as now known. */
  get folders(): string[] {
    return this.files.filter((f) => f.kind === 'folder').map((f) => f.path);
  }

  /** The vault's notes, as now known. */
  get notes(): FileEntry[] {
    return this.files.filter((f) => f.kind === 'file' && isNote(f.path));
  }

  /** The paths of every file (not folder), as now known. */
  get filePaths(): string[] {
    return this.files.filter((f) => f.kind === 'file').map((f) => f.path);
  }

  find(path: string): FileEntry | undefined {
    return this.files.find((f) => f.path === path);
  }

  hasFolder(path: string): boolean {
    return this.files.some((f) => f.kind === 'folder' && f.path === path);
  }

  /** Lists the vault again: at start, after the connection comes back, or when an event did not apply. */
  async refresh(): Promise<void> {
    const seen: FilesEvent[] = [];
    this.sinceListing.add(seen);
    try {
      const files = await this.list();
      const replayed = replayOnto(files, seen);
      this.files = replayed ?? files;
      if (!replayed) this.scheduleRefresh();
    } finally {
      this.sinceListing.delete(seen);
    }
    this.show(this.files);
  }

  /**
   * Applies a file event to the list as known; the vault is listed again only when it cannot be
   * (an event without a size, or about a file the list does not hold).
   */
  apply(event: FilesEvent): void {
    for (const seen of this.sinceListing) seen.push(event);
    const next = applyFilesEvent(this.files, event);
    if (!next) this.scheduleRefresh();
    else {
      this.files = next;
      // A change of a file's text changes nothing the tree shows.
      if (event.type !== 'changed') this.scheduleShow();
    }
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh().catch(() => undefined), RELIST_DELAY_MS);
  }

  /** Shows the files as now known; a burst of events is drawn once. */
  private scheduleShow(): void {
    if (this.showTimer) clearTimeout(this.showTimer);
    this.showTimer = setTimeout(() => {
      this.showTimer = null;
      this.show(this.files);
    }, SHOW_DELAY_MS);
  }
}
