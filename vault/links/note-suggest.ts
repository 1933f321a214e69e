/**
 * Notes whose names fuzzy-match what the person typed: `[[` completion and the quick switcher.
 *
 * A note answers to its file name (without `.md`), its title and its aliases, and to its path
 * when the query holds a "/". Those names are prepared once per index (`NameTable`) and reused
 * until the index changes; a change re-prepares only the notes whose facts changed.
 */
import type { NoteSuggestion, RequestArgs } from '../../shared/api';
import {
  fuzzyScore,
  FuzzyNames,
  prepareKey,
  prepareQuery,
  SCORE,
  type FuzzyKey,
  type FuzzyQuery,
} from '../../shared/fuzzy-match';
import type { NoteMeta } from '../../shared/note-meta';
import { baseName, parentPath } from '../../shared/paths';
import type { LinkIndex } from './link-index';

const DEFAULT_LIMIT = 20;
/** Boost for the most recently opened note; less for older ones; never enough to cross a score tier. */
const RECENT_BOOST = 400;
const RECENT_STEP = 8;

type Kind = NoteSuggestion['matched']['kind'];
type Name = { kind: Kind; key: FuzzyKey };

/** One note's names, prepared. */
type Entry = {
  meta: NoteMeta;
  names: Name[];
  /** Its path without `.md`, for queries naming a folder (prepared on first use). */
  path: FuzzyKey | null;
};

/**
 * Every note's names, in path order, for one LinkIndex at one revision; also laid out flat (one
 * slot per name, the names of a note contiguous) in a `FuzzyNames`, which scores them all with
 * native string sweeps.
 */
class NameTable {
  entries: Entry[] = [];
  revision = -1;
  /** Every name, one slot each. */
  names = new FuzzyNames([]);
  /** Per entry: its first name slot; one extra at the end. */
  firstName = new Int32Array(1);
  /** Scratch scores, one per name slot. */
  scores = new Int32Array(0);
  private pathNames: FuzzyNames | null = null;
  private pathScores = new Int32Array(0);
  private byPath = new Map<string, Entry>();

  /**
   * Brings the table up to date. Changed and removed notes are found by looking each known path
   * up (cheap); only when notes were added does it list the index again, which sorts every path.
   * The flat layout is rebuilt only when some note's names changed.
   */
  refresh(links: LinkIndex): void {
    if (links.revision === this.revision) return;
    let kept = 0;
    let changed = false;
    const entries: Entry[] = [];
    for (const entry of this.entries) {
      const meta = links.note(entry.meta.path);
      if (!meta) {
        changed = true;
        continue;
      }
      kept++;
      if (meta !== entry.meta && sameNames(meta, entry.meta)) {
        // An edit that left the note's names alone (the usual autosave): nothing to re-prepare.
        entry.meta = meta;
      } else if (meta !== entry.meta) {
        changed = true;
        entries.push(entryOf(meta));
        continue;
      }
      entries.push(entry);
    }
    if (kept === links.stats().notes) {
      if (changed) this.layOut(entries);
    } else {
      this.layOut(
        links.notes().map((meta) => {
          const old = this.byPath.get(meta.path);
          return old && old.meta === meta ? old : entryOf(meta);
        }),
      );
    }
    this.revision = links.revision;
  }

  get(path: string): Entry | undefined {
    return this.byPath.get(path);
  }

  private layOut(entries: Entry[]): void {
    this.entries = entries;
    this.byPath = new Map(entries.map((e) => [e.meta.path, e]));
    const keys: FuzzyKey[] = [];
    this.firstName = new Int32Array(entries.length + 1);
    entries.forEach((entry, i) => {
      this.firstName[i] = keys.length;
      for (const name of entry.names) keys.push(name.key);
    });
    this.firstName[entries.length] = keys.length;
    this.names = new FuzzyNames(keys);
    this.scores = new Int32Array(keys.length);
    this.pathNames = null;
  }

  /** Scores of every note's path (prepared on the first query naming a folder). */
  scorePaths(query: FuzzyQuery): Int32Array {
    if (!this.pathNames) {
      this.pathNames = new FuzzyNames(this.entries.map(pathKey));
      this.pathScores = new Int32Array(this.entries.length);
    }
    this.pathNames.scoreSubstrings(query, this.pathScores);
    this.pathNames.scoreSubsequences(query, this.pathScores);
    return this.pathScores;
  }
}

const tables = new WeakMap<LinkIndex, NameTable>();

/** Notes whose names fuzzy-match the query, best first; an empty query lists recent notes, then the rest by path. */
export function suggestNotes(links: LinkIndex, args: RequestArgs['suggestNotes']): NoteSuggestion[] {
  let table = tables.get(links);
  if (!table) tables.set(links, (table = new NameTable()));
  table.refresh(links);
  const limit = args.limit ?? DEFAULT_LIMIT;
  const query = prepareQuery(args.query);
  if (query.key === '') return listRecentThenAll(table, args.recent ?? [], limit);
  return bestMatches(table, query, recentRanks(args.recent ?? []), limit);
}

/** Which ranking tier of shared/fuzzy-match.ts a score is in (exact 4 … subsequence 0). */
function tier(score: number): number {
  if (score >= SCORE.exact) return 4;
  if (score > SCORE.wordSubstring) return 3;
  if (score > SCORE.substring) return 2;
  if (score > SCORE.subsequenceMax) return 1;
  return score >= 0 ? 0 : -1;
}

function entryOf(meta: NoteMeta): Entry {
  const file = stem(meta.path);
  const names: Name[] = [{ kind: 'name', key: prepareKey(file) }];
  // Names equal but for case are one name (the first kept): same matches, same ranks.
  const seen = [file.toLowerCase()];
  const candidates = meta.aliases.length === 0 ? [meta.title] : [meta.title, ...meta.aliases];
  for (let i = 0; i < candidates.length; i++) {
    const text = candidates[i] as string;
    const lower = text.toLowerCase();
    if (text.trim() === '' || seen.includes(lower)) continue;
    seen.push(lower);
    names.push({ kind: i === 0 ? 'title' : 'alias', key: prepareKey(text) });
  }
  return { meta, names, path: null };
}

function pathKey(entry: Entry): FuzzyKey {
  return (entry.path ??= prepareKey(entry.meta.path.replace(/\.md$/i, '')));
}

function sameNames(a: NoteMeta, b: NoteMeta): boolean {
  return a.title === b.title && a.aliases.length === b.aliases.length && a.aliases.every((x, i) => x === b.aliases[i]);
}

/** Path → boost, most recent first. */
function recentRanks(recent: string[]): Map<string, number> {
  const ranks = new Map<string, number>();
  recent.forEach((path, i) => {
    if (!ranks.has(path)) ranks.set(path, Math.max(RECENT_BOOST - i * RECENT_STEP, RECENT_STEP));
  });
  return ranks;
}

type Hit = { entry: Entry; index: number; slot: number; score: number };

/**
 * The `limit` best notes (each scored by its best name), ties in path order. Substring matches
 * outrank every subsequence match, so subsequences are only scored when substrings found too
 * few notes. Matched ranges are computed only for the notes kept.
 */
function bestMatches(
  table: NameTable,
  query: FuzzyQuery,
  recent: Map<string, number>,
  limit: number,
): NoteSuggestion[] {
  const { names, scores } = table;
  const paths = query.key.includes('/') ? table.scorePaths(query) : null;
  names.scoreSubstrings(query, scores);
  let top = collect(table, scores, paths, recent, limit);
  if (top.length < limit) {
    names.scoreSubsequences(query, scores);
    top = collect(table, scores, paths, recent, limit);
  }
  return top.map((hit) => {
    const name = hit.slot < 0 ? null : (hit.entry.names[hit.slot - (table.firstName[hit.index] as number)] as Name);
    return suggestion(hit.entry, name, query, hit.score);
  });
}

function collect(
  table: NameTable,
  scores: Int32Array,
  paths: Int32Array | null,
  recent: Map<string, number>,
  limit: number,
): Hit[] {
  const { entries, firstName } = table;
  const top: Hit[] = [];
  let floor = -1;
  for (let index = 0; index < entries.length; index++) {
    let best = -1;
    let bestSlot = -1;
    for (let slot = firstName[index] as number, end = firstName[index + 1] as number; slot < end; slot++) {
      const score = scores[slot] as number;
      if (score > best) {
        best = score;
        bestSlot = slot;
      }
    }
    if (paths && (paths[index] as number) > best) {
      best = paths[index] as number;
      bestSlot = -1;
    }
    if (best < 0) continue;
    const entry = entries[index] as Entry;
    // A title as good as the file name (same tier) is what the note is called: offer it, so the
    // link is written `[[file-name|Title]]`, as vaults with slug file names write them.
    const titleSlot = (firstName[index] as number) + 1;
    if (
      bestSlot === titleSlot - 1 &&
      entry.names[1]?.kind === 'title' &&
      tier(scores[titleSlot] as number) === tier(best)
    )
      bestSlot = titleSlot;
    if (recent.size > 0) best += recent.get(entry.meta.path) ?? 0;
    if (top.length >= limit && best <= floor) continue;
    insertHit(top, { entry, index, slot: bestSlot, score: best }, limit);
    if (top.length >= limit) floor = (top[top.length - 1] as Hit).score;
  }
  return top;
}

/** Inserts keeping `top` sorted by score, then table (path) order; drops the worst past `limit`. */
function insertHit(top: Hit[], hit: Hit, limit: number): void {
  let i = top.length;
  while (i > 0 && (top[i - 1] as Hit).score < hit.score) i--;
  top.splice(i, 0, hit);
  if (top.length > limit) top.pop();
}

function listRecentThenAll(table: NameTable, recent: string[], limit: number): NoteSuggestion[] {
  const out: NoteSuggestion[] = [];
  const taken = new Set<string>();
  const empty = prepareQuery('');
  for (const path of recent) {
    if (out.length >= limit) return out;
    const entry = table.get(path);
    if (!entry || taken.has(path)) continue;
    taken.add(path);
    out.push(suggestion(entry, null, empty, 0));
  }
  for (const entry of table.entries) {
    if (out.length >= limit) break;
    if (!taken.has(entry.meta.path)) out.push(suggestion(entry, null, empty, 0));
  }
  return out;
}

/** `name` null: the path matched (or, for an empty query, nothing was matched: the file name is shown). */
function suggestion(entry: Entry, name: Name | null, query: FuzzyQuery, score: number): NoteSuggestion {
  const { meta } = entry;
  const ranges: [number, number][] = [];
  let matched: NoteSuggestion['matched'];
  if (name) {
    fuzzyScore(query, name.key, ranges);
    matched = { kind: name.kind, text: name.key.text };
  } else if (query.key === '') {
    matched = { kind: 'name', text: (entry.names[0] as Name).key.text };
  } else {
    const path = pathKey(entry);
    fuzzyScore(query, path, ranges);
    matched = { kind: 'path', text: path.text };
  }
  return { path: meta.path, title: meta.title, folder: parentPath(meta.path), matched, ranges, score };
}

function stem(path: string): string {
  return baseName(path).replace(/\.md$/i, '');
}
