import type { QueryNode } from './query';
import { searchRegex, type RegexAnswer } from './regex';
import { lineStarts } from '../snippets';
import { phrasePattern } from '../text';

/** `line:` — a query that one line of a note must match on its own. */

/** The doc-level query that narrows a line: query: its words and phrases must all be in the note. */
export function lineTerms(node: QueryNode): QueryNode {
  switch (node.kind) {
    case 'and':
      return { kind: 'and', children: node.children.map(lineTerms) };
    case 'or':
      return { kind: 'or', children: node.children.map(lineTerms) };
    case 'not':
      // A line without x does not mean a note without x.
      return { kind: 'and', children: [] };
    case 'line':
      return lineTerms(node.child);
    default:
      return node;
  }
}

/** Thrown inside lineMatches when a regex could not finish on a line. */
const UNFINISHED = new Error('a regex could not finish on a line');

/**
 * True when some line of the note matches `node` on its own; null when the deadline passed or a
 * regex could not finish on some line before one matched.
 */
export function anyLine(node: QueryNode, text: string, folded: string, deadline: number): RegexAnswer {
  const starts = lineStarts(text);
  let unfinished = false;
  for (let line = 0; line < starts.length; line++) {
    if (line % 64 === 63 && performance.now() > deadline) return null;
    const start = starts[line] as number;
    const end = line + 1 < starts.length ? (starts[line + 1] as number) - 1 : text.length;
    try {
      if (lineMatches(node, text.slice(start, end), folded.slice(start, end), deadline)) return true;
    } catch (error) {
      if (error !== UNFINISHED) throw error;
      unfinished = true;
    }
  }
  return unfinished ? null : false;
}

function lineMatches(node: QueryNode, text: string, folded: string, deadline: number): boolean {
  switch (node.kind) {
    case 'and':
      return node.children.every((c) => lineMatches(c, text, folded, deadline));
    case 'or':
      return node.children.some((c) => lineMatches(c, text, folded, deadline));
    case 'not':
      return !lineMatches(node.child, text, folded, deadline);
    case 'line':
      return lineMatches(node.child, text, folded, deadline);
    case 'word':
    case 'phrase': {
      const pattern = phrasePattern(node.text, node.kind === 'word' && node.prefix);
      return pattern === null || pattern.test(folded);
    }
    case 'regex': {
      const answer = searchRegex(node.source).test(text, deadline);
      if (answer === null) throw UNFINISHED;
      return answer;
    }
    default:
      // tag:, path:, file: are about the note, and were checked on it.
      return true;
  }
}
