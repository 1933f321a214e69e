import { describe, expect, it } from 'vitest';
import { headingsOf, linkReveal, revealAnchor } from '../../../../renderer/src/workspace/open-options';

const text = '# Top\n\nintro\n\n## Part\n\nbody ^b1\n';

describe('open options', () => {
  it('finds what a reveal names in the text', () => {
    expect(revealAnchor(text, { offset: 7, length: 5 })).toEqual({ from: 7, to: 12 });
    const part = revealAnchor(text, { heading: ['Top', 'Part'] });
    expect(part && text.slice(part.from, part.to)).toContain('Part');
    const block = revealAnchor(text, { block: 'b1' });
    expect(block && text.slice(block.from, block.to)).toContain('body');
    expect(revealAnchor(text, { heading: ['Missing'] })).toBeNull();
    expect(revealAnchor(text, { block: 'nope' })).toBeNull();
  });

  it('a link reveals its block before its headings', () => {
    expect(linkReveal({ headings: ['a'], block: 'b' })).toEqual({ block: 'b' });
    expect(linkReveal({ headings: ['a', 'b'], block: null })).toEqual({ heading: ['a', 'b'] });
    expect(linkReveal({ headings: [], block: undefined })).toBeUndefined();
  });

  it('splits a written heading path, dropping empty parts', () => {
    expect(headingsOf('a#b')).toEqual(['a', 'b']);
    expect(headingsOf('#a##b')).toEqual(['a', 'b']);
    expect(headingsOf(null)).toEqual([]);
    expect(headingsOf('')).toEqual([]);
  });
});
