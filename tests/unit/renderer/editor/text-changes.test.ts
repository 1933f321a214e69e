import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineChanges, spanChange, type TextChange } from '../../../../renderer/src/editor/text-changes';
import { threeWayMerge } from '../../../../renderer/src/saving/three-way-merge';

/** Applies changes listed in document order, as one CodeMirror transaction does (the last first). */
function apply(text: string, changes: TextChange[]): string {
  let out = text;
  for (const change of [...changes].reverse()) {
    out = out.slice(0, change.from) + change.insert + out.slice(change.to);
  }
  return out;
}

/** Where a position in `old` lands after `changes` (CodeMirror's mapping, cursor kept before insertions at it). */
function mapPos(pos: number, changes: TextChange[]): number {
  let shift = 0;
  for (const c of [...changes].sort((a, b) => a.from - b.from)) {
    if (c.to < pos || (c.to === pos && c.from < pos)) shift += c.insert.length - (c.to - c.from);
    else if (c.from < pos) return c.from + c.insert.length + shift;
  }
  return pos + shift;
}

describe('lineChanges', () => {
  it('turns the old text into the new one (any texts of a few lines)', () => {
    const line = fc.constantFrom('', 'a', 'b', 'c', '# h', 'x y');
    const text = fc.array(line, { maxLength: 8 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(text, text, (old, next) => {
        const changes = lineChanges(old, next);
        expect(apply(old, changes)).toBe(next);
        // In document order and not overlapping, as CodeMirror requires.
        for (let i = 1; i < changes.length; i++) {
          expect(changes[i]!.from).toBeGreaterThanOrEqual(changes[i - 1]!.to);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves the line being typed in untouched when a merge wraps it in conflict markers', () => {
    const base = '# Beta\n\nBeta links back to [[alpha]].\n';
    const mine = '# Beta (mine)\n\nBeta links back to [[alpha]].\n';
    const merged = threeWayMerge(base, mine, '# Beta (theirs)\n\nBeta links back to [[alpha]].\n').text;
    const cursor = '# Beta (mine)'.length;
    const changes = lineChanges(mine, merged);
    expect(apply(mine, changes)).toBe(merged);
    const after = mapPos(cursor, changes);
    // The cursor is still right after "(mine)", on the person's own line, not after the markers.
    expect(merged.slice(0, after).split('\n').at(-1)).toBe('# Beta (mine)');
  });

  it('falls back to one replacement for very long differences', () => {
    const old = Array.from({ length: 4000 }, (_, i) => `line ${i}`).join('\n');
    const next = Array.from({ length: 4000 }, (_, i) => `LINE ${i}`).join('\n');
    const changes = lineChanges(old, next);
    expect(changes).toHaveLength(1);
    expect(apply(old, changes)).toBe(next);
  });
});

describe('spanChange', () => {
  it('replaces only what lies between the common start and end', () => {
    expect(spanChange('hello world', 'hello brave world')).toEqual({ from: 6, to: 6, insert: 'brave ' });
    expect(spanChange('abcabc', 'abc')).toEqual({ from: 3, to: 6, insert: '' });
    expect(spanChange('same', 'same')).toEqual({ from: 4, to: 4, insert: '' });
    expect(spanChange('', 'new')).toEqual({ from: 0, to: 0, insert: 'new' });
  });

  it('applied to the old text, always gives the new one', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (old, next) => {
        const { from, to, insert } = spanChange(old, next);
        expect(old.slice(0, from) + insert + old.slice(to)).toBe(next);
      }),
    );
  });
});
