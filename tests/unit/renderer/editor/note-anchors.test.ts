import { describe, expect, it } from 'vitest';
import { findBlock, findHeading } from '../../../../renderer/src/editor/note-anchors';

const text = [
  '# Title',
  '',
  '```',
  '# not a heading',
  '```',
  '## Setup  ',
  'para ^b1',
  '### Setup',
  '## Other',
  '### Setup',
].join('\n');

function lineOf(anchor: { from: number } | null): number | null {
  return anchor === null ? null : text.slice(0, anchor.from).split('\n').length;
}

describe('note anchors', () => {
  it('finds a heading case-insensitively, outside code', () => {
    expect(lineOf(findHeading(text, ['setup']))).toBe(6);
    expect(findHeading(text, ['not a heading'])).toBeNull();
  });

  it('narrows by the heading path', () => {
    expect(lineOf(findHeading(text, ['Other', 'Setup']))).toBe(10);
    expect(lineOf(findHeading(text, ['Missing', 'Setup']))).toBe(6);
  });

  it('finds a block id at the end of a line', () => {
    expect(lineOf(findBlock(text, 'b1'))).toBe(7);
    expect(findBlock(text, 'b')).toBeNull();
  });
});
