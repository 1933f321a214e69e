import type { RenameReport } from '../../../shared/api';
import type { PlexusClient } from '../../../shared/rpc/client';
import { baseName, isWithin, joinPath, parentPath } from '../../../shared/paths';
import { confirmDialog } from '../chrome/confirm-dialog';
import { errorMessage, notify } from '../chrome/notices';
import { displayName, isNote } from './file-tree-model';
import type { Autosave } from '../saving/autosave';
import type { VaultFileList } from './vault-file-list';

/** What the file actions need of the window. */
export type FileActionsHost = {
  api: PlexusClient;
  files: VaultFileList;
  /** The open note's autosave, if a note is open. */
  autosave(): Autosave | null;
  open(path: string): Promise<void>;
  /** Closes the note in the editor without saving (it is being trashed). */
  closeEditor(): void;
  /** A note or folder was renamed: tabs, history and the editor follow. */
  followRename(from: string, to: string): void;
  /** A note or folder is gone: its tabs and history go. */
  forget(path: string, wasOpen: boolean): void;
};

/** The path a note or folder gets when renamed to `name` in place (a note keeps `.md` if left off). */
export function renamedPath(path: string, name: string): string {
  const keepExtension = isNote(path) && !isNote(name);
  return joinPath(parentPath(path), keepExtension ? `${name}.md` : name);
}

/** The path of a note named `name` in `folder` (`.md` added when left off). */
export function newNoteIn(folder: string, name: string): string {
  return joinPath(folder, isNote(name) ? name : `${name}.md`);
}

/** "Moved" when the path changed folder (a drag onto another folder), else "Renamed". */
export function moveVerb(from: string, to: string): 'Moved' | 'Renamed' {
  return parentPath(from) === parentPath(to) ? 'Renamed' : 'Moved';
}

/** "Updated 37 links in 12 notes", or that no link needed updating. */
export function renameReportMessage(
  report: Pick<RenameReport, 'from' | 'to' | 'linksUpdated' | 'notesUpdated'>,
): string {
  const { linksUpdated: links, notesUpdated: notes } = report;
  return links === 0
    ? `${moveVerb(report.from, report.to)} "${baseName(report.from)}"; no links needed updating.`
    : `Updated ${links} ${links === 1 ? 'link' : 'links'} in ${notes} ${notes === 1 ? 'note' : 'notes'}.`;
}

/** The question asked before moving `path` to the trash. */
export function trashQuestion(path: string, kind: 'file' | 'folder' | undefined): string {
  const what =
    kind === 'folder'
      ? `the folder "${baseName(path)}" and everything in it`
      : `"${displayName({ name: baseName(path), kind: 'file' })}"`;
  return `Move ${what} to the trash?`;
}

/** What the file tree asks for: creating, renaming, moving and trashing notes and folders. */
export class FileActions {
  constructor(private readonly host: FileActionsHost) {}

  async create(folder: string, name: string, kind: 'file' | 'folder'): Promise<void> {
    const { api, files } = this.host;
    try {
      if (kind === 'folder') {
        await api.createFolder({ path: joinPath(folder, name) });
        await files.refresh();
      } else {
        const created = await api.createNote({ path: newNoteIn(folder, name), text: '' });
        await files.refresh();
        await this.host.open(created.path);
      }
    } catch (error) {
      notify(errorMessage(error), 'error');
      throw error;
    }
  }

  async rename(path: string, name: string): Promise<void> {
    await this.moveTo(path, renamedPath(path, name));
  }

  /** Renames or moves a note or folder, rewriting every link to it (the engine does it all or nothing). */
  async moveTo(path: string, to: string): Promise<void> {
    try {
      // Every open edit is on disk first: the rename rewrites links in notes, maybe this one.
      await this.host.autosave()?.flush();
      const report = await this.host.api.rename({ from: path, to });
      this.host.followRename(path, to);
      await this.host.files.refresh();
      this.reportRename(report);
    } catch (error) {
      notify(errorMessage(error), 'error');
      throw error;
    }
  }

  /** "Updated 37 links in 12 notes", with Undo while the rename can still be undone. */
  private reportRename(report: RenameReport): void {
    const id = report.id;
    notify(
      renameReportMessage(report),
      'info',
      id
        ? {
            label: 'Undo',
            run: () =>
              void this.host.api.undoRename({ id }).then(
                async (undone) => {
                  this.host.followRename(undone.from, undone.to);
                  await this.host.files.refresh();
                  const folder = parentPath(undone.to);
                  const place =
                    moveVerb(undone.from, undone.to) === 'Renamed'
                      ? `"${baseName(undone.to)}"`
                      : folder
                        ? `"${folder}"`
                        : 'the vault’s top folder';
                  notify(`${moveVerb(undone.from, undone.to)} back to ${place}.`);
                },
                (error: unknown) => notify(errorMessage(error), 'error'),
              ),
          }
        : undefined,
    );
  }

  async trash(path: string): Promise<void> {
    const question = trashQuestion(path, this.host.files.find(path)?.kind);
    if (!(await confirmDialog({ message: question, confirmLabel: 'Move to trash' }))) return;
    try {
      const open = this.host.autosave();
      const wasOpen = open !== null && isWithin(open.path, path);
      if (wasOpen) this.host.closeEditor();
      await this.host.api.trash({ path });
      this.host.forget(path, wasOpen);
      notify(`Moved "${baseName(path)}" to the trash.`);
      await this.host.files.refresh();
    } catch (error) {
      notify(errorMessage(error), 'error');
    }
  }
}
