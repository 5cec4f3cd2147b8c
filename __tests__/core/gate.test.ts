// The gate's pure parts: contention seconds from scheduler counters, the split of the gated amount
// into terms, pricing at other factors, the prediction bound and the drivers line. Oracles are worked
// by hand in the comments (and, for the t bounds, with scipy.stats.t.ppf).
import { describe, expect, test } from '@jest/globals';
import { measureContention } from '../../src/core/gate/contention.js';
import { codeSeconds, gateTerms, priceAt, slowdownOf } from '../../src/core/gate/terms.js';
import { logSpread, predictedHigh, regressionRule, tQuantile } from '../../src/core/gate/rule.js';
import { compareWithWindow, driversLine, factorChanges } from '../../src/core/gate/compare.js';
import type { BaselineRecord, Emissions, PowerModel, Sample } from '../../src/core/types.js';
import { baselineRecord, gateTermsFixture, runResult, WORK_ONLY_FACTORS } from '../helpers/run-result-fixture.js';

interface Tick {
  t: number;
  tree: number;
  on?: number;
  delay?: number;
  steal?: number;
  total?: number;
  cpus?: number;
  psi?: number;
}
const sample = (k: Tick): Sample => ({
  v: 1,
  monoS: k.t,
  wallMs: k.t * 1000,
  cpu: { busySeconds: 0, totalSeconds: k.total ?? k.t * (k.cpus ?? 2), logicalCpus: k.cpus ?? 2, ...(k.steal !== undefined ? { stealSeconds: k.steal } : {}) },
  mem: { totalBytes: 1, availableBytes: 1 },
  tree: { cpuSeconds: k.tree, rssBytes: 1, processes: 1, method: 'procfs' },
  ...(k.on !== undefined ? { contention: { onCpuSeconds: k.on, runDelaySeconds: k.delay ?? 0, tasks: 1, ...(k.psi !== undefined ? { pressureSomeSeconds: k.psi, pressureScope: 'machine' as const } : {}) } } : {}),
});
const pair = (a: Tick, b: Tick) => measureContention([sample(a), sample(b)]);

describe('contention seconds per interval (2 CPUs, 1 s)', () => {
  test('one task sharing a CPU with a foreign hog: half the interval was the runner', () => {
    // on 0.5, wait 0.5: runnable the whole second; alone it needs 0.5 s.
    expect(pair({ t: 0, tree: 0, on: 0, delay: 0 }, { t: 1, tree: 0.5, on: 0.5, delay: 0.5 }).contentionSeconds).toBeCloseTo(0.5, 12);
  });
  test("four tasks of the tree on two CPUs, alone: the wait is the tree's own parallelism, not contention", () => {
    expect(pair({ t: 0, tree: 0, on: 0, delay: 0 }, { t: 1, tree: 2, on: 2, delay: 2 }).contentionSeconds).toBeCloseTo(0, 12);
  });
  test('four tasks and two foreign hogs on two CPUs: the tree got 4/6 of 2 CPUs; alone it needs 1.333/2 s', () => {
    expect(pair({ t: 0, tree: 0, on: 0, delay: 0 }, { t: 1, tree: 4 / 3, on: 4 / 3, delay: 8 / 3 }).contentionSeconds).toBeCloseTo(1 / 3, 12);
  });
  test('a sleeping tree: nothing to explain (sleep counts as the code’s)', () => {
    expect(pair({ t: 0, tree: 0, on: 0, delay: 0 }, { t: 1, tree: 0, on: 0, delay: 0 }).contentionSeconds).toBe(0);
  });
  test('busy half the interval at half speed, then asleep: 0.25 s', () => {
    expect(pair({ t: 0, tree: 0, on: 0, delay: 0 }, { t: 1, tree: 0.25, on: 0.25, delay: 0.25 }).contentionSeconds).toBeCloseTo(0.25, 12);
  });
  test('20 % steal under a task that ran the whole second: 0.2 s (steal 0.4 of 2 CPU-s)', () => {
    const r = pair({ t: 0, tree: 0, on: 0, delay: 0, steal: 0, total: 0 }, { t: 1, tree: 0.8, on: 0.8, delay: 0, steal: 0.4, total: 1.6 });
    expect(r.stealSeconds).toBeCloseTo(0.2, 12);
    expect(r.contentionSeconds).toBeCloseTo(0.2, 12);
  });
  test('the sampled main threads’ wait per CPU-second is scaled to the whole tree (worker threads, reaped children)', () => {
    // Tree CPU 1.0 s (two threads), main thread on 0.5 s and waiting 0.5 s: w = 1.0; R = 2, k = 2: 1 − 1/2.
    const r = pair({ t: 0, tree: 0, on: 0, delay: 0 }, { t: 1, tree: 1, on: 0.5, delay: 0.5 });
    expect(r.runDelaySeconds).toBeCloseTo(1, 12);
    expect(r.contentionSeconds).toBeCloseTo(0.5, 12);
  });
  test("the tree's clock-tick rounding does not pile up: 4 intervals of 0.25 s, 0.07 s on CPU and 0.18 s waiting each", () => {
    // Tree CPU in 10 ms ticks reads 0.08, 0.14, 0.22, 0.28 (rounding up, then down); schedstat 0.07 per interval.
    const ticks = [0, 0.08, 0.14, 0.22, 0.28];
    const r = measureContention(ticks.map((tree, i) => sample({ t: i * 0.25, tree, on: i * 0.07, delay: i * 0.18 })));
    expect(r.contentionSeconds).toBeCloseTo(4 * (0.25 - 0.07), 12);
  });
  test('a wait booked one sample late is not clipped away: one CPU-bound task, 0.5 s on CPU per 1 s interval', () => {
    // Run delay booked 0.4, 0.6, 0.45, 0.55 (shortfall first) and 0.6, 0.4 (excess first): always Σ delay.
    const run = (delays: number[]) => {
      let delay = 0;
      return measureContention([0, ...delays].map((d, i) => sample({ t: i, tree: i * 0.5, on: i * 0.5, delay: (delay += d) })));
    };
    expect(run([0.4, 0.6, 0.45, 0.55]).contentionSeconds).toBeCloseTo(2, 12);
    expect(run([0.6, 0.4]).contentionSeconds).toBeCloseTo(1, 12);
  });
  test('intervals add up; pressure is the difference of its totals; no scheduler counters: null run delay, no contention', () => {
    const r = measureContention([
      sample({ t: 0, tree: 0, on: 0, delay: 0, psi: 10 }),
      sample({ t: 1, tree: 0.5, on: 0.5, delay: 0.5, psi: 10.4 }),
      sample({ t: 2, tree: 1.5, on: 1.5, delay: 0.5, psi: 10.5 }),
      sample({ t: 4, tree: 1.5, on: 1.5, delay: 0.5, psi: 10.5 }),
    ]);
    expect(r.contentionSeconds).toBeCloseTo(0.5, 12);
    expect(r.runDelaySeconds).toBeCloseTo(0.5, 12);
    expect(r.pressureSomeSeconds).toBeCloseTo(0.5, 12);
    expect(r.pressureScope).toBe('machine');
    expect(r.coveredSeconds).toBe(4);
    expect(r.runnableSeconds).toBeCloseTo(2, 12);
    const none = measureContention([sample({ t: 0, tree: 0 }), sample({ t: 1, tree: 1 })]);
    expect(none).toMatchObject({ contentionSeconds: 0, runDelaySeconds: null, pressureSomeSeconds: null, coveredSeconds: 0 });
  });
});

describe('terms of the gated amount', () => {
  // 4 vCPU, 2 W idle, 10 W max, 10 GB × 0.4 W/GB. 100 s, tree 50 CPU-s (util 0.125): CPU 3 W avg → 300 J;
  // RAM 400 J. Idle CPU 200 J; work 100 J (2 W per CPU-s × 50); time 600 J (6 W). PUE 1.2, 500 g/kWh.
  const model: PowerModel = { id: 'ccf', label: 'test model', vcpus: 4, cpu: { kind: 'linear', idleWatts: 2, maxWatts: 10 }, memoryGb: 10, memoryWattsPerGb: 0.4, pue: 1.2, sources: [], notes: [] };
  const energy = { ...runResult().energy, durationSeconds: 100, treeCpuSeconds: 50, machineCpuSeconds: 80, remainderCpuSeconds: 30, cpuWh: 300 / 3600, ramWh: 400 / 3600, gpuWh: 0, totalWh: 700 / 3600 };
  const emissions: Emissions = { operationalGCo2e: (0.7 / 3600) * 1.2 * 500, embodiedGCo2e: 0.05, totalGCo2e: (0.7 / 3600) * 600 + 0.05, gatedGCo2e: (0.7 / 3600) * 600 + 0.05, intensity: { gCo2ePerKwh: 500, location: 'country:FR', source: 'OWID', kind: 'country', status: { status: 'modelled' } }, pue: 1.2 };
  const contention = { contentionSeconds: 20, runDelaySeconds: 25, stealSeconds: 1, pressureSomeSeconds: null, pressureScope: null, coveredSeconds: 100, runnableSeconds: 90 };
  const t = gateTerms(energy, model, emissions, contention, true);

  test('work = CPU above idle, time = idle CPU + memory, factors as rates', () => {
    expect(t.workWh).toBeCloseTo(100 / 3600, 12);
    expect(t.timeWh).toBeCloseTo(600 / 3600, 12);
    expect(t.factors.workWhPerCpuSecond).toBeCloseTo(2 / 3600, 12);
    expect(t.factors.timeWatts).toBeCloseTo(6, 12);
    expect(t.factors.embodiedGPerHour).toBeCloseTo(1.8, 12);
    expect(t.factors).toMatchObject({ pue: 1.2, gCo2ePerKwh: 500, includeEmbodied: true, model: 'test model', grid: 'country:FR (OWID)' });
    expect(t).toMatchObject({ cpuSeconds: 50, durationSeconds: 100, contentionSeconds: 20, runnableSeconds: 90 });
    expect(t.signals).toEqual({ runDelaySeconds: 25, stealSeconds: 1, pressureSomeSeconds: null, foreignCpuSeconds: 30 });
  });

  test('priced at its own factors and duration, the run gives back its own totals', () => {
    const p = priceAt(50, 100, t.factors);
    expect(p.energyWh).toBeCloseTo(700 / 3600, 12);
    expect(p.gCo2e).toBeCloseTo(emissions.gatedGCo2e, 12);
    // 0.7/3600 kWh × 600 g/kWh = 0.116667 g, + 0.05 g embodied
    expect(p.gCo2e).toBeCloseTo(0.1666667, 6);
  });

  test("the code's wall time and the runner slowdown", () => {
    expect(codeSeconds(t)).toBe(80);
    // Runnable 90 s of which 20 s contention: 90 / 70.
    expect(slowdownOf(t)).toBeCloseTo(90 / 70, 12);
    // Without the runnable time (older records) the wall time stands for it: 100 / 80.
    expect(slowdownOf({ durationSeconds: 100, contentionSeconds: 20 })).toBeCloseTo(1.25, 12);
    // A sleep does not make the runner look faster: 15 s runnable, 10 s of it contention → 3×, whatever the wall time.
    expect(slowdownOf({ durationSeconds: 30, contentionSeconds: 10, runnableSeconds: 15 })).toBeCloseTo(3, 12);
    expect(slowdownOf({ durationSeconds: 10, contentionSeconds: 10, runnableSeconds: 10 })).toBe(1);
  });

  test('machine scope: the work is the machine’s CPU-seconds', () => {
    const m = gateTerms({ ...energy, scope: 'machine' }, model, emissions, null, false);
    expect(m.cpuSeconds).toBe(80);
    expect(m.factors.includeEmbodied).toBe(false);
    expect(m.contentionSeconds).toBe(0);
    expect(m.signals.foreignCpuSeconds).toBeNull();
  });
});

describe('prediction bound (97.5 %, log scale, floor 0.03)', () => {
  test('t quantiles', () => {
    expect(tQuantile(4)).toBe(2.7764);
    expect(tQuantile(0)).toBe(1.96);
    expect(tQuantile(200)).toBe(2.0096);
  });
  test('bounds worked with scipy', () => {
    expect(predictedHigh([10, 10, 10, 10, 10])).toBeCloseTo(10.9554, 3);
    expect(predictedHigh([100, 102, 98, 101, 99])).toBeCloseTo(109.5426, 2);
    expect(predictedHigh([9, 10, 11])).toBeCloseTo(16.4108, 2);
    expect(predictedHigh([10, 0])).toBeNull();
    expect(logSpread([10])).toBe(0);
    expect(logSpread([10, 10 * Math.E])).toBeCloseTo(Math.SQRT1_2, 12);
  });
  test('both conditions', () => {
    const w = [100, 102, 98, 101, 99];
    expect(regressionRule(109, w, 5)).toMatchObject({ median: 100, threshold: 105, flagged: false });
    expect(regressionRule(109.6, w, 5).flagged).toBe(true);
    expect(regressionRule(109.6, w, 10).flagged).toBe(false);
    expect(regressionRule(109.6, w, null)).toMatchObject({ threshold: null, flagged: false });
  });
});

describe('like with like', () => {
  // Reference factors: 1 Wh per 100 CPU-s, 36 W of time power, PUE 1, 1000 g/kWh → 10 mg per CPU-s and 10 mg per s.
  const ref = { ...WORK_ONLY_FACTORS, workWhPerCpuSecond: 0.01, timeWatts: 36, model: 'A', grid: 'eastus2 (CCF)' };
  const recWith = (i: number, cpu: number, dur: number, cont: number): BaselineRecord =>
    baselineRecord(i, 1, { cpuSeconds: cpu, durationSeconds: dur, terms: gateTermsFixture({ cpuSeconds: cpu, durationSeconds: dur, contentionSeconds: cont, factors: ref }) });
  const window = [recWith(1, 100, 100, 0), recWith(2, 100, 110, 10), recWith(3, 100, 90, 0)];

  test('a run on a dirtier grid and another model is priced at the baseline’s, and the change is reported', () => {
    const own = { ...ref, gCo2ePerKwh: 2000, pue: 1.5, model: 'B', grid: 'country:PL (OWID)' };
    const r = compareWithWindow(gateTermsFixture({ cpuSeconds: 100, durationSeconds: 100, factors: own }), window, 'gco2e');
    // At the reference: 100 × 0.01 + 100 × 0.01 = 2 g; every window run (code time 100, 100, 90) → 2, 2, 1.9.
    expect(r.current).toBeCloseTo(2, 12);
    expect(r.window.map((x) => Number(x.toFixed(9)))).toEqual([2, 2, 1.9]);
    // At its own factors: 2 Wh × 1.5 × 2 g/Wh = 6 g.
    expect(r.comparison.ownValue).toBeCloseTo(6, 12);
    expect(r.comparison.changes).toEqual([
      'model B (baseline: A)',
      'grid country:PL (OWID), 2000 gCO2e/kWh, PUE 1.5 (baseline: eastus2 (CCF), 1000 gCO2e/kWh, PUE 1)',
    ]);
    expect(r.comparison.drivers).toBe('CPU work ±0 %, wall time ±0 % (runner as fast), model and grid changed (not counted)');
  });

  test('a slower runner: wall time explained by contention is not counted', () => {
    // 200 s of which 100 s contention: code time 100 s → 2 g, as the window's median.
    const r = compareWithWindow(gateTermsFixture({ cpuSeconds: 100, durationSeconds: 200, contentionSeconds: 100, factors: ref }), window, 'gco2e');
    expect(r.current).toBeCloseTo(2, 12);
    expect(r.comparison.slowdown).toBe(2);
    // window durations 100, 110, 90 (median 100), slowdowns 1, 1.1, 1 (median 1)
    expect(r.comparison.drivers).toBe('CPU work ±0 %, wall time +100 % (runner 100 % slower), same grid');
  });

  test('more work leads the line (the larger relative change); a sleep leads with wall time', () => {
    const more = compareWithWindow(gateTermsFixture({ cpuSeconds: 184, durationSeconds: 196, contentionSeconds: 56, factors: ref }), window, 'gco2e');
    // CPU +84 % against code time 140 vs median 100 (+40 %); slowdown 196/140 = 1.4
    expect(more.comparison.drivers).toBe('CPU work +84 %, wall time +96 % (runner 40 % slower), same grid');
    const sleep = compareWithWindow(gateTermsFixture({ cpuSeconds: 101, durationSeconds: 200, contentionSeconds: 0, factors: ref }), window, 'gco2e');
    expect(sleep.comparison.drivers).toBe('Wall time +100 % (runner as fast), CPU work +1 %, same grid');
    expect(sleep.current).toBeCloseTo(1.01 + 2, 12);
  });

  test('legacy records (no terms) are priced from CPU-seconds and duration, without a contention figure', () => {
    const legacy = baselineRecord(9, 5, { cpuSeconds: 100, durationSeconds: 100 });
    const r = compareWithWindow(gateTermsFixture({ cpuSeconds: 100, durationSeconds: 100, factors: ref }), [legacy], 'energy-wh');
    expect(r.window).toEqual([2]);
    expect(r.comparison.legacyRecords).toBe(1);
  });

  test('factorChanges: equal factors → no change', () => {
    expect(factorChanges(ref, { ...ref })).toEqual({ model: null, grid: null });
  });

  test('driversLine faster runner', () => {
    const pts = [{ cpuSeconds: 10, durationSeconds: 10, contentionSeconds: 0 }];
    expect(driversLine({ cpuSeconds: 10, durationSeconds: 8, contentionSeconds: 0 }, pts, -0.2, { model: false, grid: true })).toBe('Wall time −20 % (runner 20 % faster), CPU work ±0 %, grid changed (not counted)');
  });
});
