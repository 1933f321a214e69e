import { describe, expect, it } from 'vitest';
import { extractTags } from '../../oracle/extract-tags';
import { parseMarkdown } from '../../../shared/markdown/parse-markdown';

const tags = (text: string) => extractTags(parseMarkdown(text), text);

describe('extractTags', () => {
  it('finds tags at the start of text or after whitespace, with their lines', () => {
    expect(tags('#start and #nested/tag-1_x\nline two #café #日本語')).toEqual([
      { tag: 'start', line: 1 },
      { tag: 'nested/tag-1_x', line: 1 },
      { tag: 'café', line: 2 },
      { tag: '日本語', line: 2 },
    ]);
  });

  it('stops at punctuation and needs one non-digit', () => {
    expect(tags('#a, (#b) #123 #1a #2024/q1.').map((t) => t.tag)).toEqual(['a', '1a', '2024/q1']);
  });

  it('ignores # inside words, code, links, URLs, comments, escapes and headings markers', () => {
    const text =
      '# Heading\n\nC#sharp `#code` [#link](x.md) https://x.org/#frag [[a#b]] %% #hidden %% \\#escaped &#35;ref\n\n```\n#fenced\n```\n<span>x#html</span> <b>#after-html</b> [[a]]#after-link `c`#after-code';
    expect(tags(text)).toEqual([]);
  });

  it('finds tags in headings, emphasis, lists, tables and blockquotes', () => {
    expect(
      tags(
        '## Title #inheading\n\n**#bold** and _#em_\n\n- item #listed\n\n| #cell |\n| - |\n\n> quote\n> #quoted',
      ).map((t) => [t.tag, t.line]),
    ).toEqual([
      ['inheading', 1],
      ['bold', 3],
      ['em', 3],
      ['listed', 5],
      ['cell', 7],
      ['quoted', 11],
    ]);
  });
});
