/**
 * Link resolution as Obsidian does it (`MetadataCache.getLinkpathDest`), made deterministic:
 * given a link target as written and the linking note's path, which vault file is meant.
 *
 * Everything here is pure. The index calls `resolveWith` with a lookup that records which file
 * names a resolution consulted; since the answer depends on nothing else, those names are exactly
 * the files whose appearance or removal can change it (see link-index.ts).
 */
import { baseName, parentPath } from '../../shared/paths';

export type LinkStyle = 'wiki' | 'markdown';

/** One file as the resolver sees it: its path, and the two spellings used to compare paths. */
export type TableEntry = {
  readonly path: string;
  /** `path` NFC-normalised: what "shortest" measures and ties fall back to. */
  readonly nfc: string;
  /** `path` NFC-normalised and lower-cased: what targets are matched against. */
  readonly key: string;
};

/** Files of one normalised name (see `nameKey`), in no particular order. */
export type CandidateLookup = (name: string) => readonly TableEntry[];

const NONE: readonly TableEntry[] = Object.freeze([]);

/**
 * The spelling two paths or names share when Obsidian would treat them as the same: Unicode NFC
 * (macOS hands out NFD names, keyboards type NFC) and lower case (links are case-insensitive).
 */
export function normKey(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** The normalised file name of a path (with its extension): the key candidates are found by. */
export function nameKey(path: string): string {
  return normKey(baseName(path));
}

/**
 * Orders strings by Unicode code point. `<` compares UTF-16 units, which puts U+E000–U+FFFF after
 * astral characters; sorting by code point keeps orders identical to every other UTF-8 tool.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Moves surrogates above the rest of the BMP, so unit order becomes code point order. */
function codePointRank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

/**
 * Every file of the vault (notes and attachments) by normalised path and by normalised name, so
 * resolving a link costs the number of files sharing its name, not the size of the vault.
 */
export class NameTable {
  readonly #entries = new Map<string, TableEntry>();
  readonly #byKey = new Map<string, TableEntry[]>();
  readonly #byName = new Map<string, TableEntry[]>();

  /** Adds a file; false when it was already there. */
  add(path: string): boolean {
    if (this.#entries.has(path)) return false;
    const nfc = path.normalize('NFC');
    const entry: TableEntry = { path, nfc, key: nfc.toLowerCase() };
    this.#entries.set(path, entry);
    push(this.#byKey, entry.key, entry);
    push(this.#byName, baseName(entry.key), entry);
    return true;
  }

  /** Removes a file; false when it was not there. */
  remove(path: string): boolean {
    const entry = this.#entries.get(path);
    if (!entry) return false;
    this.#entries.delete(path);
    pull(this.#byKey, entry.key, entry);
    pull(this.#byName, baseName(entry.key), entry);
    return true;
  }

  has(path: string): boolean {
    return this.#entries.has(path);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Files whose path is `path` up to case and Unicode normalisation (usually zero or one). */
  byPath(path: string): readonly TableEntry[] {
    return this.#byKey.get(normKey(path)) ?? NONE;
  }

  /** Files named `name` (with extension) up to case and Unicode normalisation. */
  byName(name: string): readonly TableEntry[] {
    return this.#byName.get(normKey(name)) ?? NONE;
  }

  paths(): IterableIterator<string> {
    return this.#entries.keys();
  }
}

function push(map: Map<string, TableEntry[]>, key: string, entry: TableEntry): void {
  const bucket = map.get(key);
  if (bucket) bucket.push(entry);
  else map.set(key, [entry]);
}

function pull(map: Map<string, TableEntry[]>, key: string, entry: TableEntry): void {
  const bucket = map.get(key);
  if (!bucket) return;
  const i = bucket.indexOf(entry);
  if (i >= 0) bucket.splice(i, 1);
  if (bucket.length === 0) map.delete(key);
}

/**
 * The vault path `target` (as written in the note at `from`) links to, or null when unresolved.
 * See `resolveWith` for the rules.
 */
export function resolveLink(target: string, from: string, table: NameTable, style: LinkStyle = 'wiki'): string | null {
  return resolveWith(target, from, style, (name) => table.byName(name));
}

/**
 * Resolution against any name lookup. The rules, in order:
 *
 * 1. `""` (`[[#h]]`) is the linking note itself.
 * 2. Markdown links only: the target as a path relative to the linking note's folder
 *    (`sub/y.md`, `../x.md`, `.md` optional), exactly: that is how every other markdown tool
 *    reads them, and a relative link must not jump to a same-named file at the root.
 * 3. Obsidian's rules, first with the target as written, then (when that finds nothing) with
 *    `.md` appended; so `[[Note]]`, `[[Note.md]]`, `[[v1.2]]` → `v1.2.md` and `[[img.png]]` all
 *    work. Each attempt considers only the files with the target's file name, and:
 *    a. `./x`, `../x`: resolved against the linking note's folder, exact match wins;
 *    b. the exact vault path wins (after a leading `/`, only the exact path is tried);
 *    c. else files whose path ends with `/target`, those inside the linking note's folder (at
 *       any depth) before the others, each group by shortest path, then code point order.
 *
 * Paths are compared case-insensitively after NFC normalisation. Aliases never resolve links.
 *
 * Where this departs from Obsidian's code, on purpose: Obsidian breaks ties of length by the
 * order files were indexed (we use code point order, so every machine agrees); it tests "inside
 * the folder" and "ends with" on raw strings, so `ab/` counts as inside `a` and `[[b/x]]` matches
 * `ab/x.md` (we match whole segments); and it does not NFC-normalise targets.
 */
export function resolveWith(target: string, from: string, style: LinkStyle, lookup: CandidateLookup): string | null {
  if (target === '') return self(from, lookup);
  const written = target.normalize('NFC');
  const folder = parentPath(from).normalize('NFC');
  if (style === 'markdown' && !isDotRelative(written) && !written.startsWith('/')) {
    const relative = joinRelative(folder, written);
    const hit = exactByName(relative, lookup) ?? exactByName(relative + '.md', lookup);
    if (hit) return hit;
  }
  return attempt(written, folder, lookup) ?? attempt(written + '.md', folder, lookup);
}

function self(from: string, lookup: CandidateLookup): string | null {
  return lookup(nameKey(from)).some((entry) => entry.path === from) ? from : null;
}

/** One pass of Obsidian's `_getLinkpathDest` for a target already NFC-normalised. */
function attempt(target: string, folder: string, lookup: CandidateLookup): string | null {
  const candidates = lookup(nameKey(target));
  if (candidates.length === 0) return null;
  let path = target;
  if (isDotRelative(path)) {
    path = joinRelative(folder, path);
    const hit = exact(path, candidates);
    if (hit) return hit;
  }
  const rooted = path.startsWith('/');
  if (rooted) path = path.slice(1);
  const hit = exact(path, candidates);
  if (hit || rooted) return hit;

  const key = path.toLowerCase();
  const suffix = '/' + key;
  const folderKey = folder.toLowerCase();
  let near: TableEntry | null = null;
  let far: TableEntry | null = null;
  for (const entry of candidates) {
    if (entry.key !== key && !entry.key.endsWith(suffix)) continue;
    if (isInside(entry.key, folderKey)) near = better(near, entry);
    else far = better(far, entry);
  }
  return (near ?? far)?.path ?? null;
}

/** The file at exactly `path` (normalised), looked up through its name. */
function exactByName(path: string, lookup: CandidateLookup): string | null {
  return exact(path, lookup(nameKey(path)));
}

/**
 * The candidate at `path` up to case and normalisation. Two files can differ only in case on a
 * case-sensitive disk; then the one spelled as written wins, else the usual order decides.
 */
function exact(path: string, candidates: readonly TableEntry[]): string | null {
  const key = path.toLowerCase();
  let literal: TableEntry | null = null;
  let other: TableEntry | null = null;
  for (const entry of candidates) {
    if (entry.key !== key) continue;
    if (entry.nfc === path) literal = better(literal, entry);
    else other = better(other, entry);
  }
  return (literal ?? other)?.path ?? null;
}

/** Shortest path first (Obsidian's rule), then code point order so the answer never varies. */
function better(current: TableEntry | null, next: TableEntry): TableEntry {
  if (!current) return next;
  const order =
    current.nfc.length - next.nfc.length ||
    compareCodePoints(current.key, next.key) ||
    compareCodePoints(current.nfc, next.nfc) ||
    compareCodePoints(current.path, next.path);
  return order <= 0 ? current : next;
}

function isDotRelative(path: string): boolean {
  return path.startsWith('./') || path.startsWith('../');
}

function isInside(key: string, folderKey: string): boolean {
  return folderKey === '' || key.startsWith(folderKey + '/');
}

/**
 * `target` read relative to `folder`, with `.` and `..` segments applied. Climbing above the
 * vault root stops at the root, as in Obsidian. Empty segments are kept: a path is compared as
 * written, and `a//b` names no file.
 */
export function joinRelative(folder: string, target: string): string {
  const segments = folder === '' ? [] : folder.split('/');
  for (const segment of target.split('/')) {
    if (segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}
