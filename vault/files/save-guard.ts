import { randomBytes } from 'node:crypto';
import { constants, linkSync, promises as fs, renameSync, rmSync, statSync, type BigIntStats } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { PlexusError } from '../../shared/errors';
import { tempPathFor, type SaveFs } from './atomic-write';

/**
 * A note moved aside for the moment of a save is named `<prefix><12 hex>-<its name>`, so that
 * `restoreAsideFiles` can put it back after a crash at that moment.
 */
export const ASIDE_PREFIX = '.plexus-aside-';
const ASIDE_OVERHEAD = Buffer.byteLength(ASIDE_PREFIX) + 13;
const ASIDE_NAME = /^\.plexus-aside-[0-9a-f]{12}-(.+)$/s;

/** Codes of a link() that cannot pin the file: no hard links here, or a file we do not own. */
const CANNOT_LINK = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK', 'EACCES']);

/** What a save checks the replaced file against: its identity and content as read. */
type Pinned = { dev: bigint; ino: bigint; size: bigint; mtimeNs: bigint; mode: number; uid: number };

/**
 * Makes "replace the note only if it is still the version the edits were made from" one step
 * against other programs, which take no locks. The note's inode is pinned by a hard link (a
 * dot-file beside it) before its bytes are read. To replace it, the note is first renamed aside:
 * that atomically takes whatever is at its path at that instant. If it is the pinned inode,
 * unchanged, the new file is hard-linked in (link() never replaces, so a file another program
 * created in the meantime stands); anything else (another program's version) is put back and the
 * save is refused with STALE_VERSION. A write into the pinned inode by a program that had it open
 * is seen afterwards and put back too. So no other program's version is ever replaced unseen, at
 * any timing; the cost is that the path is empty for the microseconds between two system calls.
 *
 * Where hard links are impossible (FAT, exFAT, some network drives, another owner's file with
 * protected hard links) or the aside name would be too long, the note is checked by a stat just
 * before a plain rename over it: a window of microseconds instead of none.
 */
export class SaveGuard {
  private constructor(
    private readonly file: string,
    /** The hard link to the pinned inode, or null when the file is checked by path. */
    private readonly link: string | null,
    private readonly pinned: Pinned,
  ) {}

  /** Pins `file` (which must exist). `rel` names it in errors. */
  static async pin(file: string, rel: string): Promise<SaveGuard> {
    let link: string | null = tempPathFor(file);
    try {
      await fs.link(file, link);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'ENOENT') throw stale(rel);
      if (!CANNOT_LINK.has(code)) throw error;
      link = null;
    }
    try {
      const stats = await fs.stat(link ?? file, { bigint: true });
      if (stats.isDirectory()) throw new PlexusError('INVALID_ARGUMENT', `"${rel}" is a folder, not a note.`);
      return new SaveGuard(file, link, pinnedOf(stats));
    } catch (error) {
      if (link) await fs.rm(link, { force: true });
      throw error;
    }
  }

  /**
   * The pinned file's bytes, read without ever blocking on a named pipe or reading past `maxBytes`.
   * Throws STALE_VERSION when the file changed while it was read.
   */
  async read(rel: string, maxBytes: number): Promise<Buffer> {
    const handle = await fs.open(this.link ?? this.file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stats = await handle.stat({ bigint: true });
      if (!stats.isFile()) {
        throw new PlexusError(
          'NOT_TEXT',
          `"${rel}" is not a regular file (a pipe, device or socket); Plexus does not save over it.`,
        );
      }
      if (stats.size > BigInt(maxBytes)) {
        throw new PlexusError('TOO_LARGE', `"${rel}" is larger than a note can be; Plexus does not save over it.`);
      }
      const bytes = await handle.readFile();
      if (!samePinned(await handle.stat({ bigint: true }), this.pinned)) throw stale(rel);
      return bytes;
    } finally {
      await handle.close();
    }
  }

  /** True when the note's own permissions forbid writing it (a rename would ignore them). */
  async isReadOnly(): Promise<boolean> {
    const { mode, uid } = this.pinned;
    if ((mode & 0o222) === 0) return true; // root could write anyway; the owner said not to
    if (uid === process.getuid?.() && (mode & 0o200) !== 0) return false; // ours and writable
    return fs.access(this.file, constants.W_OK).then(
      () => false,
      () => true,
    );
  }

  /**
   * Puts `temp` at the note's path if the note there is still the pinned, unchanged version;
   * otherwise throws STALE_VERSION and leaves the other program's version in place. `saveFs` (fault
   * injection in tests) performs the renames.
   */
  async replaceWith(temp: string, rel: string, saveFs?: SaveFs): Promise<void> {
    const rename = (from: string, to: string) => (saveFs ? saveFs.rename(from, to) : fs.rename(from, to));
    const name = basename(this.file);
    if (!this.link || Buffer.byteLength(name) + ASIDE_OVERHEAD > 255) {
      this.assertUnchanged(rel);
      if (saveFs) await saveFs.rename(temp, this.file);
      else renameSync(temp, this.file);
      return;
    }
    const aside = join(dirname(this.file), `${ASIDE_PREFIX}${randomBytes(6).toString('hex')}-${name}`);
    try {
      await rename(this.file, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw stale(rel); // deleted meanwhile
      throw error;
    }
    // From here until the link below, the note's path is empty: synchronous calls keep it short.
    const taken = statSync(aside, { bigint: true });
    if (!samePinned(taken, this.pinned)) {
      putBack(aside, this.file);
      throw stale(rel);
    }
    try {
      linkSync(temp, this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        putBack(aside, this.file);
        throw error;
      }
      // Another program wrote the note in that moment: its file stands, ours does not, and the
      // version moved aside is the one the edits were made from (unless it was written to since).
      if (samePinned(statSync(aside, { bigint: true }), this.pinned)) rmSync(aside, { force: true });
      else putBack(aside, this.file);
      throw stale(rel);
    }
    rmSync(aside, { force: true }); // the pinned version, still held by the pin until release()
  }

  /**
   * After the note was replaced: if the old inode was written to in the meantime (by a program
   * that had it open), that write is put back in place of ours and STALE_VERSION is thrown, so
   * the editor merges it instead of it being lost.
   */
  assertNothingLost(rel: string): void {
    if (!this.link) return;
    const now = statSync(this.link, { bigint: true, throwIfNoEntry: false });
    if (!now || samePinned(now, this.pinned)) return;
    renameSync(this.link, this.file);
    throw stale(rel);
  }

  /** Removes the pin (the note itself is never touched). */
  async release(): Promise<void> {
    if (this.link) await fs.rm(this.link, { force: true });
  }

  /** The windowed check: the note is still the pinned inode, unchanged. */
  private assertUnchanged(rel: string): void {
    const now = statSync(this.file, { bigint: true, throwIfNoEntry: false });
    if (!now || !samePinned(now, this.pinned)) throw stale(rel);
  }
}

/**
 * Puts a note moved aside by a save that was killed at that moment back at its name (when nothing
 * took the name since) and removes the aside file otherwise. Returns how many were put back.
 */
export function restoreAsideFile(folder: string, entry: string): boolean {
  const match = ASIDE_NAME.exec(entry);
  if (!match?.[1]) return false;
  const aside = join(folder, entry);
  try {
    linkSync(aside, join(folder, match[1]));
    return true;
  } catch {
    return false; // the name is taken again: the aside copy is an older version of it
  } finally {
    rmSync(aside, { force: true });
  }
}

/**
 * Moves `aside` back to `file`. If yet another version appeared at `file` meanwhile, the one
 * moved aside is kept beside it as a conflict copy (the kind sync tools make), never dropped.
 */
function putBack(aside: string, file: string): void {
  try {
    linkSync(aside, file);
    rmSync(aside, { force: true });
  } catch {
    const ext = extname(file);
    const stamp = new Date().toISOString().slice(0, 19).replace('T', ' ').replaceAll(':', '-');
    renameSync(aside, `${file.slice(0, file.length - ext.length)} (conflicted copy ${stamp})${ext}`);
  }
}

function samePinned(stats: BigIntStats, pinned: Pinned): boolean {
  return (
    stats.dev === pinned.dev &&
    stats.ino === pinned.ino &&
    stats.size === pinned.size &&
    stats.mtimeNs === pinned.mtimeNs
  );
}

function pinnedOf(stats: BigIntStats): Pinned {
  return {
    dev: stats.dev,
    ino: stats.ino,
    size: stats.size,
    mtimeNs: stats.mtimeNs,
    mode: Number(stats.mode),
    uid: Number(stats.uid),
  };
}

function stale(rel: string): PlexusError {
  return new PlexusError(
    'STALE_VERSION',
    `"${rel}" changed on disk while it was being saved; your edits were not saved over it.`,
  );
}
