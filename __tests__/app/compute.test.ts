// computeRun is pure: the verdict of a run from what integrate measured. Never green on no data: too few
// valid samples or an emptied file give "Not measured" whatever the budget says; require-measurement fails it.
import { describe, expect, test } from '@jest/globals';
import { computeRun } from '../../src/app/compute.js';
import type { RunInfo } from '../../src/app/run-info.js';
import { publicSettings } from '../../src/app/run-info.js';
import { EnergyIntegrator } from '../../src/core/energy.js';
import { ContentionAccumulator } from '../../src/core/gate/contention.js';
import { SampleGuard } from '../../src/core/integrity.js';
import { ModelBandTracker } from '../../src/core/model/band.js';
import type { CompletionMarker, Sample } from '../../src/core/types.js';
import { model, runResult, sample } from '../helpers/fixtures.js';
import { factsOf, settingsOf, tables } from '../model/helpers.js';

const tick = (seq: number): Sample => ({ ...sample({ t: seq, busy: seq, tree: seq / 2 }), seq });
const marker = (ticks: number): CompletionMarker => ({ reason: 'sigterm', samples: ticks, samplerCpuSeconds: 0.1, samplerMaxRssBytes: 1, endedWallMs: 0, ticks });

function compute(samples: Sample[], m: CompletionMarker | null, inputs: Record<string, string>) {
  const settings = settingsOf({ 'carbon-intensity': '400', ...inputs });
  const it = new EnergyIntegrator({ model: model(), scope: 'process-tree', intervalSeconds: 1 });
  const band = new ModelBandTracker({ models: [], skipped: [] }, 'process-tree', 1);
  const contention = new ContentionAccumulator();
  const guard = new SampleGuard((s, skip) => {
    it.add(s, skip);
    contention.add(s, skip);
  });
  for (const s of samples) guard.push(s);
  const integrity = guard.end(m?.ticks ?? null);
  const seqs = samples.map((s) => s.seq as number);
  const info: RunInfo = { v: 1, settings: publicSettings(settings), facts: factsOf(), job: runResult().job, rootPid: 1, samplerPid: 2, samplerScript: 's', startedWallMs: 0, startedMonoS: 0 };
  return computeRun({
    info,
    settings,
    facts: factsOf(),
    tables: tables(),
    model: model(),
    live: null,
    energy: it.result(),
    band,
    contention,
    stats: { lines: samples.length, skippedLines: 0, outOfOrder: 0 },
    integrity,
    samplesPresent: true,
    coveredTicks: seqs.length ? Math.max(...seqs) - Math.min(...seqs) + 1 : null,
    partial: false,
    warnings: [],
    marker: m,
    baseline: { records: [], status: 'disabled' },
    nowMs: 0,
    serverUrl: undefined,
    fileNames: {},
  }).result;
}

describe('computeRun', () => {
  test('one valid sample: Not measured, not a pass and not a budget failure; the build is not failed', () => {
    const r = compute([tick(0)], marker(1), { 'budget-gco2e': '0.000001' });
    expect(r.verdict.status).toBe('not-measured');
    expect(r.verdict.failBuild).toBe(false);
    expect(r.quality.notMeasured).toBe('only 1 valid sample (at least 2 are needed)');
  });

  test('with require-measurement: true the same run fails the build', () => {
    const r = compute([tick(0)], marker(1), { 'require-measurement': 'true' });
    expect(r.verdict.status).toBe('not-measured');
    expect(r.verdict.failBuild).toBe(true);
  });

  test('a file emptied after 20 of 30 ticks: Not measured, naming the coverage', () => {
    const r = compute([tick(20), tick(21), tick(22)], marker(30), {});
    expect(r.quality.notMeasured).toBe("the readable samples cover 3 of the sampler's 30 ticks: the samples file was emptied or truncated");
    expect(r.quality.integrity?.missingSamples).toBe(27);
  });

  test('a complete run is judged by the gate: 10 s at 6 W is 60 J, under a 1 g budget it passes', () => {
    const r = compute(Array.from({ length: 11 }, (_, i) => tick(i)), marker(11), { 'budget-gco2e': '1' });
    expect(r.verdict.status).toBe('pass');
    expect(r.quality.notMeasured).toBeUndefined();
    expect(r.energy.totalWh * 3600).toBeCloseTo(60, 9);
  });
});
