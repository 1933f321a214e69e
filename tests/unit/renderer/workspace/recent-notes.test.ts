import { describe, expect, it } from 'vitest';
import { noteOpened, notesRenamed } from '../../../../renderer/src/workspace/recent-notes';

describe('recent notes', () => {
  it('puts the opened note first, once, and keeps twenty, in the same array', () => {
    const recent = ['b.md', 'a.md', 'c.md'];
    const same = recent;
    noteOpened(recent, 'a.md');
    expect(same).toEqual(['a.md', 'b.md', 'c.md']);
    for (let i = 0; i < 30; i++) noteOpened(recent, `n${i}.md`);
    expect(recent).toHaveLength(20);
    expect(recent[0]).toBe('n29.md');
    expect(recent.at(-1)).toBe('n10.md');
  });

  it('follows a renamed note or folder, and nothing that only starts alike', () => {
    const recent = ['f/a.md', 'f/sub/b.md', 'fx/c.md', 'f.md'];
    notesRenamed(recent, 'f', 'g');
    expect(recent).toEqual(['g/a.md', 'g/sub/b.md', 'fx/c.md', 'f.md']);
    notesRenamed(recent, 'f.md', 'h.md');
    expect(recent).toEqual(['g/a.md', 'g/sub/b.md', 'fx/c.md', 'h.md']);
  });
});
