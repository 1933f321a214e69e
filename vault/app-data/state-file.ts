import { constants, promises as fs } from 'node:fs';
import { join } from 'node:path';
import { PlexusError } from '../../shared/errors';
import { atomicWrite, ioError, type SaveFs } from '../files';

/** The vault's own dot-folder for its state and settings (never listed, indexed or served). */
export const STATE_FOLDER = '.plexus';

/**
 * Saves `data` atomically as `<root>/.plexus/<name>`. A failure (disk full, no permission, a file
 * named .plexus in the way) is an IO error in plain words naming the file and what was being
 * saved (`what`: "the open tabs"), never a raw errno; the file that was there is left as it was.
 */
export async function saveStateFile(
  root: string,
  name: string,
  data: Uint8Array,
  options: { what: string; saveFs?: SaveFs },
): Promise<void> {
  const rel = `${STATE_FOLDER}/${name}`;
  const verb = `save ${options.what} to`;
  await fs.mkdir(join(root, STATE_FOLDER), { recursive: true }).catch((e: NodeJS.ErrnoException) => {
    // mkdir says EEXIST when a file has the folder's name: that is "not a folder", not "exists".
    throw ioError(rel, e.code === 'EEXIST' ? Object.assign(e, { code: 'ENOTDIR' }) : e, verb);
  });
  try {
    await atomicWrite(join(root, STATE_FOLDER, name), data, { fs: options.saveFs });
  } catch (error) {
    if (error instanceof PlexusError) throw error;
    throw ioError(rel, error as NodeJS.ErrnoException, verb);
  }
}

/** Largest state file read: they hold a few settings and tab paths. */
const MAX_STATE_BYTES = 1024 * 1024;

/**
 * The text of `<root>/.plexus/<name>`, or null when it is missing or not a plain file of a sane
 * size: a named pipe, a device or a symlink planted there is never opened for reading (a pipe
 * would block the read forever), and a huge file is never read whole.
 */
export async function readStateFile(root: string, name: string): Promise<string | null> {
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;
  const handle = await fs.open(join(root, STATE_FOLDER, name), flags).catch(() => null);
  if (!handle) return null;
  try {
    const stats = await handle.stat();
    if (!stats.isFile() || stats.size > MAX_STATE_BYTES) return null;
    return await handle.readFile('utf8');
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}
