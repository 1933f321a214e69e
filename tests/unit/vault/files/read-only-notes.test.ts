import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VaultService } from '../../../../vault/service';
import { Vault } from '../../../../vault/files/vault';
import { removeTempDirs, tempDir } from '../../helpers/temp-vault';

/*
 * A note whose own permissions forbid writing (chmod 444) is never replaced. A save writes a temp
 * file and renames it over the note, which only the folder's permission governs: before the fix,
 * a normal user's save replaced a read-only note in a writable folder.
 */

const repo = resolve(import.meta.dirname, '../../../..');
const CHILD = join(import.meta.dirname, '../../helpers/save-note-child.ts');
const NOBODY = 65534;
/** Whether this test can run the engine as `nobody`: as root, with the checkout readable by it. */
function canRunAsNobody(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync(
      process.execPath,
      ['-e', 'require("fs").accessSync(process.argv[1])', join(repo, 'node_modules/tsx/package.json')],
      {
        uid: NOBODY,
        gid: NOBODY,
        stdio: 'ignore',
      },
    );
    return true;
  } catch {
    return false;
  }
}
const asNobody = canRunAsNobody();

afterEach(removeTempDirs);

async function readOnlyNote(owner?: number): Promise<{ root: string; note: string; bytes: Buffer }> {
  const root = await tempDir();
  const note = join(root, 'locked.md');
  await fs.writeFile(note, '# Locked\n\nKeep me as I am.\n');
  await fs.chmod(note, 0o444);
  if (owner !== undefined) {
    await fs.chown(root, owner, owner);
    await fs.chown(note, owner, owner);
    await fs.chmod(root, 0o755);
  }
  return { root, note, bytes: await fs.readFile(note) };
}

describe('a read-only note', () => {
  it.skipIf(!asNobody)('is not replaced when a normal user saves it (its folder is writable)', async () => {
    const { root, note, bytes } = await readOnlyNote(NOBODY);
    const out = execFileSync(process.execPath, ['--import', 'tsx', CHILD, root, 'locked.md', 'overwritten'], {
      cwd: repo,
      uid: NOBODY,
      gid: NOBODY,
      env: { PATH: process.env.PATH, HOME: '/tmp' },
      encoding: 'utf8',
    });
    const result = JSON.parse(out.trim().split('\n').at(-1) as string) as {
      readOnly: boolean;
      error?: { code: string; message: string };
    };
    expect(result.readOnly).toBe(true);
    expect(result.error?.code).toBe('IO');
    expect(result.error?.message).toMatch(/read-only on disk/);
    expect(await fs.readFile(note)).toEqual(bytes);
    expect((await fs.stat(note)).mode & 0o777).toBe(0o444);
    // Nothing was left beside it.
    expect(await fs.readdir(root)).toEqual(['locked.md']);
  });

  it('is opened read-only and refused by a save, even for root, and left byte-for-byte', async () => {
    const { root, note, bytes } = await readOnlyNote();
    const vault = await Vault.open(root);
    const read = await vault.read('locked.md');
    expect(read.readOnly?.reason).toMatch(/read-only on disk/);
    const refused = await vault.write('locked.md', 'overwritten', read.version).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'IO' });
    expect(String(refused)).toMatch(/read-only on disk/);
    expect(await fs.readFile(note)).toEqual(bytes);
    // Made writable again, it saves (and keeps its mode).
    await fs.chmod(note, 0o644);
    expect((await vault.read('locked.md')).readOnly).toBeUndefined();
    await vault.write('locked.md', 'edited', read.version);
    expect(await fs.readFile(note, 'utf8')).toBe('edited');
    expect((await fs.stat(note)).mode & 0o777).toBe(0o644);
  });

  it('makes a link-rewriting rename refuse all or nothing', async () => {
    const root = await tempDir();
    await fs.writeFile(join(root, 'target.md'), '# Target\n');
    await fs.writeFile(join(root, 'a.md'), 'See [[target]].\n');
    await fs.writeFile(join(root, 'b.md'), 'Also [[target]].\n');
    await fs.chmod(join(root, 'b.md'), 0o444);
    const service = await VaultService.open(root, { host: 'browser', worker: null, watch: false });
    try {
      await service.indexed();
      const refused = await service.rename({ from: 'target.md', to: 'renamed.md' }).catch((error: unknown) => error);
      expect(String(refused)).toMatch(/b\.md.*read-only|read-only.*b\.md/s);
      expect(await fs.readFile(join(root, 'a.md'), 'utf8')).toBe('See [[target]].\n');
      expect(await fs.readFile(join(root, 'b.md'), 'utf8')).toBe('Also [[target]].\n');
      expect(await fs.readFile(join(root, 'target.md'), 'utf8')).toBe('# Target\n');
    } finally {
      await service.close();
    }
  });
});
