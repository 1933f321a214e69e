import { constants, promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { ObsidianAppSettings } from '../../shared/api';

/** Obsidian's settings file in a vault it has opened. Plexus only ever reads it. */
export const OBSIDIAN_APP_FILE = '.obsidian/app.json';

/** app.json holds a few dozen settings: anything much larger is not one. */
const MAX_APP_JSON_BYTES = 1024 * 1024;

const DEFAULT_NOTE = 'single newlines stay line breaks, as Obsidian does by default';

/**
 * What Plexus follows of `<root>/.obsidian/app.json`: nothing when it is missing; when it cannot
 * be used (not a plain file, too large, not JSON, a value of the wrong type), the defaults and a
 * `problem` saying so. Opened without following a symlink and without blocking on a named pipe.
 */
export async function readObsidianAppSettings(root: string): Promise<ObsidianAppSettings> {
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(join(root, OBSIDIAN_APP_FILE), flags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return {};
    return problem(code === 'ELOOP' ? 'is a symbolic link' : `could not be read (${code ?? 'error'})`);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return problem('is not a plain file');
    if (stats.size > MAX_APP_JSON_BYTES) return problem('is too large to be a settings file');
    return obsidianAppSettingsFrom(await handle.readFile('utf8'));
  } catch (error) {
    return problem(`could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    await handle.close();
  }
}

/** The settings Plexus follows in app.json's text (pure: the tests feed it text). */
export function obsidianAppSettingsFrom(text: string): ObsidianAppSettings {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return problem('is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return problem('is not a JSON object');
  const { strictLineBreaks } = value as Record<string, unknown>;
  if (strictLineBreaks === undefined) return {};
  if (typeof strictLineBreaks !== 'boolean') {
    return { problem: `"strictLineBreaks" in ${OBSIDIAN_APP_FILE} is not true or false: ${DEFAULT_NOTE}.` };
  }
  return { strictLineBreaks };
}

function problem(what: string): ObsidianAppSettings {
  return { problem: `The vault's ${OBSIDIAN_APP_FILE} ${what}: ${DEFAULT_NOTE}.` };
}
