import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../shared/rpc/dispatch';
import { utf8Length } from '../../../../shared/paths';
import { VaultService } from '../../../../vault/service';
import { Vault } from '../../../../vault/files/vault';
import { removeTempDirs, tempDir, tempVault } from '../../helpers/temp-vault';

/** Names and paths that work on one OS and break on another. */

let dir: string;
let vault: Vault;

beforeEach(async () => {
  dir = await tempVault();
  vault = await Vault.open(dir);
});

// Removing the 100,000-note folder below can outlast the default hook timeout on a busy machine.
afterEach(removeTempDirs, 120_000);

const entries = async (rel = '') => (await fs.readdir(join(dir, rel))).sort();

/** [name, what the message must mention] */
const ILLEGAL: [string, string][] = [
  ['CON', 'reserved'],
  ['con.md', 'reserved'],
  ['aux.md', 'reserved'],
  ['Aux.Md', 'reserved'],
  ['NUL.txt', 'reserved'],
  ['prn.tar.gz', 'reserved'],
  ['COM1.md', 'reserved'],
  ['lpt9.md', 'reserved'],
  ['COM¹.md', 'reserved'],
  ['CONIN$.md', 'reserved'],
  ['conout$', 'reserved'],
  ['CON .md', 'reserved'],
  ['trailing dot.', 'end with a dot'],
  ['trailing space ', 'end with a dot or a space'],
  ['note.md.', 'end with a dot'],
  ['ab:c.md', '":"'],
  ['star*.md', '"*"'],
  ['what?.md', '"?"'],
  ['say "hi".md', '"""'],
  ['less<.md', '"<"'],
  ['more>.md', '">"'],
  ['pipe|.md', '"|"'],
  ['tab\there.md', 'control characters'],
  ['bell\u0007.md', 'control characters'],
  ['del\u007f.md', 'control characters'],
  ['a:b.md', '":" is not allowed in names on Windows and macOS'],
  ['\u202egpj.md', 'right-to-left or left-to-right control characters'],
  ['invoice\u202efdp.md', 'disguise its extension'],
  ['a\u2067b.md', 'right-to-left'],
  ['a\u200fb.md', 'right-to-left'],
  ['\u200b', 'only of invisible characters'],
  ['\u200b\u200d\u2060', 'only of invisible characters'],
  ['\ufeff', 'empty'], // trim() removes it, as it does spaces
  ['\u200b.md', 'leading "."'],
  ['x'.repeat(253) + '.md', '255 bytes'], // 256 bytes
  ['é'.repeat(127) + '.md', '255 bytes'], // 257 bytes in 130 characters
  ['🙂'.repeat(64) + '.md', '255 bytes'], // 259 bytes
];

const PORTABLE = [
  'x'.repeat(252) + '.md', // exactly 255 bytes
  'é'.repeat(126) + '.md', // 255 bytes
  'Café notes.md',
  '日本語のノート.md',
  'con-game.md',
  'COM10.md',
  'aux2.md',
  'console.md',
  'a.b.c.md',
  '#tag & (paren) [br] {cb} !.md',
  '🙂 emoji.md',
  '👨\u200d👩\u200d👧 family.md', // zero-width joiners inside an emoji sequence stay allowed
  'مرحبا.md', // right-to-left text itself is fine
];

describe('names refused on some OS are refused everywhere, with a clear message', () => {
  it('the long-name cases really are over 255 bytes', () => {
    for (const [name, why] of ILLEGAL) if (why === '255 bytes') expect(utf8Length(name)).toBeGreaterThan(255);
    expect(utf8Length(PORTABLE[0]!)).toBe(255);
    expect(utf8Length(PORTABLE[1]!)).toBe(255);
  });

  it.each(ILLEGAL)('create %j → INVALID_NAME (%s), nothing created', async (name, why) => {
    const before = await entries();
    await expect(vault.create(name, 'x')).rejects.toMatchObject({
      code: 'INVALID_NAME',
      message: expect.stringContaining(why) as unknown,
    });
    await expect(vault.create(`notes/${name}`, 'x')).rejects.toMatchObject({ code: 'INVALID_NAME' });
    await expect(vault.createFolder(name)).rejects.toMatchObject({ code: 'INVALID_NAME' });
    await expect(vault.create(`${name}/inside.md`, 'x')).rejects.toMatchObject({ code: 'INVALID_NAME' });
    await expect(vault.move('alpha.md', name)).rejects.toMatchObject({ code: 'INVALID_NAME' });
    expect(await entries()).toEqual(before);
  });

  it.each(PORTABLE)('create %j works and the note reads back', async (name) => {
    await vault.create(name, 'body\n');
    expect((await vault.read(name)).text).toBe('body\n');
    expect((await vault.list()).map((e) => e.path)).toContain(name);
  });

  it('the API refuses them too, before the engine sees them, with the message', async () => {
    const service = await VaultService.open(dir, { host: 'browser', watch: false });
    try {
      for (const [name, why] of ILLEGAL) {
        const response = await dispatch(service, 'createNote', { path: name, text: 'x' });
        expect(response, name).toMatchObject({ ok: false, error: { code: 'INVALID_NAME' } });
        if (!response.ok) expect(response.error.message).toContain(why);
      }
      const ok = await dispatch(service, 'createNote', { path: PORTABLE[0], text: 'x' });
      expect(ok).toMatchObject({ ok: true, result: { path: PORTABLE[0] } });
    } finally {
      await service.close();
    }
  });
});

describe('hidden names and paths are refused as UNSAFE_PATH, with the rule in words', () => {
  it.each(['.hidden.md', '.obsidian/new.md', 'notes/.trash/x.md'])('create %j', async (path) => {
    const before = await entries();
    await expect(vault.create(path, 'x')).rejects.toMatchObject({
      code: 'UNSAFE_PATH',
      message: expect.stringContaining('Plexus never reads or changes hidden files and folders') as unknown,
    });
    await expect(vault.createFolder(path)).rejects.toMatchObject({ code: 'UNSAFE_PATH' });
    await expect(vault.move('alpha.md', path)).rejects.toMatchObject({ code: 'UNSAFE_PATH' });
    expect(await entries()).toEqual(before);
  });
});

describe('createNote needs a note name', () => {
  it.each([
    ['newdir/', 'A note name is missing after "newdir/"'],
    ['notes/', 'A note name is missing'],
    ['newdir', 'a note\'s name ends in ".md"'],
    ['todo.txt', 'a note\'s name ends in ".md"'],
  ])('%j is refused (%s), creating nothing', async (path, why) => {
    const service = await VaultService.open(dir, { host: 'browser', watch: false });
    try {
      const before = await entries();
      const response = await dispatch(service, 'createNote', { path, text: 'x' });
      expect(response).toMatchObject({ ok: false, error: { code: 'INVALID_NAME' } });
      if (!response.ok) expect(response.error.message).toContain(why);
      await expect(service.createNote({ path })).rejects.toMatchObject({ code: 'INVALID_NAME' });
      expect(await entries()).toEqual(before);
      expect(await entries('notes')).not.toContain('');
    } finally {
      await service.close();
    }
  });

  it('a ".md" note in a new folder still works, in any case of the extension', async () => {
    const service = await VaultService.open(dir, { host: 'browser', watch: false });
    try {
      expect(await service.createNote({ path: 'newdir/Note.MD' })).toMatchObject({ path: 'newdir/Note.MD' });
      expect((await fs.stat(join(dir, 'newdir'))).isDirectory()).toBe(true);
    } finally {
      await service.close();
    }
  });
});

describe('NFC/NFD twins (macOS treats them as one name)', () => {
  const NFC = 'Caf\u00e9.md'; // é as one code point
  const NFD = 'Cafe\u0301.md'; // e + combining acute accent

  it.each([
    ['an NFC name when the NFD twin exists', NFD, NFC],
    ['an NFD name when the NFC twin exists', NFC, NFD],
  ])('create refuses %s, saying why', async (_case, existing, created) => {
    await fs.writeFile(join(dir, existing), 'first\n');
    const error = await vault.create(created, 'second\n').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ALREADY_EXISTS' });
    expect((error as Error).message).toContain('macOS treats them as one name');
    expect((await fs.readdir(dir)).filter((n) => n.normalize('NFC') === NFC)).toEqual([existing]);
    expect(await fs.readFile(join(dir, existing), 'utf8')).toBe('first\n');
  });

  it('refuses a twin folder on the way to a new note, and a twin folder', async () => {
    await fs.mkdir(join(dir, 'R\u00e9sum\u00e9s'));
    await expect(vault.create('Re\u0301sume\u0301s/new.md', 'x')).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    await expect(vault.createFolder('Re\u0301sume\u0301s')).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    await expect(vault.create('Re\u0301sume\u0301s/deeper/new.md', 'x')).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
    });
    expect((await entries()).filter((n) => n.startsWith('R'))).toEqual(['R\u00e9sum\u00e9s']);
    // The folder itself, spelled exactly, is fine to create into.
    await vault.create('R\u00e9sum\u00e9s/new.md', 'x');
  });

  it('refuses moving onto a twin, but allows re-spelling a name in the other form (a rename of itself)', async () => {
    await fs.writeFile(join(dir, NFD), 'nfd\n');
    await expect(vault.move('alpha.md', NFC)).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    await vault.move(NFD, NFC);
    expect((await entries()).filter((n) => n.normalize('NFC') === NFC)).toEqual([NFC]);
    expect(await fs.readFile(join(dir, NFC), 'utf8')).toBe('nfd\n');
  });

  it('the API returns the refusal as an error response', async () => {
    await fs.writeFile(join(dir, NFD), 'nfd\n');
    const service = await VaultService.open(dir, { host: 'browser', watch: false });
    try {
      const response = await dispatch(service, 'createNote', { path: NFC });
      expect(response).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
    } finally {
      await service.close();
    }
  });

  it('different names that only look alike after case folding are not twins here', async () => {
    await vault.create('Cafe\u0301 notes.md');
    await vault.create('CAF\u00c9 notes.md');
    expect((await entries()).filter((n) => n.includes('notes.md'))).toHaveLength(2);
  });
});

describe('case-only renames', () => {
  it('renames "alpha.md" to "Alpha.md", keeping the content', async () => {
    const before = await fs.readFile(join(dir, 'alpha.md'));
    await vault.move('alpha.md', 'Alpha.md');
    expect(await entries()).toContain('Alpha.md');
    expect(await entries()).not.toContain('alpha.md');
    expect(await fs.readFile(join(dir, 'Alpha.md'))).toEqual(before);
  });

  it('renames a folder by case only', async () => {
    await vault.move('notes', 'Notes');
    expect(await entries()).toContain('Notes');
    expect((await vault.read('Notes/gamma.md')).path).toBe('Notes/gamma.md');
  });

  it('refuses when a different file already has that spelling (case-sensitive disks)', async () => {
    await fs.writeFile(join(dir, 'Alpha.md'), 'other\n');
    await expect(vault.move('alpha.md', 'Alpha.md')).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    expect(await fs.readFile(join(dir, 'Alpha.md'), 'utf8')).toBe('other\n');
  });
});

describe('symlinks', () => {
  it('follows a chain of links inside the vault, and refuses one whose chain ends outside', async () => {
    const outside = await tempDir();
    await fs.writeFile(join(outside, 'secret.md'), 'secret\n');
    await fs.symlink(join(dir, 'alpha.md'), join(dir, 'hop1.md'));
    await fs.symlink(join(dir, 'hop1.md'), join(dir, 'hop2.md'));
    await fs.symlink(join(outside, 'secret.md'), join(dir, 'notes', 'out1.md'));
    await fs.symlink(join(dir, 'notes', 'out1.md'), join(dir, 'via-inside.md'));
    expect((await vault.read('hop2.md')).text).toBe((await vault.read('alpha.md')).text);
    await expect(vault.read('via-inside.md')).rejects.toMatchObject({ code: 'UNSAFE_PATH' });
    const paths = (await vault.list()).map((e) => e.path);
    expect(paths).toContain('hop2.md');
    expect(paths).not.toContain('via-inside.md');
    expect(paths).not.toContain('notes/out1.md');
  });

  it('lists a tree with folder links pointing back up once, without looping', async () => {
    await fs.symlink(dir, join(dir, 'notes', 'root-again'), 'dir');
    await fs.symlink(join(dir, 'notes'), join(dir, 'notes', 'deeper', 'up'), 'dir');
    const paths = (await vault.list()).map((e) => e.path);
    expect(paths.length).toBeLessThan(30);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('a file link loop (a → b → a) is an error, not a hang', async () => {
    await fs.symlink(join(dir, 'b.md'), join(dir, 'a.md'));
    await fs.symlink(join(dir, 'a.md'), join(dir, 'b.md'));
    const refused = await vault.read('a.md').catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'UNSAFE_PATH' });
    expect(String(refused)).toMatch(/symbolic link loop/);
    expect((await vault.list()).map((e) => e.path)).not.toContain('a.md');
  });

  it('refuses creating through a link to a folder outside, creating nothing there', async () => {
    const outside = await tempDir();
    await fs.symlink(outside, join(dir, 'ext'), 'dir');
    await expect(vault.create('ext/new.md', 'x')).rejects.toMatchObject({ code: 'UNSAFE_PATH' });
    await expect(vault.create('ext/sub/new.md', 'x')).rejects.toMatchObject({ code: 'UNSAFE_PATH' });
    expect(await fs.readdir(outside)).toEqual([]);
  });
});

describe('a folder with many files', () => {
  it('lists 100,000 notes in one folder, each once, sorted', { timeout: 180_000 }, async () => {
    const root = await tempDir();
    const count = 100_000;
    const names = Array.from({ length: count }, (_, i) => `note ${String(i).padStart(5, '0')}.md`);
    await fs.mkdir(join(root, 'big'));
    for (let i = 0; i < count; i += 500) {
      await Promise.all(names.slice(i, i + 500).map((name) => fs.writeFile(join(root, 'big', name), name)));
    }
    const big = await Vault.open(root);
    const listed = await big.list();
    expect(listed).toHaveLength(count + 1);
    expect(listed[0]).toMatchObject({ path: 'big', kind: 'folder' });
    expect(listed.slice(1).map((e) => e.path)).toEqual(names.map((n) => `big/${n}`));
    expect(listed[1]).toMatchObject({ kind: 'file', size: names[0]!.length });
    // A creation beside them still checks for twins and succeeds.
    await big.create('big/one more.md', 'x');
    expect((await big.list()).length).toBe(count + 2);
  });
});
