import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findConflicts, resolveAll } from '../../../renderer/src/conflict-markers';
import { splitLines, threeWayMerge } from '../../../renderer/src/three-way-merge';

const base = 'title\n\none\ntwo\nthree\nfour\nfive\n';

describe('threeWayMerge', () => {
  it('applies changes to different lines from both sides', () => {
    const mine = base.replace('two', 'TWO (mine)');
    const theirs = base.replace('five', 'FIVE (disk)');
    expect(threeWayMerge(base, mine, theirs)).toEqual({
      text: 'title\n\none\nTWO (mine)\nthree\nfour\nFIVE (disk)\n',
      conflicts: 0,
    });
  });

  it('applies lines added at both ends by different sides', () => {
    const result = threeWayMerge(base, 'top\n' + base, base + 'bottom\n');
    expect(result).toEqual({ text: 'top\n' + base + 'bottom\n', conflicts: 0 });
  });

  it('keeps both versions between markers when both changed the same line differently', () => {
    const result = threeWayMerge(base, base.replace('three', 'mine'), base.replace('three', 'theirs'));
    expect(result.conflicts).toBe(1);
    expect(result.text).toBe(
      'title\n\none\ntwo\n<<<<<<< your edits\nmine\n=======\ntheirs\n>>>>>>> on disk\nfour\nfive\n',
    );
  });

  it('counts each conflicting place', () => {
    const mine = base.replace('one', 'one-a').replace('five', 'five-a');
    const theirs = base.replace('one', 'one-b').replace('five', 'five-b');
    expect(threeWayMerge(base, mine, theirs).conflicts).toBe(2);
  });

  it('applies the same change made on both sides once', () => {
    const both = base.replace('two', 'same edit');
    expect(threeWayMerge(base, both, both)).toEqual({ text: both, conflicts: 0 });
    const mine = both.replace('five', 'only mine');
    expect(threeWayMerge(base, mine, both)).toEqual({ text: mine, conflicts: 0 });
  });

  it('applies a deletion on one side with an edit elsewhere on the other', () => {
    const mine = base.replace('two\nthree\n', '');
    const theirs = base.replace('five', 'five!');
    expect(threeWayMerge(base, mine, theirs)).toEqual({ text: 'title\n\none\nfour\nfive!\n', conflicts: 0 });
  });

  it('a deletion against an edit of the same line is a conflict with an empty side', () => {
    const result = threeWayMerge(base, base.replace('three\n', ''), base.replace('three', 'three!'));
    expect(result.conflicts).toBe(1);
    expect(result.text).toContain('<<<<<<< your edits\n=======\nthree!\n>>>>>>> on disk\n');
  });

  it('everything deleted on disk while the person edited is a conflict, not a silent loss', () => {
    const result = threeWayMerge(base, base.replace('one', 'ONE'), '');
    expect(result.conflicts).toBe(1);
    expect(result.text).toContain('ONE');
  });

  it('takes the other side whole when one side is unchanged', () => {
    expect(threeWayMerge(base, base, 'new')).toEqual({ text: 'new', conflicts: 0 });
    expect(threeWayMerge(base, 'mine', base)).toEqual({ text: 'mine', conflicts: 0 });
  });

  describe('trailing newlines', () => {
    it('a line added after a last line without "\\n" merges with an edit above', () => {
      expect(threeWayMerge('a\nb', 'a\nb\nc', 'A\nb')).toEqual({ text: 'A\nb\nc', conflicts: 0 });
    });

    it('adding the missing final "\\n" on one side merges with an edit above on the other', () => {
      expect(threeWayMerge('a\nb\nc', 'a\nb\nc\n', 'A\nb\nc')).toEqual({ text: 'A\nb\nc\n', conflicts: 0 });
    });

    it('removing the final "\\n" on one side is kept', () => {
      expect(threeWayMerge('a\nb\nc\n', 'a\nb\nc', 'A\nb\nc\n')).toEqual({ text: 'A\nb\nc', conflicts: 0 });
    });

    it('markers for a conflict on a last line without "\\n" still stand on their own lines', () => {
      const result = threeWayMerge('a\nb', 'a\nmine', 'a\ntheirs');
      expect(result.text).toBe('a\n<<<<<<< your edits\nmine\n=======\ntheirs\n>>>>>>> on disk');
    });

    it('a conflict at the end, where only one side ends in "\\n", resolves to either side exactly', () => {
      const base = '# Beta\n\nBeta links back.\n';
      const mine = base + ' mine';
      const theirs = '# Beta\n\nTheirs.\n';
      const result = threeWayMerge(base, mine, theirs);
      expect(result.text).toBe(
        '# Beta\n\n<<<<<<< your edits\nBeta links back.\n mine\n=======\nTheirs.\n>>>>>>> on disk',
      );
      expect(resolveAll(result.text, 'mine')).toBe(mine);
      const other = threeWayMerge(base, base.replace('back.', 'back!'), theirs);
      expect(resolveAll(other.text, 'mine')).toBe(base.replace('back.', 'back!'));
      expect(resolveAll(other.text, 'theirs')).toBe(theirs);
    });

    it('empty texts', () => {
      expect(threeWayMerge('', 'mine\n', 'theirs\n').conflicts).toBe(1);
      expect(threeWayMerge('', '', 'theirs\n')).toEqual({ text: 'theirs\n', conflicts: 0 });
    });
  });

  it('splitLines keeps every character', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\n', 'é') }), (text) => {
        expect(splitLines(text).join('\n')).toBe(text);
      }),
    );
  });

  it('property: edits to disjoint halves always merge cleanly into both edits', () => {
    const line = fc.stringMatching(/^[a-z]{0,6}$/);
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 2, maxLength: 8 }),
        fc.array(line, { minLength: 2, maxLength: 8 }),
        fc.array(line, { maxLength: 3 }),
        fc.array(line, { maxLength: 3 }),
        (top, bottom, mineAdd, theirsAdd) => {
          // A fixed separator line that neither side touches keeps the two changes apart.
          const sep = ['----'];
          const lines = (xs: string[]) => xs.map((x) => x + '\n').join('');
          const baseText = lines([...top, ...sep, ...bottom]);
          const mine = lines([...top, ...mineAdd, ...sep, ...bottom]);
          const theirs = lines([...top, ...sep, ...bottom, ...theirsAdd]);
          const result = threeWayMerge(baseText, mine, theirs);
          expect(result).toEqual({ text: lines([...top, ...mineAdd, ...sep, ...bottom, ...theirsAdd]), conflicts: 0 });
        },
      ),
    );
  });

  it('property: every conflict it reports is written as one block the editor finds again', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 8 })
      .chain((lines) => fc.tuple(fc.constant(lines.join('\n')), fc.boolean()))
      .map(([t, nl]) => (nl ? t + '\n' : t));
    fc.assert(
      fc.property(text, text, text, (base, mine, theirs) => {
        const result = threeWayMerge(base, mine, theirs);
        expect(findConflicts(result.text)).toHaveLength(result.conflicts);
        if (result.conflicts === 0) expect(result.text).not.toContain('<<<<<<<');
      }),
      { numRuns: 500 },
    );
  });
});
