import type { VaultSettings } from '../../shared/api';
import { checkSettings, DEFAULT_SETTINGS, settingsFrom } from '../../shared/vault-settings';
import type { SaveFs } from '../files';
import { readStateFile, saveStateFile } from './state-file';

/** Next to workspace.json in the vault's dot-folder, which is never indexed or listed. */
const SETTINGS_FILE = 'settings.json';

/** A vault's settings, kept in `<vault>/.plexus/settings.json` so they travel with the vault. */
export class SettingsStore {
  /** `saveFs`: the file operations a save uses (fault-injection tests pass a failing one). */
  constructor(
    private readonly root: string,
    private readonly saveFs?: SaveFs,
  ) {}

  /** The saved settings; the defaults when there are none or the file cannot be read or parsed. */
  async load(): Promise<VaultSettings> {
    try {
      return settingsFrom(JSON.parse((await readStateFile(this.root, SETTINGS_FILE)) ?? 'null'));
    } catch {
      return DEFAULT_SETTINGS;
    }
  }

  /** Checks and saves `settings` (a refused folder path throws, and nothing is written); returns them normalized. */
  async save(settings: VaultSettings): Promise<VaultSettings> {
    const checked = checkSettings(settings);
    const data = Buffer.from(`${JSON.stringify(checked, null, 2)}\n`);
    await saveStateFile(this.root, SETTINGS_FILE, data, { what: 'the settings', saveFs: this.saveFs });
    return checked;
  }
}
