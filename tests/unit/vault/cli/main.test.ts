import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir, tempVault } from '../../helpers/temp-vault';

const repo = resolve(import.meta.dirname, '../../../..');
const bin = join(repo, 'bin/plexus.js');
/** What bin/plexus.js runs: the CLI as `npm run build` compiles it (npm test builds first). */
const built = join(repo, 'out/main/cli.cjs');
let vault: string;
/** The app's data folder for these runs (PLEXUS_DATA_DIR), so the real one is never touched. */
let dataDir: string;

beforeAll(async () => {
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` before the CLI tests.`);
  vault = await tempVault('linked');
  dataDir = join(await tempDir(), 'data');
});
afterAll(() => removeTempDirs());

type Run = { code: number; stdout: string; stderr: string };

function plexus(...args: string[]): Promise<Run> {
  return run(bin, args);
}

function run(script: string, args: string[], data = dataDir): Promise<Run> {
  return new Promise((done) => {
    // Run from another folder, as a notes repository's CI would.
    const env = { ...process.env, PLEXUS_DATA_DIR: data };
    execFile(process.execPath, [script, ...args], { cwd: '/', env }, (error, stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function json<T>(run: Run): T {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T;
}

type LinkJson = {
  source: string;
  line: number;
  raw: string;
  target: string;
  resolved: string | null;
  embed: boolean;
  alias: string | null;
};

describe('plexus CLI', () => {
  it('index: counts, problems and time, as text and as JSON', async () => {
    const text = await plexus('index', '--vault', vault);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^9 notes, 1 other files$/m);
    expect(text.stdout).toMatch(/indexed in \d+\.\d\d s \(\d+ notes scanned, \d+ from the cache\)/);
    const report = json<{ notes: number; unresolved: number; problems: { path: string }[]; seconds: number }>(
      await plexus('index', '--vault', vault, '--json'),
    );
    expect(report.notes).toBe(9);
    expect(report.unresolved).toBe(1);
    expect(report.problems.map((p) => p.path).sort()).toEqual(['binary.md', 'broken-yaml.md', 'latin1.md']);
    expect(report.seconds).toBeGreaterThan(0);
  });

  it('links NOTE: every link with what it resolves to, code excluded', async () => {
    const links = json<LinkJson[]>(
      await plexus('links', 'podcast/social-connections-and-trauma.md', '--vault', vault, '--json'),
    );
    expect(links.map((l) => [l.target, l.resolved])).toEqual([
      ['morning-show', null],
      ['fear-circuits', 'topics/fear-circuits.md'],
      ['fear-extinction', 'topics/fear-extinction.md'],
      ['stress-hormones', 'topics/stress-hormones.md'],
      ['topics/deep/amygdala', 'topics/deep/amygdala.md'],
      ['stress-hormones', 'topics/stress-hormones.md'],
      ['stress-hormones', 'topics/stress-hormones.md'],
    ]);
    expect(links[1]).toMatchObject({ alias: 'Fear Circuits', line: 8, raw: '[[fear-circuits | Fear Circuits]]' });
    expect(links[6]?.alias).toBe('Stress Hormones');
  });

  it('backlinks NOTE: from every folder, case-insensitively, markdown links too', async () => {
    const links = json<LinkJson[]>(await plexus('backlinks', 'topics/fear-circuits.md', '--vault', vault, '--json'));
    expect(links.map((l) => l.source)).toEqual([
      'broken-yaml.md',
      'latin1.md',
      'podcast/social-connections-and-trauma.md',
      'topics/deep/amygdala.md',
      'topics/fear-extinction.md',
      'topics/fear-extinction.md',
    ]);
    const text = await plexus('backlinks', 'topics/fear-circuits.md', '--vault', vault);
    expect(text.stdout).toContain('topics/deep/amygdala.md:5  [[Fear-Circuits]]');
  });

  it('an exact path wins over a same-named note elsewhere, and attachments resolve', async () => {
    const links = json<LinkJson[]>(await plexus('links', 'topics/fear-circuits.md', '--vault', vault, '--json'));
    expect(links.map((l) => l.resolved)).toEqual([
      'amygdala.md',
      'podcast/social-connections-and-trauma.md',
      'amygdala.md',
    ]);
    const deep = json<LinkJson[]>(await plexus('links', 'topics/deep/amygdala.md', '--vault', vault, '--json'));
    expect(deep[0]).toMatchObject({
      target: 'brain.png',
      resolved: 'attachments/brain.png',
      embed: true,
      alias: '200',
    });
  });

  it('unresolved and tags', async () => {
    const groups = json<{ target: string; sources: LinkJson[] }[]>(
      await plexus('unresolved', '--vault', vault, '--json'),
    );
    expect(groups.map((g) => [g.target, g.sources.map((s) => s.source)])).toEqual([
      ['morning-show', ['podcast/social-connections-and-trauma.md']],
    ]);
    const tags = json<{ tag: string; notes: string[] }[]>(await plexus('tags', '--vault', vault, '--json'));
    const byTag = Object.fromEntries(tags.map((t) => [t.tag.toLowerCase(), t.notes]));
    expect(byTag['neuro/stress']).toEqual(['podcast/social-connections-and-trauma.md', 'topics/stress-hormones.md']);
    expect(byTag['hormones']).toEqual(['topics/stress-hormones.md']);
    expect(byTag['podcast']).toEqual(['podcast/social-connections-and-trauma.md']);
  });

  it('bad usage exits 2 with the usage; errors exit 1 with one clear message', async () => {
    for (const args of [
      [],
      ['index'],
      ['frobnicate', '--vault', vault],
      ['links', '--vault', vault],
      ['index', '--vault', vault, '--nope'],
    ]) {
      const run = await plexus(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^plexus: .+\n\nusage: plexus/);
    }
    const missing = await plexus('index', '--vault', '/no/such/vault');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('plexus: The vault folder "/no/such/vault" does not exist.\n');
    const noNote = await plexus('links', 'nope.md', '--vault', vault);
    expect(noNote).toMatchObject({ code: 1, stderr: 'plexus: "nope.md" is not a note of this vault.\n' });
  });
});

describe('plexus search and rename', () => {
  it('search answers with ranked hits and snippets as JSON, and a bad query exits 1 with its message', async () => {
    const result = json<{ total: number; hits: { path: string; matches: { line: number }[] }[] }>(
      await plexus('search', 'fear', '--limit', '2', '--json', '--vault', vault),
    );
    expect(result.total).toBeGreaterThan(2);
    expect(result.hits).toHaveLength(2);
    expect(result.hits[0]?.path).toMatch(/fear/);
    const bad = await plexus('search', '"open', '--vault', vault);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^plexus: .*quote/i);
    expect((await plexus('search', 'x', '--limit', 'many', '--vault', vault)).code).toBe(2);
  });

  it('rename --dry-run lists the link edits and writes nothing; rename then rewrites them', async () => {
    const source = join(vault, 'podcast/social-connections-and-trauma.md');
    const before = await readFile(source, 'utf8');
    const dry = json<{ linksUpdated: number; changes: { path: string }[] }>(
      await plexus(
        'rename',
        'topics/stress-hormones.md',
        'topics/hormones.md',
        '--dry-run',
        '--json',
        '--vault',
        vault,
      ),
    );
    expect(dry.linksUpdated).toBe(3);
    expect(dry.changes.map((c) => c.path)).toEqual(['podcast/social-connections-and-trauma.md']);
    expect(await readFile(source, 'utf8')).toBe(before);
    const text = await plexus('rename', 'topics/stress-hormones.md', 'topics/hormones.md', '--vault', vault);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Updated 3 links in 1 note/);
    expect(await readFile(source, 'utf8')).toContain('[[hormones | Stress Hormones]]');
    expect((await plexus('rename', 'only-one.md', '--vault', vault)).code).toBe(2);
  });

  it('rename refuses, changing nothing, when a linking note is not UTF-8 text', async () => {
    const run = await plexus('rename', 'topics/fear-circuits.md', 'topics/circuits.md', '--vault', vault);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/latin1\.md.*not UTF-8.*nothing was changed/);
  });
});

type IndexJson = { notes: number; scanned: number; fromCache: number };

describe('plexus and the index cache', () => {
  it("a second command on an unchanged vault opens from the app's cache and rewrites nothing", async () => {
    const root = await tempVault('linked');
    const data = join(await tempDir(), 'data');
    const cli = (...args: string[]) => run(bin, [...args, '--vault', root], data);
    const cacheDir = join(data, 'index-cache');
    const first = json<IndexJson>(await cli('index', '--json'));
    expect(first).toMatchObject({ notes: 9, scanned: 9, fromCache: 0 });
    // Written before the process ended, into the app's own cache folder.
    const files = (await readdir(cacheDir)).filter((f) => /^index-[0-9a-f]{16}\.bin$/.test(f));
    expect(files).toHaveLength(1);
    const cacheFile = join(cacheDir, files[0] ?? '');
    const written = (await stat(cacheFile)).mtimeMs;

    expect(json<IndexJson>(await cli('index', '--json'))).toMatchObject({
      notes: 9,
      scanned: 0,
      fromCache: 9,
    });
    const search = json<{ hits: { path: string }[] }>(await cli('search', 'amygdala', '--json'));
    expect(search.hits.map((h) => h.path)).toContain('topics/deep/amygdala.md');
    expect((await stat(cacheFile)).mtimeMs).toBe(written);

    // A changed note is rescanned alone, and the cache takes it in for the next command.
    await writeFile(join(root, 'topics/fear-circuits.md'), '# Fear circuits\n\nNow about [[amygdala]] only.\n');
    expect(json<IndexJson>(await cli('index', '--json'))).toMatchObject({
      scanned: 1,
      fromCache: 8,
    });
    expect(json<IndexJson>(await cli('index', '--json'))).toMatchObject({
      scanned: 0,
      fromCache: 9,
    });

    // A rename writes the notes it changed back to the cache before the command ends.
    const renamed = await cli('rename', 'topics/deep/amygdala.md', 'topics/deep/almond.md');
    expect(renamed.stdout).toMatch(/^Updated [1-9]\d* links? in [1-9]\d* notes?$/m);
    expect(json<IndexJson>(await cli('index', '--json'))).toMatchObject({
      scanned: 0,
      fromCache: 9,
    });
  });

  it('--cache-dir DIR keeps the cache there; --no-cache neither reads nor writes one', async () => {
    const root = await tempVault('linked');
    const own = join(await tempDir(), 'own-cache');
    json(await plexus('tags', '--json', '--cache-dir', own, '--vault', root));
    expect(await readdir(own)).toHaveLength(1);
    expect(json<IndexJson>(await plexus('index', '--json', '--cache-dir', own, '--vault', root)).fromCache).toBe(9);

    const none = join(await tempDir(), 'data');
    const uncached = await run(bin, ['index', '--json', '--no-cache', '--vault', root], none);
    expect(json<IndexJson>(uncached)).toMatchObject({ scanned: 9, fromCache: 0 });
    expect(existsSync(none)).toBe(false);
    expect((await plexus('index', '--no-cache', '--cache-dir', own, '--vault', root)).code).toBe(2);
  });
});

describe('bin/plexus.js', () => {
  it('runs the compiled CLI with plain Node (no tsx), and says so in one line when it is not built', async () => {
    const source = await readFile(bin, 'utf8');
    expect(source).not.toMatch(/tsx/);
    expect(source).toContain('../out/main/cli.cjs');
    // The same script in a checkout that was never built.
    const fresh = await tempDir();
    await mkdir(join(fresh, 'bin'));
    await cp(bin, join(fresh, 'bin/plexus.js'));
    await writeFile(join(fresh, 'package.json'), '{ "type": "module" }\n');
    const unbuilt = await run(join(fresh, 'bin/plexus.js'), ['index', '--vault', vault]);
    expect(unbuilt).toEqual({ code: 1, stdout: '', stderr: 'plexus: not built yet — run `npm run build` first.\n' });
  });
});
