import { EditorState, Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { taskToggleChange } from '../../../../renderer/src/reading/task-toggle';

const doc = Text.of(['# Tasks', '- [ ] one', '  * [x] two', '> - [ ] quoted', '1. [X] numbered', 'not a [ ] task']);

function apply(line: number, checked: boolean): string | null {
  const change = taskToggleChange(doc, line, checked);
  return change ? EditorState.create({ doc }).update({ changes: change }).state.doc.line(line).text : null;
}

describe('taskToggleChange', () => {
  it('ticks and unticks the box of the task on a line, in lists, nested, quoted and numbered', () => {
    expect(apply(2, true)).toBe('- [x] one');
    expect(apply(3, false)).toBe('  * [ ] two');
    expect(apply(4, true)).toBe('> - [x] quoted');
    expect(apply(5, false)).toBe('1. [ ] numbered');
  });

  it('changes nothing where the line is no task, is already so, or is not in the note', () => {
    expect(apply(1, true)).toBeNull();
    expect(apply(6, true)).toBeNull();
    expect(apply(2, false)).toBeNull();
    expect(apply(0, true)).toBeNull();
    expect(apply(99, true)).toBeNull();
  });
});
