/**
 * The link graph's resolutions in a form the cache file holds and loads quickly. A link's
 * resolution (the file it leads to, the file names it looked up) depends only on the link and the
 * set of files, so while the files are the same, a cached note's links resolve as they did: the
 * index restores them instead of resolving 120k links again (most of a warm open's time).
 *
 * Column layout: v8 (de)serialises a few typed arrays and strings far faster than 100k objects.
 */
import type { Resolution, LinkIndex } from './link-index';

/**
 * The resolutions of every note's links. Strings (paths and names) are interned in `strings`
 * (joined by NUL, which no path holds); each distinct resolution is stored once.
 */
export type PackedLinks = {
  /** The index's file table when saved (`LinkIndex.tableKey`): the resolutions hold only for it. */
  table: string;
  /** Note paths (NUL-joined) and how many links each has, in the same order. */
  notes: string;
  counts: Uint32Array;
  strings: string;
  /** Per distinct resolution: the string id of the file it leads to, or -1 when unresolved… */
  resolved: Int32Array;
  /** …and its names: string ids `names[starts[r]…starts[r + 1]]`. */
  starts: Uint32Array;
  names: Uint32Array;
  /** Per link (notes in order, links in source order): its distinct resolution. */
  refs: Uint32Array;
};

/** The saved resolutions, by note path. */
export type SavedLinks = { table: string; notes: Map<string, readonly Resolution[]> };

const SEP = '\u0000';

/** Packs the resolutions of `paths` (notes of `links`). */
export function packLinks(links: LinkIndex, paths: Iterable<string>): PackedLinks {
  const strings = new Map<string, number>();
  const intern = (s: string): number => {
    let id = strings.get(s);
    if (id === undefined) strings.set(s, (id = strings.size));
    return id;
  };
  // Links that resolved alike while the graph was built share one names array: one entry each.
  const distinct = new Map<readonly string[], Map<string | null, number>>();
  const resolved: number[] = [];
  const starts: number[] = [0];
  const names: number[] = [];
  const refs: number[] = [];
  const notes: string[] = [];
  const counts: number[] = [];
  for (const path of paths) {
    const list = links.resolutions(path);
    if (!list) continue;
    notes.push(path);
    counts.push(list.length);
    for (const { resolved: target, names: looked } of list) {
      let byTarget = distinct.get(looked);
      if (!byTarget) distinct.set(looked, (byTarget = new Map<string | null, number>()));
      let ref = byTarget.get(target);
      if (ref === undefined) {
        ref = resolved.length;
        byTarget.set(target, ref);
        resolved.push(target === null ? -1 : intern(target));
        for (const name of looked) names.push(intern(name));
        starts.push(names.length);
      }
      refs.push(ref);
    }
  }
  return {
    table: links.tableKey(),
    notes: notes.join(SEP),
    counts: Uint32Array.from(counts),
    strings: [...strings.keys()].join(SEP),
    resolved: Int32Array.from(resolved),
    starts: Uint32Array.from(starts),
    names: Uint32Array.from(names),
    refs: Uint32Array.from(refs),
  };
}

/** The resolutions of a pack; throws when the pack is inconsistent. */
export function unpackLinks(packed: PackedLinks): SavedLinks {
  const { counts, resolved, starts, names, refs } = packed;
  if (
    typeof packed.table !== 'string' ||
    typeof packed.notes !== 'string' ||
    typeof packed.strings !== 'string' ||
    !(counts instanceof Uint32Array) ||
    !(resolved instanceof Int32Array) ||
    !(starts instanceof Uint32Array) ||
    !(names instanceof Uint32Array) ||
    !(refs instanceof Uint32Array)
  )
    throw new Error('not packed links');
  const strings = packed.strings === '' ? [] : packed.strings.split(SEP);
  const paths = counts.length === 0 ? [] : packed.notes.split(SEP);
  if (paths.length !== counts.length || starts.length !== resolved.length + 1)
    throw new Error('packed links: inconsistent lengths');
  const string = (id: number): string => {
    const s = strings[id];
    if (s === undefined) throw new Error('packed links: bad string id');
    return s;
  };
  const distinct: Resolution[] = [];
  for (let r = 0; r < resolved.length; r++) {
    const target = resolved[r] as number;
    const from = starts[r] as number;
    const to = starts[r + 1] as number;
    if (from > to || to > names.length) throw new Error('packed links: bad names range');
    const looked: string[] = [];
    for (let i = from; i < to; i++) looked.push(string(names[i] as number));
    distinct.push({ resolved: target < 0 ? null : string(target), names: looked });
  }
  const notes = new Map<string, readonly Resolution[]>();
  let at = 0;
  for (let n = 0; n < paths.length; n++) {
    const count = counts[n] as number;
    if (at + count > refs.length) throw new Error('packed links: too few links');
    const list: Resolution[] = [];
    for (let i = at; i < at + count; i++) {
      const resolution = distinct[refs[i] as number];
      if (!resolution) throw new Error('packed links: bad reference');
      list.push(resolution);
    }
    notes.set(paths[n] as string, list);
    at += count;
  }
  return { table: packed.table, notes };
}
