import { describe, expect, it } from 'vitest';
import type { LinkRef } from '../../../../shared/note-meta';
import {
  describeStyle,
  encodeTarget,
  locateTarget,
  readsBackAs,
  relativePath,
  replaceTarget,
  spellsPath,
  targetCandidates,
} from '../../../../vault/rename/link-rewrite';
import { scanNote } from '../../../../vault/scan/scan';

/** The link the scanner finds at the start of `text` (an image in its text is another link). */
function linkIn(text: string): LinkRef {
  const link = scanNote('n.md', text).links.find((l) => l.start === 0);
  expect(link).toBeDefined();
  return link as LinkRef;
}

/** The link with its file-name part replaced, as the rename engine does it. */
function rewrite(text: string, written: string): string {
  const link = linkIn(text);
  const span = locateTarget(link);
  expect(span).not.toBeNull();
  return replaceTarget(link.raw, span!, written);
}

describe('locateTarget / replaceTarget', () => {
  it.each([
    ['[[Plan]]', '[[New]]'],
    ['[[Plan|the plan]]', '[[New|the plan]]'],
    ['[[ Plan | The Plan ]]', '[[ New | The Plan ]]'],
    ['[[Plan#Goals#Sub]]', '[[New#Goals#Sub]]'],
    ['[[Plan#^b1|x]]', '[[New#^b1|x]]'],
    ['![[Plan]]', '![[New]]'],
    ['[text](Plan.md)', '[text](New)'],
    ['[text](Plan.md#Goals "title")', '[text](New#Goals "title")'],
    ['![img](<My Plan.md>)', '![img](<New>)'],
    ['[a [nested] `]` text](Plan.md)', '[a [nested] `]` text](New)'],
    ['[![inner](i.png)](Plan.md)', '[![inner](i.png)](New)'],
  ])('%s → %s', (text, expected) => {
    expect(rewrite(text, 'New')).toBe(expected);
  });

  it('keeps the escaped pipe of a wiki link in a table cell', () => {
    const link = scanNote('n.md', '| a | b |\n| - | - |\n| x | [[Plan\\|alias]] |\n').links[0] as LinkRef;
    expect(link.raw).toBe('[[Plan\\|alias]]');
    expect(replaceTarget(link.raw, locateTarget(link)!, 'New')).toBe('[[New\\|alias]]');
  });

  it('finds a URL-encoded markdown target', () => {
    const link = linkIn('[t](folder/My%20Plan.md#Two%20Words)');
    expect(link.target).toBe('folder/My Plan.md');
    const span = locateTarget(link)!;
    expect(link.raw.slice(span.start, span.end)).toBe('folder/My%20Plan.md');
  });
});

describe('describeStyle', () => {
  const style = (text: string, source: string, resolved: string) => describeStyle(linkIn(text), source, resolved);

  it('tells names, suffixes, vault paths, rooted and relative paths apart', () => {
    expect(style('[[Plan]]', 'n.md', 'a/b/Plan.md')).toMatchObject({ form: 'name', extension: false });
    expect(style('[[Plan.md]]', 'n.md', 'a/b/Plan.md')).toMatchObject({ form: 'name', extension: true });
    expect(style('[[b/Plan]]', 'n.md', 'a/b/Plan.md')).toMatchObject({ form: 'suffix' });
    expect(style('[[a/b/Plan]]', 'n.md', 'a/b/Plan.md')).toMatchObject({ form: 'absolute' });
    expect(style('[[/a/b/Plan]]', 'n.md', 'a/b/Plan.md')).toMatchObject({ form: 'rooted' });
    expect(style('[[../Plan]]', 'x/n.md', 'Plan.md')).toMatchObject({ form: 'relative', dotSlash: false });
    expect(style('[[./Plan]]', 'x/n.md', 'x/Plan.md')).toMatchObject({ form: 'relative', dotSlash: true });
    // A markdown path read from the note's folder is relative; from the root it is a vault path.
    expect(style('[t](b/Plan.md)', 'a/n.md', 'a/b/Plan.md')).toMatchObject({ form: 'relative', kind: 'markdown' });
    expect(style('[t](a/b/Plan.md)', 'n.md', 'a/b/Plan.md')).toMatchObject({ form: 'absolute' });
    expect(style('[t](%C3%9Cber.md)', 'n.md', 'Über.md')).toMatchObject({ encodeNonAscii: true });
  });
});

describe('targetCandidates', () => {
  const base = { kind: 'wiki' as const, extension: false, dotSlash: false, encodeNonAscii: false };

  it('offers the bare name first only when it is unique, then longer suffixes', () => {
    expect(targetCandidates({ ...base, form: 'name' }, 'a/b/New.md', 'n.md', true)).toEqual([
      'New',
      'b/New',
      'a/b/New',
      '/a/b/New',
      'New.md',
      'b/New.md',
      'a/b/New.md',
      '/a/b/New.md',
    ]);
    expect(targetCandidates({ ...base, form: 'name' }, 'a/b/New.md', 'n.md', false)[0]).toBe('b/New');
  });

  it('keeps the .md, the vault path and the relative form a link was written with', () => {
    expect(targetCandidates({ ...base, form: 'name', extension: true }, 'New.md', 'n.md', true)[0]).toBe('New.md');
    expect(targetCandidates({ ...base, form: 'absolute' }, 'a/New.md', 'n.md', true)[0]).toBe('a/New');
    expect(targetCandidates({ ...base, form: 'rooted' }, 'a/New.md', 'n.md', true)[0]).toBe('/a/New');
    expect(targetCandidates({ ...base, form: 'relative' }, 'x/New.md', 'x/n.md', true)[0]).toBe('./New');
    expect(targetCandidates({ ...base, form: 'relative', kind: 'markdown' }, 'x/New.md', 'x/n.md', true)[0]).toBe(
      'New',
    );
    expect(targetCandidates({ ...base, form: 'relative' }, 'New.md', 'x/y/n.md', true)[0]).toBe('../../New');
  });

  it('always names an attachment with its extension', () => {
    expect(targetCandidates({ ...base, form: 'name' }, 'img/pic.png', 'n.md', true)[0]).toBe('pic.png');
  });
});

describe('relativePath', () => {
  it.each([
    ['', 'a/x.md', 'a/x.md'],
    ['a', 'a/x.md', 'x.md'],
    ['a/b', 'a/x.md', '../x.md'],
    ['a/b', 'c/d/x.md', '../../c/d/x.md'],
    ['a', 'a/b/x.md', 'b/x.md'],
  ])('from "%s" to %s is %s', (folder, path, expected) => {
    expect(relativePath(folder, path, false)).toBe(expected);
  });
});

describe('encodeTarget / readsBackAs', () => {
  it('percent-encodes what a markdown destination cannot hold', () => {
    const raw = { style: 'markdown' as const, angle: false, encodeNonAscii: false };
    expect(encodeTarget('a b/(c)#1%.md', raw)).toBe('a%20b/%28c%29%231%25.md');
    expect(encodeTarget('Über.md', raw)).toBe('Über.md');
    expect(encodeTarget('Über.md', { ...raw, encodeNonAscii: true })).toBe('%C3%9Cber.md');
    expect(encodeTarget('a b.md', { ...raw, angle: true })).toBe('a b.md');
    expect(readsBackAs('a%20b/%28c%29%231%25.md', 'a b/(c)#1%.md', 'markdown')).toBe(true);
  });

  it('refuses what a wiki link cannot spell', () => {
    const wiki = { style: 'wiki' as const, angle: false, encodeNonAscii: false };
    expect(encodeTarget('Plan #2', wiki)).toBeNull();
    expect(encodeTarget('a]]b', wiki)).toBeNull();
    expect(encodeTarget('ends]', wiki)).toBeNull();
    expect(encodeTarget(' padded', wiki)).toBeNull();
    expect(encodeTarget('a/b c', wiki)).toBe('a/b c');
    expect(readsBackAs('a/b c', 'a/b c', 'wiki')).toBe(true);
  });
});

describe('spellsPath', () => {
  it('is true when the text spells the path literally (case included)', () => {
    expect(spellsPath('Plan', 'a/Plan.md', '', 'wiki')).toBe(true);
    expect(spellsPath('a/Plan.md', 'a/Plan.md', '', 'wiki')).toBe(true);
    expect(spellsPath('plan', 'a/Plan.md', '', 'wiki')).toBe(false);
    expect(spellsPath('../Plan', 'a/Plan.md', 'a/b', 'wiki')).toBe(true);
    expect(spellsPath('Plan.md', 'x/Plan.md', 'x', 'markdown')).toBe(true);
    expect(spellsPath('b/Plan', 'ab/Plan.md', '', 'wiki')).toBe(false);
  });
});
