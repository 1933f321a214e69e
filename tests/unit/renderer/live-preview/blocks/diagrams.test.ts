// @vitest-environment happy-dom
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { noteMarkdown } from '../../../../../renderer/src/editor/note-editor';
import { diagrams, findDiagrams } from '../../../../../renderer/src/live-preview/blocks/diagrams';

function stateOf(doc: string, cursor = 0): EditorState {
  const state = EditorState.create({ doc, selection: { anchor: cursor }, extensions: [noteMarkdown(), diagrams()] });
  ensureSyntaxTree(state, state.doc.length, 10_000);
  return state.update({}).state;
}

const NOTE = [
  'Intro',
  '',
  '```mermaid',
  'graph TD',
  '  A --> B',
  '```',
  '',
  '```js',
  'x()',
  '```',
  '',
  '~~~Mermaid',
  'pie',
  '~~~',
  '',
].join('\n');

describe('diagrams (Mermaid blocks in Live Preview)', () => {
  it('finds closed top-level mermaid fences with their source, not other languages', () => {
    expect(findDiagrams(stateOf(NOTE)).map((block) => block.source)).toEqual(['graph TD\n  A --> B', 'pie']);
    expect(findDiagrams(stateOf('```mermaid\ngraph TD\n'))).toEqual([]);
  });

  it('replaces a diagram block off the cursor and leaves it as source on it', () => {
    const covered = (state: EditorState) => {
      const out: string[] = [];
      for (const source of state.facet(EditorView.decorations)) {
        if (typeof source !== 'function')
          source.between(0, state.doc.length, (from, to) => void out.push(state.sliceDoc(from, to)));
      }
      return out;
    };
    expect(covered(stateOf(NOTE))).toEqual(['```mermaid\ngraph TD\n  A --> B\n```', '~~~Mermaid\npie\n~~~']);
    expect(covered(stateOf(NOTE, NOTE.indexOf('A -->')))).toEqual(['~~~Mermaid\npie\n~~~']);
  });
});
