import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../shared/rpc/dispatch';
import { WorkspaceStore } from '../../../../vault/app-data/workspace-store';
import { VaultService } from '../../../../vault/service';
import { removeTempDirs, tempDir, tempVault } from '../../helpers/temp-vault';

afterEach(removeTempDirs);

describe('WorkspaceStore: how each tab shows its note', () => {
  it('keeps the views of open tabs from a hand-edited file, and drops the rest', async () => {
    const root = await tempDir();
    await fs.mkdir(join(root, '.plexus'));
    const views = {
      'a.md': { source: true },
      'b.md': { reading: true, source: 'yes', extra: 1 },
      'closed.md': { source: true },
      'c.md': { source: false },
    };
    const state = { tabs: ['a.md', 'b.md', 'c.md', '../out.md'], active: 'a.md', views };
    await fs.writeFile(join(root, '.plexus', 'workspace.json'), JSON.stringify(state));
    expect(await new WorkspaceStore(root).load()).toEqual({
      tabs: ['a.md', 'b.md', 'c.md'],
      active: 'a.md',
      views: { 'a.md': { source: true }, 'b.md': { reading: true } },
    });
  });

  it('saves views through the API and refuses ones that are not what a view is', async () => {
    const service = await VaultService.open(await tempVault(), { host: 'browser', watch: false });
    try {
      const state = { tabs: ['alpha.md'], active: 'alpha.md', views: { 'alpha.md': { source: true } } };
      expect(await dispatch(service, 'saveWorkspace', { state })).toEqual({ ok: true, result: { saved: true } });
      expect(await service.loadWorkspace()).toEqual(state);
      for (const views of [
        { 'alpha.md': { source: 'yes' } },
        { '../x.md': { reading: true } },
        { 'alpha.md': { x: 1 } },
      ]) {
        const refused = await dispatch(service, 'saveWorkspace', { state: { ...state, views } });
        expect(refused).toMatchObject({ ok: false, error: { code: expect.any(String) as string } });
      }
      expect(await service.loadWorkspace()).toEqual(state);
    } finally {
      await service.close();
    }
  });
});
