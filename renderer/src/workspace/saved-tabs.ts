import type { TabView, WorkspaceState } from '../../../shared/api';
import type { PlexusClient } from '../../../shared/rpc/client';
import type { TabsModel } from './tabs-model';

const SAVE_STATE_DELAY_MS = 500;

/** Keeps the open tabs (and how each shows its note) in `<vault>/.plexus/workspace.json`, saved shortly after they change. */
export class SavedTabs {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly api: PlexusClient,
    private readonly tabs: TabsModel,
    private readonly views: (tabs: readonly string[]) => Record<string, TabView>,
  ) {}

  private state(): WorkspaceState {
    const state = { tabs: [...this.tabs.tabs], active: this.tabs.active };
    const views = this.views(this.tabs.tabs);
    return Object.keys(views).length > 0 ? { ...state, views } : state;
  }

  /** Saves the tabs soon (a burst of changes is one save). */
  saveSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.api.saveWorkspace({ state: this.state() }).catch(() => undefined);
    }, SAVE_STATE_DELAY_MS);
  }
}
