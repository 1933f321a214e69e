import type { Root } from 'mdast';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- still inside shared/: the layer pattern `../*` predates subfolders
import type { TagRef } from '../note-meta';
import { SKIP, walk } from './walk';

/**
 * `#tag`: a `#` at the start of a text run or after whitespace, then Unicode letters, digits,
 * `_`, `-` and `/`. Matched against the source, not the decoded text, so `\#x` and `&#35;x`
 * (written to avoid a tag) stay text.
 */
const TAG = /(?<=^|\s)#([\p{L}\p{N}_/-]+)/gu;
const NOT_ONLY_DIGITS = /[^\p{N}]/u;

/**
 * Inline tags with their lines. Only text nodes are read, so code, HTML, comments, URLs and wiki
 * links never yield tags; text inside markdown links (`[#x](…)`) is skipped too. Tags made only
 * of digits (`#123`, an issue number) are not tags.
 */
export function extractTags(tree: Root, text: string): TagRef[] {
  const tags: TagRef[] = [];
  walk(tree, (node) => {
    if (node.type === 'link' || node.type === 'linkReference') return SKIP;
    if (node.type !== 'text' || !node.position) return;
    const { start, end } = node.position;
    if (start.offset === undefined || end.offset === undefined) return;
    const raw = text.slice(start.offset, end.offset);
    for (const match of raw.matchAll(TAG)) {
      const tag = match[1] ?? '';
      if (!NOT_ONLY_DIGITS.test(tag)) continue;
      tags.push({ tag, line: start.line + countNewlines(raw, match.index) });
    }
  });
  return tags;
}

function countNewlines(text: string, before: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < before; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
