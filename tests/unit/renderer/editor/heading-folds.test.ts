// @vitest-environment happy-dom
import { ensureSyntaxTree, foldAll, foldCode, foldedRanges, unfoldAll } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { afterEach, describe, expect, it } from 'vitest';
import { headingFolds } from '../../../../renderer/src/editor/heading-folds';
import { noteMarkdown } from '../../../../renderer/src/editor/note-editor';

const NOTE = [
  '# One',
  'first section',
  '## One.a',
  'nested',
  '# Two',
  'second section',
  '- item',
  '  - child',
  'end',
].join('\n');

let view: EditorView;
afterEach(() => view.destroy());

function open(cursor: number): EditorView {
  const state = EditorState.create({
    doc: NOTE,
    selection: { anchor: cursor },
    extensions: [noteMarkdown(), headingFolds()],
  });
  ensureSyntaxTree(state, state.doc.length, 10_000);
  view = new EditorView({ parent: document.body, state: state.update({}).state });
  return view;
}

function folded(): string[] {
  const out: string[] = [];
  foldedRanges(view.state).between(
    0,
    view.state.doc.length,
    (from, to) => void out.push(view.state.sliceDoc(from, to)),
  );
  return out;
}

describe('headingFolds', () => {
  it('folds the section under the cursor’s heading, down to the next heading of its level', () => {
    open(2);
    expect(foldCode(view)).toBe(true);
    expect(folded()).toEqual(['\nfirst section\n## One.a\nnested']);
    expect(view.contentDOM.textContent).not.toContain('first section');
    expect(view.contentDOM.textContent).toContain('Two');
    expect(view.dom.querySelector('.cm-foldPlaceholder')).not.toBeNull();
  });

  it('folds every heading and list at once, and unfolds them', () => {
    open(0);
    foldAll(view);
    expect(folded().length).toBeGreaterThanOrEqual(2);
    expect(view.contentDOM.textContent).not.toContain('second section');
    unfoldAll(view);
    expect(folded()).toEqual([]);
    expect(view.contentDOM.textContent).toContain('second section');
  });

  it('puts a fold marker in the gutter beside each foldable line', () => {
    open(0);
    const markers = view.dom.querySelectorAll('.cm-foldGutter .cm-fold-marker');
    // # One, ## One.a, # Two and the list item with a child.
    expect(markers.length).toBeGreaterThanOrEqual(3);
  });
});
