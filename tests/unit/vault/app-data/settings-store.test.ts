import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VaultSettings } from '../../../../shared/api';
import { PlexusError } from '../../../../shared/errors';
import { SettingsStore } from '../../../../vault/app-data/settings-store';
import { removeTempDirs, tempDir } from '../../helpers/temp-vault';

afterEach(removeTempDirs);

async function storeWith(text: string | null): Promise<{ store: SettingsStore; file: string }> {
  const root = await tempDir();
  const file = join(root, '.plexus', 'settings.json');
  if (text !== null) {
    await fs.mkdir(join(root, '.plexus'));
    await fs.writeFile(file, text);
  }
  return { store: new SettingsStore(root), file };
}

describe('SettingsStore', () => {
  it('gives the defaults when there is no file', async () => {
    const { store } = await storeWith(null);
    expect(await store.load()).toEqual({ newNotes: 'beside-current' });
  });

  it('round-trips every setting through <vault>/.plexus/settings.json', async () => {
    const { store, file } = await storeWith(null);
    const all: VaultSettings[] = [
      { newNotes: 'vault-root' },
      { newNotes: 'folder', newNotesFolder: 'inbox/today' },
      { newNotes: 'beside-current' },
      { newNotes: 'vault-root', defaultEditing: 'source' },
      { newNotes: 'folder', newNotesFolder: 'inbox', defaultEditing: 'source' },
    ];
    for (const settings of all) {
      expect(await store.save(settings)).toEqual(settings);
      expect(await store.load()).toEqual(settings);
      expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual(settings);
    }
    // Atomic: no temp file is left beside it.
    expect(await fs.readdir(join(file, '..'))).toEqual(['settings.json']);
  });

  it('saves a folder normalized', async () => {
    const { store } = await storeWith(null);
    expect(await store.save({ newNotes: 'folder', newNotesFolder: './inbox//today/' })).toEqual({
      newNotes: 'folder',
      newNotesFolder: 'inbox/today',
    });
  });

  it.each([
    ['../outside', 'UNSAFE_PATH'],
    ['/etc', 'UNSAFE_PATH'],
    ['C:/Users', 'UNSAFE_PATH'],
    ['in\\box', 'UNSAFE_PATH'],
    ['a\0b', 'UNSAFE_PATH'],
    ['.plexus', 'UNSAFE_PATH'],
    ['inbox/con', 'INVALID_NAME'],
    ['what?', 'INVALID_NAME'],
    ['trailing./x', 'INVALID_NAME'],
    ['./', 'INVALID_ARGUMENT'],
  ])('refuses the folder %j (%s) and writes nothing', async (folder, code) => {
    const { store, file } = await storeWith(null);
    const error: unknown = await store.save({ newNotes: 'folder', newNotesFolder: folder }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlexusError);
    expect((error as PlexusError).code).toBe(code);
    await expect(fs.access(file)).rejects.toThrow();
  });

  it.each([
    ['not JSON', '{"newNotes": "vault-root"'],
    ['empty', ''],
    ['an array', '["vault-root"]'],
    ['null', 'null'],
    ['an unknown value', '{"newNotes": "elsewhere"}'],
    ['a folder without its path', '{"newNotes": "folder"}'],
    ['a folder path of the wrong type', '{"newNotes": "folder", "newNotesFolder": 3}'],
    ['a folder out of the vault', '{"newNotes": "folder", "newNotesFolder": "../x"}'],
    ['a dot-folder', '{"newNotes": "folder", "newNotesFolder": ".trash"}'],
  ])('gives the defaults for a file that is %s', async (_what, text) => {
    const { store } = await storeWith(text);
    expect(await store.load()).toEqual({ newNotes: 'beside-current' });
  });

  it('keeps Source mode as the default editing mode, and leaves Live Preview (the default) unsaid', async () => {
    const { store } = await storeWith(null);
    expect(await store.save({ newNotes: 'vault-root', defaultEditing: 'live' })).toEqual({ newNotes: 'vault-root' });
    const hand = await storeWith('{"newNotes":"nowhere","defaultEditing":"source"}');
    expect(await hand.store.load()).toEqual({ newNotes: 'beside-current', defaultEditing: 'source' });
    const odd = await storeWith('{"newNotes":"vault-root","defaultEditing":"wysiwyg"}');
    expect(await odd.store.load()).toEqual({ newNotes: 'vault-root' });
  });

  it('ignores unknown keys', async () => {
    const { store } = await storeWith(
      '{"newNotes": "folder", "newNotesFolder": "inbox", "theme": "dark", "newNotesFolderX": 1}',
    );
    expect(await store.load()).toEqual({ newNotes: 'folder', newNotesFolder: 'inbox' });
  });

  it('gives the defaults when the file cannot be read', async () => {
    const { store, file } = await storeWith(null);
    await fs.mkdir(file, { recursive: true }); // a folder where the file should be
    expect(await store.load()).toEqual({ newNotes: 'beside-current' });
  });
});
