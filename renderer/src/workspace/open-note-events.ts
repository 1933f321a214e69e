import type { FilesEvent } from '../../../shared/api';
import { isWithin } from '../../../shared/paths';

/** What a file event means for the note open in the editor. */
export type OpenNoteEffect =
  | { kind: 'none' }
  /** It, or a folder holding it, was renamed or moved (so are its tabs and history). */
  | { kind: 'renamed'; from: string; to: string }
  /** It, or a folder holding it, is gone from disk. */
  | { kind: 'deleted' }
  /** A folder now stands where it was. */
  | { kind: 'became-folder' }
  /** Its text on disk changed (to `version`, when the event says): read it again and merge. */
  | { kind: 'reload'; version?: string };

/** The note in the editor, as a file event is judged against it. */
export type OpenNote = { path: string; version: string };

/** True when the event is this window's own save of the open note. */
export function isOwnSave(event: FilesEvent, openPath: string | null): boolean {
  return event.type === 'changed' && event.origin === 'app' && event.path === openPath;
}

/** The path whose tabs and history go, when the event removes something other than the open note. */
export function removedElsewhere(event: FilesEvent, openPath: string | null): string | null {
  return event.type === 'removed' && !(openPath !== null && isWithin(openPath, event.path)) ? event.path : null;
}

/** What the event does to the open note (none open: only a rename matters, to tabs and history). */
export function openNoteEffect(event: FilesEvent, open: OpenNote | null): OpenNoteEffect {
  if (event.type === 'renamed') return { kind: 'renamed', from: event.from, to: event.to };
  if (!open) return { kind: 'none' };
  if (event.type === 'removed' && isWithin(open.path, event.path)) return { kind: 'deleted' };
  if (event.type === 'added' && event.kind === 'folder' && event.path === open.path) return { kind: 'became-folder' };
  if (event.type === 'changed' && event.path === open.path && event.version !== open.version)
    return { kind: 'reload', version: event.version };
  if (event.type === 'added' && event.kind === 'file' && event.path === open.path) return { kind: 'reload' };
  return { kind: 'none' };
}
