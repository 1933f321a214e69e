import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  promises as fs,
  readSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PlexusError } from '../../shared/errors';

/**
 * The one way note bytes are read from a vault, for every reader (the editor, the scan workers,
 * search, backlinks, renames, the CLI). A vault is a folder anyone can drop things into, so a
 * read must never be led out of it, never block, and never cost more than the limit:
 * - the path is resolved to its real location, which must be inside the vault's real root and
 *   not inside a dot-folder (`.git`, `.trash`): a symlink `leak.md -> ~/diary.txt` is refused;
 * - only regular files are opened: a named pipe, device or socket is refused from its stat,
 *   before any `open()` (opening a FIFO blocks until a writer comes, forever);
 * - the open itself is non-blocking and does not follow a final symlink, and the handle is
 *   checked again, so a FIFO or link swapped in after the checks is still never read from;
 * - the size is checked before a byte is read (a sparse 2 GB "note" costs a stat).
 */

/** O_NONBLOCK and O_NOFOLLOW do not exist on Windows (which has no FIFOs or such links). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

export type ReadLimits = {
  /** Files larger than this are refused with TOO_LARGE, unread. */
  maxBytes: number;
};

/** What was read: the bytes, the handle's stat, and the file's real (symlink-free) path. */
export type VaultFile = { bytes: Buffer; stats: Stats; real: string };

/** Where a vault path really leads, once checked: its real path and what is there. */
export type VaultEntry = { real: string; stats: Stats; kind: 'file' | 'folder' };

/** True when `real` (an absolute, symlink-free path) is `root` or inside it. */
export function insideRoot(root: string, real: string): boolean {
  return real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** True when the real path `real`, inside `root`, is in one of its dot-folders (or is a dot-file). */
export function hiddenBelow(root: string, real: string): boolean {
  return hidden(relative(root, real));
}

/** True when a vault-relative path has a segment starting with "." (a dot-file or dot-folder). */
function hidden(rel: string): boolean {
  return rel.split(/[\\/]/).some((segment) => segment.startsWith('.'));
}

/** Refuses a real path outside `root` or in one of its dot-folders. */
function checkReal(root: string, rel: string, real: string): void {
  if (hidden(rel)) {
    throw new PlexusError(
      'UNSAFE_PATH',
      `"${rel}" is in a hidden folder or file of the vault, which Plexus never reads.`,
    );
  }
  if (!insideRoot(root, real)) {
    throw new PlexusError('UNSAFE_PATH', `"${rel}" leads outside the vault (through a symbolic link) and is refused.`);
  }
  if (hiddenBelow(root, real)) {
    throw new PlexusError(
      'UNSAFE_PATH',
      `"${rel}" leads into a hidden folder or file of the vault (through a symbolic link), which Plexus never reads.`,
    );
  }
}

/** Refuses anything but a regular file or a folder, saying what it is. */
function kindOf(rel: string, stats: Stats): 'file' | 'folder' {
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'folder';
  const what = stats.isFIFO()
    ? 'a named pipe'
    : stats.isSocket()
      ? 'a socket'
      : stats.isCharacterDevice() || stats.isBlockDevice()
        ? 'a device'
        : 'not a regular file';
  return refuse(rel, what);
}

function refuse(rel: string, what: string): never {
  throw new PlexusError('NOT_TEXT', `"${rel}" is ${what}, not a note, so Plexus does not read it.`);
}

/** Refuses a folder or a file over the limit (before reading it). */
function checkFile(rel: string, stats: Stats, limits: ReadLimits): void {
  if (kindOf(rel, stats) === 'folder') throw new PlexusError('INVALID_ARGUMENT', `"${rel}" is a folder, not a note.`);
  if (stats.size > limits.maxBytes) {
    throw new PlexusError(
      'TOO_LARGE',
      `"${rel}" is ${mb(stats.size)}; notes over ${mb(limits.maxBytes)} are not opened.`,
    );
  }
}

/** A failed system call as a PlexusError (a missing file is NOT_FOUND). */
function ioFailure(rel: string, error: unknown): PlexusError {
  if (error instanceof PlexusError) return error;
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return new PlexusError('NOT_FOUND', `"${rel}" does not exist.`);
  if (e.code === 'ELOOP') return new PlexusError('UNSAFE_PATH', `"${rel}" is a symbolic link loop and is refused.`);
  if (e.code === 'ENXIO') return refuse(rel, 'a socket or device');
  return new PlexusError('IO', `Could not read "${rel}": ${e.code ?? e.message}.`);
}

/**
 * Resolves a vault path to a checked entry (file or folder), without opening it. `root` must be
 * the vault's real root. Throws NOT_FOUND, UNSAFE_PATH (outside, in a dot-folder, a loop) or
 * NOT_TEXT (a pipe, device or socket).
 */
export async function vaultEntry(root: string, rel: string): Promise<VaultEntry> {
  try {
    const real = await fs.realpath(join(root, rel));
    checkReal(root, rel, real);
    const stats = await fs.stat(real);
    return { real, stats, kind: kindOf(rel, stats) };
  } catch (error) {
    throw ioFailure(rel, error);
  }
}

/** `vaultEntry` on this thread (the scan workers and the index read synchronously). */
export function vaultEntrySync(root: string, rel: string): VaultEntry {
  try {
    const real = realpathSync.native(join(root, rel));
    checkReal(root, rel, real);
    const stats = statSync(real);
    return { real, stats, kind: kindOf(rel, stats) };
  } catch (error) {
    throw ioFailure(rel, error);
  }
}

/**
 * Reads the bytes of the note at vault path `rel` under the checks above; throws a PlexusError
 * saying why it will not (NOT_FOUND, UNSAFE_PATH, NOT_TEXT, INVALID_ARGUMENT, TOO_LARGE, IO).
 */
export async function readVaultFile(root: string, rel: string, limits: ReadLimits): Promise<VaultFile> {
  const { real, stats: before } = await vaultEntry(root, rel);
  checkFile(rel, before, limits);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(real, OPEN_FLAGS);
    const stats = await handle.stat();
    checkFile(rel, stats, limits);
    const bytes = Buffer.allocUnsafe(stats.size);
    let length = 0;
    for (;;) {
      if (length === bytes.length) {
        // The file grew since its stat: read on, within the limit.
        const more = await readMore(rel, (buffer) => handle!.read(buffer, 0, buffer.length, null), length, limits);
        return { bytes: more ? Buffer.concat([bytes, more]) : bytes, stats, real };
      }
      const { bytesRead } = await handle.read(bytes, length, bytes.length - length, null);
      if (bytesRead === 0) return { bytes: bytes.subarray(0, length), stats, real };
      length += bytesRead;
    }
  } catch (error) {
    throw ioFailure(rel, error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** `readVaultFile` on this thread (the scan workers and the search's text reader). */
export function readVaultFileSync(root: string, rel: string, limits: ReadLimits): VaultFile {
  const { real, stats: before } = vaultEntrySync(root, rel);
  checkFile(rel, before, limits);
  let fd: number | undefined;
  try {
    fd = openSync(real, OPEN_FLAGS);
    const stats = fstatSync(fd);
    checkFile(rel, stats, limits);
    const bytes = Buffer.allocUnsafe(stats.size);
    let length = 0;
    while (length < bytes.length) {
      const read = readSync(fd, bytes, length, bytes.length - length, null);
      if (read === 0) return { bytes: bytes.subarray(0, length), stats, real };
      length += read;
    }
    const handle = fd;
    const more = readMoreSync(rel, (buffer) => readSync(handle, buffer, 0, buffer.length, null), length, limits);
    return { bytes: more ? Buffer.concat([bytes, more]) : bytes, stats, real };
  } catch (error) {
    throw ioFailure(rel, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const CHUNK = 64 * 1024;

/** What a file that grew after its stat has beyond `length`, refused past the limit; null: nothing. */
async function readMore(
  rel: string,
  read: (buffer: Buffer) => Promise<{ bytesRead: number }>,
  length: number,
  limits: ReadLimits,
): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  for (let total = length; ;) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    const { bytesRead } = await read(chunk);
    if (bytesRead === 0) return chunks.length ? Buffer.concat(chunks) : null;
    total += bytesRead;
    if (total > limits.maxBytes) throw tooLarge(rel, total, limits);
    chunks.push(chunk.subarray(0, bytesRead));
  }
}

function readMoreSync(
  rel: string,
  read: (buffer: Buffer) => number,
  length: number,
  limits: ReadLimits,
): Buffer | null {
  const chunks: Buffer[] = [];
  for (let total = length; ;) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    const bytesRead = read(chunk);
    if (bytesRead === 0) return chunks.length ? Buffer.concat(chunks) : null;
    total += bytesRead;
    if (total > limits.maxBytes) throw tooLarge(rel, total, limits);
    chunks.push(chunk.subarray(0, bytesRead));
  }
}

function tooLarge(rel: string, size: number, limits: ReadLimits): PlexusError {
  return new PlexusError(
    'TOO_LARGE',
    `"${rel}" is over ${mb(limits.maxBytes)} (${mb(size)} read so far); notes over ${mb(limits.maxBytes)} are not opened.`,
  );
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
