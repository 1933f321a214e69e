import { noteUnits, type NoteUnits, type Range } from './note-units';
import type { QueryNode, Scope } from './query';
import { searchRegex, type RegexAnswer } from './regex';
import { lineStarts } from '../snippets';
import { phrasePattern } from '../text';

/**
 * `line:`, `block:`, `section:` and `task:` — a query that one line, block, section or task of a
 * note must match on its own.
 */

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
    case 'scope':
      return node.child ? lineTerms(node.child) : { kind: 'and', children: [] };
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

/** A task's list marker and checkbox ("- [ ]", "1. [x]", "> - [-]"): a note without one has no task. */
const TASK_LINE = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[^\]\n]\](?:[ \t]|$)/m;

/**
 * True when one of the note's blocks, sections or tasks (`node.scope`) matches `node.child` on
 * its own (with no child: when there is such a task); null as anyLine says. `units` is asked
 * only when the note may have one (reading it costs a pass over the text).
 */
export function anyUnit(
  node: { scope: Scope; child: QueryNode | null },
  text: string,
  folded: string,
  units: () => NoteUnits,
  deadline: number,
): RegexAnswer {
  if (node.scope.startsWith('task') && !TASK_LINE.test(text)) return false;
  const ranges = scopeRanges(units(), node.scope);
  if (!node.child) return ranges.length > 0;
  let unfinished = false;
  for (let i = 0; i < ranges.length; i++) {
    if (i % 64 === 63 && performance.now() > deadline) return null;
    const [start, end] = ranges[i] as Range;
    try {
      if (lineMatches(node.child, text.slice(start, end), folded.slice(start, end), deadline)) return true;
    } catch (error) {
      if (error !== UNFINISHED) throw error;
      unfinished = true;
    }
  }
  return unfinished ? null : false;
}

/** The ranges a scope looks in: every block or section, or the tasks of that kind. */
function scopeRanges(units: NoteUnits, scope: Scope): Range[] {
  if (scope === 'block') return units.blocks;
  if (scope === 'section') return units.sections;
  const wanted = scope === 'task-done' ? true : scope === 'task-todo' ? false : null;
  return units.tasks.filter((t) => wanted === null || t.done === wanted).map((t) => t.range);
}

function lineMatches(node: QueryNode, text: string, folded: string, deadline: number): boolean {
  switch (node.kind) {
    case 'and':
      return node.children.every((c) => lineMatches(c, text, folded, deadline));
    case 'or':
      return node.children.some((c) => lineMatches(c, text, folded, deadline));
    case 'not':
      return !lineMatches(node.child, text, folded, deadline);
    case 'line': {
      // Inside a block or section, one of its lines (a line's only line is itself).
      const answer = anyLine(node.child, text, folded, deadline);
      if (answer === null) throw UNFINISHED;
      return answer;
    }
    case 'scope': {
      // Nested in another unit: that unit's own blocks, sections or tasks (headings read here).
      const answer = anyUnit(node, text, folded, () => noteUnits(text, null), deadline);
      if (answer === null) throw UNFINISHED;
      return answer;
    }
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
