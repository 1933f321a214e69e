// `node --import tsx tests/bench/search-bench.ts [--notes N]… [--queries Q]`: full-text search on
// seeded synthetic vaults (written once under the temp folder and reused): build time and heap,
// then p50/p99 latency per kind of query, beside a linear scan of the same texts (lower-cased
// `includes` over every note, the way Obsidian's core search works). Prints a markdown table;
// nothing is asserted. `measureSearch` is what tests/bench/bench.ts can call; `measureFlexSearch`
// (`--flexsearch`) fills a FlexSearch 0.8 Document index with the same notes beside ours, the
// baseline behind choosing our own posting lists.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { Document } from 'flexsearch';
import { runInNewContext } from 'node:vm';
import { generateVault } from '../helpers/synthetic-vault';
import { scanBytes } from '../../vault/scan/scan';
import { noteText } from '../../vault/index/scan-job';
import { searchDoc } from '../../vault/search/doc';
import { SearchIndex } from '../../vault/search/full-text-index';
import { REGEX_FLAGS } from '../../vault/search/matching/query';
import { indexTerms } from '../../vault/search/text';
import { sourceWorker } from '../../vault/index/worker-pool';
import { Vault } from '../../vault/files/vault';
import { VaultIndex } from '../../vault/index/vault-index';
import { listVault } from '../../vault/files/vault-listing';

export type SearchBenchRow = { vault: string; measure: string; value: string; note?: string };

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 1048576;
}

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** The synthetic vault of `notes` notes (the same folder tests/bench/bench.ts uses). */
export function syntheticVault(notes: number): string {
  const root = join(tmpdir(), `plexus-bench-${notes}-seed1`);
  if (existsSync(join(root, '.complete'))) return root;
  for (const note of generateVault({ notes, seed: 1 })) {
    mkdirSync(dirname(join(root, note.path)), { recursive: true });
    writeFileSync(join(root, note.path), note.text);
  }
  writeFileSync(join(root, '.complete'), '');
  return root;
}

/** A seeded generator, so two runs ask the same queries. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

type Kind = 'word' | 'prefix' | 'phrase' | 'tag' | 'regex';
/** A query, and what a linear scan looks for to answer it. */
type Probe = { query: string; scan: (lower: string, text: string) => boolean };

function probes(texts: string[], count: number): Record<Kind, Probe[]> {
  const random = seeded(7);
  const out: Record<Kind, Probe[]> = { word: [], prefix: [], phrase: [], tag: [], regex: [] };
  const pickText = () => texts[Math.floor(random() * texts.length)] ?? '';
  for (let tries = 0; out.word.length < count && tries < count * 20; tries++) {
    const words = pickText().match(/\b[a-z]{4,}\b/g) ?? [];
    const i = Math.floor(random() * Math.max(1, words.length - 1));
    const a = words[i];
    const b = words[i + 1];
    if (!a || !b) continue;
    out.word.push({ query: `${a} `, scan: (lower) => lower.includes(a) });
    const prefix = a.slice(0, 3);
    out.prefix.push({ query: prefix, scan: (lower) => lower.includes(prefix) });
    // Two neighbours of one line make a phrase that exists.
    const line = pickText()
      .split('\n')
      .find((l) => /\b[a-z]{3,} [a-z]{3,}\b/.test(l) && random() < 0.3);
    const pair = line?.match(/\b[a-z]{3,} [a-z]{3,}\b/)?.[0];
    if (pair) out.phrase.push({ query: `"${pair}"`, scan: (lower) => lower.includes(pair) });
    const tag = pickText().match(/(?<=\s)#([a-z][\w/-]*)/)?.[1];
    if (tag) out.tag.push({ query: `tag:#${tag}`, scan: (lower) => lower.includes(`#${tag}`) });
    const source = `${a.slice(0, 4)}\\w*s\\b`;
    const pattern = new RegExp(source, REGEX_FLAGS);
    out.regex.push({
      query: `/${source}/`,
      scan: (_, text) => {
        pattern.lastIndex = 0;
        return pattern.test(text);
      },
    });
  }
  return out;
}

/** Builds the index of a synthetic vault of `notes` notes and times its searches. */
export async function measureSearch(notes: number, queriesPerKind = 200): Promise<SearchBenchRow[]> {
  const label = `synthetic ${notes.toLocaleString()}`;
  const rows: SearchBenchRow[] = [];
  const add = (measure: string, value: string, note?: string) => rows.push({ vault: label, measure, value, note });
  const root = syntheticVault(notes);
  const vault = await Vault.open(root);

  const before = heapMb();
  let started = performance.now();
  const index = await VaultIndex.build(vault, { cacheFile: null, worker: sourceWorker() });
  const coldMs = performance.now() - started;
  const heap = heapMb() - before;
  add('cold index, links + search', `${(coldMs / 1000).toFixed(2)} s`, `${availableParallelism()} workers`);
  add(
    'engine heap (links + search)',
    `${heap.toFixed(0)} MB`,
    `after gc; process RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`,
  );

  const cacheDir = join(tmpdir(), `plexus-search-bench-${process.pid}`);
  const cacheFile = join(cacheDir, 'index.bin');
  await (await VaultIndex.build(vault, { cacheFile, worker: sourceWorker() })).flush();
  started = performance.now();
  const warm = await VaultIndex.build(vault, { cacheFile, worker: sourceWorker() });
  add('warm open from cache', `${((performance.now() - started) / 1000).toFixed(2)} s`, `${warm.search.size} notes`);
  await rm(cacheDir, { recursive: true, force: true });

  // The linear scan's texts, lower-cased once (kinder to the scan than doing it per query).
  const texts = index.links.notes().map((n) => readFileSync(join(root, n.path), 'utf8'));
  const lowered = texts.map((t) => t.toLowerCase());
  const sets = probes(texts, queriesPerKind);
  for (const kind of Object.keys(sets) as Kind[]) {
    const times: number[] = [];
    const scans: number[] = [];
    let truncated = 0;
    let totals = 0;
    for (const probe of sets[kind]) {
      index.search.query(probe.query, 50); // first ask warms the text cache, as typing does
      const t0 = performance.now();
      const answer = index.search.query(probe.query, 50);
      times.push(performance.now() - t0);
      totals += answer.total;
      if (answer.truncated) truncated++;
      const s0 = performance.now();
      let hits = 0;
      for (let i = 0; i < texts.length; i++) if (probe.scan(lowered[i] as string, texts[i] as string)) hits++;
      scans.push(performance.now() - s0);
      void hits;
    }
    const p50 = percentile(times, 50);
    add(
      `search: ${kind}`,
      `${p50.toFixed(2)} ms p50 / ${percentile(times, 99).toFixed(2)} ms p99`,
      `linear scan ${percentile(scans, 50).toFixed(1)} ms p50 (${(percentile(scans, 50) / p50).toFixed(0)}×); ` +
        `${sets[kind].length} queries, ${(totals / Math.max(1, sets[kind].length)).toFixed(0)} hits avg` +
        (truncated ? `, ${truncated} truncated` : ''),
    );
  }
  const cold: number[] = [];
  for (const probe of sets.phrase.slice(0, 50)) {
    const fresh = probe.query.replace(/"$/, ' "').replace(/ "$/, '"');
    const t0 = performance.now();
    warm.search.query(fresh, 50);
    cold.push(performance.now() - t0);
  }
  add(
    'search: phrase, texts not cached',
    `${percentile(cold, 50).toFixed(2)} ms p50 / ${percentile(cold, 99).toFixed(2)} ms p99`,
    'first query after opening: notes re-read from disk',
  );
  return rows;
}

/** A note as both indexes are fed it: its scan and its text, read before any clock starts. */
type LoadedNote = { path: string; text: string; meta: ReturnType<typeof scanBytes> };

async function loadNotes(root: string): Promise<LoadedNote[]> {
  const out: LoadedNote[] = [];
  for (const entry of await listVault(root)) {
    if (entry.kind !== 'file' || !/\.md$/i.test(entry.path)) continue;
    const bytes = readFileSync(join(root, entry.path));
    out.push({ path: entry.path, text: noteText(bytes) ?? '', meta: structuredClone(scanBytes(entry.path, bytes)) });
  }
  return out;
}

function median(xs: number[]): number {
  return percentile(xs, 50);
}

/**
 * FlexSearch 0.8 against our index, on one thread, from the same texts: fill time (ours includes
 * cutting the terms, which the app does on the scan workers), heap after gc, and the p50 of word
 * and prefix queries. FlexSearch is configured like ours: a Document with the names, headings,
 * tags and body fields, `forward` tokenizing (prefixes, as our last word typed), its default
 * encoder (case and accent folding). Its queries return ids only (limit 50); ours rank and cut
 * snippets from texts held in memory here, so the query columns favour FlexSearch.
 */
export async function measureFlexSearch(notes: number, queriesPerKind = 200): Promise<SearchBenchRow[]> {
  const label = `synthetic ${notes.toLocaleString()}`;
  const rows: SearchBenchRow[] = [];
  const add = (measure: string, value: string, note?: string) => rows.push({ vault: label, measure, value, note });
  const loaded = await loadNotes(syntheticVault(notes));
  const texts = new Map(loaded.map((n) => [n.path, n.text]));
  const sets = probes(
    loaded.map((n) => n.text),
    queriesPerKind,
  );

  let before = heapMb();
  let started = performance.now();
  let ours: SearchIndex | null = new SearchIndex({ readText: (path) => texts.get(path) ?? null });
  for (const note of loaded) ours.set(searchDoc(note.meta, indexTerms(note.text)));
  ours.freeze();
  const oursMs = performance.now() - started;
  const oursHeap = heapMb() - before;
  const oursQuery = (query: string) => (ours as SearchIndex).query(query, 50);

  before = heapMb();
  started = performance.now();
  let flex: Document | null = new Document({
    tokenize: 'forward',
    document: { id: 'id', index: ['names', 'headings', 'tags', 'body'] },
  });
  loaded.forEach((note, id) => {
    (flex as Document).add({
      id,
      names: [note.path.replace(/^.*\//, '').replace(/\.md$/i, ''), note.meta.title, ...note.meta.aliases].join(' '),
      headings: note.meta.headings.map((h) => h.text).join(' '),
      tags: note.meta.tags.map((t) => t.tag).join(' '),
      body: note.text,
    });
  });
  const flexMs = performance.now() - started;
  const flexHeap = heapMb() - before;
  const flexQuery = (query: string) => (flex as Document).search(query.trim(), { limit: 50 });

  add(
    'fill: ours / FlexSearch',
    `${(oursMs / 1000).toFixed(2)} s / ${(flexMs / 1000).toFixed(2)} s`,
    `FlexSearch ${(flexMs / oursMs).toFixed(1)}× slower; one thread, same ${loaded.length} texts`,
  );
  add(
    'heap: ours / FlexSearch',
    `${oursHeap.toFixed(0)} MB / ${flexHeap.toFixed(0)} MB`,
    `after gc; ${(flexHeap / Math.max(1, oursHeap)).toFixed(1)}×`,
  );
  for (const kind of ['word', 'prefix'] as const) {
    const time = (ask: (query: string) => unknown) =>
      median(
        sets[kind].map((probe) => {
          ask(probe.query);
          const t0 = performance.now();
          ask(probe.query);
          return performance.now() - t0;
        }),
      );
    add(
      `query ${kind}: ours / FlexSearch`,
      `${time(oursQuery).toFixed(2)} ms / ${time(flexQuery).toFixed(2)} ms p50`,
      `${sets[kind].length} queries; ours ranks and cuts snippets, FlexSearch returns ids`,
    );
  }
  ours = null;
  flex = null;
  return rows;
}

function table(rows: SearchBenchRow[]): string {
  return [
    '| vault | measure | value | note |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.vault} | ${r.measure} | ${r.value} | ${r.note ?? ''} |`),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      notes: { type: 'string', multiple: true },
      queries: { type: 'string', default: '200' },
      flexsearch: { type: 'boolean', default: false },
    },
  });
  const rows: SearchBenchRow[] = [];
  for (const n of (values.notes ?? ['10000']).map(Number)) {
    rows.push(...(await measureSearch(n, Number(values.queries))));
    if (values.flexsearch) rows.push(...(await measureFlexSearch(n, Number(values.queries))));
  }
  console.log(`\nPlexus search bench — ${availableParallelism()} cores, Node ${process.version}\n`);
  console.log(table(rows));
}
