// Per-step comparison with the baseline: each step against the median of its own totals in the
// baseline window, matched by name (names are stable across runs). Pure.
import type { BaselineRecord, CompareMetric } from '../types.js';
import type { BaselineStep, StepRow } from './types.js';
import { median } from '../verdict.js';

/** Per-step totals for a baseline record, keyed by step name (the outside row is not a step). */
export function stepTotals(rows: readonly StepRow[]): Record<string, BaselineStep> {
  const out: Record<string, BaselineStep> = {};
  for (const r of rows) if (r.kind === 'step') out[r.name] = { cpuSeconds: r.cpuSeconds, energyWh: r.totalWh, gatedGCo2e: r.gatedGCo2e };
  return out;
}

export interface StepDelta {
  name: string;
  current: number;
  median: number;
  /** Baseline runs that had this step. */
  runs: number;
  deltaPercent: number;
  /** Above max-increase. */
  grew: boolean;
}

const metricOfStep = (s: BaselineStep, m: CompareMetric): number => (m === 'cpu-seconds' ? s.cpuSeconds : m === 'energy-wh' ? s.energyWh : s.gatedGCo2e);
const metricOfRow = (r: StepRow, m: CompareMetric): number => (m === 'cpu-seconds' ? r.cpuSeconds : m === 'energy-wh' ? r.totalWh : r.gatedGCo2e);

/** What the compared metric means for one step, in a sentence: "+48 % CPU work". */
export function stepMetricWords(m: CompareMetric): string {
  return m === 'cpu-seconds' ? 'CPU work' : m === 'energy-wh' ? 'energy' : 'emissions';
}

/** Each step of this run that the baseline window knows, with its delta against the median of its runs. */
export function stepDeltas(rows: readonly StepRow[], records: readonly BaselineRecord[], compareOn: CompareMetric, maxIncreasePercent: number | null): StepDelta[] {
  const out: StepDelta[] = [];
  for (const r of rows) {
    if (r.kind !== 'step') continue;
    const past = records.map((rec) => rec.steps?.[r.name]).filter((x): x is BaselineStep => !!x);
    if (!past.length) continue;
    const med = median(past.map((x) => metricOfStep(x, compareOn)));
    if (!(med > 0)) continue;
    const current = metricOfRow(r, compareOn);
    const deltaPercent = ((current - med) / med) * 100;
    out.push({ name: r.name, current, median: med, runs: past.length, deltaPercent, grew: maxIncreasePercent !== null && deltaPercent > maxIncreasePercent });
  }
  return out;
}
