import { isWithin } from '../../../shared/paths';

/** How many closed tabs Ctrl/Cmd+Shift+T can bring back. */
const CLOSED_LIMIT = 20;

/**
 * The open tabs as plain data: which notes are open, in order, and which is in front. Pure, so the
 * rules (where a new tab goes, which tab takes over when one closes) are tested without a DOM.
 */
export class TabsModel {
  private list: string[] = [];
  private current: string | null = null;
  private readonly closed: { path: string; index: number }[] = [];

  get tabs(): readonly string[] {
    return this.list;
  }

  get active(): string | null {
    return this.current;
  }

  /** Restores a saved set; tabs for notes that no longer exist are dropped by the caller first. */
  restore(tabs: string[], active: string | null): void {
    this.list = [...new Set(tabs)];
    this.current = active !== null && this.list.includes(active) ? active : (this.list[0] ?? null);
  }

  /**
   * Shows `path`: in a new tab after the active one, or — `replace` — in the active tab's place
   * (following a link replaces, as in Obsidian). A note already open just comes to the front.
   */
  open(path: string, options: { replace?: boolean } = {}): void {
    if (this.list.includes(path)) {
      this.current = path;
      return;
    }
    const at = this.current === null ? -1 : this.list.indexOf(this.current);
    if (options.replace && at >= 0) this.list[at] = path;
    else this.list.splice(at + 1, 0, path);
    this.current = path;
  }

  /** Closes a tab; the one to its right (else left) comes to the front if it was active. */
  close(path: string): void {
    const at = this.list.indexOf(path);
    if (at < 0) return;
    this.list.splice(at, 1);
    this.closed.push({ path, index: at });
    if (this.closed.length > CLOSED_LIMIT) this.closed.shift();
    if (this.current === path) this.current = this.list[Math.min(at, this.list.length - 1)] ?? null;
  }

  /** Reopens the most recently closed tab that is not open; returns it, or null. */
  reopenClosed(): string | null {
    for (let entry = this.closed.pop(); entry; entry = this.closed.pop()) {
      if (this.list.includes(entry.path)) continue;
      this.list.splice(Math.min(entry.index, this.list.length), 0, entry.path);
      this.current = entry.path;
      return entry.path;
    }
    return null;
  }

  /** Follows a rename of a note or of a folder holding notes. */
  renamed(from: string, to: string): void {
    const move = (path: string) => (isWithin(path, from) ? to + path.slice(from.length) : path);
    this.list = [...new Set(this.list.map(move))];
    if (this.current !== null) this.current = move(this.current);
    for (const entry of this.closed) entry.path = move(entry.path);
  }

  /** Drops tabs of a deleted note or folder (not remembered as closed: there is nothing to reopen). */
  removed(path: string): void {
    const active = this.current;
    const at = active === null ? -1 : this.list.indexOf(active);
    this.list = this.list.filter((tab) => !isWithin(tab, path));
    if (active !== null && isWithin(active, path)) this.current = this.list[Math.min(at, this.list.length - 1)] ?? null;
  }

  /** The tab `offset` places from the active one, wrapping (Ctrl+Tab / Ctrl+Shift+Tab). */
  neighbour(offset: number): string | null {
    if (this.list.length === 0 || this.current === null) return null;
    const at = this.list.indexOf(this.current);
    return this.list[(((at + offset) % this.list.length) + this.list.length) % this.list.length] ?? null;
  }
}
