import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { WorkspaceState } from '../shared/api';
import { isWorkspaceState } from '../shared/workspace-state';
import { atomicWrite } from './atomic-write';

/** Per-vault settings and state live here, as design.md says (dot-folders are never indexed). */
const STATE_FILE = join('.plexus', 'workspace.json');

/** The open tabs of a vault, kept in `<vault>/.plexus/workspace.json` so they survive a restart. */
export class WorkspaceStore {
  constructor(private readonly root: string) {}

  /** The saved state; null when there is none or it cannot be read (a bad file is not an error). */
  async load(): Promise<WorkspaceState | null> {
    try {
      const parsed: unknown = JSON.parse(await fs.readFile(join(this.root, STATE_FILE), 'utf8'));
      return isWorkspaceState(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }

  async save(state: WorkspaceState): Promise<void> {
    await fs.mkdir(join(this.root, '.plexus'), { recursive: true });
    await atomicWrite(join(this.root, STATE_FILE), Buffer.from(`${JSON.stringify(state, null, 2)}\n`));
  }
}
