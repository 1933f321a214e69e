import { createHash } from 'node:crypto';
import { constants as fsConstants, promises as fs, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { MAX_NOTE_BYTES, type FileEntry, type FileMeta, type FilesEvent, type NoteContent } from '../../shared/api';
import { PlexusError } from '../../shared/errors';
import { Emitter, type Event } from '../../shared/events';
import { resolveExisting, resolveNew } from './entry-paths';
import { ioError, readOnlyError } from './io-errors';
import { moveToTrashFolder } from './trash-folder';
import { assertPortablePath, isWithin, normalizeVaultPath, parentPath } from '../../shared/paths';
import { atomicWrite, TEMP_PREFIX, type SaveFs } from './atomic-write';
import { OwnChanges, signatureOf, type Signature } from './own-changes';
import { insideRoot, readVaultFile, vaultEntry } from './read-vault-file';
import { listVault } from './vault-listing';
import { ASIDE_PREFIX, restoreAsideFile, SaveGuard } from './save-guard';
import { decodeNote, decodeNoteLossy, DEFAULT_FORMAT, encodeNote, firstInvalidUtf8 } from './text-format';

/** Moves an absolute path out of the vault (to the OS trash, or a trash folder). */
export type TrashFn = (absolutePath: string, vaultPath: string) => Promise<void>;

export type VaultOptions = {
  /** The file operations saves use (default node:fs): fault-injection tests pass a failing one. */
  saveFs?: SaveFs;
};

/** The content version of a note's bytes: a short hash, so any change of content changes it. */
export function versionOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

/**
 * The files under one root folder. Every path is vault-relative and checked: nothing this class
 * does can read or write outside the root, through ".." or through a symlink.
 */
export class Vault {
  /** States our own operations left paths in, so the watcher can drop their echoes. */
  readonly own = new OwnChanges();
  private readonly changes = new Emitter<FilesEvent>();
  private readonly locks = new Map<string, Promise<unknown>>();

  private constructor(
    /** The real (symlink-free) absolute path of the root. */
    readonly root: string,
    private readonly trashFn: TrashFn,
    private readonly saveFs: SaveFs | undefined,
  ) {}

  /** Opens a folder as a vault; fails with a clear message when it is not a folder. */
  static async open(root: string, trash?: TrashFn, options: VaultOptions = {}): Promise<Vault> {
    const real = await fs.realpath(root).catch(() => {
      throw new PlexusError('NOT_FOUND', `The vault folder "${root}" does not exist.`);
    });
    if (!(await fs.stat(real)).isDirectory()) {
      throw new PlexusError('INVALID_ARGUMENT', `"${root}" is a file, not a folder.`);
    }
    const vault: Vault = new Vault(real, trash ?? ((abs, rel) => moveToTrashFolder(real, abs, rel)), options.saveFs);
    return vault;
  }

  /** Every change made through this Vault; disposing the subscription stops it. */
  readonly onDidChange: Event<FilesEvent> = this.changes.event;

  /** Lists every file and folder, depth first, skipping dot-files and dot-folders (see listVault). */
  list(): Promise<FileEntry[]> {
    return listVault(this.root);
  }

  /**
   * Reads a note as text. Binary files are refused. A file that is not valid UTF-8 is returned
   * decoded with U+FFFD replacement characters and marked `readOnly`: it can be looked at, but
   * `write` refuses to save text over it, so its bytes are never replaced by a lossy copy.
   */
  async read(path: string): Promise<NoteContent> {
    const rel = normalizeVaultPath(path);
    // Checked against the real root, pipes and devices never opened, the size before a byte is read.
    const { bytes, stats, real } = await readVaultFile(this.root, rel, { maxBytes: MAX_NOTE_BYTES });
    if (bytes.includes(0)) {
      throw new PlexusError(
        'NOT_TEXT',
        `"${rel}" is a binary file (it contains NUL bytes), so Plexus will not open it as a note.`,
      );
    }
    const version = versionOf(bytes);
    const decoded = decodeNote(bytes);
    if (decoded) {
      if (!(await writable(real, stats.mode))) {
        const reason =
          'This note is read-only on disk (its permissions do not allow writing), so Plexus shows it without ' +
          'changing it. Make the file writable to edit it here.';
        return { path: rel, text: decoded.text, version, readOnly: { reason } };
      }
      return { path: rel, text: decoded.text, version };
    }
    const offset = firstInvalidUtf8(bytes);
    return {
      path: rel,
      text: decodeNoteLossy(bytes).text,
      version,
      readOnly: {
        reason:
          `This note is not valid UTF-8 text (the first bad byte is at offset ${offset}); it is shown read-only ` +
          'so that saving can never replace its bytes with a lossy copy.',
      },
    };
  }

  /**
   * Saves a note edited from `baseVersion`. If the file changed since (another app, another
   * window), the write is refused so nothing on disk is overwritten unseen. The note keeps its
   * BOM, line endings and file mode. A file that is not UTF-8 text is never replaced by text.
   */
  async write(path: string, text: string, baseVersion: string): Promise<{ version: string }> {
    return this.replace(path, baseVersion, (current, rel) => {
      const decoded = current.includes(0) ? null : decodeNote(current);
      if (!decoded) {
        throw new PlexusError('NOT_TEXT', `"${rel}" is not a UTF-8 text file, so Plexus will not save text over it.`);
      }
      return encodeNote(text, decoded.format);
    });
  }

  /**
   * Replaces a file's bytes with exactly `bytes` (no re-encoding), if it is still at `baseVersion`:
   * for edits that must leave every byte they do not mean to change as it was (link rewriting,
   * undoing it). Same checks, atomicity and events as `write`.
   */
  async writeBytes(path: string, bytes: Uint8Array, baseVersion: string): Promise<{ version: string }> {
    return this.replace(path, baseVersion, () => bytes);
  }

  /**
   * Writes `make(current bytes)` over a file whose content is still `baseVersion`. The check and
   * the replace are one step against other programs (see SaveGuard): a note another program
   * replaced or wrote to at any moment before our rename is never overwritten unseen.
   */
  private async replace(
    path: string,
    baseVersion: string,
    make: (current: Buffer, rel: string) => Uint8Array,
  ): Promise<{ version: string }> {
    const rel = normalizeVaultPath(path);
    return this.locked(rel, () =>
      this.own.run(async () => {
        // A symlinked note is written through to its target, checked to be inside the vault and
        // not in a dot-folder (a pipe, device or socket is refused too).
        const { real: abs } = await vaultEntry(this.root, rel);
        const guard = await this.io(rel, 'save', () => SaveGuard.pin(abs, rel));
        try {
          const current = await this.io(rel, 'save', () => guard.read(rel, MAX_NOTE_BYTES));
          if (versionOf(current) !== baseVersion) {
            throw new PlexusError(
              'STALE_VERSION',
              `"${rel}" changed on disk after it was opened; your edits were not saved over it.`,
            );
          }
          const bytes = make(current, rel);
          const version = versionOf(bytes);
          if (version === baseVersion) return { version };
          if (await guard.isReadOnly()) throw readOnlyError(rel);
          let written: Signature = null;
          let meta: FileMeta = {};
          await this.io(rel, 'save', () =>
            atomicWrite(abs, bytes, {
              fs: this.saveFs,
              replaceWith: async (temp) => {
                const stats = statSync(temp);
                written = signatureOf(stats);
                meta = fileMeta(stats);
                await guard.replaceWith(temp, rel, this.saveFs);
              },
            }),
          );
          // Recorded from the temp file we renamed, not the path: a program that replaced the note
          // right after us must not pass for our own echo.
          this.own.record(rel, written);
          guard.assertNothingLost(rel);
          this.emit({ type: 'changed', path: rel, origin: 'app', version, ...meta });
          return { version };
        } finally {
          await guard.release();
        }
      }),
    );
  }

  /** Creates a note; refuses to replace an existing file. */
  async create(path: string, text = ''): Promise<{ path: string; version: string }> {
    const rel = normalizeVaultPath(path);
    assertPortablePath(rel);
    return this.locked(rel, () =>
      this.own.run(async () => {
        const abs = await resolveNew(this.root, rel);
        await this.makeParents(rel);
        const bytes = encodeNote(text, DEFAULT_FORMAT);
        await this.io(rel, 'create', () => atomicWrite(abs, bytes, { exclusive: true, fs: this.saveFs }));
        const stats = await fs.stat(abs);
        this.own.record(rel, signatureOf(stats));
        this.emit({ type: 'added', path: rel, kind: 'file', origin: 'app', ...fileMeta(stats) });
        return { path: rel, version: versionOf(bytes) };
      }),
    );
  }

  /** Creates a folder (and its missing parents); refuses an existing one. */
  async createFolder(path: string): Promise<{ path: string }> {
    const rel = normalizeVaultPath(path);
    assertPortablePath(rel);
    return this.own.run(async () => {
      const abs = await resolveNew(this.root, rel);
      await this.makeParents(rel);
      await this.io(rel, 'create', () => fs.mkdir(abs));
      const stats = await fs.stat(abs);
      this.own.record(rel, signatureOf(stats));
      this.emit({ type: 'added', path: rel, kind: 'folder', origin: 'app', ...fileMeta(stats) });
      return { path: rel };
    });
  }

  /** Renames or moves a file or folder; never replaces an existing one. Links are not rewritten. */
  async move(from: string, to: string): Promise<{ from: string; to: string }> {
    const src = normalizeVaultPath(from);
    const dst = normalizeVaultPath(to);
    if (src === '') throw new PlexusError('INVALID_ARGUMENT', 'The vault itself cannot be moved.');
    assertPortablePath(dst);
    const srcAbs = await resolveExisting(this.root, src);
    if (dst === src) return { from: src, to: dst };
    if (dst.startsWith(src + '/')) {
      throw new PlexusError('INVALID_ARGUMENT', `Cannot move "${src}" into itself.`);
    }
    return this.own.run(async () => {
      const dstAbs = await resolveNew(this.root, dst, srcAbs);
      const kind = (await fs.stat(srcAbs)).isDirectory() ? 'folder' : 'file';
      await this.makeParents(dst);
      await this.io(src, 'move', () => fs.rename(srcAbs, dstAbs));
      const after = signatureOf(await fs.stat(dstAbs));
      if (kind === 'folder') {
        this.own.recordTree(src, null);
        this.own.recordTree(dst, after);
      } else {
        this.own.record(src, null);
        this.own.record(dst, after);
      }
      this.emit({ type: 'renamed', from: src, to: dst, kind, origin: 'app' });
      return { from: src, to: dst };
    });
  }

  /** Moves a file or folder to the trash (recoverable, never deleted outright). */
  async trash(path: string): Promise<{ path: string }> {
    const rel = normalizeVaultPath(path);
    if (rel === '') throw new PlexusError('INVALID_ARGUMENT', 'The vault itself cannot be deleted.');
    const abs = await resolveExisting(this.root, rel);
    return this.own.run(async () => {
      const kind = (await fs.stat(abs)).isDirectory() ? 'folder' : 'file';
      await this.io(rel, 'move to the trash', () => this.trashFn(abs, rel));
      if (kind === 'folder') this.own.recordTree(rel, null);
      else this.own.record(rel, null);
      this.emit({ type: 'removed', path: rel, kind, origin: 'app' });
      return { path: rel };
    });
  }

  /**
   * Removes temp files an interrupted save left behind, and puts back a note a save killed at the
   * moment it was moved aside (see SaveGuard).
   */
  async cleanTempFiles(): Promise<number> {
    let removed = 0;
    const sweep = async (folder: string): Promise<void> => {
      const dirents = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
      for (const d of dirents) {
        if (d.isFile() && d.name.startsWith(ASIDE_PREFIX)) {
          restoreAsideFile(folder, d.name);
          removed++;
        } else if (d.isFile() && d.name.startsWith(TEMP_PREFIX)) {
          await fs.rm(join(folder, d.name), { force: true });
          removed++;
        } else if (d.isDirectory() && !d.name.startsWith('.')) {
          await sweep(join(folder, d.name));
        }
      }
    };
    await sweep(this.root);
    return removed;
  }

  /** The vault-relative path of an absolute one inside the root, or null. */
  toVaultPath(absolute: string): string | null {
    if (!insideRoot(this.root, absolute)) return null;
    return relative(this.root, absolute).split(sep).join('/');
  }

  /** Creates the missing folders above `rel`, announcing each as our own. */
  private async makeParents(rel: string): Promise<void> {
    const parent = parentPath(rel);
    if (!parent) return;
    const first = await this.io(parent, 'create', () => fs.mkdir(join(this.root, parent), { recursive: true }));
    if (!first) return;
    const created = this.toVaultPath(first);
    if (created === null) return;
    const folders: string[] = [];
    for (let folder = parent; folder !== '' && isWithin(folder, created); folder = parentPath(folder)) {
      folders.unshift(folder);
    }
    for (const folder of folders) {
      const stats = await fs.stat(join(this.root, folder));
      this.own.record(folder, signatureOf(stats));
      this.emit({ type: 'added', path: folder, kind: 'folder', origin: 'app', ...fileMeta(stats) });
    }
  }

  /** Serializes operations on one path so a read-compare-write cannot interleave. */
  private async locked<T>(rel: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(rel) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.locks.set(rel, settled);
    void settled.then(() => {
      if (this.locks.get(rel) === settled) this.locks.delete(rel);
    });
    return next;
  }

  private async io<T>(rel: string, verb: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (e instanceof PlexusError) throw e;
      throw ioError(rel, e as NodeJS.ErrnoException, verb);
    }
  }

  private emit(event: FilesEvent): void {
    this.changes.fire(event);
  }
}

/** Whether the note's own permissions let it be written (for root too: no write bit means "don't"). */
async function writable(real: string, mode: number): Promise<boolean> {
  if ((mode & 0o222) === 0) return false;
  return fs.access(real, fsConstants.W_OK).then(
    () => true,
    () => false,
  );
}

/** What the listing shows of a file or folder (a folder's size is 0); events carry the same. */
export function fileMeta(stats: Stats): { size: number; mtimeMs: number } {
  return { size: stats.isDirectory() ? 0 : stats.size, mtimeMs: stats.mtimeMs };
}
