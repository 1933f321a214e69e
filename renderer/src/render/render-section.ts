import type { Nodes, Paragraph, Root, RootContent } from 'mdast';
import { plainText } from '../../../shared/markdown/plain-text';
import { walk, SKIP } from '../../../shared/markdown/walk';

/** `^id` ending a paragraph's last text (see tests/oracle/extract-blocks.ts). */
const BLOCK_ID = /(?:^|\s)\^([A-Za-z0-9-]+)\s*$/;

/** The block id a paragraph ends with, or null. */
export function blockIdOf(paragraph: Paragraph): string | null {
  const last = paragraph.children.at(-1);
  if (last?.type !== 'text') return null;
  return BLOCK_ID.exec(last.value)?.[1] ?? null;
}

/** Removes the `^id` marker from the end of a paragraph (it is an address, not text to read). */
export function stripBlockId(paragraph: Paragraph): void {
  const last = paragraph.children.at(-1);
  if (last?.type !== 'text') return;
  last.value = last.value.replace(BLOCK_ID, '');
  if (last.value === '') paragraph.children.pop();
}

/** How a heading link names a heading: case, spacing and punctuation do not matter. */
export function headingKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The part of a note a link points at: the section under the heading path (the heading and
 * everything up to the next heading of the same or a higher level), or the paragraph (list item)
 * carrying the block id. Null when the note has no such heading or block. Only headings at the
 * top level of the note open sections, as in Obsidian.
 */
export function selectSection(tree: Root, headings: readonly string[], block: string | null): Root | null {
  if (block !== null) return selectBlock(tree, block);
  if (headings.length === 0) return tree;
  const children = tree.children;
  let start = -1;
  let from = 0;
  for (const heading of headings) {
    const key = headingKey(heading);
    start = children.findIndex(
      (node, index) => index >= from && node.type === 'heading' && headingKey(plainText(node)) === key,
    );
    if (start === -1) break;
    from = start + 1;
  }
  // A path that does not match level by level still finds its last heading anywhere.
  if (start === -1) {
    const key = headingKey(headings[headings.length - 1] ?? '');
    start = children.findIndex((node) => node.type === 'heading' && headingKey(plainText(node)) === key);
  }
  const opening = children[start];
  if (opening?.type !== 'heading') return null;
  let end = start + 1;
  while (end < children.length) {
    const node = children[end];
    if (node?.type === 'heading' && node.depth <= opening.depth) break;
    end++;
  }
  return { type: 'root', children: children.slice(start, end) };
}

function selectBlock(tree: Root, id: string): Root | null {
  let found: RootContent | null = null;
  walk(tree, (node: Nodes, ancestors) => {
    if (found) return SKIP;
    if (node.type !== 'paragraph' || blockIdOf(node) !== id) return;
    const parent = ancestors[ancestors.length - 1];
    // A list item's id names the whole item, kept in a list so it still reads as one.
    if (parent?.type === 'listItem' && parent.children[0] === node) {
      const list = ancestors[ancestors.length - 2];
      found = { type: 'list', ordered: list?.type === 'list' ? list.ordered : false, children: [parent] };
    } else {
      found = node;
    }
    return SKIP;
  });
  return found ? { type: 'root', children: [found] } : null;
}
