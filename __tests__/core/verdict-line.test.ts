import { describe, expect, test } from '@jest/globals';
import { baselineName, verdictLine } from '../../src/core/report/verdict-line.js';
import { computeVerdict, type VerdictSettings } from '../../src/core/verdict.js';
import { baselineRecord, gateTermsFixture, runResult } from '../helpers/run-result-fixture.js';

const gate: VerdictSettings = { budgetGCo2e: null, budgetWh: null, maxIncreasePercent: 10, failOn: 'any', minBaselineRuns: 3, compareOn: 'gco2e' };

/** A run of `grams` (energy 2 Wh per g) with the verdict computed by the real gate. */
function run(grams: number, over: Partial<VerdictSettings> = {}, window: number[] = []) {
  const settings = { ...gate, ...over };
  const records = window.map((g, i) => baselineRecord(i, g));
  const verdict = computeVerdict({ energyWh: grams * 2, gatedGCo2e: grams, cpuSeconds: grams * 40, terms: gateTermsFixture({ cpuSeconds: grams * 40 }), settings, baseline: records });
  const r = runResult({
    verdict,
    baseline: { records, status: window.length ? 'found' : 'none' },
    emissions: { ...runResult().emissions, gatedGCo2e: grams, totalGCo2e: grams },
    energy: { ...runResult().energy, totalWh: grams * 2 },
  });
  return verdictLine(r, settings);
}

describe('verdictLine', () => {
  test('the example of the issue: budget, headroom and the delta vs main', () => {
    expect(run(0.0036, { budgetGCo2e: 5 }, [0.0038, 0.0039, 0.0037, 0.0040, 0.0035])).toBe('✅ 3.6 mg CO2e — 0.072 % of the 5 g budget, 5 g headroom; −0.2 mg (−5.3 %) vs main (5 runs)');
  });
  test('over budget: how far over', () => {
    expect(run(6.2, { budgetGCo2e: 5 })).toBe('❌ 6.2 g CO2e — 124 % of the 5 g budget, 1.2 g over; no baseline yet');
  });
  test('an energy budget leads with the energy too', () => {
    expect(run(0.01, { budgetWh: 0.1, maxIncreasePercent: null })).toBe('✅ 10 mg CO2e, 20 mWh — 20 % of the 100 mWh budget, 80 mWh headroom');
  });
  test('nothing gates: measured only', () => {
    expect(run(0.0036, { maxIncreasePercent: null })).toBe('ℹ️ Measured only: no budget or baseline set — 3.6 mg CO2e');
    expect(run(0.0036)).toBe('ℹ️ Measured only: no baseline yet to compare with — 3.6 mg CO2e');
  });
  test('a flagged regression is said in words, and whether it is enforced', () => {
    expect(run(2, {}, [1, 1, 1])).toBe('❌ 2 g CO2e — +1 g (+100 %) vs main (3 runs), a regression');
    expect(run(2, { failOn: 'budget' }, [1, 1, 1])).toBe('⚠️ 2 g CO2e — +1 g (+100 %) vs main (3 runs), a regression (not enforced)');
  });
  test('not measured', () => {
    const r = runResult({ energy: { ...runResult().energy, samples: 1 } });
    expect(verdictLine(r, { maxIncreasePercent: null })).toBe('⚠️ Not measured: 1 sample recorded, too few for a figure; nothing was gated');
  });
  test('baseline name: the branch when the window is of one branch', () => {
    expect(baselineName([baselineRecord(1, 1), baselineRecord(2, 1)])).toBe('main');
    expect(baselineName([baselineRecord(1, 1), baselineRecord(2, 1, { ref: 'refs/heads/release' })])).toBe('the baseline');
    expect(baselineName([baselineRecord(1, 1, { ref: 'refs/heads/<x>' })])).toBe('the baseline');
  });
  test('never exponent notation', () => {
    expect(run(1.2e-9, { budgetGCo2e: 5 }, [1e-9, 1.1e-9, 1.3e-9])).not.toMatch(/\de[-+]?\d/);
  });
});
