import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceWorker } from '../../../../vault/index/worker-pool';
import { Vault } from '../../../../vault/files/vault';
import { VaultIndex } from '../../../../vault/index/vault-index';
import { removeTempDirs, tempDir, tempVault } from '../../helpers/temp-vault';

afterEach(() => removeTempDirs());

async function build(root: string, cacheFile: string | null = null) {
  const vault = await Vault.open(root);
  return { vault, index: await VaultIndex.build(vault, { cacheFile, worker: null }) };
}

describe('VaultIndex', () => {
  it('indexes notes and attachments, and records bad notes without stopping', async () => {
    const { index } = await build(await tempVault('linked'));
    const stats = index.links.stats();
    expect(stats.notes).toBe(9);
    expect(stats.files).toBeGreaterThanOrEqual(1);
    const problems = Object.fromEntries(index.problems().map((p) => [p.path, p.problems.map((q) => q.kind)]));
    expect(problems['broken-yaml.md']).toContain('yaml');
    expect(problems['latin1.md']).toContain('encoding');
    expect(problems['binary.md']).toContain('binary');
    // A note with bad YAML still gives its links and tags.
    expect(index.links.outgoing('broken-yaml.md').map((l) => l.resolved)).toEqual(['topics/fear-circuits.md']);
    expect(index.links.notesWithTag('still-tagged')).toEqual(['broken-yaml.md']);
  });

  it('reuses cached scans of unchanged notes and rescans changed ones', async () => {
    const root = await tempVault('linked');
    const cacheFile = join(await tempDir(), 'cache', 'index.bin');
    const first = await build(root, cacheFile);
    expect(first.index.buildStats.reused).toBe(0);
    await first.index.flush();

    await fs.appendFile(join(root, 'topics/fear-extinction.md'), '\nNow links [[amygdala]].\n');
    const second = await build(root, cacheFile);
    expect(second.index.buildStats).toMatchObject({ scanned: 1, reused: 8 });
    expect(second.index.links.outgoing('topics/fear-extinction.md').map((l) => l.link.target)).toContain('amygdala');
    expect(second.index.links.snapshot()).not.toEqual(first.index.links.snapshot());
    const fresh = await build(root);
    expect(second.index.links.snapshot()).toEqual(fresh.index.links.snapshot());
  });

  it('restores cached link resolutions only while the files are the same', async () => {
    const root = await tempVault('linked');
    const cacheFile = join(await tempDir(), 'cache', 'index.bin');
    await (await build(root, cacheFile)).index.flush();
    const warm = await build(root, cacheFile);
    expect(warm.index.buildStats.reused).toBe(9);
    expect(warm.index.links.snapshot()).toEqual((await build(root)).index.links.snapshot());
    await warm.index.flush();

    // A new note named like a link target: cached notes' links must resolve to it, not as saved.
    await fs.writeFile(join(root, 'morning-show.md'), '# Morning show\n');
    const after = await build(root, cacheFile);
    expect(after.index.buildStats).toMatchObject({ scanned: 1, reused: 9 });
    expect(after.index.links.snapshot()).toEqual((await build(root)).index.links.snapshot());
    expect(after.index.links.backlinks('morning-show.md').map((l) => l.source)).toEqual([
      'podcast/social-connections-and-trauma.md',
    ]);
  });

  it('discards a corrupt or foreign cache instead of trusting it', async () => {
    const root = await tempVault('linked');
    const cacheFile = join(await tempDir(), 'index.bin');
    await fs.writeFile(cacheFile, 'not a cache at all');
    const { index } = await build(root, cacheFile);
    expect(index.buildStats).toMatchObject({ scanned: 9, reused: 0 });
    await index.flush();
    // The same cache file for another vault root is not used either.
    const other = await tempVault('linked');
    expect((await build(other, cacheFile)).index.buildStats.reused).toBe(0);
  });

  it('follows creates, edits, renames and deletes, matching a fresh build', async () => {
    const root = await tempVault('linked');
    const { vault, index } = await build(root);
    vault.onDidChange((event) => void index.apply(event));

    await vault.create('topics/morning-show.md', '# Morning show\n');
    const podcast = 'podcast/social-connections-and-trauma.md';
    await index.idle();
    expect(index.links.outgoing(podcast)[0]?.resolved).toBe('topics/morning-show.md');

    await vault.move('topics', 'subjects');
    await vault.trash('amygdala.md');
    const note = await vault.read('subjects/fear-circuits.md');
    await vault.write('subjects/fear-circuits.md', note.text + '\n#added-tag\n', note.version);
    await index.idle();

    expect(index.links.backlinks('subjects/fear-circuits.md').length).toBeGreaterThan(0);
    expect(index.links.outgoing('subjects/fear-circuits.md')[0]?.resolved).toBe('subjects/deep/amygdala.md');
    expect(index.links.notesWithTag('added-tag')).toEqual(['subjects/fear-circuits.md']);
    const fresh = await build(root);
    expect(index.links.snapshot()).toEqual(fresh.index.links.snapshot());
  });

  it('scans on worker threads for a larger vault, with the same result as on this thread', async () => {
    const root = await tempDir();
    for (let i = 0; i < 400; i++) {
      await fs.mkdir(join(root, `f${i % 7}`), { recursive: true });
      await fs.writeFile(
        join(root, `f${i % 7}`, `n${i}.md`),
        `# Note ${i}\n\nSee [[n${(i + 1) % 400}]] and [[missing-${i % 5}]]. #t${i % 3}\n`,
      );
    }
    const vault = await Vault.open(root);
    const progress: number[] = [];
    const onWorkers = await VaultIndex.build(vault, {
      cacheFile: null,
      worker: sourceWorker(),
      onStatus: (s) => progress.push(s.done),
    });
    const here = await VaultIndex.build(vault, { cacheFile: null, worker: null });
    expect(onWorkers.links.stats()).toMatchObject({ notes: 400, links: 800, resolved: 400, unresolved: 400 });
    expect(onWorkers.links.snapshot()).toEqual(here.links.snapshot());
    expect(progress.at(-1)).toBe(400);
    expect(progress.length).toBeGreaterThan(2);
  });
});
