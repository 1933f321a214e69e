// @vitest-environment happy-dom
import { foldable } from '@codemirror/language';
import { ViewPlugin } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { NoteEditor } from '../../../../renderer/src/editor/note-editor';
import { notePathOf } from '../../../../renderer/src/editor/note-path';

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

describe('NoteEditor and the path its states hold', () => {
  it('gives each note’s state its path, and follows a rename into the open and the stashed states', () => {
    const editor = new NoteEditor(document.createElement('div'), () => undefined);
    editor.open('docs/a.md', '# A\n');
    expect(notePathOf(editor.view.state)).toBe('docs/a.md');
    editor.select(2);
    editor.open('docs/b.md', '# B\n');
    expect(notePathOf(editor.view.state)).toBe('docs/b.md');

    editor.renamed('docs', 'guides');
    expect(editor.currentPath).toBe('guides/b.md');
    expect(notePathOf(editor.view.state)).toBe('guides/b.md');
    // The note opened before keeps its state (same text) under its new path, and knows it.
    editor.open('guides/a.md', '# A\n');
    expect(editor.cursor).toBe(2);
    expect(notePathOf(editor.view.state)).toBe('guides/a.md');
  });
});

describe('NoteEditor features', () => {
  it('folds a heading’s section in full mode (Obsidian’s folding), not in plain mode', () => {
    const parent = document.createElement('div');
    document.body.append(parent);
    const editor = new NoteEditor(parent, () => undefined);
    editor.open('a.md', '# One\ntext\n# Two\nmore\n');
    expect(foldable(editor.view.state, 0, 5)).toEqual({ from: 5, to: 10 });
    expect(editor.view.dom.querySelector('.cm-foldGutter')).not.toBeNull();
    editor.open('big.md', '# One\ntext\n', { plain: true });
    expect(editor.view.dom.querySelector('.cm-foldGutter')).toBeNull();
    editor.view.destroy();
  });
});
