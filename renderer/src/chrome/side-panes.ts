import type { PanesState } from '../../../shared/api';
import { Emitter } from '../../../shared/events';
import type { SavedPanes } from '../workspace/saved-tabs';
import {
  clampPaneWidth,
  DEFAULT_PANES,
  fitPanes,
  MIN_PANE,
  savedOrDefault,
  type FittedPanes,
  type Side,
} from './pane-layout';
import { PaneResizer, type ResizeTarget } from './pane-resizer';

export type SidePaneElements = { app: HTMLElement; left: HTMLElement; right: HTMLElement; editor: HTMLElement };

/**
 * The file pane and the links pane beside the editor: their widths (dragged or keyed on the
 * handles) and collapsed state, as the person chose them and saved per vault, fitted into the
 * window so the editor keeps its minimum width (see pane-layout.ts).
 */
export class SidePanes implements SavedPanes, ResizeTarget {
  private chosen: PanesState = DEFAULT_PANES;
  private shown: FittedPanes = { left: 0, right: 0 };
  /** The side shown last on purpose: on a narrow window the other one collapses first. */
  private keep: Side = 'left';
  private readonly handles: Record<Side, PaneResizer>;
  private readonly changed = new Emitter<void>();

  constructor(private readonly el: SidePaneElements) {
    this.handles = { left: new PaneResizer('left', el.left, this), right: new PaneResizer('right', el.right, this) };
    el.left.after(this.handles.left.element);
    el.right.before(this.handles.right.element);
    window.addEventListener('resize', () => this.apply());
    this.apply();
  }

  /** For saving in workspace.json: nothing while the panes are as a vault starts. */
  state(): PanesState | undefined {
    const same = (side: Side) =>
      this.chosen[side].width === DEFAULT_PANES[side].width &&
      this.chosen[side].collapsed === DEFAULT_PANES[side].collapsed;
    return same('left') && same('right') ? undefined : this.chosen;
  }

  onChange(listener: () => void): void {
    this.changed.event(listener);
  }

  /** The layout saved for this vault (absent: the defaults). */
  restore(saved: PanesState | undefined): void {
    this.chosen = savedOrDefault(saved);
    this.apply();
  }

  width(side: Side): number {
    return this.shown[side];
  }

  isShown(side: Side): boolean {
    return this.shown[side] > 0;
  }

  maxWidth(side: Side): number {
    return clampPaneWidth(Infinity, this.shown[side === 'left' ? 'right' : 'left'], window.innerWidth);
  }

  /** A width below half the minimum collapses the pane; dragging a collapsed one out shows it. */
  resize(side: Side, width: number, done: boolean): void {
    const collapsed = width < MIN_PANE / 2;
    const kept = collapsed ? this.chosen[side].width : this.clamp(side, width);
    this.set(side, { width: kept, collapsed }, done);
  }

  reset(side: Side): void {
    this.set(side, { ...DEFAULT_PANES[side], width: this.clamp(side, DEFAULT_PANES[side].width) }, true);
  }

  /** Collapses a pane that shows, or shows one that does not (chosen collapsed, or squeezed out). */
  toggle(side: Side): void {
    this.set(side, { ...this.chosen[side], collapsed: this.isShown(side) }, true);
  }

  /** Makes sure a pane shows (a command that opens one of its views). */
  reveal(side: Side): void {
    if (!this.isShown(side)) this.toggle(side);
  }

  private clamp(side: Side, width: number): number {
    return clampPaneWidth(width, this.shown[side === 'left' ? 'right' : 'left'], window.innerWidth);
  }

  private set(side: Side, value: PanesState[Side], save: boolean): void {
    if (!value.collapsed) this.keep = side;
    this.chosen = { ...this.chosen, [side]: value };
    this.apply();
    if (save) this.changed.fire();
  }

  /** Lays the panes out for the window's width now. */
  private apply(): void {
    this.shown = fitPanes(this.chosen, window.innerWidth, this.keep);
    const { app } = this.el;
    for (const side of ['left', 'right'] as const) {
      const on = this.shown[side] > 0;
      app.style.setProperty(`--${side}-pane`, `${this.shown[side]}px`);
      app.classList.toggle(`${side}-collapsed`, !on);
      (side === 'left' ? this.el.left : this.el.right).toggleAttribute('inert', !on);
    }
    for (const handle of Object.values(this.handles)) handle.update();
  }
}
