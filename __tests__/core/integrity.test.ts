// The integrity guard: intervals that break physics are skipped and reported, outliers rejected,
// missing lines found by their seq numbers. Oracles are hand-computed with the round-number model of
// the fixtures (2 vCPU, CPU 2 W idle → 10 W at 100 %, RAM 2 W).
import { describe, expect, test } from '@jest/globals';
import { EnergyIntegrator } from '../../src/core/energy.js';
import { SampleGuard, intervalFault } from '../../src/core/integrity.js';
import type { IntegrityReport } from '../../src/core/integrity-types.js';
import type { EnergyResult, Sample } from '../../src/core/types.js';
import { model, sample, type SampleSpec } from '../helpers/fixtures.js';

const J = (wh: number): number => wh * 3600;

/** A sample with its seq number (the tick index). */
const tick = (seq: number, spec: SampleSpec): Sample => ({ ...sample(spec), seq });

/** A steady job: 1 s ticks, machine busy 1 CPU-s/s, tree 0.5 CPU-s/s. */
const steady = (n: number): Sample[] => Array.from({ length: n }, (_, i) => tick(i, { t: i, busy: i, tree: i / 2 }));

function run(samples: Sample[], ticks: number | null = null): { energy: EnergyResult; report: IntegrityReport } {
  const it = new EnergyIntegrator({ model: model(), scope: 'process-tree', intervalSeconds: 1 });
  const guard = new SampleGuard((s, skip) => it.add(s, skip));
  for (const s of samples) guard.push(s);
  const report = guard.end(ticks);
  return { energy: it.result(), report };
}

// Steady case by hand: u_tree = 0.5 / 2 vCPU = 0.25 → CPU 2 + 0.25 × 8 = 4 W, RAM 2 W → 6 J per second.
describe('SampleGuard', () => {
  test('a clean file passes untouched: every sample accepted, nothing skipped or missing', () => {
    const { energy, report } = run(steady(5), 5);
    expect(report).toMatchObject({ samplesRead: 5, accepted: 5, rejectedSamples: 0, skippedIntervals: 0, missingSamples: 0 });
    expect(J(energy.totalWh)).toBeCloseTo(24, 9);
    expect(energy.durationSeconds).toBe(4);
  });

  test('one line with monoS +1 day is rejected, not integrated (it once turned 2.67 Wh into 242 Wh)', () => {
    const s = steady(5);
    s[2] = { ...s[2], monoS: s[2].monoS + 86_400 };
    const { energy, report } = run(s, 5);
    expect(report.rejectedSamples).toBe(1);
    expect(report.rejected[0]).toMatchObject({ seq: 2, reason: 'clocks disagree' });
    expect(report.skippedIntervals).toBe(0);
    // Samples 1 → 3 are integrated as one 2 s interval: the same 24 J and 4 s as the clean file.
    expect(J(energy.totalWh)).toBeCloseTo(24, 9);
    expect(energy.durationSeconds).toBeCloseTo(4, 9);
  });

  test('a monotonic clock that jumps back and stays there: one interval skipped, every later sample kept', () => {
    // From t = 3 on, monoS is 500 s lower (and the wall clock is not): the step persists.
    const s = steady(8).map((x, i) => (i >= 3 ? { ...x, monoS: x.monoS - 500 } : x));
    const { energy, report } = run(s, 8);
    expect(report.rejectedSamples).toBe(0);
    expect(report.skippedIntervals).toBe(1);
    expect(report.skipped[0]).toEqual({ fromS: 2, toS: 3, reason: 'clock went backwards' });
    expect(report.accepted).toBe(8);
    // 7 intervals, one skipped → 6 s × 6 J.
    expect(J(energy.totalWh)).toBeCloseTo(36, 9);
    expect(energy.durationSeconds).toBeCloseTo(6, 9);
    expect(energy.gaps.map((g) => g.reason)).toEqual(['skipped: clock went backwards']);
  });

  test('a wall clock stepped by an hour (NTP): the interval across the step is skipped and reported', () => {
    const s = steady(6).map((x, i) => (i >= 4 ? { ...x, wallMs: x.wallMs + 3_600_000 } : x));
    const { report } = run(s);
    expect(report.skipped).toEqual([{ fromS: 3, toS: 3604, reason: 'clocks disagree' }]);
  });

  test('a single line whose machine counters went down is rejected as an outlier', () => {
    const s = steady(5);
    s[2] = tick(2, { t: 2, busy: 0.5, tree: 1 });
    const { energy, report } = run(s);
    expect(report.rejected.map((r) => r.reason)).toEqual(['counter went down']);
    expect(J(energy.totalWh)).toBeCloseTo(24, 9);
  });

  test('tree counters that drop and stay lower: the drop is skipped and tree CPU is the sum of positive deltas', () => {
    // tree 0, 0.5, 1, then drops to 0.2 and rises 0.5 per second again: 0.2, 0.7, 1.2.
    const trees = [0, 0.5, 1, 0.2, 0.7, 1.2];
    const s = trees.map((tr, i) => tick(i, { t: i, busy: i, tree: tr }));
    const { energy, report } = run(s);
    expect(report.skipped).toEqual([{ fromS: 2, toS: 3, reason: 'counter went down' }]);
    // Positive deltas: 0.5 + 0.5 + (skipped) + 0.5 + 0.5 = 2.0 (last − first would say 1.2).
    expect(energy.treeCpuSeconds).toBeCloseTo(2, 12);
  });

  test('more CPU than cores × time in one line is rejected', () => {
    const s = steady(5);
    // 2 logical CPUs over 1 s: at most 2.75 CPU-s with the slack; this line claims 50.
    s[2] = tick(2, { t: 2, busy: 52, tree: 1 });
    const { report } = run(s);
    expect(report.rejected).toEqual([{ atS: 2, seq: 2, reason: 'more CPU than cores × time' }]);
  });

  test('reordered and duplicated lines are rejected; the integration equals the clean file', () => {
    const s = steady(5);
    const shuffled = [s[0], s[1], s[3], s[2], s[3], s[4]];
    const { energy, report } = run(shuffled, 5);
    expect(report.rejectedSamples).toBe(2);
    expect(report.rejected.map((r) => r.reason)).toEqual(['clock went backwards', 'clock went backwards']);
    expect(J(energy.totalWh)).toBeCloseTo(24, 9);
  });

  test('missing lines are found by seq: how many and where, including a tail the marker counted', () => {
    const s = steady(10).filter((x) => ![3, 4, 5].includes(x.seq as number)).slice(0, 6); // seqs 0 1 2 6 7 8
    const { report } = run(s, 10);
    expect(report.missing).toEqual([
      { fromSeq: 3, toSeq: 5, atS: 2 },
      { fromSeq: 9, toSeq: 9, atS: 8 },
    ]);
    expect(report.missingSamples).toBe(4);
  });

  test('a file emptied mid-job: the head is missing from seq 0', () => {
    const s = steady(10).slice(7);
    const { report } = run(s, 10);
    expect(report.missing).toEqual([{ fromSeq: 0, toSeq: 6, atS: 0 }]);
  });

  test('a file emptied with nothing written after it: every tick the marker counted is missing', () => {
    const { report } = run([], 12);
    expect(report.missing).toEqual([{ fromSeq: 0, toSeq: 11, atS: 0 }]);
    expect(report.missingSamples).toBe(12);
    expect(run([], null).report.missingSamples).toBe(0);
  });
});

describe('intervalFault', () => {
  const a = sample({ t: 0, busy: 0, tree: 0 });
  test.each<[string, Sample, string | null]>([
    ['a normal second', sample({ t: 1, busy: 1, tree: 0.5 }), null],
    ['the same instant', sample({ t: 0, busy: 0, tree: 0 }), 'clock went backwards'],
    ['machine total going down', { ...sample({ t: 1, busy: 1 }), cpu: { busySeconds: 1, totalSeconds: -1, logicalCpus: 2 } }, 'counter went down'],
    ['RAPL going down', sample({ t: 1, busy: 1, rapl: { packageJoules: -5 } }), null],
    ['tree beyond the cores', sample({ t: 1, busy: 1, tree: 4 }), 'more CPU than cores × time'],
    ['total not advancing over 10 s', sample({ t: 10, busy: 1, total: 0.5 }), 'machine CPU time did not advance with the clock'],
  ])('%s', (_what, b, expected) => {
    expect(intervalFault(a, b)).toBe(expected);
  });

  test('RAPL energy that goes down between two readings is a counter fault', () => {
    const x = sample({ t: 0, busy: 0, rapl: { packageJoules: 100 } });
    expect(intervalFault(x, sample({ t: 1, busy: 1, rapl: { packageJoules: 90 } }))).toBe('counter went down');
  });
});
