// The verdict line: the one sentence a person reads first, in the job summary, the PR comment and the
// CLI. Pure. It says what was measured, against which limit and with how much headroom, and how it
// compares with the baseline:
//   ✅ 3.6 mg CO2e — 0.07 % of the 5 g budget, 5 g headroom; −0.23 mg (−6 %) vs main (5 runs)
//   ℹ️ Measured only: no budget or baseline set — 3.6 mg CO2e
//   ⚠️ Not measured: …
// Numbers come from the one formatter (core/format.ts), so the line never holds exponent notation.
import { co2e, energy, energyDelta, mass, massDelta, percent, percentDelta, signed } from '../format.js';
import type { BaselineRecord, CompareMetric, RunResult, Verdict } from '../types.js';

export interface VerdictLineSettings {
  /** max-increase; null: a baseline delta is reported but never gates. */
  maxIncreasePercent: number | null;
}

export type VerdictKind = 'pass' | 'warn' | 'fail' | 'info' | 'not-measured';

export const VERDICT_ICON: Record<VerdictKind, string> = { pass: '✅', warn: '⚠️', fail: '❌', info: 'ℹ️', 'not-measured': '⚠️' };

/** Whether anything gates this run: a budget, or a max-increase with a baseline to compare against. */
export function gates(verdict: Verdict, s: VerdictLineSettings): boolean {
  return (verdict.budget?.length ?? 0) > 0 || (s.maxIncreasePercent !== null && verdict.regression !== undefined);
}

/** True when the run holds no usable measurement (too few samples, or the gate said so). */
export function notMeasured(r: RunResult): boolean {
  return (r.verdict.status as string) === 'not-measured' || r.energy.samples < 2;
}

export function verdictKind(r: RunResult, s: VerdictLineSettings): VerdictKind {
  if (notMeasured(r)) return 'not-measured';
  if (r.verdict.status !== 'pass') return r.verdict.status as 'warn' | 'fail';
  return gates(r.verdict, s) ? 'pass' : 'info';
}

const METRIC_NAME: Record<CompareMetric, string> = { gco2e: '', 'energy-wh': 'energy ', 'cpu-seconds': 'CPU time ' };

/** '−0.23 mg (−6 %)', '+12 mWh (+25 %)', '+0.4 CPU-s (+10 %)'. */
export function deltaText(metric: CompareMetric, current: number, median: number, deltaPercent: number): string {
  const d = current - median;
  const abs = metric === 'gco2e' ? massDelta(d) : metric === 'energy-wh' ? energyDelta(d) : `${signed(d)} CPU-s`;
  return `${abs} (${percentDelta(deltaPercent)})`;
}

/** 'main' from refs/heads/main when every record of the window is of one branch; else 'the baseline'. */
export function baselineName(records: readonly BaselineRecord[]): string {
  const refs = new Set(records.map((r) => r.ref));
  const [only] = [...refs];
  if (refs.size === 1 && only && /^refs\/heads\/[\w./-]{1,60}$/.test(only)) return only.slice('refs/heads/'.length);
  return 'the baseline';
}

function budgetPart(b: NonNullable<Verdict['budget']>[number]): string {
  const limit = b.metric === 'gco2e' ? mass(b.limit) : energy(b.limit);
  const rest = b.limit - b.actual;
  const restText = b.metric === 'gco2e' ? mass(Math.abs(rest)) : energy(Math.abs(rest));
  const used = b.limit > 0 ? `${percent((b.actual / b.limit) * 100)} of the ${limit} budget` : `budget ${limit}`;
  return b.exceeded ? `${used}, ${restText} over` : `${used}, ${restText} headroom`;
}

function regressionPart(r: RunResult): string | null {
  const g = r.verdict.regression;
  if (!g) return null;
  const runs = `${g.runs} run${g.runs === 1 ? '' : 's'}`;
  const text = `${METRIC_NAME[g.metric]}${deltaText(g.metric, g.current, g.median, g.deltaPercent)} vs ${baselineName(r.baseline.records)} (${runs})`;
  return g.flagged ? `${text}, a regression${g.enforced ? '' : ' (not enforced)'}` : text;
}

function noBaselineWhy(r: RunResult): string | null {
  switch (r.baseline.status) {
    case 'none':
      return 'no baseline yet';
    case 'unavailable':
      return 'no baseline (cache unavailable)';
    default:
      return null;
  }
}

/** The verdict line, plain text (no markdown): the caller bolds or colours it. */
export function verdictLine(r: RunResult, s: VerdictLineSettings): string {
  const kind = verdictKind(r, s);
  const icon = VERDICT_ICON[kind];
  if (kind === 'not-measured') {
    return `${icon} Not measured: ${r.energy.samples} sample${r.energy.samples === 1 ? '' : 's'} recorded, too few for a figure; nothing was gated`;
  }
  const amount = co2e(r.emissions.gatedGCo2e);
  const lead = r.verdict.budget?.some((b) => b.metric === 'energy-wh') ? `${amount}, ${energy(r.energy.totalWh)}` : amount;
  const parts: string[] = (r.verdict.budget ?? []).map(budgetPart);
  const reg = regressionPart(r);
  if (reg) parts.push(reg);
  if (kind === 'info') {
    if (reg) return `${icon} ${lead} — ${reg}; nothing gates: no budget or max-increase set`;
    const why = s.maxIncreasePercent !== null ? noBaselineWhy(r) : null;
    return why ? `${icon} Measured only: ${why} to compare with — ${lead}` : `${icon} Measured only: no budget or baseline set — ${lead}`;
  }
  if (!reg) {
    const why = s.maxIncreasePercent !== null ? noBaselineWhy(r) : null;
    if (why) parts.push(why);
  }
  return `${icon} ${lead} — ${parts.join('; ')}`;
}

