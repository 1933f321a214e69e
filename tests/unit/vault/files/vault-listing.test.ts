import { promises as fs, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import type { FileEntry } from '../../../../shared/api';
import { afterEach, describe, expect, it } from 'vitest';
import { Vault } from '../../../../vault/files/vault';
import { listVault } from '../../../../vault/files/vault-listing';
import { removeTempDirs, tempDir, tempVault } from '../../helpers/temp-vault';

afterEach(() => removeTempDirs());

/**
 * The listing as the engine once made it (one awaited fs.stat per entry, 5× slower), kept here as
 * an independent reference for the one listing the engine now has.
 */
async function referenceListing(root: string): Promise<FileEntry[]> {
  const entries: FileEntry[] = [];
  const visited = new Set<string>([root]);
  const inside = (real: string) => real === root || real.startsWith(root + sep);
  const hidden = (real: string) =>
    real
      .slice(root.length + 1)
      .split(sep)
      .some((part) => part.startsWith('.'));
  const walk = async (folder: string): Promise<void> => {
    const dirents = await fs.readdir(join(root, folder), { withFileTypes: true }).catch(() => []);
    dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const dirent of dirents) {
      if (dirent.name.startsWith('.')) continue;
      const path = folder ? `${folder}/${dirent.name}` : dirent.name;
      let stats: Stats;
      try {
        if (dirent.isSymbolicLink()) {
          const real = await fs.realpath(join(root, path));
          if (!inside(real) || hidden(real)) continue;
          stats = await fs.stat(real);
          if (stats.isDirectory()) {
            if (visited.has(real)) continue;
            visited.add(real);
          }
        } else stats = await fs.stat(join(root, path));
      } catch {
        continue;
      }
      if (!stats.isFile() && !stats.isDirectory()) continue;
      const kind = stats.isDirectory() ? 'folder' : 'file';
      entries.push({ path, kind, size: kind === 'file' ? stats.size : 0, mtimeMs: stats.mtimeMs });
      if (kind === 'folder') await walk(path);
    }
  };
  await walk('');
  return entries;
}

async function write(root: string, path: string, text = 'x'): Promise<void> {
  await fs.mkdir(join(root, path, '..'), { recursive: true });
  await fs.writeFile(join(root, path), text);
}

describe('listVault', () => {
  it('lists a fixture vault exactly as the reference walk does, and Vault.list() is the same listing', async () => {
    const vault = await Vault.open(await tempVault('search'));
    expect(await listVault(vault.root)).toEqual(await referenceListing(vault.root));
    expect(await vault.list()).toEqual(await listVault(vault.root));
  });

  it('agrees with the reference walk on dot entries, symlinks in and out of the vault, and link loops', async () => {
    const outside = await tempDir();
    await write(outside, 'Secret.md');
    const base = await tempDir();
    await write(base, 'b/Note.md', 'hello');
    await write(base, 'a/Zed.md');
    await write(base, '.hidden/Skip.md');
    await write(base, '.dotfile.md');
    await write(base, 'B upper/Ä.md');
    await write(base, 'c/deep/er/Leaf.png');
    await fs.symlink(join(base, 'c'), join(base, 'a', 'link-to-c'));
    await fs.symlink(join(base, 'c'), join(base, 'z-link-to-c'));
    await fs.symlink(base, join(base, 'b', 'loop'));
    await fs.symlink(outside, join(base, 'out'));
    await fs.symlink(join(base, 'b', 'Note.md'), join(base, 'alias.md'));
    await fs.symlink(join(base, 'missing.md'), join(base, 'dangling.md'));
    const vault = await Vault.open(base);
    const listed = await listVault(vault.root);
    expect(listed).toEqual(await referenceListing(vault.root));
    expect(listed.map((e) => e.path)).toContain('a/link-to-c/deep/er/Leaf.png');
    expect(listed.map((e) => e.path)).not.toContain('out/Secret.md');
  });

  it('gives an empty list for an empty vault', async () => {
    expect(await listVault(await tempDir())).toEqual([]);
  });
});
