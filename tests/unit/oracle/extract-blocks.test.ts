import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../../oracle/extract-blocks';
import { parseMarkdown } from '../../../shared/markdown/parse-markdown';

const blocks = (text: string) => extractBlocks(parseMarkdown(text), text);

describe('extractBlocks', () => {
  it('finds ^id ending a paragraph, a list item or a quoted paragraph', () => {
    expect(blocks('A paragraph. ^para-1\n\n- item ^item2\n- other\n\n> quoted\n> text ^q')).toEqual([
      { id: 'para-1', line: 1 },
      { id: 'item2', line: 3 },
      { id: 'q', line: 7 },
    ]);
  });

  it('allows trailing spaces after the id', () => {
    expect(blocks('a ^id \t')).toEqual([{ id: 'id', line: 1 }]);
  });

  it('finds ^id alone, as its own paragraph or on the last line of one', () => {
    expect(blocks('| a |\n| - |\n\n^table\n\ntext\n^after')).toEqual([
      { id: 'table', line: 4 },
      { id: 'after', line: 7 },
    ]);
  });

  it('ignores ^ mid-line, glued to a word, escaped, in code, or in headings', () => {
    expect(blocks('x ^a y\n\nword^b\n\n\\^c\n\n`^d`\n\n## Heading ^e\n\n```\n^f\n```')).toEqual([]);
  });
});
