import { describe, expect, it } from 'vitest';
import { splitLinkDestination } from '../../../../shared/markdown/link-destination';

describe('splitLinkDestination', () => {
  it.each([
    ['a', { target: 'a', headings: [], block: null }],
    [' a ', { target: 'a', headings: [], block: null }],
    ['a#h', { target: 'a', headings: ['h'], block: null }],
    ['a# h1 # h2 ', { target: 'a', headings: ['h1', 'h2'], block: null }],
    ['#h', { target: '', headings: ['h'], block: null }],
    ['a#^id', { target: 'a', headings: [], block: 'id' }],
    ['a#h#^id', { target: 'a', headings: ['h'], block: 'id' }],
    ['a#^id#h', { target: 'a', headings: ['^id', 'h'], block: null }],
    ['a##h#', { target: 'a', headings: ['h'], block: null }],
    ['a#^', { target: 'a', headings: [], block: null }],
  ])('%j', (raw, expected) => {
    expect(splitLinkDestination(raw)).toEqual(expected);
  });

  it('decodes each part after splitting, so an encoded # stays in the name', () => {
    expect(splitLinkDestination('C%23%20notes.md#Two%20words', decodeURIComponent)).toEqual({
      target: 'C# notes.md',
      headings: ['Two words'],
      block: null,
    });
  });
});
