// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { EditingMode } from '../../../../shared/api';
import type { NewNotes } from '../../../../renderer/src/pickers/new-notes';
import { VaultPreferences } from '../../../../renderer/src/workspace/vault-preferences';

/** NewNotes as far as preferences use it: Plexus's settings, read late by `load`. */
function plexusSettings(strict: boolean | undefined, editing: EditingMode) {
  let release = () => undefined as void;
  const state = { strictLineBreaks: undefined as boolean | undefined, defaultEditing: 'live' as EditingMode };
  const settings = {
    load: () =>
      new Promise<void>((resolve) => {
        release = () => {
          Object.assign(state, { strictLineBreaks: strict, defaultEditing: editing });
          resolve();
        };
      }),
    get strictLineBreaks() {
      return state.strictLineBreaks;
    },
    get defaultEditing() {
      return state.defaultEditing;
    },
    setStrictLineBreaks: vi.fn((value: boolean) => {
      state.strictLineBreaks = value;
      return Promise.resolve(true);
    }),
  };
  return { settings: settings as unknown as NewNotes, release: () => release() };
}

describe('VaultPreferences', () => {
  it('takes Plexus’s line-break setting over app.json’s, and app.json’s over Obsidian’s default', async () => {
    const views = { setDefaultEditing: vi.fn(), redraw: vi.fn(() => Promise.resolve()) };
    const unset = plexusSettings(undefined, 'live');
    const fromApp = new VaultPreferences(unset.settings, views);
    expect(fromApp.strictLineBreaks).toBe(false);
    const loading = fromApp.load({ strictLineBreaks: true });
    unset.release();
    await loading;
    expect(fromApp.strictLineBreaks).toBe(true);

    const own = plexusSettings(false, 'live');
    const overridden = new VaultPreferences(own.settings, views);
    const loaded = overridden.load({ strictLineBreaks: true });
    own.release();
    await loaded;
    expect(overridden.strictLineBreaks).toBe(false);
    await overridden.toggleStrictLineBreaks();
    expect(overridden.strictLineBreaks).toBe(true);
    expect(views.redraw).toHaveBeenCalledTimes(1);
  });

  it('is ready only once the settings are read, and then says how notes open', async () => {
    const views = { setDefaultEditing: vi.fn(), redraw: vi.fn(() => Promise.resolve()) };
    const late = plexusSettings(undefined, 'source');
    const preferences = new VaultPreferences(late.settings, views);
    void preferences.load({});
    let ready = false;
    void preferences.ready.then(() => (ready = true));
    await Promise.resolve();
    expect(ready).toBe(false);
    late.release();
    await preferences.ready;
    expect(ready).toBe(true);
    expect(views.setDefaultEditing).toHaveBeenCalledWith('source');
  });
});
