import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../shared/markdown/parse-markdown';
import { wikiLinkText } from '../../../shared/wiki-link-text';

describe('wikiLinkText', () => {
  it('keeps the visible text as an alias after `|`', () => {
    expect(wikiLinkText('road-map', 'Road Map', false)).toBe('[[road-map|Road Map]]');
    expect(wikiLinkText('plans/road-map', 'road map', false)).toBe('[[plans/road-map|road map]]');
  });

  it('escapes the alias divider in a table row', () => {
    expect(wikiLinkText('road-map', 'Road Map', true)).toBe('[[road-map\\|Road Map]]');
  });

  it('writes the target alone when the text is the target itself, in a table or not', () => {
    expect(wikiLinkText('road-map', 'road-map', false)).toBe('[[road-map]]');
    expect(wikiLinkText('road-map', 'road-map', true)).toBe('[[road-map]]');
    // Case differs: the text is kept as written.
    expect(wikiLinkText('road-map', 'Road-map', false)).toBe('[[road-map|Road-map]]');
  });

  it('leaves a table row with as many cells as before', () => {
    const row = (cell: string) => `| a | b |\n| - | - |\n| x | ${cell} |\n`;
    const cells = (text: string) => {
      const table = parseMarkdown(text).children[0] as { children: { children: unknown[] }[] };
      return table.children[1]?.children.length;
    };
    expect(cells(row(wikiLinkText('road-map', 'Road Map', true)))).toBe(2);
    expect(cells(row(wikiLinkText('road-map', 'Road Map', false)))).toBe(3);
  });
});
