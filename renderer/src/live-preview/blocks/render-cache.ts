import type { EditorView } from '@codemirror/view';

/** One render: pending, done (its result) or failed (the reason, in plain words). */
export type RenderEntry<T> = {
  readonly promise: Promise<T>;
  result?: T;
  error?: string;
};

/**
 * Renders by key (a block's source text, an embed's target and version), kept so that a widget
 * drawn again — scrolled back into view, or hidden again after its source was revealed — shows
 * at once instead of rendering again. Oldest entries go past `limit`.
 */
export class RenderCache<T> {
  private readonly entries = new Map<string, RenderEntry<T>>();
  private controller = new AbortController();

  constructor(private readonly limit = 500) {}

  /** The render for `key`, started by `make` the first time it is asked for. */
  get(key: string, make: (signal: AbortSignal) => Promise<T>): RenderEntry<T> {
    const known = this.entries.get(key);
    if (known) {
      this.entries.delete(key);
      this.entries.set(key, known);
      return known;
    }
    let promise: Promise<T>;
    try {
      promise = make(this.controller.signal);
    } catch (error) {
      promise = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const entry: RenderEntry<T> = { promise };
    promise.then(
      (result) => (entry.result = result),
      (error: unknown) => (entry.error = error instanceof Error ? error.message : String(error)),
    );
    this.entries.set(key, entry);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return entry;
  }

  /** Forgets every render (what they showed changed); renders still running are aborted. */
  clear(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.entries.clear();
  }
}

/**
 * Shows a render in `into`: at once when it is done, else when it settles (then asks the view to
 * measure again, the widget's height having changed). `show` draws the result; a failure shows
 * its reason.
 */
export function showWhenRendered<T>(
  into: HTMLElement,
  entry: RenderEntry<T>,
  show: (into: HTMLElement, result: T) => void,
  view: EditorView | null,
): void {
  const draw = () => {
    if (entry.error !== undefined) {
      into.replaceChildren(errorLine(entry.error));
    } else if (entry.result !== undefined) {
      show(into, entry.result);
    }
  };
  if (entry.result !== undefined || entry.error !== undefined) {
    draw();
    return;
  }
  const settled = () => {
    draw();
    view?.requestMeasure();
  };
  entry.promise.then(settled, settled);
}

/** A one-line reason why something could not be shown. */
export function errorLine(reason: string): HTMLElement {
  const line = document.createElement('div');
  line.className = 'cm-lp-error';
  line.setAttribute('role', 'note');
  line.textContent = reason;
  return line;
}
