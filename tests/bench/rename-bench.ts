// `node --import tsx tests/bench/rename-bench.ts [--notes N] [--backlinks N] [--runs N]`: the time to
// rename a note with many backlinks in a synthetic vault (plan, move, rewrite every backlink, index
// updated), and to undo it. Nothing here is asserted; the goal is ≤ 1 s for 1,000 backlinks in 10k notes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateVault } from '../helpers/synthetic-vault';
import { Renamer } from '../../vault/rename/renamer';
import { sourceWorker } from '../../vault/index/worker-pool';
import { Vault } from '../../vault/files/vault';
import { VaultIndex } from '../../vault/index/vault-index';

export type RenameBenchResult = {
  notes: number;
  backlinks: number;
  dryRunMs: number[];
  renameMs: number[];
  undoMs: number[];
  linksUpdated: number;
  notesUpdated: number;
};

const TARGET = 'bench/Rename Target.md';

/** The linking notes: each links to the target in a few forms, amid ordinary text. */
function linkingNote(i: number): string {
  const forms = [
    `See [[Rename Target]] for more.`,
    `As in [[Rename Target|the target]], and more.`,
    `A markdown link: [the target](bench/Rename%20Target.md).`,
    `Embedded: ![[Rename Target#Heading]]`,
  ];
  return `# Linker ${i}\n\nSome words about nothing in particular.\n\n${forms[i % forms.length]}\n\nMore text.\n`;
}

/**
 * Writes the note to rename and `backlinks` notes linking to it into the vault at `root` (under
 * bench/); returns their paths.
 */
export function addRenameTarget(root: string, backlinks: number): string[] {
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    return path;
  };
  const paths = [write(TARGET, '# Rename Target\n\n## Heading\n\nThe note every linker points at.\n')];
  for (let i = 0; i < backlinks; i++) paths.push(write(`bench/linkers/Linker ${i}.md`, linkingNote(i)));
  return paths;
}

/**
 * Times renaming the target `addRenameTarget` wrote (plan, move, rewrite every backlink, index
 * updated) and undoing it, `runs` times; the vault is as before afterwards. `built` must be the
 * index of `vault` with the target and its linkers in it; it is kept following the vault's changes.
 */
export async function timeRename(vault: Vault, built: VaultIndex, runs: number): Promise<RenameBenchResult> {
  const off = vault.onDidChange((event) => void built.apply(event));
  try {
    return await renameRuns(vault, built, runs);
  } finally {
    off.dispose();
  }
}

async function renameRuns(vault: Vault, built: VaultIndex, runs: number): Promise<RenameBenchResult> {
  const renamer = new Renamer(vault, Promise.resolve(built));
  const result: RenameBenchResult = {
    notes: built.links.stats().notes,
    backlinks: built.links.backlinks(TARGET).length,
    dryRunMs: [],
    renameMs: [],
    undoMs: [],
    linksUpdated: 0,
    notesUpdated: 0,
  };
  const to = 'bench/Renamed Target.md';
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    await renamer.rename({ from: TARGET, to, dryRun: true });
    result.dryRunMs.push(performance.now() - started);
    started = performance.now();
    const report = await renamer.rename({ from: TARGET, to });
    await built.idle();
    result.renameMs.push(performance.now() - started);
    result.linksUpdated = report.linksUpdated;
    result.notesUpdated = report.notesUpdated;
    started = performance.now();
    await renamer.undo(report.id as string);
    await built.idle();
    result.undoMs.push(performance.now() - started);
  }
  return result;
}

/** Renames a note with `backlinks` backlinks in a `notes`-note synthetic vault; prints and returns timings. */
export async function renameBench(
  options: { notes?: number; backlinks?: number; runs?: number } = {},
): Promise<RenameBenchResult> {
  const notes = options.notes ?? 10_000;
  const backlinks = options.backlinks ?? 1000;
  const runs = options.runs ?? 3;
  const root = await mkdtemp(join(tmpdir(), 'plexus-rename-bench-'));
  try {
    for (const note of generateVault({ notes, seed: 1 })) {
      mkdirSync(dirname(join(root, note.path)), { recursive: true });
      writeFileSync(join(root, note.path), note.text);
    }
    addRenameTarget(root, backlinks);
    const vault = await Vault.open(root);
    const built = await VaultIndex.build(vault, { cacheFile: null, worker: sourceWorker() });
    const result = await timeRename(vault, built, runs);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    console.log(
      `rename with ${result.backlinks} backlinks in ${result.notes} notes: ` +
        `dry run ${median(result.dryRunMs).toFixed(0)} ms, rename ${median(result.renameMs).toFixed(0)} ms ` +
        `(${result.linksUpdated} links in ${result.notesUpdated} notes), undo ${median(result.undoMs).toFixed(0)} ms ` +
        `— medians of ${runs}; goal ≤ 1000 ms`,
    );
    return result;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { notes: { type: 'string' }, backlinks: { type: 'string' }, runs: { type: 'string' } },
  });
  await renameBench({
    notes: values.notes ? Number(values.notes) : undefined,
    backlinks: values.backlinks ? Number(values.backlinks) : undefined,
    runs: values.runs ? Number(values.runs) : undefined,
  });
}
