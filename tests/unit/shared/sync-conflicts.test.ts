import { describe, expect, it } from 'vitest';
import { conflictCopiesOf, conflictOriginal } from '../../../shared/sync-conflicts';

describe('sync conflict copies', () => {
  it.each([
    ['notes/plan.sync-conflict-20240101-120000-ABCDEFG.md', 'notes/plan.md'],
    ['plan.sync-conflict-20241231-235959-7XK2QPZ.md', 'plan.md'],
    ['a.b.sync-conflict-20240101-120000-ABCDEFG.md', 'a.b.md'],
    ['plan (conflicted copy 2024-01-01).md', 'plan.md'],
    ["deep/dir/plan (John's conflicted copy 2024-01-01).md", 'deep/dir/plan.md'],
    ["My Plan (Anne-Marie O'Neil's conflicted copy 2024-01-01).md", 'My Plan.md'],
    ['plan (conflicted copy 2024-01-01 120000).md', 'plan.md'],
    ["plan (John's conflicted copy 2024-01-01 (1)).md", 'plan.md'],
    ['image.sync-conflict-20240101-120000-ABCDEFG.png', 'image.png'],
  ])('%s belongs to %s', (copy, original) => {
    expect(conflictOriginal(copy)).toBe(original);
  });

  it.each([
    'plan.md',
    'plan (copy).md',
    'plan (conflicted).md',
    'plan.sync-conflict-2024-ABC.md',
    'plan.sync-conflict-20240101-120000-abc.md',
    'conflicted copy.md',
    '(conflicted copy 2024-01-01).md',
  ])('%s is not a conflict copy', (path) => {
    expect(conflictOriginal(path)).toBeNull();
  });

  it('lists the copies of one note, only in its own folder', () => {
    const paths = [
      'plan.md',
      'plan (conflicted copy 2024-01-01).md',
      'plan.sync-conflict-20240101-120000-ABCDEFG.md',
      'other/plan (conflicted copy 2024-01-01).md',
      'planet (conflicted copy 2024-01-01).md',
    ];
    expect(conflictCopiesOf('plan.md', paths)).toEqual([
      'plan (conflicted copy 2024-01-01).md',
      'plan.sync-conflict-20240101-120000-ABCDEFG.md',
    ]);
  });
});
