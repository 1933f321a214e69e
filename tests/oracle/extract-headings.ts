import type { Root } from 'mdast';
import type { HeadingRef } from '../../shared/note-meta';
import { plainText } from '../../shared/markdown/plain-text';
import { walk } from '../../shared/markdown/walk';

/**
 * Every ATX and setext heading, at any depth (in lists and blockquotes too), with its text as a
 * reader sees it: markup removed, a wiki link read as its alias (see plainText).
 */
export function extractHeadings(tree: Root): HeadingRef[] {
  const headings: HeadingRef[] = [];
  walk(tree, (node) => {
    if (node.type !== 'heading' || !node.position) return;
    headings.push({ level: node.depth, text: plainText(node).trim(), line: node.position.start.line });
  });
  return headings;
}
