import { afterEach, describe, expect, it } from 'vitest';
import type { PlexusEvent } from '../../../../shared/api';
import { VaultService } from '../../../../vault/service';
import { removeTempDirs, sleep, tempVault } from '../../helpers/temp-vault';
import { snapshot } from './rename-harness';

let service: VaultService | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
  await removeTempDirs();
});

describe('rename through VaultService', () => {
  it('answers with the index already updated, emits the move, and undoes', async () => {
    const root = await tempVault('rename');
    service = await VaultService.open(root, { host: 'browser', watch: true, worker: null });
    await service.indexed();
    const before = await snapshot(root);
    const events: PlexusEvent[] = [];
    service.onEvent((event) => events.push(event));

    const report = await service.rename({ from: 'projects/Plan.md', to: 'Road Map.md' });
    expect(report.linksUpdated).toBe(15);
    expect(await service.backlinks({ path: 'Road Map.md' })).toHaveLength(16);
    expect(await service.noteMeta({ path: 'projects/Plan.md' })).toBeNull();
    expect(events).toContainEqual({
      topic: 'files',
      event: { type: 'renamed', from: 'projects/Plan.md', to: 'Road Map.md', kind: 'file', origin: 'app' },
    });
    // The watcher's echoes of our own writes change nothing.
    await sleep(300);
    expect(await service.backlinks({ path: 'Road Map.md' })).toHaveLength(16);

    const undone = await service.undoRename({ id: report.id as string });
    expect(undone).toMatchObject({ from: 'Road Map.md', to: 'projects/Plan.md' });
    expect(await snapshot(root)).toEqual(before);
    expect(await service.backlinks({ path: 'projects/Plan.md' })).toHaveLength(16);
  });
});
