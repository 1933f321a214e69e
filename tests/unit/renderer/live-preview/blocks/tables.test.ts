// @vitest-environment happy-dom
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView, type Decoration } from '@codemirror/view';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noteMarkdown } from '../../../../../renderer/src/editor/note-editor';
import { RenderedMarkdown } from '../../../../../renderer/src/live-preview/blocks/rendered-html';
import { alignments, findTables, tables } from '../../../../../renderer/src/live-preview/blocks/tables';
import { renderMarkdown } from '../../../../../renderer/src/render/render-markdown';

/** The state with its syntax tree parsed to the end (the first parse is time-boxed: a busy machine stops it early). */
function fullyParsed(state: EditorState): EditorState {
  ensureSyntaxTree(state, state.doc.length, 10_000);
  return state.update({}).state;
}

const TABLE = ['| Name | Mid \\| pipe | Amount |', '|:-----|:---:|------:|', '| **a** | x<br/>y | |', '| b |'].join(
  '\n',
);
const NOTE = `Before\n\n${TABLE}\n\nAfter`;

function decorations(state: EditorState): { text: string; deco: Decoration }[] {
  const out: { text: string; deco: Decoration }[] = [];
  for (const source of state.facet(EditorView.decorations)) {
    if (typeof source === 'function') continue;
    source.between(0, state.doc.length, (from, to, deco) => {
      out.push({ text: state.sliceDoc(from, to), deco });
    });
  }
  return out;
}

function stateOf(doc: string, cursor: number) {
  return fullyParsed(
    EditorState.create({
      doc,
      selection: { anchor: cursor },
      extensions: [noteMarkdown(), tables(new RenderedMarkdown(undefined, {}))],
    }),
  );
}

describe('tables (decorations)', () => {
  it('reads alignment, cells (empty ones too) and rows from the tree', () => {
    expect(alignments('|:--|:-:|--:|---|')).toEqual(['left', 'center', 'right', null]);
    expect(alignments('--- | :-')).toEqual([null, 'left']);
    const [table] = findTables(stateOf(NOTE, 0));
    expect(table).toMatchObject({
      header: ['Name', 'Mid \\| pipe', 'Amount'],
      align: ['left', 'center', 'right'],
      rows: [['**a**', 'x<br/>y', ''], ['b']],
    });
  });

  it('replaces the table off the cursor and shows it raw when the cursor enters', () => {
    expect(decorations(stateOf(NOTE, 0)).map((d) => d.text)).toEqual([TABLE]);
    expect(decorations(stateOf(NOTE, NOTE.indexOf('**a**')))).toEqual([]);
    expect(decorations(stateOf(NOTE, NOTE.length))).toHaveLength(1);
  });

  it('keeps the other tables’ decorations (and widgets) when one table or the text between is edited', () => {
    const doc = Array.from({ length: 200 }, (_, i) => `Para ${i}\n\n| h${i} | v |\n|---|---|\n| ${i} | x |\n`).join(
      '\n',
    );
    let state = stateOf(doc, 0);
    const before = decorations(state);
    expect(before).toHaveLength(200);

    // Typing in a paragraph: every table keeps its decoration object.
    state = fullyParsed(state.update({ changes: { from: doc.indexOf('Para 100') + 4, insert: '!' } }).state);
    const typed = decorations(state);
    expect(typed).toHaveLength(200);
    typed.forEach((entry, i) => expect(entry.deco).toBe(before[i]?.deco));

    // Editing one table (cursor elsewhere): only that table gets a new one.
    const cell = state.doc.toString().indexOf('| 7 |') + 2;
    state = fullyParsed(state.update({ changes: { from: cell, insert: '7' }, selection: { anchor: 0 } }).state);
    const edited = decorations(state);
    const changed = edited.filter((entry, i) => entry.deco !== before[i]?.deco).map((entry) => entry.text);
    expect(changed).toEqual(['| h7 | v |\n|---|---|\n| 77 | x |']);
  });
});

describe('tables (in an editor)', () => {
  let view: EditorView;
  afterEach(() => view.destroy());

  it('draws the grid with alignment and line breaks at once, then the rendered table', async () => {
    const render = vi.fn((markdown: string) => renderMarkdown(markdown));
    view = new EditorView({
      parent: document.body,
      state: fullyParsed(
        EditorState.create({
          doc: NOTE,
          extensions: [noteMarkdown(), tables(new RenderedMarkdown(render, {}))],
        }),
      ),
    });
    const grid = () => view.dom.querySelector<HTMLElement>('.cm-lp-table');
    const cells = () => [...(grid()?.querySelectorAll('th, td') ?? [])];
    // First draw: the plain grid from the tree.
    expect(cells().map((cell) => cell.textContent)).toEqual([
      'Name',
      'Mid | pipe',
      'Amount',
      '**a**',
      'xy',
      '',
      'b',
      '',
      '',
    ]);
    expect(grid()?.querySelectorAll('td br')).toHaveLength(1);
    expect((cells()[2] as HTMLElement).style.textAlign).toBe('right');
    expect(render).toHaveBeenCalledTimes(1);
    expect(render).toHaveBeenCalledWith(TABLE, expect.anything());
    // Then the renderer's: inline markdown rendered, alignment and <br> kept.
    await vi.waitFor(() => expect(grid()?.querySelector('td strong')?.textContent).toBe('a'));
    expect(cells().map((cell) => cell.textContent)).toEqual([
      'Name',
      'Mid | pipe',
      'Amount',
      'a',
      'xy',
      '',
      'b',
      '',
      '',
    ]);
    expect(cells()[1]?.getAttribute('align')).toBe('center');
    expect(grid()?.querySelectorAll('td br')).toHaveLength(1);
    expect(view.contentDOM.textContent).not.toContain('|:-----|');
  });

  it('shows the raw table when clicked', () => {
    view = new EditorView({
      parent: document.body,
      state: fullyParsed(
        EditorState.create({
          doc: NOTE,
          extensions: [noteMarkdown(), tables(new RenderedMarkdown(undefined, {}))],
        }),
      ),
    });
    view.dom.querySelector('.cm-lp-table')?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }));
    expect(view.state.selection.main.head).toBe(NOTE.indexOf('| Name'));
    expect(view.dom.querySelector('.cm-lp-table')).toBeNull();
    expect(view.contentDOM.textContent).toContain('|:-----|:---:|------:|');
  });
});
