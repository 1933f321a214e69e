/**
 * Conflict copies that sync tools leave next to a note when two devices changed it:
 *   Syncthing: `name.sync-conflict-20240101-120000-ABCDEFG.md`
 *   Dropbox:   `name (conflicted copy 2024-01-01).md`, `name (John's conflicted copy 2024-01-01).md`
 *              (also with a time or a counter inside the parentheses, as Nextcloud/newer Dropbox write)
 */
const SYNCTHING = /^(.+)\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}(\.[^./]+)?$/;
const DROPBOX = /^(.+?) \((?:[^()]*'s )?conflicted copy(?: [^()]*)?(?: \(\d+\))?\)(\.[^./]+)?$/i;

/** The note a sync conflict copy belongs to (same folder), or null when `path` is not one. */
export function conflictOriginal(path: string): string | null {
  const slash = path.lastIndexOf('/');
  const folder = path.slice(0, slash + 1);
  const name = path.slice(slash + 1);
  const match = SYNCTHING.exec(name) ?? DROPBOX.exec(name);
  if (!match || !match[1]) return null;
  return folder + match[1] + (match[2] ?? '');
}

/** The sync conflict copies of `note` among `paths`, sorted. */
export function conflictCopiesOf(note: string, paths: Iterable<string>): string[] {
  const copies: string[] = [];
  for (const path of paths) if (path !== note && conflictOriginal(path) === note) copies.push(path);
  return copies.sort();
}
