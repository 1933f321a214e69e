// The vaults the benchmarks run on: seeded synthetic vaults written once under the temp folder and
// reused between runs, and scratch copies a benchmark may edit without touching the original.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GENERATOR_VERSION, generateVault } from '../helpers/synthetic-vault';

/** The synthetic vault of `notes` notes (seed 1), generated on first use and kept in the temp folder. */
export function benchVault(notes: number, seed = 1): string {
  const root = join(tmpdir(), `plexus-bench-${notes}-v${GENERATOR_VERSION}-seed${seed}`);
  if (existsSync(join(root, '.complete'))) return root;
  rmSync(root, { recursive: true, force: true });
  const started = performance.now();
  process.stderr.write(`generating ${notes.toLocaleString()} notes into ${root}… `);
  for (const note of generateVault({ notes, seed })) {
    mkdirSync(dirname(join(root, note.path)), { recursive: true });
    writeFileSync(join(root, note.path), note.text);
  }
  // A dot-file: the vault lists and the watcher ignore it.
  writeFileSync(join(root, '.complete'), '');
  process.stderr.write(`${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  return root;
}

/**
 * A scratch copy of a vault that benchmarks may edit. Hard links where the platform allows (fast,
 * and safe because every write in the engine replaces a file by renaming a new one over it);
 * otherwise a real copy. `remove` deletes the copy.
 */
export function scratchCopy(root: string): { root: string; linked: boolean; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'plexus-bench-scratch-'));
  const copy = join(dir, 'vault');
  let linked = false;
  try {
    execFileSync('cp', ['-al', root, copy], { stdio: 'ignore' });
    linked = true;
  } catch {
    rmSync(copy, { recursive: true, force: true });
    cpSync(root, copy, { recursive: true });
  }
  return { root: copy, linked, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
