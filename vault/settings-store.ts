import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { VaultSettings } from '../shared/api';
import { checkSettings, DEFAULT_SETTINGS, settingsFrom } from '../shared/vault-settings';
import { atomicWrite } from './atomic-write';

/** Next to workspace.json in the vault's dot-folder, which is never indexed or listed. */
const SETTINGS_FILE = join('.plexus', 'settings.json');

/** A vault's settings, kept in `<vault>/.plexus/settings.json` so they travel with the vault. */
export class SettingsStore {
  constructor(private readonly root: string) {}

  /** The saved settings; the defaults when there are none or the file cannot be read or parsed. */
  async load(): Promise<VaultSettings> {
    try {
      return settingsFrom(JSON.parse(await fs.readFile(join(this.root, SETTINGS_FILE), 'utf8')));
    } catch {
      return DEFAULT_SETTINGS;
    }
  }

  /** Checks and saves `settings` (a refused folder path throws, and nothing is written); returns them normalized. */
  async save(settings: VaultSettings): Promise<VaultSettings> {
    const checked = checkSettings(settings);
    await fs.mkdir(join(this.root, '.plexus'), { recursive: true });
    await atomicWrite(join(this.root, SETTINGS_FILE), Buffer.from(`${JSON.stringify(checked, null, 2)}\n`));
    return checked;
  }
}
