import type { PaneSide, PanesState, TabView, WorkspaceState } from './api';

/** True for a well-formed saved workspace (the file is hand-editable, so it is checked on load). */
export function isWorkspaceState(value: unknown): value is WorkspaceState {
  if (typeof value !== 'object' || value === null) return false;
  const { tabs, active, views } = value as Record<string, unknown>;
  return (
    Array.isArray(tabs) &&
    tabs.every((tab) => typeof tab === 'string') &&
    (active === null || typeof active === 'string') &&
    (views === undefined || (typeof views === 'object' && views !== null && !Array.isArray(views)))
  );
}

/**
 * The tab views worth keeping from a hand-editable file: those of open tabs, with boolean fields
 * only, and only where they differ from the default (an empty view is dropped).
 */
export function tabViewsFrom(views: unknown, tabs: readonly string[]): Record<string, TabView> {
  const kept: Record<string, TabView> = {};
  if (typeof views !== 'object' || views === null) return kept;
  for (const tab of tabs) {
    const view: unknown = (views as Record<string, unknown>)[tab];
    if (typeof view !== 'object' || view === null || !Object.hasOwn(views, tab)) continue;
    const { source, reading } = view as Record<string, unknown>;
    const clean: TabView = { ...(source === true && { source }), ...(reading === true && { reading }) };
    if (clean.source || clean.reading) kept[tab] = clean;
  }
  return kept;
}

/** A side pane's saved width and state, if well-formed (a finite width, 0–10,000 px). */
function paneSideFrom(value: unknown): PaneSide | null {
  if (typeof value !== 'object' || value === null) return null;
  const { width, collapsed } = value as Record<string, unknown>;
  if (typeof width !== 'number' || !Number.isInteger(width) || width < 0 || width > 10_000) return null;
  return { width, collapsed: collapsed === true };
}

/** The side panes from a hand-editable file: kept only when both sides are well-formed (else the defaults). */
export function panesFrom(value: unknown): PanesState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { left, right } = value as Record<string, unknown>;
  const l = paneSideFrom(left);
  const r = paneSideFrom(right);
  return l && r ? { left: l, right: r } : undefined;
}
