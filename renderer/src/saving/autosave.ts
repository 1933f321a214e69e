import type { PlexusApi } from '../../../shared/api';
import { PlexusError } from '../../../shared/errors';

/** What the status bar shows about the open note. */
export type SaveState =
  | { kind: 'saved' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; message: string }
  | { kind: 'read-only'; message: string };

/**
 * The editor's text as the autosave sees it. `text()` is read whole only to save; `mark()` is
 * called on every edit, so it must be cheap: it remembers the text as it is now (or `text`) and
 * answers whether the editor still holds exactly that.
 */
export type TextSource = {
  text(): string;
  mark(text?: string): () => boolean;
};

/** A TextSource over a plain getter: marks compare whole strings (fine for small notes and tests). */
export function stringSource(current: () => string): TextSource {
  return {
    text: current,
    mark(text = current()) {
      return () => current() === text;
    },
  };
}

/** How long typing must pause before a save. */
export const AUTOSAVE_DELAY_MS = 1000;
/** How soon a failed save (disk full, file busy) is tried again. */
export const RETRY_DELAY_MS = 5000;

/**
 * The notice when saving `path` starts failing (`reason`: the error, which usually names the
 * file) or, with a null reason, works again.
 */
export function saveNotice(path: string, reason: string | null): { message: string; kind: 'info' | 'error' } {
  if (reason === null) return { message: `Saved "${path}".`, kind: 'info' };
  const why = reason.includes(`"${path}"`) ? reason : `Could not save "${path}": ${reason}`;
  const retry = Math.round(RETRY_DELAY_MS / 1000);
  return {
    message: `${why} Your text is kept in the editor; Plexus tries again every ${retry} seconds.`,
    kind: 'error',
  };
}

/**
 * Saves one open note: about a second after typing stops, and at once on flush (switching notes,
 * closing). Each write names the version it was edited from, so a note changed on disk is
 * never overwritten unseen; the edits then stay in the editor, unsaved, and the state says why.
 */
export class Autosave {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> | null = null;
  private state: SaveState = { kind: 'saved' };
  /**
   * Set by a conflict the person can settle by editing: true once the edits have settled it (e.g.
   * no conflict block left open). It stays: should the conflict come back (undoing its
   * resolution brings its blocks back), saving pauses again.
   */
  private hold: { settled: () => boolean; message: string } | null = null;
  /** In conflict, editing can settle it (else only the buttons can). */
  private byHand = false;
  private readonly source: TextSource;
  /** Whether the editor still holds `savedText`. */
  private saved: () => boolean;
  /** Set for a note that must never be written (e.g. a lossy view of bytes that are not UTF-8). */
  private locked: string | null = null;
  /** The last write failed (not for a conflict): retries are not announced again. */
  private failing = false;

  constructor(
    private readonly api: Pick<PlexusApi, 'writeNote'>,
    public path: string,
    /** The disk version the editor's text was last in step with. */
    public version: string,
    /** The text at `version`. */
    public savedText: string,
    /** The editor's text: a getter, or a TextSource that tells cheaply whether it changed. */
    current: (() => string) | TextSource,
    private readonly onState: (state: SaveState) => void,
    /** A save was refused because the note changed on disk (the caller merges it in). */
    private readonly onStale: () => void = () => undefined,
    /**
     * Saving started failing (`reason`: why), or saved again after failing (null): once per run
     * of failed retries, for a notice; the state tells the status bar every time.
     */
    private readonly onFailing: (reason: string | null) => void = () => undefined,
  ) {
    this.source = typeof current === 'function' ? stringSource(current) : current;
    this.saved = this.source.mark(savedText);
  }

  get status(): SaveState {
    return this.state;
  }

  /** Edits not on disk yet. Cheap with a TextSource that compares cheaply: it runs on every edit. */
  get dirty(): boolean {
    return this.locked === null && !this.saved();
  }

  get readOnly(): boolean {
    return this.locked !== null;
  }

  /** Never writes this note again; the state says why. */
  makeReadOnly(reason: string): void {
    this.clearTimer();
    this.locked = reason;
    this.hold = null;
    this.failing = false;
    this.set({ kind: 'read-only', message: reason });
  }

  /** Call on every edit by the person typing (or a change to save, like a clean merge). */
  edited(): void {
    if (this.locked !== null) return;
    if (this.state.kind === 'conflict' && !this.byHand) return;
    if (this.hold && !this.hold.settled()) {
      if (this.state.kind !== 'conflict') this.conflict(this.hold.message, this.hold.settled);
      return;
    }
    this.set(this.dirty ? { kind: 'unsaved' } : { kind: 'saved' });
    this.schedule(AUTOSAVE_DELAY_MS);
  }

  /** Saves now if there is anything to save; resolves when the disk holds the text. */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.saving) await this.saving;
    if (!this.dirty || this.state.kind === 'conflict' || (this.hold && !this.hold.settled())) return;
    this.saving = this.write().finally(() => (this.saving = null));
    await this.saving;
  }

  /** Resolves once no save is running (so `version` and `savedText` are what the disk last said). */
  async settled(): Promise<void> {
    while (this.saving) await this.saving;
  }

  /** The note on disk changed: take the new text as the base (the caller reloads the editor). */
  rebase(version: string, text: string): void {
    this.version = version;
    this.savedText = text;
    this.saved = this.source.mark(text);
    if (this.locked === null) this.set({ kind: 'saved' });
  }

  /**
   * The note on disk changed while edits were unsaved: stop saving until the person decides,
   * with a button, or (when `resolved` is given) by editing until `resolved()` says so.
   */
  conflict(message: string, resolved?: () => boolean): void {
    if (this.locked !== null) return;
    this.clearTimer();
    this.byHand = resolved !== undefined;
    if (resolved) this.hold = { settled: resolved, message };
    this.failing = false;
    this.set({ kind: 'conflict', message });
  }

  dispose(): void {
    this.clearTimer();
  }

  private async write(): Promise<void> {
    const text = this.source.text();
    const mark = this.source.mark();
    this.set({ kind: 'saving' });
    try {
      const { version } = await this.api.writeNote({ path: this.path, text, baseVersion: this.version });
      this.version = version;
      this.savedText = text;
      this.saved = mark;
      this.set(this.dirty ? { kind: 'unsaved' } : { kind: 'saved' });
      if (this.failing) {
        this.failing = false;
        this.onFailing(null);
      }
      if (this.dirty) this.edited();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof PlexusError && error.code === 'STALE_VERSION') {
        this.conflict(message);
        this.onStale();
      } else if (this.state.kind !== 'conflict') {
        // (In conflict, raised while this write ran, e.g. the note was deleted: that says more.)
        this.set({ kind: 'error', message });
        this.schedule(RETRY_DELAY_MS);
        if (!this.failing) {
          this.failing = true;
          this.onFailing(message);
        }
      }
    }
  }

  private schedule(delay: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  private set(state: SaveState): void {
    this.state = state;
    this.onState(state);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
