import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzyMatch, FuzzyNames, fuzzyScore, prepareKey, prepareQuery, SCORE } from '../../../shared/fuzzy-match';

const score = (query: string, text: string) => fuzzyMatch(query, text)?.score ?? -1;
const ranges = (query: string, text: string) => fuzzyMatch(query, text)?.ranges;

describe('fuzzyMatch', () => {
  it('ranks exact > prefix > word-start substring > substring > subsequence', () => {
    const exact = score('note', 'Note');
    const prefix = score('note', 'Notebook');
    const wordStart = score('note', 'My note');
    const inner = score('note', 'Denotes');
    const subsequence = score('note', 'No tea');
    expect(exact).toBe(SCORE.exact);
    expect(prefix).toBeLessThan(exact);
    expect(wordStart).toBeLessThan(prefix);
    expect(inner).toBeLessThan(wordStart);
    expect(subsequence).toBeGreaterThan(0);
    expect(subsequence).toBeLessThan(inner);
  });

  it('rejects names that do not hold the query in order', () => {
    expect(fuzzyMatch('xyz', 'Daily note')).toBeNull();
    expect(fuzzyMatch('ton', 'not')).toBeNull();
    expect(fuzzyMatch('notes', 'note')).toBeNull();
  });

  it('ignores case, accents and the difference between -, _ and space', () => {
    expect(score('cafe', 'Café')).toBe(SCORE.exact);
    expect(score('quick sw', 'quick-switcher')).toBeGreaterThanOrEqual(SCORE.prefix - 300);
    expect(score('a_b', 'A B')).toBe(SCORE.exact);
  });

  it('returns the matched spans in the name as written', () => {
    expect(ranges('note', 'My Notes')).toEqual([[3, 7]]);
    expect(ranges('mn', 'my notes')).toEqual([
      [0, 1],
      [3, 4],
    ]);
    expect(ranges('Cafe', 'Le Café')).toEqual([[3, 7]]);
  });

  it('prefers word starts and camelCase humps in subsequences', () => {
    expect(score('qs', 'quick switcher')).toBeGreaterThan(score('qs', 'quasi'));
    expect(score('fm', 'fuzzyMatch')).toBeGreaterThan(score('fm', 'farm'));
  });

  it('prefers shorter names and earlier matches within a tier', () => {
    expect(score('proj', 'Project')).toBeGreaterThan(score('proj', 'Project planning notes'));
    expect(score('plan', 'A plan')).toBeGreaterThan(score('plan', 'A long list of things, then a plan'));
  });

  it('matches everything with an empty query', () => {
    expect(fuzzyScore(prepareQuery('  '), prepareKey('anything'))).toBe(0);
  });

  it('every range lies inside the name and covers one query character per matched character', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), fc.string({ maxLength: 30 }), (query, text) => {
        const match = fuzzyMatch(query, text);
        if (!match) return;
        const covered = match.ranges.reduce((sum, [a, b]) => sum + (b - a), 0);
        expect(covered).toBe(query.trim().length);
        for (const [a, b] of match.ranges) {
          expect(a).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(text.length);
          expect(a).toBeLessThan(b);
        }
      }),
    );
  });

  it('finds any subsequence of a name', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.array(fc.boolean(), { maxLength: 20 }),
        (text, keep) => {
          const query = [...text].filter((_, i) => keep[i]).join('');
          if (query.trim() !== query || query === '') return;
          expect(fuzzyMatch(query, text)).not.toBeNull();
        },
      ),
    );
  });
});

describe('FuzzyNames', () => {
  const word = fc.constantFrom('a', 'b', 'ab', 'ba', 'Note', 'note', 'x-y', 'Café', 'camelCase', ' ', '/', '2024');
  const name = fc.array(word, { maxLength: 5 }).map((parts) => parts.join(''));

  it('scores every name as fuzzyScore does, in one sweep', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 12 }), name, (texts, query) => {
        const keys = texts.map(prepareKey);
        const names = new FuzzyNames(keys);
        const q = prepareQuery(query);
        const expected = keys.map((k) => fuzzyScore(q, k));
        const scores = new Int32Array(keys.length);
        const substrings = names.scoreSubstrings(q, scores);
        // The sweep finds exactly the substring tiers…
        keys.forEach((_, i) => {
          if ((expected[i] as number) > SCORE.subsequenceMax || q.key === '') expect(scores[i]).toBe(expected[i]);
          else expect(scores[i]).toBe(-1);
        });
        expect(substrings).toBe([...scores].filter((s) => s >= 0).length);
        // …and the subsequence pass the rest.
        names.scoreSubsequences(q, scores);
        expect([...scores]).toEqual(expected);
        keys.forEach((k, i) => {
          const a: [number, number][] = [];
          const b: [number, number][] = [];
          expect(names.score(q, i, a)).toBe(fuzzyScore(q, k, b));
          expect(a).toEqual(b);
        });
      }),
    );
  });
});
