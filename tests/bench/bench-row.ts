// One line of the benchmark table, and how the table prints.
import type { Goal } from './bench-goals';

export type BenchRow = {
  vault: string;
  measure: string;
  value: string;
  /** The goal's label ("≤ 2 s"), empty when the issue sets none. */
  goal: string;
  /** Whether the goal is met; null when there is no goal. */
  met: boolean | null;
  note: string;
  /** The raw numbers behind the value (milliseconds, MB, counts), for the JSON output. */
  data: Record<string, number>;
};

/** A row judged against `goal` by `actual` (in the goal's unit); no goal: not judged. */
export function row(
  vault: string,
  measure: string,
  value: string,
  options: { goal?: Goal; actual?: number; note?: string; data?: Record<string, number> } = {},
): BenchRow {
  const { goal, actual } = options;
  return {
    vault,
    measure,
    value,
    goal: goal?.label ?? '',
    met: goal && actual !== undefined ? actual <= goal.max : null,
    note: options.note ?? '',
    data: options.data ?? {},
  };
}

export const ms = (x: number): string =>
  x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x >= 10 ? `${x.toFixed(0)} ms` : `${x.toFixed(2)} ms`;

export function markdownTable(rows: readonly BenchRow[]): string {
  const met = (r: BenchRow) => (r.met === null ? '' : r.met ? '✅' : '❌');
  return [
    '| vault | measure | value | goal | met | note |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.vault} | ${r.measure} | ${r.value} | ${r.goal} | ${met(r)} | ${r.note} |`),
  ].join('\n');
}
