// `npm run bench [-- --notes N] [--vault DIR] [--json FILE]`: measures the engine's hot paths on
// seeded synthetic vaults (written once to the temp folder and reused) or on a real vault, and
// prints a markdown table. Timings are medians; nothing here is asserted.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateVault } from '../helpers/synthetic-vault';
import { sourceWorker } from '../../vault/scan-pool';
import { Vault } from '../../vault/vault';
import { VaultIndex } from '../../vault/vault-index';
import { VaultWatcher } from '../../vault/watcher';

type Row = { vault: string; measure: string; value: string; note?: string };

const { values } = parseArgs({
  options: {
    notes: { type: 'string', multiple: true },
    vault: { type: 'string', multiple: true },
    json: { type: 'string' },
    runs: { type: 'string', default: '3' },
  },
});
const runs = Math.max(1, Number(values.runs));
const sizes = (values.notes ?? (values.vault ? [] : ['1000', '10000'])).map(Number);

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** The synthetic vault of `notes` notes, written once under the temp folder. */
function syntheticVault(notes: number): string {
  const root = join(tmpdir(), `plexus-bench-${notes}-seed1`);
  if (existsSync(join(root, '.complete'))) return root;
  for (const note of generateVault({ notes, seed: 1 })) {
    mkdirSync(dirname(join(root, note.path)), { recursive: true });
    writeFileSync(join(root, note.path), note.text);
  }
  writeFileSync(join(root, '.complete'), '');
  return root;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function measure(label: string, root: string): Promise<Row[]> {
  const rows: Row[] = [];
  const add = (measure: string, value: string, note?: string) => rows.push({ vault: label, measure, value, note });
  const vault = await Vault.open(root);
  const notes = (await vault.list()).filter((e) => e.kind === 'file' && /\.md$/i.test(e.path));
  const bytes = notes.reduce((sum, n) => sum + n.size, 0);
  const mb = bytes / 1024 / 1024;
  add('notes', `${notes.length.toLocaleString()} (${mb.toFixed(1)} MB)`);

  const reads: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    for (const n of notes) readFileSync(join(vault.root, n.path));
    reads.push(performance.now() - started);
  }
  add(
    'read every note (floor)',
    `${(median(reads) / 1000).toFixed(2)} s`,
    `${(mb / (median(reads) / 1000)).toFixed(0)} MB/s`,
  );

  const colds: number[] = [];
  let index: VaultIndex | null = null;
  for (let i = 0; i < runs; i++) {
    const [built, ms] = await timed(() => VaultIndex.build(vault, { cacheFile: null, worker: sourceWorker() }));
    colds.push(ms);
    index = built;
  }
  add(
    'cold index (workers)',
    `${(median(colds) / 1000).toFixed(2)} s`,
    `${(mb / (median(colds) / 1000)).toFixed(0)} MB/s, ${availableParallelism()} workers`,
  );
  if (!index) return rows;
  const stats = index.links.stats();
  add('links', `${stats.links.toLocaleString()} (${stats.unresolved.toLocaleString()} unresolved)`);
  const memory = process.memoryUsage();
  add(
    'engine heap / RSS',
    `${(memory.heapUsed / 1048576).toFixed(0)} MB / ${(memory.rss / 1048576).toFixed(0)} MB`,
    'after the builds',
  );

  const cacheDir = join(tmpdir(), `plexus-bench-cache-${process.pid}`);
  const cacheFile = join(cacheDir, 'index.bin');
  await (await VaultIndex.build(vault, { cacheFile, worker: sourceWorker() })).flush();
  const warms: number[] = [];
  for (let i = 0; i < runs; i++)
    warms.push((await timed(() => VaultIndex.build(vault, { cacheFile, worker: sourceWorker() })))[1]);
  add('warm open from cache', `${(median(warms) / 1000).toFixed(2)} s`);
  await rm(cacheDir, { recursive: true, force: true });

  const paths = index.links.notes().map((n) => n.path);
  const lookups: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const path = paths[(i * 7919) % paths.length] ?? '';
    const started = performance.now();
    index.links.backlinks(path);
    lookups.push(performance.now() - started);
  }
  add('backlinks lookup', `${median(lookups).toFixed(3)} ms p50`, `${percentile(lookups, 99).toFixed(3)} ms p99`);

  const target = paths[0] ?? '';
  const edits: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    await index.apply({ type: 'changed', path: target, origin: 'external' });
    edits.push(performance.now() - started);
  }
  add('edit → index updated', `${median(edits).toFixed(2)} ms p50`, 'one changed note re-read and re-linked');

  const [watcher, watchMs] = await timed(async () => {
    const w = new VaultWatcher(vault, () => undefined);
    await w.ready;
    return w;
  });
  add('watcher ready', `${(watchMs / 1000).toFixed(2)} s`, 'chokidar');
  await watcher.close();
  return rows;
}

const rows: Row[] = [];
for (const n of sizes) rows.push(...(await measure(`synthetic ${n.toLocaleString()}`, syntheticVault(n))));
for (const dir of values.vault ?? []) rows.push(...(await measure(dir, resolve(dir))));

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `\nPlexus bench — ${availableParallelism()} cores (${cpu}), Node ${process.version}, medians of ${runs} runs\n`,
);
console.log('| vault | measure | value | note |\n| --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.vault} | ${r.measure} | ${r.value} | ${r.note ?? ''} |`);
console.log(
  '\nNot measured yet: search, `[[` completion, quick switcher, rename with backlinks, UI long tasks (their features arrive with issues 4–7).',
);
if (values.json)
  writeFileSync(values.json, JSON.stringify({ cores: availableParallelism(), node: process.version, rows }, null, 2));
