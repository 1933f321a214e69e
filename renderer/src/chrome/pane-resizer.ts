import { MIN_PANE } from './pane-layout';
import type { Side } from './pane-layout';

/** What a resize handle asks of the panes; SidePanes answers. */
export type ResizeTarget = {
  /** The pane's width as it shows now (0: collapsed). */
  width(side: Side): number;
  /** The most the pane may take now (the editor keeps its minimum). */
  maxWidth(side: Side): number;
  /** Sets the pane's chosen width (held in range); `done`: the drag or key press is over, save it. */
  resize(side: Side, width: number, done: boolean): void;
  /** Back to the default width (double-click). */
  reset(side: Side): void;
  /** Collapses or shows the pane (Enter, as the WAI-ARIA window splitter). */
  toggle(side: Side): void;
};

const STEP = 10;
const BIG_STEP = 50;

/**
 * The handle between a side pane and the editor, as a WAI-ARIA window splitter: drag it, or focus
 * it and press the arrow keys (Shift: larger steps), Home/End for the narrowest/widest, Enter to
 * collapse or show; double-click resets the default width.
 */
export class PaneResizer {
  readonly element: HTMLElement;

  constructor(
    private readonly side: Side,
    controls: HTMLElement,
    private readonly target: ResizeTarget,
  ) {
    const el = document.createElement('div');
    el.className = `pane-resizer pane-resizer-${side}`;
    el.setAttribute('role', 'separator');
    el.setAttribute('aria-orientation', 'vertical');
    el.setAttribute('aria-controls', controls.id);
    el.setAttribute('aria-label', side === 'left' ? 'Resize the files pane' : 'Resize the links pane');
    el.title = 'Drag to resize, double-click to reset';
    el.tabIndex = 0;
    el.addEventListener('pointerdown', (e) => this.drag(e));
    el.addEventListener('dblclick', () => target.reset(side));
    el.addEventListener('keydown', (e) => this.key(e));
    this.element = el;
  }

  /** Shows the pane's width and range to assistive technology. */
  update(): void {
    const now = this.target.width(this.side);
    this.element.setAttribute('aria-valuenow', String(now));
    this.element.setAttribute('aria-valuemin', String(MIN_PANE));
    this.element.setAttribute('aria-valuemax', String(Math.max(MIN_PANE, this.target.maxWidth(this.side))));
  }

  /** Dragging right widens the left pane and narrows the right one. */
  private drag(start: PointerEvent): void {
    if (start.button !== 0) return;
    start.preventDefault();
    const el = this.element;
    const from = this.target.width(this.side);
    const sign = this.side === 'left' ? 1 : -1;
    el.setPointerCapture(start.pointerId);
    el.classList.add('dragging');
    const widthAt = (e: PointerEvent) => from + sign * (e.clientX - start.clientX);
    const move = (e: PointerEvent) => this.target.resize(this.side, widthAt(e), false);
    const end = (e: PointerEvent) => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', end);
      el.removeEventListener('pointercancel', end);
      el.classList.remove('dragging');
      this.target.resize(this.side, widthAt(e), true);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', end);
    el.addEventListener('pointercancel', end);
  }

  private key(e: KeyboardEvent): void {
    const now = this.target.width(this.side);
    const step = e.shiftKey ? BIG_STEP : STEP;
    // ArrowRight moves the handle right: wider on the left, narrower on the right.
    const toward = this.side === 'left' ? 1 : -1;
    const widths: Record<string, () => number> = {
      ArrowRight: () => now + toward * step,
      ArrowLeft: () => now - toward * step,
      Home: () => MIN_PANE,
      End: () => this.target.maxWidth(this.side),
    };
    const width = widths[e.key];
    if (e.key === 'Enter') this.target.toggle(this.side);
    else if (width) this.target.resize(this.side, width(), true);
    else return;
    e.preventDefault();
  }
}
