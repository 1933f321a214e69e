import type { EditorState, Extension, Range } from '@codemirror/state';
import { Decoration, type DecorationSet } from '@codemirror/view';
import { decorationSet, hidden } from './decoration-list';
import { textRuns } from './inline-text';
import { revealed, type Span } from './reveal';
import { visibleDecorations } from './visible-decorations';

const dimmed = Decoration.mark({ class: 'cm-lp-comment' });

type Marker = { pos: number; block: number; startsLine: boolean };

/**
 * Obsidian comments, `%% … %%`: dimmed, their `%%` hidden unless the selection touches the
 * comment. A `%%` counts only in plain text (never in code or links), as the engine reads it
 * (shared/markdown/comment-syntax.ts): a comment closes in its own paragraph, unless its `%%`
 * starts a line, when it may run on over blank lines to the next `%%`.
 */
export function commentDecorations(state: EditorState, ranges: readonly Span[]): DecorationSet {
  const markers: Marker[] = [];
  for (const run of textRuns(state, ranges)) {
    const text = state.sliceDoc(run.from, run.to);
    for (let i = text.indexOf('%%'); i >= 0; i = text.indexOf('%%', i + 2)) {
      const pos = run.from + i;
      const line = state.doc.lineAt(pos);
      markers.push({ pos, block: run.block, startsLine: /^[\s>]*$/.test(state.sliceDoc(line.from, pos)) });
    }
  }
  const found: Range<Decoration>[] = [];
  for (let i = 0; i + 1 < markers.length;) {
    const open = markers[i]!;
    const close = markers[i + 1]!;
    if (close.block !== open.block && !open.startsLine) {
      i++;
      continue;
    }
    const end = close.pos + 2;
    found.push(dimmed.range(open.pos, end));
    if (!revealed(state, open.pos, end)) found.push(hidden.range(open.pos, open.pos + 2), hidden.range(close.pos, end));
    i += 2;
  }
  return decorationSet(found);
}

/** Comments of Live Preview (see `commentDecorations`). */
export function comments(): Extension {
  return visibleDecorations(commentDecorations);
}
