import { describe, expect, it } from 'vitest';
import { PlexusError } from '../../../shared/errors';
import { assertPortablePath, isWithin, nameProblem, normalizeVaultPath, utf8Length } from '../../../shared/paths';

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
    ['c:x.md', 'absolute'],
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
  ])('accepts %j', (name) => {
    expect(nameProblem(name)).toBeNull();
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['CON', 'reserved'],
    ['con.md', 'reserved'],
    ['LPT1.txt', 'reserved'],
    ['a:b.md', '":"'],
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
