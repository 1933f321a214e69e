import { describe, expect, it } from 'vitest';
import { Vault } from '../../../vault/files/vault';
import { VaultIndex } from '../../../vault/index/vault-index';

// The welcome vault is the first thing a person sees: its notes must parse cleanly and every
// link must lead somewhere, but for the one left unresolved on purpose (start-here.md says so).
describe('the welcome vault', () => {
  it('has no problem notes and exactly one unresolved link, on purpose', async () => {
    const index = await VaultIndex.build(await Vault.open('assets/welcome-vault'), { cacheFile: null, worker: null });
    expect(index.problems()).toEqual([]);
    const unresolved = index.links.unresolved().map((g) => [g.target, g.sources.map((s) => s.source)]);
    expect(unresolved).toEqual([['my-first-note', ['start-here.md']]]);
    expect(index.links.stats().notes).toBeGreaterThanOrEqual(12);
  });

  it('finds its own guide by words from it', async () => {
    const index = await VaultIndex.build(await Vault.open('assets/welcome-vault'), { cacheFile: null, worker: null });
    const result = index.search.query('unlinked mentions', 5);
    expect(result.hits[0]?.path).toBe('guides/backlinks.md');
  });
});
