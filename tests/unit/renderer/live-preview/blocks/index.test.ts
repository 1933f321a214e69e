// @vitest-environment happy-dom
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noteMarkdown } from '../../../../../renderer/src/editor/note-editor';
import { livePreviewBlocks } from '../../../../../renderer/src/live-preview/blocks';
import { renderMarkdown } from '../../../../../renderer/src/render/render-markdown';

/** The state with its syntax tree parsed to the end (the first parse is time-boxed: a busy machine stops it early). */
function fullyParsed(state: EditorState): EditorState {
  ensureSyntaxTree(state, state.doc.length, 10_000);
  return state.update({}).state;
}

const NOTE = [
  '---',
  'title: Welcome',
  '---',
  '> [!info] About',
  '> See [[Other]].',
  '',
  '| a | b |',
  '|---|--:|',
  '| 1 | 2 |',
  '',
  '![[Other]]',
  '',
  'Area $\\pi r^2$.',
  '',
  '```js',
  'let x = 1;',
  '```',
  'last line',
].join('\n');

describe('livePreviewBlocks', () => {
  let view: EditorView;
  afterEach(() => view.destroy());

  it('draws every kind of block off the cursor, and links in them follow', async () => {
    const onFollow = vi.fn();
    const renderEmbed = vi.fn(() => Promise.resolve('<p>embedded</p>'));
    view = new EditorView({
      parent: document.body,
      state: fullyParsed(
        EditorState.create({
          doc: NOTE,
          selection: { anchor: NOTE.length },
          extensions: [
            noteMarkdown(),
            livePreviewBlocks({ renderMarkdown: (text) => renderMarkdown(text), renderEmbed, onFollow }),
          ],
        }),
      ),
    });
    for (const selector of [
      '.cm-lp-properties',
      '.cm-lp-callout',
      '.cm-lp-table',
      '.cm-lp-embed',
      '.cm-lp-math',
      '.cm-lp-code',
    ]) {
      expect(view.dom.querySelector(selector), selector).not.toBeNull();
    }
    expect(renderEmbed).toHaveBeenCalledTimes(1);
    const link = await vi.waitFor(() => {
      const found = view.dom.querySelector<HTMLElement>('.cm-lp-callout a.internal-link');
      if (!found) throw new Error('not rendered yet');
      return found;
    });
    link.click();
    expect(onFollow).toHaveBeenCalledWith('Other', expect.objectContaining({ newTab: false }));
    expect(view.state.doc.toString()).toBe(NOTE);
  });
});
