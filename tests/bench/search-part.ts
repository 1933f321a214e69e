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
import type { BenchRow } from './bench-row';
import { searchRows } from './search-latency';

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
  rows.push(...searchRows(label, index, lowered, queries, goals));
  await index.close();
  return rows;
}
