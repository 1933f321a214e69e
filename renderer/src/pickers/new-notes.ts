import type { EditingMode, NewNotesSetting, VaultSettings } from '../../../shared/api';
import type { PlexusClient } from '../../../shared/rpc/client';
import { DEFAULT_SETTINGS } from '../../../shared/vault-settings';
import { errorMessage, notify } from '../chrome/notices';
import type { FileTree } from '../file-tree/file-tree';
import { describeNewNotes, newNoteFolder, newNotePath } from './new-note-path';
import type { VaultFileList } from '../file-tree/vault-file-list';

/** What the new notes need of the window. */
export type NewNotesHost = {
  api: PlexusClient;
  files: VaultFileList;
  tree: FileTree;
  /** The note in front, if any (new notes may go beside it). */
  activePath(): string | null;
  open(path: string, options: { newTab?: boolean }): Promise<void>;
};

/** The notice that says where new notes go now. */
export function newNotesNotice(settings: VaultSettings): string {
  const where = settings.newNotes;
  return where === 'folder'
    ? `New notes go in "${describeNewNotes(settings)}".`
    : `New notes go in ${where === 'vault-root' ? 'the vault root' : 'the same folder as the current note'}.`;
}

/** Where new notes go (the vault's settings), and making them there. */
export class NewNotes {
  /** The vault's settings, read at start and changed through `set`. */
  private settings: VaultSettings = DEFAULT_SETTINGS;

  constructor(private readonly host: NewNotesHost) {}

  /** Reads the vault's settings (the defaults when they cannot be read). */
  async load(): Promise<void> {
    this.settings = await this.host.api.getSettings({}).catch(() => DEFAULT_SETTINGS);
  }

  /** Where new notes go now. */
  get setting(): NewNotesSetting {
    return this.settings;
  }

  /** How new tabs edit notes (Live Preview unless the vault's settings say Source). */
  get defaultEditing(): EditingMode {
    return this.settings.defaultEditing ?? 'live';
  }

  /** Whether single newlines join in rendered notes, when the vault's settings say (else app.json decides). */
  get strictLineBreaks(): boolean | undefined {
    return this.settings.strictLineBreaks;
  }

  /** Saves the line-break setting and says what it does now; false when it could not be saved. */
  async setStrictLineBreaks(strict: boolean): Promise<boolean> {
    try {
      this.settings = await this.host.api.setSettings({ settings: { ...this.settings, strictLineBreaks: strict } });
      notify(
        strict
          ? 'Strict line breaks: single newlines join, as in CommonMark.'
          : 'Single newlines are now line breaks, as Obsidian shows them by default.',
      );
      return true;
    } catch (error) {
      notify(errorMessage(error), 'error');
      return false;
    }
  }

  /** Saves how new tabs edit notes. */
  async setDefaultEditing(mode: EditingMode): Promise<void> {
    try {
      this.settings = await this.host.api.setSettings({ settings: { ...this.settings, defaultEditing: mode } });
      notify(mode === 'source' ? 'Notes now open in Source mode.' : 'Notes now open in Live Preview.');
    } catch (error) {
      notify(errorMessage(error), 'error');
    }
  }

  /** Saves where new notes go, and says so. */
  async set(setting: NewNotesSetting): Promise<void> {
    try {
      const editing = {
        ...(this.settings.defaultEditing ? { defaultEditing: this.settings.defaultEditing } : {}),
        ...(this.settings.strictLineBreaks !== undefined ? { strictLineBreaks: this.settings.strictLineBreaks } : {}),
      };
      this.settings = await this.host.api.setSettings({ settings: { ...setting, ...editing } });
      notify(newNotesNotice(this.settings));
    } catch (error) {
      notify(errorMessage(error), 'error');
    }
  }

  /** The path of a new note called `name` made from the note `fromPath` (a link's or the current one). */
  pathFor(name: string, fromPath: string | null): string {
    return newNotePath(name, { settings: this.settings, fromPath });
  }

  /** Starts a new note in the tree: in the selected folder, or where the settings put new notes. */
  async start(): Promise<void> {
    const { api, files, tree } = this.host;
    if (this.settings.newNotes === 'beside-current') return tree.startCreate('file');
    const folder = newNoteFolder({ settings: this.settings, fromPath: this.host.activePath() });
    // The tree names a new note inside its folder's row, so a configured folder must exist first.
    if (folder !== '' && !files.hasFolder(folder)) {
      try {
        await api.createFolder({ path: folder });
        await files.refresh();
      } catch (error) {
        notify(errorMessage(error), 'error');
        return;
      }
    }
    tree.startCreate('file', folder);
  }

  /** Creates a note named as typed in the quick switcher (where the settings put new notes) and opens it. */
  async createNamed(name: string, newTab = false): Promise<void> {
    const trimmed = name.trim();
    if (!trimmed) return;
    try {
      const path = this.pathFor(trimmed, this.host.activePath());
      const created = await this.host.api.createNote({ path, text: '' });
      await this.host.files.refresh();
      await this.host.open(created.path, { newTab });
    } catch (error) {
      notify(errorMessage(error), 'error');
    }
  }
}
