import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { join } from 'node:path';

const TOKEN = /^[0-9a-f]{48}$/;

/**
 * The browser host's launch token for a fixed `--port`, kept in the data folder (owner-only,
 * 0600 in a 0700 folder) so a restarted host accepts the pages it served before: their unsaved
 * text saves as soon as the host is back. A file anyone else could read, a link, or anything that
 * is not a token is replaced by a fresh token. Other programs of the same user can read it, as
 * they can read the vault itself.
 */
export async function portToken(dataDir: string, port: number): Promise<string> {
  const dir = join(dataDir, 'browser-host');
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `token-${port}`);
  const kept = await readPrivate(file);
  if (kept) return kept;
  const token = randomBytes(24).toString('hex');
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, token, { mode: 0o600, flag: 'wx' });
  await fs.rename(temp, file);
  return token;
}

async function readPrivate(file: string): Promise<string | null> {
  const handle = await fs.open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)).catch(() => null);
  if (!handle) return null;
  try {
    const stats = await handle.stat();
    const ownerOnly = process.platform === 'win32' || ((stats.mode & 0o077) === 0 && stats.uid === process.getuid?.());
    if (!stats.isFile() || !ownerOnly || stats.size > 100) return null;
    const text = (await handle.readFile('utf8')).trim();
    return TOKEN.test(text) ? text : null;
  } finally {
    await handle.close();
  }
}
