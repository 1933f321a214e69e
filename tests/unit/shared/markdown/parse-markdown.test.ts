import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../../shared/markdown/parse-markdown';

describe('parseMarkdown', () => {
  it('reads frontmatter, GFM, wiki links, comments and callouts together', () => {
    const text =
      '---\ntitle: T\n---\n# H\n\n> [!note]\n> [[a]] ~~s~~ %% c %%\n\n| a |\n| - |\n| [[b\\|c]] |\n\n- [ ] task www.x.org\n';
    const tree = parseMarkdown(text);
    expect(tree.children.map((node) => node.type)).toEqual(['yaml', 'heading', 'blockquote', 'table', 'list']);
    const quote = tree.children[2];
    expect(quote?.type === 'blockquote' && quote.data?.callout).toEqual({ type: 'note', fold: null, title: null });
  });

  it('only reads frontmatter at the very start', () => {
    expect(parseMarkdown('\n---\na: 1\n---\n').children.map((node) => node.type)).toEqual(['thematicBreak', 'heading']);
  });

  it('never throws on markdown-ish noise (micromark asserts its invariants under vitest)', () => {
    const piece = fc.constantFrom(
      '[[',
      ']]',
      '![[',
      '|',
      '\\',
      '#',
      '^id',
      'x',
      ' ',
      '\n',
      '\n\n',
      '`',
      '```\n',
      '%%',
      '> ',
      '- ',
      '1. ',
      '| - |',
      '---\n',
      '[',
      '](',
      ')',
      '<!--',
      '-->',
      '#tag',
      '    ',
      '\t',
      '*',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        expect(parseMarkdown(pieces.join('')).type).toBe('root');
      }),
      { numRuns: 1000 },
    );
  });
});
