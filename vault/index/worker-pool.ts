import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { scanBatch, type ScanBatch, type ScanJob, type ScanResult } from './scan-job';

/** Where the scan worker's code is, and how to start it (tsx in development, a bundle in Electron). */
export type WorkerScript = { url: URL | string; execArgv?: string[] };

/**
 * The worker as run from source (the browser host, the CLI, tests, benchmarks): TypeScript through
 * tsx. `--import tsx` does not reach worker threads on Node 20 (its module hooks are not
 * inherited, so every start failed with "Unknown file extension" and scanning silently fell back
 * to this thread); tsx's CommonJS hook is installed inside the worker instead, by a small module.
 */
export function sourceWorker(): WorkerScript {
  // Absolute paths, so a CLI run from another folder still finds tsx and the worker.
  const require = createRequire(import.meta.url);
  const api = JSON.stringify(require.resolve('tsx/cjs/api'));
  const worker = JSON.stringify(fileURLToPath(new URL('./scan-worker.ts', import.meta.url)));
  const code = `import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(import.meta.url)});
require(${api}).register();
require(${worker});`;
  return { url: new URL(`data:text/javascript,${encodeURIComponent(code)}`) };
}

const BATCH = 200;
/** Below this many notes, starting workers costs more than it saves. */
const IN_PROCESS_LIMIT = 300;

/** Called with each batch as it is scanned (to index it while the rest is read). */
export type OnResults = (batch: ScanBatch) => void;

/**
 * Scans notes on worker threads, one per core, in batches, reporting progress as batches finish.
 * Falls back to scanning on this thread when workers cannot start, so indexing never fails for
 * want of a worker.
 */
export async function scanAll(
  jobs: ScanJob[],
  onProgress: (done: number, total: number) => void,
  script: WorkerScript | null,
  onResults: OnResults = () => undefined,
): Promise<ScanResult[]> {
  if (jobs.length < IN_PROCESS_LIMIT || script === null) return scanHere(jobs, onProgress, onResults);
  try {
    return await scanOnWorkers(jobs, onProgress, script, onResults);
  } catch {
    // What the workers delivered is delivered again: indexing a note twice is harmless.
    return scanHere(jobs, onProgress, onResults);
  }
}

async function scanHere(
  jobs: ScanJob[],
  onProgress: (done: number, total: number) => void,
  onResults: OnResults,
): Promise<ScanResult[]> {
  const results: ScanResult[] = [];
  for (let i = 0; i < jobs.length; i += BATCH) {
    // A clone, so the index holds the facts and not slices of every note's text.
    const batch = structuredClone(scanBatch(jobs.slice(i, i + BATCH)));
    results.push(...batch.results);
    onResults(batch);
    onProgress(results.length, jobs.length);
    // Let requests and events through between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return results;
}

async function scanOnWorkers(
  jobs: ScanJob[],
  onProgress: (done: number, total: number) => void,
  script: WorkerScript,
  onResults: OnResults,
): Promise<ScanResult[]> {
  const batches: ScanJob[][] = [];
  for (let i = 0; i < jobs.length; i += BATCH) batches.push(jobs.slice(i, i + BATCH));
  const results: ScanResult[] = [];
  const count = Math.max(1, Math.min(availableParallelism(), batches.length));
  const workers = Array.from({ length: count }, () => new Worker(script.url, { execArgv: script.execArgv ?? [] }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const batch = batches.shift();
              if (batch) worker.postMessage(batch);
              else resolve();
            };
            worker.on('message', (batch: ScanBatch) => {
              results.push(...batch.results);
              onResults(batch);
              onProgress(results.length, jobs.length);
              next();
            });
            worker.once('error', reject);
            worker.once('exit', (code) => {
              if (code !== 0) reject(new Error(`scan worker exited with ${code}`));
            });
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
