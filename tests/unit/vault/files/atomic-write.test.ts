import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import { atomicWrite, TEMP_PREFIX, tempPathFor } from '../../../../vault/files/atomic-write';
import { removeTempDirs, tempDir } from '../../helpers/temp-vault';

const enc = (text: string) => new TextEncoder().encode(text);

let dir: string;

/** Names in `folder` that look like our temp files. */
async function tempLeftovers(folder: string): Promise<string[]> {
  return (await fs.readdir(folder)).filter((name) => name.startsWith(TEMP_PREFIX));
}

const modeOf = async (file: string) => (await fs.stat(file)).mode & 0o7777;

beforeEach(async () => {
  dir = await tempDir();
});

afterEach(async () => {
  await removeTempDirs();
});

describe('tempPathFor', () => {
  it('puts the temp file beside the target, as a dot-file carrying the name', () => {
    const temp = tempPathFor(join(dir, 'sub', 'note.md'));
    expect(temp.startsWith(join(dir, 'sub', TEMP_PREFIX))).toBe(true);
    expect(temp.endsWith('-note.md')).toBe(true);
    expect(TEMP_PREFIX.startsWith('.')).toBe(true);
  });

  it.each([
    ['x'.repeat(252) + '.md', 255],
    ['é'.repeat(126) + '.md', 255],
    ['🙂'.repeat(63) + '.md', 255],
    ['日本'.repeat(40) + '.md', 243],
  ])('keeps the temp name of a long name (%#) within 255 bytes, without splitting a character', (name, bytes) => {
    expect(Buffer.byteLength(name)).toBe(bytes);
    const temp = basename(tempPathFor(join(dir, name)));
    expect(Buffer.byteLength(temp)).toBeLessThanOrEqual(255);
    expect(temp).not.toContain('\uFFFD');
    expect(name.startsWith(temp.slice(TEMP_PREFIX.length + 13))).toBe(true);
  });

  it('saves a note whose name is 255 bytes long', async () => {
    const file = join(dir, 'é'.repeat(126) + '.md');
    await fs.writeFile(file, 'old');
    await atomicWrite(file, enc('new'));
    await atomicWrite(join(dir, 'x'.repeat(252) + '.md'), enc('created'), { exclusive: true });
    expect(await fs.readFile(file, 'utf8')).toBe('new');
    expect(await tempLeftovers(dir)).toEqual([]);
  });

  it('gives a different temp name each time', () => {
    const file = join(dir, 'note.md');
    expect(tempPathFor(file)).not.toBe(tempPathFor(file));
  });
});

describe('atomicWrite', () => {
  it('replaces the content of an existing file', async () => {
    const file = join(dir, 'note.md');
    await fs.writeFile(file, 'old content that is longer than the new one');
    await atomicWrite(file, enc('new'));
    expect(await fs.readFile(file, 'utf8')).toBe('new');
  });

  it('creates a missing file', async () => {
    const file = join(dir, 'new.md');
    await atomicWrite(file, enc('hello'));
    expect(await fs.readFile(file, 'utf8')).toBe('hello');
  });

  it('writes raw bytes exactly (CRLF, BOM, NUL)', async () => {
    const file = join(dir, 'raw.bin');
    const data = Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a, 0x00, 0xff]);
    await atomicWrite(file, data);
    expect(new Uint8Array(await fs.readFile(file))).toEqual(data);
  });

  it('can write an empty file over a non-empty one', async () => {
    const file = join(dir, 'note.md');
    await fs.writeFile(file, 'something');
    await atomicWrite(file, new Uint8Array(0));
    expect((await fs.stat(file)).size).toBe(0);
  });

  it('replaces the file by rename (new inode), so a reader never sees a partial write', async () => {
    const file = join(dir, 'note.md');
    await fs.writeFile(file, 'old');
    const before = await fs.stat(file);
    await atomicWrite(file, enc('new'));
    expect((await fs.stat(file)).ino).not.toBe(before.ino);
  });

  it.each([0o600, 0o755, 0o640, 0o444])('keeps the file mode %o', async (mode) => {
    const file = join(dir, 'note.md');
    await fs.writeFile(file, 'old');
    await fs.chmod(file, mode);
    await atomicWrite(file, enc('new'));
    expect(await modeOf(file)).toBe(mode);
    expect(await fs.readFile(file, 'utf8')).toBe('new');
  });

  it('gives a new file the default mode 0644 minus the umask', async () => {
    const file = join(dir, 'fresh.md');
    await atomicWrite(file, enc('x'));
    const reference = join(dir, 'reference.md');
    await fs.writeFile(reference, '', { mode: 0o644 }); // what the umask makes of 0644
    expect(await modeOf(file)).toBe(await modeOf(reference));
  });

  it('leaves no temp file behind after success', async () => {
    const file = join(dir, 'note.md');
    await fs.writeFile(file, 'old');
    await atomicWrite(file, enc('new'));
    await atomicWrite(join(dir, 'other.md'), enc('new'));
    expect(await tempLeftovers(dir)).toEqual([]);
    expect((await fs.readdir(dir)).sort()).toEqual(['note.md', 'other.md']);
  });

  describe('exclusive', () => {
    it('creates a missing file', async () => {
      const file = join(dir, 'new.md');
      await atomicWrite(file, enc('created'), { exclusive: true });
      expect(await fs.readFile(file, 'utf8')).toBe('created');
      expect(await tempLeftovers(dir)).toEqual([]);
    });

    it('fails with EEXIST on an existing file and leaves it unchanged', async () => {
      const file = join(dir, 'note.md');
      await fs.writeFile(file, 'precious');
      await fs.chmod(file, 0o600);
      const before = await fs.stat(file);
      await expect(atomicWrite(file, enc('overwritten!'), { exclusive: true })).rejects.toMatchObject({
        code: 'EEXIST',
      });
      expect(await fs.readFile(file, 'utf8')).toBe('precious');
      const after = await fs.stat(file);
      expect(after.ino).toBe(before.ino);
      expect(after.mode & 0o7777).toBe(0o600);
      expect(await tempLeftovers(dir)).toEqual([]);
    });

    it('fails with EEXIST on an existing folder', async () => {
      const target = join(dir, 'folder');
      await fs.mkdir(target);
      await expect(atomicWrite(target, enc('x'), { exclusive: true })).rejects.toMatchObject({ code: 'EEXIST' });
      expect((await fs.stat(target)).isDirectory()).toBe(true);
      expect(await tempLeftovers(dir)).toEqual([]);
    });

    it('lets exactly one of two concurrent exclusive creations win', async () => {
      const file = join(dir, 'race.md');
      const results = await Promise.allSettled([
        atomicWrite(file, enc('first'), { exclusive: true }),
        atomicWrite(file, enc('second'), { exclusive: true }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      const winner = results[0]?.status === 'fulfilled' ? 'first' : 'second';
      expect(await fs.readFile(file, 'utf8')).toBe(winner);
      expect(await tempLeftovers(dir)).toEqual([]);
    });
  });

  describe('failures', () => {
    it('leaves no temp file when the rename fails (target is a folder)', async () => {
      const target = join(dir, 'note.md');
      await fs.mkdir(target);
      await fs.writeFile(join(target, 'child.md'), 'child');
      await expect(atomicWrite(target, enc('x'))).rejects.toThrow();
      expect(await tempLeftovers(dir)).toEqual([]);
      expect((await fs.stat(target)).isDirectory()).toBe(true);
      expect(await fs.readFile(join(target, 'child.md'), 'utf8')).toBe('child');
    });

    it('fails when the folder does not exist, creating nothing', async () => {
      const file = join(dir, 'missing', 'note.md');
      await expect(atomicWrite(file, enc('x'))).rejects.toMatchObject({ code: 'ENOENT' });
      expect(await fs.readdir(dir)).toEqual([]);
    });
  });
});
