// The model band: the other published models on the same samples, with hand-computed oracles.
import { describe, expect, test } from '@jest/globals';
import { bandModels, bandText, codecarbonCpuCurve, codecarbonRamWatts, ModelBandTracker } from '../../src/core/model/band.js';
import { computeEmissions } from '../../src/core/emissions.js';
import { resolveIntensity } from '../../src/core/model/intensity.js';
import { selectModel } from '../../src/core/model/select.js';
import { cpuWatts } from '../../src/core/power.js';
import { EnergyIntegrator } from '../../src/core/energy.js';
import type { HardwareFacts, ModelBand } from '../../src/core/types.js';
import { constant, factsOf, relClose, settingsOf, tables, traceSamples } from './helpers.js';

function band(facts: HardwareFacts, inputs: Record<string, string>, utils: number[], step: number) {
  const t = tables();
  const settings = settingsOf(inputs);
  const model = selectModel({ facts, settings, tables: t });
  const it = new EnergyIntegrator({ model, scope: settings.scope, intervalSeconds: step });
  const tracker = new ModelBandTracker(bandModels({ model, facts, settings, tables: t, scope: settings.scope }), settings.scope, step);
  for (const s of traceSamples(utils, step, model.vcpus)) {
    it.add(s);
    tracker.add(s);
  }
  const energy = it.result();
  const intensity = resolveIntensity({ settings, model, facts, tables: t });
  const emissions = computeEmissions(energy, model, intensity, settings.includeEmbodied);
  return { model, emissions, band: tracker.result({ model, energy, emissions }) };
}

describe('CodeCarbon rules', () => {
  test("RAM: 5 W per DIMM from a DIMM count by size, DIMMs 5–8 at 90 %, at least 10 W (CodeCarbon's own examples)", () => {
    expect(codecarbonRamWatts(8, false)).toBe(10);
    expect(codecarbonRamWatts(16, false)).toBe(10);
    expect(codecarbonRamWatts(32, false)).toBe(20);
    expect(codecarbonRamWatts(64, false)).toBe(20);
    expect(codecarbonRamWatts(128, false)).toBe(38);
    expect(codecarbonRamWatts(1, false)).toBe(10);
    expect(codecarbonRamWatts(16, true)).toBe(3);
    expect(codecarbonRamWatts(200, false)).toBeNull();
  });
  test('CPU: machine mode TDP × (0.1 + 0.9 u³), process mode TDP × u', () => {
    expect(cpuWatts(codecarbonCpuCurve(100, 'machine'), 0.5)).toBeCloseTo(21.25, 12);
    expect(cpuWatts(codecarbonCpuCurve(100, 'machine'), 0)).toBeCloseTo(10, 12);
    expect(cpuWatts(codecarbonCpuCurve(100, 'machine'), 1)).toBeCloseTo(100, 12);
    expect(cpuWatts(codecarbonCpuCurve(100, 'process-tree'), 0.3)).toBeCloseTo(30, 12);
  });
});

describe('model band', () => {
  test('GitHub-hosted EPYC 7763, 4 vCPU, 16 GiB, 50 % for 1 h in eastus2: Eco CI low, CodeCarbon RAM high', () => {
    const { band: b, emissions } = band(factsOf(), { region: 'azure:eastus2' }, constant(0.5, 60), 60);
    const byId = Object.fromEntries(b.members.map((m) => [m.id, m]));
    expect(Object.keys(byId).sort()).toEqual(['ccf', 'codecarbon-ram', 'ecoci-github-4vcpu']);
    // selected (METHODOLOGY §8): 9.1107685546875 Wh → 5.9484899950670975 g
    expect(byId.ccf!.selected).toBe(true);
    relClose(byId.ccf!.totalGCo2e, 5.9484899950670975);
    // CodeCarbon RAM rule: 16 GiB → 2 DIMMs → 10 W instead of 4.1813 W: 4.929435221354167 + 10 = 14.929435221354167 Wh
    relClose(byId['codecarbon-ram']!.energyWh, 14.929435221354167);
    relClose(byId['codecarbon-ram']!.totalGCo2e, 8.562216238347098); // × 1.185 × 379.069 + 1.8559622336377473
    // Eco CI at 50 %: its anchor 5.16406512260437 W, whole slice, no memory term
    relClose(byId['ecoci-github-4vcpu']!.energyWh, 5.16406512260437);
    relClose(byId['ecoci-github-4vcpu']!.totalGCo2e, 4.1756435809609584);
    expect(b.lowGCo2e).toBe(byId['ecoci-github-4vcpu']!.totalGCo2e);
    expect(b.highGCo2e).toBe(byId['codecarbon-ram']!.totalGCo2e);
    expect(b.lowGCo2e).toBeLessThanOrEqual(emissions.totalGCo2e);
    expect(emissions.totalGCo2e).toBeLessThanOrEqual(b.highGCo2e);
    expect(b.skipped.join('\n')).toMatch(/CodeCarbon TDP rule: it charges the whole CPU package to a cloud VM slice/);
    expect(bandText(emissions.totalGCo2e, b)).toBe('5.95 g CO2e (model band 4.18 g–8.56 g)'); // METHODOLOGY §5.1
  });

  test('on-prem, unknown CPU: CCF lowest and highest rows and CodeCarbon process mode; Eco CI does not apply', () => {
    const facts = factsOf({ cpuModel: 'Mystery CPU 9000', runnerEnvironment: 'self-hosted', logicalCpus: 8, memoryGb: 32 });
    const { band: b, emissions, model } = band(facts, {}, [0.1, 0.9, 0.4, 0.0], 10);
    expect(model.id).toBe('tdp');
    expect(b.members.map((m) => m.id)).toEqual(['tdp', 'ccf-min', 'ccf-max', 'codecarbon']);
    expect(b.lowGCo2e).toBeLessThanOrEqual(emissions.totalGCo2e);
    expect(emissions.totalGCo2e).toBeLessThanOrEqual(b.highGCo2e);
    expect(b.skipped.join('\n')).toMatch(/Eco CI curve: for a GitHub-hosted 4-vCPU x64 runner/);
    // CodeCarbon process mode: 4 W × 8 threads = 32 W TDP × u, RAM 32 GiB → 20 W; mean u = 0.35 over 40 s
    // → (32 × 0.35 + 20) W × 40 s = 1248 J = 0.3466666666666667 Wh
    relClose(b.members.find((m) => m.id === 'codecarbon')!.energyWh, 0.3466666666666667);
  });

  test('low ≤ selected ≤ high whatever the trace, for several machines', () => {
    const machines = [factsOf(), factsOf({ logicalCpus: 2, memoryGb: 8 }), factsOf({ runnerEnvironment: 'self-hosted' }), factsOf({ arch: 'arm64', cpuModel: 'Neoverse-N2' })];
    for (const f of machines) {
      for (const utils of [constant(0, 5), constant(1, 5), [0.2, 0.7, 0.05, 0.9]]) {
        const { band: b, emissions } = band(f, {}, utils, 1);
        expect(b.lowGCo2e).toBeLessThanOrEqual(emissions.totalGCo2e);
        expect(emissions.totalGCo2e).toBeLessThanOrEqual(b.highGCo2e);
      }
    }
  });

  test('bandText: the selected figure with the band', () => {
    const b: ModelBand = { lowGCo2e: 0.011, highGCo2e: 0.027, lowWh: 0, highWh: 0, members: [], skipped: [] };
    expect(bandText(0.0155, b)).toBe('15.5 mg CO2e (model band 11 mg–27 mg)');
  });
});
