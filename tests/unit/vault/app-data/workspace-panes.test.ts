import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../shared/rpc/dispatch';
import { WorkspaceStore } from '../../../../vault/app-data/workspace-store';
import { VaultService } from '../../../../vault/service';
import { removeTempDirs, tempDir, tempVault } from '../../helpers/temp-vault';

afterEach(removeTempDirs);

const panes = { left: { width: 300, collapsed: false }, right: { width: 250, collapsed: true } };

async function storeWith(state: unknown): Promise<WorkspaceStore> {
  const root = await tempDir();
  await fs.mkdir(join(root, '.plexus'));
  await fs.writeFile(join(root, '.plexus', 'workspace.json'), JSON.stringify(state));
  return new WorkspaceStore(root);
}

describe('WorkspaceStore: the side panes’ widths', () => {
  it('loads a file written before panes were saved, without them', async () => {
    const store = await storeWith({ tabs: ['a.md'], active: 'a.md' });
    expect(await store.load()).toEqual({ tabs: ['a.md'], active: 'a.md' });
  });

  it('keeps well-formed panes from a hand-edited file and drops malformed ones', async () => {
    expect(await (await storeWith({ tabs: [], active: null, panes })).load()).toEqual({
      tabs: [],
      active: null,
      panes,
    });
    for (const bad of [
      { left: { width: 'wide', collapsed: false }, right: panes.right },
      { left: { width: -5, collapsed: false }, right: panes.right },
      { left: { width: 1e9, collapsed: false }, right: panes.right },
      { left: panes.left },
      'narrow',
    ]) {
      expect(await (await storeWith({ tabs: [], active: null, panes: bad })).load()).toEqual({
        tabs: [],
        active: null,
      });
    }
  });

  it('saves panes through the API and refuses ones that are not what a pane is', async () => {
    const service = await VaultService.open(await tempVault(), { host: 'browser', watch: false });
    try {
      const state = { tabs: ['alpha.md'], active: 'alpha.md', panes };
      expect(await dispatch(service, 'saveWorkspace', { state })).toEqual({ ok: true, result: { saved: true } });
      expect(await service.loadWorkspace()).toEqual(state);
      for (const bad of [
        { left: { width: 1.5, collapsed: false }, right: panes.right },
        { left: { width: 200 }, right: panes.right },
        { left: panes.left, right: panes.right, middle: panes.left },
        { left: { width: 200, collapsed: 'no' }, right: panes.right },
      ]) {
        const refused = await dispatch(service, 'saveWorkspace', { state: { ...state, panes: bad } });
        expect(refused).toMatchObject({ ok: false, error: { code: expect.any(String) as string } });
      }
      expect(await service.loadWorkspace()).toEqual(state);
    } finally {
      await service.close();
    }
  });
});
