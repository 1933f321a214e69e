import type { FileEntry, FilesEvent } from '../../../shared/api';
import { parentPath } from '../../../shared/paths';

/**
 * The vault's files as the window knows them, kept up to date from file events instead of listing
 * the vault again after each one (a listing stats every file: ~110 ms at 5k notes, once per save).
 * The order is the listing's (a walk of folders with names sorted by code unit, a folder before
 * its contents), so that the list after events is exactly the list a new listing would give.
 */

/** Orders paths as the vault's listing does: by their segments, each compared by code unit. */
export function compareListed(a: string, b: string): number {
  const as = a.split('/');
  const bs = b.split('/');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const x = as[i] as string;
    const y = bs[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return as.length - bs.length;
}

/** True when `path` is `root` or inside the folder `root`. */
function within(path: string, root: string): boolean {
  return path === root || path.startsWith(root + '/');
}

/** Where `path` is, or would go, in a list in listing order (binary search). */
function slot(list: readonly FileEntry[], path: string): { index: number; found: boolean } {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareListed((list[mid] as FileEntry).path, path);
    if (c === 0) return { index: mid, found: true };
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return { index: lo, found: false };
}

/** True when the folder that would hold `path` is in the list (the vault's root always is). */
function parentListed(list: readonly FileEntry[], path: string): boolean {
  const parent = parentPath(path);
  if (parent === '') return true;
  const at = slot(list, parent);
  return at.found && list[at.index]?.kind === 'folder';
}

/** The index just past `root`'s subtree, `from` being `root`'s own index (a subtree is contiguous). */
function subtreeEnd(list: readonly FileEntry[], from: number, root: string): number {
  let end = from + 1;
  while (end < list.length && within((list[end] as FileEntry).path, root)) end++;
  return end;
}

/**
 * The list after `event`, or null when the event cannot be applied to it (it carries no size or
 * time, or it speaks of a file or folder the list does not hold): the caller then lists again.
 * `list` is not changed.
 */
export function applyFilesEvent(list: readonly FileEntry[], event: FilesEvent): FileEntry[] | null {
  switch (event.type) {
    case 'added': {
      if (event.size === undefined || event.mtimeMs === undefined) return null;
      if (!parentListed(list, event.path)) return null;
      const entry: FileEntry = { path: event.path, kind: event.kind, size: event.size, mtimeMs: event.mtimeMs };
      const at = slot(list, event.path);
      const next = [...list];
      if (!at.found) next.splice(at.index, 0, entry);
      else if (list[at.index]?.kind === event.kind) next[at.index] = entry;
      else return null; // a file became a folder (or back) without its removal announced
      return next;
    }
    case 'removed': {
      const at = slot(list, event.path);
      if (!at.found) return [...list]; // already gone (a folder's contents can come after it)
      const next = [...list];
      next.splice(at.index, subtreeEnd(list, at.index, event.path) - at.index);
      return next;
    }
    case 'changed': {
      if (event.size === undefined || event.mtimeMs === undefined) return null;
      const at = slot(list, event.path);
      const old = list[at.index];
      if (!at.found || !old || old.kind !== 'file') return null;
      const next = [...list];
      next[at.index] = { ...old, size: event.size, mtimeMs: event.mtimeMs };
      return next;
    }
    case 'renamed': {
      const { from, to } = event;
      if (from === to) return [...list];
      const at = slot(list, from);
      if (!at.found || within(to, from) || slot(list, to).found) return null;
      const end = subtreeEnd(list, at.index, from);
      const moved = list.slice(at.index, end).map((e) => ({ ...e, path: to + e.path.slice(from.length) }));
      const rest = [...list.slice(0, at.index), ...list.slice(end)];
      if (!parentListed(rest, to)) return null;
      // The moved entries keep their order among themselves and land together where `to` goes.
      const { index } = slot(rest, to);
      rest.splice(index, 0, ...moved);
      return rest;
    }
  }
}

/**
 * A listing brought up to date with the events that came while it was made, or null when that
 * cannot be done with certainty (the caller lists again). The listing may already hold some of
 * them. Additions, removals and changes can be replayed from any earlier point: each path ends as
 * the last event about it (or a folder above it) left it. A rename cannot: replayed onto a listing
 * that already holds it and later ones, it can move the wrong files.
 */
export function replayOnto(listing: readonly FileEntry[], events: readonly FilesEvent[]): FileEntry[] | null {
  let list = [...listing];
  for (const event of events) {
    if (event.type === 'renamed') return null;
    const next = applyFilesEvent(list, event);
    if (!next) return null;
    list = next;
  }
  return list;
}
