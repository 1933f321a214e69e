import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { settingsFrom } from '../../../../shared/vault-settings';
import { SettingsStore } from '../../../../vault/app-data';
import { obsidianAppSettingsFrom, readObsidianAppSettings } from '../../../../vault/app-data/obsidian-app-settings';
import { removeTempDirs, tempDir } from '../../helpers/temp-vault';

afterEach(() => removeTempDirs());

async function vaultWith(appJson: string | null): Promise<string> {
  const root = await tempDir();
  if (appJson !== null) {
    await fs.mkdir(join(root, '.obsidian'), { recursive: true });
    await fs.writeFile(join(root, '.obsidian', 'app.json'), appJson);
  }
  return root;
}

describe('.obsidian/app.json', () => {
  it('follows a valid strictLineBreaks, true or false, among other settings', async () => {
    const on = await vaultWith(JSON.stringify({ alwaysUpdateLinks: true, strictLineBreaks: true }, null, 2));
    expect(await readObsidianAppSettings(on)).toEqual({ strictLineBreaks: true });
    expect(await readObsidianAppSettings(await vaultWith('{"strictLineBreaks": false}'))).toEqual({
      strictLineBreaks: false,
    });
    // Saved by Obsidian with a byte-order mark, it is still JSON.
    expect(obsidianAppSettingsFrom('\uFEFF{"strictLineBreaks":true}')).toEqual({ strictLineBreaks: true });
  });

  it('says nothing when the file or the key is missing', async () => {
    expect(await readObsidianAppSettings(await vaultWith(null))).toEqual({});
    expect(await readObsidianAppSettings(await vaultWith('{"promptDelete": false}'))).toEqual({});
  });

  it('gives the default and a plain-words problem for malformed JSON or wrong types', async () => {
    const malformed = await readObsidianAppSettings(await vaultWith('{"strictLineBreaks": tru'));
    expect(malformed.strictLineBreaks).toBeUndefined();
    expect(malformed.problem).toMatch(/\.obsidian\/app\.json is not valid JSON: single newlines stay line breaks/);
    for (const text of ['[true]', 'null', '"strictLineBreaks"', '3']) {
      expect(obsidianAppSettingsFrom(text).problem).toMatch(/is not a JSON object/);
    }
    for (const value of ['"true"', '1', 'null', '{}']) {
      const answer = obsidianAppSettingsFrom(`{"strictLineBreaks": ${value}}`);
      expect(answer.strictLineBreaks).toBeUndefined();
      expect(answer.problem).toMatch(/"strictLineBreaks" in \.obsidian\/app\.json is not true or false/);
    }
  });

  it('never blocks on a named pipe or follows a symlink planted as app.json', async () => {
    const fifo = await vaultWith(null);
    await fs.mkdir(join(fifo, '.obsidian'));
    execFileSync('mkfifo', [join(fifo, '.obsidian', 'app.json')]);
    // A plain read would wait for a writer forever; the test would time out.
    expect((await readObsidianAppSettings(fifo)).problem).toMatch(/is not a plain file/);

    const linked = await vaultWith(null);
    const outside = join(await tempDir(), 'elsewhere.json');
    await fs.writeFile(outside, '{"strictLineBreaks": true}');
    await fs.mkdir(join(linked, '.obsidian'));
    await fs.symlink(outside, join(linked, '.obsidian', 'app.json'));
    const answer = await readObsidianAppSettings(linked);
    expect(answer.strictLineBreaks).toBeUndefined();
    expect(answer.problem).toMatch(/symbolic link/);
  });

  it('is only read: the file is left byte for byte as it was', async () => {
    const text = '{\n  "strictLineBreaks": true\n}';
    const root = await vaultWith(text);
    await readObsidianAppSettings(root);
    expect(await fs.readFile(join(root, '.obsidian', 'app.json'), 'utf8')).toBe(text);
  });
});

describe('the strictLineBreaks vault setting', () => {
  it('is kept when true or false and dropped when not a boolean', () => {
    expect(settingsFrom({ newNotes: 'vault-root', strictLineBreaks: true })).toEqual({
      newNotes: 'vault-root',
      strictLineBreaks: true,
    });
    expect(settingsFrom({ newNotes: 'beside-current', strictLineBreaks: false }).strictLineBreaks).toBe(false);
    expect(settingsFrom({ newNotes: 'beside-current', strictLineBreaks: 'yes' })).toEqual({
      newNotes: 'beside-current',
    });
  });

  it('is saved to .plexus/settings.json and read back', async () => {
    const root = await tempDir();
    const store = new SettingsStore(root);
    await store.save({ newNotes: 'beside-current', defaultEditing: 'source', strictLineBreaks: true });
    expect(await store.load()).toEqual({
      newNotes: 'beside-current',
      defaultEditing: 'source',
      strictLineBreaks: true,
    });
  });
});
