// Small statistics and measuring helpers shared by the benchmarks.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export const median = (xs: readonly number[]): number => percentile(xs, 50);

/** Milliseconds `work` took, with its result. */
export async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The JS heap in use after a full collection, in MB. */
export function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1048576;
}
