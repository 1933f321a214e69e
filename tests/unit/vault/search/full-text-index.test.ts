import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PlexusError } from '../../../../shared/errors';
import { searchCommand } from '../../../../vault/cli/search';
import { SearchIndex } from '../../../../vault/search/full-text-index';
import { indexTerms } from '../../../../vault/search/text';
import { Vault } from '../../../../vault/files/vault';
import { VaultIndex } from '../../../../vault/index/vault-index';
import { removeTempDirs, tempDir, tempVault } from '../../helpers/temp-vault';

afterEach(() => removeTempDirs());

async function build(root: string, cacheFile: string | null = null): Promise<VaultIndex> {
  return VaultIndex.build(await Vault.open(root), { cacheFile, worker: null });
}

async function fixture(): Promise<{ root: string; index: VaultIndex }> {
  const root = await tempVault('search');
  return { root, index: await build(root) };
}

/** The paths a query finds, best first. */
function paths(index: VaultIndex, query: string): string[] {
  return index.search.query(query).hits.map((h) => h.path);
}

/** The same paths, sorted (when only the set matters). */
function found(index: VaultIndex, query: string): string[] {
  return paths(index, query).sort();
}

describe('search operators', () => {
  it('needs every word, and folds case and accents both ways', async () => {
    const { index } = await fixture();
    expect(found(index, 'cafe ')).toEqual(['Café culture.md', 'recipes/Crème brûlée.md', 'recipes/Tea ceremony.md']);
    expect(found(index, 'CAFÉ ')).toEqual(found(index, 'cafe '));
    expect(found(index, 'naive questions ')).toEqual(['Café culture.md']);
    expect(found(index, 'memory attention ')).toEqual(['Memory.md', 'projects/Overview.md']);
    expect(found(index, 'memory nonexistentword')).toEqual([]);
  });

  it('matches the last word typed as a prefix, and only the last', async () => {
    const { index } = await fixture();
    expect(found(index, 'crem')).toEqual(['Café culture.md', 'recipes/Crème brûlée.md']);
    expect(found(index, 'crem ')).toEqual([]);
    expect(found(index, 'mile')).toEqual(['projects/alpha/Plan.md']);
    expect(found(index, 'mile index')).toEqual([]);
    expect(found(index, 'index mile')).toEqual(['projects/alpha/Plan.md']);
  });

  it('finds text in scripts written without spaces', async () => {
    const { index } = await fixture();
    expect(found(index, '東京')).toEqual(['日本/東京.md']);
    expect(found(index, '京都')).toEqual(['日本/京都.md', '日本/東京.md']);
    expect(found(index, '首都')).toEqual(['日本/東京.md']);
    expect(found(index, '"東京都は日本"')).toEqual(['日本/東京.md']);
    // Substrings of a dense run match: 東京都 holds 京都.
    expect(found(index, '"京都は"')).toEqual(['日本/東京.md']);
    expect(found(index, '"京都が"')).toEqual([]);
  });

  it('matches phrases word by word in order, across punctuation', async () => {
    const { index } = await fixture();
    expect(found(index, '"spaced repetition"')).toEqual(['Memory.md']);
    expect(found(index, '"repetition spaced"')).toEqual([]);
    expect(found(index, '"crème brûlée"')).toEqual(['Café culture.md', 'recipes/Crème brûlée.md']);
    expect(found(index, '"comes first then memory"')).toEqual(['Memory.md']);
    expect(found(index, 'ERR-42 ')).toEqual(['Memory.md']);
    expect(found(index, 'ERR-43 ')).toEqual([]);
  });

  it('excludes words and phrases', async () => {
    const { index } = await fixture();
    expect(found(index, 'whisk ')).toEqual(['recipes/Crème brûlée.md', 'recipes/Tea ceremony.md']);
    expect(found(index, 'whisk -matcha')).toEqual(['recipes/Crème brûlée.md']);
    expect(found(index, 'whisk -"bamboo whisk"')).toEqual(['recipes/Crème brûlée.md']);
    expect(found(index, '-memory').includes('Memory.md')).toBe(false);
    expect(found(index, '-memory')).toHaveLength(index.search.size - 3);
  });

  it('combines with OR and parentheses', async () => {
    const { index } = await fixture();
    expect(found(index, 'alpha OR kyoto ')).toEqual(['projects/Overview.md', 'projects/alpha/Plan.md', '日本/京都.md']);
    expect(found(index, '(alpha OR kyoto) temples ')).toEqual(['日本/京都.md']);
    expect(found(index, 'matcha OR "spaced repetition"')).toEqual(['Memory.md', 'recipes/Tea ceremony.md']);
  });

  it('filters by tag (with nested tags), path and file name', async () => {
    const { index } = await fixture();
    expect(found(index, 'tag:#project')).toEqual(['projects/Overview.md', 'projects/alpha/Plan.md']);
    expect(found(index, 'tag:#project/alpha')).toEqual(['projects/alpha/Plan.md']);
    expect(found(index, 'tag:#proj')).toEqual([]);
    expect(found(index, 'tag:#drinks')).toEqual([
      'Café culture.md',
      'recipes/Crème brûlée.md',
      'recipes/Tea ceremony.md',
    ]);
    expect(found(index, 'tag:旅行')).toEqual(['日本/東京.md']);
    expect(found(index, 'path:recipes/')).toEqual(['recipes/Crème brûlée.md', 'recipes/Tea ceremony.md']);
    expect(found(index, 'path:projects/ beta')).toEqual(['projects/Overview.md']);
    expect(found(index, 'file:plan')).toEqual(['projects/alpha/Plan.md']);
    expect(found(index, 'file:creme')).toEqual(['recipes/Crème brûlée.md']);
  });

  it('line: needs its words on one line', async () => {
    const { index } = await fixture();
    expect(found(index, 'memory attention ')).toEqual(['Memory.md', 'projects/Overview.md']);
    expect(found(index, 'line:(memory spaced)')).toEqual(['Memory.md']);
    expect(found(index, 'line:(memory beta)')).toEqual(['projects/Overview.md']);
    expect(found(index, 'line:(spaced attention)')).toEqual([]);
  });

  it('runs regexes over the notes the rest of the query leaves, or over all', async () => {
    const { index } = await fixture();
    expect(found(index, '/ERR-\\d+/')).toEqual(['Memory.md']);
    expect(found(index, '/^## /')).toEqual(['Café culture.md', 'recipes/Tea ceremony.md']);
    expect(found(index, 'tea /^## /')).toEqual(['recipes/Tea ceremony.md']);
    expect(found(index, '/brûlée/')).toEqual(['Café culture.md', 'recipes/Crème brûlée.md']);
  });

  it('answers an empty query with nothing, and a bad one with BAD_QUERY', async () => {
    const { index } = await fixture();
    expect(index.search.query('  ')).toMatchObject({ total: 0, hits: [] });
    for (const bad of ['"open', '(a', '/(/', 'a OR']) {
      expect(() => index.search.query(bad)).toThrow(PlexusError);
      try {
        index.search.query(bad);
      } catch (error) {
        expect((error as PlexusError).code).toBe('BAD_QUERY');
      }
    }
  });
});

describe('search ranking', () => {
  it('puts file name and title hits above headings, tags and body', async () => {
    const { index } = await fixture();
    expect(paths(index, 'memory ')[0]).toBe('Memory.md');
    expect(paths(index, 'cafe ')[0]).toBe('Café culture.md');
    // "naive" is a heading of one note only; "tools" a heading, "alpha" a heading and a tag.
    expect(paths(index, 'alpha ')).toEqual(['projects/alpha/Plan.md', 'projects/Overview.md']);
  });

  it('ranks notes matching more words, and phrase hits, higher; ties in path order', async () => {
    const { index } = await fixture();
    expect(paths(index, 'attention OR spaced OR repetition ')).toEqual(['Memory.md', 'projects/Overview.md']);
    expect(paths(index, 'attention OR beta ')).toEqual(['projects/Overview.md', 'Memory.md']);
    expect(paths(index, '"spaced repetition" OR memory ')[0]).toBe('Memory.md');
    expect(paths(index, 'tag:#drinks')).toEqual([
      'Café culture.md',
      'recipes/Crème brûlée.md',
      'recipes/Tea ceremony.md',
    ]);
  });

  it('counts every match but returns at most the limit', async () => {
    const { index } = await fixture();
    const result = index.search.query('cafe ', 2);
    expect(result.total).toBe(3);
    expect(result.hits).toHaveLength(2);
  });
});

describe('search snippets', () => {
  it('gives lines with 1-based numbers, offsets in the editor text and highlight ranges', async () => {
    const { root, index } = await fixture();
    const [hit] = index.search.query('"bom and crlf"').hits;
    const text = (await fs.readFile(join(root, 'Windows note.md'), 'utf8'))
      .replace(/^\uFEFF/, '')
      .replace(/\r\n/g, '\n');
    expect(hit?.matches).toHaveLength(1);
    const match = hit?.matches[0];
    expect(match).toMatchObject({ field: 'body', line: 3, text: 'This note has a BOM and CRLF line ends.' });
    expect(text.slice(match?.offset, (match?.offset ?? 0) + (match?.text.length ?? 0))).toBe(match?.text);
    expect(match?.ranges).toEqual([[16, 28]]);
  });

  it('marks where a match is: file name, heading, tag or body', async () => {
    const { index } = await fixture();
    const cafe = index.search.query('cafe ').hits[0];
    expect(cafe?.matches.map((m) => [m.field, m.line])).toEqual([
      ['name', 0],
      ['heading', 5],
      ['body', 7],
    ]);
    expect(cafe).toMatchObject({ title: 'Café culture', folder: '' });
    const plan = index.search.query('tag:#project').hits.find((h) => h.path === 'projects/alpha/Plan.md');
    expect(plan?.matches[0]).toMatchObject({
      field: 'tag',
      line: 6,
      ranges: [
        [0, 8],
        [15, 23],
      ],
    });
    expect(plan?.folder).toBe('projects/alpha');
  });

  it('highlights accented and CJK text at the right offsets', async () => {
    const { index } = await fixture();
    const cafe = index.search.query('creme ').hits.find((h) => h.path === 'Café culture.md');
    const body = cafe?.matches.find((m) => m.field === 'body');
    expect(body?.text.slice(...(body.ranges[0] as [number, number]))).toBe('crème');
    const tokyo = index.search.query('京都').hits.find((h) => h.path === '日本/東京.md');
    const line = tokyo?.matches.find((m) => m.line === 3);
    expect(line?.ranges.map(([s, e]) => line.text.slice(s, e))).toEqual(['京都', '京都']);
  });

  it('cuts a long line around its match', async () => {
    const { index } = await fixture();
    const match = index.search.query('needle ').hits[0]?.matches[0];
    expect(match?.text.length).toBeLessThanOrEqual(200);
    expect(match?.text.slice(...(match.ranges[0] as [number, number]))).toBe('needle');
    expect(match?.offset).toBeGreaterThan(13);
  });
});

describe('search updates', () => {
  it('finds an edited note by its new words after one change event, not by its old ones', async () => {
    const { root, index } = await fixture();
    await fs.writeFile(join(root, 'Memory.md'), '# Memory\n\nNow about zeppelins only.\n');
    await index.apply({ type: 'changed', path: 'Memory.md', origin: 'external' });
    expect(found(index, 'zeppelins ')).toEqual(['Memory.md']);
    expect(found(index, '"spaced repetition"')).toEqual([]);
    expect(found(index, 'repetition ')).toEqual([]);
  });

  it('follows added, renamed and removed notes and folders', async () => {
    const { root, index } = await fixture();
    await fs.writeFile(join(root, 'New idea.md'), 'A quasar of thought.\n');
    await index.apply({ type: 'added', path: 'New idea.md', kind: 'file', origin: 'external' });
    expect(found(index, 'quasar ')).toEqual(['New idea.md']);

    await fs.rename(join(root, 'New idea.md'), join(root, 'Old idea.md'));
    await index.apply({ type: 'renamed', from: 'New idea.md', to: 'Old idea.md', kind: 'file', origin: 'app' });
    expect(found(index, 'quasar ')).toEqual(['Old idea.md']);
    expect(found(index, 'file:new')).toEqual([]);
    expect(paths(index, 'old ')[0]).toBe('Old idea.md');

    await fs.rename(join(root, 'recipes'), join(root, 'kitchen'));
    await index.apply({ type: 'renamed', from: 'recipes', to: 'kitchen', kind: 'folder', origin: 'external' });
    expect(found(index, 'matcha ')).toEqual(['kitchen/Tea ceremony.md']);
    expect(found(index, 'path:recipes')).toEqual([]);

    await fs.rm(join(root, 'kitchen'), { recursive: true });
    await index.apply({ type: 'removed', path: 'kitchen', kind: 'folder', origin: 'external' });
    expect(found(index, 'matcha ')).toEqual([]);
    await fs.rm(join(root, 'Old idea.md'));
    await index.apply({ type: 'removed', path: 'Old idea.md', kind: 'file', origin: 'external' });
    expect(found(index, 'quasar ')).toEqual([]);
  });

  it('stays right across many edits of one note (old ids compacted away)', async () => {
    const { root, index } = await fixture();
    for (let i = 0; i < 1300; i++) {
      await fs.writeFile(join(root, 'Memory.md'), `# Memory\n\nversion${i} text\n`);
      await index.apply({ type: 'changed', path: 'Memory.md', origin: 'external' });
    }
    expect(found(index, 'version1299 ')).toEqual(['Memory.md']);
    expect(found(index, 'version5 ')).toEqual([]);
    expect(found(index, 'cafe ')).toHaveLength(3);
  });
});

describe('search cache', () => {
  const queries = ['cafe ', 'crem', '京都', '"spaced repetition"', 'tag:#project', 'whisk -matcha', '/ERR-\\d+/'];
  const answers = (index: VaultIndex) =>
    queries.map((q) => index.search.query(q).hits.map((h) => ({ path: h.path, score: h.score, matches: h.matches })));

  it('answers the same from the cache, and after the cache is corrupted', async () => {
    const root = await tempVault('search');
    const cacheFile = join(await tempDir(), 'cache', 'index.bin');
    const first = await build(root, cacheFile);
    const expected = answers(first);
    await first.flush();

    const second = await build(root, cacheFile);
    expect(second.buildStats.reused).toBe(second.search.size);
    expect(answers(second)).toEqual(expected);

    await fs.writeFile(cacheFile, 'not a cache at all');
    const third = await build(root, cacheFile);
    expect(third.buildStats.reused).toBe(0);
    expect(answers(third)).toEqual(expected);
  });

  it('rescans notes changed while closed, and drops deleted ones', async () => {
    const root = await tempVault('search');
    const cacheFile = join(await tempDir(), 'cache', 'index.bin');
    await (await build(root, cacheFile)).flush();
    await fs.writeFile(join(root, 'Memory.md'), '# Memory\n\nNow about zeppelins.\n');
    await fs.rm(join(root, 'Long line.md'));
    const second = await build(root, cacheFile);
    expect(second.buildStats.scanned).toBe(1);
    expect(found(second, 'zeppelins ')).toEqual(['Memory.md']);
    expect(found(second, 'repetition ')).toEqual([]);
    expect(found(second, 'needle ')).toEqual([]);
  });
});

describe('searchCommand', () => {
  /** The index as the engine's search request answers (what the CLI asks). */
  const engine = (index: VaultIndex) => ({
    search: ({ query, limit }: { query: string; limit?: number }) => Promise.resolve(index.search.query(query, limit)),
  });

  it('prints one block per note with marked snippets', async () => {
    const { index } = await fixture();
    const { json, text } = await searchCommand(engine(index), '"spaced repetition"', 10);
    expect(json.total).toBe(1);
    expect(text).toContain('Memory.md\n  3: Memory is the faculty of the mind. [Spaced repetition] helps memory.');
    expect(text).toContain('1 note matched');
    expect(json.truncated).toBeUndefined();
  });

  it('warns, apart from the text, when the phrase check ran out of time; the JSON says truncated', async () => {
    const root = await tempVault('search');
    const index = await VaultIndex.build(await Vault.open(root), { cacheFile: null, worker: null, searchBudgetMs: 0 });
    const { json, text, warning } = await searchCommand(engine(index), '"spaced repetition"', 10);
    expect(json.truncated).toBe(true);
    expect(warning).toBe('Search stopped early: the phrase/regex check ran out of time; results may be incomplete.');
    expect(text).not.toContain('stopped early');
    expect(JSON.parse(JSON.stringify(json))).toMatchObject({ truncated: true });
  });
});

describe('SearchIndex text cache', () => {
  const texts = Array.from(
    { length: 50 },
    (_, i) => `Note ${i} says the quick brown fox ${i % 2 ? 'jumps' : 'sleeps'}.`,
  );
  const indexOf = (cacheBytes: number) => {
    const reads: string[] = [];
    const index = new SearchIndex({
      textCacheBytes: cacheBytes,
      readText: (path) => {
        reads.push(path);
        return texts[Number(path.slice(1, -3))] ?? null;
      },
    });
    texts.forEach((t, i) =>
      index.set({ path: `n${i}.md`, title: `n${i}`, aliases: [], headings: [], tags: [], terms: indexTerms(t) }),
    );
    return { index, reads };
  };

  it('prefetches every text it has room for, so a phrase query then reads nothing', () => {
    const { index, reads } = indexOf(1024 * 1024);
    while (index.prefetch(50));
    expect(reads).toHaveLength(texts.length);
    reads.length = 0;
    expect(index.query('"fox jumps"', 100).total).toBe(25);
    expect(reads).toEqual([]);
  });

  it('stops prefetching when the cache is nearly full, and still answers by reading', () => {
    const one = texts[0]!.length * 4;
    const { index, reads } = indexOf(one * 20);
    while (index.prefetch(50));
    // Room for 20 texts: prefetching stops at 90 % of it.
    expect(reads.length).toBeGreaterThanOrEqual(15);
    expect(reads.length).toBeLessThanOrEqual(20);
    expect(index.query('"fox sleeps"', 100).total).toBe(25);
  });
});

describe('search snapshot with replaced notes', () => {
  it('keeps the holes of replaced notes through a round trip, and finds only what is live', () => {
    const doc = (path: string, text: string) => ({
      path,
      title: path,
      aliases: [],
      headings: [],
      tags: [],
      terms: indexTerms(text),
    });
    const index = new SearchIndex();
    index.set(doc('a.md', 'apples and pears'));
    index.set(doc('b.md', 'plums'));
    index.set(doc('a.md', 'quinces now'));
    const snapshot = index.export();
    expect(snapshot.docs.filter((d) => d === null)).toHaveLength(1);
    const copy = new SearchIndex();
    copy.import(structuredClone(snapshot));
    expect(copy.size).toBe(2);
    expect(copy.query('apples').total).toBe(0);
    expect(copy.query('quinces').hits.map((h) => h.path)).toEqual(['a.md']);
    expect(copy.query('plu').hits.map((h) => h.path)).toEqual(['b.md']);
    // Replacing again after the import still files the note once.
    copy.set(doc('a.md', 'apples again'));
    expect(copy.query('apples').total).toBe(1);
    expect(copy.query('quinces').total).toBe(0);
  });
});
