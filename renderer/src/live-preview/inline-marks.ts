import { syntaxTree } from '@codemirror/language';
import type { EditorState, Extension, Range } from '@codemirror/state';
import { Decoration, type DecorationSet } from '@codemirror/view';
import { decorationSet, hidden } from './decoration-list';
import { textRuns } from './inline-text';
import { revealed, type Span } from './reveal';
import { visibleDecorations } from './visible-decorations';

/** Per styled node: the class its content gets and the name of its marks. */
const STYLES: Record<string, { style: Decoration; mark: string }> = {
  Emphasis: { style: Decoration.mark({ class: 'cm-lp-em' }), mark: 'EmphasisMark' },
  StrongEmphasis: { style: Decoration.mark({ class: 'cm-lp-strong' }), mark: 'EmphasisMark' },
  Strikethrough: { style: Decoration.mark({ class: 'cm-lp-strike' }), mark: 'StrikethroughMark' },
  InlineCode: { style: Decoration.mark({ class: 'cm-lp-code' }), mark: 'CodeMark' },
};

const highlightStyle = Decoration.mark({ class: 'cm-lp-highlight' });

/** Blocks holding no inline markup of ours. */
const SKIP = new Set(['Frontmatter', 'FencedCode', 'CodeBlock', 'HTMLBlock', 'CommentBlock', 'WikiLink']);

/**
 * `==text==` as the reading view finds it (render/render-highlight.ts): inside one run of plain
 * text, not starting or ending with a space. The markdown tree has no node for it.
 */
const HIGHLIGHT = /==([^=\s](?:[^=]*[^=\s])?)==/g;

/**
 * Emphasis, strong, strikethrough, inline code and `==highlight==`: the content is styled always,
 * the marks (`*`, `**`, `_`, `~~`, backticks, `==`) are hidden unless the selection touches the
 * element. A backslash escape's `\\` is hidden the same way.
 */
export function inlineMarkDecorations(state: EditorState, ranges: readonly Span[]): DecorationSet {
  const found: Range<Decoration>[] = [];
  const tree = syntaxTree(state);
  for (const { from, to } of ranges) {
    tree.iterate({
      from,
      to,
      enter: (node) => {
        if (SKIP.has(node.name)) return false;
        if (node.name === 'Escape') {
          // `\*`: the backslash is markup too.
          if (!revealed(state, node.from, node.to)) found.push(hidden.range(node.from, node.from + 1));
          return false;
        }
        const spec = STYLES[node.name];
        if (!spec) return undefined;
        found.push(spec.style.range(node.from, node.to));
        if (!revealed(state, node.from, node.to)) {
          for (let child = node.node.firstChild; child; child = child.nextSibling) {
            if (child.name === spec.mark) found.push(hidden.range(child.from, child.to));
          }
        }
        return node.name === 'InlineCode' ? false : undefined;
      },
    });
  }
  for (const run of textRuns(state, ranges)) {
    const text = state.sliceDoc(run.from, run.to);
    for (const match of text.matchAll(HIGHLIGHT)) {
      const start = run.from + match.index;
      const end = start + match[0].length;
      found.push(highlightStyle.range(start, end));
      if (!revealed(state, start, end)) found.push(hidden.range(start, start + 2), hidden.range(end - 2, end));
    }
  }
  return decorationSet(found);
}

/** The inline marks of Live Preview (see `inlineMarkDecorations`). */
export function inlineMarks(): Extension {
  return visibleDecorations(inlineMarkDecorations);
}
