import { describe, expect, it } from 'vitest';
import { packLinks, unpackLinks } from '../../../../vault/links/index-links';
import { LinkIndex } from '../../../../vault/links/link-index';
import { md, note, sequence, wiki } from '../../helpers/note-meta';

const notes = [
  note('a.md', {
    links: sequence(
      (s) => wiki('b', s),
      (s) => wiki('Missing', s),
      (s) => wiki('', s),
      (s) => wiki('b', s),
    ),
  }),
  note('sub/b.md', {
    links: sequence(
      (s) => md('../a.md', s),
      (s) => wiki('img.png', s),
      (s) => wiki('x/b', s),
    ),
  }),
  note('sub/c.md', { links: [wiki('b')], tags: ['#Project/Alpha', '#project'] }),
];
const files = ['img.png'];

/** The saved resolutions of an index, as the cache would give them back. */
function saved(index: LinkIndex, paths: string[]) {
  const restored = unpackLinks(structuredClone(packLinks(index, paths)));
  return { table: restored.table, get: (path: string) => restored.notes.get(path) };
}

describe('saved link resolutions', () => {
  it('restore the same graph as resolving every link', () => {
    const built = LinkIndex.from(notes, files);
    const restored = LinkIndex.from(notes, files, saved(built, ['a.md', 'sub/b.md', 'sub/c.md']));
    expect(restored.snapshot()).toEqual(built.snapshot());
  });

  it('keep working after a restore: a new file retargets links', () => {
    const built = LinkIndex.from(notes, files);
    const restored = LinkIndex.from(notes, files, saved(built, ['a.md', 'sub/b.md', 'sub/c.md']));
    restored.setNote(note('Missing.md'));
    built.setNote(note('Missing.md'));
    expect(restored.snapshot()).toEqual(built.snapshot());
    expect(restored.backlinks('Missing.md').map((l) => l.source)).toEqual(['a.md']);
  });

  it('are ignored when the files differ from when they were saved', () => {
    const before = LinkIndex.from(notes, files);
    const more = [...notes, note('b.md')];
    const restored = LinkIndex.from(more, files, saved(before, ['a.md', 'sub/b.md', 'sub/c.md']));
    expect(restored.snapshot()).toEqual(LinkIndex.from(more, files).snapshot());
    expect(restored.outgoing('a.md')[0]?.resolved).toBe('b.md');
  });

  it('are ignored for a note whose links no longer match in number', () => {
    const before = LinkIndex.from(notes, files);
    const changed = [note('a.md', { links: [wiki('img.png')] }), ...notes.slice(1)];
    const restored = LinkIndex.from(changed, files, saved(before, ['a.md', 'sub/b.md', 'sub/c.md']));
    expect(restored.snapshot()).toEqual(LinkIndex.from(changed, files).snapshot());
  });

  it('skip paths the index has no note for, and reject an inconsistent pack', () => {
    const index = LinkIndex.from(notes, files);
    const packed = packLinks(index, ['a.md', 'nowhere.md']);
    expect([...unpackLinks(packed).notes.keys()]).toEqual(['a.md']);
    expect(() => unpackLinks({ ...packed, refs: new Uint32Array([99]) })).toThrow();
    expect(() => unpackLinks({ ...packed, counts: new Uint32Array([1, 2]) })).toThrow();
  });
});
