// Each model kind on its own, behind the one interface (ModelKind.build), with literal oracles: the
// figures are the data rows' own values (quoted from data/*.csv) and sums done by hand, not the
// implementation's formulas. A made-up provider row shows that the provider's constants are passed in.
import { describe, expect, test } from '@jest/globals';
import { ccfCloud, widestProvider } from '../../src/core/model/ccf-cloud.js';
import { ecociKind } from '../../src/core/model/ecoci.js';
import { githubHostedKind } from '../../src/core/model/github-hosted.js';
import type { ModelCall } from '../../src/core/model/model-kind.js';
import type { ModelSettings } from '../../src/core/model/settings.js';
import { instanceRow, providerRow, type CloudProviderRow } from '../../src/core/model/tables.js';
import { tdpKind } from '../../src/core/model/tdp.js';
import type { HardwareFacts, PowerModel } from '../../src/core/types.js';
import { factsOf, tables } from './helpers.js';

const NO_SETTINGS: ModelSettings = {
  powerModel: 'auto',
  cpuWattsIdle: null,
  cpuWattsMax: null,
  tdpWatts: null,
  cloudProvider: null,
  instanceType: null,
  region: null,
  country: null,
  carbonIntensityGPerKwh: null,
};

const callOf = (facts: HardwareFacts = factsOf(), settings: Partial<ModelSettings> = {}): ModelCall => ({ facts, settings: { ...NO_SETTINGS, ...settings }, tables: tables(), sources: [], notes: [] });

const linear = (m: PowerModel): [number, number] => {
  if (m.cpu.kind !== 'linear') throw new Error('expected a linear curve');
  return [m.cpu.idleWatts, m.cpu.maxWatts];
};

/** A provider that is in no table: its PUE, fallback coefficients and memory rule come only from this row. */
const ACME: CloudProviderRow = {
  id: 'acme',
  name: 'Acme Cloud',
  pue: 1.25,
  avgMinWattsPerVcpu: 1,
  avgMaxWattsPerVcpu: 5,
  averageKind: 'average',
  avgGbPerChip: null,
  memoryRule: 'all',
  instancePrefixes: [],
  source: 'test row',
  pueSource: 'test PUE',
};

describe('CCF cloud kind', () => {
  test('AWS m5.large: Skylake row × 2 vCPU, CCF memory rule, AWS PUE, embodied 2/96 of the host', () => {
    const call = callOf();
    const row = instanceRow(call.tables, 'aws', 'm5.large')!;
    const m = ccfCloud.build(call, { provider: providerRow(call.tables, 'aws')!, instance: row, origin: 'test' });
    // cpu-coefficients.csv aws,Skylake: 0.6129888539040325 / 4.104170352960531 W per vCPU
    expect(linear(m)[0]).toBeCloseTo(1.225977707808065, 12);
    expect(linear(m)[1]).toBeCloseTo(8.208340705921062, 12);
    // 8 GiB − 2 vCPU × 75.09995781995782 GiB/chip × 2 chips / 96 platform vCPUs = 8 − 3.129164909164909
    expect(m.memoryGb).toBeCloseTo(4.870835090835091, 12);
    expect(m.pue).toBe(1.135);
    expect(m.provider).toBe('aws');
    expect(m.embodied).toEqual(expect.objectContaining({ totalKgCo2e: 1610.79, instanceVcpus: 2, familyMaxVcpus: 96 }));
    expect(m.sources.find((s) => s.what === 'instance type')?.source).toBe('test; CCF instance data (data/instance-types-aws.csv)');
  });

  test('a provider row passed in: its PUE, its fallback W per vCPU for an unknown CPU, all memory', () => {
    const call = callOf(factsOf({ cpuModel: 'Acme Hyper CPU 9000', runnerEnvironment: 'self-hosted' }));
    const m = ccfCloud.build(call, { provider: ACME, origin: 'test' });
    expect(linear(m)).toEqual([4, 20]);
    expect(m.memoryGb).toBe(16);
    expect(m.pue).toBe(1.25);
    expect(m.provider).toBe('acme');
    expect(m.label).toBe('CCF Acme Cloud per-vCPU model (Acme Cloud average)');
    expect(call.cpuDefaulted).toMatch(/CCF's Acme Cloud average per-vCPU coefficients/);
    expect(m.embodied).toBeUndefined();
  });

  test('a provider without coefficient rows borrows the first provider (file order) that has the microarchitecture', () => {
    const call = callOf(factsOf({ runnerEnvironment: 'self-hosted' }));
    const m = ccfCloud.build(call, { provider: ACME, origin: 'test' });
    // aws,EPYC 3rd Gen: 0.45562453497023814 / 1.957333519345238 W per vCPU, × 4
    expect(linear(m)[0]).toBeCloseTo(1.8224981398809526, 12);
    expect(linear(m)[1]).toBeCloseTo(7.829334077380952, 12);
    expect(m.notes.join('\n')).toMatch(/CCF has no Acme Cloud row for EPYC 3rd Gen; the AWS row is used/);
  });

  test('without a cloud: the widest coefficient table (AWS, 21 rows), no PUE, no provider', () => {
    const call = callOf(factsOf({ runnerEnvironment: 'self-hosted' }));
    expect(widestProvider(call.tables).id).toBe('aws');
    const m = ccfCloud.build(call, {});
    expect(linear(m)[0]).toBeCloseTo(1.8224981398809526, 12);
    expect(m.pue).toBe(1);
    expect(m.provider).toBeUndefined();
    expect(m.memoryGb).toBe(16);
  });
});

describe('TDP kind', () => {
  test('tdp-watts 100: 10 W idle → 100 W at full load, the PUE passed in', () => {
    const m = tdpKind.build(callOf(factsOf(), { tdpWatts: 100 }), { pue: { value: 1.3, source: 'test' } });
    expect(linear(m)).toEqual([10, 100]);
    expect(m.pue).toBe(1.3);
    expect(m.memoryGb).toBe(16);
    expect(m.memoryWattsPerGb).toBe(0.392);
  });

  test('a CPU in no table: 4 W per logical CPU (CodeCarbon default), flagged defaulted; no PUE on-prem', () => {
    const call = callOf(factsOf({ cpuModel: 'Mystery CPU', logicalCpus: 4 }));
    const m = tdpKind.build(call, {});
    expect(linear(m)).toEqual([1.6, 16]);
    expect(m.pue).toBe(1);
    expect(call.cpuDefaulted).toMatch(/not in CodeCarbon's TDP table/);
  });
});

describe('Eco CI kind', () => {
  test('the 21-point curve of data/ecoci-github-4vcpu.csv, 4/128 of 1151.7 kg embodied, PUE 1, no memory term', () => {
    const m = ecociKind.build(callOf(), {});
    if (m.cpu.kind !== 'points') throw new Error('expected points');
    expect(m.cpu.points.length).toBe(21);
    expect(m.cpu.points[0]).toEqual([0, 1.7586170434951782]);
    expect(m.cpu.points[20]).toEqual([1, 8.179628372192383]);
    expect(m.embodied).toEqual(expect.objectContaining({ totalKgCo2e: 1151.7, instanceVcpus: 4, familyMaxVcpus: 128 }));
    expect([m.pue, m.memoryWattsPerGb, m.provider, m.microarchitecture]).toEqual([1, 0, 'azure', 'EPYC 3rd Gen']);
  });
});

describe('GitHub-hosted kind', () => {
  test('ubuntu-latest (EPYC 7763, 4 vCPU, 16 GiB): Azure EPYC 3rd Gen row, memory above the 96-vCPU platform share, Das v4 embodied', () => {
    const m = githubHostedKind.build(callOf(), {});
    // azure,EPYC 3rd Gen: 0.44538981119791665 / 2.0193277994791665 W per vCPU, × 4
    expect(linear(m)[0]).toBeCloseTo(1.7815592447916666, 12);
    expect(linear(m)[1]).toBeCloseTo(8.077311197916666, 12);
    // 16 − 4 vCPU × 128 GiB/chip × 1 chip / 96 = 16 − 5.333333333333333
    expect(m.memoryGb).toBeCloseTo(10.666666666666668, 12);
    expect(m.sources.find((s) => s.what === 'memory')?.source).toContain("/ 96 platform vCPUs; platform = largest Dadsv5/Dpsv6 size (Azure docs); 1 chip(s): CCF's count for EPYC 3rd Gen)");
    expect(m.pue).toBe(1.185);
    expect(m.embodied).toEqual(expect.objectContaining({ totalKgCo2e: 1560.79, instanceVcpus: 4, familyMaxVcpus: 96 }));
    expect(m.notes.join('\n')).toMatch(/the runner SKU \(Dadsv5\/Dadsv6, inferred\) has no CCF embodied row; the CCF Azure D2as – D96as v4 family \(2–96 vCPU/);
  });

  test('an 8-core arm64 larger runner: its own arm64 profile row names the m6g stand-in (1333.12 kg × 8/64)', () => {
    const m = githubHostedKind.build(callOf(factsOf({ cpuModel: 'Neoverse-N2', arch: 'arm64', logicalCpus: 8, memoryGb: 32 })), {});
    expect(m.embodied).toEqual(expect.objectContaining({ totalKgCo2e: 1333.12, instanceVcpus: 8, familyMaxVcpus: 64 }));
    expect(m.sources.find((s) => s.what === 'runner profile')?.value).toMatch(/larger 8-core.*Cobalt 100/);
  });

  test('no profile, a GPU: the runner-SKU row NC4as T4 v3 (platform = its family, 64 vCPU; no stand-in note)', () => {
    const m = githubHostedKind.build(callOf(factsOf({ logicalCpus: 6, memoryGb: 20, gpus: ['Tesla T4'] })), {});
    expect(m.embodied).toEqual(expect.objectContaining({ totalKgCo2e: 2349.62, instanceVcpus: 6, familyMaxVcpus: 64 }));
    expect(m.sources.find((s) => s.what === 'memory')?.source).toMatch(/ \/ 64 platform vCPUs; platform = largest NCas_T4_v3 Series size;/);
    expect(m.notes.join('\n')).not.toMatch(/stands in/);
  });

  test('macOS: the TDP model at the hosted provider PUE', () => {
    const m = githubHostedKind.build(callOf(factsOf({ os: 'darwin', arch: 'arm64', cpuModel: 'Apple M1 (Virtual)', logicalCpus: 3, memoryGb: 7 })), {});
    expect(m.id).toBe('tdp');
    expect(m.pue).toBe(1.185);
    expect(m.sources.find((s) => s.what === 'PUE')?.source).toMatch(/^Azure \(GitHub hosts macOS runners in Azure data centres\)/);
  });
});
