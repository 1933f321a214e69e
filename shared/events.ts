/**
 * One vocabulary for "tell me when": an `Emitter` fires values to the listeners its `event`
 * subscribed, and each subscription is a `Disposable` (the shape VS Code uses throughout).
 */

/** Both processes have a console; `shared/` compiles without Node's or the DOM's types. */
declare const console: { error(...data: unknown[]): void };

/** Something to release: a subscription, a timer, a resource. Calling `dispose` twice is harmless. */
export interface Disposable {
  dispose(): void;
}

/** Subscribes `listener`; the returned Disposable unsubscribes it. */
export type Event<T> = (listener: (value: T) => void) => Disposable;

/** A Disposable that runs `release` once, however often it is disposed. */
export function toDisposable(release: () => void): Disposable {
  let done = false;
  return {
    dispose() {
      if (done) return;
      done = true;
      release();
    },
  };
}

export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();
  private disposed = false;

  /** Subscribes a listener. One that throws does not keep the value from the others. */
  readonly event: Event<T> = (listener) => {
    if (this.disposed) return toDisposable(() => undefined);
    // Wrapped so the same function subscribed twice is two subscriptions, each disposed alone.
    const entry = (value: T): void => listener(value);
    this.listeners.add(entry);
    return toDisposable(() => this.listeners.delete(entry));
  };

  /**
   * Calls every listener subscribed when `fire` starts, in the order they subscribed. A listener
   * that throws is logged and the others still hear the value: one broken pane must not stop the
   * file events reaching the rest, nor take the engine's process down.
   */
  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        console.error('A listener failed:', error);
      }
    }
  }

  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  /** Drops every listener; later subscriptions are inert. */
  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}
