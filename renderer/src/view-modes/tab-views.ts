import type { EditingMode, TabView } from '../../../shared/api';

/**
 * How each open tab shows its note, as Obsidian keeps it per pane: Live Preview or Source while
 * editing, and whether it is in the reading view. Tabs that show the default keep no entry, so
 * the saved workspace holds only what differs.
 */
export class TabViews {
  private readonly views = new Map<string, TabView>();

  /** `defaultEditing`: how a tab with no entry edits (the vault's setting). */
  constructor(public defaultEditing: EditingMode = 'live') {}

  /** True when the tab of `path` edits its source with all markup shown. */
  source(path: string): boolean {
    return this.views.get(path)?.source ?? this.defaultEditing === 'source';
  }

  reading(path: string): boolean {
    return this.views.get(path)?.reading ?? false;
  }

  /** Sets the tab's editing mode and/or reading state; what equals the default is forgotten. */
  set(path: string, change: TabView): void {
    const source = change.source ?? this.source(path);
    const reading = change.reading ?? this.reading(path);
    const differs = source !== (this.defaultEditing === 'source');
    if (!differs && !reading) this.views.delete(path);
    else this.views.set(path, { ...(differs && { source }), ...(reading && { reading }) });
  }

  /**
   * A tab moved on from `from` to `to` (a link followed, a note picked in the tree): it keeps
   * showing notes the way it did, as an Obsidian pane does. A note already open in another tab
   * keeps its own way.
   */
  carry(from: string, to: string, toWasOpen: boolean): void {
    const view = this.views.get(from);
    this.views.delete(from);
    if (toWasOpen) return;
    if (view) this.views.set(to, view);
    else this.views.delete(to);
  }

  /** Follows a rename of a note or of a folder holding notes. */
  renamed(from: string, to: string): void {
    for (const [path, view] of [...this.views]) {
      const moved = path === from ? to : path.startsWith(from + '/') ? to + path.slice(from.length) : null;
      if (moved === null) continue;
      this.views.delete(path);
      this.views.set(moved, view);
    }
  }

  /** The views of `tabs` to save (only those that differ from the default). */
  saved(tabs: readonly string[]): Record<string, TabView> {
    const out: Record<string, TabView> = {};
    for (const tab of tabs) {
      const view = this.views.get(tab);
      if (view) out[tab] = { ...view };
    }
    return out;
  }

  /** Takes the views a saved workspace had. */
  restore(views: Record<string, TabView> | undefined): void {
    this.views.clear();
    for (const [path, view] of Object.entries(views ?? {})) this.set(path, view);
  }
}
