import type { WikiLink } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { wikiLinkFromMarkdown } from '../../../../shared/markdown/wiki-link-mdast';
import { wikiLinkSyntax } from '../../../../shared/markdown/wiki-link-syntax';

function firstWikiLink(text: string): WikiLink | undefined {
  const tree = fromMarkdown(text, { extensions: [wikiLinkSyntax()], mdastExtensions: [wikiLinkFromMarkdown()] });
  const paragraph = tree.children[0];
  if (paragraph?.type !== 'paragraph') return undefined;
  return paragraph.children.find((node): node is WikiLink => node.type === 'wikiLink');
}

describe('wikiLinkFromMarkdown', () => {
  it('builds a wikiLink node with trimmed parts and a position', () => {
    const raw = '![[ note # part one #^ blk | Shown ]]';
    expect(firstWikiLink(`ab ${raw} cd`)).toEqual({
      type: 'wikiLink',
      target: 'note',
      headings: ['part one'],
      block: 'blk',
      alias: 'Shown',
      embed: true,
      position: {
        start: { line: 1, column: 4, offset: 3 },
        end: { line: 1, column: 4 + raw.length, offset: 3 + raw.length },
      },
    });
  });

  it('a blank alias is no alias', () => {
    expect(firstWikiLink('[[a| ]]')?.alias).toBeNull();
  });

  it('drops empty heading parts and an empty block id', () => {
    expect(firstWikiLink('[[a##h#]]')).toMatchObject({ headings: ['h'], block: null });
    expect(firstWikiLink('[[a#^]]')).toMatchObject({ headings: [], block: null });
  });
});
