import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../../../../vault/search/text';

describe('fold', () => {
  it('lower-cases and strips accents, one code unit for one', () => {
    expect(fold('Café CRÈME Ærø')).toBe('cafe creme ærø');
    expect(fold('İstanbul')).toHaveLength('İstanbul'.length);
    expect(fold('ÅNGSTRÖM')).toBe('angstrom');
  });

  it('leaves surrogate pairs, CJK and punctuation as they are', () => {
    expect(fold('𐐀 東京 —!')).toBe('𐐀 東京 —!');
  });

  it('keeps offsets: folding a text is folding each code unit of it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const folded = fold(text);
        expect(folded).toHaveLength(text.length);
        expect(folded).toBe([...Array(text.length).keys()].map((i) => fold(text.charAt(i))).join(''));
      }),
      { numRuns: 300 },
    );
  });
});
