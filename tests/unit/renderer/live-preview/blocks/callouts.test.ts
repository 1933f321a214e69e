// @vitest-environment happy-dom
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView, type Decoration } from '@codemirror/view';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noteMarkdown } from '../../../../../renderer/src/editor/note-editor';
import { callouts, findCallouts } from '../../../../../renderer/src/live-preview/blocks/callouts';
import { RenderedMarkdown } from '../../../../../renderer/src/live-preview/blocks/rendered-html';

/** The state with its syntax tree parsed to the end (the first parse is time-boxed: a busy machine stops it early). */
function fullyParsed(state: EditorState): EditorState {
  ensureSyntaxTree(state, state.doc.length, 10_000);
  return state.update({}).state;
}

const NOTE = [
  'Intro',
  '',
  '> [!caution] Mind the **gap**',
  '> First line',
  '> second [[link]]',
  '',
  '> [!tip]- Folded',
  '> hidden body',
  '',
  '> plain quote',
  '',
  '> [!FAQ]+',
  '> open body',
].join('\n');

function replaced(state: EditorState): string[] {
  const out: string[] = [];
  for (const source of state.facet(EditorView.decorations)) {
    if (typeof source === 'function') continue;
    source.between(0, state.doc.length, (from, to, _deco: Decoration) => {
      out.push(state.sliceDoc(from, to));
    });
  }
  return out;
}

function stateOf(cursor: number, render?: RenderedMarkdown) {
  return fullyParsed(
    EditorState.create({
      doc: NOTE,
      selection: { anchor: cursor },
      extensions: [noteMarkdown(), callouts(render ?? new RenderedMarkdown(undefined, {}))],
    }),
  );
}

describe('callouts (decorations)', () => {
  it('finds callouts (not plain quotes) with type, fold and title', () => {
    const found = findCallouts(stateOf(0));
    expect(found.map(({ type, fold, title, body, folded }) => ({ type, fold, title, body, folded }))).toEqual([
      { type: 'caution', fold: null, title: 'Mind the **gap**', body: 'First line\nsecond [[link]]', folded: false },
      { type: 'tip', fold: 'closed', title: 'Folded', body: 'hidden body', folded: true },
      { type: 'faq', fold: 'open', title: '', body: 'open body', folded: false },
    ]);
  });

  it('replaces each callout off the cursor and reveals the one the cursor is in', () => {
    const whole = NOTE.slice(NOTE.indexOf('> [!caution]'), NOTE.indexOf('\n\n> [!tip]'));
    expect(replaced(stateOf(0))).toHaveLength(3);
    expect(replaced(stateOf(0))[0]).toBe(whole);
    const inside = NOTE.indexOf('second');
    expect(replaced(stateOf(inside))).not.toContain(whole);
    expect(replaced(stateOf(inside))).toHaveLength(2);
  });
});

describe('callouts (in an editor)', () => {
  let view: EditorView;
  afterEach(() => view.destroy());

  function open(render = vi.fn((text: string) => Promise.resolve(`<p class="x">${text.length}</p>`))) {
    view = new EditorView({
      parent: document.body,
      state: stateOf(0, new RenderedMarkdown(render, {})),
    });
    return render;
  }

  it('shows the title, the family (with aliases), the default title and the rendered body', async () => {
    const render = open();
    const boxes = [...view.dom.querySelectorAll<HTMLElement>('.cm-lp-callout')];
    expect(boxes.map((box) => box.className)).toEqual([
      'cm-lp-callout callout callout-warning',
      'cm-lp-callout callout callout-tip is-foldable is-folded',
      'cm-lp-callout callout callout-question is-foldable is-open',
    ]);
    expect(boxes.map((box) => box.querySelector('.callout-title-inner')?.textContent)).toEqual([
      'Mind the **gap**',
      'Folded',
      'Faq',
    ]);
    // The folded callout's body is not drawn, nor rendered.
    expect(boxes[1]?.querySelector('.callout-content')).toBeNull();
    expect(render.mock.calls.map(([text]) => text)).toEqual(['First line\nsecond [[link]]', 'open body']);
    await vi.waitFor(() => expect(boxes[0]?.querySelector('.callout-content p.x')?.textContent).toBe('26'));
    expect(view.contentDOM.textContent).not.toContain('[!caution]');
  });

  it('folds and unfolds from the title without changing the text', () => {
    open();
    const fold = () => view.dom.querySelectorAll<HTMLElement>('.cm-lp-callout')[1];
    fold()?.querySelector<HTMLButtonElement>('.cm-lp-fold')?.click();
    expect(fold()?.classList.contains('is-open')).toBe(true);
    expect(fold()?.querySelector('.callout-content')?.textContent).toBe('hidden body');
    fold()?.querySelector<HTMLButtonElement>('.callout-icon')?.click();
    expect(fold()?.classList.contains('is-folded')).toBe(true);
    expect(fold()?.querySelector('.callout-content')).toBeNull();
    expect(view.state.doc.toString()).toBe(NOTE);
  });

  it('puts the cursor inside on a click, which shows the source', () => {
    open();
    const box = view.dom.querySelector<HTMLElement>('.cm-lp-callout');
    box?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }));
    expect(view.state.selection.main.head).toBe(NOTE.indexOf('> [!caution]'));
    expect(view.contentDOM.textContent).toContain('> [!caution] Mind the **gap**');
    expect(view.dom.querySelectorAll('.cm-lp-callout')).toHaveLength(2);
  });

  it('renders each body once however often the callout is drawn again', () => {
    const render = open();
    const calls = render.mock.calls.length;
    view.dispatch({ selection: { anchor: NOTE.indexOf('First') } });
    view.dispatch({ selection: { anchor: 0 } });
    view.dispatch({ changes: { from: 0, insert: 'More ' } });
    expect(render.mock.calls.length).toBe(calls);
  });
});
