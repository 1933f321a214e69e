// Search latency per kind of query on a built index, beside a linear scan of the same texts
// (lower-cased `includes` over every note, or the regex over every note: Obsidian's method).
// Works on any vault, synthetic or real, and reuses the caller's index (tests/bench/search-bench.ts
// builds its own, for the synthetic vaults only).
import { SEARCH_PAGE } from '../../renderer/src/panes/search-pane';
import { REGEX_FLAGS } from '../../vault/search/matching/query';
import type { VaultIndex } from '../../vault/index/vault-index';
import type { goalTier } from './bench-goals';
import { ms, row, type BenchRow } from './bench-row';
import { percentile } from './bench-stats';

export const SEARCH_KINDS = ['word', 'prefix', 'phrase', 'tag', 'regex'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** A query, and what a linear scan tests each note for to answer it. */
type Probe = { query: string; scan: (lower: string) => boolean };

export type SearchLatency = {
  kind: SearchKind;
  queries: number;
  /** Milliseconds: the first time a query is asked (as each new query is while typing). */
  p50: number;
  p99: number;
  /** Milliseconds when the same query is asked again (the note-text cache is warm). */
  repeatP50: number;
  scanP50: number;
  hitsAvg: number;
  truncated: number;
};

/** What the search pane asks for per keystroke. */
const LIMIT = SEARCH_PAGE;

/** A seeded generator, so two runs ask the same queries. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Queries of each kind built from words, phrases and tags that occur in the texts. */
function probes(texts: readonly string[], count: number): Record<SearchKind, Probe[]> {
  const random = seeded(7);
  const out: Record<SearchKind, Probe[]> = { word: [], prefix: [], phrase: [], tag: [], regex: [] };
  const pickText = () => texts[Math.floor(random() * texts.length)] ?? '';
  for (let tries = 0; out.word.length < count && tries < count * 20; tries++) {
    const words = pickText().match(/\b[a-z]{4,}\b/g) ?? [];
    const word = words[Math.floor(random() * words.length)];
    if (!word) continue;
    out.word.push({ query: word, scan: (lower) => lower.includes(word) });
    const prefix = word.slice(0, 3);
    out.prefix.push({ query: prefix, scan: (lower) => lower.includes(prefix) });
    const pair = pickText()
      .split('\n')
      .filter((line) => /\b[a-z]{3,} [a-z]{3,}\b/.test(line))
      .map((line) => line.match(/\b[a-z]{3,} [a-z]{3,}\b/)?.[0])[0];
    if (pair) out.phrase.push({ query: `"${pair}"`, scan: (lower) => lower.includes(pair) });
    const tags = pickText().match(/(?<=\s)#[a-z][\w/-]*/g) ?? [];
    const tag = tags[Math.floor(random() * tags.length)];
    if (tag) out.tag.push({ query: `tag:${tag}`, scan: (lower) => lower.includes(tag) });
    const source = `${word.slice(0, 4)}\\w*s\\b`;
    const pattern = new RegExp(source, REGEX_FLAGS);
    out.regex.push({
      query: `/${source}/`,
      // The search's regexes ignore case, so the lower-cased text answers the same.
      scan: (lower) => {
        pattern.lastIndex = 0;
        return pattern.test(lower);
      },
    });
  }
  return out;
}

/**
 * Times `queriesPerKind` queries of each kind on `index`; `lowered` are the notes' texts in lower
 * case (all the scan keeps in memory, as a search that scans would).
 */
export function searchLatency(index: VaultIndex, lowered: readonly string[], queriesPerKind = 100): SearchLatency[] {
  const sets = probes(lowered, queriesPerKind);
  return SEARCH_KINDS.map((kind) => {
    const first: number[] = [];
    const repeat: number[] = [];
    const scans: number[] = [];
    let hits = 0;
    let truncated = 0;
    for (const probe of sets[kind]) {
      let started = performance.now();
      const answer = index.search.query(probe.query, LIMIT);
      first.push(performance.now() - started);
      started = performance.now();
      index.search.query(probe.query, LIMIT);
      repeat.push(performance.now() - started);
      hits += answer.total;
      if (answer.truncated) truncated++;
      started = performance.now();
      let found = 0;
      for (const text of lowered) if (probe.scan(text)) found++;
      scans.push(performance.now() - started);
      if (found < 0) throw new Error('unreachable'); // keeps the scan from being optimised away
    }
    return {
      kind,
      queries: sets[kind].length,
      p50: percentile(first, 50),
      p99: percentile(first, 99),
      repeatP50: percentile(repeat, 50),
      scanP50: percentile(scans, 50),
      hitsAvg: hits / Math.max(1, sets[kind].length),
      truncated,
    };
  });
}

/** How the index compares with the linear scan, as a ratio of medians. */
function versus(scan: number, index: number): string {
  return scan >= index ? `index ${(scan / index).toFixed(1)}× faster` : `index ${(index / scan).toFixed(1)}× slower`;
}

/** The bench's rows for each kind of query: p50/p99 against the tier's goals, beside a linear scan. */
export function searchRows(
  label: string,
  index: VaultIndex,
  lowered: readonly string[],
  queriesPerKind: number,
  goals: ReturnType<typeof goalTier>['goals'],
): BenchRow[] {
  return searchLatency(index, lowered, queriesPerKind).map((s) => {
    const met = goals.searchP99 ? Math.max(s.p50 / goals.searchP50!.max, s.p99 / goals.searchP99.max) : s.p50;
    return row(label, `search: ${s.kind}`, `${ms(s.p50)} p50 / ${ms(s.p99)} p99`, {
      goal: goals.searchP99
        ? { ...goals.searchP50!, max: 1, label: `${goals.searchP50!.label}, ${goals.searchP99.label}` }
        : goals.searchP50,
      actual: met,
      note:
        `linear scan ${ms(s.scanP50)} p50 (${versus(s.scanP50, s.p50)}); repeated query ${ms(s.repeatP50)}; ` +
        `${s.queries} queries, ${s.hitsAvg.toFixed(0)} hits avg${s.truncated ? `, ${s.truncated} cut short` : ''}`,
      data: { p50: s.p50, p99: s.p99, repeatP50: s.repeatP50, scanP50: s.scanP50, queries: s.queries },
    });
  });
}
