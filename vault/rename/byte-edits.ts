/**
 * Link edits applied to a note's bytes as they are on disk. The planner works on the text the
 * scanner reads (BOM removed, CRLF read as LF); writing that text back would normalise a note's
 * mixed line endings, so the edits are mapped onto the raw text instead and every other byte is
 * kept.
 */
import { applyEdits, type TextEdit } from './plan';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossy = new TextDecoder('utf-8', { ignoreBOM: true });

/** The text the scanner reads from these bytes, and whether they were valid UTF-8. */
export function scannerText(bytes: Uint8Array): { text: string; utf8: boolean } {
  let raw: string;
  let utf8 = true;
  try {
    raw = strict.decode(bytes);
  } catch {
    raw = lossy.decode(bytes);
    utf8 = false;
  }
  if (raw.startsWith('\uFEFF')) raw = raw.slice(1);
  return { text: raw.replace(/\r\n/g, '\n'), utf8 };
}

/**
 * `bytes` (valid UTF-8) with `edits` applied; the edits' offsets are into the scanner's text of
 * these bytes. Throws when the bytes are not UTF-8 (such notes are never edited).
 */
export function editBytes(bytes: Uint8Array, edits: readonly TextEdit[]): Uint8Array {
  const raw = strict.decode(bytes);
  const bom = raw.startsWith('\uFEFF') ? 1 : 0;
  // Where each dropped "\r" sat in the scanner's text (the position of its "\n" there).
  const dropped: number[] = [];
  for (let i = raw.indexOf('\r\n'); i >= 0; i = raw.indexOf('\r\n', i + 2)) dropped.push(i - bom - dropped.length);
  const toRaw = (offset: number) => offset + bom + countBelow(dropped, offset);
  const mapped = edits.map((e) => ({ start: toRaw(e.start), end: toRaw(e.end), text: e.text }));
  return new TextEncoder().encode(applyEdits(raw, mapped));
}

/** How many of the sorted `values` are below `limit`. */
function countBelow(values: readonly number[], limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
