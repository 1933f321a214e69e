import type { IndexStatus } from '../../../shared/api';
import type { SaveState } from '../saving/autosave';

export type ConflictActions = { keepMine: () => void; useDisk: () => void };

const LABELS: Record<SaveState['kind'], string> = {
  saved: 'Saved',
  unsaved: 'Unsaved',
  saving: 'Saving…',
  error: 'Not saved',
  conflict: 'Changed on disk',
  'read-only': 'Read-only',
};

/** The save state of the open note, the connection, and the choices a conflict needs. */
export class StatusBar {
  constructor(
    private readonly save: HTMLElement,
    private readonly connection: HTMLElement,
    private readonly index: HTMLElement,
  ) {}

  showSave(state: SaveState | null, actions?: ConflictActions): void {
    this.save.replaceChildren();
    this.save.dataset.state = state?.kind ?? 'none';
    if (!state) return;
    const label = document.createElement('span');
    label.className = 'save-label';
    label.textContent = LABELS[state.kind];
    this.save.append(label);
    // The editor's bar says why at length; here the reason is a tooltip.
    if (state.kind === 'read-only') label.title = state.message;
    if (state.kind === 'error' || state.kind === 'conflict') {
      label.title = state.message;
      const detail = document.createElement('span');
      detail.className = 'save-detail';
      detail.textContent = state.message;
      this.save.append(detail);
    }
    if (state.kind === 'conflict' && actions) {
      this.save.append(button('Keep my version', actions.keepMine), button('Load disk version', actions.useDisk));
    }
  }

  /** Index progress while the vault is being indexed; nothing once it is ready. */
  showIndex(status: IndexStatus): void {
    this.index.textContent =
      status.state === 'indexing'
        ? `Indexing ${status.done.toLocaleString()} / ${status.total.toLocaleString()} notes`
        : '';
  }

  showConnection(connected: boolean): void {
    this.connection.textContent = connected ? '' : 'Disconnected from the Plexus host — reconnecting…';
  }
}

function button(label: string, action: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.textContent = label;
  b.addEventListener('click', action);
  return b;
}
