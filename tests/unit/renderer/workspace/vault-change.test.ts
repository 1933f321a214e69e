import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VaultChangeBurst, withEvent } from '../../../../renderer/src/workspace/vault-change';

describe('withEvent', () => {
  it('is own-saves-only while every event is the open note’s own save', () => {
    expect(withEvent(null, true)).toEqual({ ownSavesOnly: true });
    expect(withEvent(null, false)).toEqual({ ownSavesOnly: false });
    expect(withEvent({ ownSavesOnly: true }, false)).toEqual({ ownSavesOnly: false });
    expect(withEvent({ ownSavesOnly: false }, true)).toEqual({ ownSavesOnly: false });
  });
});

describe('VaultChangeBurst', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('tells once per burst what the whole burst may have changed', async () => {
    const told: boolean[] = [];
    const burst = new VaultChangeBurst((change) => told.push(change.ownSavesOnly));
    burst.add(true);
    burst.add(true);
    await vi.advanceTimersByTimeAsync(100);
    burst.add(true);
    burst.add(false);
    burst.add(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(told).toEqual([true, false]);
  });
});
