import type { VaultSettings } from './api';
import { PlexusError } from './errors';
import { assertPortablePath, normalizeVaultPath } from './paths';

/** A vault's settings before anyone changes them: new notes go beside the current note. */
export const DEFAULT_SETTINGS: VaultSettings = Object.freeze({ newNotes: 'beside-current' });

/**
 * Checks settings about to be saved and returns them normalized ("inbox//today/" →
 * "inbox/today"). Throws UNSAFE_PATH or INVALID_NAME for a folder the vault's path rules refuse.
 */
export function checkSettings(settings: VaultSettings): VaultSettings {
  const editing = {
    ...(settings.defaultEditing === 'source' ? { defaultEditing: 'source' as const } : {}),
    ...lineBreaks(settings.strictLineBreaks),
  };
  if (settings.newNotes !== 'folder') return { newNotes: settings.newNotes, ...editing };
  const folder = normalizeVaultPath(settings.newNotesFolder);
  if (folder === '') {
    throw new PlexusError('INVALID_ARGUMENT', 'That is the vault’s root: choose "vault-root" for it.');
  }
  assertPortablePath(folder);
  return { newNotes: 'folder', newNotesFolder: folder, ...editing };
}

/**
 * Settings from a parsed settings file, which is hand-editable: unknown keys are ignored, and a
 * missing, malformed or refused value gives its default.
 */
export function settingsFrom(value: unknown): VaultSettings {
  if (typeof value !== 'object' || value === null) return DEFAULT_SETTINGS;
  const { newNotes, newNotesFolder, defaultEditing, strictLineBreaks } = value as Record<string, unknown>;
  // Live Preview is the default: only "source" is kept.
  const editing = {
    ...(defaultEditing === 'source' ? { defaultEditing: 'source' as const } : {}),
    ...lineBreaks(strictLineBreaks),
  };
  if (newNotes === 'beside-current' || newNotes === 'vault-root') return { newNotes, ...editing };
  if (newNotes !== 'folder' || typeof newNotesFolder !== 'string') return { ...DEFAULT_SETTINGS, ...editing };
  try {
    return checkSettings({ newNotes, newNotesFolder, ...editing });
  } catch {
    return { ...DEFAULT_SETTINGS, ...editing };
  }
}

/** The line-break setting when it is one (true or false); absent, app.json or the default decides. */
function lineBreaks(value: unknown): { strictLineBreaks?: boolean } {
  return typeof value === 'boolean' ? { strictLineBreaks: value } : {};
}
