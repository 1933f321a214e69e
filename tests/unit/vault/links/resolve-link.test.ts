import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compareCodePoints,
  joinRelative,
  NameTable,
  resolveLink,
  type LinkStyle,
} from '../../../../vault/links/resolve-link';

function table(...paths: string[]): NameTable {
  const t = new NameTable();
  for (const p of paths) t.add(p);
  return t;
}

type Row = [target: string, from: string, expected: string | null, style?: LinkStyle];

function check(t: NameTable, rows: Row[]): void {
  for (const [target, from, expected, style = 'wiki'] of rows) {
    expect({ target, from, style, resolved: resolveLink(target, from, t, style) }).toEqual({
      target,
      from,
      style,
      resolved: expected,
    });
  }
}

describe('resolveLink: which of several same-named notes', () => {
  const vault = table('Note.md', 'a/Note.md', 'a/b/Note.md', 'b/Note.md', 'zzzz/Note.md', 'src.md', 'a/b/src.md');

  it('takes the exact vault path first, even over a note beside the link', () => {
    check(vault, [
      ['Note', 'src.md', 'Note.md'],
      ['Note', 'a/src.md', 'Note.md'],
      ['Note', 'a/b/src.md', 'Note.md'],
      ['Note', 'zzzz/src.md', 'Note.md'],
      ['b/Note', 'a/src.md', 'b/Note.md'],
      ['a/b/Note', 'b/src.md', 'a/b/Note.md'],
      ['zzzz/Note', 'src.md', 'zzzz/Note.md'],
    ]);
  });

  // Obsidian 1.13.7, observed with getFirstLinkpathDest on this very fixture (root Note.md gone).
  const noRoot = table('zzzz/Note.md', 'a/b/Note.md', 'b/Note.md');

  it("else the linking note's own folder", () => {
    check(noRoot, [
      ['Note', 'zzzz/src.md', 'zzzz/Note.md'],
      ['Note', 'a/b/src.md', 'a/b/Note.md'],
      ['Note', 'b/src.md', 'b/Note.md'],
    ]);
  });

  it('else the shortest path string (not the fewest folders); an ancestor folder counts for nothing', () => {
    check(noRoot, [
      ['Note', 'src.md', 'b/Note.md'],
      ['Note', 'zzzz/deep/src.md', 'b/Note.md'],
      ['Note', 'c/src.md', 'b/Note.md'],
    ]);
    check(table('zzzz/Note.md', 'a/b/Note.md'), [['Note', 'src.md', 'a/b/Note.md']]);
  });

  it('breaks a tie of length by code point order of the normalised path', () => {
    const t = table('q/Two.md', 'p/Two.md', 'P/two.md');
    check(t, [
      // p/Two.md and P/two.md normalise alike; then the path as stored decides ("P" < "p").
      ['Two', 'src.md', 'P/two.md'],
      ['Two', 'q/src.md', 'q/Two.md'],
    ]);
    check(table('q/Two.md', 'p/Two.md'), [['Two', 'src.md', 'p/Two.md']]);
    // Same normalised path (a case-sensitive disk): the one spelled as written, else code points.
    check(table('Dup.md', 'dup.md'), [
      ['dup', 'src.md', 'dup.md'],
      ['Dup', 'src.md', 'Dup.md'],
      ['DUP', 'src.md', 'Dup.md'],
    ]);
  });

  it("prefers notes inside the linking note's folder, at any depth, as Obsidian does", () => {
    const t = table('a/deep/er/Four.md', 'b/Four.md', 'ab/Five.md', 'c/Five.md');
    check(t, [
      ['Four', 'a/src.md', 'a/deep/er/Four.md'],
      ['Four', 'src.md', 'b/Four.md'],
      ['Four', 'c/src.md', 'b/Four.md'],
      // A folder is a whole segment: "ab/" is not inside "a/".
      ['Five', 'a/src.md', 'c/Five.md'],
    ]);
  });
});

describe('resolveLink: spelling of the target', () => {
  const vault = table('x.md', 'Case/MiXed.md', 'v1.2.md', 'img.png', 'assets/img.png', 'docs/Doc.pdf', 'Report.md');

  it('makes .md optional and matches any case of it', () => {
    check(vault, [
      ['x', 'src.md', 'x.md'],
      ['x.md', 'src.md', 'x.md'],
      ['x.MD', 'src.md', 'x.md'],
      ['X.Md', 'src.md', 'x.md'],
      ['v1.2', 'src.md', 'v1.2.md'],
      ['v1.2.md', 'src.md', 'v1.2.md'],
    ]);
  });

  it('matches names and folders case-insensitively and returns the path as stored', () => {
    check(vault, [
      ['mixed', 'src.md', 'Case/MiXed.md'],
      ['MIXED', 'src.md', 'Case/MiXed.md'],
      ['case/mixed', 'src.md', 'Case/MiXed.md'],
      ['CASE/MIXED.MD', 'src.md', 'Case/MiXed.md'],
      ['report', 'Case/src.md', 'Report.md'],
    ]);
  });

  it('resolves attachments by their full name, never with .md implied', () => {
    check(vault, [
      ['img.png', 'src.md', 'img.png'],
      ['img.png', 'assets/src.md', 'img.png'],
      ['assets/img.png', 'src.md', 'assets/img.png'],
      ['doc.pdf', 'src.md', 'docs/Doc.pdf'],
      ['DOC.PDF', 'docs/src.md', 'docs/Doc.pdf'],
      ['img', 'src.md', null],
      ['Doc', 'src.md', null],
    ]);
  });

  it('tries the target as written before adding .md, as Obsidian does', () => {
    check(table('y', 'y.md', 'img.png.md'), [
      ['y', 'src.md', 'y'],
      ['y.md', 'src.md', 'y.md'],
      ['img.png', 'src.md', 'img.png.md'],
    ]);
  });

  it('treats composed and decomposed Unicode as the same name', () => {
    const composed = 'Caf\u00e9.md';
    const decomposed = 'Cafe\u0301.md';
    check(table(composed), [
      ['Cafe\u0301', 'src.md', composed],
      ['Caf\u00e9', 'src.md', composed],
      ['CAF\u00c9', 'src.md', composed],
    ]);
    check(table(decomposed, 'cre\u0300me/Bru\u0302le\u0301e.md'), [
      ['Caf\u00e9', 'src.md', decomposed],
      ['caf\u00e9.md', 'src.md', decomposed],
      ['Br\u00fbl\u00e9e', 'src.md', 'cre\u0300me/Bru\u0302le\u0301e.md'],
      ['cr\u00e8me/br\u00fbl\u00e9e', 'src.md', 'cre\u0300me/Bru\u0302le\u0301e.md'],
    ]);
    // Both spellings side by side (possible on Linux): one of them, the same for either spelling.
    check(table(composed, decomposed), [
      ['Caf\u00e9', 'src.md', decomposed],
      ['Cafe\u0301', 'src.md', decomposed],
    ]);
  });

  it('matches folder-qualified targets by whole trailing segments', () => {
    const t = table('a/b/Note.md', 'ab/Note.md', 'x/a/b/Note.md', 'Only/Here.md');
    check(t, [
      ['b/Note', 'src.md', 'a/b/Note.md'],
      ['a/b/Note', 'src.md', 'a/b/Note.md'],
      ['a/b/Note', 'x/src.md', 'a/b/Note.md'],
      ['b/Note', 'x/src.md', 'x/a/b/Note.md'],
      ['b/Note', 'ab/src.md', 'a/b/Note.md'],
      ['Here', 'src.md', 'Only/Here.md'],
      ['Elsewhere/Here', 'src.md', null],
      ['nly/Here', 'src.md', null],
    ]);
  });

  it('reads a leading / as the vault root, with no fallback', () => {
    check(table('Note.md', 'a/Only.md', 'a/Note.md'), [
      ['/Note', 'a/src.md', 'Note.md'],
      ['/a/Only', 'src.md', 'a/Only.md'],
      ['/Only', 'src.md', null],
      ['Only', 'src.md', 'a/Only.md'],
    ]);
  });

  it('resolves an empty target ([[#heading]]) to the linking note itself', () => {
    check(table('a/src.md'), [
      ['', 'a/src.md', 'a/src.md'],
      ['', 'a/gone.md', null],
    ]);
  });

  it('never reads a path the table does not hold', () => {
    check(table(), [
      ['Note', 'src.md', null],
      ['', 'src.md', null],
    ]);
  });
});

describe('resolveLink: relative paths', () => {
  const vault = table('Note.md', 'a/Note.md', 'a/b/Note.md', 'a/sub/y.md', 'sub/y.md', 'a/Only.md', 'a/b/n.md');

  it('reads markdown links relative to the linking note first', () => {
    check(vault, [
      ['Note.md', 'a/b/n.md', 'a/b/Note.md', 'markdown'],
      ['../Note.md', 'a/b/n.md', 'a/Note.md', 'markdown'],
      ['../../Note.md', 'a/b/n.md', 'Note.md', 'markdown'],
      ['./Note.md', 'a/n.md', 'a/Note.md', 'markdown'],
      ['sub/y.md', 'a/n.md', 'a/sub/y.md', 'markdown'],
      ['sub/../Note.md', 'a/b/n.md', 'a/b/Note.md', 'markdown'],
      ['sub/y', 'a/n.md', 'a/sub/y.md', 'markdown'],
    ]);
  });

  it('falls back to the wiki rules when the relative path names no file', () => {
    check(vault, [
      ['sub/y.md', 'src.md', 'sub/y.md', 'markdown'],
      ['sub/y.md', 'c/n.md', 'sub/y.md', 'markdown'],
      ['Only.md', 'src.md', 'a/Only.md', 'markdown'],
      ['Note.md', 'c/n.md', 'Note.md', 'markdown'],
    ]);
  });

  it('stops climbing at the vault root', () => {
    check(vault, [['../../../Note.md', 'a/n.md', 'Note.md', 'markdown']]);
  });

  it('reads ./ and ../ in wiki links relative to the note too', () => {
    check(vault, [
      ['./Note', 'a/n.md', 'a/Note.md'],
      ['../Note', 'a/b/n.md', 'a/Note.md'],
      ['./../Note', 'a/b/n.md', 'a/Note.md'],
      ['../Only', 'a/b/n.md', 'a/Only.md'],
    ]);
  });

  it('contrasts wiki and markdown reading of the same target', () => {
    check(vault, [
      ['Note', 'a/b/n.md', 'Note.md', 'wiki'],
      ['Note', 'a/b/n.md', 'a/b/Note.md', 'markdown'],
      ['sub/y', 'a/n.md', 'sub/y.md', 'wiki'],
    ]);
  });

  it('joins relative paths segment by segment', () => {
    expect(joinRelative('a/b', '../c/./d.md')).toBe('a/c/d.md');
    expect(joinRelative('', '../../x')).toBe('x');
    expect(joinRelative('a', 'b/c')).toBe('a/b/c');
  });
});

describe('NameTable', () => {
  it('finds files by normalised path and by normalised name', () => {
    const t = table('Folder/Caf\u00e9.md', 'other/cafe\u0301.md', 'img.PNG');
    expect(
      t
        .byName('CAFE\u0301.MD')
        .map((e) => e.path)
        .sort(),
    ).toEqual(['Folder/Caf\u00e9.md', 'other/cafe\u0301.md']);
    expect(t.byPath('folder/cafe\u0301.md').map((e) => e.path)).toEqual(['Folder/Caf\u00e9.md']);
    expect(t.byName('img.png').map((e) => e.path)).toEqual(['img.PNG']);
    expect(t.size).toBe(3);
  });

  it('adds and removes once', () => {
    const t = new NameTable();
    expect(t.add('a.md')).toBe(true);
    expect(t.add('a.md')).toBe(false);
    expect(t.has('a.md')).toBe(true);
    expect(t.remove('a.md')).toBe(true);
    expect(t.remove('a.md')).toBe(false);
    expect(t.byName('a.md')).toEqual([]);
    expect(t.byPath('a.md')).toEqual([]);
    expect([...t.paths()]).toEqual([]);
  });
});

describe('compareCodePoints', () => {
  it('orders by code point where UTF-16 order differs', () => {
    const bmp = '\uffee';
    const astral = '\u{1F600}';
    expect(bmp < astral).toBe(false);
    expect(compareCodePoints(bmp, astral)).toBeLessThan(0);
    expect(compareCodePoints('a', 'b')).toBeLessThan(0);
    expect(compareCodePoints('ab', 'a')).toBeGreaterThan(0);
    expect(compareCodePoints('x', 'x')).toBe(0);
  });
});

/** The rules read straight off the spec, over every file of the vault: slow and obvious. */
function oracle(target: string, from: string, files: string[], style: LinkStyle): string | null {
  const norm = (s: string) => s.normalize('NFC').toLowerCase();
  const name = (s: string) => s.slice(s.lastIndexOf('/') + 1);
  const folder = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
  const rank = (a: string, b: string) =>
    a.normalize('NFC').length - b.normalize('NFC').length ||
    compareCodePoints(norm(a), norm(b)) ||
    compareCodePoints(a.normalize('NFC'), b.normalize('NFC')) ||
    compareCodePoints(a, b);
  const at = (path: string) => {
    const hits = files.filter((f) => norm(f) === norm(path));
    const literal = hits.filter((f) => f.normalize('NFC') === path.normalize('NFC'));
    return (literal.length > 0 ? literal : hits).sort(rank)[0] ?? null;
  };
  if (target === '') return files.includes(from) ? from : null;
  const dotted = (t: string) => t.startsWith('./') || t.startsWith('../');
  if (style === 'markdown' && !dotted(target) && !target.startsWith('/')) {
    const relative = joinRelative(folder, target);
    const hit = at(relative) ?? at(relative + '.md');
    if (hit) return hit;
  }
  for (const written of [target, target + '.md']) {
    if (!files.some((f) => norm(name(f)) === norm(name(written)))) continue;
    let path = dotted(written) ? joinRelative(folder, written) : written;
    if (dotted(written) && at(path)) return at(path);
    const rooted = path.startsWith('/');
    if (rooted) path = path.slice(1);
    if (at(path)) return at(path);
    if (rooted) continue;
    const matching = files.filter((f) => norm(f) === norm(path) || norm(f).endsWith('/' + norm(path)));
    const inside = matching.filter((f) => folder === '' || norm(f).startsWith(norm(folder) + '/'));
    const best = (inside.length > 0 ? inside : matching).sort(rank)[0];
    if (best) return best;
  }
  return null;
}

describe('resolveLink properties', () => {
  const folder = fc.constantFrom('', 'a', 'A', 'a/b', 'b', 'caf\u00e9', 'cafe\u0301');
  const name = fc.constantFrom(
    'Note.md',
    'note.md',
    'Caf\u00e9.md',
    'Cafe\u0301.md',
    'x.md',
    'x.MD',
    'x',
    'img.png',
    'v1.2.md',
  );
  const file = fc.tuple(folder, name).map(([f, n]) => (f === '' ? n : `${f}/${n}`));
  const target = fc
    .tuple(
      fc.constantFrom('', './', '../', '/', 'a/', 'b/', 'a/b/', 'A/B/', 'caf\u00e9/'),
      fc.constantFrom('Note', 'NOTE', 'caf\u00e9', 'Cafe\u0301', 'x', 'x.md', 'x.MD', 'img.png', 'v1.2', ''),
    )
    .map(([p, n]) => p + n);
  const style = fc.constantFrom<LinkStyle>('wiki', 'markdown');

  it('agrees with a scan of the whole vault, whatever order files were added in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(file, { maxLength: 14, size: 'max' }), file, target, style, (files, from, t, s) => {
        const expected = oracle(t, from, [...files, from], s);
        expect(resolveLink(t, from, table(...files, from), s)).toBe(expected);
        expect(resolveLink(t, from, table(from, ...[...files].reverse()), s)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
