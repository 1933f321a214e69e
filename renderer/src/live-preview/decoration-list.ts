import { syntaxTree } from '@codemirror/language';
import type { EditorState, Range } from '@codemirror/state';
import type { SyntaxNodeRef } from '@lezer/common';
import { Decoration, type DecorationSet } from '@codemirror/view';
import type { Span } from './reveal';

/** Markup hidden off the cursor: replaced by nothing. */
export const hidden = Decoration.replace({});

/**
 * The decorations as a set, with exact repeats dropped (an element spanning two visible ranges
 * is found from both). Callers never push empty marks.
 */
export function decorationSet(found: Range<Decoration>[]): DecorationSet {
  found.sort((a, b) => a.from - b.from || a.to - b.to);
  const unique = found.filter((r, i) => {
    for (let j = i - 1; j >= 0; j--) {
      const prev = found[j]!;
      if (prev.from !== r.from || prev.to !== r.to) break;
      if (prev.value.eq(r.value)) return false;
    }
    return true;
  });
  return Decoration.set(unique, true);
}

/**
 * Walks the syntax tree over each of `ranges` (the visible ones), letting `enter` push
 * decorations for the nodes it meets (return false to skip a node's children), and returns them
 * as one set. `range` is the range being walked.
 */
export function decorateTree(
  state: EditorState,
  ranges: readonly Span[],
  enter: (node: SyntaxNodeRef, found: Range<Decoration>[], range: Span) => boolean | undefined,
): DecorationSet {
  const found: Range<Decoration>[] = [];
  const tree = syntaxTree(state);
  for (const range of ranges)
    tree.iterate({ from: range.from, to: range.to, enter: (node) => enter(node, found, range) });
  return decorationSet(found);
}
