import { afterEach, describe, expect, it, vi } from 'vitest';
import { Emitter, toDisposable } from '../../../shared/events';

afterEach(() => vi.restoreAllMocks());

describe('Emitter', () => {
  it('fires to each listener in the order they subscribed, until each is disposed', () => {
    const emitter = new Emitter<number>();
    const heard: string[] = [];
    const a = emitter.event((n) => heard.push(`a${n}`));
    emitter.event((n) => heard.push(`b${n}`));
    emitter.fire(1);
    a.dispose();
    a.dispose(); // twice is harmless and does not drop anyone else
    emitter.fire(2);
    expect(heard).toEqual(['a1', 'b1', 'b2']);
  });

  it('keeps one function subscribed twice as two subscriptions', () => {
    const emitter = new Emitter<void>();
    let calls = 0;
    const listener = () => calls++;
    const first = emitter.event(listener);
    emitter.event(listener);
    emitter.fire();
    first.dispose();
    emitter.fire();
    expect(calls).toBe(3);
  });

  it('still tells the others when one listener throws, and logs the failure', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const emitter = new Emitter<string>();
    const heard: string[] = [];
    emitter.event(() => {
      throw new Error('broken pane');
    });
    emitter.event((s) => heard.push(s));
    expect(() => emitter.fire('x')).not.toThrow();
    expect(heard).toEqual(['x']);
    expect(logged).toHaveBeenCalledWith('A listener failed:', expect.objectContaining({ message: 'broken pane' }));
  });

  it('does not call a listener subscribed while it fires until the next value', () => {
    const emitter = new Emitter<number>();
    const heard: number[] = [];
    emitter.event(() => {
      emitter.event((n) => heard.push(n));
    });
    emitter.fire(1);
    expect(heard).toEqual([]);
    emitter.fire(2);
    expect(heard).toEqual([2]);
  });

  it('drops every listener once disposed, and later subscriptions are inert', () => {
    const emitter = new Emitter<number>();
    const heard: number[] = [];
    emitter.event((n) => heard.push(n));
    expect(emitter.hasListeners).toBe(true);
    emitter.dispose();
    emitter.event((n) => heard.push(n));
    emitter.fire(1);
    expect(heard).toEqual([]);
    expect(emitter.hasListeners).toBe(false);
  });
});

describe('toDisposable', () => {
  it('releases once however often it is disposed', () => {
    let released = 0;
    const d = toDisposable(() => released++);
    d.dispose();
    d.dispose();
    expect(released).toBe(1);
  });
});
