import type { HeadingRef, NoteMeta, NoteProblem } from '../../shared/note-meta';
import { baseName } from '../../shared/paths';
import { BlockScanner } from './blocks';
import { ScanFacts } from './facts';
import { frontmatterAliases, frontmatterTags, frontmatterTitle, readFrontmatter } from './frontmatter';
// Not '../files': the scan workers run this file, and the Vault's folder would come with it.
import { decodeNote, firstInvalidUtf8 } from '../files/text-format';

/**
 * The fast markdown reader behind the link index: one pass over a note for its frontmatter,
 * headings, block ids, tags and links (see "Link semantics" in the design). It reads markdown the
 * way CommonMark/GFM (as remark parses it) and Obsidian do for these facts only; the differential
 * test holds it to remark's reading of the same notes.
 */

/** The most links kept for one note; the rest are counted and reported. */
export const MAX_LINKS = 10_000;
/** The most bytes of one note that are scanned (indexed); a larger note is indexed up to here. The
 * most a note may have to be opened at all is MAX_NOTE_BYTES in shared/api.ts. */
export const MAX_SCANNED_BYTES = 16 * 1024 * 1024;

/**
 * Scans a decoded note (BOM removed, "\n" line endings). Offsets are UTF-16 indices into `text`,
 * lines 1-based. Never throws: what cannot be read is reported in `problems`.
 */
export function scanNote(path: string, text: string): NoteMeta {
  try {
    return scanText(path, text);
  } catch (error) {
    // Not expected on any input (the fuzz test checks); a scanner bug must not stop indexing.
    return emptyMeta(path, [{ kind: 'read', message: `The note could not be scanned: ${describe(error)}` }]);
  }
}

/**
 * Scans a note's bytes as read from disk: NUL bytes mean a binary file (nothing is read); invalid
 * UTF-8 is read with replacement characters and reported; only the first 16 MB are read.
 */
export function scanBytes(path: string, bytes: Uint8Array): NoteMeta {
  try {
    const problems: NoteProblem[] = [];
    let view = bytes;
    if (bytes.length > MAX_SCANNED_BYTES) {
      view = bytes.subarray(0, utf8Boundary(bytes, MAX_SCANNED_BYTES));
      problems.push({
        kind: 'too-large',
        message: `The note is ${megabytes(bytes.length)} MB; only its first ${megabytes(MAX_SCANNED_BYTES)} MB are indexed`,
      });
    }
    if (view.indexOf(0) >= 0) {
      return emptyMeta(path, [{ kind: 'binary', message: 'The file contains NUL bytes, so it is not read as a note' }]);
    }
    const decoded = decodeNote(view);
    let text: string;
    if (decoded !== null) {
      text = decoded.text;
    } else {
      text = decodeLossy(view);
      const offset = firstInvalidUtf8(view);
      problems.push({
        kind: 'encoding',
        message: `The note is not valid UTF-8 (first bad byte at offset ${offset}); it was read with replacement characters`,
        line: lineOfByte(view, offset),
      });
    }
    const meta = scanNote(path, text);
    meta.problems.unshift(...problems);
    return meta;
  } catch (error) {
    return emptyMeta(path, [{ kind: 'read', message: `The note could not be scanned: ${describe(error)}` }]);
  }
}

/**
 * The lines of a decoded note that are GFM table rows, ascending: where a `|` written into the
 * line would split a cell, so a wiki link there needs `\|` before its alias.
 */
export function tableRowLines(text: string): number[] {
  try {
    const frontmatter = readFrontmatter(text);
    const facts = new ScanFacts(MAX_LINKS);
    new BlockScanner(text, facts).scan(frontmatter.bodyStart, frontmatter.bodyLine);
    return facts.tableRows;
  } catch {
    return []; // as scanNote: a scanner bug must not stop the caller
  }
}

function scanText(path: string, text: string): NoteMeta {
  const frontmatter = readFrontmatter(text);
  const facts = new ScanFacts(MAX_LINKS);
  new BlockScanner(text, facts).scan(frontmatter.bodyStart, frontmatter.bodyLine);
  const problems = frontmatter.problems;
  if (facts.linksSeen > MAX_LINKS) {
    problems.push({
      kind: 'too-many-links',
      message: `The note has ${facts.linksSeen} links; only the first ${MAX_LINKS} are indexed`,
    });
  }
  return {
    path,
    title: frontmatterTitle(frontmatter.data) ?? firstH1(facts.headings) ?? fileTitle(path),
    aliases: frontmatterAliases(frontmatter.data),
    frontmatter: frontmatter.data,
    headings: facts.headings,
    blocks: facts.blocks,
    tags: [...frontmatterTags(frontmatter.data), ...facts.tags],
    links: facts.links,
    problems,
  };
}

function emptyMeta(path: string, problems: NoteProblem[]): NoteMeta {
  return {
    path,
    title: fileTitle(path),
    aliases: [],
    frontmatter: null,
    headings: [],
    blocks: [],
    tags: [],
    links: [],
    problems,
  };
}

function firstH1(headings: HeadingRef[]): string | null {
  for (const heading of headings) if (heading.level === 1 && heading.text !== '') return heading.text;
  return null;
}

/** The file name without folders and without `.md`. */
function fileTitle(path: string): string {
  const name = baseName(path);
  return /\.md$/i.test(name) ? name.slice(0, -3) : name;
}

/** Cuts at `limit` or just before it, so no UTF-8 sequence is split. */
function utf8Boundary(bytes: Uint8Array, limit: number): number {
  let end = limit;
  while (end > limit - 3 && (bytes[end]! & 0xc0) === 0x80) end--;
  return end;
}

/** Decodes as the editor would, but with U+FFFD for bytes that are not UTF-8. */
function decodeLossy(bytes: Uint8Array): string {
  const raw = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return (raw.startsWith('\uFEFF') ? raw.slice(1) : raw).replace(/\r\n/g, '\n');
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
