import type { PlexusClient } from '../../../shared/client';
import type { TabsModel } from './tabs-model';

const SAVE_STATE_DELAY_MS = 500;

/** Keeps the open tabs in `<vault>/.plexus/workspace.json`, saved shortly after they change. */
export class SavedTabs {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly api: PlexusClient,
    private readonly tabs: TabsModel,
  ) {}

  /** Saves the tabs soon (a burst of changes is one save). */
  saveSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.api
        .saveWorkspace({ state: { tabs: [...this.tabs.tabs], active: this.tabs.active } })
        .catch(() => undefined);
    }, SAVE_STATE_DELAY_MS);
  }
}
