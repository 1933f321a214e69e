import { EditorSelection, EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { revealed, touches, touchesLine } from '../../../../renderer/src/live-preview/reveal';

describe('touches (inline elements)', () => {
  const element = { from: 10, to: 18 };
  const at = (from: number, to = from) => touches([{ from, to }], element.from, element.to);

  it('shows the markup while a cursor is inside or right at an edge', () => {
    expect(at(14)).toBe(true);
    expect(at(10)).toBe(true);
    expect(at(18)).toBe(true);
  });

  it('hides it when the cursor is one character away', () => {
    expect(at(9)).toBe(false);
    expect(at(19)).toBe(false);
  });

  it('counts a selection that overlaps or ends at the element, and any of several ranges', () => {
    expect(at(0, 10)).toBe(true);
    expect(at(18, 30)).toBe(true);
    expect(at(0, 30)).toBe(true);
    expect(at(0, 9)).toBe(false);
    expect(
      touches(
        [
          { from: 0, to: 1 },
          { from: 15, to: 15 },
        ],
        10,
        18,
      ),
    ).toBe(true);
    expect(touches([], 10, 18)).toBe(false);
  });
});

describe('touchesLine (block markers)', () => {
  const doc = '# Title\n\n- item\n> quote';
  const state = (anchor: number, head = anchor) =>
    EditorState.create({
      doc,
      selection: EditorSelection.create([EditorSelection.range(anchor, head)]),
      extensions: EditorState.allowMultipleSelections.of(true),
    });

  it('shows a line’s markers while the cursor is anywhere on that line, end included', () => {
    expect(touchesLine(state(5), 0)).toBe(true);
    expect(touchesLine(state(7), 0)).toBe(true); // end of "# Title"
    expect(touchesLine(state(8), 0)).toBe(false); // the blank line below
    expect(touchesLine(state(15), 9)).toBe(true);
  });

  it('counts a selection running over the line', () => {
    expect(touchesLine(state(2, 20), 9)).toBe(true);
    expect(touchesLine(state(17, 20), 9)).toBe(false);
  });

  it('revealed() applies the inline rule to the state’s selection', () => {
    const s = EditorState.create({
      doc,
      selection: EditorSelection.create([EditorSelection.cursor(0), EditorSelection.cursor(12)]),
      extensions: EditorState.allowMultipleSelections.of(true),
    });
    expect(revealed(s, 12, 14)).toBe(true);
    expect(revealed(s, 13, 14)).toBe(false);
  });
});
