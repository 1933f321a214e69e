import type { Root } from 'mdast';
import type { TagRef } from '../../shared/note-meta';
import { SKIP, walk } from '../../shared/markdown/walk';

/**
 * `#tag`: a `#`, then Unicode letters, digits, `_`, `-` and `/`. Matched against the source, not
 * the decoded text, so `\#x` and `&#35;x` (written to avoid a tag) stay text.
 */
const TAG = /#([\p{L}\p{N}_/-]+)/gu;
const NOT_ONLY_DIGITS = /[^\p{N}]/u;
const WHITESPACE = /\s/u;

/**
 * Inline tags with their lines. A `#` starts a tag after whitespace, or where its run of text
 * starts: a paragraph, heading, table cell, or emphasis (`**#tag**` is a bold tag), but not right
 * after other inline syntax (`[[a]]#x`, `` `c`#x ``, `<b>#x`). Only text nodes are read, so
 * code, HTML, comments, URLs and wiki links never yield tags; text inside markdown links
 * (`[#x](…)`) is skipped too. Tags made only of digits (`#123`, an issue number) are not tags.
 */
export function extractTags(tree: Root, text: string): TagRef[] {
  const tags: TagRef[] = [];
  walk(tree, (node, ancestors) => {
    if (node.type === 'link' || node.type === 'linkReference') return SKIP;
    if (node.type !== 'text' || !node.position) return;
    const { start, end } = node.position;
    if (start.offset === undefined || end.offset === undefined) return;
    const raw = text.slice(start.offset, end.offset);
    const runStart = ancestors.at(-1)?.children[0] === node;
    for (const match of raw.matchAll(TAG)) {
      const before = match.index === 0 ? (runStart ? '' : text.charAt(start.offset - 1)) : raw.charAt(match.index - 1);
      const tag = match[1] ?? '';
      if ((before === '' || WHITESPACE.test(before)) && NOT_ONLY_DIGITS.test(tag)) {
        tags.push({ tag, line: start.line + countNewlines(raw, match.index) });
      }
    }
  });
  return tags;
}

function countNewlines(text: string, before: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < before; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
