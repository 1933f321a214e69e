import { syntaxTree } from '@codemirror/language';
import type { Text, Transaction } from '@codemirror/state';
import type { SyntaxNode, Tree } from '@lezer/common';

/**
 * The part of a note whose top-level blocks a transaction may have changed, as whole lines:
 * `[from, to)` in the new document, `[from, toBefore)` in the old one. Blocks before `from` are
 * untouched; blocks at or after `toBefore` moved by `shift` and are otherwise the same.
 */
export type TopLevelChange = { from: number; to: number; toBefore: number; shift: number };

/** Nothing of the top-level blocks changed (a selection, an effect, a nested parse). */
export const UNCHANGED = 'unchanged';

/** The top-level node starting at or after `pos`, if any. */
function nodeFrom(tree: Tree, pos: number): SyntaxNode | null {
  const node = tree.topNode.childAfter(pos);
  if (node === null) return null;
  return node.from >= pos ? node : node.nextSibling;
}

/**
 * The start of the line where `pos`'s block starts, or the block before it: an edit can change
 * the block before it too (a setext underline makes the paragraph above a heading, a lazy line
 * continues the quote above).
 */
function startBefore(tree: Tree, doc: Text, pos: number): number {
  const last = tree.topNode.childBefore(pos); // the last node starting before pos
  const from = last === null ? 0 : (last.prevSibling ?? last).from;
  return doc.lineAt(Math.min(from, pos, doc.length)).from;
}

/**
 * Walks the old and the new tree's top-level nodes from `after` (old) / `afterNew` (new) until
 * both have the same node at the same (shifted) place: from there on, nothing changed. Returns
 * that place in the new document, or null when the trees never meet again.
 */
function resync(before: Tree, after: Tree, fromOld: number, fromNew: number, shift: number): number | null {
  let old = nodeFrom(before, fromOld);
  let now = nodeFrom(after, fromNew);
  while (old !== null && now !== null) {
    const oldFrom = old.from + shift;
    if (oldFrom === now.from && old.to + shift === now.to && old.name === now.name) return now.from;
    if (oldFrom <= now.from) old = old.nextSibling;
    if (oldFrom >= now.from) now = now.nextSibling;
  }
  return null;
}

function lineStartAtOrAfter(doc: Text, pos: number): number {
  if (pos >= doc.length) return doc.length;
  const line = doc.lineAt(pos);
  return line.from === pos ? pos : Math.min(line.to + 1, doc.length);
}

/**
 * Where `tr` may have changed the note's top-level blocks: found by comparing the old and new
 * syntax trees around the edit (and where a parse that stopped early went on), so that finding
 * blocks after a keystroke in a 1 MB note looks at a few blocks, not at all of them. 'all' when it
 * cannot tell (a reparse of the whole tree).
 */
export function topLevelChange(tr: Transaction): TopLevelChange | typeof UNCHANGED | 'all' {
  const before = syntaxTree(tr.startState);
  const after = syntaxTree(tr.state);
  const doc = tr.state.doc;
  if (!tr.docChanged) {
    if (before === after) return UNCHANGED;
    // Without an edit the tree changes when a time-boxed parse goes on (it grows) or a nested
    // language arrives (the top level stays): look again from the old tree's end.
    if (after.length === before.length) return 'all';
    // Blocks past the new tree's end are left as they were until the parse reaches them.
    const from = startBefore(after, doc, Math.min(before.length, after.length));
    const to = lineStartAtOrAfter(doc, after.length);
    return { from: Math.min(from, to), to, toBefore: to, shift: 0 };
  }
  let fromNew = Infinity;
  let toOld = -1;
  let toNew = -1;
  tr.changes.iterChangedRanges((_fromA, toA, fromB, toB) => {
    fromNew = Math.min(fromNew, fromB);
    toOld = Math.max(toOld, toA);
    toNew = Math.max(toNew, toB);
  });
  const shift = toNew - toOld;
  const from = startBefore(after, doc, Math.min(fromNew, after.length));
  // The lines after the edit's last line stay the same text; the blocks there are the same
  // from where the two trees agree again.
  const endNew = lineStartAtOrAfter(doc, toNew);
  const endOld = endNew - shift;
  const met = resync(before, after, endOld, endNew, shift);
  const to = met ?? Math.max(endNew, Math.min(after.length, doc.length));
  return { from: Math.min(from, to), to, toBefore: to - shift, shift };
}
