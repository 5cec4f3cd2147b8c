import { describe, expect, test } from '@jest/globals';
import { computeVerdict, deltaBand, median, type VerdictSettings } from '../../src/core/verdict.js';
import type { BaselineRecord, CompareMetric, FailOn } from '../../src/core/types.js';
import { gateTermsFixture, WORK_ONLY_FACTORS } from '../helpers/run-result-fixture.js';

// Records without terms (as written before terms were stored): priced from their CPU-seconds and
// duration at the current run's factors. WORK_ONLY_FACTORS price 40 CPU-s at 1 gCO2e and time at 0,
// so a record made by rec(g) compares as g gCO2e.
function rec(gatedGCo2e: number, extra: Partial<BaselineRecord> = {}): BaselineRecord {
  return {
    runId: String(Math.round(gatedGCo2e * 1000)),
    runAttempt: 1,
    sha: 'a'.repeat(40),
    ref: 'refs/heads/main',
    wallMs: 1_700_000_000_000,
    energyWh: gatedGCo2e * 2,
    operationalGCo2e: gatedGCo2e,
    embodiedGCo2e: 0,
    gatedGCo2e,
    durationSeconds: 60,
    cpuSeconds: gatedGCo2e * 40,
    ...extra,
  };
}

/** A current run worth `g` gCO2e at WORK_ONLY_FACTORS. */
const termsOf = (g: number) => gateTermsFixture({ cpuSeconds: g * 40 });

const base: VerdictSettings = { budgetGCo2e: null, budgetWh: null, maxIncreasePercent: 10, failOn: 'budget', minBaselineRuns: 3, compareOn: 'gco2e' };

describe('median', () => {
  test('odd and even counts, unsorted input', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
  test('empty list throws', () => {
    expect(() => median([])).toThrow('empty');
  });
});

describe('deltaBand boundaries', () => {
  test.each([
    [25, 'alarm'],
    [20, 'alarm'],
    [19.999, 'warn'],
    [10, 'warn'],
    [9.999, 'ok'],
    [0, 'ok'],
    [-0.001, 'better'],
    [-50, 'better'],
  ] as const)('%p %% → %s', (p, band) => {
    expect(deltaBand(p)).toBe(band);
  });
});

// Exhaustive: every fail-on × budget exceeded or not × regression flagged or not × enough baseline
// runs or not. The expected outcome of each of the 32 cases is written out (from the documented
// meaning of fail-on in README and action.yml), not recomputed from a formula.
describe('fail-on matrix', () => {
  // [fail-on, over budget, regression, enough runs, expected status]; 'fail' is the only failing status.
  const cases: Array<[FailOn, boolean, boolean, boolean, 'pass' | 'warn' | 'fail']> = [
    ['budget', false, false, false, 'pass'],
    ['budget', false, false, true, 'pass'],
    ['budget', false, true, false, 'warn'],
    ['budget', false, true, true, 'warn'],
    ['budget', true, false, false, 'fail'],
    ['budget', true, false, true, 'fail'],
    ['budget', true, true, false, 'fail'],
    ['budget', true, true, true, 'fail'],
    ['regression', false, false, false, 'pass'],
    ['regression', false, false, true, 'pass'],
    ['regression', false, true, false, 'warn'],
    ['regression', false, true, true, 'fail'],
    ['regression', true, false, false, 'warn'],
    ['regression', true, false, true, 'warn'],
    ['regression', true, true, false, 'warn'],
    ['regression', true, true, true, 'fail'],
    ['any', false, false, false, 'pass'],
    ['any', false, false, true, 'pass'],
    ['any', false, true, false, 'warn'],
    ['any', false, true, true, 'fail'],
    ['any', true, false, false, 'fail'],
    ['any', true, false, true, 'fail'],
    ['any', true, true, false, 'fail'],
    ['any', true, true, true, 'fail'],
    ['never', false, false, false, 'pass'],
    ['never', false, false, true, 'pass'],
    ['never', false, true, false, 'warn'],
    ['never', false, true, true, 'warn'],
    ['never', true, false, false, 'warn'],
    ['never', true, false, true, 'warn'],
    ['never', true, true, false, 'warn'],
    ['never', true, true, true, 'warn'],
  ];

  test('the table covers every combination once', () => {
    expect(new Set(cases.map((c) => c.slice(0, 4).join())).size).toBe(32);
  });

  test.each(cases)('fail-on %s, over budget %p, regression %p, enough runs %p → %s', (failOn, overBudget, regressed, enoughRuns, status) => {
    // Window 9, 10, 11 (median 10, prediction bound 16.41) or just 9, 10 (median 9.5, bound 30.24).
    const window = enoughRuns ? [rec(9), rec(10), rec(11)] : [rec(9), rec(10)];
    // Flagged: 40 is above both thresholds and both bounds. Not flagged: 10 is inside both.
    const current = regressed ? 40 : 10;
    const v = computeVerdict({
      energyWh: 1,
      gatedGCo2e: current,
      cpuSeconds: 1,
      terms: termsOf(current),
      settings: { ...base, failOn, budgetGCo2e: overBudget ? current - 1 : current + 1 },
      baseline: window,
    });
    expect(v.status).toBe(status);
    expect(v.failBuild).toBe(status === 'fail');
    expect(v.budget?.[0]?.exceeded).toBe(overBudget);
    expect(v.regression?.flagged).toBe(regressed);
    expect(v.regression?.runs).toBe(enoughRuns ? 3 : 2);
    expect(v.headline.startsWith({ pass: '✅', warn: '⚠️', fail: '❌' }[status])).toBe(true);
    if (regressed && !enoughRuns) expect(v.reasons.join(' ')).toContain('not enforced');
    if (status === 'warn') expect(v.reasons.join(' ')).toMatch(/fail-on is (budget|regression|never)|not enforced/);
  });
});

describe('budgets', () => {
  test('a tie with the budget is not exceeded; just above is', () => {
    const at = computeVerdict({ energyWh: 5, gatedGCo2e: 2, cpuSeconds: 1, terms: termsOf(2), settings: { ...base, budgetGCo2e: 2, budgetWh: 5 }, baseline: [] });
    expect(at.budget).toEqual([
      { metric: 'gco2e', limit: 2, actual: 2, exceeded: false },
      { metric: 'energy-wh', limit: 5, actual: 5, exceeded: false },
    ]);
    expect(at.status).toBe('pass');
    const above = computeVerdict({ energyWh: 5.0001, gatedGCo2e: 2, cpuSeconds: 1, terms: termsOf(2), settings: { ...base, budgetGCo2e: 2, budgetWh: 5 }, baseline: [] });
    expect(above.budget?.map((b) => b.exceeded)).toEqual([false, true]);
    expect(above.failBuild).toBe(true);
    expect(above.reasons[0]).toContain('budget-wh');
  });

  test('no budget and no baseline: pass, no budget or regression fields', () => {
    const v = computeVerdict({ energyWh: 100, gatedGCo2e: 100, cpuSeconds: 100, terms: termsOf(100), settings: { ...base, failOn: 'any' }, baseline: [] });
    expect(v).toMatchObject({ status: 'pass', failBuild: false, reasons: [] });
    expect(v.budget).toBeUndefined();
    expect(v.regression).toBeUndefined();
  });
});

describe('regression rule boundaries', () => {
  const window = [rec(10), rec(10), rec(10)]; // median 10; no spread, so the floor: bound 11.6073
  const run = (current: number, settings: Partial<VerdictSettings> = {}, records = window) =>
    computeVerdict({ energyWh: 0, gatedGCo2e: current, cpuSeconds: 0, terms: termsOf(current), settings: { ...base, failOn: 'regression', ...settings }, baseline: records });

  test('above max-increase but under the prediction bound is noise; above both is a regression', () => {
    expect(run(11.6).regression).toMatchObject({ median: 10, threshold: 11, flagged: false });
    expect(run(11.6).regression?.predictedHigh).toBeCloseTo(11.6073, 4);
    expect(run(11.61).regression?.flagged).toBe(true);
    expect(run(11.61).failBuild).toBe(true);
    expect(run(11.61).reasons[0]).toContain('the most the window');
  });

  test('above the prediction bound but not max-increase above the median is not a regression', () => {
    expect(run(14, { maxIncreasePercent: 40 }).regression?.flagged).toBe(false);
    expect(run(14.01, { maxIncreasePercent: 40 }).regression?.flagged).toBe(true);
  });

  test('a wide window predicts a wide spread', () => {
    const wide = [rec(8), rec(10), rec(14)]; // median 10, bound 42.0977
    const v = run(40, {}, wide);
    expect(v.regression).toMatchObject({ median: 10, spreadLow: 8, spreadHigh: 14, flagged: false, band: 'alarm' });
    expect(v.regression?.predictedHigh).toBeCloseTo(42.0977, 2);
    expect(v.regression?.deltaPercent).toBeCloseTo(300, 10);
    expect(v.status).toBe('pass');
    expect(run(42.1, {}, wide).regression?.flagged).toBe(true);
  });

  test('max-increase empty: the delta is reported but never flagged', () => {
    const v = run(100, { maxIncreasePercent: null });
    expect(v.regression).toMatchObject({ flagged: false, enforced: false, band: 'alarm', threshold: null });
    expect(v.regression?.deltaPercent).toBeCloseTo(900, 10);
    expect(v.status).toBe('pass');
  });

  test('min-baseline-runs equal to the window size enforces; one more does not', () => {
    expect(run(20, { minBaselineRuns: 3 }).failBuild).toBe(true);
    const v = run(20, { minBaselineRuns: 4 });
    expect(v.failBuild).toBe(false);
    expect(v.status).toBe('warn');
    expect(v.regression?.enforced).toBe(false);
  });

  test('improvement: negative delta, band better', () => {
    const v = run(8);
    expect(v.regression?.deltaPercent).toBeCloseTo(-20, 10);
    expect(v.regression?.band).toBe('better');
    expect(v.headline).toContain('−20 %');
  });

  test('bands at 10 % and 20 % exactly', () => {
    expect(run(12).regression?.band).toBe('alarm');
    expect(run(11).regression?.band).toBe('warn');
    expect(run(10.5).regression?.band).toBe('ok');
  });
});

describe('compare-on picks the metric', () => {
  // 50 CPU-s over 100 s at 1 Wh per 100 CPU-s and 36 W: 0.5 + 1 = 1.5 Wh; at PUE 1 and 1000 g/kWh, 1.5 g.
  const factors = { ...WORK_ONLY_FACTORS, workWhPerCpuSecond: 0.01, timeWatts: 36 };
  const window = [1, 2, 3].map((i) => rec(10, { runId: String(i), cpuSeconds: 50, durationSeconds: 100 }));
  test.each([
    ['gco2e', 75, 200, 2.75, true],
    ['energy-wh', 75, 200, 2.75, true],
    ['cpu-seconds', 75, 200, 75, true],
    ['cpu-seconds', 50, 200, 50, false],
    ['gco2e', 50, 104, 1.54, false],
  ] as Array<[CompareMetric, number, number, number, boolean]>)('%s: %p CPU-s over %p s → %p', (compareOn, cpuSeconds, durationSeconds, expectedCurrent, flagged) => {
    const terms = gateTermsFixture({ cpuSeconds, durationSeconds, factors });
    const v = computeVerdict({ energyWh: 0, gatedGCo2e: 0, cpuSeconds, terms, settings: { ...base, compareOn, failOn: 'regression' }, baseline: window });
    expect(v.regression?.metric).toBe(compareOn);
    expect(v.regression?.current).toBeCloseTo(expectedCurrent, 10);
    expect(v.regression?.median).toBeCloseTo(compareOn === 'cpu-seconds' ? 50 : 1.5, 10);
    expect(v.regression?.flagged).toBe(flagged);
    expect(v.failBuild).toBe(flagged);
  });
});

describe('degenerate baselines', () => {
  test('zero median: no relative comparison, no crash, no regression', () => {
    const v = computeVerdict({ energyWh: 1, gatedGCo2e: 5, cpuSeconds: 1, terms: termsOf(5), settings: { ...base, failOn: 'any' }, baseline: [rec(0), rec(0), rec(0)] });
    expect(v.regression).toBeUndefined();
    expect(v.failBuild).toBe(false);
    expect(v.reasons.join(' ')).toContain('median of gCO2e is 0');
  });
  test('a single-run window: the floor and the normal quantile (bound 10.867)', () => {
    const v = computeVerdict({ energyWh: 1, gatedGCo2e: 11, cpuSeconds: 1, terms: termsOf(11), settings: { ...base, failOn: 'regression', minBaselineRuns: 1 }, baseline: [rec(10)] });
    expect(v.regression).toMatchObject({ median: 10, spreadLow: 10, spreadHigh: 10, runs: 1, flagged: false, enforced: true });
    const w = computeVerdict({ energyWh: 1, gatedGCo2e: 11.1, cpuSeconds: 1, terms: termsOf(11.1), settings: { ...base, failOn: 'regression', minBaselineRuns: 1 }, baseline: [rec(10)] });
    expect(w.regression?.flagged).toBe(true);
    expect(w.failBuild).toBe(true);
  });
  test('the verdict is JSON-serialisable without loss', () => {
    const v = computeVerdict({ energyWh: 1, gatedGCo2e: 30, cpuSeconds: 1, terms: termsOf(30), settings: { ...base, budgetGCo2e: 3 }, baseline: [rec(10), rec(12)] });
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });
});
