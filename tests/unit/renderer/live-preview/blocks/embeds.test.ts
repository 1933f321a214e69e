// @vitest-environment happy-dom
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noteMarkdown } from '../../../../../renderer/src/editor/note-editor';
import type {
  EmbedTarget,
  LivePreviewBlockOptions,
  RenderEmbed,
} from '../../../../../renderer/src/live-preview/blocks/block-options';
import { embedOf, embeds, refreshEmbeds } from '../../../../../renderer/src/live-preview/blocks/embeds';

/** The state with its syntax tree parsed to the end (the first parse is time-boxed: a busy machine stops it early). */
function fullyParsed(state: EditorState): EditorState {
  ensureSyntaxTree(state, state.doc.length, 10_000);
  return state.update({}).state;
}

/** The embed each WikiLink/Image node of `doc` writes. */
function parsed(doc: string): (EmbedTarget | null)[] {
  const state = fullyParsed(EditorState.create({ doc, extensions: noteMarkdown() }));
  const out: (EmbedTarget | null)[] = [];
  syntaxTree(state).iterate({
    enter: (node) => {
      if (node.name === 'WikiLink' || node.name === 'Image') out.push(embedOf(state, node.node));
    },
  });
  return out;
}

describe('embedOf', () => {
  it('reads note, section, sized image and markdown image embeds; not links nor remote images', () => {
    expect(
      parsed('![[note]] ![[note#Part two]] ![[pics/img.png|200]] ![[img.png|200x100]] ![[a.jpg|A cat]]'),
    ).toMatchObject([
      { source: '![[note]]', target: 'note', headings: [], kind: 'note', width: null },
      { target: 'note', headings: ['Part two'], kind: 'note' },
      { target: 'pics/img.png', kind: 'image', width: 200, height: null },
      { target: 'img.png', kind: 'image', width: 200, height: 100 },
      { target: 'a.jpg', kind: 'image', width: null, label: 'A cat' },
    ]);
    expect(parsed('![a photo](my%20pics/p.png) ![x](https://x.example/p.png) [[link]]')).toMatchObject([
      { source: '![a photo](my%20pics/p.png)', target: 'my pics/p.png', kind: 'image', label: 'a photo' },
      null,
      null,
    ]);
  });
});

describe('embeds (in an editor)', () => {
  let view: EditorView;
  afterEach(() => view.destroy());

  const NOTE = [
    'Intro',
    '',
    '![[Other note#Part]]',
    '',
    'Text with ![[icon.png|16]] inline.',
    '',
    '![[Missing]]',
    '',
    'end',
  ].join('\n');

  function open(
    renderEmbed: RenderEmbed,
    cursor = NOTE.length,
    imageUrl?: (target: string) => string | null,
    onFollow?: LivePreviewBlockOptions['onFollow'],
  ) {
    view = new EditorView({
      parent: document.body,
      state: fullyParsed(
        EditorState.create({
          doc: NOTE,
          selection: { anchor: cursor },
          extensions: [
            noteMarkdown(),
            embeds({ renderEmbed, ...(imageUrl ? { imageUrl } : {}), ...(onFollow ? { onFollow } : {}) }),
          ],
        }),
      ),
    });
  }

  const fake = () =>
    vi.fn<RenderEmbed>((embed) =>
      embed.target === 'Missing'
        ? Promise.reject(new Error('Embed Missing: not found'))
        : Promise.resolve(`<div class="markdown-embed"><p>${embed.target} rendered</p></div>`),
    );

  it('draws a block embed on its own line and an inline one in its line, each rendered once', async () => {
    const render = fake();
    open(render);
    const block = view.dom.querySelector<HTMLElement>('div.cm-lp-embed[data-target="Other note"]');
    const inline = view.dom.querySelector<HTMLElement>('.cm-line span.cm-lp-embed-inline');
    expect(block).not.toBeNull();
    expect(inline?.dataset.target).toBe('icon.png');
    await vi.waitFor(() => expect(block?.querySelector('.markdown-embed p')?.textContent).toBe('Other note rendered'));
    expect(render.mock.calls.map(([embed]) => embed.source).sort()).toEqual([
      '![[Missing]]',
      '![[Other note#Part]]',
      '![[icon.png|16]]',
    ]);

    // Typing, moving and drawing again (revealing then hiding a block) render nothing again.
    view.dispatch({ changes: { from: 0, insert: 'Big ' } });
    view.dispatch({ selection: { anchor: view.state.doc.toString().indexOf('Other note') } });
    expect(view.dom.querySelector('div.cm-lp-embed[data-target="Other note"]')).toBeNull();
    view.dispatch({ selection: { anchor: view.state.doc.length } });
    const again = view.dom.querySelector<HTMLElement>('div.cm-lp-embed[data-target="Other note"]');
    expect(again?.querySelector('.markdown-embed p')?.textContent).toBe('Other note rendered');
    expect(render).toHaveBeenCalledTimes(3);

    // Refreshing renders again.
    view.dispatch({ effects: refreshEmbeds.of(null) });
    expect(render).toHaveBeenCalledTimes(6);
  });

  it('opens a note embed’s note from its button (its section too; Ctrl/Cmd: a new tab)', async () => {
    const onFollow = vi.fn();
    open(fake(), NOTE.length, undefined, onFollow);
    const button = view.dom.querySelector<HTMLButtonElement>(
      'div.cm-lp-embed[data-target="Other note"] .cm-lp-embed-open',
    );
    expect(button?.getAttribute('aria-label')).toBe('Open Other note');
    button?.dispatchEvent(new MouseEvent('click', { bubbles: true, ctrlKey: true }));
    expect(onFollow).toHaveBeenCalledWith('Other note', { heading: 'Part', block: null, newTab: true });
    // Rendering fills the embed's body and keeps the button.
    await vi.waitFor(() => expect(button?.parentElement?.querySelector('.markdown-embed p')).not.toBeNull());
    expect(button?.isConnected).toBe(true);
  });

  it('shows why an embed could not be rendered', async () => {
    open(fake());
    await vi.waitFor(() =>
      expect(view.dom.querySelector('div.cm-lp-embed[data-target="Missing"] .cm-lp-error')?.textContent).toBe(
        'Embed Missing: not found',
      ),
    );
  });

  it('shows the source where the cursor is', () => {
    open(fake(), NOTE.indexOf('icon'));
    expect(view.dom.querySelector('.cm-lp-embed-inline')).toBeNull();
    expect(view.contentDOM.textContent).toContain('![[icon.png|16]]');
    expect(view.dom.querySelectorAll('div.cm-lp-embed')).toHaveLength(2);
  });

  it('draws images from imageUrl with their size, without renderEmbed', () => {
    const render = fake();
    open(render, 0, (target) => (target === 'icon.png' ? `/vault-file/${target}` : null));
    const image = view.dom.querySelector<HTMLImageElement>('img.cm-lp-image');
    expect(image?.getAttribute('src')).toBe('/vault-file/icon.png');
    expect(image?.width).toBe(16);
    expect(render.mock.calls.map(([embed]) => embed.target)).not.toContain('icon.png');
  });

  it('inserts a rendered element as a copy, so each drawing has its own', async () => {
    const element = document.createElement('figure');
    element.textContent = 'an element';
    open(() => Promise.resolve(element));
    await vi.waitFor(() => expect(view.dom.querySelectorAll('figure')).toHaveLength(3));
  });
});
