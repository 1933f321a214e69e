import type { WorkspaceState } from './api';

/** True for a well-formed saved workspace (the file is hand-editable, so it is checked on load). */
export function isWorkspaceState(value: unknown): value is WorkspaceState {
  if (typeof value !== 'object' || value === null) return false;
  const { tabs, active } = value as Record<string, unknown>;
  return (
    Array.isArray(tabs) &&
    tabs.every((tab) => typeof tab === 'string') &&
    (active === null || typeof active === 'string')
  );
}
