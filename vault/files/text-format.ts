/** How a note's bytes were laid out, so a save can write them back the same way. */
export type TextFormat = { bom: boolean; eol: '\n' | '\r\n' };

const BOM = '\uFEFF';
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** The format new notes get. */
export const DEFAULT_FORMAT: TextFormat = { bom: false, eol: '\n' };

/**
 * Decodes a note's bytes for the editor: strict UTF-8 (null when the bytes are not UTF-8, so
 * nothing is ever re-saved lossily), BOM removed, CRLF turned into LF. A note with mixed line
 * endings keeps the majority ending on save.
 */
export function decodeNote(bytes: Uint8Array): { text: string; format: TextFormat } | null {
  let raw: string;
  try {
    raw = utf8.decode(bytes);
  } catch {
    return null;
  }
  return normalize(raw);
}

/**
 * Decodes bytes that are not valid UTF-8 for viewing only: each bad sequence becomes U+FFFD.
 * The text is lossy, so it must never be saved over the file (the engine's write refuses anyway).
 * BOM and line endings are handled as in `decodeNote`.
 */
export function decodeNoteLossy(bytes: Uint8Array): { text: string; format: TextFormat } {
  return normalize(utf8Lossy.decode(bytes));
}

function normalize(decoded: string): { text: string; format: TextFormat } {
  let raw = decoded;
  const bom = raw.startsWith(BOM);
  if (bom) raw = raw.slice(1);
  const crlf = countOf(raw, '\r\n');
  const lf = countOf(raw, '\n') - crlf;
  const eol = crlf > lf ? '\r\n' : '\n';
  return { text: crlf > 0 ? raw.replace(/\r\n/g, '\n') : raw, format: { bom, eol } };
}

/** Encodes editor text in a note's original format. */
export function encodeNote(text: string, format: TextFormat): Uint8Array {
  const withEol = format.eol === '\r\n' ? text.replace(/\r?\n/g, '\r\n') : text;
  return new TextEncoder().encode((format.bom ? BOM : '') + withEol);
}

function countOf(text: string, needle: string): number {
  let count = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) count++;
  return count;
}

/** The offset of the first byte that does not start (or continue) a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trailing =
      lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (trailing === 0 || i + trailing >= bytes.length) return i;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    const second = bytes[i + 1]!;
    if (second < low || second > high) return i;
    for (let j = 2; j <= trailing; j++) if ((bytes[i + j]! & 0xc0) !== 0x80) return i;
    i += trailing + 1;
  }
  return -1;
}
