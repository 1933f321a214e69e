import type { VaultSettings } from '../../../shared/api';
import { joinPath, parentPath } from '../../../shared/paths';
import { isNote } from '../file-tree/file-tree-model';

/** Where a new note is being made from: the settings, and the linking or current note (if any). */
export type NewNoteContext = { settings: VaultSettings; fromPath: string | null };

/**
 * The folder new notes go into as the settings say: the folder of `fromPath` (the vault's root
 * when there is no current note), the root, or the configured folder, which need not exist yet
 * (creating a note creates its missing folders).
 */
export function newNoteFolder({ settings, fromPath }: NewNoteContext): string {
  switch (settings.newNotes) {
    case 'beside-current':
      return fromPath === null ? '' : parentPath(fromPath);
    case 'vault-root':
      return '';
    case 'folder':
      return settings.newNotesFolder;
  }
}

/**
 * The vault path of a new note called `name` (a link target or a typed name, ".md" added when
 * missing). Folders written in the name ("projects/idea") go inside the new-notes folder, as an
 * unresolved link's path has always been taken relative to it. The engine checks the result.
 */
export function newNotePath(name: string, context: NewNoteContext): string {
  const trimmed = name.trim();
  return joinPath(newNoteFolder(context), isNote(trimmed) ? trimmed : `${trimmed}.md`);
}

/** How a setting reads in a menu or a notice. */
export function describeNewNotes(settings: VaultSettings): string {
  switch (settings.newNotes) {
    case 'beside-current':
      return 'Same folder as current note';
    case 'vault-root':
      return 'Vault root';
    case 'folder':
      return settings.newNotesFolder;
  }
}
