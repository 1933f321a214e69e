import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isSnapshotId, RecoveryStore } from '../../../../vault/app-data/recovery-store';
import { VaultService } from '../../../../vault/service';
import { removeTempDirs, tempDir, tempVault } from '../../helpers/temp-vault';

afterEach(() => removeTempDirs());

const MIN = 60_000;

async function store(options: { maxBytes?: number; scope?: string } = {}) {
  const clock = { now: 1_700_000_000_000 };
  const dir = join(await tempDir(), 'recovery');
  const recovery = new RecoveryStore(dir, { scope: options.scope ?? '/vault', now: () => clock.now, ...options });
  return { dir, recovery, clock };
}

describe('RecoveryStore', () => {
  it('keeps at most one snapshot per note every five minutes, newest first', async () => {
    const { recovery, clock } = await store();
    expect(await recovery.snapshot('a.md', 'one')).not.toBeNull();
    clock.now += 2 * MIN;
    expect(await recovery.snapshot('a.md', 'two')).toBeNull();
    expect(await recovery.snapshot('b.md', 'other note')).not.toBeNull();
    clock.now += 4 * MIN;
    const third = await recovery.snapshot('a.md', 'three');
    const list = await recovery.list('a.md');
    expect(list.map((s) => s.id)).toEqual([third, expect.any(String)]);
    expect(list[0]?.time).toBeGreaterThan(list[1]?.time ?? Infinity);
    expect((await recovery.read(list[1]?.id ?? '')).text).toBe('one');
    expect(await recovery.read(third ?? '')).toEqual({ path: 'a.md', text: 'three', time: clock.now });
  });

  it('a forced snapshot skips the interval but never repeats the latest text', async () => {
    const { recovery } = await store();
    await recovery.snapshot('a.md', 'one');
    expect(await recovery.snapshot('a.md', 'two', { force: true })).not.toBeNull();
    expect(await recovery.snapshot('a.md', 'two', { force: true })).toBeNull();
    expect(await recovery.list('a.md')).toHaveLength(2);
  });

  it('drops snapshots older than a week', async () => {
    const { recovery, clock } = await store();
    await recovery.snapshot('a.md', 'old');
    clock.now += 8 * 24 * 60 * MIN;
    expect(await recovery.list('a.md')).toEqual([]);
    await recovery.snapshot('a.md', 'new');
    expect((await recovery.list('a.md')).length).toBe(1);
  });

  it('drops the oldest snapshots, of any note, past the size cap', async () => {
    const { recovery, clock, dir } = await store({ maxBytes: 2500 });
    for (let i = 0; i < 6; i++) {
      await recovery.snapshot(i % 2 ? 'a.md' : 'b.md', `${i}`.repeat(900), { force: true });
      clock.now += MIN;
    }
    const files = await fs.readdir(dir);
    expect(files.length).toBe(2);
    expect((await recovery.list('a.md')).length + (await recovery.list('b.md')).length).toBe(2);
    const [latest] = await recovery.list('a.md');
    expect((await recovery.read(latest?.id ?? '')).text).toBe('5'.repeat(900));
  });

  it('finds snapshots again after a restart, and keeps vaults apart', async () => {
    const { recovery, dir, clock } = await store();
    const id = (await recovery.snapshot('a.md', 'kept')) ?? '';
    const again = new RecoveryStore(dir, { scope: '/vault', now: () => clock.now });
    expect((await again.list('a.md')).map((s) => s.id)).toEqual([id]);
    const otherVault = new RecoveryStore(dir, { scope: '/elsewhere' });
    expect(await otherVault.list('a.md')).toEqual([]);
    await expect(otherVault.read(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses anything but an id', async () => {
    const { recovery } = await store();
    expect(isSnapshotId('../../etc/passwd')).toBe(false);
    await expect(recovery.read('../../etc/passwd')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(recovery.read('1700000000000-0123456789abcdef-01234567')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('VaultService file recovery', () => {
  it('keeps the text from before the first save and the saved text; a stale save keeps nothing', async () => {
    const root = await tempVault('basic');
    const recoveryDir = join(await tempDir(), 'recovery');
    const service = await VaultService.open(root, { host: 'browser', watch: false, worker: null, recoveryDir });
    try {
      const [path] = (await service.listFiles()).filter((f) => f.path.endsWith('.md')).map((f) => f.path);
      if (!path) throw new Error('fixture has no note');
      const note = await service.readNote({ path });
      await expect(service.writeNote({ path, text: 'x', baseVersion: '0000000000000000' })).rejects.toMatchObject({
        code: 'STALE_VERSION',
      });
      expect(await service.listSnapshots({ path })).toEqual([]);
      const { version } = await service.writeNote({ path, text: 'a bad save', baseVersion: note.version });
      const list = await service.listSnapshots({ path });
      expect(list).toHaveLength(2);
      const texts = await Promise.all(list.map(async (s) => (await service.readSnapshot({ id: s.id })).text));
      expect(texts).toEqual(['a bad save', note.text]);
      // A save a moment later is not kept again (the interval), but it is on disk.
      await service.writeNote({ path, text: 'fixed', baseVersion: version });
      expect(await service.listSnapshots({ path })).toHaveLength(2);
    } finally {
      await service.close();
    }
  });
});
