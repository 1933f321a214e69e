import { MAX_NOTE_BYTES } from '../../shared/api';
import { PlexusError } from '../../shared/errors';
import type { NoteMeta, NoteProblem } from '../../shared/note-meta';
// The scan workers run this file: it imports the very files it needs, not the folders' index.ts,
// which would bring the Vault, chokidar and RE2 into every worker's bundle (eslint.config.js).
import { readVaultFileSync } from '../files/read-vault-file';
import { decodeNote } from '../files/text-format';
import { MAX_SCANNED_BYTES, scanBytes } from '../scan';
import { batchBuffers, searchBatchOfTexts, type SearchBatch } from '../search/batch';
import { searchDoc } from '../search/doc';
import { indexTerms } from '../search/text';

/** A note to scan: its vault path and the vault's real root (read through readVaultFileSync). */
export type ScanJob = { path: string; root: string };
/**
 * A scanned note, with the stat its cache entry is keyed by, and its search terms (cut here, on
 * the worker, so the thread that answers requests only files them).
 */
export type ScanResult = { path: string; meta: NoteMeta; mtimeMs: number; size: number; terms: string };

/**
 * Scanned notes and their search terms grouped for filing (search/batch.ts). The results carry no
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
    // A note over what the editor opens is refused from its size, unread (scanBytes indexes the
    // first MAX_SCANNED_BYTES of one below that).
    const { bytes, stats } = readVaultFileSync(job.root, job.path, { maxBytes: MAX_NOTE_BYTES });
    const meta = scanBytes(job.path, bytes);
    return {
      result: { path: job.path, meta, mtimeMs: stats.mtimeMs, size: stats.size, terms: '' },
      text: noteText(bytes),
    };
  } catch (error) {
    const meta = scanBytes(job.path, new Uint8Array());
    const tooLarge = error instanceof PlexusError && error.code === 'TOO_LARGE';
    const problem: NoteProblem = tooLarge
      ? { kind: 'too-large', message: `${error.message} It is not indexed` }
      : { kind: 'read', message: `Could not read the note: ${(error as Error).message}` };
    meta.problems.push(problem);
    return { result: { path: job.path, meta, mtimeMs: 0, size: 0, terms: '' }, text: null };
  }
}

/** The note's text as the editor sees it (not UTF-8: read with replacement characters); null for a binary file. */
export function noteText(bytes: Uint8Array): string | null {
  const view = bytes.length > MAX_SCANNED_BYTES ? bytes.subarray(0, MAX_SCANNED_BYTES) : bytes;
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
export function readNoteText(root: string, path: string): string | null {
  try {
    return noteText(readVaultFileSync(root, path, { maxBytes: MAX_NOTE_BYTES }).bytes);
  } catch {
    return null;
  }
}
