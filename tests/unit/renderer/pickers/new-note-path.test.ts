import { describe, expect, it } from 'vitest';
import type { VaultSettings } from '../../../../shared/api';
import { describeNewNotes, newNoteFolder, newNotePath } from '../../../../renderer/src/pickers/new-note-path';

const beside: VaultSettings = { newNotes: 'beside-current' };
const root: VaultSettings = { newNotes: 'vault-root' };
const inbox: VaultSettings = { newNotes: 'folder', newNotesFolder: 'inbox/today' };

describe('newNotePath', () => {
  it.each([
    // [settings, fromPath, name, expected]
    [beside, 'sub/deep/a.md', 'Ghost', 'sub/deep/Ghost.md'],
    [beside, 'a.md', 'Ghost', 'Ghost.md'],
    [beside, null, 'Ghost', 'Ghost.md'],
    [root, 'sub/a.md', 'Ghost', 'Ghost.md'],
    [inbox, 'sub/a.md', 'Ghost', 'inbox/today/Ghost.md'],
    [inbox, null, 'Ghost', 'inbox/today/Ghost.md'],
  ] as const)('%j from %j puts "%s" at %j', (settings, fromPath, name, expected) => {
    expect(newNotePath(name, { settings, fromPath })).toBe(expected);
  });

  it('adds ".md" only when missing, and trims what was typed', () => {
    expect(newNotePath('plan.md', { settings: root, fromPath: null })).toBe('plan.md');
    expect(newNotePath('Plan.MD', { settings: root, fromPath: null })).toBe('Plan.MD');
    expect(newNotePath('  plan  ', { settings: root, fromPath: null })).toBe('plan.md');
    expect(newNotePath('v1.2', { settings: root, fromPath: null })).toBe('v1.2.md');
  });

  it('keeps folders written in the name inside the new-notes folder', () => {
    expect(newNotePath('projects/idea', { settings: beside, fromPath: 'sub/a.md' })).toBe('sub/projects/idea.md');
    expect(newNotePath('projects/idea', { settings: root, fromPath: 'sub/a.md' })).toBe('projects/idea.md');
    expect(newNotePath('projects/idea', { settings: inbox, fromPath: 'sub/a.md' })).toBe(
      'inbox/today/projects/idea.md',
    );
  });

  it('names the folder and the setting', () => {
    expect(newNoteFolder({ settings: beside, fromPath: 'x/y/z.md' })).toBe('x/y');
    expect(newNoteFolder({ settings: inbox, fromPath: 'x/y/z.md' })).toBe('inbox/today');
    expect([beside, root, inbox].map(describeNewNotes)).toEqual([
      'Same folder as current note',
      'Vault root',
      'inbox/today',
    ]);
  });
});
