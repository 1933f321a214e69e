// The engine's numbers for one vault: the raw read floor, cold index, warm open from the cache,
// heap and RSS, search per kind beside a linear scan, `[[` completion and the quick switcher per
// keystroke, backlinks, edit → index and search updated, watcher start and rename with 1,000
// backlinks. Runs on a scratch copy (the edit and rename write to it), never on the vault itself.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sourceWorker } from '../../vault/index/worker-pool';
import { Vault } from '../../vault/files/vault';
import { VaultIndex } from '../../vault/index/vault-index';
import { VaultWatcher } from '../../vault/files/watcher';
import { goalTier } from './bench-goals';
import { ms, row, type BenchRow } from './bench-row';
import { heapAfterGc, median, percentile, timed } from './bench-stats';
import { scratchCopy } from './bench-vault';
import { addRenameTarget, timeRename } from './rename-bench';
import { searchRows } from './search-latency';
import { suggestLatencyOn } from './suggest-bench';

export type EngineBenchOptions = { runs: number; backlinks?: number; log?: (line: string) => void };

const MB = 1024 * 1024;

export async function measureEngine(label: string, source: string, options: EngineBenchOptions): Promise<BenchRow[]> {
  const { runs } = options;
  const log = options.log ?? (() => undefined);
  const scratch = scratchCopy(source);
  try {
    return await measureIn(label, scratch.root, runs, options.backlinks ?? 1000, log);
  } finally {
    scratch.remove();
  }
}

async function measureIn(
  label: string,
  root: string,
  runs: number,
  backlinks: number,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const vault = await Vault.open(root);
  const notes = (await vault.list()).filter((e) => e.kind === 'file' && /\.md$/i.test(e.path));
  const bytes = notes.reduce((sum, n) => sum + n.size, 0);
  const mb = bytes / MB;
  const { name: tier, goals } = goalTier(notes.length);
  rows.push(
    row(label, 'notes', `${notes.length.toLocaleString()} (${mb.toFixed(1)} MB)`, {
      note: `held to the ${tier} goals`,
      data: { notes: notes.length, bytes },
    }),
  );

  // The floor: reading every note once, with the OS file cache warm (as it is for the index runs).
  for (const n of notes) readFileSync(join(root, n.path));
  const reads: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    for (const n of notes) readFileSync(join(root, n.path));
    reads.push(performance.now() - started);
  }
  const floor = median(reads);
  rows.push(
    row(label, 'read every note (the floor)', ms(floor), {
      note: `${(mb / (floor / 1000)).toFixed(0)} MB/s, one thread, OS file cache warm`,
      data: { ms: floor },
    }),
  );
  log(`${label}: floor ${ms(floor)}`);

  const heapBefore = heapAfterGc();
  // Every run but the last is dropped at once, so only one index is alive when the heap is read.
  const colds: number[] = [];
  const coldCpu: number[] = [];
  // Only the index kept reads note texts after its build (the others would stay alive doing it).
  const coldBuild = async (prefetchTexts: boolean): Promise<VaultIndex> => {
    const cpu = process.cpuUsage();
    const [built, took] = await timed(() =>
      VaultIndex.build(vault, { cacheFile: null, worker: sourceWorker(), prefetchTexts }),
    );
    colds.push(took);
    coldCpu.push(cpuMs(cpu));
    log(`${label}: cold index ${ms(took)}`);
    return built;
  };
  for (let i = 1; i < runs; i++) await coldBuild(false);
  // The kept cold index lives only in here: a warm open happens with no other index alive (a
  // second 1.3 GB heap of a 100k-note vault made every collection slower).
  await (async () => {
    const built = await coldBuild(true);
    const cold = median(colds);
    rows.push(
      row(label, 'cold index (links + search)', ms(cold), {
        goal: goals.cold,
        actual: cold,
        note:
          `${(mb / (cold / 1000)).toFixed(1)} MB/s, ${(cold / floor).toFixed(0)}× the floor; ` +
          `${availableParallelism()} scan workers; CPU ${ms(median(coldCpu))} (all threads)`,
        data: { ms: cold, cpuMs: median(coldCpu), runs: colds.length },
      }),
    );
    const heap = heapAfterGc() - heapBefore;
    const rss = process.memoryUsage().rss / MB;
    const stats = built.links.stats();
    log(`${label}: engine heap ${heap.toFixed(0)} MB, RSS ${rss.toFixed(0)} MB`);
    rows.push(
      row(label, 'engine heap / process RSS', `${heap.toFixed(0)} MB / ${rss.toFixed(0)} MB`, {
        goal: goals.heap,
        actual: heap,
        note: `index alive, after gc; ${stats.links.toLocaleString()} links, ${stats.unresolved.toLocaleString()} unresolved`,
        data: { heapMb: heap, rssMb: rss, links: stats.links },
      }),
    );

    // After a build the engine reads note texts into the search's cache (up to its size): what
    // that costs.
    // (The prefetch's timers do not keep a process alive; this one does, while we wait.)
    const alive = setInterval(() => undefined, 1000);
    await built.textsPrefetched();
    clearInterval(alive);
    const heapWithTexts = heapAfterGc() - heapBefore;
    rows.push(
      row(label, 'engine heap with the text cache filled', `${heapWithTexts.toFixed(0)} MB`, {
        note: `+${(heapWithTexts - heap).toFixed(0)} MB: the search keeps up to 192 MB of note texts (4 bytes a character counted, for the text and its folded copy)`,
        data: { heapMb: heapWithTexts },
      }),
    );
  })();

  // A build that writes the cache (the engine saves a while after a build; flush saves now).
  const cacheDir = join(tmpdir(), `plexus-bench-cache-${process.pid}`);
  const cacheFile = join(cacheDir, 'index.bin');
  await (await VaultIndex.build(vault, { cacheFile, worker: sourceWorker(), prefetchTexts: false })).flush();
  // The last warm open is the index measured from here on.
  const warms: number[] = [];
  const warmCpu: number[] = [];
  const warmOpen = async (prefetchTexts: boolean): Promise<VaultIndex> => {
    const cpu = process.cpuUsage();
    const [warmIndex, took] = await timed(() =>
      VaultIndex.build(vault, { cacheFile, worker: sourceWorker(), prefetchTexts }),
    );
    warmCpu.push(cpuMs(cpu));
    if (warmIndex.buildStats.scanned > 0) log(`${label}: warm open rescanned ${warmIndex.buildStats.scanned} notes`);
    warms.push(took);
    return warmIndex;
  };
  for (let i = 1; i < runs; i++) await warmOpen(false);
  const index = await warmOpen(true);
  const ready = setInterval(() => undefined, 1000);
  await index.textsPrefetched();
  clearInterval(ready);
  await rm(cacheDir, { recursive: true, force: true });
  const warm = median(warms);
  rows.push(
    row(label, 'warm open from the cache', ms(warm), {
      goal: goals.warm,
      actual: warm,
      note: `until the index answers; CPU ${ms(median(warmCpu))}`,
      data: { ms: warm, cpuMs: median(warmCpu) },
    }),
  );
  log(`${label}: warm ${ms(warm)}`);

  const lowered = notes.map((n) => readFileSync(join(root, n.path), 'utf8').toLowerCase());
  // Fewer queries on big vaults: each also runs a linear scan over every note.
  rows.push(...searchRows(label, index, lowered, notes.length > 50_000 ? 40 : 100, goals));
  log(`${label}: search done`);

  const suggest = suggestLatencyOn(index.links);
  for (const [measure, k] of [
    ['`[[` completion, per keystroke', suggest.completion],
    ['quick switcher, per keystroke', suggest.switcher],
  ] as const) {
    rows.push(
      row(label, measure, `${ms(k.p50)} p50 / ${ms(k.p99)} p99`, {
        goal: goals.completion,
        actual: k.p50,
        note: `${k.keystrokes} keystrokes`,
        data: { p50: k.p50, p99: k.p99, keystrokes: k.keystrokes },
      }),
    );
  }

  const paths = index.links.notes().map((n) => n.path);
  const lookups: number[] = [];
  let most = 0;
  for (let i = 0; i < 5000; i++) {
    const path = paths[(i * 7919) % paths.length] ?? '';
    const started = performance.now();
    most = Math.max(most, index.links.backlinks(path).length);
    lookups.push(performance.now() - started);
  }
  const backlinksP50 = percentile(lookups, 50);
  rows.push(
    row(label, 'backlinks lookup', `${ms(backlinksP50)} p50 / ${ms(percentile(lookups, 99))} p99`, {
      goal: goals.backlinks,
      actual: backlinksP50,
      note: `${lookups.length} notes, up to ${most} backlinks`,
      data: { p50: backlinksP50, p99: percentile(lookups, 99) },
    }),
  );

  rows.push(editRow(label, await editToSearch(vault, index, paths), goals.edit));
  log(`${label}: edit done`);

  const watches: number[] = [];
  for (let i = 0; i < runs; i++) {
    const [watcher, took] = await timed(async () => {
      const w = new VaultWatcher(vault, () => undefined);
      await w.ready;
      return w;
    });
    watches.push(took);
    await watcher.close();
  }
  rows.push(
    row(label, 'watcher start', ms(median(watches)), {
      note: 'chokidar, until its initial scan is done',
      data: { ms: median(watches) },
    }),
  );

  // The target and its linkers join the index as new files do (the watcher's events), not by a rebuild.
  for (const path of addRenameTarget(root, backlinks))
    void index.apply({ type: 'added', path, kind: 'file', origin: 'external' });
  await index.idle();
  const rename = await timeRename(vault, index, runs);
  const renameMs = median(rename.renameMs);
  rows.push(
    row(label, `rename with ${rename.backlinks.toLocaleString()} backlinks`, ms(renameMs), {
      goal: goals.rename,
      actual: renameMs,
      note:
        `${rename.linksUpdated} links in ${rename.notesUpdated} notes rewritten, index updated; ` +
        `dry run ${ms(median(rename.dryRunMs))}, undo ${ms(median(rename.undoMs))}`,
      data: { ms: renameMs, dryRunMs: median(rename.dryRunMs), undoMs: median(rename.undoMs) },
    }),
  );
  log(`${label}: rename ${ms(renameMs)}`);
  return rows;
}

/**
 * Milliseconds from saving a note (as the app does: Vault.write, whose event the index applies)
 * until a search for a word the edit added finds it; 20 edits of different notes.
 */
async function editToSearch(vault: Vault, index: VaultIndex, paths: string[]): Promise<number[]> {
  const off = vault.onDidChange((event) => void index.apply(event));
  const times: number[] = [];
  try {
    for (let i = 0; i < 20; i++) {
      const path = paths[(i * 104729 + 7) % paths.length] ?? '';
      const note = await vault.read(path);
      const marker = `benchedit${i}x${Date.now().toString(36)}`;
      const started = performance.now();
      await vault.write(path, `${note.text}\n\nAn edit adds ${marker} here.\n`, note.version);
      await index.idle();
      const found = index.search.query(marker, 10).total;
      times.push(performance.now() - started);
      if (found !== 1) throw new Error(`the edited note was not found by search for ${marker} (${found} hits)`);
    }
  } finally {
    off.dispose();
  }
  return times;
}

function editRow(label: string, times: number[], goal: ReturnType<typeof goalTier>['goals']['edit']): BenchRow {
  const p50 = percentile(times, 50);
  return row(label, 'edit → index and search updated', `${ms(p50)} p50 / ${ms(percentile(times, 99))} max`, {
    goal,
    actual: p50,
    note: `${times.length} saves: write, re-scan, re-link, re-file for search, query finds the new word`,
    data: { p50, max: percentile(times, 99) },
  });
}

/** CPU milliseconds this process (every thread) used since `since`. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}
