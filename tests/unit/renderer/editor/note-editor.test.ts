// @vitest-environment happy-dom
import { ViewPlugin } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { NoteEditor } from '../../../../renderer/src/editor/note-editor';

describe('NoteEditor.open', () => {
  it("knows the note's path when the new state's plugins start (they resolve its links from there)", () => {
    const seen: (string | null)[] = [];
    let editor: NoteEditor | null = null;
    // Stands for the link styling, which asks where links lead from the open note as it starts.
    const probe = ViewPlugin.define(() => {
      seen.push(editor?.currentPath ?? null);
      return {};
    });
    editor = new NoteEditor(document.createElement('div'), () => undefined, [probe]);
    seen.length = 0;
    editor.open('first.md', '# First\n[[second]]\n');
    editor.open('second.md', '# Second\n');
    expect(seen).toEqual(['first.md', 'second.md']);
  });
});
