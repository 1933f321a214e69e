import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Temp files are dot-files, so listings and the watcher never show them. */
export const TEMP_PREFIX = '.plexus-tmp-';

/** The temp file a write of `file` goes through. */
export function tempPathFor(file: string): string {
  return join(dirname(file), `${TEMP_PREFIX}${randomBytes(6).toString('hex')}-${basename(file)}`);
}

/**
 * Replaces `file` with `data` so that a crash leaves the old or the new content, never a mix:
 * write a temp file beside it, fsync, give it the old file's mode, rename over, fsync the folder.
 * With `exclusive`, fails with EEXIST instead of replacing an existing file.
 */
export async function atomicWrite(
  file: string,
  data: Uint8Array,
  options: { exclusive?: boolean } = {},
): Promise<void> {
  const temp = tempPathFor(file);
  const mode = await fs.stat(file).then(
    (s) => s.mode & 0o7777,
    () => undefined,
  );
  try {
    const handle = await fs.open(temp, 'wx', mode ?? 0o644);
    try {
      await handle.writeFile(data);
      if (mode !== undefined) await handle.chmod(mode); // the umask may have narrowed it
      await handle.sync();
    } finally {
      await handle.close();
    }
    // link() refuses to replace an existing file, which makes exclusive creation atomic too.
    if (options.exclusive) await fs.link(temp, file);
    else await fs.rename(temp, file);
  } finally {
    await fs.rm(temp, { force: true });
  }
  await syncFolder(dirname(file));
}

async function syncFolder(folder: string): Promise<void> {
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
