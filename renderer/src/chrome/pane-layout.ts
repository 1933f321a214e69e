import type { PaneSide, PanesState } from '../../../shared/api';

/** The file pane (left) or the links pane (right). */
export type Side = 'left' | 'right';

/** Narrowest a side pane is dragged or squeezed to; below it the pane collapses instead. */
export const MIN_PANE = 160;
/** Widest a side pane is dragged to. */
export const MAX_PANE = 640;
/** The editor never gets narrower than this while a side pane shows (panes shrink, then collapse). */
export const MIN_EDITOR = 360;
/** Width of the drag handle between a pane and the editor (it stays, at the edge, when the pane collapses). */
export const HANDLE = 5;
/**
 * Widths a vault starts with: narrower than the panes' old fixed 280/300 px, so that a 900 px
 * window leaves the editor 422 px (the file pane's two buttons and the links pane's three tabs
 * just fit).
 */
export const DEFAULT_PANES: PanesState = {
  left: { width: 212, collapsed: false },
  right: { width: 256, collapsed: false },
};

/** What shows: each side's width in px, or 0 when it is collapsed (chosen or forced by a narrow window). */
export type FittedPanes = { left: number; right: number };

const other = (side: Side): Side => (side === 'left' ? 'right' : 'left');
const clampWidth = (width: number) => Math.min(MAX_PANE, Math.max(MIN_PANE, Math.round(width)));

/**
 * Fits the chosen panes into a window `windowWidth` px wide, keeping the editor at least
 * MIN_EDITOR wide: the panes first shrink (in proportion to what they can give, down to
 * MIN_PANE), then one collapses (the side other than `keep`, the side last shown on purpose;
 * the right first by default, as Obsidian on a narrow window), then the other.
 */
export function fitPanes(panes: PanesState, windowWidth: number, keep: Side = 'left'): FittedPanes {
  const shown: Record<Side, boolean> = { left: !panes.left.collapsed, right: !panes.right.collapsed };
  for (;;) {
    const sides = (['left', 'right'] as const).filter((side) => shown[side]);
    if (sides.length === 0) return { left: 0, right: 0 };
    const want = {
      left: shown.left ? clampWidth(panes.left.width) : 0,
      right: shown.right ? clampWidth(panes.right.width) : 0,
    };
    const room = windowWidth - 2 * HANDLE - MIN_EDITOR;
    const total = want.left + want.right;
    if (total <= room) return want;
    const give = total - sides.length * MIN_PANE;
    const excess = total - room;
    if (excess <= give) {
      // Each pane gives its share of the excess; rounding down keeps the editor's minimum.
      const left = shown.left ? Math.floor(want.left - (excess * (want.left - MIN_PANE)) / give) : 0;
      const right = shown.right ? Math.floor(want.right - (excess * (want.right - MIN_PANE)) / give) : 0;
      return { left, right };
    }
    const drop = shown[other(keep)] ? other(keep) : keep;
    shown[drop] = false;
  }
}

/**
 * The width a drag or an arrow key asks for `side`, held between MIN_PANE and the most that
 * leaves the editor MIN_EDITOR beside the other pane as it shows now (`otherWidth`, 0: collapsed).
 */
export function clampPaneWidth(width: number, otherWidth: number, windowWidth: number): number {
  const most = Math.min(MAX_PANE, windowWidth - 2 * HANDLE - otherWidth - MIN_EDITOR);
  return Math.max(MIN_PANE, Math.min(most, Math.round(width)));
}

/** The panes as saved (checked by the engine on load), widths held in range; the defaults when none were. */
export function savedOrDefault(saved: PanesState | undefined): PanesState {
  if (!saved) return DEFAULT_PANES;
  const side = ({ width, collapsed }: PaneSide): PaneSide => ({ width: clampWidth(width), collapsed });
  return { left: side(saved.left), right: side(saved.right) };
}
