import { describe, expect, it } from 'vitest';
import { newNotesNotice } from '../../../../renderer/src/pickers/new-notes';

describe('newNotesNotice', () => {
  it('says where new notes go for each setting', () => {
    expect(newNotesNotice({ newNotes: 'vault-root' })).toBe('New notes go in the vault root.');
    expect(newNotesNotice({ newNotes: 'beside-current' })).toBe('New notes go in the same folder as the current note.');
    expect(newNotesNotice({ newNotes: 'folder', newNotesFolder: 'inbox/new' })).toBe('New notes go in "inbox/new".');
  });
});
