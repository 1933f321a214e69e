import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FileEntry, FilesEvent } from '../../../../shared/api';
import { VaultFileList } from '../../../../renderer/src/file-tree/vault-file-list';

const file = (path: string, size = 1): FileEntry => ({ path, kind: 'file', size, mtimeMs: 1 });
const folder = (path: string): FileEntry => ({ path, kind: 'folder', size: 0, mtimeMs: 1 });
const added = (path: string): FilesEvent => ({
  type: 'added',
  path,
  kind: 'file',
  origin: 'external',
  size: 1,
  mtimeMs: 2,
});

/** A listing the test answers by hand, counting the requests. */
function harness(first: FileEntry[]) {
  const answers: ((files: FileEntry[]) => void)[] = [];
  const shown: string[][] = [];
  let listings = 0;
  const list = new VaultFileList(
    () => {
      listings++;
      return new Promise<FileEntry[]>((resolve) => answers.push(resolve));
    },
    (files) => shown.push(files.map((f) => f.path)),
  );
  return {
    list,
    shown,
    listings: () => listings,
    answer: async (files = first) => {
      answers.shift()?.(files);
      await vi.advanceTimersByTimeAsync(0);
    },
  };
}

describe('VaultFileList', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows the listing, and answers folders, notes and files from it', async () => {
    const h = harness([folder('a'), file('a/n.md'), file('a/pic.png')]);
    const refreshed = h.list.refresh();
    await h.answer();
    await refreshed;
    expect(h.shown).toEqual([['a', 'a/n.md', 'a/pic.png']]);
    expect(h.list.folders).toEqual(['a']);
    expect(h.list.notes.map((f) => f.path)).toEqual(['a/n.md']);
    expect(h.list.filePaths).toEqual(['a/n.md', 'a/pic.png']);
    expect(h.list.hasFolder('a')).toBe(true);
    expect(h.list.hasFolder('a/n.md')).toBe(false);
    expect(h.list.find('a/pic.png')?.kind).toBe('file');
  });

  it('applies events without listing again, and shows a burst once', async () => {
    const h = harness([file('b.md')]);
    const refreshed = h.list.refresh();
    await h.answer();
    await refreshed;
    h.list.apply(added('a.md'));
    h.list.apply(added('c.md'));
    // A change of text alone changes nothing shown.
    h.list.apply({ type: 'changed', path: 'b.md', origin: 'app', size: 5, mtimeMs: 3 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.listings()).toBe(1);
    expect(h.shown).toEqual([['b.md'], ['a.md', 'b.md', 'c.md']]);
    expect(h.list.find('b.md')?.size).toBe(5);
  });

  it('replays onto a listing the events that came while it was under way', async () => {
    const h = harness([file('b.md')]);
    const refreshed = h.list.refresh();
    h.list.apply(added('a.md'));
    await h.answer();
    await refreshed;
    expect(h.list.entries.map((f) => f.path)).toEqual(['a.md', 'b.md']);
    expect(h.listings()).toBe(1);
  });

  it('lists again, once per burst, when an event cannot be applied', async () => {
    const h = harness([file('b.md')]);
    const refreshed = h.list.refresh();
    await h.answer();
    await refreshed;
    // A change to a file the list does not hold: the list cannot be trusted.
    h.list.apply({ type: 'changed', path: 'ghost.md', origin: 'external', size: 1, mtimeMs: 1 });
    h.list.apply({ type: 'changed', path: 'ghost2.md', origin: 'external', size: 1, mtimeMs: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.listings()).toBe(2);
    await h.answer([file('b.md'), file('ghost.md'), file('ghost2.md')]);
    expect(h.shown.at(-1)).toEqual(['b.md', 'ghost.md', 'ghost2.md']);
  });
});
