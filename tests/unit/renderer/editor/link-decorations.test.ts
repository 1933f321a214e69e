// @vitest-environment happy-dom
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { describe, expect, it, vi } from 'vitest';
import type { EditorLink } from '../../../../renderer/src/editor/editor-link';
import {
  followLinkAtCursor,
  linkDecorations,
  linkMarks,
  refreshLinks,
  type LinkCache,
} from '../../../../renderer/src/editor/link-decorations';
import { noteMarkdown } from '../../../../renderer/src/editor/note-editor';
import { notePath, setNotePath } from '../../../../renderer/src/editor/note-path';
import { wikiLinkSyntax } from '../../../../renderer/src/editor/wiki-link-syntax';
import { linkNote } from '../../../helpers/link-note';

const lang = markdown({ base: markdownLanguage, extensions: [wikiLinkSyntax] });
const DOC = '[[a]] [[#top]] [[missing|M]] `[[code]]` [b](b.md) [web](https://x.example)';

function classes(state: EditorState, cache: LinkCache): [string, string][] {
  const { decorations } = linkMarks(state, [{ from: 0, to: state.doc.length }], cache);
  const out: [string, string][] = [];
  decorations.between(0, state.doc.length, (from, to, deco) => {
    out.push([state.sliceDoc(from, to), String((deco.spec as { class?: string }).class)]);
  });
  return out;
}

describe('linkMarks', () => {
  it('marks resolved, unresolved, not-yet-known and external links, never code', () => {
    const state = EditorState.create({ doc: DOC, extensions: lang });
    const cache: LinkCache = new Map([
      ['a', 'a.md'],
      ['missing', null],
    ]);
    expect(classes(state, cache)).toEqual([
      ['[[a]]', 'cm-link cm-link-wiki cm-link-resolved'],
      ['[[#top]]', 'cm-link cm-link-wiki cm-link-resolved'],
      ['[[missing|M]]', 'cm-link cm-link-wiki cm-link-unresolved'],
      ['[b](b.md)', 'cm-link cm-link-md'],
      ['[web](https://x.example)', 'cm-link cm-link-external'],
    ]);
    expect(linkMarks(state, [{ from: 0, to: state.doc.length }], cache).missing).toEqual(['b.md']);
  });
});

describe('linkDecorations', () => {
  async function settle() {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  }

  it('resolves the targets in view in one batch, re-resolves on refreshLinks, and follows links', async () => {
    let answer: string | null = 'a.md';
    const resolve = vi.fn((targets: string[]) => Promise.resolve(targets.map(() => answer)));
    const followed: [EditorLink, boolean][] = [];
    const view = new EditorView({
      parent: document.body,
      state: EditorState.create({
        doc: '[[a]] and [[b]]',
        selection: { anchor: 2 },
        extensions: [
          lang,
          notePath.init(() => 'here.md'),
          linkDecorations({ resolve, onFollow: (link, newTab) => followed.push([link, newTab]) }),
        ],
      }),
    });
    await settle();
    expect(resolve).toHaveBeenCalledTimes(1);
    expect(resolve).toHaveBeenCalledWith(['a', 'b'], 'here.md');
    expect(view.contentDOM.querySelectorAll('.cm-link-resolved')).toHaveLength(2);

    answer = null;
    view.dispatch({ effects: refreshLinks.of(null) });
    await settle();
    expect(resolve).toHaveBeenCalledTimes(2);
    expect(view.contentDOM.querySelectorAll('.cm-link-unresolved')).toHaveLength(2);

    expect(followLinkAtCursor(view)).toBe(true);
    expect(followed[0]?.[0]).toMatchObject({ target: 'a', style: 'wiki' });
    expect(followed[0]?.[1]).toBe(false);
    view.destroy();
  });
});

describe('linkDecorations and the note the state holds', () => {
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  /** Resolves from `from`: a target leads somewhere only from inside `docs/`. */
  const fromDocs = vi.fn((targets: string[], from: string) =>
    Promise.resolve(targets.map((t) => (from.startsWith('docs/') ? `docs/${t}.md` : null))),
  );

  it('resolves from the path the state was made with, however the app orders opening it', async () => {
    fromDocs.mockClear();
    // The state is made with its path and handed to the view: no window-wide "current note" is read.
    const view = new EditorView({
      parent: document.body,
      state: EditorState.create({
        doc: '[[guide]]',
        extensions: [lang, notePath.init(() => 'docs/start.md'), linkDecorations({ resolve: fromDocs, onFollow() {} })],
      }),
    });
    await settle();
    expect(fromDocs).toHaveBeenCalledWith(['guide'], 'docs/start.md');
    expect(view.contentDOM.querySelectorAll('.cm-link-resolved')).toHaveLength(1);

    // Moved out of docs/: asked again from the new place; the old answer is not kept.
    view.dispatch({ effects: setNotePath.of('elsewhere/start.md') });
    await settle();
    expect(fromDocs).toHaveBeenLastCalledWith(['guide'], 'elsewhere/start.md');
    expect(view.contentDOM.querySelectorAll('.cm-link-unresolved')).toHaveLength(1);
    view.destroy();
  });

  it('asks nothing for a state that holds no note, and marks nothing unresolved there', async () => {
    fromDocs.mockClear();
    const view = new EditorView({
      parent: document.body,
      state: EditorState.create({
        doc: '[[guide]]',
        extensions: [lang, linkDecorations({ resolve: fromDocs, onFollow() {} })],
      }),
    });
    await settle();
    expect(fromDocs).not.toHaveBeenCalled();
    expect(view.contentDOM.querySelectorAll('.cm-link-unresolved')).toHaveLength(0);
    // Given its note later, it resolves from it.
    view.dispatch({ effects: setNotePath.of('docs/late.md') });
    await settle();
    expect(fromDocs).toHaveBeenCalledWith(['guide'], 'docs/late.md');
    expect(view.contentDOM.querySelectorAll('.cm-link-resolved')).toHaveLength(1);
    view.destroy();
  });
});

describe('linkDecorations in a note of 40k links', () => {
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };

  /** Lines (not links) the visible ranges hold: the bound for what may be decorated. */
  const visibleLines = (view: EditorView) =>
    view.visibleRanges.reduce(
      (sum, r) => sum + view.state.doc.lineAt(r.to).number - view.state.doc.lineAt(r.from).number + 1,
      0,
    );

  it('decorates and resolves the links in view only, and the new ones after scrolling', async () => {
    const links = 40_000;
    const resolve = vi.fn((targets: string[]) =>
      Promise.resolve(targets.map((t) => (Number(t.slice(1, -3)) % 2 === 0 ? `${t}` : null))),
    );
    const view = new EditorView({
      parent: document.body,
      state: EditorState.create({
        doc: linkNote(links),
        extensions: [noteMarkdown(), notePath.init(() => 'big.md'), linkDecorations({ resolve, onFollow() {} })],
      }),
    });
    await settle();
    const asked = () => resolve.mock.calls.flatMap(([targets]) => targets);
    const drawn = () => view.contentDOM.querySelectorAll('.cm-link');
    const bound = visibleLines(view);
    expect(bound).toBeLessThan(links / 10);
    expect(drawn().length).toBeGreaterThan(0);
    expect(drawn().length).toBeLessThanOrEqual(bound);
    expect(asked().length).toBeLessThanOrEqual(bound);
    expect(asked()).toContain('n0.md');
    expect(asked()).not.toContain(`n${links - 1}.md`);
    expect(view.contentDOM.querySelector('.cm-link-resolved')?.textContent).toBe('[t](n0.md)');
    expect(view.contentDOM.querySelector('.cm-link-unresolved')?.textContent).toBe('[t](n1.md)');

    // Scrolling to the end brings the last links into view: they are decorated and resolved.
    // (The parse reaches the end in the background, as in the app.)
    view.dispatch({ effects: EditorView.scrollIntoView(view.state.doc.length, { y: 'end' }) });
    await vi.waitFor(() => expect(asked()).toContain(`n${links - 1}.md`), { timeout: 10_000 });
    await settle();
    expect(asked().length).toBeLessThanOrEqual(bound + visibleLines(view));
    const last = [...drawn()].at(-1);
    expect(last?.textContent).toBe(`[t](n${links - 1}.md)`);
    expect(last?.classList.contains('cm-link-unresolved')).toBe(true);
    expect(drawn().length).toBeLessThanOrEqual(visibleLines(view));
    view.destroy();
  });
});
