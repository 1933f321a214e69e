import { describe, expect, it } from 'vitest';
import { extractHeadings } from '../../oracle/extract-headings';
import { parseMarkdown } from '../../../shared/markdown/parse-markdown';

const headings = (text: string) => extractHeadings(parseMarkdown(text));

describe('extractHeadings', () => {
  it('reads ATX and setext headings with level, plain text and line', () => {
    expect(headings('# One\n\ntext\n\n## Two **bold** `code` ##\n\nThree\n-----\n')).toEqual([
      { level: 1, text: 'One', line: 1 },
      { level: 2, text: 'Two bold code', line: 5 },
      { level: 2, text: 'Three', line: 7 },
    ]);
  });

  it('reads a wiki link in a heading as its alias or target', () => {
    expect(headings('### See [[a|Alias]] and [[b]]')).toEqual([{ level: 3, text: 'See Alias and b', line: 1 }]);
  });

  it('ignores headings in code, comments and frontmatter, and #tags', () => {
    expect(headings('---\n# a: 1\n---\n```\n# no\n```\n%%\n# hidden\n%%\n#tag\n')).toEqual([]);
  });

  it('finds headings inside blockquotes and lists', () => {
    expect(headings('> ## Quoted\n\n- # Listed\n')).toEqual([
      { level: 2, text: 'Quoted', line: 1 },
      { level: 1, text: 'Listed', line: 3 },
    ]);
  });
});
