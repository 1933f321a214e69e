// @vitest-environment happy-dom
import { history, undo } from '@codemirror/commands';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockRanges,
  conflictMarkers,
  hasOpenConflicts,
  openConflicts,
  remergeInputs,
  resolveAllSpec,
  resolveChange,
  setConflicts,
  textKeeping,
  trackConflicts,
} from '../../../../renderer/src/saving/conflict-markers';
import { threeWayMerge } from '../../../../renderer/src/saving/three-way-merge';
import { GIT_NOTE } from '../../../helpers/git-conflict-note';

/** An editor state holding a merge's result, its conflicts tracked as the workspace does. */
function merged(base: string, mine: string, theirs: string): EditorState {
  const result = threeWayMerge(base, mine, theirs);
  const state = EditorState.create({ doc: result.text, extensions: conflictMarkers() });
  return state.update({ effects: setConflicts.of({ theirs, blocks: result.blocks }) }).state;
}

describe('conflict state', () => {
  it('tracks only the blocks the merge wrote: markers the note already had are text', () => {
    const state = merged(
      GIT_NOTE,
      GIT_NOTE.replace('Status: draft', 'Status: mine'),
      GIT_NOTE.replace('Status: draft', 'Status: disk'),
    );
    expect(blockRanges(state)).toHaveLength(1);
    expect(textKeeping(state, 'mine')).toBe(GIT_NOTE.replace('Status: draft', 'Status: mine'));
    expect(textKeeping(state, 'theirs')).toBe(GIT_NOTE.replace('Status: draft', 'Status: disk'));
    const kept = state.update(resolveAllSpec(state, 'mine')).state;
    expect(kept.doc.toString()).toBe(GIT_NOTE.replace('Status: draft', 'Status: mine'));
    expect(hasOpenConflicts(kept)).toBe(false);
  });

  it('keeps one side, the other, or both of one block', () => {
    const state = merged('a\nx\nz\n', 'a\nmine\nz\n', 'a\ntheirs\nmore\nz\n');
    const [range] = blockRanges(state);
    if (!range) throw new Error('no block');
    const apply = (keep: 'mine' | 'theirs' | 'both') =>
      state.update({ changes: resolveChange(state.doc, range, keep) }).state.doc.toString();
    expect(apply('mine')).toBe('a\nmine\nz\n');
    expect(apply('theirs')).toBe('a\ntheirs\nmore\nz\n');
    expect(apply('both')).toBe('a\nmine\ntheirs\nmore\nz\n');
  });

  it('follows edits: lines typed into a side are kept with it, the block stays open', () => {
    let state = merged('1\n2\n3\n', '1\n2m\n3\n', '1\n2t\n3\n');
    const [range] = blockRanges(state);
    if (!range) throw new Error('no block');
    // Above the block, inside the person's side, and after the block.
    state = state.update({
      changes: [
        { from: 0, insert: 'top\n' },
        { from: range.mine.to, insert: 'added\n' },
        { from: state.doc.length, insert: 'end\n' },
      ],
    }).state;
    expect(hasOpenConflicts(state)).toBe(true);
    expect(textKeeping(state, 'mine')).toBe('top\n1\n2m\nadded\n3\nend\n');
  });

  it('an edited or removed marker line settles the block by hand: it is tracked no more', () => {
    const state = merged('1\n2\n3\n', '1\n2m\n3\n', '1\n2t\n3\n');
    const [range] = blockRanges(state);
    if (!range) throw new Error('no block');
    const typedOnMarker = state.update({ changes: { from: range.block.mid + 2, insert: 'x' } }).state;
    expect(hasOpenConflicts(typedOnMarker)).toBe(false);
    const removed = state.update({ changes: { from: range.block.end, to: range.to } }).state;
    expect(hasOpenConflicts(removed)).toBe(false);
    // Enter at the end of a marker line only adds a line to the side below it.
    const enter = state.update({ changes: { from: range.mine.from - 1, insert: '\n' } }).state;
    expect(hasOpenConflicts(enter)).toBe(true);
  });

  it('typing at the end right after a conflict at the end of the text starts a line of its own', () => {
    let state = merged('# Beta\n', '# Beta\nmine', '# Beta\non disk-1\n');
    expect(state.doc.toString().endsWith('>>>>>>> on disk\n')).toBe(true);
    state = state.update({ changes: { from: state.doc.length, insert: 'mine-2' } }).state;
    expect(state.doc.toString()).toContain('>>>>>>> on disk\nmine-2');
    expect(hasOpenConflicts(state)).toBe(true);
    // Kept after a block, typed text stays on its own line.
    expect(textKeeping(state, 'mine')).toBe('# Beta\nmine\nmine-2');
  });

  it('at the end of the text, either side ends exactly as it did', () => {
    for (const [mine, theirs] of [
      ['a\nmine', 'a\ntheirs\n'],
      ['a\nmine\n', 'a\ntheirs'],
      ['a', 'a\ntheirs'],
      ['a\nmine\n', 'a'],
    ] as const) {
      const state = merged('a\nbase', mine, theirs);
      expect(blockRanges(state)).toHaveLength(1);
      expect(textKeeping(state, 'mine')).toBe(mine);
      expect(textKeeping(state, 'theirs')).toBe(theirs);
    }
  });

  it("a second disk change is merged into the person's side: the block shows the newest disk text", () => {
    const base = 'title\nbody\n';
    const state = merged(base, 'title\nbody\nmine-1', 'title\nbody\ndisk-1\n');
    const inputs = remergeInputs(state);
    if (!inputs) throw new Error('no conflict');
    expect(inputs.mine).toBe('title\nbody\nmine-1');
    const again = threeWayMerge(inputs.base, inputs.mine, 'title\nbody\ndisk-1\ndisk-2\n');
    expect(again.conflicts).toBe(1);
    expect(again.text).toBe('title\nbody\n<<<<<<< your edits\nmine-1\n=======\ndisk-1\ndisk-2\n>>>>>>> on disk\n');
  });

  it('on a second disk change, a place the person settled stays settled; an open one stays open', () => {
    const base = '1\n2\n3\n4\n5\n6\n7\n';
    let state = merged(base, base.replace('2', '2m').replace('6', '6m'), base.replace('2', '2t').replace('6', '6t'));
    expect(blockRanges(state)).toHaveLength(2);
    // The person settles the first block by hand (removes its markers, writes their own line).
    const [first] = blockRanges(state);
    if (!first) throw new Error('no block');
    state = state.update({ changes: { from: first.from, to: first.to, insert: '2 settled\n' } }).state;
    expect(blockRanges(state)).toHaveLength(1);
    const inputs = remergeInputs(state);
    if (!inputs) throw new Error('no conflict');
    // The disk changes an unrelated line.
    const disk2 = base.replace('2', '2t').replace('6', '6t').replace('4', '4 disk-2');
    const again = threeWayMerge(inputs.base, inputs.mine, disk2);
    expect(again.conflicts).toBe(1);
    expect(again.text).toBe('1\n2 settled\n3\n4 disk-2\n5\n<<<<<<< your edits\n6m\n=======\n6t\n>>>>>>> on disk\n7\n');
  });

  it("the disk taking its change back ends the conflict with the person's side", () => {
    const base = 'a\nb\nc\n';
    const state = merged(base, 'a\nB mine\nc\n', 'a\nB disk\nc\n');
    const inputs = remergeInputs(state);
    if (!inputs) throw new Error('no conflict');
    expect(threeWayMerge(inputs.base, inputs.mine, base)).toEqual({ text: 'a\nB mine\nc\n', conflicts: 0, blocks: [] });
  });

  it('an editor built without the field gets it when a conflict starts', () => {
    const view = new EditorView({ state: EditorState.create({ doc: 'x' }) });
    expect(openConflicts(view.state)).toBeNull();
    const result = threeWayMerge('a\n', 'm\n', 't\n');
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: result.text } });
    trackConflicts(view, { theirs: 't\n', blocks: result.blocks });
    expect(blockRanges(view.state)).toHaveLength(1);
    view.destroy();
  });

  it("decorates the tracked block with its actions, and never the note's own marker lines", () => {
    const state = merged(
      GIT_NOTE,
      GIT_NOTE.replace('Status: draft', 'Status: mine'),
      GIT_NOTE.replace('Status: draft', 'Status: disk\nmore'),
    );
    const view = new EditorView({ state });
    const classes = [...view.contentDOM.querySelectorAll('.cm-line')].map((l) => l.className);
    expect(classes.filter((c) => c.includes('cm-conflict-marker'))).toHaveLength(3);
    expect(classes.filter((c) => c.includes('cm-conflict-mine'))).toHaveLength(1);
    expect(classes.filter((c) => c.includes('cm-conflict-theirs'))).toHaveLength(2);
    const buttons = [...view.contentDOM.querySelectorAll('.cm-conflict-actions button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Keep mine', 'Keep disk', 'Keep both']);
    (buttons[1] as HTMLButtonElement).click();
    expect(view.state.doc.toString()).toBe(GIT_NOTE.replace('Status: draft', 'Status: disk\nmore'));
    expect(hasOpenConflicts(view.state)).toBe(false);
    view.destroy();
  });
});

describe('undo', () => {
  it('undoing a resolution opens the block again, tracked (its markers are not left as plain text)', () => {
    const result = threeWayMerge('1\n2\n3\n', '1\n2m\n3\n', '1\n2t\n3\n');
    const view = new EditorView({
      state: EditorState.create({ doc: result.text, extensions: [history(), conflictMarkers()] }),
    });
    view.dispatch({ effects: setConflicts.of({ theirs: '1\n2t\n3\n', blocks: result.blocks }) });
    view.dispatch(resolveAllSpec(view.state, 'mine'));
    expect(view.state.doc.toString()).toBe('1\n2m\n3\n');
    expect(hasOpenConflicts(view.state)).toBe(false);
    undo(view);
    expect(view.state.doc.toString()).toBe(result.text);
    expect(blockRanges(view.state)).toHaveLength(1);
    expect(textKeeping(view.state, 'mine')).toBe('1\n2m\n3\n');
    // By hand too: removing a marker line, then undoing it.
    const [range] = blockRanges(view.state);
    if (!range) throw new Error('no block');
    view.dispatch({ changes: { from: range.block.mid, to: range.theirs.from } });
    expect(hasOpenConflicts(view.state)).toBe(false);
    undo(view);
    expect(hasOpenConflicts(view.state)).toBe(true);
    view.destroy();
  });
});

describe('merging again during a conflict', () => {
  it('property: never writes markers inside markers, and keeping mine drops every disk-only line of open blocks', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 7 })
      .chain((lines) => fc.tuple(fc.constant(lines.join('\n')), fc.boolean()))
      .map(([t, nl]) => (nl ? t + '\n' : t));
    fc.assert(
      fc.property(text, text, text, text, (base, mine, disk1, disk2) => {
        const first = merged(base, mine, disk1);
        const inputs = remergeInputs(first);
        if (!inputs) return;
        // Rebuilding "mine" undoes the markers exactly: it is the text keeping mine's side.
        expect(inputs.mine).toBe(textKeeping(first, 'mine'));
        const again = threeWayMerge(inputs.base, inputs.mine, disk2);
        const state = EditorState.create({ doc: again.text, extensions: conflictMarkers() }).update({
          effects: setConflicts.of({ theirs: disk2, blocks: again.blocks }),
        }).state;
        expect(blockRanges(state)).toHaveLength(again.conflicts);
        const markerLines = again.text.split('\n').filter((l) => /^(<{7}|={7}|>{7})/.test(l));
        expect(markerLines).toHaveLength(3 * again.conflicts);
        expect(textKeeping(state, 'mine')).not.toMatch(/^(<{7}|={7}|>{7})/m);
      }),
      { numRuns: 400 },
    );
  });
});
