/**
 * The link graph of a vault: every note's links resolved to files, backlinks, unresolved links
 * and tags, kept up to date one note at a time.
 *
 * Incremental by construction: each link remembers the file names its resolution consulted (see
 * `resolveWith`), and a file appearing or vanishing re-resolves only the links that consulted its
 * name. Backlinks, unresolved groups and tags are maps kept in step, so reading them costs the
 * size of the answer, not of the vault. `LinkIndex.from` builds the same state in one pass, and the
 * property test checks that any sequence of edits ends where a fresh build of the result would.
 */
import type { IndexStats, LinkInfo } from '../../shared/api';
import type { LinkRef, NoteMeta } from '../../shared/note-meta';
import { baseName, normalizeVaultPath, parentPath } from '../../shared/paths';
import { compareCodePoints, nameKey, NameTable, normKey, resolveWith, type LinkStyle } from './resolve-link';
import { TagIndex, type TagSummary } from './tag-index';

export type { TagSummary } from './tag-index';

/** A link where it is written and the file it resolves to: the API's LinkInfo. */
export type ResolvedLink = LinkInfo;

/** Unresolved links that name the same (normalised) target. */
export type UnresolvedGroup = {
  /** The target as first written (by the first source in path order), e.g. to create the note. */
  target: string;
  /** The grouping key: the target NFC-normalised, lower-cased, without a trailing `.md`. */
  key: string;
  sources: ResolvedLink[];
};

export type LinkStats = IndexStats;

/** How one link resolved: the file it leads to, and the normalised file names the resolution looked up. */
export type Resolution = { readonly resolved: string | null; readonly names: readonly string[] };

/**
 * Resolutions saved from an index over the files `table` (see `tableKey`), by note path, in the
 * order of each note's links: `from` takes them instead of resolving when its files are the same.
 */
export type KnownResolutions = { table: string; get(path: string): readonly Resolution[] | undefined };

/** One link of one note, as the index tracks it. */
type Entry = {
  readonly source: string;
  readonly link: LinkRef;
  /** Position in the note's `links`, which is source order. */
  readonly index: number;
  resolved: string | null;
  /** Normalised file names the last resolution looked up: the files that can change it. */
  names: readonly string[];
};

export class LinkIndex {
  readonly #table = new NameTable();
  readonly #notes = new Map<string, NoteMeta>();
  /** Files that are not notes (attachments). */
  readonly #files = new Set<string>();
  readonly #outgoing = new Map<string, Entry[]>();
  /** Resolved path → links resolving to it. */
  readonly #incoming = new Map<string, Set<Entry>>();
  /** Unresolved key → links with that target. */
  readonly #missing = new Map<string, Set<Entry>>();
  /**
   * Normalised file name → links whose resolution consulted it. Built on first need (a file
   * appearing or vanishing): a third of a build's work, and editing notes never needs it.
   */
  #dependents: Map<string, Set<Entry>> | null = null;
  readonly #tags = new TagIndex();
  /**
   * Resolutions by style, folder and target while `from` builds (the files do not change then, and
   * a resolution depends on nothing else): most links repeat a target from the same folder.
   */
  #memo: Map<string, Resolution> | null = null;
  #links = 0;
  #resolved = 0;
  #revision = 0;

  /**
   * An index of these notes and files, built in one pass: every file is known before any link is
   * resolved, so nothing is resolved twice. A path given as both a note and a file is a note.
   */
  static from(notes: Iterable<NoteMeta>, files: Iterable<string> = [], known?: KnownResolutions): LinkIndex {
    const index = new LinkIndex();
    for (const path of files) {
      assertVaultPath(path);
      index.#files.add(path);
      index.#table.add(path);
    }
    for (const meta of notes) {
      assertNotePath(meta.path);
      index.#files.delete(meta.path);
      index.#notes.set(meta.path, meta);
      index.#table.add(meta.path);
    }
    // Saved resolutions hold only for the very same files.
    const saved = known && known.table === index.tableKey() ? known : undefined;
    index.#memo = new Map();
    index.#tags.startBuild();
    for (const meta of index.#notes.values()) {
      const resolutions = saved?.get(meta.path);
      index.#addNoteFacts(meta, resolutions?.length === meta.links.length ? resolutions : undefined);
    }
    index.#memo = null;
    index.#tags.endBuild();
    return index;
  }

  /** Counts changes (notes or files added, replaced, removed), so derived caches know when to refresh. */
  get revision(): number {
    return this.#revision;
  }

  /** Adds or replaces a note. */
  setNote(meta: NoteMeta): void {
    const path = meta.path;
    assertNotePath(path);
    this.#revision++;
    if (this.#notes.has(path)) {
      this.#dropNoteFacts(path);
    } else if (!this.#files.delete(path)) {
      // A new file: links elsewhere that name it may now mean it.
      this.#table.add(path);
      this.#retarget(path);
    }
    this.#notes.set(path, meta);
    this.#addNoteFacts(meta);
  }

  /** Adds a file that is not a note (an attachment). A note at `path` stops being one. */
  addFile(path: string): void {
    assertVaultPath(path);
    if (this.#files.has(path)) return;
    this.#revision++;
    if (this.#notes.has(path)) {
      // Same file, no longer read as a note: its links go, links to it stay.
      this.#dropNoteFacts(path);
      this.#notes.delete(path);
    } else {
      this.#table.add(path);
      this.#retarget(path);
    }
    this.#files.add(path);
  }

  /** Removes a note or a file; links to it resolve elsewhere or become unresolved. */
  remove(path: string): void {
    this.#revision++;
    if (this.#notes.has(path)) {
      this.#dropNoteFacts(path);
      this.#notes.delete(path);
    } else if (!this.#files.delete(path)) {
      return;
    }
    this.#table.remove(path);
    this.#retarget(path);
  }

  /**
   * Moves a note or file. `meta` is the note re-scanned under its new path; without it a note
   * keeps its facts (and a title taken from its file name follows the new name). Renaming to a
   * non-`.md` path makes a note an attachment. An unknown `from` just creates `to`.
   */
  rename(from: string, to: string, meta?: NoteMeta): void {
    assertVaultPath(to);
    if (meta && meta.path !== to) throw new Error(`rename: the NoteMeta is for "${meta.path}", not "${to}".`);
    if (!isNotePath(to)) {
      this.remove(from);
      this.addFile(to);
      return;
    }
    const old = this.#notes.get(from);
    const next = meta ?? (old ? moveNoteMeta(old, to) : undefined);
    if (!next) throw new Error(`rename: "${to}" is a note; pass its NoteMeta.`);
    this.remove(from);
    this.setNote(next);
  }

  /**
   * The file table as one string (paths in code unit order, NUL-separated): two indexes with the
   * same key resolve every link alike.
   */
  tableKey(): string {
    return [...this.#table.paths()].sort().join('\u0000');
  }

  /** How the links of the note at `path` resolve now, in source order; undefined for no such note. */
  resolutions(path: string): readonly Resolution[] | undefined {
    return this.#outgoing.get(path);
  }

  /** True for a note or a file of the vault. */
  has(path: string): boolean {
    return this.#table.has(path);
  }

  note(path: string): NoteMeta | undefined {
    return this.#notes.get(path);
  }

  /** All notes, by path (code point order). */
  notes(): NoteMeta[] {
    return sortPaths(this.#notes.keys()).map((path) => this.#notes.get(path) as NoteMeta);
  }

  /** All files that are not notes, by path. */
  files(): string[] {
    return sortPaths(this.#files);
  }

  /** Where `target`, written in the note at `from`, leads now. */
  resolve(target: string, from: string, style: LinkStyle = 'wiki'): string | null {
    return resolveWith(target, from, style, (name) => this.#table.byName(name));
  }

  /** The links of a note, in source order. */
  outgoing(path: string): ResolvedLink[] {
    return (this.#outgoing.get(path) ?? []).map(view);
  }

  /** Every link (in any note, itself included) resolving to `path`, by source then offset. */
  backlinks(path: string): ResolvedLink[] {
    return sortEntries(this.#incoming.get(path)).map(view);
  }

  /** Unresolved links grouped by normalised target, groups by key. */
  unresolved(): UnresolvedGroup[] {
    const groups: UnresolvedGroup[] = [];
    for (const [key, entries] of this.#missing) {
      const sources = sortEntries(entries).map(view);
      groups.push({ target: (sources[0] as ResolvedLink).link.target, key, sources });
    }
    return groups.sort((a, b) => compareCodePoints(a.key, b.key));
  }

  /** Tags as written, merged case-insensitively (see TagIndex.tags). */
  tags(): TagSummary[] {
    return this.#tags.tags();
  }

  /** Notes tagged `tag` or any tag nested under it (`a` matches `a/b`), by path. */
  notesWithTag(tag: string): string[] {
    return this.#tags.notesWithTag(tag);
  }

  /** Counts; `files` counts attachments only. */
  stats(): LinkStats {
    return {
      notes: this.#notes.size,
      files: this.#files.size,
      links: this.#links,
      resolved: this.#resolved,
      unresolved: this.#links - this.#resolved,
      tags: this.#tags.size,
    };
  }

  /**
   * Everything derived, as plain sorted data, including the internal maps: two indexes of the
   * same notes and files have equal snapshots however they got there. Links are named
   * `[source, index]`.
   */
  snapshot(): unknown {
    const ref = (e: Entry): [string, number] => [e.source, e.index];
    const byKey = <T>(map: Map<string, T>, f: (value: T) => unknown): [string, unknown][] =>
      sortPaths(map.keys()).map((key) => [key, f(map.get(key) as T)]);
    return {
      table: sortPaths(this.#table.paths()),
      notes: sortPaths(this.#notes.keys()),
      files: this.files(),
      links: byKey(this.#outgoing, (entries) =>
        entries.map((e) => [e.index, e.link.target, e.link.style, e.resolved, [...e.names].sort(compareCodePoints)]),
      ),
      backlinks: byKey(this.#incoming, (entries) => sortEntries(entries).map(ref)),
      unresolved: this.unresolved().map((g) => [g.key, g.target, g.sources.map((s) => [s.source, s.link.start])]),
      dependents: byKey(this.#dependentsMap(), (entries) => sortEntries(entries).map(ref)),
      tags: this.tags(),
      tagTree: this.#tags.treeSnapshot(),
      stats: this.stats(),
    };
  }

  /** Files a note's links (taking `known` resolutions as they are) and tags. */
  #addNoteFacts(meta: NoteMeta, known?: readonly Resolution[]): void {
    const entries = meta.links.map((link, index): Entry => {
      const resolution = known?.[index];
      return {
        source: meta.path,
        link,
        index,
        resolved: resolution ? resolution.resolved : null,
        names: resolution ? resolution.names : [],
      };
    });
    this.#outgoing.set(meta.path, entries);
    const dependents = this.#dependents;
    for (const entry of entries) {
      this.#links++;
      if (!known) this.#resolveEntry(entry);
      this.#attach(entry);
      if (dependents) for (const name of entry.names) addTo(dependents, name, entry);
    }
    this.#tags.add(meta);
  }

  /** The dependents map, built from every link the first time it is needed. */
  #dependentsMap(): Map<string, Set<Entry>> {
    if (this.#dependents) return this.#dependents;
    const dependents = new Map<string, Set<Entry>>();
    for (const entries of this.#outgoing.values())
      for (const entry of entries) for (const name of entry.names) addTo(dependents, name, entry);
    this.#dependents = dependents;
    return dependents;
  }

  #dropNoteFacts(path: string): void {
    const dependents = this.#dependents;
    for (const entry of this.#outgoing.get(path) ?? []) {
      this.#links--;
      this.#detach(entry);
      if (dependents) for (const name of entry.names) removeFrom(dependents, name, entry);
    }
    this.#outgoing.delete(path);
    const meta = this.#notes.get(path);
    if (meta) this.#tags.drop(meta);
  }

  /** Re-resolves the links that consulted the name of `path`, which just appeared or vanished. */
  #retarget(path: string): void {
    const dependents = this.#dependentsMap();
    const entries = dependents.get(nameKey(path));
    if (!entries) return;
    for (const entry of [...entries]) {
      const names = entry.names;
      this.#detach(entry);
      this.#resolveEntry(entry);
      this.#attach(entry);
      if (sameNames(names, entry.names)) continue;
      for (const name of names) removeFrom(dependents, name, entry);
      for (const name of entry.names) addTo(dependents, name, entry);
    }
  }

  /** Sets `resolved` and `names`; does not touch the maps. */
  #resolveEntry(entry: Entry): void {
    const memo = this.#memo;
    // An empty target is the linking note itself: it depends on the note, not its folder.
    if (memo && entry.link.target !== '') {
      const key = `${entry.link.style}\u0000${parentPath(entry.source)}\u0000${entry.link.target}`;
      const known = memo.get(key);
      if (known) {
        entry.resolved = known.resolved;
        entry.names = known.names;
        return;
      }
      this.#memo = null;
      this.#resolveEntry(entry);
      this.#memo = memo;
      memo.set(key, { resolved: entry.resolved, names: entry.names });
      return;
    }
    const names: string[] = [];
    entry.resolved = resolveWith(entry.link.target, entry.source, entry.link.style, (name) => {
      if (!names.includes(name)) names.push(name);
      return this.#table.byName(name);
    });
    entry.names = names;
  }

  #attach(entry: Entry): void {
    if (entry.resolved === null) {
      addTo(this.#missing, missingKey(entry.link.target), entry);
    } else {
      this.#resolved++;
      addTo(this.#incoming, entry.resolved, entry);
    }
  }

  #detach(entry: Entry): void {
    if (entry.resolved === null) {
      removeFrom(this.#missing, missingKey(entry.link.target), entry);
    } else {
      this.#resolved--;
      removeFrom(this.#incoming, entry.resolved, entry);
    }
  }
}

/**
 * A note's facts after a move without re-reading it: the same, under `to`. The title follows the
 * new file name when it came from the old one (no frontmatter `title`, no H1).
 */
export function moveNoteMeta(meta: NoteMeta, to: string): NoteMeta {
  const fromName =
    meta.title === stem(meta.path) && meta.frontmatter?.title == null && !meta.headings.some((h) => h.level === 1);
  return { ...meta, path: to, title: fromName ? stem(to) : meta.title };
}

/** True for a path a note may have: `.md` in any case, as the vault index reads notes. */
export function isNotePath(path: string): boolean {
  return /\.md$/i.test(path);
}

function stem(path: string): string {
  return baseName(path).replace(/\.md$/i, '');
}

function assertVaultPath(path: string): void {
  if (path === '' || normalizeVaultPath(path) !== path) throw new Error(`Not a normalised vault path: "${path}".`);
}

function assertNotePath(path: string): void {
  assertVaultPath(path);
  if (!isNotePath(path)) throw new Error(`A note's path ends with ".md": "${path}".`);
}

/** How unresolved targets group: `[[X]]`, `[[x]]` and `[[x.md]]` are one missing note. */
function missingKey(target: string): string {
  return normKey(target).replace(/\.md$/, '');
}

function view(entry: Entry): ResolvedLink {
  return { source: entry.source, link: entry.link, resolved: entry.resolved };
}

function sortEntries(entries: Iterable<Entry> | undefined): Entry[] {
  if (!entries) return [];
  return [...entries].sort(
    (a, b) => compareCodePoints(a.source, b.source) || a.link.start - b.link.start || a.index - b.index,
  );
}

function sortPaths(paths: Iterable<string>): string[] {
  return [...paths].sort(compareCodePoints);
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name) => b.includes(name));
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}
