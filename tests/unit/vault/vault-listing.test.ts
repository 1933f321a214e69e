import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Vault } from '../../../vault/files/vault';
import { listVault } from '../../../vault/files/vault-listing';
import { removeTempDirs, tempDir, tempVault } from '../helpers/temp-vault';

afterEach(() => removeTempDirs());

async function write(root: string, path: string, text = 'x'): Promise<void> {
  await fs.mkdir(join(root, path, '..'), { recursive: true });
  await fs.writeFile(join(root, path), text);
}

describe('listVault', () => {
  it('lists a fixture vault exactly as Vault.list()', async () => {
    const vault = await Vault.open(await tempVault('search'));
    expect(await listVault(vault.root)).toEqual(await vault.list());
  });

  it('agrees with Vault.list() on dot entries, symlinks in and out of the vault, and link loops', async () => {
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
    expect(listed).toEqual(await vault.list());
    expect(listed.map((e) => e.path)).toContain('a/link-to-c/deep/er/Leaf.png');
    expect(listed.map((e) => e.path)).not.toContain('out/Secret.md');
  });

  it('gives an empty list for an empty vault', async () => {
    expect(await listVault(await tempDir())).toEqual([]);
  });
});
