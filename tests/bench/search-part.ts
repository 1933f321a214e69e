// `npm run bench -- --part search`: only the search rows of the engine bench — one cold build of
// each vault, the note texts read into the search's cache (as the app does after a build), then
// the latency of each kind of query beside a linear scan (search-latency.ts). For working on the
// query path without the minutes of builds, opens and renames the whole bench takes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Vault } from '../../vault/files/vault';
import { VaultIndex } from '../../vault/index/vault-index';
import { sourceWorker } from '../../vault/index/worker-pool';
import { goalTier } from './bench-goals';
import { ms, row, type BenchRow } from './bench-row';
import { searchLatency } from './search-latency';

export async function measureSearchPart(
  label: string,
  root: string,
  options: { queries?: number; log?: (line: string) => void } = {},
): Promise<BenchRow[]> {
  const log = options.log ?? (() => undefined);
  const vault = await Vault.open(root);
  const notes = (await vault.list()).filter((e) => e.kind === 'file' && /\.md$/i.test(e.path));
  const { goals } = goalTier(notes.length);
  const index = await VaultIndex.build(vault, { cacheFile: null, worker: sourceWorker(), prefetchTexts: true });
  // (The prefetch's timers do not keep a process alive; this one does, while we wait.)
  const alive = setInterval(() => undefined, 1000);
  await index.textsPrefetched();
  clearInterval(alive);
  log(`${label}: index built, texts cached`);
  const lowered = notes.map((n) => readFileSync(join(root, n.path), 'utf8').toLowerCase());
  const queries = options.queries ?? (notes.length > 50_000 ? 40 : 100);
  const rows: BenchRow[] = [];
  for (const s of searchLatency(index, lowered, queries)) {
    const met = goals.searchP99 ? Math.max(s.p50 / goals.searchP50!.max, s.p99 / goals.searchP99.max) : s.p50;
    rows.push(
      row(label, `search: ${s.kind}`, `${ms(s.p50)} p50 / ${ms(s.p99)} p99`, {
        goal: goals.searchP99
          ? { ...goals.searchP50!, max: 1, label: `${goals.searchP50!.label}, ${goals.searchP99.label}` }
          : goals.searchP50,
        actual: met,
        note:
          `linear scan ${ms(s.scanP50)} p50 (${(s.scanP50 / s.p50).toFixed(1)}×); repeated query ${ms(s.repeatP50)}; ` +
          `${s.queries} queries, ${s.hitsAvg.toFixed(0)} hits avg${s.truncated ? `, ${s.truncated} cut short` : ''}`,
        data: { p50: s.p50, p99: s.p99, repeatP50: s.repeatP50, scanP50: s.scanP50, queries: s.queries },
      }),
    );
  }
  await index.close();
  return rows;
}
