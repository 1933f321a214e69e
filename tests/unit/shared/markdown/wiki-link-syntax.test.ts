import fc from 'fast-check';
import type { Root, WikiLink } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../../shared/markdown/parse-markdown';
import { wikiLinkFromMarkdown } from '../../../../shared/markdown/wiki-link-mdast';
import { wikiLinkSyntax } from '../../../../shared/markdown/wiki-link-syntax';
import { walk } from '../../../../shared/markdown/walk';

function wikiLinks(tree: Root): WikiLink[] {
  const found: WikiLink[] = [];
  walk(tree, (node) => {
    if (node.type === 'wikiLink') found.push(node);
  });
  return found;
}

/** The one wiki link in `text`, without its position. */
function only(text: string): Omit<WikiLink, 'type' | 'position'> | undefined {
  const links = wikiLinks(parseMarkdown(text));
  expect(links.length).toBeLessThanOrEqual(1);
  const link = links[0];
  if (!link) return undefined;
  const { target, headings, block, alias, embed } = link;
  return { target, headings, block, alias, embed };
}

const link = (target: string, more: Partial<WikiLink> = {}) => ({
  target,
  headings: [],
  block: null,
  alias: null,
  embed: false,
  ...more,
});

describe('wikiLinkSyntax', () => {
  it.each([
    ['[[a]]', link('a')],
    ['[[a|b]]', link('a', { alias: 'b' })],
    ['[[ a | b ]]', link('a', { alias: 'b' })],
    ['[[slug | Title With Spaces]]', link('slug', { alias: 'Title With Spaces' })],
    ['[[a#h]]', link('a', { headings: ['h'] })],
    ['[[a#h1#h2]]', link('a', { headings: ['h1', 'h2'] })],
    ['[[#h]]', link('', { headings: ['h'] })],
    ['[[a#^id]]', link('a', { block: 'id' })],
    ['[[a#h#^id|x]]', link('a', { headings: ['h'], block: 'id', alias: 'x' })],
    ['![[a]]', link('a', { embed: true })],
    ['![[img.png|100]]', link('img.png', { alias: '100', embed: true })],
    ['[[a|b|c]]', link('a', { alias: 'b|c' })],
    ['[[a\\|b]]', link('a', { alias: 'b' })],
    ['[[Sq]uare]]', link('Sq]uare')],
    ['[[https://x]]', link('https://x')],
    ['[[folder/note name]]', link('folder/note name')],
    ['[[a|]]', link('a')],
    ['[[a]]]', link('a')],
    ['[[a `code` b]]', link('a `code` b')],
    ['\\![[a]]', link('a')],
  ])('%s', (text, expected) => {
    expect(only(text)).toEqual(expected);
  });

  it.each([
    ['[[]]'],
    ['[[ ]]'],
    ['[[|b]]'],
    ['[[#]]'],
    ['[[ # ^ |x]]'],
    ['[[a\nb]]'],
    ['[[a|b\nc]]'],
    ['[[a'],
    ['[[a]'],
    ['\\[[a]]'],
    ['`[[a]]`'],
    ['```\n[[a]]\n```'],
    ['    [[a]]'],
    ['[a]'],
  ])('%j is not a wiki link', (text) => {
    expect(wikiLinks(parseMarkdown(text))).toEqual([]);
  });

  it('finds `[[a\\|b]]` in a GFM table cell without splitting the cell', () => {
    const tree = parseMarkdown('| Note | Why |\n| --- | --- |\n| [[a\\|b]] | [[c]] |\n');
    expect(tree.children[0]?.type).toBe('table');
    expect(wikiLinks(tree).map(({ target, alias }) => [target, alias])).toEqual([
      ['a', 'b'],
      ['c', null],
    ]);
  });

  it('an unescaped `|` in a table cell splits the cell, as in GFM (and Obsidian)', () => {
    expect(wikiLinks(parseMarkdown('| x | y |\n| - | - |\n| [[a|b]] | z |\n'))).toEqual([]);
  });

  it('leaves markdown links, images and references alone', () => {
    const tree = parseMarkdown('[t](u.md) [[a]] ![i](p.png) [ref] [[b]]\n\n[ref]: v.md\n');
    const types: string[] = [];
    walk(tree, (node) => {
      if (['link', 'image', 'linkReference', 'wikiLink'].includes(node.type)) types.push(node.type);
    });
    expect(types).toEqual(['link', 'wikiLink', 'image', 'linkReference', 'wikiLink']);
  });

  it('spans the whole source, `!` included', () => {
    const text = 'see ![[a|b]] and [[c]].';
    const spans = wikiLinks(parseMarkdown(text)).map((node) =>
      text.slice(node.position?.start.offset, node.position?.end.offset),
    );
    expect(spans).toEqual(['![[a|b]]', '[[c]]']);
  });

  it('works on its own with mdast-util-from-markdown', () => {
    const tree = fromMarkdown('x [[a#h|b]]', {
      extensions: [wikiLinkSyntax()],
      mdastExtensions: [wikiLinkFromMarkdown()],
    });
    expect(wikiLinks(tree)).toMatchObject([{ target: 'a', headings: ['h'], alias: 'b' }]);
  });

  it('never throws, and every link found spans `[[…]]` or `![[…]]` on one line', () => {
    const piece = fc.constantFrom(
      '[[',
      ']]',
      '![[',
      '|',
      '\\|',
      '#',
      '^',
      'a',
      ' ',
      '\n',
      '`',
      '\\',
      '[',
      ']',
      '(',
      ')',
      '| --- |',
      '> ',
      '- ',
      '%%',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        for (const node of wikiLinks(parseMarkdown(text))) {
          const raw = text.slice(node.position?.start.offset, node.position?.end.offset);
          expect(raw).toMatch(/^!?\[\[[^\n]*\]\]$/);
          expect(raw.startsWith('!')).toBe(node.embed);
        }
      }),
      { numRuns: 500 },
    );
  });
});
