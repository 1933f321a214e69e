import { isWithin } from '../../../shared/paths';

/** How many recently opened notes are remembered. */
const MAX_RECENT = 20;

/**
 * Puts `path` first in `recent` (most recent first), in place: completion and the quick
 * switcher hold the same array.
 */
export function noteOpened(recent: string[], path: string): void {
  recent.splice(0, recent.length, path, ...recent.filter((p) => p !== path).slice(0, MAX_RECENT - 1));
}

/** Renames `from` (a note, or a folder and what it holds) to `to` in `recent`, in place. */
export function notesRenamed(recent: string[], from: string, to: string): void {
  for (let i = 0; i < recent.length; i++) {
    const path = recent[i] as string;
    if (isWithin(path, from)) recent[i] = to + path.slice(from.length);
  }
}
