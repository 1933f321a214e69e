// @vitest-environment happy-dom
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorSelection, EditorState } from '@codemirror/state';
import { type Decoration, EditorView } from '@codemirror/view';
import { parse } from 'yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noteMarkdown } from '../../../../../renderer/src/editor/note-editor';
import { properties } from '../../../../../renderer/src/live-preview/blocks/properties';

/** The state with its syntax tree parsed to the end (the first parse is time-boxed: a busy machine stops it early). */
function fullyParsed(state: EditorState): EditorState {
  ensureSyntaxTree(state, state.doc.length, 10_000);
  return state.update({}).state;
}

const NOTE = [
  '---',
  'title: Plan # the working title',
  'tags: [work, q3]',
  'done: false',
  'parent: "[[Home]]"',
  '---',
  '# Body',
  'text',
].join('\n');
const FRONTMATTER_END = NOTE.indexOf('# Body') - 1;

/** The decorations the state's fields provide: [covered text, widget class]. */
function drawn(state: EditorState): [string, string][] {
  const out: [string, string][] = [];
  for (const source of state.facet(EditorView.decorations)) {
    if (typeof source === 'function') continue;
    source.between(0, state.doc.length, (from, to, deco: Decoration) => {
      out.push([state.sliceDoc(from, to), (deco.spec as { widget?: object }).widget?.constructor.name ?? '']);
    });
  }
  return out;
}

function stateOf(doc: string, cursor: number) {
  return fullyParsed(
    EditorState.create({ doc, selection: { anchor: cursor }, extensions: [noteMarkdown(), properties()] }),
  );
}

describe('properties (decorations)', () => {
  it('replaces the frontmatter by the Properties widget off the cursor, and shows it raw on it', () => {
    expect(drawn(stateOf(NOTE, NOTE.length))).toEqual([[NOTE.slice(0, FRONTMATTER_END), 'PropertiesWidget']]);
    expect(drawn(stateOf(NOTE, 5))).toEqual([]);
    // The cursor just past the closing fence still touches it; the next line does not.
    expect(drawn(stateOf(NOTE, FRONTMATTER_END))).toEqual([]);
    expect(drawn(stateOf(NOTE, FRONTMATTER_END + 1))).toHaveLength(1);
  });

  it('redraws only when the selection crosses the block edge', () => {
    let state = stateOf(NOTE, NOTE.length);
    const before = drawn(state);
    const first = state.facet(EditorView.decorations);
    state = state.update({ selection: { anchor: NOTE.length - 2 } }).state;
    expect(state.facet(EditorView.decorations)[0]).toBe(first[0]);
    expect(drawn(state)).toEqual(before);
    state = state.update({ selection: EditorSelection.range(NOTE.length, 3) }).state;
    expect(drawn(state)).toEqual([]);
  });

  it('leaves bad YAML as source with its error under it, even on the cursor; an unclosed block as source', () => {
    const bad = '---\ntitle: [oops\n---\ntext';
    for (const cursor of [bad.length, 5]) {
      const decos = drawn(stateOf(bad, cursor));
      expect(decos).toEqual([['', 'YamlErrorWidget']]);
    }
    expect(drawn(stateOf('---\ntitle: x\nno end', 16))).toEqual([]);
  });
});

describe('properties (in an editor)', () => {
  let view: EditorView;
  afterEach(() => view.destroy());

  function open(doc: string, onFollow = vi.fn()) {
    view = new EditorView({
      parent: document.body,
      state: fullyParsed(
        EditorState.create({
          doc,
          selection: { anchor: doc.length },
          extensions: [noteMarkdown(), properties({ onFollow })],
        }),
      ),
    });
    return onFollow;
  }

  const row = (key: string) => view.dom.querySelector<HTMLElement>(`.cm-lp-property[data-key="${key}"]`);

  it('shows a typed row per key', () => {
    open(NOTE);
    const rows = [...view.dom.querySelectorAll<HTMLElement>('.cm-lp-property')];
    expect(rows.map((r) => [r.dataset.key, r.dataset.type])).toEqual([
      ['title', 'text'],
      ['tags', 'list'],
      ['done', 'checkbox'],
      ['parent', 'link'],
    ]);
    expect([...(row('tags')?.querySelectorAll('.cm-lp-chip-text') ?? [])].map((c) => c.textContent)).toEqual([
      'work',
      'q3',
    ]);
    expect(view.contentDOM.textContent).not.toContain('title: Plan');
  });

  it('writes an edited text value back as valid YAML that keeps the comment', () => {
    open(NOTE);
    const input = row('title')?.querySelector<HTMLInputElement>('.cm-lp-property-value input');
    if (!input) throw new Error('no input');
    input.value = 'Plan: phase #2';
    input.dispatchEvent(new Event('change'));
    const doc = view.state.doc.toString();
    const yaml = doc.slice(4, doc.indexOf('\n---\n'));
    expect(parse(yaml)).toEqual({ title: 'Plan: phase #2', tags: ['work', 'q3'], done: false, parent: '[[Home]]' });
    expect(doc).toContain('# the working title');
    expect(doc.endsWith('---\n# Body\ntext')).toBe(true);
  });

  it('toggles a checkbox, removes and adds list items', () => {
    open(NOTE);
    const box = row('done')?.querySelector<HTMLInputElement>('input[type=checkbox]');
    if (!box) throw new Error('no checkbox');
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    expect(view.state.doc.toString()).toContain('done: true\n');
    row('tags')?.querySelector<HTMLButtonElement>('button[aria-label="Remove work"]')?.click();
    expect(view.state.doc.toString()).toContain('tags: [q3]\n');
    const add = row('tags')?.querySelector<HTMLInputElement>('.cm-lp-chip-input');
    if (!add) throw new Error('no add field');
    add.value = 'new tag';
    add.dispatchEvent(new Event('change'));
    expect(view.state.doc.toString()).toContain('tags: [q3, new tag]\n');
  });

  it('follows a link value', () => {
    const onFollow = open(NOTE);
    row('parent')?.querySelector<HTMLAnchorElement>('a')?.click();
    expect(onFollow).toHaveBeenCalledWith('Home', expect.objectContaining({ newTab: false }));
  });

  it('does not write from a widget drawn for text that has changed since (nothing is lost)', () => {
    open(NOTE);
    const stale = row('title')?.querySelector<HTMLInputElement>('.cm-lp-property-value input');
    if (!stale) throw new Error('no input');
    // Someone else changes the YAML (a merge from disk): the widget is redrawn, the old input is stale.
    view.dispatch({ changes: { from: NOTE.indexOf('Plan'), insert: 'Big ' } });
    const after = view.state.doc.toString();
    stale.value = 'Overwritten';
    stale.dispatchEvent(new Event('change'));
    expect(view.state.doc.toString()).toBe(after);
    expect(row('title')?.querySelector<HTMLInputElement>('.cm-lp-property-value input')?.value).toBe('Big Plan');
  });

  it('renames a property in place, refusing a name another property has', () => {
    open(NOTE);
    const name = row('done')?.querySelector<HTMLInputElement>('.cm-lp-property-key');
    if (!name) throw new Error('no name field');
    name.value = 'finished';
    name.dispatchEvent(new Event('change'));
    expect(view.state.doc.toString()).toContain('tags: [work, q3]\nfinished: false\nparent:');
    const again = row('finished')?.querySelector<HTMLInputElement>('.cm-lp-property-key');
    if (!again) throw new Error('no renamed row');
    const before = view.state.doc.toString();
    again.value = 'title';
    again.dispatchEvent(new Event('change'));
    expect(view.state.doc.toString()).toBe(before);
    expect(again.value).toBe('finished');
    expect(view.dom.querySelector('.cm-lp-property-error')?.textContent).toContain('“title” exists already');
  });

  it('removes a property and adds one, keeping the comment and the body', () => {
    open(NOTE);
    row('tags')?.querySelector<HTMLButtonElement>('.cm-lp-property-remove')?.click();
    expect(view.state.doc.toString()).not.toContain('tags:');
    view.dom.querySelector<HTMLButtonElement>('.cm-lp-property-add')?.click();
    const name = view.dom.querySelector<HTMLInputElement>('.cm-lp-property-new');
    if (!name) throw new Error('no new-name field');
    name.value = 'due';
    name.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    const doc = view.state.doc.toString();
    expect(parse(doc.slice(4, doc.indexOf('\n---\n')))).toEqual({
      title: 'Plan',
      done: false,
      parent: '[[Home]]',
      due: null,
    });
    expect(doc).toContain('parent: "[[Home]]"\ndue:\n---');
    expect(doc).toContain('# the working title');
    expect(doc.endsWith('---\n# Body\ntext')).toBe(true);
    expect(row('due')).toBeTruthy();
  });
});
