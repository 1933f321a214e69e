import { diffIndices } from 'node-diff3';

/** One replacement in the old text: characters [from, to) become `insert`. */
export type TextChange = { from: number; to: number; insert: string };

/** Above this many differing lines on either side, the difference is one replacement (diffing costs n·m). */
const MAX_DIFF_LINES = 3000;

/**
 * The changes that turn `old` into `next`, line by line: unchanged lines stay untouched, so a
 * cursor in one of them keeps its place when the editor takes the disk's text (a merge that wraps
 * the person's line in conflict markers leaves the cursor on that line, not after the markers).
 * The common start and end are cut first; what differs is diffed by lines when it is small enough.
 */
export function lineChanges(old: string, next: string): TextChange[] {
  if (old === next) return [];
  let start = 0;
  const shortest = Math.min(old.length, next.length);
  while (start < shortest && old.charCodeAt(start) === next.charCodeAt(start)) start++;
  let endOld = old.length;
  let endNew = next.length;
  while (endOld > start && endNew > start && old.charCodeAt(endOld - 1) === next.charCodeAt(endNew - 1)) {
    endOld--;
    endNew--;
  }
  // Widen to whole lines, so the lines in between can be compared as lines.
  start = start === 0 ? 0 : old.lastIndexOf('\n', start - 1) + 1;
  const oldEnd = lineEnd(old, endOld);
  const newEnd = lineEnd(next, endNew + (oldEnd - endOld));
  const oldLines = old.slice(start, oldEnd).split('\n');
  const newLines = next.slice(start, newEnd).split('\n');
  if (oldLines.length > MAX_DIFF_LINES || newLines.length > MAX_DIFF_LINES) {
    return [{ from: start, to: oldEnd, insert: next.slice(start, newEnd) }];
  }
  const oldOffsets = lineOffsets(oldLines, start);
  const changes: TextChange[] = [];
  for (const hunk of diffIndices(oldLines, newLines)) {
    const [oldAt, oldCount] = hunk.buffer1;
    const lines = hunk.buffer2Content;
    if (oldCount > 0) {
      // Whole lines replaced: the text between the first one's start and the last one's end.
      const from = oldOffsets[oldAt] as number;
      const to = (oldOffsets[oldAt + oldCount - 1] as number) + (oldLines[oldAt + oldCount - 1] as string).length;
      if (lines.length > 0) changes.push({ from, to, insert: lines.join('\n') });
      // Lines removed: with the newline after them (or, at the end, the one before them).
      else if (oldAt + oldCount < oldLines.length) changes.push({ from, to: to + 1, insert: '' });
      else changes.push({ from: Math.max(start, from - 1), to, insert: '' });
    } else if (oldAt < oldLines.length) {
      // Lines inserted before old line `oldAt`.
      changes.push({
        from: oldOffsets[oldAt] as number,
        to: oldOffsets[oldAt] as number,
        insert: lines.map((l) => l + '\n').join(''),
      });
    } else {
      // Lines added after the last line.
      changes.push({ from: oldEnd, to: oldEnd, insert: lines.map((l) => '\n' + l).join('') });
    }
  }
  return changes;
}

/**
 * The one replacement that turns `old` into `next`: the common start and end stay, only the
 * part between changes (so a cursor outside it keeps its place).
 */
export function spanChange(old: string, next: string): TextChange {
  let start = 0;
  while (start < old.length && start < next.length && old[start] === next[start]) start++;
  let endOld = old.length;
  let endNew = next.length;
  while (endOld > start && endNew > start && old[endOld - 1] === next[endNew - 1]) {
    endOld--;
    endNew--;
  }
  return { from: start, to: endOld, insert: next.slice(start, endNew) };
}

/** The end of the line holding offset `at` (the offset of its "\n", or the text's end). */
function lineEnd(text: string, at: number): number {
  const newline = text.indexOf('\n', at);
  return newline === -1 ? text.length : newline;
}

function lineOffsets(lines: string[], start: number): number[] {
  const offsets: number[] = [];
  let at = start;
  for (const line of lines) {
    offsets.push(at);
    at += line.length + 1;
  }
  return offsets;
}
