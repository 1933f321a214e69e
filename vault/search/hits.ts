import type { SearchHit } from '../../shared/api';
import { baseName, parentPath } from '../../shared/paths';
import { type StoredDoc, tagKey } from './doc';
import type { QueryNode } from './matching/query';
import { searchRegex } from './matching/regex';
import { snippets, type Matcher } from './snippets';
import { isLetterOrDigit, Literal } from './literal';
import { escapeRegex, fold, phrasePattern, runs } from './text';
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
      const matcher = phraseMatcher(leaf.text, leaf.kind === 'word' && leaf.prefix);
      if (matcher) out.push(matcher);
    } else if (leaf.kind === 'regex') out.push({ regex: searchRegex(leaf.source) });
    else if (leaf.kind === 'tag') {
      // The tag as written in the text, and the tags under it (#a matches #a/b).
      const key = tagKey(leaf.tag);
      const pattern = lazily(() => new RegExp(`(?<![\\p{L}\\p{N}#])#${escapeRegex(key)}(?![\\p{L}\\p{N}_-])`, 'gu'));
      const bounds = {
        before: (code: number) => code === 0x23 || isLetterOrDigit(code),
        after: (code: number) => code === 0x5f || code === 0x2d || isLetterOrDigit(code),
      };
      out.push(lazyMatcher(pattern, new Literal(`#${key}`, bounds, pattern)));
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

/**
 * A word's or phrase's matcher: its pattern (phrasePattern) made only if a note has combining
 * marks, and its literal; for one word (or one run of dense script), the literal between
 * neighbours that are not letters or digits is the whole match. Null when the text has no words.
 */
function phraseMatcher(text: string, prefix: boolean): Matcher | null {
  const parts = runs(fold(text));
  const first = parts[0];
  if (!first) return null;
  const pattern = lazily(() => phrasePattern(text, prefix) as RegExp);
  let bounds = null;
  if (parts.length === 1) {
    const never = () => false;
    bounds = first.dense
      ? { before: never, after: never }
      : { before: isLetterOrDigit, after: prefix ? never : isLetterOrDigit };
  }
  return lazyMatcher(pattern, new Literal(first.text, bounds, pattern));
}

function lazily<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

function lazyMatcher(pattern: () => RegExp, literal: Literal): Matcher {
  return {
    get pattern() {
      return pattern();
    },
    folded: true,
    literal,
  };
}
