import type { PanesState, TabView, WorkspaceState } from '../../../shared/api';
import type { PlexusClient } from '../../../shared/rpc/client';
import type { TabsModel } from './tabs-model';

const SAVE_STATE_DELAY_MS = 500;

/** The side panes' layout, saved in the same file (see chrome/side-panes.ts). */
export type SavedPanes = { state(): PanesState | undefined; onChange(listener: () => void): void };

/** Keeps the open tabs (and how each shows its note) in `<vault>/.plexus/workspace.json`, saved shortly after they change. */
export class SavedTabs {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly api: PlexusClient,
    private readonly tabs: TabsModel,
    private readonly views: (tabs: readonly string[]) => Record<string, TabView>,
    private readonly panes?: SavedPanes,
  ) {
    panes?.onChange(() => this.saveSoon());
  }

  private state(): WorkspaceState {
    const state = { tabs: [...this.tabs.tabs], active: this.tabs.active };
    const views = this.views(this.tabs.tabs);
    const panes = this.panes?.state();
    return { ...state, ...(Object.keys(views).length > 0 && { views }), ...(panes && { panes }) };
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
