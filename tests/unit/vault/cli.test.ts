import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempVault } from '../helpers/temp-vault';

const bin = resolve(import.meta.dirname, '../../../bin/plexus.js');
let vault: string;

beforeAll(async () => {
  vault = await tempVault('linked');
});
afterAll(() => removeTempDirs());

type Run = { code: number; stdout: string; stderr: string };

function plexus(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    // Run from another folder, as a notes repository's CI would.
    execFile(process.execPath, [bin, ...args], { cwd: '/' }, (error, stdout, stderr) => {
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
    expect(text.stdout).toMatch(/indexed in \d+\.\d\d s/);
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
