import { readFileSync, statSync } from 'node:fs';
import type { NoteMeta } from '../shared/note-meta';
import { scanBytes } from './scan';

/** A note to scan: its vault path and where to read it. */
export type ScanJob = { path: string; absolute: string };
/** A scanned note, with the stat its cache entry is keyed by. */
export type ScanResult = { path: string; meta: NoteMeta; mtimeMs: number; size: number };

/** Reads and scans one note; a file that cannot be read becomes a note with a 'read' problem. */
export function scanJob(job: ScanJob): ScanResult {
  try {
    const stats = statSync(job.absolute);
    return {
      path: job.path,
      meta: scanBytes(job.path, readFileSync(job.absolute)),
      mtimeMs: stats.mtimeMs,
      size: stats.size,
    };
  } catch (error) {
    const meta = scanBytes(job.path, new Uint8Array());
    meta.problems.push({ kind: 'read', message: `Could not read the note: ${(error as Error).message}` });
    return { path: job.path, meta, mtimeMs: 0, size: 0 };
  }
}
