import { readFileSync, statSync } from 'node:fs';
import type { NoteMeta } from '../shared/note-meta';
import { MAX_NOTE_BYTES, scanBytes } from './scan';
import { batchBuffers, searchBatchOfTexts, type SearchBatch } from './search-batch';
import { searchDoc } from './search-doc';
import { indexTerms } from './search-text';
import { decodeNote } from './text-format';

/** A note to scan: its vault path and where to read it. */
export type ScanJob = { path: string; absolute: string };
/**
 * A scanned note, with the stat its cache entry is keyed by, and its search terms (cut here, on
 * the worker, so the thread that answers requests only files them).
 */
export type ScanResult = { path: string; meta: NoteMeta; mtimeMs: number; size: number; terms: string };

/**
 * Scanned notes and their search terms grouped for filing (search-batch.ts). The results carry no
 * terms (`terms` is empty): the batch has them.
 */
export type ScanBatch = { results: ScanResult[]; search: SearchBatch };

const lossy = new TextDecoder('utf-8');

/** Scans a batch of notes (on a scan worker, or on this thread when there is none). */
export function scanBatch(jobs: ScanJob[]): ScanBatch {
  const texts: (string | null)[] = [];
  const results = jobs.map((job) => {
    const { result, text } = readAndScan(job);
    texts.push(text);
    return result;
  });
  const search = searchBatchOfTexts(
    results.map((r) => searchDoc(r.meta, '')),
    texts,
  );
  return { results, search };
}

/** The buffers to move rather than copy when a batch is posted to another thread. */
export function scanBatchBuffers(batch: ScanBatch): ArrayBuffer[] {
  return batchBuffers(batch.search);
}

/** Reads and scans one note; a file that cannot be read becomes a note with a 'read' problem. */
export function scanJob(job: ScanJob): ScanResult {
  const { result, text } = readAndScan(job);
  return { ...result, terms: text === null ? '' : indexTerms(text) };
}

/** Reads and scans one note: the result (without terms) and the text search reads (null: none). */
function readAndScan(job: ScanJob): { result: ScanResult; text: string | null } {
  try {
    const stats = statSync(job.absolute);
    const bytes = readFileSync(job.absolute);
    const meta = scanBytes(job.path, bytes);
    return {
      result: { path: job.path, meta, mtimeMs: stats.mtimeMs, size: stats.size, terms: '' },
      text: noteText(bytes),
    };
  } catch (error) {
    const meta = scanBytes(job.path, new Uint8Array());
    meta.problems.push({ kind: 'read', message: `Could not read the note: ${(error as Error).message}` });
    return { result: { path: job.path, meta, mtimeMs: 0, size: 0, terms: '' }, text: null };
  }
}

/** The note's text as the editor sees it (not UTF-8: read with replacement characters); null for a binary file. */
export function noteText(bytes: Uint8Array): string | null {
  const view = bytes.length > MAX_NOTE_BYTES ? bytes.subarray(0, MAX_NOTE_BYTES) : bytes;
  if (view.indexOf(0) >= 0) return null;
  return (
    decodeNote(view)?.text ??
    lossy
      .decode(view)
      .replace(/^\uFEFF/, '')
      .replace(/\r\n/g, '\n')
  );
}

/** Reads a note's text for search (snippets, phrase checks); null when it cannot be read. */
export function readNoteText(absolute: string): string | null {
  try {
    return noteText(readFileSync(absolute));
  } catch {
    return null;
  }
}
