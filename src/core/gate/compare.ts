// Like with like (METHODOLOGY.md §10.4): this run and every run of the window are priced at the same
// factors — the newest baseline record's model, PUE and grid — and at their wall time without
// contention. A change of model or grid is reported, never counted. Pure.
import type { BaselineRecord, CompareMetric, Comparison, GateFactors, GateTerms } from '../types.js';
import { intensity, num, percent, percentDelta } from '../format.js';
import { median } from './rule.js';
import { codeSeconds, priceAt, slowdownOf } from './terms.js';

/** What the comparison needs of a run: its work, its wall time and the part contention explains. */
export interface RunPoint {
  cpuSeconds: number;
  durationSeconds: number;
  contentionSeconds: number;
  runnableSeconds?: number;
}

/** A record's point; a record written before terms were stored has no contention figure (0). */
export function pointOf(r: BaselineRecord): RunPoint {
  return r.terms
    ? {
        cpuSeconds: r.terms.cpuSeconds,
        durationSeconds: r.terms.durationSeconds,
        contentionSeconds: r.terms.contentionSeconds,
        ...(r.terms.runnableSeconds !== undefined ? { runnableSeconds: r.terms.runnableSeconds } : {}),
      }
    : { cpuSeconds: r.cpuSeconds, durationSeconds: r.durationSeconds, contentionSeconds: 0 };
}

/** The compared metric of a point at the reference factors, over the code's wall time. */
export function metricAt(p: RunPoint, f: GateFactors, metric: CompareMetric): number {
  if (metric === 'cpu-seconds') return p.cpuSeconds;
  const priced = priceAt(p.cpuSeconds, codeSeconds(p), f);
  return metric === 'energy-wh' ? priced.energyWh : priced.gCo2e;
}

/** The factors the window is compared at: the newest record that has them, else this run's. */
export function referenceFactors(current: GateTerms, records: readonly BaselineRecord[]): { factors: GateFactors; fromBaseline: boolean } {
  const newest = [...records].sort((a, b) => b.wallMs - a.wallMs).find((r) => r.terms);
  return newest?.terms ? { factors: newest.terms.factors, fromBaseline: true } : { factors: current.factors, fromBaseline: false };
}

const near = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));

/** Model and grid changes between this run's factors and the reference, in words. */
export function factorChanges(own: GateFactors, ref: GateFactors): { model: string | null; grid: string | null } {
  const model = own.model !== ref.model ? `model ${own.model} (baseline: ${ref.model})` : null;
  const gridMoved = own.grid !== ref.grid || !near(own.gCo2ePerKwh, ref.gCo2ePerKwh) || !near(own.pue, ref.pue);
  const grid = gridMoved ? `grid ${own.grid}, ${intensity(own.gCo2ePerKwh, 4)}, PUE ${num(own.pue, 4)} (baseline: ${ref.grid}, ${intensity(ref.gCo2ePerKwh, 4)}, PUE ${num(ref.pue, 4)})` : null;
  return { model, grid };
}

export interface CompareResult {
  current: number;
  window: number[];
  comparison: Comparison;
}

/** Prices this run and the window alike and explains the difference. Needs a non-empty window. */
export function compareWithWindow(current: GateTerms, records: readonly BaselineRecord[], metric: CompareMetric): CompareResult {
  const { factors } = referenceFactors(current, records);
  const points = records.map(pointOf);
  const window = points.map((p) => metricAt(p, factors, metric));
  const value = metricAt(current, factors, metric);
  const own = metric === 'cpu-seconds' ? current.cpuSeconds : metric === 'energy-wh' ? priceAt(current.cpuSeconds, current.durationSeconds, current.factors).energyWh : priceAt(current.cpuSeconds, current.durationSeconds, current.factors).gCo2e;

  const changes: string[] = [];
  const ch = factorChanges(current.factors, factors);
  if (ch.model) changes.push(ch.model);
  if (ch.grid) changes.push(ch.grid);
  const mixed = records.filter((r) => r.terms && (r.terms.factors.model !== factors.model || r.terms.factors.grid !== factors.grid || !near(r.terms.factors.gCo2ePerKwh, factors.gCo2ePerKwh)));
  if (mixed.length > 0) changes.push(`${mixed.length} window run(s) had another model or grid; all are priced at the newest run's`);

  const slowdown = slowdownOf(current);
  const baselineSlowdown = median(points.map((p) => slowdownOf(p)));
  const comparison: Comparison = {
    ownValue: own,
    changes,
    legacyRecords: records.filter((r) => !r.terms).length,
    drivers: driversLine(current, points, slowdown / baselineSlowdown - 1, { model: ch.model !== null, grid: ch.grid !== null }),
    slowdown,
    baselineSlowdown,
  };
  return { current: value, window, comparison };
}

/**
 * "CPU work +84 %, wall time +96 % (runner 41 % slower), same grid": the CPU work and the wall time
 * against the window's medians, led by what the code changed — its CPU work, or its own wall time (less
 * contention) beyond what the CPU work explains — then what the runner and the grid did (neither counted).
 */
export function driversLine(current: RunPoint, window: readonly RunPoint[], runnerChange: number, changed: { model: boolean; grid: boolean }): string {
  const cpuMed = median(window.map((p) => p.cpuSeconds));
  const wallMed = median(window.map((p) => p.durationSeconds));
  const codeMed = median(window.map((p) => codeSeconds(p)));
  const rel = (x: number, m: number): number => (m > 0 ? x / m - 1 : 0);
  const runner = Math.abs(runnerChange) < 0.05 ? 'runner as fast' : `runner ${percent(Math.abs(runnerChange) * 100)} ${runnerChange > 0 ? 'slower' : 'faster'}`;
  const cpuChange = rel(current.cpuSeconds, cpuMed);
  const work = `CPU work ${percentDelta(cpuChange * 100)}`;
  const wall = `wall time ${percentDelta(rel(current.durationSeconds, wallMed) * 100)} (${runner})`;
  // More CPU work lengthens the code's own wall time too: wall time leads only when the code's wall time
  // changed more than the CPU work AND mostly not with it (a sleep, a wait): it moved apart from the CPU
  // work by more than the CPU work moved.
  const codeChange = rel(codeSeconds(current), codeMed);
  const wallLeads = Math.abs(codeChange) > Math.abs(cpuChange) && Math.abs(codeChange - cpuChange) > Math.abs(cpuChange);
  const parts = wallLeads ? [wall, work] : [work, wall];
  parts.push(changed.model && changed.grid ? 'model and grid changed (not counted)' : changed.model ? 'model changed (not counted)' : changed.grid ? 'grid changed (not counted)' : 'same grid');
  const line = parts.join(', ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}
