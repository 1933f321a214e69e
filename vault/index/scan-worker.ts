// Entry point of a scan worker thread (started by worker-pool.ts, never imported): reads and scans
// the batches of notes it is sent, off the thread that answers the UI.
import { parentPort } from 'node:worker_threads';
import { scanBatch, scanBatchBuffers, type ScanJob } from './scan-job';

parentPort?.on('message', (jobs: ScanJob[]) => {
  const batch = scanBatch(jobs);
  parentPort?.postMessage(batch, scanBatchBuffers(batch));
});
