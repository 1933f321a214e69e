import { promises as fs, type Stats } from 'node:fs';
import { join } from 'node:path';
import { PlexusError } from '../../shared/errors';
import { baseName, joinPath, parentPath } from '../../shared/paths';
import { ioError, outsideError } from './io-errors';
import { insideRoot } from './read-vault-file';

/**
 * Where a vault-relative path lands on disk, checked: an existing entry must really be inside the
 * vault, a new one must not exist, must not be a Unicode twin of a sibling, and must have its
 * nearest existing folder inside the vault. `root` is the vault's real (symlink-free) path.
 */

/** The absolute path of an existing entry, after checking its real location is in the vault. */
export async function resolveExisting(root: string, rel: string): Promise<string> {
  const abs = join(root, rel);
  const real = await fs.realpath(abs).catch((e: NodeJS.ErrnoException) => {
    throw e.code === 'ENOENT' ? new PlexusError('NOT_FOUND', `"${rel}" does not exist.`) : ioError(rel, e);
  });
  if (!insideRoot(root, real)) throw outsideError(rel);
  return abs;
}

/**
 * The absolute path for a new entry: must not exist yet (a case-only rename of `self` is
 * allowed), must not be a Unicode twin of an existing entry, and its nearest existing ancestor
 * must really be inside the vault.
 */
export async function resolveNew(root: string, rel: string, self?: string): Promise<string> {
  const abs = join(root, rel);
  const existing = await fs.lstat(abs).catch(() => null);
  if (existing && !(self && (await sameEntry(existing, self)))) {
    throw new PlexusError('ALREADY_EXISTS', `"${rel}" already exists.`);
  }
  let missing = rel;
  let ancestor = parentPath(rel);
  for (;;) {
    const real = await fs.realpath(join(root, ancestor)).catch(() => null);
    if (real) {
      if (!insideRoot(root, real)) throw outsideError(rel);
      await refuseUnicodeTwin(real, missing, self);
      return abs;
    }
    if (ancestor === '') return abs;
    missing = ancestor;
    ancestor = parentPath(ancestor);
  }
}

/** True when `stats` describe the entry at `path` (a case- or normalization-only rename). */
async function sameEntry(stats: Stats, path: string): Promise<boolean> {
  const other = await fs.lstat(path).catch(() => null);
  return other !== null && other.ino === stats.ino && other.dev === stats.dev;
}

/**
 * Refuses a new entry `rel` (inside the real folder `folder`) whose name equals a sibling's once
 * both are NFC-normalized, like "é" typed as one code point or as "e" plus an accent: macOS
 * treats such names as the same file, so the vault would not survive a copy there.
 */
async function refuseUnicodeTwin(folder: string, rel: string, self?: string): Promise<void> {
  const name = baseName(rel);
  const key = name.normalize('NFC');
  for (const other of await fs.readdir(folder).catch(() => [])) {
    if (other === name || other.normalize('NFC') !== key) continue;
    const stats = await fs.lstat(join(folder, other)).catch(() => null);
    if (!stats || (self && (await sameEntry(stats, self)))) continue;
    throw new PlexusError(
      'ALREADY_EXISTS',
      `"${rel}" clashes with "${joinPath(parentPath(rel), other)}": the names look the same but their accents ` +
        'are encoded differently, and macOS treats them as one name. Choose another name.',
    );
  }
}
