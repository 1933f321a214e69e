import { describe, expect, it } from 'vitest';
import { PlexusError } from '../../../shared/errors';
import {
  assertPortablePath,
  checkNewNotePath,
  isHiddenPath,
  isWithin,
  nameProblem,
  normalizeVaultPath,
  utf8Length,
} from '../../../shared/paths';

describe('normalizeVaultPath', () => {
  it.each([
    ['a.md', 'a.md'],
    ['a//b/./c.md', 'a/b/c.md'],
    ['./notes/x.md', 'notes/x.md'],
    ['folder/', 'folder'],
    ['', ''],
    ['café/Ünïcode.md', 'café/Ünïcode.md'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeVaultPath(input)).toBe(expected);
  });

  it.each([
    ['../x.md', '..'],
    ['a/../../x.md', '..'],
    ['a/..', '..'],
    ['/etc/passwd', 'absolute'],
    ['C:/Windows/x.md', 'absolute'],
    ['C:', 'absolute'],
    ['.git/config', '".git/config" is inside a hidden folder; Plexus never reads or changes hidden files'],
    ['.git', '".git" is hidden;'],
    ['notes/.obsidian/app.json', 'inside a hidden folder'],
    ['a//./.trash/', 'is hidden'],
    ['.plexus/workspace.json', 'hidden'],
    ['notes/.plexus-tmp-1234', 'hidden'],
    ['...', 'hidden'],
    ['a\\b.md', '"/"'],
    ['a\0b.md', 'NUL'],
    ['x'.repeat(5000), 'too long'],
  ])('refuses %j', (input, why) => {
    let caught: unknown;
    try {
      normalizeVaultPath(input);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PlexusError);
    expect((caught as PlexusError).code).toBe('UNSAFE_PATH');
    expect((caught as PlexusError).message).toContain(why);
  });

  it('"a:b.md" is a name with a colon, not a drive: it passes here and the name rule gives the reason', () => {
    expect(normalizeVaultPath('a:b.md')).toBe('a:b.md');
    expect(() => assertPortablePath('a:b.md')).toThrow('":" is not allowed in names on Windows and macOS');
  });

  it('isHiddenPath sees a segment starting with "." but not "." or ".." themselves', () => {
    expect(isHiddenPath('a/.git/x')).toBe(true);
    expect(isHiddenPath('.env')).toBe(true);
    expect(isHiddenPath('./a/../b.md')).toBe(false);
    expect(isHiddenPath('a.b/c.md')).toBe(false);
  });
});

describe('checkNewNotePath', () => {
  it.each([
    ['newdir/', 'A note name is missing after "newdir/"'],
    ['a/b/', 'A note name is missing'],
    ['a/b/.', 'A note name is missing'],
    ['./', 'A note name is missing'],
    ['newdir', 'a note\'s name ends in ".md"'],
    ['notes.txt', 'a note\'s name ends in ".md"'],
  ])('refuses %j with INVALID_NAME (%s)', (input, why) => {
    expect(() => checkNewNotePath(input)).toThrow(expect.objectContaining({ code: 'INVALID_NAME' }) as Error);
    expect(() => checkNewNotePath(input)).toThrow(why);
  });

  it('keeps the reason of an illegal name, and normalizes a good path', () => {
    expect(() => checkNewNotePath('CON')).toThrow('reserved');
    expect(() => checkNewNotePath('.git/x.md')).toThrow(expect.objectContaining({ code: 'UNSAFE_PATH' }) as Error);
    expect(checkNewNotePath('a//b/./Note.MD')).toBe('a/b/Note.MD');
  });
});

describe('nameProblem', () => {
  it.each([
    'Note.md',
    'Café notes.md',
    'a.b.c',
    '日本語.md',
    'con-game.md',
    'COM10.md',
    'x'.repeat(255),
    'é'.repeat(127) + 'x',
    'conin.md',
    ' leading space.md',
    '👨\u200d👩\u200d👧 family.md', // zero-width joiners inside an emoji sequence
    '👨\u200d👩\u200d👧.md',
    '🏳️\u200d🌈.md', // a variation selector and a joiner
    'سلام.md', // right-to-left text itself is fine; only the invisible controls are refused
    'ab\u200bc.md',
  ])('accepts %j', (name) => {
    expect(nameProblem(name)).toBeNull();
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['CON', 'reserved'],
    ['con.md', 'reserved'],
    ['LPT1.txt', 'reserved'],
    ['a:b.md', '":" is not allowed in names on Windows and macOS'],
    ['\u202egpj.md', 'right-to-left'],
    ['photo\u202egpj.md', 'disguise its extension'],
    ['a\u202ab.md', 'right-to-left'],
    ['a\u202db.md', 'right-to-left'],
    ['a\u2066b.md', 'right-to-left'],
    ['a\u2069b.md', 'right-to-left'],
    ['a\u200eb.md', 'right-to-left'],
    ['a\u200fb.md', 'right-to-left'],
    ['a\u061cb.md', 'right-to-left'],
    ['\u200b', 'invisible'],
    ['\u200b\u200c\u200d', 'invisible'],
    ['\u2060\ufeff', 'invisible'],
    ['\u3164', 'invisible'],
    ['\u00ad \u200b', 'invisible'],
    ['\u200b.md', 'leading "."'],
    ['what?.md', '"?"'],
    ['star*.md', '"*"'],
    ['pipe|.md', '"|"'],
    ['quote".md', '"""'],
    ['trailing.', 'end with a dot'],
    ['trailing ', 'end with a dot or a space'],
    ['.hidden', 'hidden'],
    ['tab\tname', 'control'],
    ['é'.repeat(128), '255 bytes'],
    ['x'.repeat(256), '255 bytes'],
    ['aux.md', 'reserved'],
    ['Nul.tar.gz', 'reserved'],
    ['COM¹.md', 'reserved'],
    ['CONIN$', 'reserved'],
    ['conout$.md', 'reserved'],
    ['CON .md', 'reserved'],
    ['less<.md', '"<"'],
    ['more>.md', '">"'],
    ['del\u007f.md', 'control'],
    ['nul\u0000.md', 'control'],
  ])('refuses %j', (name, why) => {
    expect(nameProblem(name)).toContain(why);
  });

  it('assertPortablePath checks every segment', () => {
    expect(() => assertPortablePath('ok/fine.md')).not.toThrow();
    expect(() => assertPortablePath('ok/AUX/fine.md')).toThrow(/reserved/);
    expect(() => assertPortablePath('')).toThrow(PlexusError);
  });
});

describe('helpers', () => {
  it('utf8Length counts bytes, not characters', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('日')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
  });

  it('isWithin matches the folder and its descendants only', () => {
    expect(isWithin('a/b.md', 'a')).toBe(true);
    expect(isWithin('a', 'a')).toBe(true);
    expect(isWithin('ab/c.md', 'a')).toBe(false);
    expect(isWithin('x.md', '')).toBe(true);
  });
});
