import type { EditorState, Extension } from '@codemirror/state';
import { Decoration, type DecorationSet } from '@codemirror/view';
import { decorateTree, hidden } from './decoration-list';
import { touchesLine, type Span } from './reveal';
import { visibleDecorations } from './visible-decorations';

const LEVEL = /^ATXHeading([1-6])$/;

const lines = [1, 2, 3, 4, 5, 6].map((level) => Decoration.line({ class: `cm-lp-heading cm-lp-h${level}` }));

/**
 * ATX headings: the line is styled by level always; the `#` marks (and the spaces that separate
 * them from the title, and a closing `##` run) are hidden unless the selection is on the line.
 * Setext headings (`Title` over `===`) are left as they are: their underline is a line of its own.
 */
export function headingDecorations(state: EditorState, ranges: readonly Span[]): DecorationSet {
  return decorateTree(state, ranges, (node, found) => {
    if (node.name === 'Frontmatter' || node.name === 'FencedCode' || node.name === 'CodeBlock') return false;
    const level = LEVEL.exec(node.name)?.[1];
    if (!level) return undefined;
    const line = state.doc.lineAt(node.from);
    found.push(lines[Number(level) - 1]!.range(line.from));
    if (touchesLine(state, node.from)) return false;
    for (let mark = node.node.getChild('HeaderMark'); mark; mark = mark.nextSibling) {
      if (mark.name !== 'HeaderMark') continue;
      if (mark.from === node.from) {
        found.push(hidden.range(mark.from, skipSpaces(state, mark.to, line.to)));
      } else {
        // A closing run, `## Title ##`: hidden with the spaces before it.
        let start = mark.from;
        while (start > node.from && /[ \t]/.test(state.sliceDoc(start - 1, start))) start--;
        found.push(hidden.range(start, mark.to));
      }
    }
    return false;
  });
}

function skipSpaces(state: EditorState, pos: number, end: number): number {
  while (pos < end && /[ \t]/.test(state.sliceDoc(pos, pos + 1))) pos++;
  return pos;
}

/** Headings of Live Preview (see `headingDecorations`). */
export function headings(): Extension {
  return visibleDecorations(headingDecorations);
}
