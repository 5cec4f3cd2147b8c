// The gate: a pure function from this run's totals and terms, the settings and the baseline window to a
// Verdict.
//
// Rules (stated in the summary and the comment by baseline-section.ts; numbers in METHODOLOGY.md §10):
// - Budgets are absolute and per job: exceeded when the actual value is strictly above the limit.
// - Regression: this run and each run of the window are priced alike (gate/compare.ts): at the newest
//   baseline run's model, PUE and grid, over their wall time without contention. The run is flagged when
//   BOTH it is more than max-increase above the window's median AND above the window's prediction bound
//   (gate/rule.ts). With max-increase empty the delta is reported but never flagged.
// - A flagged regression can fail the build only when the window has at least min-baseline-runs runs;
//   below that it only warns.
// - fail-on: budget | regression | any | never ('never' only warns).
// - Delta band (display): alarm ≥ 20 %, warn ≥ 10 %, better < 0 %, ok otherwise.
import { co2e, cpuSeconds, energy, percentDelta } from './format.js';
import type { BaselineRecord, CompareMetric, FailOn, GateTerms, Verdict } from './types.js';
import { compareWithWindow } from './gate/compare.js';
import { median, regressionRule } from './gate/rule.js';

export { median };

export interface VerdictSettings {
  budgetGCo2e: number | null;
  budgetWh: number | null;
  maxIncreasePercent: number | null;
  failOn: FailOn;
  minBaselineRuns: number;
  compareOn: CompareMetric;
}

export interface VerdictArgs {
  energyWh: number;
  gatedGCo2e: number;
  cpuSeconds: number;
  /** This run's gated amount in terms (gate/terms.ts): what the comparison prices. */
  terms: GateTerms;
  settings: VerdictSettings;
  baseline: BaselineRecord[];
}

export type DeltaBand = 'alarm' | 'warn' | 'ok' | 'better';

export const ALARM_PERCENT = 20;
export const WARN_PERCENT = 10;

/** Band of a relative change in percent: alarm ≥ 20, warn ≥ 10, better < 0, ok otherwise. */
export function deltaBand(deltaPercent: number): DeltaBand {
  if (deltaPercent >= ALARM_PERCENT) return 'alarm';
  if (deltaPercent >= WARN_PERCENT) return 'warn';
  if (deltaPercent < 0) return 'better';
  return 'ok';
}

export function bandEmoji(band: DeltaBand): string {
  switch (band) {
    case 'alarm':
      return '🚨';
    case 'warn':
      return '⚠️';
    case 'better':
      return '✅';
    case 'ok':
      return '';
  }
}

/** The value of the compare-on metric in a baseline record. */
export function metricOf(record: BaselineRecord, metric: CompareMetric): number {
  switch (metric) {
    case 'gco2e':
      return record.gatedGCo2e;
    case 'energy-wh':
      return record.energyWh;
    case 'cpu-seconds':
      return record.cpuSeconds;
  }
}

export function metricUnit(metric: CompareMetric): string {
  switch (metric) {
    case 'gco2e':
      return 'gCO2e';
    case 'energy-wh':
      return 'Wh';
    case 'cpu-seconds':
      return 'CPU-s';
  }
}

/** A value of the compare-on metric with its unit, through the one formatter: '3.6 mg CO2e', '12 mWh', '1.2 CPU-s'. */
export function metricText(metric: CompareMetric, x: number): string {
  switch (metric) {
    case 'gco2e':
      return co2e(x);
    case 'energy-wh':
      return energy(x);
    case 'cpu-seconds':
      return cpuSeconds(x);
  }
}

const budgetFails = (f: FailOn): boolean => f === 'budget' || f === 'any';
const regressionFails = (f: FailOn): boolean => f === 'regression' || f === 'any';

export function computeVerdict(args: VerdictArgs): Verdict {
  const { settings: s } = args;
  const reasons: string[] = [];

  // Budgets.
  const budget: NonNullable<Verdict['budget']> = [];
  if (s.budgetGCo2e !== null) {
    budget.push({ metric: 'gco2e', limit: s.budgetGCo2e, actual: args.gatedGCo2e, exceeded: args.gatedGCo2e > s.budgetGCo2e });
  }
  if (s.budgetWh !== null) {
    budget.push({ metric: 'energy-wh', limit: s.budgetWh, actual: args.energyWh, exceeded: args.energyWh > s.budgetWh });
  }
  const exceeded = budget.filter((b) => b.exceeded);
  for (const b of exceeded) {
    const m = b.metric === 'gco2e' ? 'gco2e' : 'energy-wh';
    reasons.push(`Budget exceeded: ${metricText(m, b.actual)} > ${metricText(m, b.limit)} (budget-${b.metric === 'gco2e' ? 'gco2e' : 'wh'}).`);
  }
  const budgetFail = exceeded.length > 0 && budgetFails(s.failOn);

  // Regression against the baseline window, like with like.
  let regression: Verdict['regression'];
  const unit = metricUnit(s.compareOn);
  if (args.baseline.length > 0) {
    const { current, window, comparison } = compareWithWindow(args.terms, args.baseline, s.compareOn);
    const rule = regressionRule(current, window, s.maxIncreasePercent);
    const med = rule.median;
    const runs = window.length;
    if (med > 0) {
      const deltaPercent = ((current - med) / med) * 100;
      const enough = runs >= s.minBaselineRuns;
      const enforced = s.maxIncreasePercent !== null && enough && regressionFails(s.failOn);
      regression = {
        metric: s.compareOn,
        current,
        median: med,
        deltaPercent,
        band: deltaBand(deltaPercent),
        spreadLow: Math.min(...window),
        spreadHigh: Math.max(...window),
        runs,
        flagged: rule.flagged,
        enforced,
        predictedHigh: rule.predictedHigh ?? undefined,
        threshold: rule.threshold,
        comparison,
      };
      if (rule.flagged) {
        const t = (x: number): string => metricText(s.compareOn, x);
        let r = `Regression: ${t(current)} is ${percentDelta(deltaPercent)} over the baseline median ${t(med)} (max-increase ${s.maxIncreasePercent}%) and above ${t(rule.predictedHigh ?? Math.max(...window))}, the most the window's own spread predicts.`;
        if (!enough) r += ` Only ${runs} of ${s.minBaselineRuns} baseline runs (min-baseline-runs): reported, not enforced.`;
        reasons.push(r);
      }
    } else {
      reasons.push(`The baseline median of ${unit} is 0, so no relative comparison is possible.`);
    }
  }
  const regressionFail = regression !== undefined && regression.flagged && regression.enforced;

  const failBuild = budgetFail || regressionFail;
  const anyProblem = exceeded.length > 0 || (regression?.flagged ?? false);
  const status: Verdict['status'] = failBuild ? 'fail' : anyProblem ? 'warn' : 'pass';
  if (anyProblem && !failBuild) {
    reasons.push(s.failOn === 'never' ? 'fail-on is never: this only warns.' : `fail-on is ${s.failOn}: this only warns.`);
  }

  const headline = makeHeadline(status, exceeded.length > 0, regression);
  return { status, failBuild, headline, reasons, ...(budget.length > 0 ? { budget } : {}), ...(regression ? { regression } : {}) };
}

function makeHeadline(status: Verdict['status'], overBudget: boolean, regression: Verdict['regression']): string {
  const icon = status === 'fail' ? '❌' : status === 'warn' ? '⚠️' : '✅';
  const parts: string[] = [];
  if (overBudget) parts.push('over budget');
  if (regression?.flagged) parts.push(`regression ${percentDelta(regression.deltaPercent)} vs baseline`);
  if (parts.length === 0) {
    if (regression) parts.push(`${percentDelta(regression.deltaPercent)} vs baseline median`);
    else parts.push('within limits');
  }
  const word = status === 'fail' ? 'Failed' : status === 'warn' ? 'Warning' : 'Passed';
  return `${icon} ${word}: ${parts.join(', ')}`;
}
