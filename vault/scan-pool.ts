import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { scanJob, type ScanJob, type ScanResult } from './scan-job';

/** Where the scan worker's code is, and how to start it (tsx in development, a bundle in Electron). */
export type WorkerScript = { url: URL | string; execArgv?: string[] };

/** The worker as run from source (the browser host, the CLI, tests): TypeScript through tsx. */
export function sourceWorker(): WorkerScript {
  // An absolute loader path, so a CLI run from another folder still finds tsx.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { url: new URL('./scan-worker.ts', import.meta.url), execArgv: ['--import', tsx] };
}

const BATCH = 200;
/** Below this many notes, starting workers costs more than it saves. */
const IN_PROCESS_LIMIT = 300;

/** Called with each batch of results as it is scanned (to index them while the rest is read). */
export type OnResults = (results: ScanResult[]) => void;

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
    const batch: ScanResult[] = [];
    for (const job of jobs.slice(i, i + BATCH)) {
      // A clone, so the index holds the facts and not slices of every note's text.
      const result = scanJob(job);
      batch.push({ ...result, meta: structuredClone(result.meta) });
    }
    results.push(...batch);
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
            worker.on('message', (batchResults: ScanResult[]) => {
              results.push(...batchResults);
              onResults(batchResults);
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
