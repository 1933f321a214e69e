import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEMP_PREFIX, type SaveStep } from '../../../../vault/files/atomic-write';
import { Vault } from '../../../../vault/files/vault';
import { savedText } from '../../helpers/kill-save-text';
import { removeTempDirs, sleep, tempDir } from '../../helpers/temp-vault';

/**
 * A save killed (SIGKILL, no chance to clean up) at any step leaves the note with its old or its
 * new text, never empty or partial; the temp file it leaves is removed at the next open.
 */

const CHILD = join(import.meta.dirname, '../../helpers/kill-save-child.ts');
const OLD = savedText(300_000, 'O');
const NEW = savedText(200_000, 'N');

afterEach(removeTempDirs);

/** Starts the child; resolves with it once it printed `marker`. */
function startChild(args: string[], marker: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const reached = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(marker)) resolve();
      else if (out.includes('done')) reject(new Error(`the child finished without reaching ${marker}`));
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    void exited.then(() => reject(new Error(`the child exited early: ${err}`)));
  });
  return { child, reached, exited };
}

async function killAt(args: string[], marker: string, delayMs = 0): Promise<void> {
  const { child, reached, exited } = startChild(args, marker);
  await reached;
  if (delayMs) await sleep(delayMs);
  child.kill('SIGKILL');
  await exited;
}

async function temps(folder: string): Promise<string[]> {
  return (await fs.readdir(folder)).filter((name) => name.startsWith(TEMP_PREFIX));
}

/** Opens the vault as the app does after a crash and checks nothing of the save lingers. */
async function reopenAndClean(root: string, leftovers: number): Promise<Vault> {
  const vault = await Vault.open(root);
  expect(await vault.cleanTempFiles()).toBe(leftovers);
  expect(await temps(root)).toEqual([]);
  expect((await vault.list()).map((e) => e.path)).not.toContainEqual(expect.stringContaining(TEMP_PREFIX));
  return vault;
}

// Replacing an existing note (mode 0600, so the mode step happens).
const WRITE_STEPS: [SaveStep, 'old' | 'new', number][] = [
  ['temp-opened', 'old', 1],
  ['data-written', 'old', 1],
  ['mode-set', 'old', 1],
  ['synced', 'old', 1],
  ['closed', 'old', 1],
  ['replaced', 'new', 0],
  ['temp-removed', 'new', 0],
  ['folder-synced', 'new', 0],
];

// Creating a new note: before the link the note does not exist; after it, the temp is a second name.
const CREATE_STEPS: [SaveStep, 'absent' | 'new', number][] = [
  ['temp-opened', 'absent', 1],
  ['data-written', 'absent', 1],
  ['synced', 'absent', 1],
  ['closed', 'absent', 1],
  ['replaced', 'new', 1],
  ['temp-removed', 'new', 0],
  ['folder-synced', 'new', 0],
];

describe('a save killed with SIGKILL', { timeout: 30_000 }, () => {
  it.each(WRITE_STEPS)(
    'after "%s": the note holds its %s text; %i temp file is cleaned up at the next open',
    async (step, holds, leftovers) => {
      const root = await tempDir();
      const file = join(root, 'note.md');
      await fs.writeFile(file, OLD, { mode: 0o600 });
      await killAt([file, 'write', step, String(NEW.length)], `stopped:${step}`);

      expect(await fs.readFile(file, 'utf8')).toBe(holds === 'old' ? OLD : NEW);
      expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
      expect(await temps(root)).toHaveLength(leftovers);
      const vault = await reopenAndClean(root, leftovers);
      const note = await vault.read('note.md');
      expect(note.text).toBe(holds === 'old' ? OLD : NEW);
      await vault.write('note.md', 'after the crash\n', note.version);
      expect(await fs.readFile(file, 'utf8')).toBe('after the crash\n');
    },
  );

  it.each(CREATE_STEPS)(
    'creating, after "%s": the note is %s; %i temp file is cleaned up at the next open',
    async (step, holds, leftovers) => {
      const root = await tempDir();
      const file = join(root, 'new.md');
      await killAt([file, 'create', step, String(NEW.length)], `stopped:${step}`);

      if (holds === 'absent') await expect(fs.stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
      else expect(await fs.readFile(file, 'utf8')).toBe(NEW);
      expect(await temps(root)).toHaveLength(leftovers);
      const vault = await reopenAndClean(root, leftovers);
      if (holds === 'new') expect((await vault.read('new.md')).text).toBe(NEW);
      else expect(await vault.list()).toEqual([]);
    },
  );

  it('at random moments of back-to-back 1 MB saves: always one whole text, never a mix', async () => {
    const size = 1 << 20;
    const texts = new Set([savedText(size, 'A'), savedText(size, 'B')]);
    const root = await tempDir();
    const file = join(root, 'busy.md');
    for (let round = 0; round < 8; round++) {
      await killAt([file, 'loop', '-', String(size)], 'ready', 5 + round * 7);
      expect(texts.has(await fs.readFile(file, 'utf8')), `round ${round}`).toBe(true);
      await reopenAndClean(root, (await temps(root)).length);
    }
  });
});
