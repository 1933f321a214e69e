/** What a burst of file events may have changed, for the panes to judge whether to fetch again. */
export type VaultChange = {
  /**
   * Only the open note was saved, by this window: what the other notes hold, and which files
   * exist, are as they were (a pane of the vault-wide text, like unlinked mentions, need not look again).
   */
  ownSavesOnly: boolean;
};

/** Panes that show links follow within a few tens of milliseconds; a burst is one refresh. */
const CHANGED_DELAY_MS = 30;

/** The change so far, after one more event (`ownSave`: the open note's own save). */
export function withEvent(change: VaultChange | null, ownSave: boolean): VaultChange {
  return { ownSavesOnly: (change?.ownSavesOnly ?? true) && ownSave };
}

/** Gathers the events of a burst and tells `tell`, once per burst, what they may have changed. */
export class VaultChangeBurst {
  private change: VaultChange | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly tell: (change: VaultChange) => void) {}

  add(ownSave: boolean): void {
    this.change = withEvent(this.change, ownSave);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const change = this.change ?? { ownSavesOnly: false };
      this.change = null;
      this.tell(change);
    }, CHANGED_DELAY_MS);
  }
}
