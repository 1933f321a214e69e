import { promises } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FilesEvent } from '../../../../shared/api';
import { PlexusError } from '../../../../shared/errors';
import { atomicWrite, TEMP_PREFIX, type SaveFs } from '../../../../vault/files/atomic-write';
import { Vault, versionOf } from '../../../../vault/files/vault';
import { removeTempDirs, tempDir } from '../../helpers/temp-vault';

/** The operations a fault can be injected into. */
type Op = 'open' | 'writeFile' | 'chmod' | 'sync' | 'close' | 'rename' | 'link';

function errno(code: string, syscall: string): NodeJS.ErrnoException {
  const error = new Error(`${code}: simulated failure, ${syscall}`) as NodeJS.ErrnoException;
  error.code = code;
  error.syscall = syscall;
  return error;
}

/**
 * node:fs/promises with one fault: `op` fails with `code` (the first `times` calls). A failing
 * writeFile first writes half the data, as a disk filling up mid-write does. Calls are counted.
 */
function faultyFs(op: Op, code: string, times = Infinity): SaveFs & { calls: Partial<Record<Op, number>> } {
  const calls: Partial<Record<Op, number>> = {};
  let left = times;
  const hit = (name: Op): boolean => {
    calls[name] = (calls[name] ?? 0) + 1;
    if (name !== op || left <= 0) return false;
    left--;
    return true;
  };
  const check = (name: Op) => {
    if (hit(name)) throw errno(code, name);
  };
  return {
    calls,
    async open(path, flags, mode) {
      const isTemp = basename(path).startsWith(TEMP_PREFIX);
      if (isTemp) check('open');
      const handle = await promises.open(path, flags, mode);
      if (!isTemp) return handle; // the folder fsync and the no-hard-link claim are not faulted
      return {
        async writeFile(data) {
          if (hit('writeFile')) {
            await handle.writeFile(data.subarray(0, data.length >> 1));
            throw errno(code, 'write');
          }
          await handle.writeFile(data);
        },
        async chmod(m) {
          check('chmod');
          await handle.chmod(m);
        },
        async sync() {
          check('sync');
          await handle.sync();
        },
        async close() {
          await handle.close();
          check('close');
        },
      };
    },
    stat: (path) => promises.stat(path),
    async rename(from, to) {
      check('rename');
      await promises.rename(from, to);
    },
    async link(existing, path) {
      check('link');
      await promises.link(existing, path);
    },
    rm: (path, options) => promises.rm(path, options),
  };
}

const OLD = 'The old text, longer than the new one so a truncation would show.\n';
const NEW = 'New text.\n';

let root: string;

beforeEach(async () => {
  root = await tempDir();
  await promises.writeFile(join(root, 'note.md'), OLD);
});

afterEach(removeTempDirs);

async function leftovers(folder = root): Promise<string[]> {
  return (await promises.readdir(folder)).filter((name) => name.startsWith(TEMP_PREFIX));
}

/** [errno, failing operation, what the message must say] */
const SAVE_FAULTS: [string, Op, RegExp][] = [
  ['ENOSPC', 'writeFile', /The disk is full/],
  ['ENOSPC', 'sync', /The disk is full/], // delayed allocation reports it at fsync
  ['ENOSPC', 'close', /The disk is full/], // NFS reports it at close
  ['EDQUOT', 'writeFile', /quota is used up/],
  ['EIO', 'writeFile', /read or write error/],
  ['EACCES', 'open', /Plexus has no permission to write/],
  ['EPERM', 'open', /Plexus has no permission to write/],
  ['EROFS', 'open', /The disk is read-only/],
  ['EACCES', 'chmod', /Plexus has no permission to write/],
  ['EACCES', 'rename', /Plexus has no permission to write/],
  ['EROFS', 'rename', /The disk is read-only/],
  ['EBUSY', 'rename', /The file is busy \(another program has it open\)/],
  ['EPERM', 'rename', /Plexus has no permission to write/],
];

describe('a save that fails (Vault.write with an injected fault)', () => {
  it.each(SAVE_FAULTS)(
    '%s in %s: a clear IO error, the note untouched, no temp file, no event',
    async (code, op, says) => {
      const fs = faultyFs(op, code);
      const vault = await Vault.open(root, undefined, { saveFs: fs });
      const events: FilesEvent[] = [];
      vault.onDidChange((event) => events.push(event));
      const before = await promises.stat(join(root, 'note.md'));
      const { version } = await vault.read('note.md');

      const error = await vault.write('note.md', NEW, version).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PlexusError);
      expect(error).toMatchObject({ code: 'IO' });
      expect((error as PlexusError).message).toMatch(says);
      expect((error as PlexusError).message).toContain('Could not save "note.md".');
      expect(fs.calls[op]).toBeGreaterThan(0);

      expect(await promises.readFile(join(root, 'note.md'), 'utf8')).toBe(OLD);
      expect((await promises.stat(join(root, 'note.md'))).ino).toBe(before.ino);
      expect(await leftovers()).toEqual([]);
      expect(events).toEqual([]);
      // The version did not move: once the fault is gone, the same edit saves.
      const healthy = await Vault.open(root);
      expect((await healthy.read('note.md')).version).toBe(version);
      await healthy.write('note.md', NEW, version);
      expect(await promises.readFile(join(root, 'note.md'), 'utf8')).toBe(NEW);
    },
  );

  it('retries a rename refused as busy (EBUSY twice) and then saves', async () => {
    const fs = faultyFs('rename', 'EBUSY', 2);
    const vault = await Vault.open(root, undefined, { saveFs: fs });
    const { version } = await vault.read('note.md');
    await vault.write('note.md', NEW, version);
    expect(fs.calls.rename).toBe(3);
    expect(await promises.readFile(join(root, 'note.md'), 'utf8')).toBe(NEW);
    expect(await leftovers()).toEqual([]);
  });

  it('retries a rename refused by a Windows virus scanner (EPERM once) and then saves', async () => {
    const fs = faultyFs('rename', 'EPERM', 1);
    const vault = await Vault.open(root, undefined, { saveFs: fs });
    const { version } = await vault.read('note.md');
    await vault.write('note.md', NEW, version);
    expect(fs.calls.rename).toBe(2);
    expect(await promises.readFile(join(root, 'note.md'), 'utf8')).toBe(NEW);
  });
});

describe('a creation that fails', () => {
  it.each([
    ['ENOSPC', 'writeFile', /The disk is full/],
    ['EACCES', 'open', /Plexus has no permission to write/],
    ['EROFS', 'open', /The disk is read-only/],
    ['EIO', 'link', /read or write error/],
  ] as [string, Op, RegExp][])('%s in %s: nothing is created, no temp file', async (code, op, says) => {
    const vault = await Vault.open(root, undefined, { saveFs: faultyFs(op, code) });
    const error = await vault.create('new.md', 'hello').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'IO', message: expect.stringMatching(says) as unknown });
    expect((error as Error).message).toContain('Could not create "new.md".');
    expect((await promises.readdir(root)).sort()).toEqual(['note.md']);
  });

  it('creates on a file system without hard links (link fails with EPERM), still refusing an existing name', async () => {
    const vault = await Vault.open(root, undefined, { saveFs: faultyFs('link', 'EPERM') });
    await vault.create('new.md', 'hello');
    expect(await promises.readFile(join(root, 'new.md'), 'utf8')).toBe('hello');
    await expect(vault.create('new.md', 'again')).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    // An existing file the lstat check misses (created by someone else in between) is kept too.
    await expect(
      atomicWrite(join(root, 'note.md'), new TextEncoder().encode('x'), {
        exclusive: true,
        fs: faultyFs('link', 'EPERM'),
      }),
    ).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await promises.readFile(join(root, 'note.md'), 'utf8')).toBe(OLD);
    expect(await leftovers()).toEqual([]);
  });

  it('without hard links, a failing rename removes the claimed name again', async () => {
    const fs = faultyFs('link', 'EPERM');
    const failingRename: SaveFs = { ...fs, rename: () => Promise.reject(errno('EROFS', 'rename')) };
    await expect(
      atomicWrite(join(root, 'claimed.md'), new Uint8Array(1), { exclusive: true, fs: failingRename }),
    ).rejects.toMatchObject({ code: 'EROFS' });
    expect((await promises.readdir(root)).sort()).toEqual(['note.md']);
  });
});

describe('atomicWrite retries', () => {
  const data = new TextEncoder().encode(NEW);

  it.each(['EBUSY', 'EPERM'])('gives up on a rename that stays %s after 1 + 3 tries', async (code) => {
    const fs = faultyFs('rename', code);
    await expect(atomicWrite(join(root, 'note.md'), data, { fs, retryDelaysMs: [1, 1, 1] })).rejects.toMatchObject({
      code,
    });
    expect(fs.calls.rename).toBe(4);
    expect(await promises.readFile(join(root, 'note.md'), 'utf8')).toBe(OLD);
    expect(await leftovers()).toEqual([]);
  });

  it.each(['EACCES', 'EROFS', 'ENOSPC', 'EXDEV'])('does not retry a rename failing with %s', async (code) => {
    const fs = faultyFs('rename', code);
    await expect(atomicWrite(join(root, 'note.md'), data, { fs, retryDelaysMs: [1, 1, 1] })).rejects.toMatchObject({
      code,
    });
    expect(fs.calls.rename).toBe(1);
  });

  it('waits about a second in all by default before giving up', async () => {
    const { RENAME_RETRY_DELAYS_MS } = await import('../../../../vault/files/atomic-write');
    expect(RENAME_RETRY_DELAYS_MS).toHaveLength(3);
    const total = RENAME_RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(500);
    expect(total).toBeLessThanOrEqual(2000);
  });
});

describe('a file that is not UTF-8 text is never replaced by text', () => {
  it.each([
    ['Latin-1', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])],
    ['NUL bytes', Buffer.from('a\0b\n')],
  ])('%s: write refuses with NOT_TEXT even given the right version', async (_name, bytes) => {
    await promises.writeFile(join(root, 'odd.md'), bytes);
    const vault = await Vault.open(root);
    // Latin-1 is shown read-only, NUL bytes not at all; neither can be saved over.
    if (bytes.includes(0)) await expect(vault.read('odd.md')).rejects.toMatchObject({ code: 'NOT_TEXT' });
    else expect((await vault.read('odd.md')).readOnly).toBeDefined();
    await expect(vault.write('odd.md', 'text', versionOf(bytes))).rejects.toMatchObject({
      code: 'NOT_TEXT',
      message: expect.stringContaining('will not save text over it') as unknown,
    });
    expect(await promises.readFile(join(root, 'odd.md'))).toEqual(bytes);
  });
});
