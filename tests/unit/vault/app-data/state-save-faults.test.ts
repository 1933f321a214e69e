import { execFileSync } from 'node:child_process';
import { promises } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../shared/rpc/dispatch';
import type { SaveFs } from '../../../../vault/files/atomic-write';
import { VaultService } from '../../../../vault/service';
import { SettingsStore } from '../../../../vault/app-data/settings-store';
import { WorkspaceStore } from '../../../../vault/app-data/workspace-store';
import { removeTempDirs, tempDir } from '../../helpers/temp-vault';

/**
 * Saving the open tabs (<vault>/.plexus/workspace.json) or the vault's settings on a full disk
 * said `INTERNAL: ENOSPC: no space left on device, …`; it must say so in plain words, as note
 * saves do, and leave the file that was there as it was.
 */

afterEach(removeTempDirs);

const OLD_STATE = { tabs: ['alpha.md'], active: 'alpha.md' };

/** A tmpfs of `kb` KiB mounted on a fresh folder, or null where mounting is not allowed (not root). */
function mountTmpfs(dir: string, kb: number): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Writes into `dir` until the disk is full (the write that fails keeps what fit). */
async function fillDisk(dir: string): Promise<void> {
  const chunk = Buffer.alloc(64 * 1024, 1);
  const handle = await promises.open(join(dir, 'filler.bin'), 'w');
  try {
    for (;;) await handle.write(chunk);
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    await handle.close();
  }
  // Small writes may still fit in the last partial block: fill that too.
  const tail = await promises.open(join(dir, 'filler-tail.bin'), 'w');
  try {
    for (;;) await tail.write(Buffer.alloc(1, 1));
  } catch {
    // full
  } finally {
    await tail.close();
  }
}

describe('a real full disk (a 1 MiB tmpfs; needs permission to mount)', () => {
  const mounted: string[] = [];
  afterEach(() => {
    for (const dir of mounted.splice(0)) execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
  });

  it('saveWorkspace and setSettings over the API say "The disk is full", and keep the old files', async (ctx) => {
    const dir = await tempDir();
    if (!mountTmpfs(dir, 1024)) return ctx.skip();
    mounted.push(dir);
    await promises.writeFile(join(dir, 'alpha.md'), '# Alpha\n');
    await promises.mkdir(join(dir, '.plexus'));
    const stateFile = join(dir, '.plexus', 'workspace.json');
    const settingsFile = join(dir, '.plexus', 'settings.json');
    await promises.writeFile(stateFile, JSON.stringify(OLD_STATE));
    await promises.writeFile(settingsFile, JSON.stringify({ newNotes: 'vault-root' }));
    const service = await VaultService.open(dir, { host: 'browser', watch: false });
    try {
      await service.indexed();
      await fillDisk(dir);
      const tabs = Array.from({ length: 200 }, (_, i) => `a note with a long name number ${i}.md`);
      const saved = await dispatch(service, 'saveWorkspace', { state: { tabs, active: null } });
      expect(saved).toEqual({
        ok: false,
        error: {
          code: 'IO',
          message:
            'Could not save the open tabs to ".plexus/workspace.json". The disk is full; free some space and try again.',
        },
      });
      const settings = await dispatch(service, 'setSettings', {
        settings: { newNotes: 'folder', newNotesFolder: 'inbox' },
      });
      expect(settings).toMatchObject({ ok: false, error: { code: 'IO' } });
      if (!settings.ok) {
        expect(settings.error.message).toContain('Could not save the settings to ".plexus/settings.json"');
        expect(settings.error.message).toContain('The disk is full');
      }
      expect(JSON.parse(await promises.readFile(stateFile, 'utf8'))).toEqual(OLD_STATE);
      expect(JSON.parse(await promises.readFile(settingsFile, 'utf8'))).toEqual({ newNotes: 'vault-root' });
      expect((await promises.readdir(join(dir, '.plexus'))).sort()).toEqual(['settings.json', 'workspace.json']);
    } finally {
      await service.close();
    }
  });
});

type Op = 'open' | 'writeFile' | 'sync' | 'rename';

/** node:fs/promises where `op` on the temp file fails with `code`, as on a full or read-only disk. */
function failing(op: Op, code: string): SaveFs {
  const fail = (name: Op) => {
    if (name !== op) return;
    const error = new Error(`${code}: simulated, ${name}`) as NodeJS.ErrnoException;
    error.code = code;
    throw error;
  };
  return {
    async open(path, flags, mode) {
      fail('open');
      const handle = await promises.open(path, flags, mode);
      return {
        writeFile: async (data) => {
          fail('writeFile');
          await handle.writeFile(data);
        },
        chmod: (m) => handle.chmod(m),
        sync: async () => {
          fail('sync');
          await handle.sync();
        },
        close: () => handle.close(),
      };
    },
    stat: (path) => promises.stat(path),
    rename: async (from, to) => {
      fail('rename');
      await promises.rename(from, to);
    },
    link: (existing, path) => promises.link(existing, path),
    rm: (path, options) => promises.rm(path, options),
  };
}

describe('each step of the save failing (injected), for both stores', () => {
  const CASES: [Op, string, string][] = [
    ['writeFile', 'ENOSPC', 'The disk is full; free some space and try again.'],
    ['sync', 'EDQUOT', 'Your disk quota is used up'],
    ['open', 'EROFS', 'The disk is read-only.'],
    ['rename', 'EACCES', 'Plexus has no permission to write there'],
  ];

  it.each(CASES)('%s fails with %s → IO "%s", the old file kept, no temp file left', async (op, code, words) => {
    const dir = await tempDir();
    await promises.mkdir(join(dir, '.plexus'));
    const stateFile = join(dir, '.plexus', 'workspace.json');
    const settingsFile = join(dir, '.plexus', 'settings.json');
    await promises.writeFile(stateFile, JSON.stringify(OLD_STATE));
    await promises.writeFile(settingsFile, '{"newNotes":"vault-root"}');

    const workspace = new WorkspaceStore(dir, failing(op, code));
    const error: unknown = await workspace.save({ tabs: ['beta.md'], active: null }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'IO', message: expect.stringContaining(words) as unknown });
    expect((error as Error).message).toContain('".plexus/workspace.json"');
    expect((error as Error).message).not.toContain(code);

    const settings = new SettingsStore(dir, failing(op, code));
    const refused: unknown = await settings.save({ newNotes: 'beside-current' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'IO', message: expect.stringContaining(words) as unknown });
    expect((refused as Error).message).toContain('".plexus/settings.json"');

    expect(JSON.parse(await promises.readFile(stateFile, 'utf8'))).toEqual(OLD_STATE);
    expect(await promises.readFile(settingsFile, 'utf8')).toBe('{"newNotes":"vault-root"}');
    expect((await promises.readdir(join(dir, '.plexus'))).sort()).toEqual(['settings.json', 'workspace.json']);
  });

  it('a .plexus that is a file (ENOTDIR/EEXIST on mkdir) is an IO error in words too', async () => {
    const dir = await tempDir();
    await promises.writeFile(join(dir, '.plexus'), 'not a folder');
    const error: unknown = await new WorkspaceStore(dir).save(OLD_STATE).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: expect.stringMatching(/^(IO|ALREADY_EXISTS)$/) as unknown });
    expect((error as Error).message).toContain('".plexus/workspace.json"');
  });
});

describe('reading the state files never blocks or reads what is not a plain file', () => {
  it('a named pipe, a symlink out of the vault and a huge file at .plexus/*.json give "none saved"', async () => {
    const dir = await tempDir();
    const outside = await tempDir();
    await promises.mkdir(join(dir, '.plexus'));
    execFileSync('mkfifo', [join(dir, '.plexus', 'workspace.json')]); // opening it to read would block
    await promises.writeFile(join(outside, 'settings.json'), '{"newNotes":"vault-root"}');
    await promises.symlink(join(outside, 'settings.json'), join(dir, '.plexus', 'settings.json'));
    expect(await new WorkspaceStore(dir).load()).toBeNull();
    expect(await new SettingsStore(dir).load()).toEqual({ newNotes: 'beside-current' });

    await promises.rm(join(dir, '.plexus', 'workspace.json'));
    const huge = JSON.stringify({ tabs: ['alpha.md'], active: null, pad: 'x'.repeat(2 * 1024 * 1024) });
    await promises.writeFile(join(dir, '.plexus', 'workspace.json'), huge);
    expect(await new WorkspaceStore(dir).load()).toBeNull();
    await promises.writeFile(join(dir, '.plexus', 'workspace.json'), JSON.stringify(OLD_STATE));
    expect(await new WorkspaceStore(dir).load()).toEqual(OLD_STATE);
  });
});
