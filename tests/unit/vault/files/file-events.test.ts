import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { FileEntry } from '../../../../shared/api';
import { applyFilesEvent } from '../../../../renderer/src/file-tree/file-list';
import { VaultService } from '../../../../vault/service';
import { removeTempDirs, tempVault } from '../../helpers/temp-vault';

/**
 * The window keeps its list of files from events alone (renderer/src/file-tree/file-list.ts). Here the
 * events come from a real vault on disk, from the app's own operations and from other programs
 * (through the watcher): applied to the first listing, they must give what a new listing gives,
 * sizes and times included, with no event the list cannot take.
 */
let dir: string;
let service: VaultService;
let list: FileEntry[];
let unapplied: string[];

beforeEach(async () => {
  dir = await tempVault();
  service = await VaultService.open(dir, { host: 'browser' });
  list = await service.listFiles();
  unapplied = [];
  service.onEvent((e) => {
    if (e.topic !== 'files') return;
    const next = applyFilesEvent(list, e.event);
    if (next) list = next;
    else unapplied.push(JSON.stringify(e.event));
  });
});

afterEach(async () => {
  await service.close();
  await removeTempDirs();
});

/**
 * A folder's time is left as it was listed when something inside it changes (no event says so, and
 * nothing in the window shows a folder's time), so folders' times are not compared.
 */
function comparable(entries: FileEntry[]): FileEntry[] {
  return entries.map((e) => (e.kind === 'folder' ? { ...e, mtimeMs: 0 } : e));
}

/** Waits until the list kept from events is the listing (the watcher reports after a moment). */
async function settlesToListing(): Promise<void> {
  await expect
    .poll(() => ({ list: comparable(list), unapplied }), { timeout: 8000 })
    .toEqual({ list: comparable(await service.listFiles()), unapplied: [] });
  expect(comparable(list)).toEqual(comparable(await service.listFiles()));
}

describe('file events carry what the list needs', () => {
  it("the app's own saves, creations, moves and deletions", async () => {
    const note = await service.createNote({ path: 'new/deep/Fresh.md', text: 'one' });
    await service.writeNote({ path: note.path, text: 'a longer text than before', baseVersion: note.version });
    await service.createFolder({ path: 'archive' });
    await service.move({ from: 'new', to: 'archive/new' });
    await service.move({ from: 'alpha.md', to: 'archive/alpha.md' });
    await service.trash({ path: 'notes' });
    await settlesToListing();
    expect(list.map((e) => e.path)).toContain('archive/new/deep/Fresh.md');
  });

  it("other programs' writes, new folders with files, renames and deletions", async () => {
    await fs.writeFile(join(dir, 'alpha.md'), 'changed elsewhere, and longer than it was\n');
    await fs.mkdir(join(dir, 'outside/inner'), { recursive: true });
    await fs.writeFile(join(dir, 'outside/inner/Made.md'), 'x');
    await fs.rename(join(dir, 'notes'), join(dir, 'renamed'));
    await settlesToListing();
    expect(list.map((e) => e.path)).toContain('renamed/deeper/delta.md');
    await fs.rm(join(dir, 'renamed'), { recursive: true });
    await settlesToListing();
    expect(list.some((e) => e.path.startsWith('renamed'))).toBe(false);
  });
});
