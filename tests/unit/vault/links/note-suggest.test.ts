import { describe, expect, it } from 'vitest';
import type { NoteMeta } from '../../../../shared/note-meta';
import { LinkIndex } from '../../../../vault/links/link-index';
import { suggestNotes } from '../../../../vault/links/note-suggest';
import { note } from '../../helpers/note-meta';

function build(...notes: NoteMeta[]): LinkIndex {
  return LinkIndex.from(notes);
}

const paths = (links: LinkIndex, query: string, more: { recent?: string[]; limit?: number } = {}) =>
  suggestNotes(links, { query, ...more }).map((s) => s.path);

describe('suggestNotes', () => {
  it('ranks exact, then prefix, then word-start, then subsequence matches', () => {
    const links = build(
      note('a/plan ahead.md'),
      note('b/planet.md'),
      note('c/plan.md'),
      note('d/a long plan.md'),
      note('e/p-l-a-n-s.md'),
      note('f/unrelated.md'),
    );
    expect(paths(links, 'plan')).toEqual([
      'c/plan.md',
      'b/planet.md',
      'a/plan ahead.md',
      'd/a long plan.md',
      'e/p-l-a-n-s.md',
    ]);
  });

  it('offers the title when it matches as well as the file name, so links read [[slug|Title]]', () => {
    const links = build(note('neural-nets.md', { title: 'Neural Networks' }), note('neutral.md'));
    const nets = suggestNotes(links, { query: 'neu' }).find((s) => s.path === 'neural-nets.md');
    expect(nets).toMatchObject({ path: 'neural-nets.md', matched: { kind: 'title', text: 'Neural Networks' } });
    // The file name still wins when only it matches that well.
    const [byName] = suggestNotes(links, { query: 'neural-nets' });
    expect(byName?.matched.kind).toBe('name');
  });

  it('matches titles and aliases, and says which name matched with its highlighted ranges', () => {
    const links = build(
      note('notes/20240101.md', { title: 'New Year Resolutions', aliases: ['Goals 2024'] }),
      note('notes/other.md'),
    );
    const [byTitle] = suggestNotes(links, { query: 'resol' });
    expect(byTitle).toMatchObject({
      path: 'notes/20240101.md',
      title: 'New Year Resolutions',
      folder: 'notes',
      matched: { kind: 'title', text: 'New Year Resolutions' },
      ranges: [[9, 14]],
    });
    const [byAlias] = suggestNotes(links, { query: 'goals' });
    expect(byAlias?.matched).toEqual({ kind: 'alias', text: 'Goals 2024' });
    const [byName] = suggestNotes(links, { query: '2024010' });
    expect(byName?.matched).toEqual({ kind: 'name', text: '20240101' });
  });

  it('lists each note once, under its best-matching name', () => {
    const links = build(note('x/project.md', { title: 'Project', aliases: ['Projects', 'proj'] }));
    const results = suggestNotes(links, { query: 'proj' });
    expect(results).toHaveLength(1);
    expect(results[0]?.matched).toEqual({ kind: 'alias', text: 'proj' });
  });

  it('matches paths only when the query names a folder', () => {
    const links = build(note('work/meetings/monday.md'), note('home/monday.md'));
    expect(paths(links, 'work/mon')).toEqual(['work/meetings/monday.md']);
    expect(suggestNotes(links, { query: 'work/mon' })[0]?.matched.kind).toBe('path');
    expect(paths(links, 'work')).toEqual([]);
  });

  it('boosts recently opened notes within a tier, most recent first, but not above a better tier', () => {
    const links = build(note('alpha one.md'), note('alpha two.md'), note('alpha.md'), note('lpha.md'));
    expect(paths(links, 'alph', { recent: ['alpha two.md'] }).slice(0, 3)).toEqual([
      'alpha two.md',
      'alpha.md',
      'alpha one.md',
    ]);
    expect(paths(links, 'alpha', { recent: ['alpha one.md', 'alpha two.md'] })).toEqual([
      'alpha.md',
      'alpha one.md',
      'alpha two.md',
    ]);
  });

  it('with an empty query lists recent notes, then the others by path, up to the limit', () => {
    const links = build(note('c.md'), note('a.md'), note('b.md'), note('d.md'));
    expect(paths(links, '', { recent: ['d.md', 'gone.md', 'b.md'], limit: 3 })).toEqual(['d.md', 'b.md', 'a.md']);
    expect(paths(links, '  ')).toEqual(['a.md', 'b.md', 'c.md', 'd.md']);
  });

  it('keeps to the limit (default 20)', () => {
    const links = build(...Array.from({ length: 30 }, (_, i) => note(`n${String(i).padStart(2, '0')}.md`)));
    expect(paths(links, 'n')).toHaveLength(20);
    expect(paths(links, 'n', { limit: 5 })).toEqual(['n00.md', 'n01.md', 'n02.md', 'n03.md', 'n04.md']);
  });

  it('follows the index as notes are added, changed, renamed and removed', () => {
    const links = build(note('a.md'), note('b.md', { title: 'Banana' }));
    expect(paths(links, 'banana')).toEqual(['b.md']);
    links.setNote(note('b.md', { title: 'Cherry' }));
    expect(paths(links, 'banana')).toEqual([]);
    expect(paths(links, 'cherry')).toEqual(['b.md']);
    links.setNote(note('banana.md'));
    expect(paths(links, 'banana')).toEqual(['banana.md']);
    links.rename('banana.md', 'fruit/plantain.md');
    expect(paths(links, 'banana')).toEqual([]);
    expect(paths(links, 'plantain')).toEqual(['fruit/plantain.md']);
    links.remove('fruit/plantain.md');
    expect(paths(links, 'plantain')).toEqual([]);
    links.addFile('image.png');
    expect(paths(links, '')).toEqual(['a.md', 'b.md']);
  });

  it('reports the folder, "" at the root', () => {
    const links = build(note('top.md'), note('deep/er/down.md'));
    expect(suggestNotes(links, { query: 'top' })[0]?.folder).toBe('');
    expect(suggestNotes(links, { query: 'down' })[0]?.folder).toBe('deep/er');
  });
});
