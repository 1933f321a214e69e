import { describe, expect, it } from 'vitest';
import { firstNote } from '../../../../renderer/src/workspace/first-note';

const notes = (...paths: string[]) => paths.map((path) => ({ path }));

describe('firstNote', () => {
  it('prefers the tab in front, then the note open last, then the start page, then the first note', () => {
    const all = notes('a.md', 'b.md', 'Start-Here.md', 'z.md');
    expect(firstNote(all, 'z.md', 'b.md')).toBe('z.md');
    expect(firstNote(all, null, 'b.md')).toBe('b.md');
    expect(firstNote(all, null, 'gone.md')).toBe('Start-Here.md');
    expect(firstNote(notes('a.md', 'guides/readme.md', 'README.md'), null, null)).toBe('README.md');
    expect(firstNote(notes('a.md', 'b.md'), null, null)).toBe('a.md');
    expect(firstNote([], null, 'a.md')).toBeNull();
  });
});
