import { diff3MergeRegions } from 'node-diff3';

/** The labels written on conflict markers: the person's side first, the disk's second. */
export const MINE_LABEL = 'your edits';
export const THEIRS_LABEL = 'on disk';
export const OPEN_MARKER = `<<<<<<< ${MINE_LABEL}`;
export const MIDDLE_MARKER = '=======';
export const CLOSE_MARKER = `>>>>>>> ${THEIRS_LABEL}`;

/**
 * How a side of a conflict is shown between the markers, which stand on lines of their own:
 * - `lines`: lines each ending in "\n", as the side had them (a conflict before the end of the text);
 * - at the end of the text: `none` (the side had nothing there; its text ended before, without a
 *   final "\n"), `newline` (its last line ended in "\n"), `bare` (it did not: the "\n" shown
 *   before the closing marker is not the side's).
 */
export type SideForm = 'lines' | 'none' | 'newline' | 'bare';

/** One place where both sides changed the same lines differently, as written in the merged text. */
export type MergeConflict = {
  /** Start of the `<<<<<<<` line. */
  from: number;
  /** Start of the `=======` line. */
  mid: number;
  /** Start of the `>>>>>>>` line (which always ends in "\n", so nothing typed after it joins it). */
  end: number;
  mineForm: SideForm;
  theirsForm: SideForm;
  /** Where the disk's side is in `theirs`, as lines (the indexes of `splitLines`). */
  theirsLines: { start: number; length: number };
  /** The base's lines for this place (what both sides changed), for merging again later. */
  baseLines: string[];
};

/** A merge's answer: the merged text, and how many places both sides changed differently. */
export type MergeResult = {
  /** The merged text; with conflicts, each one is written out between git-style markers. */
  text: string;
  conflicts: number;
  /** Each conflict's place in `text`, in order: the editor tracks these, never text that looks like markers. */
  blocks: MergeConflict[];
};

/**
 * Splits text into lines without their "\n"; a text ending in "\n" ends with an empty line. A line
 * added after a last line without "\n" is then a pure insertion (it does not touch that line), and
 * a trailing newline added or removed on one side is a change of its own that merges like any other.
 */
export function splitLines(text: string): string[] {
  return text.split('\n');
}

/** A side's lines as written between markers, and how to read them back. */
function side(lines: string[], atEnd: boolean): { text: string; form: SideForm } {
  if (!atEnd) return { text: lines.map((l) => l + '\n').join(''), form: 'lines' };
  if (lines.length === 0) return { text: '', form: 'none' };
  const joined = lines.join('\n');
  return lines.at(-1) === '' ? { text: joined, form: 'newline' } : { text: joined + '\n', form: 'bare' };
}

/**
 * Merges two edits of `base` line by line (diff3): `mine` (the editor's text) and `theirs` (the
 * disk's). Changes to different lines both apply; the same change made on both sides applies
 * once; where both sides changed the same lines differently, both versions are kept between
 * `<<<<<<< your edits` / `=======` / `>>>>>>> on disk`, counted, and described in `blocks`.
 */
export function threeWayMerge(base: string, mine: string, theirs: string): MergeResult {
  if (mine === theirs) return { text: mine, conflicts: 0, blocks: [] };
  if (mine === base) return { text: theirs, conflicts: 0, blocks: [] };
  if (theirs === base) return { text: mine, conflicts: 0, blocks: [] };
  const a = splitLines(mine);
  const o = splitLines(base);
  const b = splitLines(theirs);
  // The merged text as lines (joined by "\n"), with each conflict's marker lines among them.
  const out: string[] = [];
  const blocks: MergeConflict[] = [];
  /** Each block's marker lines, as indexes into `out` (turned into offsets at the end). */
  const markers: { open: number; mid: number; close: number }[] = [];
  const regions = diff3MergeRegions(a, o, b) as Region[];
  regions.forEach((region, i) => {
    if (region.stable) return void out.push(...region.bufferContent);
    const mineLines = region.aContent;
    const theirsLines = region.bContent;
    // The same change on both sides is no conflict.
    if (mineLines.length === theirsLines.length && mineLines.every((l, k) => l === theirsLines[k]))
      return void out.push(...mineLines);
    const atEnd = i === regions.length - 1;
    const m = side(mineLines, atEnd);
    const t = side(theirsLines, atEnd);
    const open = out.length;
    out.push(OPEN_MARKER, ...lines(m.text));
    const mid = out.length;
    out.push(MIDDLE_MARKER, ...lines(t.text));
    markers.push({ open, mid, close: out.length });
    out.push(CLOSE_MARKER);
    // Nothing follows the block's last line but the next region's lines, or the text's end: the
    // closing marker ends in "\n" either way, so typing after it starts a line of its own.
    if (atEnd) out.push('');
    blocks.push({
      from: 0,
      mid: 0,
      end: 0,
      mineForm: m.form,
      theirsForm: t.form,
      theirsLines: { start: region.bStart, length: region.bLength },
      baseLines: region.oContent,
    });
  });
  const text = out.join('\n');
  // Offsets of the marker lines: one pass over the line lengths.
  const starts: number[] = [];
  let offset = 0;
  for (const line of out) {
    starts.push(offset);
    offset += line.length + 1;
  }
  markers.forEach((m, k) => {
    const block = blocks[k] as MergeConflict;
    block.from = starts[m.open] as number;
    block.mid = starts[m.mid] as number;
    block.end = starts[m.close] as number;
  });
  return { text, conflicts: blocks.length, blocks };
}

/** Lines written between markers (each shown ending in "\n") as elements of the joined text. */
function lines(shown: string): string[] {
  return shown === '' ? [] : shown.slice(0, -1).split('\n');
}

type Region =
  | { stable: true; bufferContent: string[] }
  | {
      stable: false;
      aContent: string[];
      oContent: string[];
      bContent: string[];
      bStart: number;
      bLength: number;
    };

/**
 * The base to merge a newer disk text against while conflicts are still open: the disk text
 * the person has seen (`theirs`), except where a conflict is open, which goes back to the base
 * lines both sides changed — so a place the person settled stays settled, and an open conflict
 * stays a conflict unless the disk took back its change.
 */
export function baseWithOpenConflicts(
  theirs: string,
  open: { theirsLines: { start: number; length: number }; baseLines: string[] }[],
): string {
  const lines = splitLines(theirs);
  const sorted = [...open].sort((x, y) => y.theirsLines.start - x.theirsLines.start);
  for (const block of sorted) lines.splice(block.theirsLines.start, block.theirsLines.length, ...block.baseLines);
  return lines.join('\n');
}
