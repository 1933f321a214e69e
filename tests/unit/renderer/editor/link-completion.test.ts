import { CompletionContext, type Completion, type CompletionResult } from '@codemirror/autocomplete';
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { EditorState, type TransactionSpec } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { describe, expect, it, vi } from 'vitest';
import type { NoteSuggestion } from '../../../../shared/api';
import {
  linkCompletionSource,
  linkContextAt,
  type LinkCompletionSource,
} from '../../../../renderer/src/editor/link-completion';
import { wikiLinkSyntax } from '../../../../renderer/src/editor/wiki-link-syntax';

/** A state with the cursor at `¦`. */
function stateAt(marked: string): EditorState {
  const pos = marked.indexOf('¦');
  return EditorState.create({
    doc: marked.replace('¦', ''),
    selection: { anchor: pos },
    extensions: markdown({ base: markdownLanguage, extensions: [wikiLinkSyntax] }),
  });
}

function suggestion(
  path: string,
  kind: NoteSuggestion['matched']['kind'],
  text: string,
  title?: string,
): NoteSuggestion {
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const name = path.slice(path.lastIndexOf('/') + 1, -3);
  return { path, title: title ?? name, folder, matched: { kind, text }, ranges: [[0, 1]], score: 1 };
}

function fakeSource(more: Partial<LinkCompletionSource> = {}): LinkCompletionSource {
  return {
    suggest: vi.fn(() =>
      Promise.resolve([
        suggestion('people/al-1815.md', 'title', 'Ada Lovelace', 'Ada Lovelace'),
        suggestion('people/ada.md', 'name', 'ada'),
        suggestion('notes/20240101.md', 'alias', 'Adages', 'Sayings'),
        suggestion('adventures.md', 'name', 'adventures'),
        suggestion('adamant.md', 'name', 'adamant', 'Adamant Facts'),
      ]),
    ),
    headings: vi.fn((target: string | null) => Promise.resolve(target ? ['Intro', 'Early life'] : ['This note'])),
    blocks: vi.fn(() => Promise.resolve(['abc123', 'def456'])),
    currentPath: () => 'here.md',
    ...more,
  };
}

async function complete(
  marked: string,
  source = fakeSource(),
): Promise<{ state: EditorState; result: CompletionResult | null }> {
  const state = stateAt(marked);
  const result = await linkCompletionSource(source)(new CompletionContext(state, state.selection.main.head, false));
  return { state, result };
}

/** Applies an option the way the editor would, returning the new text with `¦` at the cursor. */
function pick(state: EditorState, result: CompletionResult, option: Completion): string {
  let next = state;
  const view = {
    get state() {
      return next;
    },
    dispatch: (spec: TransactionSpec) => {
      next = next.update(spec).state;
    },
  } as unknown as EditorView;
  const apply = option.apply;
  if (typeof apply !== 'function') throw new Error('expected an apply function');
  apply(view, option, result.from, state.selection.main.head);
  const head = next.selection.main.head;
  return next.doc.sliceString(0, head) + '¦' + next.doc.sliceString(head);
}

describe('linkContextAt', () => {
  it('recognises note, heading and block positions inside an unclosed [[', () => {
    const at = (marked: string) => {
      const state = stateAt(marked);
      return linkContextAt(state, state.selection.main.head);
    };
    expect(at('See [[Ada L¦')).toEqual({ kind: 'note', from: 6, query: 'Ada L' });
    expect(at('![[¦')).toEqual({ kind: 'note', from: 3, query: '' });
    expect(at('[[Ada#Ear¦')).toEqual({ kind: 'heading', from: 6, target: 'Ada' });
    expect(at('[[#¦')).toEqual({ kind: 'heading', from: 3, target: null });
    expect(at('[[Ada#^ab¦')).toEqual({ kind: 'block', from: 7, target: 'Ada' });
    expect(at('[[Ada#Intro#^¦')).toEqual({ kind: 'block', from: 13, target: 'Ada' });
  });

  it('stays out of aliases, closed links, escapes and code', () => {
    const at = (marked: string) => {
      const state = stateAt(marked);
      return linkContextAt(state, state.selection.main.head);
    };
    expect(at('[[Ada|Countess¦')).toBeNull();
    expect(at('[[Ada]] and ¦')).toBeNull();
    expect(at('\\[[Ada¦')).toBeNull();
    expect(at('`[[Ada¦`')).toBeNull();
    expect(at('```\n[[Ada¦\n```')).toBeNull();
    expect(at('no link here¦')).toBeNull();
  });
});

describe('linkCompletionSource', () => {
  it('offers notes with title and folder, in the engine’s order, then "create" when nothing matches exactly', async () => {
    const source = fakeSource();
    const { result } = await complete('[[Ad¦', source);
    expect(source.suggest).toHaveBeenCalledWith('Ad');
    expect(result?.filter).toBe(false);
    // A note in the vault's root shows no folder (no stray "/").
    expect(result?.options.map((o) => [o.label, o.detail])).toEqual([
      ['Ada Lovelace', 'people'],
      ['ada', 'people'],
      ['Adages', 'Sayings · notes'],
      ['adventures', undefined],
      ['adamant', 'Adamant Facts'],
      ['Ad', undefined],
    ]);
    expect(result?.options[5]?.displayLabel).toBe('Create link to new note ‘Ad’');
    expect(result?.getMatch?.(result.options[0] as Completion)).toEqual([0, 1]);
  });

  it('offers no "create" option when a name, title or alias matches exactly', async () => {
    const { result } = await complete('[[ada¦');
    expect(result?.options.some((o) => o.type === 'create')).toBe(false);
  });

  it('inserts [[file-name|Title]] for a title or alias, [[file-name]] for a file name, and closes the link once', async () => {
    const { state, result } = await complete('See [[Ad¦ now');
    const [title, name, alias, rootName, titled, create] = result!.options as Completion[];
    expect(pick(state, result!, title!)).toBe('See [[al-1815|Ada Lovelace]]¦ now');
    expect(pick(state, result!, name!)).toBe('See [[ada]]¦ now');
    expect(pick(state, result!, alias!)).toBe('See [[20240101|Adages]]¦ now');
    expect(pick(state, result!, rootName!)).toBe('See [[adventures]]¦ now');
    // Its title did not match: the file name alone, not [[adamant|Adamant Facts]].
    expect(pick(state, result!, titled!)).toBe('See [[adamant]]¦ now');
    expect(pick(state, result!, create!)).toBe('See [[Ad]]¦ now');

    const closed = await complete('See [[Ad¦]] now');
    expect(pick(closed.state, closed.result!, closed.result!.options[1]!)).toBe('See [[ada]]¦ now');
    const inside = await complete('See [[A¦dxx]] now');
    expect(pick(inside.state, inside.result!, inside.result!.options[1]!)).toBe('See [[ada]]¦ now');
  });

  it('writes the name the typed text matched when the engine offers a title as good as the file name', async () => {
    // The engine's answer for a note whose file name and title both match (it shows the title).
    const nets = (query: string) =>
      complete(
        `[[${query}¦`,
        fakeSource({
          suggest: () =>
            Promise.resolve([suggestion('ml/neural-nets.md', 'title', 'Neural Networks', 'Neural Networks')]),
        }),
      );
    const picked = async (query: string) => {
      const { state, result } = await nets(query);
      const option = result!.options[0]!;
      return { label: option.label, detail: option.detail, text: pick(state, result!, option) };
    };
    // Typed as the file name is written (the engine folds `-` to a space, so the title matched as well).
    expect(await picked('neural-n')).toEqual({
      label: 'neural-nets',
      detail: 'Neural Networks · ml',
      text: '[[neural-nets]]¦',
    });
    // In both names as typed: the file name, as Obsidian writes it, its title beside it.
    expect((await picked('neu')).text).toBe('[[neural-nets]]¦');
    // Only in the title as typed, or only the title matches: the title, as the link's text.
    expect(await picked('Neural N')).toEqual({
      label: 'Neural Networks',
      detail: 'ml',
      text: '[[neural-nets|Neural Networks]]¦',
    });
    expect((await picked('netw')).text).toBe('[[neural-nets|Neural Networks]]¦');
    // The highlighted letters are those of the name shown.
    const { result } = await nets('neural-n');
    expect(result?.getMatch?.(result.options[0]!)).toEqual([0, 8]);
  });

  it('escapes the alias pipe inside a table row, where a bare | would end the cell', async () => {
    const { state, result } = await complete('| who | note |\n| --- | --- |\n| x | [[Ad¦ |');
    expect(pick(state, result!, result!.options[0]!)).toBe(
      '| who | note |\n| --- | --- |\n| x | [[al-1815\\|Ada Lovelace]]¦ |',
    );
    expect(pick(state, result!, result!.options[1]!)).toBe('| who | note |\n| --- | --- |\n| x | [[ada]]¦ |');
  });

  it('uses the app’s link target when it gives one', async () => {
    const { state, result } = await complete('[[a¦', fakeSource({ linkTarget: (path) => path.replace(/\.md$/, '') }));
    expect(pick(state, result!, result!.options[1]!)).toBe('[[people/ada]]¦');
  });

  it('offers the target’s headings after #, the current note’s after [[#, block ids after #^', async () => {
    const source = fakeSource();
    const headings = await complete('[[Ada#Ea¦', source);
    expect(source.headings).toHaveBeenCalledWith('Ada');
    expect(headings.result?.from).toBe(6);
    expect(headings.result?.options.map((o) => o.label)).toEqual(['Intro', 'Early life']);
    expect(pick(headings.state, headings.result!, headings.result!.options[1]!)).toBe('[[Ada#Early life]]¦');

    const own = await complete('[[#¦', source);
    expect(source.headings).toHaveBeenLastCalledWith(null);
    expect(own.result?.options.map((o) => o.label)).toEqual(['This note']);

    const blocks = await complete('[[Ada#^¦]]', source);
    expect(source.blocks).toHaveBeenCalledWith('Ada');
    expect(pick(blocks.state, blocks.result!, blocks.result!.options[0]!)).toBe('[[Ada#^abc123]]¦');
  });

  it('drops a response that arrives after a newer request started', async () => {
    const resolvers: ((value: NoteSuggestion[]) => void)[] = [];
    const source = fakeSource({ suggest: () => new Promise((resolve) => resolvers.push(resolve)) });
    const complete = linkCompletionSource(source);
    const first = stateAt('[[a¦');
    const second = stateAt('[[ab¦');
    const older = complete(new CompletionContext(first, 3, false));
    const newer = complete(new CompletionContext(second, 4, false));
    resolvers[1]!([suggestion('ab.md', 'name', 'ab')]);
    resolvers[0]!([suggestion('a.md', 'name', 'a')]);
    expect(await older).toBeNull();
    expect((await newer)?.options[0]?.label).toBe('ab');
  });

  it('does nothing outside a link', async () => {
    const source = fakeSource();
    expect((await complete('plain text¦', source)).result).toBeNull();
    expect(source.suggest).not.toHaveBeenCalled();
  });
});
