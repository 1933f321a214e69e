// @vitest-environment happy-dom
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import {
  conflictMarkers,
  findConflicts,
  hasConflicts,
  resolveAll,
  resolveConflict,
} from '../../../renderer/src/conflict-markers';
import { threeWayMerge } from '../../../renderer/src/three-way-merge';

const text = 'a\n<<<<<<< your edits\nmine\n=======\ntheirs\nmore\n>>>>>>> on disk\nz\n';

describe('conflict markers', () => {
  it('finds a block with both sides', () => {
    const [block] = findConflicts(text);
    expect(block).toBeDefined();
    if (!block) return;
    expect(text.slice(block.from, block.to)).toBe('<<<<<<< your edits\nmine\n=======\ntheirs\nmore\n>>>>>>> on disk\n');
    expect(text.slice(block.mine.from, block.mine.to)).toBe('mine\n');
    expect(text.slice(block.theirs.from, block.theirs.to)).toBe('theirs\nmore\n');
  });

  it('resolving keeps one side, the other, or both', () => {
    const [block] = findConflicts(text);
    if (!block) throw new Error('no block');
    expect(resolveConflict(text, block, 'mine')).toBe('a\nmine\nz\n');
    expect(resolveConflict(text, block, 'theirs')).toBe('a\ntheirs\nmore\nz\n');
    expect(resolveConflict(text, block, 'both')).toBe('a\nmine\ntheirs\nmore\nz\n');
  });

  it('resolveAll handles several blocks and leaves no markers', () => {
    const merged = threeWayMerge('1\n2\n3\n4\n5\n', '1m\n2\n3\n4\n5m\n', '1t\n2\n3\n4\n5t\n');
    expect(findConflicts(merged.text)).toHaveLength(2);
    expect(resolveAll(merged.text, 'mine')).toBe('1m\n2\n3\n4\n5m\n');
    expect(resolveAll(merged.text, 'theirs')).toBe('1t\n2\n3\n4\n5t\n');
    expect(hasConflicts(resolveAll(merged.text, 'theirs'))).toBe(false);
  });

  it('a half-removed block (the person deleted a marker) no longer counts', () => {
    expect(hasConflicts(text.replace('=======\n', ''))).toBe(false);
    expect(hasConflicts(text.replace('>>>>>>> on disk\n', ''))).toBe(false);
    expect(hasConflicts('a row of ======= is not a marker\n')).toBe(false);
  });

  it('decorates marker lines and both sides in the editor', () => {
    const view = new EditorView({ state: EditorState.create({ doc: text, extensions: [conflictMarkers()] }) });
    const classes = [...view.contentDOM.querySelectorAll('.cm-line')].map((l) => l.className);
    expect(classes.filter((c) => c.includes('cm-conflict-marker'))).toHaveLength(3);
    expect(classes.filter((c) => c.includes('cm-conflict-mine'))).toHaveLength(1);
    expect(classes.filter((c) => c.includes('cm-conflict-theirs'))).toHaveLength(2);
    view.destroy();
  });
});
