import type { NoteContent } from '../../../shared/api';
import type { PlexusClient } from '../../../shared/rpc/client';
import { PlexusError } from '../../../shared/errors';
import { baseName } from '../../../shared/paths';
import { errorMessage, notify } from '../chrome/notices';
import type { NoteEditor } from '../editor/note-editor';
import type { Autosave } from '../saving/autosave';
import {
  hasOpenConflicts,
  remergeInputs,
  resolveAllSpec,
  setConflicts,
  trackConflicts,
} from '../saving/conflict-markers';
import { threeWayMerge } from '../saving/three-way-merge';

/** What the disk sync needs of the window. */
export type DiskSyncHost = {
  api: PlexusClient;
  editor: NoteEditor;
  /** The open note's autosave, if a note is open. */
  autosave(): Autosave | null;
  /** Puts a note read from disk in the editor, with a new autosave. */
  load(note: NoteContent): void;
  /**
   * The open note's text changed under the reading view: it shows it again. `replaced`: the note
   * was loaded anew (read-only on either side), so a large one leaves the reading view.
   */
  showReloaded(path: string, replaced: boolean): Promise<void>;
  /** Lists the vault again. */
  refresh(): Promise<void>;
};

/**
 * Keeps the open note in step with its file on disk: reloads it, merges the disk's changes into
 * unsaved edits, and settles a conflict the way the person chooses.
 */
export class DiskSync {
  /** Changes from disk are merged one at a time. */
  private reloading: Promise<void> = Promise.resolve();

  constructor(private readonly host: DiskSyncHost) {}

  /** The open note was deleted or moved away on disk (its text stays in the editor). */
  deleted(open: Autosave): void {
    open.conflict(
      `"${baseName(open.path)}" was deleted or moved away on disk; your text is still here. "Keep my version" saves it again.`,
    );
  }

  /** A folder now stands where the open note was. */
  becameFolder(open: Autosave): void {
    open.conflict(
      `"${baseName(open.path)}" was replaced by a folder on disk; your text is still here, but it cannot be saved under that name.`,
    );
  }

  /**
   * The open note changed on disk. Without unsaved edits it reloads in place; with them, the disk's
   * changes are merged into the edits (three-way, from the text last loaded or saved): a clean
   * merge goes on being autosaved; where both changed the same lines, both versions are shown
   * between conflict markers and nothing is saved until the person resolves them.
   */
  reload(version?: string): Promise<void> {
    this.reloading = this.reloading
      .then(() => this.merge(version))
      .catch((error: unknown) => notify(errorMessage(error), 'error'));
    return this.reloading;
  }

  private async merge(version?: string): Promise<void> {
    const { api, editor } = this.host;
    const open = this.host.autosave();
    if (!open) return;
    // A save under way decides what the disk's version is; merge against its outcome.
    await open.settled();
    // The change was our own save (its event can come before its answer): nothing to read again,
    // which for a large note saves reading megabytes back.
    if (version !== undefined && version === open.version) return;
    const note = await api.readNote({ path: open.path }).catch(() => null);
    if (!note || note.version === open.version || open !== this.host.autosave()) return;
    const name = baseName(open.path);
    // Read-only (not UTF-8) on either side: nothing to merge; show the disk's bytes as they are now.
    if (open.readOnly || note.readOnly) {
      if (open.dirty) {
        return open.conflict(
          `"${name}" was replaced on disk by a file that is not valid UTF-8 text, so your edits cannot be saved into it. Your text is still here: copy it into another note.`,
        );
      }
      this.host.load(note);
      await this.host.showReloaded(note.path, true);
      return;
    }
    // During a conflict, the newer disk text is merged into the person's side of each open block
    // (never into text holding markers): the blocks then show the newest disk text as "theirs".
    const remerge = remergeInputs(editor.view.state);
    const mine = remerge?.mine ?? editor.text;
    if (!remerge && note.text === mine) return open.rebase(note.version, note.text);
    if (!open.dirty) {
      editor.reloadInPlace(note.text);
      open.rebase(note.version, note.text);
    } else {
      const merged = threeWayMerge(remerge?.base ?? open.savedText, mine, note.text);
      editor.reloadInPlace(merged.text);
      trackConflicts(editor.view, { theirs: note.text, blocks: merged.blocks });
      open.rebase(note.version, note.text);
      if (merged.conflicts === 0) {
        notify(`Merged changes made on disk into your edits to "${name}".`);
        open.edited();
      } else {
        const places = merged.conflicts === 1 ? 'one place' : `${merged.conflicts} places`;
        open.conflict(
          `"${name}" was changed on disk while you were editing; both versions are shown in ${places}. Edit them (remove the markers) or choose a version.`,
          () => !hasOpenConflicts(editor.view.state),
        );
      }
    }
    await this.host.showReloaded(open.path, false);
  }

  /** Settles a conflict: "Keep my version" (saved over the disk's) or "Use the disk's version". */
  async resolve(choice: 'mine' | 'disk'): Promise<void> {
    const { api, editor } = this.host;
    const open = this.host.autosave();
    if (!open) return;
    try {
      // A disk change being merged first: "Keep my version" keeps mine against the newest disk text.
      await this.reloading;
      await open.settled();
      let missing = false;
      const disk = await api.readNote({ path: open.path }).catch((error: unknown) => {
        if (error instanceof PlexusError && error.code === 'NOT_FOUND') missing = true;
        else throw error;
        return null;
      });
      if (choice === 'disk') {
        if (!disk) return notify('The note no longer exists on disk.', 'error');
        if (disk.readOnly) return this.host.load(disk);
        editor.reloadInPlace(disk.text);
        editor.view.dispatch({ effects: setConflicts.of(null) });
        open.rebase(disk.version, disk.text);
        return;
      }
      // "Keep my version" keeps the person's side of every block the merge wrote, and nothing else.
      if (hasOpenConflicts(editor.view.state)) editor.view.dispatch(resolveAllSpec(editor.view.state, 'mine'));
      if (disk) {
        open.rebase(disk.version, disk.text);
        await open.flush();
      } else if (missing) {
        const created = await api.createNote({ path: open.path, text: editor.text });
        open.rebase(created.version, editor.text);
        notify(`Saved "${baseName(open.path)}" again.`);
        await this.host.refresh();
      }
    } catch (error) {
      const folder = error instanceof PlexusError && error.code === 'INVALID_ARGUMENT';
      notify(
        folder
          ? `"${baseName(open.path)}" is now a folder on disk, so your version cannot be saved under that name. Your text is still in the editor: copy it into another note.`
          : errorMessage(error),
        'error',
      );
    }
  }
}
