import { PlexusError } from './errors';

/** Longest vault-relative path accepted at the boundary, in UTF-16 code units. */
export const MAX_PATH_LENGTH = 4096;
/** Most file systems cap one name at 255 bytes. */
const MAX_NAME_BYTES = 255;

// Device names: Windows refuses them with any extension ("aux.md"), and "CON " as well as "CON".
const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³]) *(\..*)?$/i;
const ILLEGAL_CHARS = /[<>:"|?*\\]/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
// Bidi controls reorder what is shown: "\u202Egpj.md" is displayed as "dm.jpg". Refused anywhere.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// Characters that show as nothing (zero-width, joiners, fillers, variation selectors, soft hyphen).
// Allowed inside a name (a ZWJ joins an emoji sequence like 👨‍👩‍👧), but a name must show something.
const INVISIBLE_CHARS =
  // eslint-disable-next-line no-misleading-character-class -- each listed alone on purpose, not a sequence
  /[\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200d\u2060-\u2064\u206a-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]|\udb40[\udc00-\uddef]/g;

/** Why Plexus never touches hidden entries: the message of every refusal of one. */
const HIDDEN_RULE = 'Plexus never reads or changes hidden files and folders (like .git and .obsidian)';

/**
 * Normalizes a vault-relative path ("a//b/./c.md" → "a/b/c.md") and refuses anything that could
 * leave the vault: absolute paths, drive letters, ".." segments, backslashes and NUL; and anything
 * hidden (a segment starting with "."): .git, .obsidian, .trash, .plexus and our temp files are
 * not the vault's. Every path the engine is given passes here, so no request can skip the rule.
 * Returns "" for the vault root.
 */
export function normalizeVaultPath(input: string): string {
  if (input.includes('\0')) throw unsafe(input, 'it contains a NUL character');
  if (input.includes('\\')) throw unsafe(input, 'use "/" to separate folders');
  // "C:/x" and "C:" name a drive; "a:b.md" is a name with a colon, refused (or not) as a name.
  if (input.startsWith('/') || /^[a-zA-Z]:(\/|$)/.test(input)) {
    throw unsafe(input, 'it is absolute; paths are relative to the vault');
  }
  if (input.length > MAX_PATH_LENGTH) throw unsafe(input.slice(0, 80) + '…', 'it is too long');
  const segments: string[] = [];
  const parts = input.split('/');
  for (const [i, segment] of parts.entries()) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') throw unsafe(input, 'it climbs out of the vault with ".."');
    if (segment.startsWith('.'))
      throw hidden(
        input,
        parts.slice(i + 1).some((s) => s !== '' && s !== '.'),
      );
    segments.push(segment);
  }
  return segments.join('/');
}

/** True when a path (normalized or not) has a hidden segment: one starting with "." other than "." and "..". */
export function isHiddenPath(path: string): boolean {
  return path.split('/').some((segment) => segment.startsWith('.') && segment !== '.' && segment !== '..');
}

/**
 * Checks the path a new note is created at, as given: it must end in a note's name ("newdir/"
 * names a folder, so it must not become a file "newdir"), and a note's name ends in ".md" like
 * every note the editor opens. Returns the normalized path.
 */
export function checkNewNotePath(input: string): string {
  const rel = normalizeVaultPath(input);
  if (rel === '' || /\/\.?$/.test(input)) {
    throw new PlexusError('INVALID_NAME', `A note name is missing after "${input}" (that names a folder).`);
  }
  assertPortablePath(rel);
  if (!/\.md$/i.test(rel)) {
    throw new PlexusError('INVALID_NAME', `Cannot create "${rel}" as a note: a note's name ends in ".md".`);
  }
  return rel;
}

/** The last segment of a vault path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The folder part of a vault path ("" for the root). */
export function parentPath(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Joins a folder and a name into a vault path. */
export function joinPath(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

/** True when `path` is `folder` itself or lies inside it. */
export function isWithin(path: string, folder: string): boolean {
  return folder === '' || path === folder || path.startsWith(folder + '/');
}

/**
 * Explains why `name` cannot be a file or folder name on some OS we support, or returns null.
 * Plexus refuses these everywhere so a vault stays portable across Windows, macOS and Linux.
 */
export function nameProblem(name: string): string | null {
  if (name.trim() === '') return 'a name cannot be empty';
  if (name === '.' || name === '..') return `"${name}" is not a name`;
  if (name.startsWith('.')) return 'names starting with "." are hidden and not shown in the vault';
  if (CONTROL_CHARS.test(name)) return 'a name cannot contain control characters';
  if (BIDI_CONTROLS.test(name)) {
    return 'a name cannot contain right-to-left or left-to-right control characters (they can disguise its extension)';
  }
  const visible = name.replace(INVISIBLE_CHARS, '');
  if (visible.trim() === '') return 'a name cannot be made only of invisible characters';
  if (visible.startsWith('.')) return 'a name cannot hide a leading "." behind invisible characters';
  if (name.includes('/')) return 'a name cannot contain "/"';
  if (name.includes(':')) return '":" is not allowed in names on Windows and macOS';
  const illegal = ILLEGAL_CHARS.exec(name);
  if (illegal) return `"${illegal[0]}" is not allowed in names on Windows`;
  if (/[. ]$/.test(name)) return 'Windows does not allow a name to end with a dot or a space';
  if (WINDOWS_RESERVED.test(name)) return `"${name.split('.')[0]}" is a reserved name on Windows`;
  if (utf8Length(name) > MAX_NAME_BYTES) {
    return `a name can be at most ${MAX_NAME_BYTES} bytes long`;
  }
  return null;
}

/** Throws INVALID_NAME unless every segment of a new path is a portable name. */
export function assertPortablePath(path: string): void {
  if (path === '') throw new PlexusError('INVALID_NAME', 'A name is required.');
  for (const segment of path.split('/')) {
    const problem = nameProblem(segment);
    if (problem) throw new PlexusError('INVALID_NAME', `Cannot use "${segment}": ${problem}.`);
  }
}

/** Bytes `text` takes in UTF-8 (computed here: shared/ has neither TextEncoder's DOM nor Node). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function hidden(path: string, inside: boolean): PlexusError {
  const what = inside ? 'is inside a hidden folder' : 'is hidden';
  return new PlexusError('UNSAFE_PATH', `"${path}" ${what}; ${HIDDEN_RULE}.`);
}

function unsafe(path: string, why: string): PlexusError {
  return new PlexusError('UNSAFE_PATH', `The path "${path}" is refused: ${why}.`);
}
