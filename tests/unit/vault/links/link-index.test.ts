import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LinkRef, NoteMeta } from '../../../../shared/note-meta';
import { isNotePath, LinkIndex, moveNoteMeta, type ResolvedLink } from '../../../../vault/links/link-index';
import { NameTable, resolveLink } from '../../../../vault/links/resolve-link';
import { md, note, sequence, wiki } from '../../helpers/note-meta';

/** `[source, resolved target]` per link, compact for assertions. */
const pairs = (links: ResolvedLink[]) => links.map((l) => [l.source, l.link.target, l.resolved]);

function build(...notes: NoteMeta[]): LinkIndex {
  const index = new LinkIndex();
  for (const n of notes) index.setNote(n);
  return index;
}

describe('LinkIndex: outgoing and backlinks', () => {
  it('resolves each link and lists backlinks by source, then offset, self-links included', () => {
    const index = build(
      note('b.md', {
        links: sequence(
          (s) => wiki('a', s),
          (s) => wiki('', s),
          (s) => wiki('A', s),
        ),
      }),
      note('a.md', {
        links: sequence(
          (s) => wiki('missing', s),
          (s) => wiki('a', s),
        ),
      }),
      note('c/c.md', { links: [md('../a.md', 5)] }),
    );
    expect(pairs(index.outgoing('b.md'))).toEqual([
      ['b.md', 'a', 'a.md'],
      ['b.md', '', 'b.md'],
      ['b.md', 'A', 'a.md'],
    ]);
    expect(index.backlinks('a.md').map((l) => [l.source, l.link.start])).toEqual([
      ['a.md', 12],
      ['b.md', 0],
      ['b.md', 11],
      ['c/c.md', 5],
    ]);
    expect(pairs(index.backlinks('b.md'))).toEqual([['b.md', '', 'b.md']]);
    expect(index.backlinks('nothing.md')).toEqual([]);
    expect(index.outgoing('nothing.md')).toEqual([]);
  });

  it('resolves links to attachments, embeds included', () => {
    const index = build(note('n.md', { links: [wiki('img.png', 0, { embed: true }), wiki('doc.pdf', 20)] }));
    index.addFile('assets/img.png');
    expect(pairs(index.backlinks('assets/img.png'))).toEqual([['n.md', 'img.png', 'assets/img.png']]);
    expect(index.unresolved().map((g) => g.target)).toEqual(['doc.pdf']);
    index.addFile('doc.pdf');
    expect(index.unresolved()).toEqual([]);
  });

  it('never resolves through aliases or titles', () => {
    const index = build(
      note('Artificial Intelligence.md', { aliases: ['AI'], title: 'Machines' }),
      note('n.md', {
        links: sequence(
          (s) => wiki('AI', s),
          (s) => wiki('Machines', s),
        ),
      }),
    );
    expect(pairs(index.outgoing('n.md'))).toEqual([
      ['n.md', 'AI', null],
      ['n.md', 'Machines', null],
    ]);
  });

  it('answers resolve() against the current vault', () => {
    const index = build(note('a/Note.md'), note('Note.md'));
    expect(index.resolve('Note', 'a/b/x.md')).toBe('Note.md');
    expect(index.resolve('Note.md', 'a/x.md', 'markdown')).toBe('a/Note.md');
    expect(index.resolve('', 'Note.md')).toBe('Note.md');
    expect(index.resolve('Nope', 'Note.md')).toBeNull();
  });
});

describe('LinkIndex: links follow files appearing and vanishing', () => {
  it('retargets [[Note]] written in b/ when b/Note.md appears, and back when it goes', () => {
    const index = build(note('a/Note.md'), note('b/src.md', { links: [wiki('Note')] }));
    expect(pairs(index.backlinks('a/Note.md'))).toEqual([['b/src.md', 'Note', 'a/Note.md']]);

    index.setNote(note('b/Note.md'));
    expect(pairs(index.outgoing('b/src.md'))).toEqual([['b/src.md', 'Note', 'b/Note.md']]);
    expect(index.backlinks('a/Note.md')).toEqual([]);
    expect(pairs(index.backlinks('b/Note.md'))).toEqual([['b/src.md', 'Note', 'b/Note.md']]);

    index.remove('b/Note.md');
    expect(pairs(index.backlinks('a/Note.md'))).toEqual([['b/src.md', 'Note', 'a/Note.md']]);
  });

  it('makes links unresolved when their only target is deleted, and resolves them when it returns', () => {
    const index = build(
      note('x.md'),
      note('p.md', {
        links: sequence(
          (s) => wiki('x', s),
          (s) => wiki('X.md', s),
        ),
      }),
      note('q/q.md', { links: [md('../x.md')] }),
    );
    expect(index.stats()).toMatchObject({ links: 3, resolved: 3, unresolved: 0 });

    index.remove('x.md');
    expect(index.has('x.md')).toBe(false);
    expect(index.unresolved().map((g) => [g.key, g.target, pairs(g.sources)])).toEqual([
      ['../x', '../x.md', [['q/q.md', '../x.md', null]]],
      [
        'x',
        'x',
        [
          ['p.md', 'x', null],
          ['p.md', 'X.md', null],
        ],
      ],
    ]);
    expect(index.stats()).toMatchObject({ links: 3, resolved: 0, unresolved: 3 });

    index.setNote(note('sub/x.md'));
    expect(index.unresolved()).toEqual([]);
    expect(index.backlinks('sub/x.md')).toHaveLength(3);
  });

  it('moves backlinks when a note is renamed; its own links keep resolving', () => {
    const index = build(note('x.md', { links: [wiki('y')] }), note('y.md', { links: [wiki('x')] }));
    index.rename('x.md', 'folder/z.md');
    expect(index.has('x.md')).toBe(false);
    expect(index.note('folder/z.md')?.title).toBe('z');
    expect(pairs(index.outgoing('folder/z.md'))).toEqual([['folder/z.md', 'y', 'y.md']]);
    expect(pairs(index.backlinks('y.md'))).toEqual([['folder/z.md', 'y', 'y.md']]);
    expect(pairs(index.outgoing('y.md'))).toEqual([['y.md', 'x', null]]);

    // Moving keeps the name: the link follows.
    index.rename('folder/z.md', 'x.md', note('x.md', { links: [wiki('y')] }));
    expect(pairs(index.outgoing('y.md'))).toEqual([['y.md', 'x', 'x.md']]);
  });

  it('renames attachments, and notes into attachments and back', () => {
    const index = build(
      note('n.md', {
        links: sequence(
          (s) => wiki('img.png', s),
          (s) => wiki('t', s),
        ),
      }),
    );
    index.addFile('img.png');
    index.rename('img.png', 'pics/img.png');
    expect(pairs(index.backlinks('pics/img.png'))).toEqual([['n.md', 'img.png', 'pics/img.png']]);

    index.setNote(note('t.md', { links: [wiki('n')] }));
    index.rename('t.md', 't.txt');
    expect(index.note('t.txt')).toBeUndefined();
    expect(index.files()).toEqual(['pics/img.png', 't.txt']);
    expect(index.backlinks('n.md')).toEqual([]);
    expect(index.resolve('t', 'n.md')).toBeNull();

    index.rename('t.txt', 't.md', note('t.md', { links: [wiki('n')] }));
    expect(index.backlinks('n.md')).toHaveLength(1);
    expect(index.resolve('t', 'n.md')).toBe('t.md');
    expect(() => index.rename('pics/img.png', 'pics/img.md')).toThrow(/NoteMeta/);
    expect(() => index.rename('t.md', 'u.md', note('v.md'))).toThrow(/not "u.md"/);
  });

  it('replaces a note: old links leave, new ones arrive, the file stays', () => {
    const index = build(note('a.md'), note('b.md'), note('n.md', { links: [wiki('a')] }));
    index.setNote(note('n.md', { links: [wiki('b')] }));
    expect(index.backlinks('a.md')).toEqual([]);
    expect(pairs(index.backlinks('b.md'))).toEqual([['n.md', 'b', 'b.md']]);
    expect(index.stats()).toEqual({ notes: 3, files: 0, links: 1, resolved: 1, unresolved: 0, tags: 0 });
  });

  it('reads a file as a note or an attachment without moving links to it', () => {
    const index = build(note('n.md', { links: [wiki('x')] }));
    index.addFile('x.md');
    expect(index.resolve('x', 'n.md')).toBe('x.md');
    index.setNote(note('x.md', { links: [wiki('n')] }));
    expect(index.files()).toEqual([]);
    expect(index.backlinks('n.md')).toHaveLength(1);
    index.addFile('x.md');
    expect(index.note('x.md')).toBeUndefined();
    expect(index.backlinks('n.md')).toEqual([]);
    expect(pairs(index.backlinks('x.md'))).toEqual([['n.md', 'x', 'x.md']]);
  });

  it('refuses paths that are not normalised notes', () => {
    const index = new LinkIndex();
    expect(() => index.setNote(note('a.txt'))).toThrow(/\.md/);
    index.setNote(note('Upper.MD'));
    expect(index.resolve('upper', 'x.md')).toBe('Upper.MD');
    expect(() => index.setNote(note('a/../b.md'))).toThrow();
    expect(() => index.addFile('/abs.png')).toThrow();
    index.remove('never-there.md');
    expect(index.stats().notes).toBe(1);
  });
});

describe('LinkIndex: tags', () => {
  const index = build(
    note('b.md', { tags: ['Project/Alpha', { tag: 'inbox', line: null }] }),
    note('a.md', { tags: ['project', 'INBOX', 'inbox', 'project/beta'] }),
    note('c.md', { tags: ['#Project/alpha', 'projects'] }),
  );

  it('merges tags case-insensitively, shown as spelled by the first note by path', () => {
    expect(index.tags()).toEqual([
      { tag: 'INBOX', notes: ['a.md', 'b.md'] },
      { tag: 'project', notes: ['a.md'] },
      { tag: 'Project/Alpha', notes: ['b.md', 'c.md'] },
      { tag: 'project/beta', notes: ['a.md'] },
      { tag: 'projects', notes: ['c.md'] },
    ]);
    expect(index.stats().tags).toBe(5);
  });

  it('finds notes by tag, nested tags included, whole segments only', () => {
    expect(index.notesWithTag('project')).toEqual(['a.md', 'b.md', 'c.md']);
    expect(index.notesWithTag('#PROJECT/alpha')).toEqual(['b.md', 'c.md']);
    expect(index.notesWithTag('proj')).toEqual([]);
    expect(index.notesWithTag('inbox')).toEqual(['a.md', 'b.md']);
  });

  it('forgets the tags of a removed or rewritten note', () => {
    const copy = LinkIndex.from(index.notes());
    copy.remove('a.md');
    copy.setNote(note('c.md', { tags: ['other'] }));
    expect(copy.tags()).toEqual([
      { tag: 'inbox', notes: ['b.md'] },
      { tag: 'other', notes: ['c.md'] },
      { tag: 'Project/Alpha', notes: ['b.md'] },
    ]);
    expect(copy.notesWithTag('project')).toEqual(['b.md']);
    expect(copy.snapshot()).toEqual(LinkIndex.from(copy.notes()).snapshot());
  });
});

describe('LinkIndex.from and listings', () => {
  it('builds in one pass what setNote builds one by one, in any order', () => {
    const notes = [
      note('b/Note.md', { links: [wiki('Note'), wiki('img.png', 10)] }),
      note('Note.md', { links: [wiki('b/Note')], tags: ['t'] }),
      note('a/x.md', { links: [md('../Note.md'), wiki('gone', 20)] }),
    ];
    const bulk = LinkIndex.from(notes, ['img.png']);
    const forward = build(...notes);
    forward.addFile('img.png');
    const backward = new LinkIndex();
    backward.addFile('img.png');
    for (const n of [...notes].reverse()) backward.setNote(n);
    expect(forward.snapshot()).toEqual(bulk.snapshot());
    expect(backward.snapshot()).toEqual(bulk.snapshot());
    // Code point order: upper case sorts before lower case.
    expect(bulk.notes().map((n) => n.path)).toEqual(['Note.md', 'a/x.md', 'b/Note.md']);
    expect(bulk.stats()).toEqual({ notes: 3, files: 1, links: 5, resolved: 4, unresolved: 1, tags: 1 });
  });
});

describe('moveNoteMeta', () => {
  it('renames a title taken from the file name, and only that', () => {
    expect(moveNoteMeta(note('a/Old.md'), 'b/New.md')).toMatchObject({ path: 'b/New.md', title: 'New' });
    expect(moveNoteMeta(note('Old.md', { title: 'Kept' }), 'New.md').title).toBe('Kept');
    const titled = note('Old.md', { frontmatter: { title: 'Old' } });
    expect(moveNoteMeta(titled, 'New.md').title).toBe('Old');
    const headed: NoteMeta = { ...note('Old.md'), headings: [{ level: 1, text: 'Old', line: 1 }] };
    expect(moveNoteMeta(headed, 'New.md').title).toBe('Old');
  });
});

// ---------------------------------------------------------------------------------------------
// Property: any sequence of edits ends where a fresh build of the resulting vault would.

const FOLDERS = ['', 'a', 'a/b', 'b'] as const;
const NOTE_NAMES = ['Note', 'note', 'Caf\u00e9', 'Cafe\u0301', 'x', 'y'] as const;
const FILE_NAMES = ['img.png', 'x.png', 'Note.pdf', 'y', 'x.MD'] as const;
const join = (folder: string, name: string) => (folder === '' ? name : `${folder}/${name}`);

const folderArb = fc.constantFrom(...FOLDERS);
const notePathArb = fc.tuple(folderArb, fc.constantFrom(...NOTE_NAMES)).map(([f, n]) => join(f, `${n}.md`));
const filePathArb = fc.tuple(folderArb, fc.constantFrom(...FILE_NAMES)).map(([f, n]) => join(f, n));
const anyPathArb = fc.oneof(notePathArb, filePathArb);

const targetArb = fc
  .tuple(
    fc.constantFrom('', '', '', 'a/', 'b/', 'a/b/', 'A/', './', '../', '/'),
    fc.constantFrom(...NOTE_NAMES, 'NOTE', 'img.png', 'x.png', 'note.pdf', 'y', 'missing', ''),
    fc.constantFrom('', '', '.md', '.MD'),
  )
  .map(([prefix, name, ext]) => (name === '' ? (prefix === '' ? '' : prefix + 'z') : prefix + name + ext));
const linkArb = fc.record({ target: targetArb, markdown: fc.boolean(), embed: fc.boolean() });
const tagArb = fc.constantFrom('t', 'T', 't/u', 'T/U/v', 'other', 'Caf\u00e9', 'cafe\u0301/x');

type LinkSpec = { target: string; markdown: boolean; embed: boolean };
type Op =
  | { kind: 'set'; path: string; links: LinkSpec[]; tags: string[] }
  | { kind: 'file'; path: string }
  | { kind: 'remove'; path: string }
  | { kind: 'rename'; from: string; to: string; rescan: boolean; links: LinkSpec[] };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      path: notePathArb,
      links: fc.array(linkArb, { maxLength: 4 }),
      tags: fc.array(tagArb, { maxLength: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('file' as const), path: filePathArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), path: anyPathArb }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('rename' as const),
      from: anyPathArb,
      to: anyPathArb,
      rescan: fc.boolean(),
      links: fc.array(linkArb, { maxLength: 3 }),
    }),
  },
);

function metaOf(path: string, specs: LinkSpec[], tags: string[] = []): NoteMeta {
  const links: LinkRef[] = [];
  let at = 0;
  for (const spec of specs) {
    const link = spec.markdown ? md(spec.target, at) : wiki(spec.target, at, { embed: spec.embed });
    links.push(link);
    at = link.end + 1;
  }
  return note(path, { links, tags });
}

/** The vault the operations describe, kept the plain way: a map of notes and a set of files. */
type Model = { notes: Map<string, NoteMeta>; files: Set<string> };

function apply(index: LinkIndex, model: Model, op: Op): void {
  const drop = (path: string) => {
    model.notes.delete(path);
    model.files.delete(path);
  };
  switch (op.kind) {
    case 'set': {
      const meta = metaOf(op.path, op.links, op.tags);
      index.setNote(meta);
      model.files.delete(op.path);
      model.notes.set(op.path, meta);
      return;
    }
    case 'file':
      index.addFile(op.path);
      model.notes.delete(op.path);
      model.files.add(op.path);
      return;
    case 'remove':
      index.remove(op.path);
      drop(op.path);
      return;
    case 'rename': {
      const old = model.notes.get(op.from);
      const toNote = isNotePath(op.to);
      const meta = toNote && (op.rescan || !old) ? metaOf(op.to, op.links) : undefined;
      index.rename(op.from, op.to, meta);
      drop(op.from);
      if (!toNote) {
        model.notes.delete(op.to);
        model.files.add(op.to);
      } else {
        model.files.delete(op.to);
        model.notes.set(op.to, meta ?? moveNoteMeta(old as NoteMeta, op.to));
      }
      return;
    }
  }
}

describe('LinkIndex property', () => {
  it('edits applied one by one equal a fresh build of the final vault', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40, size: 'max' }), (ops) => {
        const index = new LinkIndex();
        const model: Model = { notes: new Map(), files: new Set() };
        for (const op of ops) {
          apply(index, model, op);
          expect(index.snapshot()).toEqual(LinkIndex.from(model.notes.values(), model.files).snapshot());
        }

        // The fresh build itself, against resolution from scratch and backlinks by brute force.
        const table = new NameTable();
        for (const path of [...model.notes.keys(), ...model.files]) table.add(path);
        const all = [...model.notes.values()].flatMap((n) => index.outgoing(n.path));
        for (const link of all) {
          expect(link.resolved).toBe(resolveLink(link.link.target, link.source, table, link.link.style));
        }
        for (const path of table.paths()) {
          const expected = all.filter((l) => l.resolved === path).map((l) => [l.source, l.link.start]);
          expect(
            index
              .backlinks(path)
              .map((l) => [l.source, l.link.start])
              .sort(),
          ).toEqual(expected.sort());
        }
        const stats = index.stats();
        expect(stats.links).toBe(all.length);
        expect(stats.unresolved).toBe(all.filter((l) => l.resolved === null).length);
        expect(index.unresolved().reduce((n, g) => n + g.sources.length, 0)).toBe(stats.unresolved);
      }),
      { numRuns: 300 },
    );
  });
});
