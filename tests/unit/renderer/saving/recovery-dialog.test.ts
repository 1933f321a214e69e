// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { foldUnchanged, lineDiff, openRecovery } from '../../../../renderer/src/saving/recovery-dialog';

afterEach(() => document.body.replaceChildren());

describe('lineDiff', () => {
  it('marks lines only in the current text as removed and the earlier ones as added', () => {
    expect(lineDiff('a\nb\nc', 'a\nB\nc')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'B' },
      { kind: 'same', text: 'c' },
    ]);
  });

  it('folds long unchanged runs, keeping context around changes', () => {
    const current = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const earlier = current.replace('line 10', 'LINE 10');
    const folded = foldUnchanged(lineDiff(current, earlier));
    expect(folded[0]).toEqual({ kind: 'fold', count: 7 });
    expect(folded.filter((l) => l.kind === 'same')).toHaveLength(6);
    expect(folded.at(-1)).toEqual({ kind: 'fold', count: 6 });
  });
});

describe('openRecovery', () => {
  const snapshots = [
    { id: '1700000300000-0123456789abcdef-00000002', time: 1_700_000_300_000, size: 40 },
    { id: '1700000000000-0123456789abcdef-00000001', time: 1_700_000_000_000, size: 30 },
  ];
  const texts: Record<string, string> = {
    [snapshots[0]?.id ?? '']: 'title\nsecond version\n',
    [snapshots[1]?.id ?? '']: 'title\nfirst version\n',
  };
  const api = {
    listSnapshots: vi.fn(() => Promise.resolve(snapshots)),
    readSnapshot: vi.fn(({ id }: { id: string }) => Promise.resolve({ path: 'a.md', text: texts[id] ?? '', time: 0 })),
  };

  it('lists versions newest first, shows the diff of the selected one, and restores it', async () => {
    const restore = vi.fn();
    const closed = openRecovery({ api, path: 'a.md', currentText: () => 'title\nnow\n', restore });
    await vi.waitFor(() => expect(document.querySelector('.recovery-lines')).not.toBeNull());
    const items = [...document.querySelectorAll('.recovery-item')];
    expect(items).toHaveLength(2);
    expect(document.querySelector('.diff-removed')?.textContent).toContain('now');
    expect(document.querySelector('.diff-added')?.textContent).toContain('second version');

    (items[1] as HTMLElement).click();
    await vi.waitFor(() => expect(document.querySelector('.diff-added')?.textContent).toContain('first version'));
    (document.querySelector('.recovery-restore') as HTMLButtonElement).click();
    await closed;
    expect(restore).toHaveBeenCalledWith('title\nfirst version\n');
    expect(document.querySelector('.recovery-dialog')).toBeNull();
  });

  it('says so when no versions are kept, and Escape closes it without restoring', async () => {
    const restore = vi.fn();
    const none = { ...api, listSnapshots: vi.fn(() => Promise.resolve([])) };
    const closed = openRecovery({ api: none, path: 'a.md', currentText: () => '', restore });
    await vi.waitFor(() => expect(document.querySelector('.recovery-empty')?.textContent).toContain('No earlier'));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await closed;
    expect(restore).not.toHaveBeenCalled();
  });
});
