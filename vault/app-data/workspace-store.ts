import type { WorkspaceState } from '../../shared/api';
import { normalizeVaultPath } from '../../shared/paths';
import { isWorkspaceState, panesFrom, tabViewsFrom } from '../../shared/workspace-state';
import type { SaveFs } from '../files';
import { readStateFile, saveStateFile } from './state-file';

/** In `<vault>/.plexus/`, as design.md says (dot-folders are never indexed). */
const STATE_FILE = 'workspace.json';

/** The open tabs of a vault, kept in `<vault>/.plexus/workspace.json` so they survive a restart. */
export class WorkspaceStore {
  /** `saveFs`: the file operations a save uses (fault-injection tests pass a failing one). */
  constructor(
    private readonly root: string,
    private readonly saveFs?: SaveFs,
  ) {}

  /**
   * The saved state; null when there is none or it cannot be read (a bad file is not an error).
   * The file is hand-editable: tabs the API would refuse (hidden, "..") are dropped.
   */
  async load(): Promise<WorkspaceState | null> {
    try {
      const parsed: unknown = JSON.parse((await readStateFile(this.root, STATE_FILE)) ?? 'null');
      if (!isWorkspaceState(parsed)) return null;
      const tabs = parsed.tabs.filter(isSafePath);
      const active = parsed.active !== null && tabs.includes(parsed.active) ? parsed.active : null;
      const views = tabViewsFrom(parsed.views, tabs);
      const panes = panesFrom(parsed.panes);
      return { tabs, active, ...(Object.keys(views).length > 0 && { views }), ...(panes && { panes }) };
    } catch {
      return null;
    }
  }

  /** Saves the state; a failure (disk full, no permission) is an IO error in plain words. */
  async save(state: WorkspaceState): Promise<void> {
    // Tabs follow the API's path rules (a hidden ".git/config" tab would be read on the next start).
    for (const path of [...state.tabs, ...(state.active === null ? [] : [state.active])]) normalizeVaultPath(path);
    const data = Buffer.from(`${JSON.stringify(state, null, 2)}\n`);
    await saveStateFile(this.root, STATE_FILE, data, { what: 'the open tabs', saveFs: this.saveFs });
  }
}

function isSafePath(path: string): boolean {
  try {
    return normalizeVaultPath(path) !== '';
  } catch {
    return false;
  }
}
