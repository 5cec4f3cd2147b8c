// "Not measured": never a pass on no data. And the integrity warnings' wording (how many, where).
import { describe, expect, test } from '@jest/globals';
import { integrityWarnings, notMeasuredReason, notMeasuredVerdict, type MeasurementFacts } from '../../src/core/measurement.js';
import type { IntegrityReport } from '../../src/core/integrity-types.js';

const ok: MeasurementFacts = { samplerStarted: true, samplesFilePresent: true, validSamples: 30, ticks: 30, coveredTicks: 30 };

describe('notMeasuredReason', () => {
  test('a complete run is measured', () => {
    expect(notMeasuredReason(ok)).toBeNull();
  });
  test.each<[string, Partial<MeasurementFacts>, RegExp]>([
    ['sampler never started', { samplerStarted: false, samplesFilePresent: false, validSamples: 0 }, /never started/],
    ['samples file deleted', { samplesFilePresent: false, validSamples: 0 }, /samples\.jsonl\) is missing/],
    ['no valid sample', { validSamples: 0 }, /only 0 valid samples/],
    ['one valid sample', { validSamples: 1 }, /only 1 valid sample \(/],
    ['file emptied: 10 of 30 ticks readable', { validSamples: 10, coveredTicks: 10 }, /cover 10 of the sampler's 30 ticks/],
    ['file emptied, one line written after it', { validSamples: 1, coveredTicks: 1 }, /cover 1 of the sampler's 30 ticks: the samples file was emptied or truncated/],
    ['file emptied, nothing written after it', { validSamples: 0, coveredTicks: null }, /cover 0 of the sampler's 30 ticks: the samples file was emptied or truncated/],
    ['too few ticks to tell coverage: the sample count decides', { validSamples: 1, ticks: 3, coveredTicks: 1 }, /only 1 valid sample \(/],
  ])('%s → not measured', (_what, over, why) => {
    expect(notMeasuredReason({ ...ok, ...over })).toMatch(why);
  });
  test('half the ticks readable still counts as measured (the limit is strictly less than half)', () => {
    expect(notMeasuredReason({ ...ok, validSamples: 15, coveredTicks: 15 })).toBeNull();
  });
  test('write failures inside the span do not count against it (ticks 2..29 covered, 5 valid lines)', () => {
    expect(notMeasuredReason({ ...ok, validSamples: 5, coveredTicks: 28 })).toBeNull();
  });
  test('old files without seq numbers or marker counts fall back to the sample count', () => {
    expect(notMeasuredReason({ ...ok, ticks: null, coveredTicks: null, validSamples: 2 })).toBeNull();
  });
});

describe('notMeasuredVerdict', () => {
  test('warns by default: never passed, never failed', () => {
    const v = notMeasuredVerdict('only 0 valid samples', false);
    expect(v.status).toBe('not-measured');
    expect(v.failBuild).toBe(false);
    expect(v.headline).toBe('⚠️ Not measured: only 0 valid samples');
    expect(v.headline).not.toMatch(/Passed/);
    expect(v.reasons.join(' ')).toMatch(/require-measurement: true/);
  });
  test('require-measurement makes it fail the build', () => {
    const v = notMeasuredVerdict('the sampler never started', true);
    expect(v.failBuild).toBe(true);
    expect(v.reasons[0]).toMatch(/require-measurement is true/);
  });
});

describe('integrityWarnings', () => {
  const empty: IntegrityReport = { samplesRead: 10, accepted: 10, rejected: [], skipped: [], missing: [], missingSamples: 0, rejectedSamples: 0, skippedIntervals: 0 };
  test('nothing wrong: no warning', () => {
    expect(integrityWarnings(empty, null)).toEqual([]);
  });
  test('missing lines: how many and where', () => {
    const w = integrityWarnings({ ...empty, missing: [{ fromSeq: 3, toSeq: 5, atS: 2 }, { fromSeq: 9, toSeq: 9, atS: 8 }], missingSamples: 4 }, null);
    expect(w).toEqual(['4 sample line(s) the sampler took are missing from samples.jsonl (lost, truncated or emptied): #3–#5 at 2 s, #9 at 8 s.']);
  });
  test('write failures are named apart from lost lines', () => {
    const w = integrityWarnings({ ...empty, missing: [{ fromSeq: 3, toSeq: 5, atS: 2 }], missingSamples: 3 }, { count: 3, error: 'ENOSPC' });
    expect(w).toEqual(['The sampler could not write 3 sample line(s) (ENOSPC); those intervals are a gap, measured across from the samples on either side.']);
  });
  test('rejected samples and skipped intervals, with their reasons and times', () => {
    const w = integrityWarnings(
      {
        ...empty,
        rejected: [{ atS: 4, seq: 4, reason: 'clocks disagree' }],
        rejectedSamples: 1,
        skipped: [{ fromS: 2, toS: 3, reason: 'counter went down' }],
        skippedIntervals: 1,
      },
      null,
    );
    expect(w).toEqual([
      '1 sample(s) were rejected as inconsistent with their neighbours and not used: 1 (clocks disagree) at 4 s.',
      '1 interval(s) break physics and were skipped, not integrated: 2 s to 3 s (counter went down).',
    ]);
  });
});
