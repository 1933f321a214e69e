import type { Blockquote, Root } from 'mdast';
import type { Plugin } from 'unified';
import { plainText } from './plain-text';
import { walk } from './walk';

/** What makes a blockquote a callout: `> [!type]± Title` on its first line. */
export type Callout = {
  /** Lower-cased: `[!INFO]` and `[!info]` are the same callout. */
  type: string;
  /** `+` → 'open' (foldable, shown open), `-` → 'closed' (folded); null → not foldable. */
  fold: 'open' | 'closed' | null;
  /** The custom title as plain text, or null when the type's default title applies. */
  title: string | null;
};

declare module 'mdast' {
  interface BlockquoteData {
    callout?: Callout | undefined;
  }
}

const MARKER = /^\[!([^\]\s]+)\]([+-]?)[ \t]*(.*)$/;

/**
 * A remark plugin marking callout blockquotes (Obsidian's `> [!note] Title`) with
 * `data.callout`, for the reading view to render them. The tree is otherwise untouched: the
 * marker line stays in the first paragraph, so positions and indexing see the note as written.
 */
export const remarkCallouts: Plugin<[], Root> = function () {
  return (tree) => {
    walk(tree, (node) => {
      if (node.type !== 'blockquote') return;
      const callout = calloutOf(node);
      if (callout) node.data = { ...node.data, callout };
    });
  };
};

/** The callout a blockquote opens with, or null. */
export function calloutOf(blockquote: Blockquote): Callout | null {
  const first = blockquote.children[0];
  // The marker must be written as text at the very start (not, say, inside emphasis).
  if (first?.type !== 'paragraph' || first.children[0]?.type !== 'text') return null;
  const firstLine = plainText(first).split('\n', 1)[0] ?? '';
  const match = MARKER.exec(firstLine);
  if (!match) return null;
  const [, type = '', fold, title = ''] = match;
  return {
    type: type.toLowerCase(),
    fold: fold === '+' ? 'open' : fold === '-' ? 'closed' : null,
    title: title.trim() === '' ? null : title.trim(),
  };
}
