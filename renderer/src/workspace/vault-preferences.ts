import type { EditingMode, NewNotesSetting, ObsidianAppSettings } from '../../../shared/api';
import { notify } from '../chrome/notices';
import type { NewNotes } from '../pickers/new-notes';

/** Where the window shows what the preferences decide. */
export type PreferenceViews = {
  /** How notes open from now on (Live Preview or Source). */
  setDefaultEditing(mode: EditingMode): void;
  /** Rendered notes are drawn again (their line breaks changed). */
  redraw(): Promise<void>;
};

/**
 * The vault's preferences as the window uses them: Plexus's own settings (`.plexus/settings.json`,
 * kept by NewNotes) over what `.obsidian/app.json` says, over Obsidian's defaults. A note opened
 * before they are read waits for them (`ready`): how it opens is one of them.
 */
export class VaultPreferences {
  private obsidian: ObsidianAppSettings = {};
  private loaded: Promise<void> = Promise.resolve();

  constructor(
    private readonly settings: NewNotes,
    private readonly views: PreferenceViews,
  ) {}

  /** Reads Plexus's settings; `obsidian` is app.json as the engine read it at start. */
  load(obsidian: ObsidianAppSettings): Promise<void> {
    this.obsidian = obsidian;
    if (obsidian.problem) notify(obsidian.problem, 'error');
    this.loaded = this.settings.load().then(() => this.views.setDefaultEditing(this.settings.defaultEditing));
    return this.loaded;
  }

  /** Settles once the settings are read. */
  get ready(): Promise<void> {
    return this.loaded;
  }

  /** Whether rendered notes join single newlines (CommonMark) instead of breaking (Obsidian's default). */
  get strictLineBreaks(): boolean {
    return this.settings.strictLineBreaks ?? this.obsidian.strictLineBreaks ?? false;
  }

  /** Switches line breaks, saved as Plexus's setting (which outranks app.json), and redraws. */
  async toggleStrictLineBreaks(): Promise<void> {
    if (await this.settings.setStrictLineBreaks(!this.strictLineBreaks)) await this.views.redraw();
  }

  /** Makes Live Preview or Source mode the way notes open from now on. */
  async setDefaultEditing(mode: EditingMode): Promise<void> {
    await this.settings.setDefaultEditing(mode);
    this.views.setDefaultEditing(this.settings.defaultEditing);
  }

  /** Where new notes go now. */
  get newNotes(): NewNotesSetting {
    return this.settings.setting;
  }

  /** Saves where new notes go, and says so. */
  setNewNotes(setting: NewNotesSetting): Promise<void> {
    return this.settings.set(setting);
  }
}
