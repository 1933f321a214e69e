import type { LeafBlock, MarkdownConfig } from '@lezer/markdown';

/** Past this many characters a paragraph goes on as a new one at its next line. */
export const PARAGRAPH_PIECE_CHARS = 16_000;

/** Leaves whose first line has a `|` (a possible table, which must stay one block). */
const mayBeTable = new WeakMap<LeafBlock, boolean>();

/**
 * Long paragraphs parsed in pieces of about `PARAGRAPH_PIECE_CHARS`. The markdown parser re-reads
 * a whole paragraph (and every link in it) after each change inside it, in one step it cannot
 * interrupt: a paragraph of 40k links, one per line, cost a quarter of a second per keystroke.
 * In pieces, a keystroke re-reads one piece and the rest of the tree is reused. The price: inline
 * markup spanning a piece boundary (a link or emphasis broken across those two lines) is not
 * highlighted in the editor, in paragraphs that long only. Tables stay whole.
 */
export const paragraphPieces: MarkdownConfig = {
  parseBlock: [
    {
      name: 'ParagraphPiece',
      parse: () => false,
      endLeaf(_cx, _line, leaf) {
        if (leaf.content.length < PARAGRAPH_PIECE_CHARS) return false;
        let table = mayBeTable.get(leaf);
        if (table === undefined) {
          const firstLineEnd = leaf.content.indexOf('\n');
          table = leaf.content.slice(0, firstLineEnd < 0 ? undefined : firstLineEnd).includes('|');
          mayBeTable.set(leaf, table);
        }
        return !table;
      },
    },
  ],
};
