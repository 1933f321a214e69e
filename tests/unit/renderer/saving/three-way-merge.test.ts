// @vitest-environment happy-dom
import { EditorState } from '@codemirror/state';
import { diff3Merge } from 'node-diff3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockRanges, conflictMarkers, setConflicts, textKeeping } from '../../../../renderer/src/saving/conflict-markers';
import { baseWithOpenConflicts, splitLines, threeWayMerge } from '../../../../renderer/src/saving/three-way-merge';

/** The merged text with every conflict settled to one side, as the editor does it. */
function resolveAll(base: string, mine: string, theirs: string, keep: 'mine' | 'theirs'): string {
  const result = threeWayMerge(base, mine, theirs);
  const state = EditorState.create({ doc: result.text, extensions: conflictMarkers() });
  return textKeeping(state.update({ effects: setConflicts.of({ theirs, blocks: result.blocks }) }).state, keep);
}

/** The same, from diff3's regions joined as lines: what each side's lines make, independently. */
function expected(base: string, mine: string, theirs: string, keep: 'mine' | 'theirs'): string {
  if (mine === theirs || theirs === base) return mine;
  if (mine === base) return theirs;
  const regions = diff3Merge(splitLines(mine), splitLines(base), splitLines(theirs), { excludeFalseConflicts: true });
  const lines: string[] = [];
  for (const r of regions as { ok?: string[]; conflict?: { a: string[]; b: string[] } }[])
    lines.push(...(r.ok ?? (keep === 'mine' ? r.conflict?.a : r.conflict?.b) ?? []));
  return lines.join('\n');
}

const base = 'title\n\none\ntwo\nthree\nfour\nfive\n';

describe('threeWayMerge', () => {
  it('applies changes to different lines from both sides', () => {
    const mine = base.replace('two', 'TWO (mine)');
    const theirs = base.replace('five', 'FIVE (disk)');
    expect(threeWayMerge(base, mine, theirs)).toEqual({
      text: 'title\n\none\nTWO (mine)\nthree\nfour\nFIVE (disk)\n',
      conflicts: 0,
      blocks: [],
    });
  });

  it('applies lines added at both ends by different sides', () => {
    const result = threeWayMerge(base, 'top\n' + base, base + 'bottom\n');
    expect(result).toEqual({ text: 'top\n' + base + 'bottom\n', conflicts: 0, blocks: [] });
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
    expect(threeWayMerge(base, both, both)).toEqual({ text: both, conflicts: 0, blocks: [] });
    const mine = both.replace('five', 'only mine');
    expect(threeWayMerge(base, mine, both)).toEqual({ text: mine, conflicts: 0, blocks: [] });
  });

  it('applies a deletion on one side with an edit elsewhere on the other', () => {
    const mine = base.replace('two\nthree\n', '');
    const theirs = base.replace('five', 'five!');
    expect(threeWayMerge(base, mine, theirs)).toEqual({
      text: 'title\n\none\nfour\nfive!\n',
      conflicts: 0,
      blocks: [],
    });
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
    expect(threeWayMerge(base, base, 'new')).toEqual({ text: 'new', conflicts: 0, blocks: [] });
    expect(threeWayMerge(base, 'mine', base)).toEqual({ text: 'mine', conflicts: 0, blocks: [] });
  });

  describe('trailing newlines', () => {
    it('a line added after a last line without "\\n" merges with an edit above', () => {
      expect(threeWayMerge('a\nb', 'a\nb\nc', 'A\nb')).toEqual({ text: 'A\nb\nc', conflicts: 0, blocks: [] });
    });

    it('adding the missing final "\\n" on one side merges with an edit above on the other', () => {
      expect(threeWayMerge('a\nb\nc', 'a\nb\nc\n', 'A\nb\nc')).toEqual({ text: 'A\nb\nc\n', conflicts: 0, blocks: [] });
    });

    it('removing the final "\\n" on one side is kept', () => {
      expect(threeWayMerge('a\nb\nc\n', 'a\nb\nc', 'A\nb\nc\n')).toEqual({ text: 'A\nb\nc', conflicts: 0, blocks: [] });
    });

    it('markers for a conflict on a last line without "\\n" stand on their own lines, the closing one too', () => {
      const result = threeWayMerge('a\nb', 'a\nmine', 'a\ntheirs');
      expect(result.text).toBe('a\n<<<<<<< your edits\nmine\n=======\ntheirs\n>>>>>>> on disk\n');
      expect(resolveAll('a\nb', 'a\nmine', 'a\ntheirs', 'mine')).toBe('a\nmine');
    });

    it('a conflict at the end, where only one side ends in "\\n", resolves to either side exactly', () => {
      const base = '# Beta\n\nBeta links back.\n';
      const mine = base + ' mine';
      const theirs = '# Beta\n\nTheirs.\n';
      const result = threeWayMerge(base, mine, theirs);
      expect(result.text).toBe(
        '# Beta\n\n<<<<<<< your edits\nBeta links back.\n mine\n=======\nTheirs.\n>>>>>>> on disk\n',
      );
      expect(resolveAll(base, mine, theirs, 'mine')).toBe(mine);
      expect(resolveAll(base, mine, theirs, 'theirs')).toBe(theirs);
      expect(resolveAll(base, base.replace('back.', 'back!'), theirs, 'mine')).toBe(base.replace('back.', 'back!'));
      expect(resolveAll(base, base.replace('back.', 'back!'), theirs, 'theirs')).toBe(theirs);
    });

    it('empty texts', () => {
      expect(threeWayMerge('', 'mine\n', 'theirs\n').conflicts).toBe(1);
      expect(threeWayMerge('', '', 'theirs\n')).toEqual({ text: 'theirs\n', conflicts: 0, blocks: [] });
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
          expect(result).toEqual({
            text: lines([...top, ...mineAdd, ...sep, ...bottom, ...theirsAdd]),
            conflicts: 0,
            blocks: [],
          });
        },
      ),
    );
  });

  it('property: every conflict it reports is a block the editor tracks, settled to either side exactly', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 8 })
      .chain((lines) => fc.tuple(fc.constant(lines.join('\n')), fc.boolean()))
      .map(([t, nl]) => (nl ? t + '\n' : t));
    fc.assert(
      fc.property(text, text, text, (base, mine, theirs) => {
        const result = threeWayMerge(base, mine, theirs);
        const state = EditorState.create({ doc: result.text, extensions: conflictMarkers() }).update({
          effects: setConflicts.of({ theirs, blocks: result.blocks }),
        }).state;
        // Every block is intact where the merge says (the field drops blocks whose markers are not there).
        expect(blockRanges(state)).toHaveLength(result.conflicts);
        if (result.conflicts === 0) expect(result.text).not.toContain('<<<<<<<');
        for (const keep of ['mine', 'theirs'] as const)
          expect(textKeeping(state, keep)).toBe(expected(base, mine, theirs, keep));
        // The base for merging again: the disk text with each open place as the base had it.
        const lines = splitLines(theirs);
        expect(baseWithOpenConflicts(theirs, [])).toBe(theirs);
        expect(splitLines(baseWithOpenConflicts(theirs, result.blocks)).length).toBe(
          lines.length + result.blocks.reduce((n, b) => n + b.baseLines.length - b.theirsLines.length, 0),
        );
      }),
      { numRuns: 500 },
    );
  });
});
