import { spawn, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PlexusError } from '../../../../shared/errors';
import { VaultService } from '../../../../vault/service';
import { Vault } from '../../../../vault/files/vault';
import { removeTempDirs, tempDir } from '../../helpers/temp-vault';

/*
 * The save race of issue 13, from outside: a second process edits notes every 100 ms (or 30 ms)
 * while the app saves them as fast as it can, or renames a note they link to. Every version the
 * other program wrote must survive: the app may only replace a note whose current content it has
 * read. (Before the fix, the version check and the rename were separate steps: 67 of 197 outside
 * versions were lost when saving as fast as possible.)
 */

const WRITER = join(import.meta.dirname, '../../helpers/outside-writer.mjs');
const KILL_ASIDE = join(import.meta.dirname, '../../helpers/kill-aside-child.ts');

type Written = Record<string, string[]>;

/** Runs the outside writer; resolves with the lines it wrote, per note. */
function outsideWriter(root: string, periodMs: number, versions: number, mode: 'rename' | 'inplace', notes: string[]) {
  const child = spawn(process.execPath, [WRITER, root, String(periodMs), String(versions), mode, ...notes], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  let running = true;
  const done = new Promise<Written>((resolve, reject) => {
    child.once('exit', (code) => {
      running = false;
      if (code === 0) resolve(JSON.parse(out) as Written);
      else reject(new Error(`outside writer exited with ${code}`));
    });
  });
  return { done, running: () => running };
}

/** Reads, appends one line, saves from the version read; refused saves (STALE_VERSION) read again. */
async function saveAsFastAsPossible(vault: Vault, note: string, running: () => boolean) {
  let saved = 0;
  let refused = 0;
  for (let j = 0; running(); j++) {
    const { text, version } = await vault.read(note);
    try {
      await vault.write(note, `${text}app ${note} ${j}\n`, version);
      saved++;
    } catch (error) {
      if (!(error instanceof PlexusError) || error.code !== 'STALE_VERSION') throw error;
      refused++;
    }
  }
  return { saved, refused };
}

async function missingLines(root: string, written: Written): Promise<string[]> {
  const missing: string[] = [];
  for (const [note, lines] of Object.entries(written)) {
    const text = await fs.readFile(join(root, note), 'utf8');
    const present = new Set(text.split('\n'));
    missing.push(...lines.filter((line) => !present.has(line)));
  }
  return missing;
}

let service: VaultService | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
  await removeTempDirs();
});

describe('saves against another program writing the same notes', () => {
  for (const mode of ['rename', 'inplace'] as const) {
    it(`loses none of its versions (it ${mode === 'rename' ? 'replaces' : 'rewrites in place'} a note every 100 ms)`, async () => {
      const root = await tempDir();
      const notes = ['a.md', 'b.md', 'c.md', 'd.md', 'e.md'];
      for (const note of notes) await fs.writeFile(join(root, note), `# ${note}\n`);
      const vault = await Vault.open(root);

      const writer = outsideWriter(root, 100, 100, mode, notes);
      const results = await Promise.all(notes.map((note) => saveAsFastAsPossible(vault, note, writer.running)));
      const written = await writer.done;

      const versions = Object.values(written).reduce((n, lines) => n + lines.length, 0);
      expect(versions).toBeGreaterThanOrEqual(500);
      // The app really raced: it saved often and was refused sometimes.
      expect(results.reduce((n, r) => n + r.saved, 0)).toBeGreaterThan(versions);
      expect(results.reduce((n, r) => n + r.refused, 0)).toBeGreaterThan(0);
      expect(await missingLines(root, written)).toEqual([]);
      // No pin, temp or conflict copy is left beside the notes.
      expect((await fs.readdir(root)).sort()).toEqual(notes);
    }, 60_000);
  }

  it('loses none while link-rewriting renames run and the linking notes are replaced every 30 ms', async () => {
    const root = await tempDir();
    const linking = ['l0.md', 'l1.md', 'l2.md', 'l3.md', 'l4.md'];
    await fs.writeFile(join(root, 'topic.md'), '# Topic\n');
    for (const note of linking) await fs.writeFile(join(root, note), `See [[topic]] and [[topic#Topic]].\n`);
    service = await VaultService.open(root, { host: 'browser', worker: null });
    await service.indexed();

    const writer = outsideWriter(root, 30, 100, 'rename', linking);
    let names = ['topic.md', 'subject.md'];
    let renamed = 0;
    while (writer.running()) {
      try {
        await service.rename({ from: names[0] as string, to: names[1] as string });
        names = [names[1] as string, names[0] as string];
        renamed++;
      } catch (error) {
        // A linking note changed under the rename: it is refused and rolled back, never forced.
        if (!(error instanceof PlexusError)) throw error;
      }
    }
    const written = await writer.done;
    expect(Object.values(written).reduce((n, lines) => n + lines.length, 0)).toBeGreaterThanOrEqual(500);
    expect(renamed).toBeGreaterThan(0);
    expect(await missingLines(root, written)).toEqual([]);
  }, 60_000);

  it('a save killed while the note is moved aside leaves it back in place at the next open', async () => {
    const root = await tempDir();
    await fs.mkdir(join(root, 'deep'));
    await fs.writeFile(join(root, 'deep', 'note.md'), 'the old text\n');
    const child = spawnSync(process.execPath, ['--import', 'tsx', KILL_ASIDE, root, 'deep/note.md', 'the new text\n'], {
      encoding: 'utf8',
    });
    expect(child.signal).toBe('SIGKILL');
    // The worst moment: the note's path is empty, its text is beside it under a dot-name.
    await expect(fs.access(join(root, 'deep', 'note.md'))).rejects.toMatchObject({ code: 'ENOENT' });

    service = await VaultService.open(root, { host: 'browser', worker: null, watch: false });
    expect(await fs.readFile(join(root, 'deep', 'note.md'), 'utf8')).toBe('the old text\n');
    expect(await fs.readdir(join(root, 'deep'))).toEqual(['note.md']);
    expect((await service.listFiles()).map((entry) => entry.path)).toEqual(['deep', 'deep/note.md']);
  });
});
