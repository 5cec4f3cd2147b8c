// Per-component provenance: stored with its reason, and the Components and Model sections of the
// summary render the same status for every component, whatever the case.
import { describe, expect, test } from '@jest/globals';
import { computeEmissions } from '../../src/core/emissions.js';
import { EnergyIntegrator } from '../../src/core/energy.js';
import { resolveIntensity } from '../../src/core/model/intensity.js';
import { selectModel } from '../../src/core/model/select.js';
import { componentProvenance } from '../../src/core/provenance.js';
import { renderModelSection } from '../../src/core/report/model-section.js';
import { renderSummary } from '../../src/core/report/summary.js';
import type { HardwareFacts, RunResult, Sample } from '../../src/core/types.js';
import { runResult } from '../helpers/run-result-fixture.js';
import { factsOf, settingsOf, tables, traceSamples } from '../model/helpers.js';

interface Case {
  inputs: Record<string, string>;
  facts: HardwareFacts;
  /** Adds RAPL counters and/or GPU readings to the synthetic samples. */
  extra?: (s: Sample, i: number) => Sample;
}

function run(c: Case): { result: RunResult; summary: string } {
  const t = tables();
  const settings = settingsOf(c.inputs);
  const model = selectModel({ facts: c.facts, settings, tables: t });
  const it = new EnergyIntegrator({ model, scope: settings.scope, intervalSeconds: 1 });
  traceSamples([0.2, 0.5, 0.1, 0.4], 1, model.vcpus).forEach((s, i) => it.add(c.extra ? c.extra(s, i) : s));
  const energy = it.result();
  const intensity = resolveIntensity({ settings, model, facts: c.facts, tables: t });
  const emissions = computeEmissions(energy, model, intensity, settings.includeEmbodied);
  const provenance = componentProvenance(model, energy, intensity);
  const result = runResult({ model, energy, emissions, provenance });
  const summary = renderSummary(result, { chart: 'none', modelSection: renderModelSection(model, intensity, emissions, energy, provenance) });
  return { result, summary };
}

/** The status word in one table's row for a component (the first word of its last cell). */
function statusIn(md: string, section: string, rowLabel: RegExp): string {
  const part = md.slice(md.indexOf(section));
  const line = part.split('\n').find((l) => rowLabel.test(l));
  if (!line) throw new Error(`no row ${rowLabel} in ${section}`);
  const cells = line.split(' | ');
  return /^(measured|modelled|defaulted|none)/.exec(cells[cells.length - 1].replace(/ \|$/, ''))?.[1] ?? `?${line}`;
}

const rapl = (s: Sample, i: number): Sample => ({ ...s, rapl: { packageJoules: 30 * i, dramJoules: 5 * i } });
const naGpu = (s: Sample): Sample => ({ ...s, gpu: [{ index: 0, name: 'Tesla T4', watts: null, utilPercent: 40, memoryUsedMiB: 1, memoryTotalMiB: 15360, vendor: 'nvidia' }] });

const cases: Array<[string, Case, { cpu: string; memory: string; gpu: string }]> = [
  ['hosted runner, CCF rows', { inputs: {}, facts: factsOf() }, { cpu: 'modelled', memory: 'modelled', gpu: 'none' }],
  ['unknown CPU, provider average', { inputs: {}, facts: factsOf({ cpuModel: 'Mystery CPU 9000' }) }, { cpu: 'defaulted', memory: 'modelled', gpu: 'none' }],
  ['on-prem unknown CPU, TDP default', { inputs: {}, facts: factsOf({ cpuModel: 'Mystery CPU 9000', runnerEnvironment: 'self-hosted' }) }, { cpu: 'defaulted', memory: 'modelled', gpu: 'none' }],
  ['RAPL readable', { inputs: {}, facts: factsOf({ runnerEnvironment: 'self-hosted' }), extra: rapl }, { cpu: 'measured', memory: 'measured', gpu: 'none' }],
  ['GPU without power', { inputs: {}, facts: factsOf({ gpus: ['Tesla T4'] }), extra: naGpu }, { cpu: 'modelled', memory: 'modelled', gpu: 'modelled' }],
  ['cpu-watts inputs over an unknown CPU', { inputs: { 'cpu-watts-idle': '1', 'cpu-watts-max': '3' }, facts: factsOf({ cpuModel: 'Mystery CPU 9000' }) }, { cpu: 'modelled', memory: 'modelled', gpu: 'none' }],
];

describe('component provenance', () => {
  test.each(cases)('%s: stored with a reason; Components and Model agree', (_name, c, want) => {
    const { result, summary } = run(c);
    const p = result.provenance!;
    expect({ cpu: p.cpu.status, memory: p.memory.status, gpu: p.gpu.status }).toEqual(want);
    for (const k of ['cpu', 'memory', 'gpu', 'embodied', 'pue', 'intensity'] as const) expect(p[k].reason.length).toBeGreaterThan(5);
    expect(statusIn(summary, '| Component | Energy', /^\| CPU \|/)).toBe(want.cpu);
    expect(statusIn(summary, '### Model', /^\| CPU \|/)).toBe(want.cpu);
    expect(statusIn(summary, '| Component | Energy', /^\| Memory \|/)).toBe(want.memory);
    expect(statusIn(summary, '### Model', /^\| Memory \|/)).toBe(want.memory);
    if (want.gpu !== 'none') {
      expect(statusIn(summary, '| Component | Energy', /^\| GPU /)).toBe(want.gpu);
      expect(statusIn(summary, '### Model', /^\| GPU ×/)).toBe(want.gpu);
    }
  });

  test('a defaulted CPU says why; the status is stored data, not read back from the label', () => {
    const { result } = run(cases[1][1]);
    expect(result.provenance!.cpu.reason).toMatch(/microarchitecture unknown .*Mystery CPU 9000.*Azure average/);
    // a label that merely mentions "defaulted" changes nothing
    const model = { ...result.model, label: 'defaulted-looking label', defaulted: undefined };
    expect(componentProvenance(model, result.energy, result.emissions.intensity).cpu.status).toBe('modelled');
  });

  test('PUE and intensity: a fallback is defaulted, a known place is modelled', () => {
    const onPrem = run({ inputs: {}, facts: factsOf({ runnerEnvironment: 'self-hosted' }) }).result.provenance!;
    expect(onPrem.pue.status).toBe('defaulted');
    expect(onPrem.intensity.status).toBe('defaulted');
    const fr = run({ inputs: { country: 'FR' }, facts: factsOf() }).result.provenance!;
    expect(fr.pue).toEqual({ status: 'modelled', reason: '1.185: CCF app AzureFootprintEstimationConstants.ts @ b7a049c (Apache-2.0)' });
    expect(fr.intensity.status).toBe('modelled');
  });
});

describe('typed fields, not labels', () => {
  test('the intensity status comes from GridIntensity.status, whatever its display location says', () => {
    const r = runResult();
    const model = r.model;
    const world = { ...r.emissions.intensity, location: 'world', kind: 'country' as const, status: { status: 'modelled' as const } };
    expect(componentProvenance(model, r.energy, world).intensity.status).toBe('modelled');
    const named = { ...r.emissions.intensity, location: 'country:FRA', kind: 'world' as const, status: { status: 'defaulted' as const } };
    expect(componentProvenance(model, r.energy, named).intensity.status).toBe('defaulted');
  });

  test('the region found by instance metadata is a typed field of the model, and places the run', () => {
    const t = tables();
    const facts = factsOf({ runnerEnvironment: 'self-hosted' });
    const settings = settingsOf({});
    const model = selectModel({ facts, settings, tables: t, cloud: { provider: 'gcp', region: 'Europe-West1', instanceType: null, source: 'GCP metadata' } });
    expect(model.region).toEqual({ provider: 'gcp', name: 'europe-west1', from: 'instance-metadata', source: 'GCP metadata' });
    const g = resolveIntensity({ settings, model, facts, tables: t, live: null });
    expect(g).toMatchObject({ kind: 'region', place: { cloudProvider: 'gcp', cloudRegion: 'europe-west1' }, status: { status: 'modelled' } });
  });
});
