// The query path of issue 17 (top-k ranking, snippets that stop once their lines are certain, words
// found by indexOf where a note has no combining marks) gives exactly what the old path gave: the
// same notes, order, snippets and highlight offsets, for random small vaults and queries, on
// every page "Show more" asks for. The old path is kept in ./reference (as of commit 510b393).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanBytes } from '../../../../vault/scan/scan';
import { searchDoc } from '../../../../vault/search/doc';
import { SearchIndex } from '../../../../vault/search/full-text-index';
import { indexTerms } from '../../../../vault/search/text';
import { PlexusError } from '../../../../shared/errors';
import { SearchIndex as ReferenceIndex } from './reference/full-text-index';

/** Words that collide after folding, prefix one another, hold marks, dense scripts, hyphens. */
const WORDS = [
  'alpha',
  'alphabet',
  'Alpha',
  'beta',
  'bet',
  'café',
  'Cafe',
  'cafe\u0301',
  'naïve',
  'nai\u0308ve',
  'e-mail',
  'mail',
  '東京都',
  '京都',
  'gamma',
  'gam',
  'delta',
  'x',
  '😀',
  'ſtar',
  'star',
  'can\u2019t',
];
const QUERY_WORDS = [
  'alpha',
  'alp',
  'al',
  'bet',
  'beta',
  'cafe',
  'café',
  'caf',
  'naive',
  'e-mail',
  'mail',
  '東京',
  '京都',
  'gam',
  'gamma',
  'delta',
  'x',
  'star',
  'st',
  'can\u2019t',
  'nothing',
];
const FOLDERS = ['', 'notes/', 'notes/deep/', 'Archive/'];
const NAMES = ['Alpha', 'beta note', 'Café', 'gamma', 'z', 'A', 'mail', '東京'];

const word = fc.constantFrom(...WORDS);
const separator = fc.constantFrom(' ', ' ', ' ', ', ', '\n', '\n\n', ' — ', '-', '#', '/');
/** A line: words, a heading, a tag, a task, or one very long line (snippets cut it). */
const line = fc.oneof(
  fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 12 }).map((parts) => parts.flat().join('')),
  word.map((w) => `# ${w} heading`),
  fc
    .constantFrom(
      '#proj',
      '#proj/sub',
      '#Proj/Other',
      '#gamma',
      'text #alpha/beta end',
      '#proj-plan, #proj_b and #proj.',
      '##gamma a#proj #gammas #gamma1 #gamma',
    )
    .map((t) => `tagged ${t}`),
  fc.tuple(fc.constantFrom('- [ ] ', '- [x] ', '* [-] ', '1. [ ] '), word).map(([box, w]) => `${box}${w} task`),
  fc
    .tuple(word, fc.integer({ min: 0, max: 30 }))
    .map(([w, n]) => `${'filler words here '.repeat(n)}${w} tail ${'more '.repeat(n)}`),
);
/** Sometimes a word on hundreds of lines: the 200-match cap of the snippets. */
const text = fc.oneof(
  { weight: 9, arbitrary: fc.array(line, { maxLength: 10 }).map((lines) => lines.join('\n')) },
  { weight: 1, arbitrary: fc.tuple(word, fc.integer({ min: 60, max: 260 })).map(([w, n]) => `${w} ${w}\n`.repeat(n)) },
);
const note = fc.record({
  path: fc
    .tuple(fc.constantFrom(...FOLDERS), fc.constantFrom(...NAMES), fc.nat(3))
    .map(([f, n, i]) => `${f}${n}${i || ''}.md`),
  text,
});

const qword = fc.constantFrom(...QUERY_WORDS);
/** A query as people type them: the last word bare is a prefix. */
const query: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      qword.map((w) => `${w} `),
      qword,
      fc.tuple(qword, qword).map(([a, b]) => `"${a} ${b}"`),
      qword.map((w) => `-${w} `),
      fc.tuple(qword, qword).map(([a, b]) => `(${a} OR ${b}) `),
      fc.constantFrom('tag:#proj ', 'tag:gamma ', 'tag:#alpha '),
      fc.constantFrom('path:notes/ ', 'path:archive ', 'file:a '),
      fc.constantFrom('/alph\\w*/ ', '/be?t/ ', '/caf./ ', '/^#/ '),
      fc.constantFrom('line:(alpha beta) ', 'block:(gamma delta) ', 'task:', 'task-todo:alpha ', 'section:(x alpha) '),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => parts.join(''));

type Note = { path: string; text: string };

/** Both indexes with the same notes; some set twice (holes: ids no longer in path order) or removed. */
function indexes(notes: Note[], removed: number[]) {
  const texts = new Map<string, string>();
  const options = { readText: (path: string) => texts.get(path) ?? null, budgetMs: 1e9 };
  const ours = new SearchIndex(options);
  const theirs = new ReferenceIndex(options);
  /** Adds notes (or replaces them: edits) in both. */
  const add = (more: Note[]) => {
    for (const n of more) {
      texts.set(n.path, n.text);
      const doc = searchDoc(scanBytes(n.path, new TextEncoder().encode(n.text)), indexTerms(n.text));
      ours.set(doc);
      theirs.set(doc);
    }
  };
  add(notes);
  for (const i of removed) {
    const path = notes[i % Math.max(1, notes.length)]?.path;
    if (!path) continue;
    texts.delete(path);
    ours.remove(path);
    theirs.remove(path);
  }
  return { ours, theirs, add };
}

/** An answer without its timing; a refused query as its error. */
function ask(index: { query(q: string, limit: number): { ms: number } }, q: string, limit: number): unknown {
  try {
    return { ...index.query(q, limit), ms: 0 };
  } catch (error) {
    if (error instanceof PlexusError) return { error: error.code, message: error.message };
    throw error;
  }
}

describe('the search query path', () => {
  it('answers as the old path did: notes, order, snippets and highlights, on every page', () => {
    fc.assert(
      fc.property(
        fc.array(note, { minLength: 1, maxLength: 14 }),
        fc.array(fc.nat(20), { maxLength: 3 }),
        fc.array(query, { minLength: 1, maxLength: 6 }),
        fc.array(note, { maxLength: 6 }),
        (notes, removed, queries, later) => {
          const { ours, theirs, add } = indexes(notes, removed);
          const compare = () => {
            for (const q of queries) {
              for (const limit of [0, 1, 2, 3, 7, 30, 130]) expect(ask(ours, q, limit)).toEqual(ask(theirs, q, limit));
            }
          };
          compare();
          // Notes added or edited after the paths were put in order (ranked where they fall).
          add(later);
          compare();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('"Show more" extends the page: a longer page starts with the shorter one', () => {
    fc.assert(
      fc.property(fc.array(note, { minLength: 1, maxLength: 14 }), query, fc.nat(12), fc.nat(12), (notes, q, a, b) => {
        const { ours } = indexes(notes, []);
        const short = ask(ours, q, Math.min(a, b)) as { hits?: unknown[]; total?: number };
        const long = ask(ours, q, Math.max(a, b)) as { hits?: unknown[]; total?: number };
        if (!short.hits || !long.hits) return expect(short).toEqual(long);
        expect(long.hits.slice(0, short.hits.length)).toEqual(short.hits);
        expect(long.total).toBe(short.total);
        expect(long.hits.length).toBe(Math.min(Math.max(a, b), long.total as number));
      }),
      { numRuns: 200 },
    );
  });
});
