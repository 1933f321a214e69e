import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../../../vault/search/postings';

describe('Vocabulary', () => {
  it('answers prefixes as a sorted scan of every term would, however the terms arrived', () => {
    const term = fc.stringMatching(/^[a-c]{1,4}$/);
    fc.assert(
      fc.property(
        // Rounds of added terms, some small (inserted one by one), some large (merged).
        fc.array(fc.array(term, { maxLength: 90 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.stringMatching(/^[a-c]{0,3}$/), { minLength: 1, maxLength: 5 }),
        (rounds, prefixes) => {
          const vocabulary = new Vocabulary();
          const all = new Set<string>();
          for (const round of rounds) {
            for (const t of round) {
              vocabulary.add(t);
              all.add(t);
            }
            for (const prefix of prefixes) {
              const expected = [...all].filter((t) => t.startsWith(prefix)).sort();
              expect(vocabulary.withPrefix(prefix)).toEqual(expected);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
