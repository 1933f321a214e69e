import { baseName } from '../../../shared/paths';

/**
 * A bar above the editor when a sync tool (Syncthing, Dropbox…) left conflict copies of the open
 * note: they hold edits made on another device that are not in this note.
 */
export class SyncConflictBanner {
  readonly element: HTMLElement;

  constructor(private readonly onOpen: (path: string) => void) {
    this.element = document.createElement('div');
    this.element.className = 'sync-conflict-banner';
    this.element.setAttribute('role', 'status');
    this.element.hidden = true;
  }

  /** Shows the copies of the open note (none: hides the bar). */
  show(copies: string[]): void {
    this.element.replaceChildren();
    this.element.hidden = copies.length === 0;
    if (copies.length === 0) return;
    const text = document.createElement('span');
    text.textContent =
      copies.length === 1
        ? 'A sync conflict copy of this note exists: '
        : `${copies.length} sync conflict copies of this note exist: `;
    this.element.append(text);
    for (const copy of copies) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sync-conflict-open';
      button.textContent = baseName(copy);
      button.title = `Open ${copy}`;
      button.addEventListener('click', () => this.onOpen(copy));
      this.element.append(button);
    }
  }
}
