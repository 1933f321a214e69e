import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../../shared/markdown/parse-markdown';
import { plainText } from '../../../../shared/markdown/plain-text';

describe('plainText', () => {
  it.each([
    ['**bold** and `code` and [link](x.md)', 'bold and code and link'],
    ['[[a|Alias]] and [[b#h]] and [[c]]', 'Alias and b#h and c'],
    ['![alt](i.png) x %% hidden %% y <b>z</b>', 'alt x  y z'],
    ['one  \ntwo', 'one\ntwo'],
  ])('%j → %j', (text, expected) => {
    expect(plainText(parseMarkdown(text))).toBe(expected);
  });
});
