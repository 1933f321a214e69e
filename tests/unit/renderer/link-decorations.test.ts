// @vitest-environment happy-dom
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { describe, expect, it, vi } from 'vitest';
import type { EditorLink } from '../../../renderer/src/editor-link';
import {
  followLinkAtCursor,
  linkDecorations,
  linkMarks,
  refreshLinks,
  type LinkCache,
} from '../../../renderer/src/link-decorations';
import { wikiLinkSyntax } from '../../../renderer/src/wiki-link-syntax';

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
        extensions: [lang, linkDecorations({ resolve, onFollow: (link, newTab) => followed.push([link, newTab]) })],
      }),
    });
    await settle();
    expect(resolve).toHaveBeenCalledTimes(1);
    expect(resolve).toHaveBeenCalledWith(['a', 'b']);
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
