/** Notes a vault opens on when nothing else says which (its own start page). */
const START_PAGE = /^(start-here|welcome|readme)\.md$/i;

/**
 * The note a window opens first: the tab that was in front, else the note open last time, else
 * the vault's start page, else its first note; null when it has no notes.
 */
export function firstNote(
  notes: readonly { path: string }[],
  active: string | null,
  last: string | null,
): string | null {
  return (
    active ??
    notes.find((f) => f.path === last)?.path ??
    notes.find((f) => START_PAGE.test(f.path))?.path ??
    notes[0]?.path ??
    null
  );
}
