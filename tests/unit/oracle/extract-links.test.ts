import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../oracle/extract-links';
import { parseMarkdown } from '../../../shared/markdown/parse-markdown';

const links = (text: string) => extractLinks(parseMarkdown(text), text);

describe('extractLinks', () => {
  it('reports a wiki link with its source, offsets and line', () => {
    const text = 'first line\nFrom: [[hubermanlab]] and ![[ slug # Part | Title ]].';
    expect(links(text)).toEqual([
      {
        raw: '[[hubermanlab]]',
        target: 'hubermanlab',
        headings: [],
        block: null,
        alias: null,
        style: 'wiki',
        embed: false,
        start: 17,
        end: 32,
        line: 2,
      },
      {
        raw: '![[ slug # Part | Title ]]',
        target: 'slug',
        headings: ['Part'],
        block: null,
        alias: 'Title',
        style: 'wiki',
        embed: true,
        start: 37,
        end: 63,
        line: 2,
      },
    ]);
  });

  it('reports markdown links to notes, URL-decoded, with heading and block split off', () => {
    const text = '[Text](folder/My%20note.md#Some%20heading) ![pic](img/a%20b.png) [b](x.md#^blk) [e](<with space.md>)';
    expect(
      links(text).map(({ target, headings, block, alias, style, embed }) => ({
        target,
        headings,
        block,
        alias,
        style,
        embed,
      })),
    ).toEqual([
      {
        target: 'folder/My note.md',
        headings: ['Some heading'],
        block: null,
        alias: 'Text',
        style: 'markdown',
        embed: false,
      },
      { target: 'img/a b.png', headings: [], block: null, alias: 'pic', style: 'markdown', embed: true },
      { target: 'x.md', headings: [], block: 'blk', alias: 'b', style: 'markdown', embed: false },
      { target: 'with space.md', headings: [], block: null, alias: 'e', style: 'markdown', embed: false },
    ]);
    expect(links(text)[0]?.raw).toBe('[Text](folder/My%20note.md#Some%20heading)');
  });

  it('skips URLs with a scheme, bare anchors and empty URLs', () => {
    expect(
      links(
        '[a](https://x.org/n.md) [b](mailto:x@y.z) [c](#heading) [d](obsidian://open?x) [e]() [f](//cdn.x.org/f.md) [g](C:/x.md) <https://x.org> www.x.org',
      ),
    ).toEqual([]);
  });

  it('keeps an empty markdown link text as no alias, and invalid percent-encoding as written', () => {
    expect(links('[](a.md) [x](100%.md)').map(({ target, alias }) => [target, alias])).toEqual([
      ['a.md', null],
      ['100%.md', 'x'],
    ]);
  });

  it('ignores links in code, HTML, comments and escapes', () => {
    expect(
      links(
        '`[[a]]` \\[[b]] %% [[c]] %% <!-- [[d]] -->\n\n```\n[[e]] [f](f.md)\n```\n\n    [[g]]\n\n<div>\n[[h]]\n</div>\n',
      ),
    ).toEqual([]);
  });

  it('finds links in tables, lists, blockquotes and headings, in document order', () => {
    const text = '# [[h]]\n\n> [[q]]\n\n- [l](l.md)\n\n| [[t\\|T]] | x |\n| - | - |\n';
    expect(links(text).map(({ target, alias, line }) => [target, alias, line])).toEqual([
      ['h', null, 1],
      ['q', null, 3],
      ['l.md', 'l', 5],
      ['t', 'T', 7],
    ]);
  });
});
