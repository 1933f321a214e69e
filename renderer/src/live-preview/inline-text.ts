import { syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import type { Span } from './reveal';

/** Plain inline text: a stretch with no syntax node in it, and the block it belongs to. */
export type TextRun = Span & {
  /** Where the outermost inline container (paragraph, heading, table cell, task) starts. */
  readonly block: number;
};

/** Nodes whose direct text is prose. */
const CONTAINERS = new Set([
  'Paragraph',
  'ATXHeading1',
  'ATXHeading2',
  'ATXHeading3',
  'ATXHeading4',
  'ATXHeading5',
  'ATXHeading6',
  'SetextHeading1',
  'SetextHeading2',
  'TableCell',
  'Task',
  'Emphasis',
  'StrongEmphasis',
  'Strikethrough',
]);

/** Nodes whose text is never prose (code, links, URLs, HTML, frontmatter): nothing inside is looked at. */
const OPAQUE = new Set([
  'Frontmatter',
  'FencedCode',
  'CodeBlock',
  'HTMLBlock',
  'CommentBlock',
  'ProcessingInstructionBlock',
  'LinkReference',
  'InlineCode',
  'Link',
  'Image',
  'WikiLink',
  'Autolink',
  'URL',
  'HTMLTag',
  'Comment',
  'ProcessingInstruction',
]);

/**
 * The plain text runs of `ranges`, in document order, clipped to them: the gaps between the child
 * nodes of prose containers, so text inside code, links, URLs, HTML, escapes and markup marks is
 * never included. Used for what the markdown tree has no node for (`==highlight==`, `%%comments%%`,
 * `#tags`), with the same boundaries the reading view's text nodes have.
 */
export function textRuns(state: EditorState, ranges: readonly Span[]): TextRun[] {
  const out: TextRun[] = [];
  const tree = syntaxTree(state);
  for (const { from, to } of ranges) {
    let depth = 0;
    let block = -1;
    const push = (start: number, end: number): void => {
      const a = Math.max(start, from);
      const b = Math.min(end, to);
      if (b > a) out.push({ from: a, to: b, block });
    };
    tree.iterate({
      from,
      to,
      enter: (node) => {
        if (OPAQUE.has(node.name)) return false;
        if (!CONTAINERS.has(node.name)) return undefined;
        if (depth++ === 0) block = node.from;
        let pos = node.from;
        for (let child = node.node.firstChild; child; child = child.nextSibling) {
          push(pos, child.from);
          pos = child.to;
        }
        push(pos, node.to);
        return undefined;
      },
      leave: (node) => {
        if (CONTAINERS.has(node.name)) depth--;
      },
    });
  }
  return out;
}
