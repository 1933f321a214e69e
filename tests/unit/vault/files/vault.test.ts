import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { FilesEvent } from '../../../../shared/api';
import { MAX_NOTE_BYTES } from '../../../../shared/api';
import { PlexusError, type ErrorCode } from '../../../../shared/errors';
import { TEMP_PREFIX } from '../../../../vault/files/atomic-write';
import { Vault, versionOf, type TrashFn } from '../../../../vault/files/vault';
import { removeTempDirs, tempDir, tempVault } from '../../helpers/temp-vault';

/** A file event's size or time, where its exact value is not the point. */
const anyNumber = expect.any(Number) as number;

let dir: string;
let vault: Vault;
let events: FilesEvent[];

beforeEach(async () => {
  dir = await tempVault();
  vault = await Vault.open(dir);
  events = [];
  vault.onDidChange((event) => events.push(event));
});

afterEach(async () => {
  await removeTempDirs();
});

/** The PlexusError code `promise` rejects with (fails the test if it resolves or throws something else). */
async function codeOf(promise: Promise<unknown>): Promise<ErrorCode> {
  let result: unknown;
  try {
    result = await promise;
  } catch (error) {
    if (error instanceof PlexusError) return error.code;
    throw error;
  }
  throw new Error(`expected a PlexusError, but it resolved with ${JSON.stringify(result)}`);
}

const raw = (rel: string) => fs.readFile(join(dir, rel));
const text = (rel: string) => fs.readFile(join(dir, rel), 'utf8');
const exists = (abs: string) =>
  fs.lstat(abs).then(
    () => true,
    () => false,
  );
const modeOf = async (rel: string) => (await fs.stat(join(dir, rel))).mode & 0o7777;

/** Every path under `root` (dot-files included) with its bytes as hex, or "<dir>"/"<link>". */
async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (rel: string): Promise<void> => {
    for (const d of await fs.readdir(join(root, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${d.name}` : d.name;
      if (d.isSymbolicLink()) out[path] = `<link ${await fs.readlink(join(root, path))}>`;
      else if (d.isDirectory()) {
        out[path] = '<dir>';
        await walk(path);
      } else out[path] = (await fs.readFile(join(root, path))).toString('hex');
    }
  };
  await walk('');
  return out;
}

async function versionOfFile(rel: string): Promise<string> {
  return versionOf(await raw(rel));
}

const FIXTURE_LISTING = [
  'alpha.md',
  'beta.md',
  'bom.md',
  'crlf.md',
  'image.png',
  'notes',
  'notes/deeper',
  'notes/deeper/delta.md',
  'notes/gamma.md',
];

describe('Vault.open', () => {
  it('refuses a missing folder with NOT_FOUND', async () => {
    expect(await codeOf(Vault.open(join(dir, 'does-not-exist')))).toBe('NOT_FOUND');
  });

  it('refuses a file with INVALID_ARGUMENT', async () => {
    expect(await codeOf(Vault.open(join(dir, 'alpha.md')))).toBe('INVALID_ARGUMENT');
  });

  it('uses the real path of the root when opened through a symlink', async () => {
    const base = await tempDir();
    const link = join(base, 'vault-link');
    await fs.symlink(dir, link, 'dir');
    const viaLink = await Vault.open(link);
    expect(viaLink.root).toBe(await fs.realpath(dir));
    expect((await viaLink.read('alpha.md')).text).toBe(await text('alpha.md'));
  });
});

describe('list', () => {
  it('lists files and folders depth first, sorted, skipping dot-folders', async () => {
    const entries = await vault.list();
    expect(entries.map((e) => e.path)).toEqual(FIXTURE_LISTING);
    expect(entries.some((e) => e.path.includes('.obsidian'))).toBe(false);
  });

  it('reports kinds and sizes', async () => {
    const byPath = new Map((await vault.list()).map((e) => [e.path, e]));
    expect(byPath.get('notes')).toMatchObject({ kind: 'folder', size: 0 });
    expect(byPath.get('notes/deeper')).toMatchObject({ kind: 'folder', size: 0 });
    expect(byPath.get('image.png')).toMatchObject({ kind: 'file', size: (await raw('image.png')).length });
    expect(byPath.get('alpha.md')).toMatchObject({ kind: 'file', size: (await raw('alpha.md')).length });
    const stats = await fs.stat(join(dir, 'alpha.md'));
    expect(byPath.get('alpha.md')?.mtimeMs).toBe(stats.mtimeMs);
  });

  it('skips every dot-file and dot-folder, at any depth', async () => {
    await fs.writeFile(join(dir, '.hidden.md'), 'x');
    await fs.writeFile(join(dir, 'notes', '.secret.md'), 'x');
    await fs.mkdir(join(dir, '.git'));
    await fs.writeFile(join(dir, '.git', 'HEAD'), 'x');
    await fs.mkdir(join(dir, 'notes', '.cache'));
    await fs.writeFile(join(dir, 'notes', '.cache', 'visible-name.md'), 'x');
    await fs.writeFile(join(dir, `${TEMP_PREFIX}abc-alpha.md`), 'x');
    expect((await vault.list()).map((e) => e.path)).toEqual(FIXTURE_LISTING);
  });

  it('sorts by name whatever order the files were created in, and is repeatable', async () => {
    await fs.writeFile(join(dir, 'zzz.md'), 'z');
    await fs.writeFile(join(dir, 'aaa.md'), 'a');
    await fs.writeFile(join(dir, 'Zed.md'), 'Z');
    const first = (await vault.list()).map((e) => e.path);
    expect(first.slice(0, 3)).toEqual(['Zed.md', 'aaa.md', 'alpha.md']);
    expect(first.at(-1)).toBe('zzz.md');
    expect((await vault.list()).map((e) => e.path)).toEqual(first);
  });

  it('lists an empty vault as []', async () => {
    const empty = await Vault.open(await tempDir());
    expect(await empty.list()).toEqual([]);
  });
});

describe('read', () => {
  it('reads a note with a 16-hex-digit version of its bytes', async () => {
    const note = await vault.read('alpha.md');
    expect(note.path).toBe('alpha.md');
    expect(note.text).toBe(await text('alpha.md'));
    expect(note.text).toContain('[[notes/gamma]]');
    expect(note.version).toMatch(/^[0-9a-f]{16}$/);
    expect(note.version).toBe(await versionOfFile('alpha.md'));
  });

  it('returns the normalized path', async () => {
    expect((await vault.read('./notes//gamma.md')).path).toBe('notes/gamma.md');
  });

  it('gives different notes different versions, and the same bytes the same version', async () => {
    const alpha = await vault.read('alpha.md');
    const beta = await vault.read('beta.md');
    expect(alpha.version).not.toBe(beta.version);
    await fs.writeFile(join(dir, 'copy.md'), await raw('alpha.md'));
    expect((await vault.read('copy.md')).version).toBe(alpha.version);
  });

  it('gives a new version when the file changes on disk', async () => {
    const before = await vault.read('beta.md');
    await fs.appendFile(join(dir, 'beta.md'), 'more\n');
    const after = await vault.read('beta.md');
    expect(after.version).not.toBe(before.version);
    expect(after.text).toBe(before.text + 'more\n');
  });

  it('returns a CRLF note with "\\n" line endings only', async () => {
    expect((await raw('crlf.md')).includes('\r\n')).toBe(true);
    const note = await vault.read('crlf.md');
    expect(note.text).toBe('# CRLF\n\nWindows line endings.\n');
    expect(note.text).not.toContain('\r');
    expect(note.version).toBe(await versionOfFile('crlf.md'));
  });

  it('strips the BOM', async () => {
    expect([...(await raw('bom.md')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const note = await vault.read('bom.md');
    expect(note.text.startsWith('# BOM')).toBe(true);
    expect(note.text).not.toContain('\uFEFF');
  });

  it('reads an empty note', async () => {
    await fs.writeFile(join(dir, 'empty.md'), '');
    expect(await vault.read('empty.md')).toMatchObject({ text: '', version: versionOf(new Uint8Array(0)) });
  });

  it('refuses image.png with NOT_TEXT', async () => {
    expect(await codeOf(vault.read('image.png'))).toBe('NOT_TEXT');
  });

  it('reads a .md file with invalid UTF-8 read-only, with replacement characters (no longer NOT_TEXT)', async () => {
    await fs.writeFile(join(dir, 'latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const note = await vault.read('latin1.md');
    expect(note.text).toBe('caf\uFFFD\n');
    expect(note.readOnly?.reason).toMatch(/not valid UTF-8 text.*offset 3.*read-only/);
  });

  it('refuses a file with NUL bytes (valid UTF-8, but binary) with NOT_TEXT', async () => {
    await fs.writeFile(join(dir, 'nul.md'), Buffer.from('a\0b'));
    expect(await codeOf(vault.read('nul.md'))).toBe('NOT_TEXT');
  });

  it('refuses a folder with INVALID_ARGUMENT', async () => {
    expect(await codeOf(vault.read('notes'))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(vault.read(''))).toBe('INVALID_ARGUMENT');
  });

  it('refuses a missing note with NOT_FOUND', async () => {
    expect(await codeOf(vault.read('nope.md'))).toBe('NOT_FOUND');
    expect(await codeOf(vault.read('nope/deeper.md'))).toBe('NOT_FOUND');
  });

  it('refuses a note over MAX_NOTE_BYTES with TOO_LARGE', async () => {
    await fs.writeFile(join(dir, 'huge.md'), '');
    await fs.truncate(join(dir, 'huge.md'), MAX_NOTE_BYTES + 1); // sparse: cheap
    expect(await codeOf(vault.read('huge.md'))).toBe('TOO_LARGE');
  });
});

describe('write', () => {
  it('replaces the content on disk and returns the new version', async () => {
    const { version } = await vault.read('alpha.md');
    const result = await vault.write('alpha.md', '# Rewritten\n', version);
    expect(await text('alpha.md')).toBe('# Rewritten\n');
    expect(result.version).not.toBe(version);
    expect(result.version).toBe(await versionOfFile('alpha.md'));
    expect((await vault.read('alpha.md')).version).toBe(result.version);
  });

  it('chains: the returned version is the base of the next write', async () => {
    const v1 = (await vault.read('beta.md')).version;
    const v2 = (await vault.write('beta.md', 'two', v1)).version;
    const v3 = (await vault.write('beta.md', 'three', v2)).version;
    expect(new Set([v1, v2, v3]).size).toBe(3);
    expect(await text('beta.md')).toBe('three');
    expect(await codeOf(vault.write('beta.md', 'stale', v2))).toBe('STALE_VERSION');
  });

  it('keeps a CRLF note CRLF on disk', async () => {
    const { version, text: current } = await vault.read('crlf.md');
    await vault.write('crlf.md', current + 'Added line.\nAnother.\n', version);
    expect((await raw('crlf.md')).toString('latin1')).toBe(
      '# CRLF\r\n\r\nWindows line endings.\r\nAdded line.\r\nAnother.\r\n',
    );
  });

  it('keeps an LF note LF on disk', async () => {
    const { version } = await vault.read('beta.md');
    await vault.write('beta.md', 'a\nb\n', version);
    expect((await raw('beta.md')).toString('latin1')).toBe('a\nb\n');
  });

  it('keeps the BOM of a BOM note', async () => {
    const { version } = await vault.read('bom.md');
    await vault.write('bom.md', '# Still BOM\n', version);
    const bytes = await raw('bom.md');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('# Still BOM\n');
    expect((await vault.read('bom.md')).text).toBe('# Still BOM\n');
  });

  it.each([0o640, 0o600, 0o755])('keeps the file mode %o', async (mode) => {
    await fs.chmod(join(dir, 'alpha.md'), mode);
    const { version } = await vault.read('alpha.md');
    await vault.write('alpha.md', 'new', version);
    expect(await modeOf('alpha.md')).toBe(mode);
  });

  it('refuses a stale baseVersion with STALE_VERSION and leaves the disk unchanged', async () => {
    const { version } = await vault.read('alpha.md');
    await fs.writeFile(join(dir, 'alpha.md'), 'changed by another app\n');
    const before = await snapshot(dir);
    expect(await codeOf(vault.write('alpha.md', 'my edits', version))).toBe('STALE_VERSION');
    expect(await text('alpha.md')).toBe('changed by another app\n');
    expect(await snapshot(dir)).toEqual(before);
    expect(events).toEqual([]);
  });

  it('refuses a made-up baseVersion', async () => {
    const before = await raw('alpha.md');
    expect(await codeOf(vault.write('alpha.md', 'x', '0000000000000000'))).toBe('STALE_VERSION');
    expect(await raw('alpha.md')).toEqual(before);
  });

  it('lets exactly one of two concurrent writes from the same base win', async () => {
    const { version } = await vault.read('alpha.md');
    const results = await Promise.allSettled([
      vault.write('alpha.md', 'from window one', version),
      vault.write('alpha.md', 'from window two', version),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    const reason: unknown = rejected[0]?.reason;
    expect(reason).toBeInstanceOf(PlexusError);
    expect((reason as PlexusError).code).toBe('STALE_VERSION');
    const winner = results[0]?.status === 'fulfilled' ? 'from window one' : 'from window two';
    expect(await text('alpha.md')).toBe(winner);
    expect(events.filter((e) => e.type === 'changed')).toHaveLength(1);
  });

  it('serializes concurrent writes given through differently spelled paths', async () => {
    const { version } = await vault.read('notes/gamma.md');
    const results = await Promise.allSettled([
      vault.write('notes/gamma.md', 'one', version),
      vault.write('./notes//gamma.md', 'two', version),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('does not rewrite the file when the text is unchanged', async () => {
    const before = await fs.stat(join(dir, 'crlf.md'));
    const note = await vault.read('crlf.md');
    const result = await vault.write('crlf.md', note.text, note.version);
    expect(result.version).toBe(note.version);
    const after = await fs.stat(join(dir, 'crlf.md'));
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(events).toEqual([]);
  });

  it('refuses a missing note with NOT_FOUND, creating nothing', async () => {
    expect(await codeOf(vault.write('new.md', 'x', versionOf(new Uint8Array(0))))).toBe('NOT_FOUND');
    expect(await exists(join(dir, 'new.md'))).toBe(false);
  });

  it('refuses a folder with INVALID_ARGUMENT', async () => {
    expect(await codeOf(vault.write('notes', 'x', 'whatever'))).toBe('INVALID_ARGUMENT');
    expect((await fs.stat(join(dir, 'notes'))).isDirectory()).toBe(true);
  });

  it('leaves no temp file behind', async () => {
    const { version } = await vault.read('notes/gamma.md');
    await vault.write('notes/gamma.md', 'new', version);
    expect((await fs.readdir(join(dir, 'notes'))).sort()).toEqual(['deeper', 'gamma.md']);
  });

  it('announces {type: "changed", origin: "app"} with the new version', async () => {
    const { version } = await vault.read('alpha.md');
    const result = await vault.write('alpha.md', 'new', version);
    expect(events).toEqual([
      {
        type: 'changed',
        path: 'alpha.md',
        origin: 'app',
        version: result.version,
        size: anyNumber,
        mtimeMs: anyNumber,
      },
    ]);
  });
});

describe('create', () => {
  it('creates a note with the given text, LF and no BOM', async () => {
    const result = await vault.create('new.md', 'line one\nline two\n');
    expect(result.path).toBe('new.md');
    expect((await raw('new.md')).toString('latin1')).toBe('line one\nline two\n');
    expect(result.version).toBe(await versionOfFile('new.md'));
    expect((await vault.read('new.md')).version).toBe(result.version);
  });

  it('creates an empty note by default', async () => {
    await vault.create('empty.md');
    expect((await raw('empty.md')).length).toBe(0);
  });

  it('returns the normalized path', async () => {
    expect((await vault.create('./notes//new.md', 'x')).path).toBe('notes/new.md');
    expect(await text('notes/new.md')).toBe('x');
  });

  it('refuses an existing file with ALREADY_EXISTS without touching it', async () => {
    const before = await fs.stat(join(dir, 'alpha.md'));
    const content = await raw('alpha.md');
    expect(await codeOf(vault.create('alpha.md', 'overwritten'))).toBe('ALREADY_EXISTS');
    const after = await fs.stat(join(dir, 'alpha.md'));
    expect(await raw('alpha.md')).toEqual(content);
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(events).toEqual([]);
  });

  it('refuses an existing folder with ALREADY_EXISTS', async () => {
    expect(await codeOf(vault.create('notes', 'x'))).toBe('ALREADY_EXISTS');
    expect((await fs.stat(join(dir, 'notes'))).isDirectory()).toBe(true);
  });

  it('lets exactly one of two concurrent creations of the same path win', async () => {
    const results = await Promise.allSettled([vault.create('race.md', 'one'), vault.create('race.md', 'two')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const reason: unknown = results.find((r) => r.status === 'rejected')?.reason;
    expect((reason as PlexusError).code).toBe('ALREADY_EXISTS');
    expect(await text('race.md')).toBe(results[0]?.status === 'fulfilled' ? 'one' : 'two');
  });

  it('creates missing parent folders', async () => {
    await vault.create('projects/2024/plan.md', '# Plan\n');
    expect(await text('projects/2024/plan.md')).toBe('# Plan\n');
    const paths = (await vault.list()).map((e) => e.path);
    expect(paths).toContain('projects');
    expect(paths).toContain('projects/2024');
    expect(paths).toContain('projects/2024/plan.md');
  });

  it('refuses a note under a file (alpha.md/child.md), changing nothing', async () => {
    const before = await snapshot(dir);
    await expect(vault.create('alpha.md/child.md', 'x')).rejects.toBeInstanceOf(PlexusError);
    expect(await snapshot(dir)).toEqual(before);
  });

  it.each([
    'CON.md',
    'notes:b.md',
    'notes/a:b.md',
    'trailing. ',
    'trailing.',
    'nul',
    'what?.md',
    'pipe|.md',
    'CON/x.md',
    'ok/aux.txt',
    'tab\there.md',
  ])('refuses the illegal name %j with INVALID_NAME, creating nothing', async (name) => {
    const before = await snapshot(dir);
    expect(await codeOf(vault.create(name, 'x'))).toBe('INVALID_NAME');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('refuses "a:b.md" for its colon (not as a drive letter) with INVALID_NAME', async () => {
    const before = await snapshot(dir);
    await expect(vault.create('a:b.md', 'x')).rejects.toMatchObject({
      code: 'INVALID_NAME',
      message: expect.stringContaining('":" is not allowed in names on Windows and macOS') as unknown,
    });
    expect(await snapshot(dir)).toEqual(before);
  });

  it.each(['.hidden.md', '.obsidian/app.json', 'notes/.trash/x.md'])(
    'refuses the hidden path %j with UNSAFE_PATH, creating nothing',
    async (name) => {
      const before = await snapshot(dir);
      expect(await codeOf(vault.create(name, 'x'))).toBe('UNSAFE_PATH');
      expect(await snapshot(dir)).toEqual(before);
    },
  );

  it('refuses an empty path with INVALID_NAME', async () => {
    expect(await codeOf(vault.create('', 'x'))).toBe('INVALID_NAME');
    expect(await codeOf(vault.create('./', 'x'))).toBe('INVALID_NAME');
  });

  it('leaves no temp file behind, even when refused', async () => {
    await vault.create('fresh.md', 'x');
    await codeOf(vault.create('fresh.md', 'y'));
    expect((await fs.readdir(dir)).filter((n) => n.startsWith(TEMP_PREFIX))).toEqual([]);
  });

  it('announces {type: "added", kind: "file", origin: "app"}', async () => {
    await vault.create('notes/new.md', 'x');
    expect(events).toEqual([
      {
        type: 'added',
        path: 'notes/new.md',
        kind: 'file',
        origin: 'app',
        size: anyNumber,
        mtimeMs: anyNumber,
      },
    ]);
  });
});

describe('createFolder', () => {
  it('creates a folder that list() shows', async () => {
    expect(await vault.createFolder('archive')).toEqual({ path: 'archive' });
    expect((await fs.stat(join(dir, 'archive'))).isDirectory()).toBe(true);
    expect(await vault.list()).toContainEqual(expect.objectContaining({ path: 'archive', kind: 'folder' }));
  });

  it('creates missing parents', async () => {
    await vault.createFolder('a/b/c');
    expect((await fs.stat(join(dir, 'a/b/c'))).isDirectory()).toBe(true);
  });

  it('refuses an existing folder or file with ALREADY_EXISTS', async () => {
    await fs.writeFile(join(dir, 'notes', 'marker.md'), 'keep');
    expect(await codeOf(vault.createFolder('notes'))).toBe('ALREADY_EXISTS');
    expect(await text('notes/marker.md')).toBe('keep');
    expect(await codeOf(vault.createFolder('alpha.md'))).toBe('ALREADY_EXISTS');
    expect((await fs.stat(join(dir, 'alpha.md'))).isFile()).toBe(true);
  });

  it.each(['CON', 'ab:c', 'x/PRN', 'end.', 'x/y/ '])('refuses the illegal name %j with INVALID_NAME', async (name) => {
    const before = await snapshot(dir);
    expect(await codeOf(vault.createFolder(name))).toBe('INVALID_NAME');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('announces {type: "added", kind: "folder", origin: "app"}', async () => {
    await vault.createFolder('archive');
    expect(events).toEqual([
      {
        type: 'added',
        path: 'archive',
        kind: 'folder',
        origin: 'app',
        size: anyNumber,
        mtimeMs: anyNumber,
      },
    ]);
  });
});

describe('move', () => {
  it('renames a file', async () => {
    const content = await raw('alpha.md');
    expect(await vault.move('alpha.md', 'omega.md')).toEqual({ from: 'alpha.md', to: 'omega.md' });
    expect(await exists(join(dir, 'alpha.md'))).toBe(false);
    expect(await raw('omega.md')).toEqual(content);
  });

  it('moves a file into another folder', async () => {
    const content = await raw('beta.md');
    await vault.move('beta.md', 'notes/deeper/beta.md');
    expect(await exists(join(dir, 'beta.md'))).toBe(false);
    expect(await raw('notes/deeper/beta.md')).toEqual(content);
  });

  it('creates missing folders on the way', async () => {
    await vault.move('beta.md', 'archive/2024/beta.md');
    expect(await text('archive/2024/beta.md')).toContain('# Beta');
  });

  it('moves a folder with all its children', async () => {
    const gamma = await raw('notes/gamma.md');
    const delta = await raw('notes/deeper/delta.md');
    await vault.move('notes', 'moved/notes2');
    expect(await exists(join(dir, 'notes'))).toBe(false);
    expect(await raw('moved/notes2/gamma.md')).toEqual(gamma);
    expect(await raw('moved/notes2/deeper/delta.md')).toEqual(delta);
    const paths = (await vault.list()).map((e) => e.path);
    expect(paths.filter((p) => p.startsWith('notes'))).toEqual([]);
    expect(paths).toContain('moved/notes2/deeper/delta.md');
  });

  it('keeps the file mode and content bytes (CRLF, BOM) of a moved note', async () => {
    await fs.chmod(join(dir, 'crlf.md'), 0o600);
    const crlf = await raw('crlf.md');
    const bom = await raw('bom.md');
    await vault.move('crlf.md', 'notes/crlf.md');
    await vault.move('bom.md', 'notes/bom.md');
    expect(await raw('notes/crlf.md')).toEqual(crlf);
    expect(await raw('notes/bom.md')).toEqual(bom);
    expect(await modeOf('notes/crlf.md')).toBe(0o600);
  });

  it('refuses an existing target file with ALREADY_EXISTS, leaving both files unchanged', async () => {
    const before = await snapshot(dir);
    expect(await codeOf(vault.move('alpha.md', 'beta.md'))).toBe('ALREADY_EXISTS');
    expect(await snapshot(dir)).toEqual(before);
    expect(events).toEqual([]);
  });

  it('refuses an existing target folder with ALREADY_EXISTS', async () => {
    await fs.mkdir(join(dir, 'other'));
    const before = await snapshot(dir);
    expect(await codeOf(vault.move('notes', 'other'))).toBe('ALREADY_EXISTS');
    expect(await codeOf(vault.move('alpha.md', 'notes'))).toBe('ALREADY_EXISTS');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('refuses a target that is a dangling symlink, leaving the link in place', async () => {
    await fs.symlink(join(dir, 'nowhere.md'), join(dir, 'dangling.md'));
    expect(await codeOf(vault.move('alpha.md', 'dangling.md'))).toBe('ALREADY_EXISTS');
    expect(await fs.readlink(join(dir, 'dangling.md'))).toBe(join(dir, 'nowhere.md'));
    expect(await exists(join(dir, 'alpha.md'))).toBe(true);
  });

  it.each([
    ['notes', 'notes/inside'],
    ['notes', 'notes/deeper/notes'],
    ['notes', './notes//deeper/x'],
  ])('refuses moving a folder into itself (%s → %s)', async (from, to) => {
    const before = await snapshot(dir);
    expect(await codeOf(vault.move(from, to))).toBe('INVALID_ARGUMENT');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('allows moving a folder next to a sibling with a longer name ("notes" → "notes-old")', async () => {
    await vault.move('notes', 'notes-old');
    expect(await text('notes-old/gamma.md')).toContain('Gamma');
  });

  it('treats a move to the same (normalized) path as a no-op without events', async () => {
    const before = await snapshot(dir);
    expect(await vault.move('alpha.md', './alpha.md')).toEqual({ from: 'alpha.md', to: 'alpha.md' });
    expect(await snapshot(dir)).toEqual(before);
    expect(events).toEqual([]);
  });

  it('refuses a no-op move of a missing file with NOT_FOUND (it must not report success)', async () => {
    expect(await codeOf(vault.move('missing.md', 'missing.md'))).toBe('NOT_FOUND');
  });

  it('refuses moving the vault root itself with INVALID_ARGUMENT', async () => {
    const before = await snapshot(dir);
    expect(await codeOf(vault.move('./', 'inside'))).toBe('INVALID_ARGUMENT');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('refuses a missing source with NOT_FOUND', async () => {
    expect(await codeOf(vault.move('nope.md', 'other.md'))).toBe('NOT_FOUND');
    expect(await exists(join(dir, 'other.md'))).toBe(false);
  });

  it.each(['CON.md', 'ab:c.md', 'notes/end.'])('refuses the illegal target name %j with INVALID_NAME', async (to) => {
    const before = await snapshot(dir);
    expect(await codeOf(vault.move('alpha.md', to))).toBe('INVALID_NAME');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('announces a "renamed" event with the kind', async () => {
    await vault.move('alpha.md', 'notes/alpha.md');
    await vault.move('notes/deeper', 'deeper');
    expect(events).toEqual([
      { type: 'renamed', from: 'alpha.md', to: 'notes/alpha.md', kind: 'file', origin: 'app' },
      { type: 'renamed', from: 'notes/deeper', to: 'deeper', kind: 'folder', origin: 'app' },
    ]);
  });

  it('keeps a note readable and writable under its new name with the same version', async () => {
    const before = await vault.read('beta.md');
    await vault.move('beta.md', 'gamma2.md');
    const after = await vault.read('gamma2.md');
    expect(after.version).toBe(before.version);
    await vault.write('gamma2.md', 'edited', after.version);
    expect(await text('gamma2.md')).toBe('edited');
  });
});

describe('trash', () => {
  it('moves a file to <vault>/.trash/', async () => {
    const content = await raw('alpha.md');
    expect(await vault.trash('alpha.md')).toEqual({ path: 'alpha.md' });
    expect(await exists(join(dir, 'alpha.md'))).toBe(false);
    expect(await raw('.trash/alpha.md')).toEqual(content);
    expect((await vault.list()).map((e) => e.path)).not.toContain('alpha.md');
    expect((await vault.list()).some((e) => e.path.startsWith('.trash'))).toBe(false);
  });

  it('keeps both when a second file with the same name is trashed', async () => {
    await fs.writeFile(join(dir, 'alpha.md'), 'first');
    await vault.trash('alpha.md');
    await vault.create('alpha.md', 'second');
    await vault.trash('alpha.md');
    await fs.writeFile(join(dir, 'notes', 'alpha.md'), 'third');
    await vault.trash('notes/alpha.md');
    const trashed = (await fs.readdir(join(dir, '.trash'))).sort();
    expect(trashed).toHaveLength(3);
    expect(new Set(trashed).size).toBe(3);
    expect(trashed).toContain('alpha.md');
    expect(trashed.every((name) => name.endsWith('.md'))).toBe(true);
    const contents = await Promise.all(trashed.map((name) => text(`.trash/${name}`)));
    expect(contents.sort()).toEqual(['first', 'second', 'third']);
  });

  it('does not overwrite a trashed file with the numbered name of a later one', async () => {
    await fs.mkdir(join(dir, '.trash'));
    await fs.writeFile(join(dir, '.trash', 'beta.md'), 'old 1');
    await fs.writeFile(join(dir, '.trash', 'beta 2.md'), 'old 2');
    await vault.trash('beta.md');
    expect(await text('.trash/beta.md')).toBe('old 1');
    expect(await text('.trash/beta 2.md')).toBe('old 2');
    const rest = (await fs.readdir(join(dir, '.trash'))).filter((n) => n !== 'beta.md' && n !== 'beta 2.md');
    expect(rest).toHaveLength(1);
    expect(await text(`.trash/${rest[0] ?? ''}`)).toContain('# Beta');
  });

  it('trashes a folder with its children', async () => {
    const delta = await raw('notes/deeper/delta.md');
    await vault.trash('notes');
    expect(await exists(join(dir, 'notes'))).toBe(false);
    expect(await raw('.trash/notes/deeper/delta.md')).toEqual(delta);
    expect((await vault.list()).map((e) => e.path)).toEqual(['alpha.md', 'beta.md', 'bom.md', 'crlf.md', 'image.png']);
  });

  it('uses a custom TrashFn given to Vault.open', async () => {
    const bin = await tempDir();
    const calls: [string, string][] = [];
    const trashFn: TrashFn = async (absolutePath, vaultPath) => {
      calls.push([absolutePath, vaultPath]);
      await fs.rename(absolutePath, join(bin, vaultPath.replaceAll('/', '_')));
    };
    const custom = await Vault.open(dir, trashFn);
    await custom.trash('notes/gamma.md');
    expect(calls).toEqual([[join(custom.root, 'notes', 'gamma.md'), 'notes/gamma.md']]);
    expect(await fs.readFile(join(bin, 'notes_gamma.md'), 'utf8')).toContain('Gamma');
    expect(await exists(join(dir, '.trash'))).toBe(false);
    expect(await exists(join(dir, 'notes', 'gamma.md'))).toBe(false);
  });

  it('reports a failing TrashFn as a PlexusError and announces nothing', async () => {
    const failing = await Vault.open(dir, () => Promise.reject(Object.assign(new Error('nope'), { code: 'EACCES' })));
    const seen: FilesEvent[] = [];
    failing.onDidChange((e) => seen.push(e));
    expect(await codeOf(failing.trash('alpha.md'))).toBe('IO');
    expect(await exists(join(dir, 'alpha.md'))).toBe(true);
    expect(seen).toEqual([]);
  });

  it('refuses to trash the vault itself', async () => {
    expect(await codeOf(vault.trash(''))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(vault.trash('./'))).toBe('INVALID_ARGUMENT');
    expect(await exists(join(dir, 'alpha.md'))).toBe(true);
  });

  it('refuses a missing path with NOT_FOUND', async () => {
    expect(await codeOf(vault.trash('nope.md'))).toBe('NOT_FOUND');
  });

  it('announces a "removed" event with the kind', async () => {
    await vault.trash('alpha.md');
    await vault.trash('notes');
    expect(events).toEqual([
      { type: 'removed', path: 'alpha.md', kind: 'file', origin: 'app' },
      { type: 'removed', path: 'notes', kind: 'folder', origin: 'app' },
    ]);
  });
});

describe('path safety', () => {
  const UNSAFE = ['../x.md', '/etc/passwd', 'a/../../x', 'a\0b', 'C:\\x', 'notes/../../x.md', '..', 'C:/x.md'];

  const operations: [string, (v: Vault, p: string) => Promise<unknown>][] = [
    ['read', (v, p) => v.read(p)],
    ['write', (v, p) => v.write(p, 'pwned', '0000000000000000')],
    ['create', (v, p) => v.create(p, 'pwned')],
    ['createFolder', (v, p) => v.createFolder(p)],
    ['move from', (v, p) => v.move(p, 'stolen.md')],
    ['move to', (v, p) => v.move('alpha.md', p)],
    ['trash', (v, p) => v.trash(p)],
  ];

  for (const [name, operation] of operations) {
    it.each(UNSAFE)(`${name} refuses %j with UNSAFE_PATH and changes nothing`, async (path) => {
      // The names these paths would reach beside the vault (other tests change the rest of /tmp meanwhile).
      const beside = ['x.md', 'x', 'stolen.md', 'pwned'].map((name) => join(dir, '..', name));
      const besideBefore = await Promise.all(beside.map(exists));
      const before = await snapshot(dir);
      expect(await codeOf(operation(vault, path))).toBe('UNSAFE_PATH');
      expect(await snapshot(dir)).toEqual(before);
      expect(await Promise.all(beside.map(exists))).toEqual(besideBefore);
      expect(events).toEqual([]);
    });
  }

  describe('a symlink to a folder outside the vault', () => {
    let outside: string;
    let secretVersion: string;

    beforeEach(async () => {
      outside = await tempDir();
      await fs.writeFile(join(outside, 'secret.md'), 'top secret\n');
      secretVersion = versionOf(await fs.readFile(join(outside, 'secret.md')));
      await fs.symlink(outside, join(dir, 'out'), 'dir');
      await fs.symlink(join(outside, 'secret.md'), join(dir, 'leak.md'), 'file');
    });

    const outsideUnchanged = async () => {
      expect((await fs.readdir(outside)).sort()).toEqual(['secret.md']);
      expect(await fs.readFile(join(outside, 'secret.md'), 'utf8')).toBe('top secret\n');
    };

    it('is not listed, nor is anything behind it', async () => {
      const paths = (await vault.list()).map((e) => e.path);
      expect(paths).toEqual(FIXTURE_LISTING);
    });

    it('refuses reading through it', async () => {
      expect(await codeOf(vault.read('out/secret.md'))).toBe('UNSAFE_PATH');
      expect(await codeOf(vault.read('leak.md'))).toBe('UNSAFE_PATH');
    });

    it('refuses writing through it, even with the right version', async () => {
      expect(await codeOf(vault.write('out/secret.md', 'pwned', secretVersion))).toBe('UNSAFE_PATH');
      expect(await codeOf(vault.write('leak.md', 'pwned', secretVersion))).toBe('UNSAFE_PATH');
      await outsideUnchanged();
      expect(await fs.readlink(join(dir, 'leak.md'))).toBe(join(outside, 'secret.md'));
    });

    it('refuses creating through it, and creates nothing outside', async () => {
      expect(await codeOf(vault.create('out/new.md', 'pwned'))).toBe('UNSAFE_PATH');
      expect(await codeOf(vault.create('out/sub/deeper/new.md', 'pwned'))).toBe('UNSAFE_PATH');
      expect(await codeOf(vault.createFolder('out/newdir'))).toBe('UNSAFE_PATH');
      expect(await codeOf(vault.createFolder('out/a/b'))).toBe('UNSAFE_PATH');
      await outsideUnchanged();
    });

    it('refuses moving through it, in either direction', async () => {
      expect(await codeOf(vault.move('alpha.md', 'out/alpha.md'))).toBe('UNSAFE_PATH');
      expect(await codeOf(vault.move('notes', 'out/sub/notes'))).toBe('UNSAFE_PATH');
      expect(await codeOf(vault.move('out/secret.md', 'stolen.md'))).toBe('UNSAFE_PATH');
      await outsideUnchanged();
      expect(await exists(join(dir, 'alpha.md'))).toBe(true);
      expect(await exists(join(dir, 'notes', 'gamma.md'))).toBe(true);
      expect(await exists(join(dir, 'stolen.md'))).toBe(false);
    });

    it('refuses trashing through it', async () => {
      expect(await codeOf(vault.trash('out/secret.md'))).toBe('UNSAFE_PATH');
      await outsideUnchanged();
    });

    it('emits no events for refused operations', async () => {
      await codeOf(vault.create('out/new.md', 'x'));
      await codeOf(vault.write('out/secret.md', 'x', secretVersion));
      expect(events).toEqual([]);
    });
  });

  it('treats a sibling folder whose name starts with the vault name as outside', async () => {
    const base = await tempDir();
    const root = join(base, 'v');
    await fs.mkdir(root);
    await fs.mkdir(join(base, 'v-evil'));
    await fs.writeFile(join(base, 'v-evil', 'secret.md'), 'secret');
    await fs.symlink(join(base, 'v-evil'), join(root, 'sib'), 'dir');
    const v = await Vault.open(root);
    expect(await codeOf(v.read('sib/secret.md'))).toBe('UNSAFE_PATH');
    expect(await codeOf(v.create('sib/new.md', 'x'))).toBe('UNSAFE_PATH');
    expect(await v.list()).toEqual([]);
    expect(await fs.readdir(join(base, 'v-evil'))).toEqual(['secret.md']);
    expect(v.toVaultPath(join(base, 'v-evil', 'secret.md'))).toBeNull();
  });

  describe('a symlink to a folder inside the vault', () => {
    beforeEach(async () => {
      await fs.symlink(join(dir, 'notes'), join(dir, 'link'), 'dir');
    });

    it('is listed as a folder, with its children', async () => {
      const entries = await vault.list();
      expect(entries).toContainEqual(expect.objectContaining({ path: 'link', kind: 'folder' }));
      expect(entries).toContainEqual(expect.objectContaining({ path: 'link/gamma.md', kind: 'file' }));
      expect(entries).toContainEqual(expect.objectContaining({ path: 'link/deeper/delta.md', kind: 'file' }));
    });

    it('is readable and writable through the link', async () => {
      const note = await vault.read('link/gamma.md');
      expect(note.text).toBe(await text('notes/gamma.md'));
      await vault.write('link/gamma.md', 'via link', note.version);
      expect(await text('notes/gamma.md')).toBe('via link');
      expect((await fs.lstat(join(dir, 'link'))).isSymbolicLink()).toBe(true);
    });

    it('allows creating through the link', async () => {
      await vault.create('link/new.md', 'x');
      expect(await text('notes/new.md')).toBe('x');
    });
  });

  it('stops at a symlink loop instead of walking forever', async () => {
    await fs.symlink(dir, join(dir, 'notes', 'loop'), 'dir');
    const paths = (await vault.list()).map((e) => e.path);
    expect(paths).toEqual(FIXTURE_LISTING);
  });

  it('skips a dangling symlink', async () => {
    await fs.symlink(join(dir, 'nowhere'), join(dir, 'dangling.md'));
    expect((await vault.list()).map((e) => e.path)).toEqual(FIXTURE_LISTING);
    expect(await codeOf(vault.read('dangling.md'))).toBe('NOT_FOUND');
  });
});

describe('toVaultPath', () => {
  it('maps absolute paths inside the root to vault paths, and others to null', () => {
    expect(vault.toVaultPath(vault.root)).toBe('');
    expect(vault.toVaultPath(join(vault.root, 'notes', 'gamma.md'))).toBe('notes/gamma.md');
    expect(vault.toVaultPath(join(vault.root, '..'))).toBeNull();
    expect(vault.toVaultPath(vault.root + '-other/x.md')).toBeNull();
  });
});

describe('cleanTempFiles', () => {
  it('removes a planted temp file and returns 1', async () => {
    await fs.writeFile(join(dir, `${TEMP_PREFIX}abc-x.md`), 'half written');
    expect(await vault.cleanTempFiles()).toBe(1);
    expect(await exists(join(dir, `${TEMP_PREFIX}abc-x.md`))).toBe(false);
  });

  it('removes temp files in subfolders too, and nothing else', async () => {
    await fs.writeFile(join(dir, `${TEMP_PREFIX}abc-x.md`), 'x');
    await fs.writeFile(join(dir, 'notes', 'deeper', `${TEMP_PREFIX}def-delta.md`), 'x');
    await fs.writeFile(join(dir, '.hidden.md'), 'keep');
    await fs.writeFile(join(dir, 'plexus-tmp-not-ours.md'), 'keep');
    const before = await snapshot(dir);
    expect(await vault.cleanTempFiles()).toBe(2);
    const after = await snapshot(dir);
    delete before[`${TEMP_PREFIX}abc-x.md`];
    delete before[`notes/deeper/${TEMP_PREFIX}def-delta.md`];
    expect(after).toEqual(before);
  });

  it('returns 0 when there is nothing to clean', async () => {
    const before = await snapshot(dir);
    expect(await vault.cleanTempFiles()).toBe(0);
    expect(await snapshot(dir)).toEqual(before);
  });
});

describe('onDidChange', () => {
  it('stops telling a listener once it unsubscribes', async () => {
    const mine: FilesEvent[] = [];
    const off = vault.onDidChange((e) => mine.push(e));
    await vault.create('one.md');
    off.dispose();
    await vault.create('two.md');
    expect(mine).toEqual([
      {
        type: 'added',
        path: 'one.md',
        kind: 'file',
        origin: 'app',
        size: anyNumber,
        mtimeMs: anyNumber,
      },
    ]);
    expect(events).toHaveLength(2);
  });

  it('announces nothing for failed operations', async () => {
    await codeOf(vault.create('alpha.md'));
    await codeOf(vault.write('alpha.md', 'x', 'stale'));
    await codeOf(vault.move('alpha.md', 'beta.md'));
    await codeOf(vault.trash('missing.md'));
    await codeOf(vault.createFolder('notes'));
    expect(events).toEqual([]);
  });
});

describe('a symlinked note inside the vault', () => {
  it('is saved through to its target, and stays a link', async () => {
    await fs.symlink(join(dir, 'beta.md'), join(dir, 'beta-link.md'), 'file');
    const note = await vault.read('beta-link.md');
    await vault.write('beta-link.md', note.text + 'Through the link.\n', note.version);
    expect((await fs.lstat(join(dir, 'beta-link.md'))).isSymbolicLink()).toBe(true);
    expect(await text('beta.md')).toContain('Through the link.');
  });
});
