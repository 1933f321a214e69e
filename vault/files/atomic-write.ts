import { randomBytes } from 'node:crypto';
import { promises } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Temp files are dot-files, so listings and the watcher never show them. */
export const TEMP_PREFIX = '.plexus-tmp-';

/**
 * Waits before each retry of a rename refused with EBUSY/EPERM: on Windows, antivirus scanners
 * and indexers hold a freshly written file for a moment. Three retries over about a second.
 */
export const RENAME_RETRY_DELAYS_MS: readonly number[] = [100, 300, 600];

/** The part of an open file a save uses. */
export type SaveHandle = {
  writeFile(data: Uint8Array): Promise<void>;
  chmod(mode: number): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
};

/**
 * The file operations a save uses. Production passes nothing (node:fs/promises); fault-injection
 * tests pass one that fails like a full disk, a read-only disk or a busy file.
 */
export type SaveFs = {
  open(path: string, flags: string, mode?: number): Promise<SaveHandle>;
  stat(path: string): Promise<{ mode: number }>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, path: string): Promise<void>;
  rm(path: string, options: { force: boolean }): Promise<void>;
};

/** The steps of a save, in order ("mode-set" only when replacing an existing file). */
export type SaveStep =
  'temp-opened' | 'data-written' | 'mode-set' | 'synced' | 'closed' | 'replaced' | 'temp-removed' | 'folder-synced';

export type AtomicWriteOptions = {
  /** Fail with EEXIST instead of replacing an existing file. */
  exclusive?: boolean;
  /** The file operations to use; defaults to node:fs/promises. */
  fs?: SaveFs;
  /** Called after each step; the crash tests stop the process there. */
  onStep?: (step: SaveStep) => void | Promise<void>;
  /** Overrides RENAME_RETRY_DELAYS_MS (tests keep them short). */
  retryDelaysMs?: readonly number[];
  /**
   * Puts the finished temp file at `file` instead of a plain rename (retried like it while the
   * file is busy); throwing aborts the save and removes the temp file. Vault saves pass their
   * SaveGuard's, which refuses to replace a version it has not read.
   */
  replaceWith?: (temp: string) => Promise<void>;
};

/** Bytes of a temp name's prefix and random part ("<prefix><12 hex>-"). */
const TEMP_OVERHEAD = Buffer.byteLength(TEMP_PREFIX) + 13;
/** Most file systems cap one name at 255 bytes. */
const MAX_NAME_BYTES = 255;

/**
 * The temp file a write of `file` goes through. It carries the file's name (cut short so it fits
 * in 255 bytes: a note with a long name must still save) to tell people what it was.
 */
export function tempPathFor(file: string): string {
  return join(dirname(file), `${TEMP_PREFIX}${randomBytes(6).toString('hex')}-${fitBytes(basename(file))}`);
}

/** The longest start of `name` that fits in a temp name, never splitting a character. */
function fitBytes(name: string): string {
  let bytes = TEMP_OVERHEAD;
  let end = 0;
  for (const char of name) {
    bytes += Buffer.byteLength(char);
    if (bytes > MAX_NAME_BYTES) break;
    end += char.length;
  }
  return name.slice(0, end);
}

/**
 * Replaces `file` with `data` so that a crash leaves the old or the new content, never a mix:
 * write a temp file beside it, fsync, give it the old file's mode, rename over, fsync the folder.
 * The target is never opened for writing, so a failure (full disk, no permission, busy file)
 * leaves it exactly as it was; the temp file is removed. Errors are the raw errno errors.
 */
export async function atomicWrite(file: string, data: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? promises;
  const step = options.onStep ?? (() => undefined);
  const delays = options.retryDelaysMs ?? RENAME_RETRY_DELAYS_MS;
  const temp = tempPathFor(file);
  const mode = await fs.stat(file).then(
    (s) => s.mode & 0o7777,
    () => undefined,
  );
  try {
    const handle = await fs.open(temp, 'wx', mode ?? 0o644);
    try {
      await step('temp-opened');
      await handle.writeFile(data);
      await step('data-written');
      if (mode !== undefined) {
        await handle.chmod(mode); // the umask may have narrowed it
        await step('mode-set');
      }
      await handle.sync();
      await step('synced');
    } finally {
      await handle.close();
    }
    await step('closed');
    if (options.exclusive) await createExclusive(fs, temp, file, delays);
    else await retryBusy(() => replace(options, temp, file, fs), delays);
    await step('replaced');
  } finally {
    await fs.rm(temp, { force: true });
  }
  await step('temp-removed');
  await syncFolder(fs, dirname(file));
  await step('folder-synced');
}

function replace(options: AtomicWriteOptions, temp: string, file: string, fs: SaveFs): Promise<void> {
  return options.replaceWith ? options.replaceWith(temp) : fs.rename(temp, file);
}

/** Codes of a link() the file system cannot do (FAT, exFAT, some network drives). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/** Puts `temp` at `file` unless `file` exists. */
async function createExclusive(fs: SaveFs, temp: string, file: string, delays: readonly number[]): Promise<void> {
  try {
    // link() refuses to replace an existing file, which makes exclusive creation atomic.
    await fs.link(temp, file);
  } catch (error) {
    if (!NO_HARD_LINKS.has(codeOf(error))) throw error;
    // Without hard links: claim the name (fails with EEXIST if taken), then rename over the claim.
    await (await fs.open(file, 'wx', 0o644)).close();
    try {
      await retryBusy(() => fs.rename(temp, file), delays);
    } catch (renameError) {
      await fs.rm(file, { force: true }); // our own empty claim, nobody else's file
      throw renameError;
    }
  }
}

/** Runs `work`, retrying after each delay while it fails with EBUSY or EPERM. */
async function retryBusy(work: () => Promise<void>, delays: readonly number[]): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = codeOf(error);
      if ((code !== 'EBUSY' && code !== 'EPERM') || attempt >= delays.length) throw error;
      await sleep(delays[attempt]);
    }
  }
}

async function syncFolder(fs: SaveFs, folder: string): Promise<void> {
  const handle = await fs.open(folder, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some file systems (and Windows) cannot fsync a folder; the rename is still atomic.
  } finally {
    await handle.close();
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? '';
}
