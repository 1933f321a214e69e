// Note suggestions per keystroke (`[[` completion, quick switcher): `node --import tsx tests/bench/suggest-bench.ts`.
// Types words letter by letter against 10k and 100k synthetic note names (with titles and aliases)
// and prints p50/p99 per keystroke; also the first query after an index change (the name table
// refreshes: cheap when a note's names did not change, a re-layout when they did). Goal: ≤ 5 ms at 10k, ≤ 16 ms at 100k. Asserts nothing.
import { pathToFileURL } from 'node:url';
import type { NoteMeta } from '../../shared/note-meta';
import { baseName } from '../../shared/paths';
import { LinkIndex } from '../../vault/links/link-index';
import { suggestNotes } from '../../vault/links/note-suggest';

const WORDS = (
  'memory attention habit sleep focus learning project review meeting budget design research garden recipe travel ' +
  'health fitness reading writing journal idea question answer system network signal pattern method theory practice ' +
  'experiment result summary outline draft archive index template workflow plugin theme query graph backlink folder ' +
  'science history music language culture economy energy climate ocean forest river mountain city village market café'
).split(' ');
const FOLDERS = [
  '',
  'daily',
  'projects',
  'projects/active',
  'areas/health',
  'resources/books',
  'archive/2023',
  'Zettel',
];
const TYPED = ['meeting notes', 'prjct', 'garden', 'zq', 'résumé', 'daily/2024'];

/** Milliseconds per call: wall clock, and this process's CPU time (steady when the machine is busy). */
export type SuggestBenchRow = {
  notes: number;
  query: string;
  p50: number;
  p99: number;
  cpuP50: number;
  cpuP99: number;
};

/** A vault-like set of notes: multi-word names, a third with a title, a tenth with aliases, some daily notes. */
export function syntheticNotes(count: number, seed = 1): NoteMeta[] {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x6d2b79f5) >>> 0;
    return state / 4294967296;
  };
  const word = () => WORDS[Math.floor(random() * WORDS.length)] as string;
  const notes: NoteMeta[] = [];
  for (let i = 0; i < count; i++) {
    const folder = FOLDERS[Math.floor(random() * FOLDERS.length)] as string;
    const name =
      i % 7 === 0
        ? `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')} ${i}`
        : `${word()} ${word()}${random() < 0.5 ? ` ${word()}` : ''} ${i}`;
    const path = `${folder ? folder + '/' : ''}${name}.md`;
    const title = random() < 0.33 ? `${word()} of ${word()} ${i}` : name;
    const aliases = random() < 0.1 ? [`${word()}-${word()}`] : [];
    notes.push({
      path,
      title,
      aliases,
      frontmatter: null,
      headings: [],
      blocks: [],
      tags: [],
      links: [],
      problems: [],
    });
  }
  return notes;
}

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

type Times = { wall: number[]; cpu: number[] };

function timed(times: Times, work: () => void): void {
  const cpu = process.cpuUsage();
  const started = performance.now();
  work();
  times.wall.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  times.cpu.push((used.user + used.system) / 1000);
}

function row(notes: number, query: string, times: Times): SuggestBenchRow {
  return {
    notes,
    query,
    p50: percentile(times.wall, 50),
    p99: percentile(times.wall, 99),
    cpuP50: percentile(times.cpu, 50),
    cpuP99: percentile(times.cpu, 99),
  };
}

/** Times suggestNotes for every prefix of each typed query (several rounds), per vault size. */
export function benchSuggest(sizes: number[] = [10_000, 100_000], rounds = 5): SuggestBenchRow[] {
  const rows: SuggestBenchRow[] = [];
  for (const size of sizes) {
    const links = LinkIndex.from(syntheticNotes(size));
    const recent = links
      .notes()
      .slice(0, 20)
      .map((n) => n.path);
    const cold: Times = { wall: [], cpu: [] };
    timed(cold, () => suggestNotes(links, { query: 'x', recent }));
    const all: Times = { wall: [], cpu: [] };
    for (const typed of TYPED) {
      const times: Times = { wall: [], cpu: [] };
      for (let round = 0; round < rounds; round++) {
        for (let n = 1; n <= typed.length; n++) {
          timed(times, () => suggestNotes(links, { query: typed.slice(0, n), recent, limit: 50 }));
        }
      }
      all.wall.push(...times.wall);
      all.cpu.push(...times.cpu);
      rows.push(row(size, typed, times));
    }
    rows.push(row(size, '(all keystrokes)', all));
    const refreshAfter = (change: (meta: NoteMeta) => NoteMeta): Times => {
      const times: Times = { wall: [], cpu: [] };
      for (let round = 0; round < rounds; round++) {
        links.setNote(change(links.note(recent[round % recent.length] as string) as NoteMeta));
        timed(times, () => suggestNotes(links, { query: 'zq', recent }));
      }
      return times;
    };
    rows.push(row(size, '(first query: builds the name table)', cold));
    rows.push(
      row(
        size,
        '(first query after a body edit)',
        refreshAfter((meta) => ({ ...meta, links: [] })),
      ),
    );
    rows.push(
      row(
        size,
        '(first query after a title edit)',
        refreshAfter((meta) => ({ ...meta, title: `${meta.title} (edited)` })),
      ),
    );
  }
  return rows;
}

/** Keystroke latency on a real index: p50/p99 in ms, and how many keystrokes were timed. */
export type KeystrokeLatency = { p50: number; p99: number; keystrokes: number };

/**
 * `[[` completion and quick-switcher latency per keystroke on a built link index. Completion types
 * the names of 30 notes letter by letter (the renderer asks for 50); the switcher types fuzzy
 * abbreviations of their titles and folder-qualified names (it asks for 30). Both pass 20 recent notes.
 */
export function suggestLatencyOn(links: LinkIndex): { completion: KeystrokeLatency; switcher: KeystrokeLatency } {
  const notes = links.notes();
  const recent = notes.slice(0, 20).map((n) => n.path);
  const chosen = Array.from({ length: 30 }, (_, i) => notes[(i * 7919 + 13) % notes.length]).filter(
    (n): n is NoteMeta => n !== undefined,
  );
  const typeOut = (queries: string[], limit: number): KeystrokeLatency => {
    suggestNotes(links, { query: 'x', recent, limit }); // the name table is built once per index
    const times: number[] = [];
    for (const query of queries) {
      for (let n = 1; n <= query.length; n++) {
        const started = performance.now();
        suggestNotes(links, { query: query.slice(0, n), recent, limit });
        times.push(performance.now() - started);
      }
    }
    return { p50: percentile(times, 50), p99: percentile(times, 99), keystrokes: times.length };
  };
  const names = chosen.map((n) => baseName(n.path).replace(/\.md$/i, '').slice(0, 24));
  const abbreviations = chosen.flatMap((n, i) => {
    const words = n.title.split(/\s+/).filter(Boolean);
    const short = words
      .slice(0, 3)
      .map((w) => w.slice(0, 3))
      .join(' ');
    const folder = n.path.includes('/')
      ? `${n.path.slice(0, n.path.indexOf('/'))}/${(names[i] ?? '').slice(0, 5)}`
      : '';
    return folder ? [short, folder] : [short];
  });
  return { completion: typeOut(names, 50), switcher: typeOut(abbreviations, 30) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const ms = (x: number) => x.toFixed(2);
  console.log('| notes | typed | p50 ms | p99 ms | CPU p50 ms | CPU p99 ms |\n|---|---|---|---|---|---|');
  for (const r of benchSuggest()) {
    console.log(`| ${r.notes} | ${r.query} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.cpuP50)} | ${ms(r.cpuP99)} |`);
  }
}
