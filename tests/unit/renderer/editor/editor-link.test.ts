import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { externalLinkAt, linkAt, linksIn } from '../../../../renderer/src/editor/editor-link';
import { wikiLinkSyntax } from '../../../../renderer/src/editor/wiki-link-syntax';

function stateOf(doc: string): EditorState {
  return EditorState.create({ doc, extensions: markdown({ base: markdownLanguage, extensions: [wikiLinkSyntax] }) });
}

/** The link at the `¦` marker (which is removed from the text). */
function at(marked: string) {
  const pos = marked.indexOf('¦');
  return linkAt(stateOf(marked.replace('¦', '')), pos);
}

describe('linkAt', () => {
  it('reads a wiki link, trimming target, heading and alias', () => {
    const doc = 'See [[ slug # Part one | The Title ]] here.';
    expect(linkAt(stateOf(doc), 8)).toEqual({
      from: 4,
      to: 37,
      style: 'wiki',
      embed: false,
      target: 'slug',
      heading: 'Part one',
      block: null,
      alias: 'The Title',
    });
  });

  it('reads embeds, nested headings, block ids and same-note links', () => {
    expect(at('![[pic¦ture.png]]')).toMatchObject({ embed: true, target: 'picture.png', from: 0, to: 16 });
    expect(at('[[a#h1#h2¦]]')).toMatchObject({ target: 'a', heading: 'h1#h2', block: null });
    expect(at('[[a#^bl¦ock1]]')).toMatchObject({ target: 'a', heading: null, block: 'block1' });
    expect(at('[[#Sec¦tion]]')).toMatchObject({ target: '', heading: 'Section' });
    expect(at('[[a\\|b¦]]')).toMatchObject({ target: 'a', alias: 'b' });
  });

  it('finds the link from either edge', () => {
    const state = stateOf('x [[a]] y');
    expect(linkAt(state, 2)?.target).toBe('a');
    expect(linkAt(state, 7)?.target).toBe('a');
    expect(linkAt(state, 1)).toBeNull();
    expect(linkAt(state, 8)).toBeNull();
  });

  it('reads markdown links to notes, URL-decoded, with their text as alias', () => {
    expect(at('[My ¦note](folder/my%20note.md#Some%20heading)')).toEqual({
      from: 0,
      to: 45,
      style: 'markdown',
      embed: false,
      target: 'folder/my note.md',
      heading: 'Some heading',
      block: null,
      alias: 'My note',
    });
    expect(at('![alt](im¦g.png)')).toMatchObject({ embed: true, target: 'img.png', alias: 'alt' });
    expect(at('[x](<my no¦te.md>)')).toMatchObject({ target: 'my note.md' });
  });

  it('does not see links in code spans, code blocks, escapes, or empty wiki links', () => {
    expect(at('`[[not ¦a link]]`')).toBeNull();
    expect(at('```\n[[not ¦a link]]\n```')).toBeNull();
    expect(at('    [[indented ¦code]]')).toBeNull();
    expect(at('\\[[not ¦a link]]')).toBeNull();
    expect(at('[[ ¦ ]]')).toBeNull();
    expect(at('[[a\n¦b]]')).toBeNull();
    expect(at('[anchor](#sec¦tion)')).toBeNull();
  });

  it('keeps external URLs apart from note links', () => {
    const state = stateOf('[site](https://example.com) and <mailto:a@b.c> and https://bare.example.org');
    expect(linkAt(state, 3)).toBeNull();
    expect(externalLinkAt(state, 3)).toEqual({ from: 0, to: 27, url: 'https://example.com' });
    expect(externalLinkAt(state, 35)?.url).toBe('mailto:a@b.c');
    expect(externalLinkAt(state, 60)?.url).toBe('https://bare.example.org');
  });
});

describe('linksIn', () => {
  it('lists note and external links in document order, skipping code', () => {
    const state = stateOf('[[a]] `[[b]]` [c](c.md) [d](http://d.example)\n\n```\n[[e]]\n```\n![[f|F]]');
    expect(
      linksIn(state, 0, state.doc.length).map((l) => [l.kind, 'target' in l.link ? l.link.target : l.link.url]),
    ).toEqual([
      ['note', 'a'],
      ['note', 'c.md'],
      ['external', 'http://d.example'],
      ['note', 'f'],
    ]);
  });
});
