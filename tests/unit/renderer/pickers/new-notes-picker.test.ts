// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NewNotesSetting } from '../../../../shared/api';
import { createNewNotesPicker, newNotesChoices } from '../../../../renderer/src/pickers/new-notes-picker';

afterEach(() => document.body.replaceChildren());

describe('newNotesChoices', () => {
  it('lists the current note’s folder, the root, then every folder by path', () => {
    expect(newNotesChoices(['sub', 'inbox', 'inbox/today'], '').map((c) => c.label)).toEqual([
      'Same folder as current note',
      'Vault root',
      'inbox',
      'inbox/today',
      'sub',
    ]);
  });

  it('filters fuzzily, best first', () => {
    const choices = newNotesChoices(['sub', 'inbox', 'archive/inbox-old'], 'inbox');
    expect(choices.map((c) => c.label)).toEqual(['inbox', 'archive/inbox-old']);
    expect(choices[0]?.setting).toEqual({ newNotes: 'folder', newNotesFolder: 'inbox' });
    expect(newNotesChoices(['sub'], 'root').map((c) => c.setting)).toEqual([{ newNotes: 'vault-root' }]);
  });
});

describe('createNewNotesPicker', () => {
  it('marks the setting in force and hands the chosen one back', async () => {
    const choose = vi.fn<(setting: NewNotesSetting) => void>();
    const picker = createNewNotesPicker({
      folders: () => ['inbox', 'sub'],
      current: () => ({ newNotes: 'folder', newNotesFolder: 'sub' }),
      choose,
    });
    await picker.open();
    const rows = [...picker.list.querySelectorAll('.picker-option')];
    expect(rows.map((row) => row.querySelector('.picker-hint')?.textContent ?? '')).toEqual(['', '', '', 'current']);
    picker.input.value = 'inbox';
    picker.input.dispatchEvent(new Event('input'));
    await picker.ready;
    picker.input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await picker.ready;
    await Promise.resolve();
    expect(choose).toHaveBeenCalledWith({ newNotes: 'folder', newNotesFolder: 'inbox' });
    expect(picker.isOpen).toBe(false);
  });
});
