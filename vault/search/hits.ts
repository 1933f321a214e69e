import type { SearchHit } from '../../shared/api';
import { baseName, parentPath } from '../../shared/paths';
import { type StoredDoc, tagKey } from './doc';
import type { QueryNode } from './matching/query';
import { searchRegex } from './matching/regex';
import { snippets, type Matcher } from './snippets';
import { escapeRegex, phraseLiteral, phrasePattern } from './text';
import { positiveLeaves } from './ranking';
import type { NoteText } from './text-cache';

/** One result as the search pane shows it: the note, its score, and up to three snippets. */
export function hit(
  doc: StoredDoc,
  text: NoteText | null,
  score: number,
  matchers: Matcher[],
  highlightUntil: number,
): SearchHit {
  const name = baseName(doc.path).replace(/\.md$/i, '');
  const matches = snippets(
    {
      name,
      text: text?.text ?? '',
      folded: text ? text.folded : '',
      headingLines: new Set(doc.headingLines),
      unmarked: text?.unmarked ?? false,
    },
    matchers,
    3,
    highlightUntil,
  );
  return { path: doc.path, title: doc.title, folder: parentPath(doc.path), score, matches };
}

/** What to highlight: every positive word, phrase and regex. */
export function matchersOf(node: QueryNode): Matcher[] {
  const out: Matcher[] = [];
  for (const leaf of positiveLeaves(node)) {
    if (leaf.kind === 'word' || leaf.kind === 'phrase') {
      const pattern = phrasePattern(leaf.text, leaf.kind === 'word' && leaf.prefix);
      const literal = phraseLiteral(leaf.text);
      if (pattern) out.push({ pattern, folded: true, ...(literal ? { literal: literalOf(literal, pattern) } : {}) });
    } else if (leaf.kind === 'regex') out.push({ regex: searchRegex(leaf.source) });
    else if (leaf.kind === 'tag') {
      // The tag as written in the text, and the tags under it (#a matches #a/b).
      const tag = escapeRegex(tagKey(leaf.tag));
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}#])#${tag}(?![\\p{L}\\p{N}_-])`, 'gu');
      out.push({ pattern, folded: true, literal: literalOf(`#${tagKey(leaf.tag)}`, pattern) });
    } else if (leaf.kind === 'scope' && leaf.child === null) {
      // "task-todo:" alone: the checkboxes of the tasks it looks for.
      const mark = leaf.scope === 'task-todo' ? ' ' : leaf.scope === 'task-done' ? '[^ \\]\\n]' : '[^\\]\\n]';
      out.push({
        pattern: new RegExp(`(?<=^[ \\t>]*(?:[-*+]|\\d{1,9}[.)])[ \\t]+)\\[${mark}\\](?=[ \\t]|$)`, 'gm'),
        folded: false,
      });
    }
  }
  return out;
}

/** A matcher's literal, with its pattern made sticky to try where the literal is. */
function literalOf(text: string, pattern: RegExp): { text: string; at: RegExp } {
  return { text, at: new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y') };
}
