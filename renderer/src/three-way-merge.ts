import { diff3Merge } from 'node-diff3';

/** The labels written on conflict markers: the person's side first, the disk's second. */
export const MINE_LABEL = 'your edits';
export const THEIRS_LABEL = 'on disk';

/** A merge's answer: the merged text, and how many places both sides changed differently. */
export type MergeResult = {
  /** The merged text; with conflicts, each one is written out between git-style markers. */
  text: string;
  conflicts: number;
};

/**
 * Splits text into lines without their "\n"; a text ending in "\n" ends with an empty line. A line
 * added after a last line without "\n" is then a pure insertion (it does not touch that line), and
 * a trailing newline added or removed on one side is a change of its own that merges like any other.
 */
export function splitLines(text: string): string[] {
  return text.split('\n');
}

/**
 * Merges two edits of `base` line by line (diff3): `mine` (the editor's text) and `theirs` (the
 * disk's). Changes to different lines both apply; the same change made on both sides applies
 * once; where both sides changed the same lines differently, both versions are kept between
 * `<<<<<<< your edits` / `=======` / `>>>>>>> on disk` and counted as a conflict.
 */
export function threeWayMerge(base: string, mine: string, theirs: string): MergeResult {
  if (mine === theirs) return { text: mine, conflicts: 0 };
  if (mine === base) return { text: theirs, conflicts: 0 };
  if (theirs === base) return { text: mine, conflicts: 0 };
  const regions = diff3Merge(splitLines(mine), splitLines(base), splitLines(theirs), { excludeFalseConflicts: true });
  const lines: string[] = [];
  let conflicts = 0;
  regions.forEach((region, i) => {
    if (region.ok) return void lines.push(...region.ok);
    if (!region.conflict) return;
    conflicts++;
    let { a, b } = region.conflict;
    const atEnd = i === regions.length - 1;
    // At the end of the text, whether it ends in "\n" is kept out of the block (else one side
    // would show an empty last line): the closing marker then ends the text as the edits did.
    const mineEndsWithNewline = atEnd && a.at(-1) === '';
    if (atEnd) {
      if (a.at(-1) === '') a = a.slice(0, -1);
      if (b.at(-1) === '') b = b.slice(0, -1);
    }
    lines.push(`<<<<<<< ${MINE_LABEL}`, ...a, '=======', ...b, `>>>>>>> ${THEIRS_LABEL}`);
    if (mineEndsWithNewline) lines.push('');
  });
  return { text: lines.join('\n'), conflicts };
}
