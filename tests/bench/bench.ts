// `npm run bench [-- --notes N]… [--vault DIR]… [--json FILE] [--runs N] [--ui] [--no-ui] [--part search]`
//
// Measures the engine on seeded synthetic vaults (generated once into the temp folder and reused)
// and on real vaults, against the goals of issue 7, and prints a markdown table (and JSON with
// --json). Timings are medians of --runs runs (3; 1 for vaults over 50k notes). With --ui (the
// default when a vault of 10k notes or more is measured; --no-ui skips it) it also drives the
// renderer in Chromium and reports the longest main-thread task while a big vault is indexed and
// while typing in a 1 MB note. `--part search` measures only the search rows (search-part.ts).
// Nothing here is asserted.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchRow } from './bench-row';
import { markdownTable } from './bench-row';
import { benchVault } from './bench-vault';
import { measureEngine } from './engine-bench';
import { measureSearchPart } from './search-part';
import { measureUi } from './ui-bench';

const { values } = parseArgs({
  options: {
    notes: { type: 'string', multiple: true },
    vault: { type: 'string', multiple: true },
    json: { type: 'string' },
    runs: { type: 'string' },
    ui: { type: 'boolean' },
    'no-ui': { type: 'boolean' },
    quiet: { type: 'boolean' },
    part: { type: 'string' },
  },
});
if (values.part !== undefined && values.part !== 'search')
  throw new Error(`--part wants "search" (the only part that runs alone), not "${values.part}".`);
const searchOnly = values.part === 'search';

const sizes = (values.notes ?? (values.vault ? [] : ['1000', '10000'])).map((n) => {
  const count = Number(n.replace(/k$/i, '000'));
  if (!Number.isInteger(count) || count < 1) throw new Error(`--notes wants a whole number of notes, not "${n}".`);
  return count;
});
// The linear scan keeps every note's text in memory beside the index; past 50k notes that outgrows
// Node's default heap limit, so the bench restarts itself with a larger one. (The engine's own
// share is the "engine heap" row.)
const limited = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('max-old-space-size'));
if (sizes.some((n) => n > 50_000) && !limited) {
  const args = [...process.execArgv, '--max-old-space-size=12288', ...process.argv.slice(1)];
  process.exit(spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1);
}
const runsFor = (notes: number) => (values.runs ? Math.max(1, Number(values.runs)) : notes > 50_000 ? 1 : 3);
const log = values.quiet ? undefined : (line: string) => process.stderr.write(`  ${line}\n`);
const started = performance.now();
const loadBefore = loadavg()[0] ?? 0;

const rows: BenchRow[] = [];
for (const n of sizes) {
  const label = `synthetic ${n.toLocaleString()}`;
  if (searchOnly) rows.push(...(await measureSearchPart(label, benchVault(n), { log })));
  else rows.push(...(await measureEngine(label, benchVault(n), { runs: runsFor(n), log })));
}
for (const dir of values.vault ?? []) {
  const label = basename(resolve(dir));
  if (searchOnly) rows.push(...(await measureSearchPart(label, resolve(dir), { log })));
  else rows.push(...(await measureEngine(label, resolve(dir), { runs: runsFor(0), log })));
}

// The UI bench indexes the biggest synthetic vault asked for (at least 10k notes).
const biggest = Math.max(0, ...sizes);
const ui = values['no-ui'] || searchOnly ? false : (values.ui ?? biggest >= 10_000);
if (ui) rows.push(...(await measureUi({ notes: Math.max(biggest, 10_000), log })));

const machine =
  `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ` +
  `${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${process.platform}; ` +
  // Other work on the machine slows every number: the 1-minute load average says how busy it was.
  `load average ${loadBefore.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end`;
console.log(`\n### Plexus bench — ${machine}\n`);
console.log(markdownTable(rows));
console.log(
  `\nMedians of ${values.runs ? `${values.runs} run(s)` : '3 runs (1 over 50k notes)'}; latencies as p50 / p99. ` +
    `Took ${((performance.now() - started) / 1000).toFixed(0)} s.`,
);
if (values.json) {
  writeFileSync(
    values.json,
    `${JSON.stringify({ machine, cores: availableParallelism(), node: process.version, rows }, null, 2)}\n`,
  );
}
// Workers and the watcher are closed, but a stray handle must not keep the bench alive.
process.exit(0);
