// @vitest-environment happy-dom
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { afterEach, describe, expect, it } from 'vitest';
import { noteMarkdown } from '../../../../../renderer/src/editor/note-editor';
import { findMathBlocks, math, renderTex } from '../../../../../renderer/src/live-preview/blocks/math';
import { findInlineMath, mathBlockTex } from '../../../../../renderer/src/live-preview/blocks/math-syntax';

/** The state with its syntax tree parsed to the end (the first parse is time-boxed: a busy machine stops it early). */
function fullyParsed(state: EditorState): EditorState {
  ensureSyntaxTree(state, state.doc.length, 10_000);
  return state.update({}).state;
}

const tex = (line: string) => findInlineMath(line).map((span) => [span.tex, span.display]);

describe('findInlineMath', () => {
  it('follows pandoc’s rule for `$`', () => {
    expect(tex('Euler: $e^{i\\pi}+1=0$.')).toEqual([['e^{i\\pi}+1=0', false]]);
    expect(tex('costs $5 and $6 today')).toEqual([]);
    expect(tex('$ x$ and $x $ are not math')).toEqual([]);
    expect(tex('$x$5 is not closed')).toEqual([]);
    expect(tex('escaped \\$x$ dollar')).toEqual([]);
    expect(tex('$a \\$ b$')).toEqual([['a \\$ b', false]]);
    expect(tex('two $a$ and $b$')).toEqual([
      ['a', false],
      ['b', false],
    ]);
    expect(tex('inline display $$\\sum_i x_i$$ here')).toEqual([['\\sum_i x_i', true]]);
    expect(tex('empty $$ $$ and $$')).toEqual([]);
  });

  it('gives offsets in the line', () => {
    expect(findInlineMath('ab $x$ c')).toEqual([{ from: 3, to: 6, tex: 'x', display: false }]);
  });

  it('reads a $$ paragraph as a block', () => {
    expect(mathBlockTex('$$\na \\\\ b\n$$')).toBe('\na \\\\ b\n');
    expect(mathBlockTex('$$x$$')).toBe('x');
    expect(mathBlockTex('$$a$$ and $$b$$')).toBeNull();
    expect(mathBlockTex('$$ $$')).toBeNull();
  });
});

describe('renderTex', () => {
  it('renders with KaTeX, errors in place, and no links or HTML from the note', () => {
    expect(renderTex('x^2', false)).toContain('class="katex"');
    expect(renderTex('\\frac{', false)).toContain('katex-error');
    const trusted = renderTex('\\href{javascript:alert(1)}{x} \\url{https://x.example} \\htmlClass{evil}{y}', false);
    expect(trusted).not.toMatch(/<a\b/);
    expect(trusted).not.toMatch(/\bhref=/);
    expect(trusted).not.toContain('class="evil"');
  });
});

describe('math (in an editor)', () => {
  let view: EditorView;
  afterEach(() => view.destroy());

  const NOTE = [
    'Energy $E=mc^2$ and `$not$ code` and $5 and $6.',
    '',
    '$$',
    'a \\\\ b',
    '$$',
    '',
    '```',
    '$x$ in a fence',
    '```',
    'end',
  ].join('\n');

  const lines = () => [...view.contentDOM.querySelectorAll('.cm-line')].map((line) => line.textContent);

  function open(cursor: number) {
    view = new EditorView({
      parent: document.body,
      state: fullyParsed(
        EditorState.create({ doc: NOTE, selection: { anchor: cursor }, extensions: [noteMarkdown(), math()] }),
      ),
    });
  }

  it('renders inline and block math off the cursor (KaTeX output), never code', () => {
    open(NOTE.length);
    expect(view.dom.querySelectorAll('.cm-lp-math-inline .katex')).toHaveLength(1);
    expect(view.dom.querySelectorAll('.cm-lp-math-block .katex-display')).toHaveLength(1);
    expect(view.contentDOM.textContent).toContain('`$not$ code`');
    expect(view.contentDOM.textContent).toContain('$x$ in a fence');
    expect(view.contentDOM.textContent).toContain('$5 and $6');
    expect(view.contentDOM.textContent).not.toContain('$E=mc^2$');
    expect(lines()).not.toContain('a \\\\ b');
    // Rendering changes nothing in the source: `\\` is still there.
    expect(view.state.doc.toString()).toBe(NOTE);
  });

  it('shows the source while the cursor touches it', () => {
    open(NOTE.indexOf('mc^2'));
    expect(view.contentDOM.textContent).toContain('$E=mc^2$');
    expect(view.dom.querySelectorAll('.cm-lp-math-block')).toHaveLength(1);
    view.dispatch({ selection: { anchor: NOTE.indexOf('a \\\\') } });
    expect(lines()).toContain('a \\\\ b');
    expect(view.dom.querySelectorAll('.cm-lp-math-block')).toHaveLength(0);
    expect(view.dom.querySelectorAll('.cm-lp-math-inline')).toHaveLength(1);
  });

  it('finds $$ blocks as whole lines', () => {
    const state = fullyParsed(EditorState.create({ doc: NOTE, extensions: [noteMarkdown()] }));
    expect(findMathBlocks(state).map((block) => state.sliceDoc(block.from, block.to))).toEqual(['$$\na \\\\ b\n$$']);
  });
});
