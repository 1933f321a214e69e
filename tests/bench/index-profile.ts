// `node --import tsx tests/bench/index-profile.ts [--notes N] [--runs R] [--phase cold|warm|all]`:
// the vault index's cold build (workers, no cache), warm open from the cache, and the engine heap
// after a build, on the seeded synthetic vault bench.ts uses. Prints the figures and the load
// average (other work on the machine skews wall time), the process's CPU time (all threads) and
// the main thread's busy time (event loop utilisation), which load skews far less. Nothing is
// asserted.
import { rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance as nodePerformance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sourceWorker } from '../../vault/index/worker-pool';
import { Vault } from '../../vault/files/vault';
import { VaultIndex } from '../../vault/index/vault-index';
import { syntheticVault } from './search-bench';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1048576;
}

/** Runs `work`, returning its wall time, CPU time of all threads, and the main thread's busy time. */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; wall: number; cpu: number; main: number }> {
  const cpu0 = process.cpuUsage();
  const elu0 = nodePerformance.eventLoopUtilization();
  const started = performance.now();
  const result = await work();
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  const elu = nodePerformance.eventLoopUtilization(elu0);
  return { result, wall, cpu: (cpu.user + cpu.system) / 1000, main: elu.active };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    phase: { type: 'string', default: 'all' },
  },
});
const notes = Number(values.notes);
const runs = Math.max(1, Number(values.runs));
const root = syntheticVault(notes);
const vault = await Vault.open(root);
const load = () => loadavg()[0]?.toFixed(2);
console.log(`${notes} notes, ${availableParallelism()} cores, Node ${process.version}, load ${load()}`);

if (values.phase === 'all' || values.phase === 'cold') {
  const colds: number[] = [];

  for (let i = 0; i < runs; i++) {
    const before = heapMb();
    const run = await timed(() => VaultIndex.build(vault, { cacheFile: null, worker: sourceWorker() }));
    colds.push(run.wall);
    const heap = heapMb() - before;
    console.log(
      `cold ${seconds(run.wall)} (cpu ${seconds(run.cpu)}, main thread busy ${seconds(run.main)}), ` +
        `index heap ${heap.toFixed(0)} MB, load ${load()}`,
    );
  }
  console.log(`cold median ${(median(colds) / 1000).toFixed(2)} s`);
}

if (values.phase === 'all' || values.phase === 'warm') {
  const cacheDir = join(tmpdir(), `plexus-index-profile-${process.pid}`);
  const cacheFile = join(cacheDir, 'index.bin');
  await (await VaultIndex.build(vault, { cacheFile, worker: sourceWorker() })).flush();
  const warms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = heapMb();
    const run = await timed(() => VaultIndex.build(vault, { cacheFile, worker: sourceWorker() }));
    warms.push(run.wall);
    const heap = heapMb() - before;
    const { reused, scanned } = run.result.buildStats;
    console.log(
      `warm ${seconds(run.wall)} (cpu ${seconds(run.cpu)}, main thread busy ${seconds(run.main)}; ` +
        `${reused} reused, ${scanned} scanned), index heap ${heap.toFixed(0)} MB, load ${load()}`,
    );
  }
  console.log(`warm median ${(median(warms) / 1000).toFixed(2)} s`);
  await rm(cacheDir, { recursive: true, force: true });
}
