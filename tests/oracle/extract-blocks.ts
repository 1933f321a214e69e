import type { Root } from 'mdast';
import type { BlockRef } from '../../shared/note-meta';
import { walk } from '../../shared/markdown/walk';

/** `^id` ending a paragraph, after whitespace or alone (on its own line after the paragraph's text). */
const BLOCK_ID = /(?:^|\s)\^([A-Za-z0-9-]+)\s*$/;

/**
 * Block ids: `^id` at the end of a paragraph's last line, whether the paragraph is top-level,
 * a list item's or a blockquote's. The paragraph's last node must be plain text, so an `^id`
 * in code or a link does not count; the source is matched (not the decoded text) so `\^id`
 * stays text.
 */
export function extractBlocks(tree: Root, text: string): BlockRef[] {
  const blocks: BlockRef[] = [];
  walk(tree, (node) => {
    if (node.type !== 'paragraph' || node.children.at(-1)?.type !== 'text' || !node.position) return;
    const { start, end } = node.position;
    if (start.offset === undefined || end.offset === undefined) return;
    const match = BLOCK_ID.exec(text.slice(start.offset, end.offset));
    if (match?.[1]) blocks.push({ id: match[1], line: end.line });
  });
  return blocks;
}
