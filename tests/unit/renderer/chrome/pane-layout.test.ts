import { describe, expect, it } from 'vitest';
import {
  clampPaneWidth,
  DEFAULT_PANES,
  fitPanes,
  HANDLE,
  MAX_PANE,
  MIN_EDITOR,
  MIN_PANE,
  savedOrDefault,
} from '../../../../renderer/src/chrome/pane-layout';

const panes = (left: number, right: number, collapsed: { left?: boolean; right?: boolean } = {}) => ({
  left: { width: left, collapsed: collapsed.left ?? false },
  right: { width: right, collapsed: collapsed.right ?? false },
});
const editorWidth = (window: number, fitted: { left: number; right: number }) =>
  window - 2 * HANDLE - fitted.left - fitted.right;

describe('fitPanes: the side panes in a window of a given width', () => {
  it('keeps the chosen widths when they fit', () => {
    expect(fitPanes(panes(300, 280), 1400)).toEqual({ left: 300, right: 280 });
  });

  it('leaves the editor comfortably wide at 900 px with the default widths', () => {
    const fitted = fitPanes(DEFAULT_PANES, 900);
    expect(fitted).toEqual({ left: DEFAULT_PANES.left.width, right: DEFAULT_PANES.right.width });
    expect(editorWidth(900, fitted)).toBeGreaterThanOrEqual(420);
  });

  it('shrinks both panes, each by what it can give, to keep the editor its minimum', () => {
    const fitted = fitPanes(panes(400, 280), 1000);
    expect(editorWidth(1000, fitted)).toBeGreaterThanOrEqual(MIN_EDITOR);
    expect(editorWidth(1000, fitted)).toBeLessThan(MIN_EDITOR + 2);
    // 240 and 120 px above the minimum: the wider pane gives twice as much.
    expect(400 - fitted.left).toBeGreaterThan(1.9 * (280 - fitted.right));
    expect(fitted.right).toBeGreaterThanOrEqual(MIN_PANE);
  });

  it('collapses the right pane first, then the left, once both are at their minimum', () => {
    const narrow = 2 * MIN_PANE + 2 * HANDLE + MIN_EDITOR - 1;
    // Both at their minimum would leave the editor 1 px short: the right goes, the left gets its width back.
    expect(fitPanes(panes(300, 300), narrow)).toEqual({ left: 300, right: 0 });
    expect(fitPanes(panes(300, 300), MIN_PANE + 2 * HANDLE + MIN_EDITOR - 1)).toEqual({ left: 0, right: 0 });
  });

  it('collapses the left pane first when the right one was shown last on purpose', () => {
    const narrow = 2 * MIN_PANE + 2 * HANDLE + MIN_EDITOR - 1;
    expect(fitPanes(panes(200, 200), narrow, 'right')).toEqual({ left: 0, right: 200 });
  });

  it('gives a collapsed pane no width and its room to the other', () => {
    expect(fitPanes(panes(300, 280, { right: true }), 1400)).toEqual({ left: 300, right: 0 });
    expect(fitPanes(panes(300, 280, { left: true, right: true }), 1400)).toEqual({ left: 0, right: 0 });
  });

  it('holds saved widths out of range to the range', () => {
    expect(fitPanes(panes(5, 99_999), 3000)).toEqual({ left: MIN_PANE, right: MAX_PANE });
  });
});

describe('clampPaneWidth: a dragged or keyed width', () => {
  it('never goes under the minimum nor takes the editor’s minimum width', () => {
    expect(clampPaneWidth(10, 240, 1400)).toBe(MIN_PANE);
    expect(clampPaneWidth(900, 240, 1400)).toBe(Math.min(MAX_PANE, 1400 - 2 * HANDLE - 240 - MIN_EDITOR));
    expect(clampPaneWidth(700, 300, 1000)).toBe(1000 - 2 * HANDLE - 300 - MIN_EDITOR);
    expect(clampPaneWidth(333.6, 0, 1400)).toBe(334);
  });
});

describe('savedOrDefault', () => {
  it('takes the defaults when nothing was saved, and holds saved widths in range', () => {
    expect(savedOrDefault(undefined)).toEqual(DEFAULT_PANES);
    expect(savedOrDefault(panes(20, 5000, { left: true }))).toEqual(panes(MIN_PANE, MAX_PANE, { left: true }));
  });
});
