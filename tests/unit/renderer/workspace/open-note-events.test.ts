import { describe, expect, it } from 'vitest';
import type { FilesEvent } from '../../../../shared/api';
import { isOwnSave, openNoteEffect, removedElsewhere } from '../../../../renderer/src/workspace/open-note-events';

const open = { path: 'notes/a.md', version: 'v1' };
const changed = (path: string, origin: 'app' | 'external', version?: string): FilesEvent => ({
  type: 'changed',
  path,
  origin,
  version,
});

describe('open-note events', () => {
  it('an own save is a change by the app of the open note', () => {
    expect(isOwnSave(changed('notes/a.md', 'app'), 'notes/a.md')).toBe(true);
    expect(isOwnSave(changed('notes/a.md', 'external'), 'notes/a.md')).toBe(false);
    expect(isOwnSave(changed('notes/b.md', 'app'), 'notes/a.md')).toBe(false);
    expect(isOwnSave(changed('notes/a.md', 'app'), null)).toBe(false);
  });

  it('a removal elsewhere drops tabs; one of the open note (or its folder) does not', () => {
    const removed = (path: string): FilesEvent => ({ type: 'removed', path, kind: 'file', origin: 'external' });
    expect(removedElsewhere(removed('b.md'), 'notes/a.md')).toBe('b.md');
    expect(removedElsewhere(removed('b.md'), null)).toBe('b.md');
    expect(removedElsewhere(removed('notes'), 'notes/a.md')).toBeNull();
    expect(removedElsewhere(removed('notes/a.md'), 'notes/a.md')).toBeNull();
    expect(removedElsewhere(changed('b.md', 'app'), null)).toBeNull();
  });

  it('judges what an event does to the open note', () => {
    expect(openNoteEffect({ type: 'renamed', from: 'x', to: 'y', kind: 'folder', origin: 'app' }, null)).toEqual({
      kind: 'renamed',
      from: 'x',
      to: 'y',
    });
    expect(openNoteEffect(changed('notes/a.md', 'external', 'v2'), null)).toEqual({ kind: 'none' });
    expect(openNoteEffect({ type: 'removed', path: 'notes', kind: 'folder', origin: 'external' }, open)).toEqual({
      kind: 'deleted',
    });
    expect(openNoteEffect({ type: 'added', path: 'notes/a.md', kind: 'folder', origin: 'external' }, open)).toEqual({
      kind: 'became-folder',
    });
    expect(openNoteEffect({ type: 'added', path: 'notes/a.md', kind: 'file', origin: 'external' }, open)).toEqual({
      kind: 'reload',
    });
    expect(openNoteEffect(changed('notes/a.md', 'external', 'v2'), open)).toEqual({ kind: 'reload', version: 'v2' });
    expect(openNoteEffect(changed('notes/a.md', 'external'), open)).toEqual({ kind: 'reload', version: undefined });
    // The version the window holds already (its own save): nothing to read.
    expect(openNoteEffect(changed('notes/a.md', 'app', 'v1'), open)).toEqual({ kind: 'none' });
    expect(openNoteEffect(changed('notes/b.md', 'external', 'v2'), open)).toEqual({ kind: 'none' });
  });
});
