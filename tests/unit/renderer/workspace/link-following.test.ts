import { describe, expect, it } from 'vitest';
import { editorLinkRef, writtenLinkRef } from '../../../../renderer/src/workspace/link-following';

describe('links as followed', () => {
  it('an editor link keeps its target and splits its heading path', () => {
    expect(editorLinkRef({ target: 'note', heading: 'a#b', block: null })).toEqual({
      target: 'note',
      headings: ['a', 'b'],
      block: null,
    });
    expect(editorLinkRef({ target: '', heading: null, block: 'x1' })).toEqual({
      target: '',
      headings: [],
      block: 'x1',
    });
  });

  it('a link clicked in rendered markdown likewise', () => {
    expect(writtenLinkRef('dir/note', { heading: 'h', block: null })).toEqual({
      target: 'dir/note',
      headings: ['h'],
      block: null,
    });
  });
});
