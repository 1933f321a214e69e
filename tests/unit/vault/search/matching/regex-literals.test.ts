import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requiredLiterals } from '../../../../../vault/search/matching/regex-literals';
import { SearchIndex } from '../../../../../vault/search/full-text-index';
import { REGEX_FLAGS } from '../../../../../vault/search/matching/query';
import { indexTerms } from '../../../../../vault/search/text';

describe('requiredLiterals', () => {
  it.each([
    ['garden', ['garden']],
    ['Garden\\w*s\\b', ['garden']],
    ['^# (?:todo|done) list$', ['list']],
    ['colou?r', ['colo']],
    ['colou*rful', ['colo', 'rful']],
    ['ab+cdef', ['cdef']],
    ['abcd+ef', ['abcd']],
    ['zip{2,}per', ['zip', 'per']],
    ['[abc]def[^x]ghi', ['def', 'ghi']],
    ['foo\\.bar\\x41baz', ['foo', 'bar', 'baz']],
    ['(?<=pre)fix(ed)?', ['fix']],
    ['cat|dog', []],
    ['(cat|dog)food', ['food']],
    ['a.b.c', []],
    ['\\d{4}-\\d{2}', []],
    ['ab', []],
    ['unclosed(group', []],
  ])('/%s/ requires %j', (source, literals) => {
    expect(requiredLiterals(source)).toEqual(literals);
  });

  // Regexes made of pieces that exercise each rule, over texts of a small alphabet.
  const piece = fc.oneof(
    fc.stringMatching(/^[abAB1]{1,4}$/),
    fc.constantFrom('.', '\\w', '\\b', '\\s', ' ', '-', '[ab]', '[^c]', '(?:ab|ba)', '(a)', '\\x61', '^', '$'),
    fc.constantFrom('?', '*', '+', '{2}', '{0,2}', '+?'),
  );
  const source = fc
    .array(piece, { minLength: 1, maxLength: 8 })
    .map((parts) => parts.join(''))
    .filter((s) => {
      try {
        new RegExp(s, REGEX_FLAGS);
        return true;
      } catch {
        return false;
      }
    });
  // A small alphabet, so that many texts match.
  const text = fc.stringMatching(/^[abAB1 \-\né]{0,30}$/);

  it('never names a literal that a matching text lacks', () => {
    fc.assert(
      fc.property(source, fc.array(text, { maxLength: 6 }), (regex, texts) => {
        const literals = requiredLiterals(regex);
        for (const t of texts) {
          if (!new RegExp(regex, REGEX_FLAGS).test(t)) continue;
          for (const literal of literals) expect(t.toLowerCase()).toContain(literal);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('narrowing through the index finds exactly what reading every note finds', () => {
    fc.assert(
      fc.property(source, fc.array(text, { minLength: 1, maxLength: 12 }), (regex, texts) => {
        const index = new SearchIndex({ readText: (path) => texts[Number(path.slice(1, -3))] ?? null });
        texts.forEach((t, i) =>
          index.set({ path: `n${i}.md`, title: `n${i}`, aliases: [], headings: [], tags: [], terms: indexTerms(t) }),
        );
        const expected = texts.flatMap((t, i) => (new RegExp(regex, REGEX_FLAGS).test(t) ? [`n${i}.md`] : []));
        const answer = index.query(`/${regex.replace(/\//g, '\\/')}/`, 100);
        expect(answer.hits.map((h) => h.path).sort()).toEqual(expected.sort());
      }),
      { numRuns: 500 },
    );
  });
});
