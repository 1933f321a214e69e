// @vitest-environment happy-dom
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { afterEach, describe, expect, it } from 'vitest';
import { codeBlocks, codeLanguages } from '../../../../../renderer/src/live-preview/blocks/code-blocks';

/** The state with its syntax tree parsed to the end (the first parse is time-boxed). */
function fullyParsed(state: EditorState): EditorState {
  ensureSyntaxTree(state, state.doc.length, 10_000);
  return state.update({}).state;
}

describe('codeLanguages', () => {
  it('matches info strings to languages, leaving mermaid and unknown ones as code', () => {
    expect(codeLanguages('js')?.name).toBe('JavaScript');
    expect(codeLanguages('Python title="x.py"')?.name).toBe('Python');
    expect(codeLanguages('mermaid')).toBeNull();
    expect(codeLanguages('no-such-language')).toBeNull();
    expect(codeLanguages('')).toBeNull();
  });

  it('highlights inside a fence once the language has loaded', async () => {
    const doc = '```python\ndef f():\n    return 1\n```\n';
    const description = codeLanguages('python');
    await description?.load();
    const state = EditorState.create({
      doc,
      extensions: markdown({ base: markdownLanguage, codeLanguages }),
    });
    const tree = ensureSyntaxTree(state, doc.length, 5000);
    // The Python tree is mounted inside the fence: the node under `f` sits in a function definition.
    const names: string[] = [];
    for (let node = tree?.resolveInner(doc.indexOf('f('), 1) ?? null; node; node = node.parent) names.push(node.name);
    expect(names).toContain('FunctionDefinition');
    expect(names).toContain('FencedCode');
  });
});

describe('codeBlocks', () => {
  let view: EditorView;
  afterEach(() => view.destroy());

  it('marks each line of a fenced block, first and last apart', () => {
    view = new EditorView({
      parent: document.body,
      state: fullyParsed(
        EditorState.create({
          doc: 'text\n```js\nlet a;\n```\nafter',
          extensions: [markdown({ base: markdownLanguage }), codeBlocks()],
        }),
      ),
    });
    const lines = [...view.contentDOM.querySelectorAll('.cm-line')].map((line) => line.className);
    expect(lines).toEqual([
      'cm-line',
      'cm-line cm-lp-code cm-lp-code-first',
      'cm-line cm-lp-code',
      'cm-line cm-lp-code cm-lp-code-last',
      'cm-line',
    ]);
  });
});
