// @vitest-environment happy-dom
import { undo } from '@codemirror/commands';
import { history } from '@codemirror/commands';
import { describe, expect, it } from 'vitest';
import { listMarkerDecorations, listMarkers } from '../../../../renderer/src/live-preview/list-markers';
import { all, listed, moveTo, stateOf, viewOf } from './decorations';

describe('listMarkerDecorations', () => {
  it('turns tasks into checkboxes and bullets into dots off the cursor, nested lists included', () => {
    const state = stateOf('- [ ] open\n  - [x] done\n  * child\n+ plus\n1. one\n2. [x] ordered task\n\nend');
    expect(listed(state, listMarkerDecorations(state, all(state)))).toEqual([
      ['- [ ]', 'CheckboxWidget[ ]'],
      ['- [x]', 'CheckboxWidget[x]'],
      ['done', 'cm-lp-task-done'],
      ['*', 'BulletWidget'],
      ['+', 'BulletWidget'],
      ['[x]', 'CheckboxWidget[x]'],
      ['ordered task', 'cm-lp-task-done'],
    ]);
  });

  it('shows the source markers on the cursor’s line, keeping a done task’s style', () => {
    const state = stateOf('- [x] done‸\n- item\nend');
    expect(listed(state, listMarkerDecorations(state, all(state)))).toEqual([
      ['done', 'cm-lp-task-done'],
      ['-', 'BulletWidget'],
    ]);
  });

  it('leaves list-like text in frontmatter and code alone', () => {
    const state = stateOf('---\ntags:\n  - a\n---\n```\n- [ ] no\n```\nend');
    expect(listed(state, listMarkerDecorations(state, all(state)))).toEqual([]);
  });
});

describe('listMarkers in an editor', () => {
  it('shows dots and checkboxes off the cursor and the source on it', () => {
    const view = viewOf('- item\n- [ ] task\n\nend', listMarkers());
    expect(view.contentDOM.textContent).toBe('• item task' + 'end');
    expect(view.contentDOM.querySelectorAll('input.cm-lp-task-checkbox')).toHaveLength(1);
    moveTo(view, 9);
    expect(view.contentDOM.textContent).toBe('• item- [ ] taskend');
    view.destroy();
  });

  it('a checkbox click writes `[x]` in one undoable change and leaves the cursor', () => {
    const view = viewOf('text\n- [ ] task\n  - [x] sub\n\nend', [listMarkers(), history()]);
    moveTo(view, 2);
    const boxes = view.contentDOM.querySelectorAll<HTMLInputElement>('input.cm-lp-task-checkbox');
    expect([...boxes].map((box) => box.checked)).toEqual([false, true]);
    boxes[0]!.click();
    expect(view.state.doc.toString()).toBe('text\n- [x] task\n  - [x] sub\n\nend');
    expect(view.state.selection.main.head).toBe(2);
    view.contentDOM.querySelectorAll<HTMLInputElement>('input.cm-lp-task-checkbox')[1]!.click();
    expect(view.state.doc.toString()).toBe('text\n- [x] task\n  - [ ] sub\n\nend');
    undo(view);
    expect(view.state.doc.toString()).toBe('text\n- [x] task\n  - [x] sub\n\nend');
    undo(view);
    expect(view.state.doc.toString()).toBe('text\n- [ ] task\n  - [x] sub\n\nend');
    view.destroy();
  });
});
