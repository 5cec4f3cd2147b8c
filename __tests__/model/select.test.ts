// Every branch of model selection, on the shipped tables, and every bad-input error.
import { describe, expect, test } from '@jest/globals';
import { selectModel, modelRegion } from '../../src/core/model/select.js';
import { InputError } from '../../src/settings/inputs.js';
import { ModelSettingError } from '../../src/core/model/settings.js';
import { asInputError } from '../../src/app/model-inputs.js';
import { cpuWatts } from '../../src/core/power.js';
import type { PowerModel } from '../../src/core/types.js';
import { factsOf, settingsOf, tables } from './helpers.js';

const perVcpu = (m: PowerModel): [number, number] => {
  if (m.cpu.kind !== 'linear') throw new Error('expected a linear curve');
  return [m.cpu.idleWatts / m.vcpus, m.cpu.maxWatts / m.vcpus];
};
const notes = (m: PowerModel): string => m.notes.join('\n');
const src = (m: PowerModel, what: string): string | undefined => m.sources.find((s) => s.what === what)?.value;

/** The model throws a ModelSettingError; the app edge (asInputError) turns it into the InputError users see. */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ModelSettingError);
    const mapped = asInputError(e);
    expect(mapped).toBeInstanceOf(InputError);
    return mapped as InputError;
  }
  throw new Error('expected an InputError');
}

describe('GitHub-hosted runners', () => {
  test('EPYC 7763 → Azure EPYC 3rd Gen row, whole curve = per-vCPU × vCPUs, profile matched, Das v4 embodied stand-in', () => {
    const m = selectModel({ facts: factsOf(), settings: settingsOf(), tables: tables() });
    expect(m.id).toBe('ccf');
    expect(m.provider).toBe('azure');
    expect(m.microarchitecture).toBe('EPYC 3rd Gen');
    expect(perVcpu(m)).toEqual([0.44538981119791665, 2.0193277994791665]);
    expect(m.vcpus).toBe(4);
    expect(m.pue).toBe(1.185);
    expect(m.memoryWattsPerGb).toBe(0.392);
    expect(src(m, 'runner profile')).toMatch(/ubuntu-latest.*public.*4 vCPU, 16 GB/);
    expect(m.embodied).toEqual(expect.objectContaining({ totalKgCo2e: 1560.79, instanceVcpus: 4, familyMaxVcpus: 96 }));
    expect(notes(m)).toMatch(/Dadsv5/);
  });

  test('EPYC 9V74 → EPYC 4th Gen; Azure has no row, so the AWS row is used and said', () => {
    const m = selectModel({ facts: factsOf({ cpuModel: 'AMD EPYC 9V74 80-Core Processor' }), settings: settingsOf(), tables: tables() });
    expect(m.microarchitecture).toBe('EPYC 4th Gen');
    expect(perVcpu(m)).toEqual([0.7391482469512195, 2.282155106707317]);
    expect(notes(m)).toMatch(/no Azure row for EPYC 4th Gen; the AWS row is used/);
  });

  test('unknown CPU → Azure average 0.74/3.54 W per vCPU, flagged as defaulted', () => {
    const m = selectModel({ facts: factsOf({ cpuModel: 'Mystery CPU 9000' }), settings: settingsOf(), tables: tables() });
    expect(perVcpu(m)).toEqual([0.74, 3.54]);
    expect(notes(m)).toMatch(/defaulted/);
  });

  test('private-repo 2-vCPU runner matches its profile; an odd size gets a mismatch note', () => {
    const two = selectModel({ facts: factsOf({ logicalCpus: 2, memoryGb: 7.8 }), settings: settingsOf(), tables: tables() });
    expect(src(two, 'runner profile')).toMatch(/private/);
    expect(two.embodied?.instanceVcpus).toBe(2);
    const odd = selectModel({ facts: factsOf({ logicalCpus: 6, memoryGb: 20 }), settings: settingsOf(), tables: tables() });
    expect(src(odd, 'runner profile')).toBeUndefined();
    expect(notes(odd)).toMatch(/No documented GitHub-hosted runner profile has 6 vCPU/);
  });

  test('arm64 (Neoverse-N2, Cobalt 100) → Graviton3 stand-in row, m6g embodied stand-in', () => {
    const m = selectModel({ facts: factsOf({ cpuModel: 'Neoverse-N2', arch: 'arm64' }), settings: settingsOf(), tables: tables() });
    expect(m.microarchitecture).toBe('Neoverse N2');
    expect(perVcpu(m)).toEqual([0.4742621527777777, 1.6929615162037035]);
    expect(notes(m)).toMatch(/Neoverse N2 is modelled with the CCF Graviton3 row/);
    expect(notes(m)).toMatch(/arm64 runner SKU \(Azure Cobalt 100, inferred\) has no CCF embodied row; the CCF AWS m6g family/);
    expect(m.embodied).toEqual(expect.objectContaining({ totalKgCo2e: 1333.12, familyMaxVcpus: 64 }));
  });

  test('an 8-core arm64 larger runner matches the larger-runner profile but keeps the Arm embodied stand-in', () => {
    const m = selectModel({ facts: factsOf({ cpuModel: 'Neoverse-N2', arch: 'arm64', logicalCpus: 8, memoryGb: 32 }), settings: settingsOf(), tables: tables() });
    expect(src(m, 'runner profile')).toMatch(/larger 8-core/);
    expect(m.embodied).toEqual(expect.objectContaining({ totalKgCo2e: 1333.12, instanceVcpus: 8, familyMaxVcpus: 64 }));
  });

  test('GPU runner: EPYC 7V12 → EPYC 2nd Gen, T4 idle/max from CCF, NC4as T4 v3 embodied', () => {
    const m = selectModel({ facts: factsOf({ cpuModel: 'AMD EPYC 7V12 64-Core Processor', memoryGb: 28, gpus: ['Tesla T4'] }), settings: settingsOf(), tables: tables() });
    expect(m.microarchitecture).toBe('EPYC 2nd Gen');
    expect(m.gpuWatts).toEqual({ 'Tesla T4': { idleWatts: 8, maxWatts: 71 } });
    expect(src(m, 'runner profile')).toMatch(/T4/);
    expect(m.embodied).toEqual(expect.objectContaining({ totalKgCo2e: 2349.62, familyMaxVcpus: 64 }));
  });

  test('macOS runner (Apple M1) → TDP model (10 W from CodeCarbon) with Azure PUE', () => {
    const m = selectModel({ facts: factsOf({ os: 'darwin', arch: 'arm64', cpuModel: 'Apple M1 (Virtual)', logicalCpus: 3, memoryGb: 7 }), settings: settingsOf(), tables: tables() });
    expect(m.id).toBe('tdp');
    expect(cpuWatts(m.cpu, 1)).toBe(10);
    expect(cpuWatts(m.cpu, 0)).toBe(1);
    expect(m.pue).toBe(1.185);
  });

  test('an unknown GPU is noted, not guessed', () => {
    const m = selectModel({ facts: factsOf({ gpus: ['Imaginary GPU X1'] }), settings: settingsOf(), tables: tables() });
    expect(m.gpuWatts).toBeUndefined();
    expect(notes(m)).toMatch(/No CCF power figures for GPU "Imaginary GPU X1"/);
  });
});

describe('inputs override', () => {
  test('cpu-watts-idle/max replace the CPU curve (per vCPU × vCPUs) and keep the rest', () => {
    const m = selectModel({ facts: factsOf(), settings: settingsOf({ 'cpu-watts-idle': '1', 'cpu-watts-max': '5' }), tables: tables() });
    expect(m.id).toBe('custom');
    expect(m.cpu).toEqual({ kind: 'linear', idleWatts: 4, maxWatts: 20 });
    expect(m.pue).toBe(1.185);
    expect(src(m, 'CPU W per vCPU (idle/max)')).toMatch(/^1 \/ 5 × 4 vCPU$/);
  });

  test('tdp-watts with power-model auto → TDP model with that TDP, even on a GitHub runner (Azure PUE)', () => {
    const m = selectModel({ facts: factsOf(), settings: settingsOf({ 'tdp-watts': '120' }), tables: tables() });
    expect(m.id).toBe('tdp');
    expect(m.cpu).toEqual({ kind: 'linear', idleWatts: 12, maxWatts: 120 });
    expect(m.pue).toBe(1.185);
  });

  test('power-model tdp on a GitHub runner: whole-package TDP (EPYC 7763 280 W) with a warning note', () => {
    const m = selectModel({ facts: factsOf(), settings: settingsOf({ 'power-model': 'tdp' }), tables: tables() });
    expect(m.cpu).toEqual({ kind: 'linear', idleWatts: 28, maxWatts: 280 });
    expect(notes(m)).toMatch(/This is a VM: the TDP of the whole CPU package is charged to its 4 vCPUs/);
  });

  test('power-model tdp on an unknown self-hosted CPU → 4 W per thread, flagged defaulted, PUE 1', () => {
    const m = selectModel({ facts: factsOf({ cpuModel: 'Homebrew RISC-V', logicalCpus: 6, runnerEnvironment: 'self-hosted' }), settings: settingsOf({ 'power-model': 'tdp' }), tables: tables() });
    expect(m.cpu).toEqual({ kind: 'linear', idleWatts: 2.4000000000000004, maxWatts: 24 });
    expect(m.label).toMatch(/defaulted/);
    expect(m.pue).toBe(1);
  });

  test('cloud-provider + instance-type win over the GitHub-hosted branch', () => {
    const m = selectModel({ facts: factsOf(), settings: settingsOf({ 'cloud-provider': 'gcp', 'instance-type': 'n2-standard-4' }), tables: tables() });
    expect(m.provider).toBe('gcp');
    expect(m.instanceType).toBe('n2-standard-4');
    expect(m.pue).toBe(1.1);
    expect(perVcpu(m)).toEqual([0.6902978319127387, 3.754854273784877]);
  });

  test('a GCP type with several possible microarchitectures uses the mean of their rows', () => {
    const m = selectModel({ facts: factsOf({ runnerEnvironment: 'self-hosted' }), settings: settingsOf({ 'cloud-provider': 'gcp', 'instance-type': 'e2-standard-2' }), tables: tables() });
    const [idle, max] = perVcpu(m);
    // Skylake, Broadwell, Haswell (no GCP row → AWS), EPYC 2nd Gen
    expect(idle).toBeCloseTo((0.6129888539040325 + 0.7128342245989305 + 1.8573529411764707 + 0.4742621527777777) / 4, 12);
    expect(max).toBeCloseTo((3.8679459262938636 + 3.3857473048128344 + 5.595383986928105 + 1.575187293981481) / 4, 12);
    expect(notes(m)).toMatch(/mean of their CCF rows/);
  });

  test('AWS EPYC 5th Gen (m8a) is modelled with the EPYC 4th Gen row (anomalous upstream row)', () => {
    const m = selectModel({ facts: factsOf({ logicalCpus: 2, memoryGb: 8, runnerEnvironment: 'self-hosted' }), settings: settingsOf({ 'cloud-provider': 'aws', 'instance-type': 'm8a.large' }), tables: tables() });
    expect(perVcpu(m)).toEqual([0.7391482469512195, 2.282155106707317]);
    expect(notes(m)).toMatch(/EPYC 5th Gen is modelled with the CCF EPYC 4th Gen row/);
  });

  test('an instance whose CCF microarchitecture is Unknown uses the machine CPU; vCPU mismatch is noted', () => {
    const m = selectModel({ facts: factsOf({ cpuModel: 'AMD EPYC 7V12 64-Core Processor', logicalCpus: 8, runnerEnvironment: 'self-hosted' }), settings: settingsOf({ 'cloud-provider': 'azure', 'instance-type': 'Standard_NC4as_T4_v3' }), tables: tables() });
    expect(m.microarchitecture).toBe('EPYC 2nd Gen');
    expect(m.vcpus).toBe(4);
    expect(notes(m)).toMatch(/reports 8 logical CPUs, NC4as T4 v3 has 4 vCPUs/);
    expect(notes(m)).toMatch(/1 GPU\(s\) but none was found/);
  });

  test('cloud-provider alone → CCF row of the machine CPU, no embodied (noted)', () => {
    const m = selectModel({ facts: factsOf({ cpuModel: 'Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz', runnerEnvironment: 'self-hosted', logicalCpus: 8 }), settings: settingsOf({ 'cloud-provider': 'aws' }), tables: tables() });
    expect(m.microarchitecture).toBe('Ice Lake');
    expect(perVcpu(m)).toEqual([0.766796875, 3.7582031249999996]);
    expect(m.embodied).toBeUndefined();
    expect(notes(m)).toMatch(/embodied emissions are not estimated; set instance-type/);
  });

  test('power-model ccf on an on-prem box → AWS table row of its CPU, PUE 1, no provider', () => {
    const m = selectModel({ facts: factsOf({ cpuModel: 'Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz', runnerEnvironment: 'self-hosted' }), settings: settingsOf({ 'power-model': 'ccf' }), tables: tables() });
    expect(m.id).toBe('ccf');
    expect(m.microarchitecture).toBe('Ice Lake');
    expect(m.provider).toBeUndefined();
    expect(m.pue).toBe(1);
  });
});

describe('self-hosted cloud and on-prem', () => {
  test('instance metadata: known instance type → its CCF row, and the region is recorded for intensity', () => {
    const m = selectModel({
      facts: factsOf({ cpuModel: 'Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz', runnerEnvironment: 'self-hosted' }),
      settings: settingsOf({ 'detect-cloud': 'true' }),
      tables: tables(),
      cloud: { provider: 'aws', region: 'eu-west-1', instanceType: 'c5.xlarge', source: 'AWS IMDSv2' },
    });
    expect(m.instanceType).toBe('c5.xlarge');
    expect(m.pue).toBe(1.135);
    expect(modelRegion(m)).toBe('aws:eu-west-1');
  });

  test('instance metadata with an unknown type → machine CPU on the provider table, with a note (no error: not an input)', () => {
    const m = selectModel({
      facts: factsOf({ cpuModel: 'AMD EPYC 7763 64-Core Processor', runnerEnvironment: 'self-hosted' }),
      settings: settingsOf(),
      tables: tables(),
      cloud: { provider: 'azure', region: 'westus3', instanceType: 'Standard_D4ads_v5', source: 'Azure IMDS' },
    });
    expect(m.provider).toBe('azure');
    expect(perVcpu(m)).toEqual([0.44538981119791665, 2.0193277994791665]);
    expect(notes(m)).toMatch(/"Standard_D4ads_v5" from Azure IMDS is not in the CCF instance table/);
  });

  test('a region input on a self-hosted machine selects that provider', () => {
    const m = selectModel({ facts: factsOf({ runnerEnvironment: 'self-hosted' }), settings: settingsOf({ region: 'gcp:europe-west1' }), tables: tables() });
    expect(m.provider).toBe('gcp');
    expect(perVcpu(m)).toEqual([0.45562453497023814, 1.8336855193452382]);
  });

  test('on-prem default: TDP model from the CodeCarbon table (EPYC 7763 = 280 W), linear 10 %→100 %', () => {
    const m = selectModel({ facts: factsOf({ runnerEnvironment: 'self-hosted', logicalCpus: 128 }), settings: settingsOf(), tables: tables() });
    expect(m.id).toBe('tdp');
    expect(m.vcpus).toBe(128);
    expect(cpuWatts(m.cpu, 0)).toBe(28);
    expect(cpuWatts(m.cpu, 1)).toBe(280);
    expect(cpuWatts(m.cpu, 0.5)).toBeCloseTo(154, 12);
    expect(m.embodied).toBeUndefined();
    expect(m.pue).toBe(1);
  });

  test('local CLI run on a laptop CPU with a clock suffix still finds its TDP', () => {
    const m = selectModel({ facts: factsOf({ runnerEnvironment: 'local', cpuModel: 'Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz', logicalCpus: 12 }), settings: settingsOf(), tables: tables() });
    expect(src(m, 'CPU TDP')).toMatch(/^65 W/);
  });
});

describe('memory (CCF rule)', () => {
  test('GitHub runner: only memory above the SPECpower share already in the coefficient is added', () => {
    const m = selectModel({ facts: factsOf(), settings: settingsOf(), tables: tables() });
    // 16 GB − 4 vCPU × 128 GB/chip (Azure EPYC 3rd Gen) × 1 chip / 96 platform vCPU
    expect(m.memoryGb).toBeCloseTo(16 - (4 * 128) / 96, 12);
  });
  test('EPYC 4th Gen runner: AWS row GB/chip, CCF default of 2 sockets for a microarchitecture without socket data', () => {
    const m = selectModel({ facts: factsOf({ cpuModel: 'AMD EPYC 9V74 80-Core Processor' }), settings: settingsOf(), tables: tables() });
    expect(m.memoryGb).toBeCloseTo(16 - (4 * 152.1951219512195 * 2) / 96, 12);
  });
  test('an instance whose memory is inside the SPECpower share adds none (c5.xlarge)', () => {
    const m = selectModel({ facts: factsOf({ runnerEnvironment: 'self-hosted' }), settings: settingsOf({ 'cloud-provider': 'aws', 'instance-type': 'c5.xlarge' }), tables: tables() });
    expect(m.memoryGb).toBe(0);
  });
  test('GCP charges all memory, as CCF does', () => {
    const m = selectModel({ facts: factsOf({ runnerEnvironment: 'self-hosted' }), settings: settingsOf({ 'cloud-provider': 'gcp', 'instance-type': 'n2-standard-4' }), tables: tables() });
    expect(m.memoryGb).toBe(16);
  });
  test('without platform data all memory is charged and the note says so', () => {
    const m = selectModel({ facts: factsOf({ runnerEnvironment: 'self-hosted', memoryGb: 32 }), settings: settingsOf({ 'cloud-provider': 'aws' }), tables: tables() });
    expect(m.memoryGb).toBe(32);
    expect(notes(m)).toMatch(/Host platform unknown: all 32 GiB of memory are charged/);
  });
});

describe('bad inputs', () => {
  test('unknown instance type → InputError naming the nearest valid types', () => {
    const e = inputError(() => selectModel({ facts: factsOf(), settings: settingsOf({ 'cloud-provider': 'aws', 'instance-type': 'm5.xlarg' }), tables: tables() }));
    expect(e.input).toBe('instance-type');
    expect(e.value).toBe('m5.xlarg');
    expect(e.message).toMatch(/nearest: .*m5\.xlarge/);
  });

  test('unknown Azure size lists Azure-style names', () => {
    const e = inputError(() => selectModel({ facts: factsOf(), settings: settingsOf({ 'cloud-provider': 'azure', 'instance-type': 'Standard_D4as_v9' }), tables: tables() }));
    expect(e.message).toMatch(/Standard_D4as_v4/);
  });

  test('instance-type without a provider', () => {
    const e = inputError(() => selectModel({ facts: factsOf(), settings: settingsOf({ 'instance-type': 'm5.large' }), tables: tables() }));
    expect(e.input).toBe('instance-type');
    expect(e.message).toMatch(/cloud-provider/);
  });

  test('instance-type with power-model tdp, and tdp-watts with power-model ccf or ecoci', () => {
    expect(inputError(() => selectModel({ facts: factsOf(), settings: settingsOf({ 'cloud-provider': 'aws', 'instance-type': 'm5.large', 'power-model': 'tdp' }), tables: tables() })).input).toBe('instance-type');
    expect(inputError(() => selectModel({ facts: factsOf(), settings: settingsOf({ 'tdp-watts': '95', 'power-model': 'ccf' }), tables: tables() })).input).toBe('tdp-watts');
    expect(inputError(() => selectModel({ facts: factsOf(), settings: settingsOf({ 'tdp-watts': '95', 'power-model': 'ecoci-github-4vcpu' }), tables: tables() })).input).toBe('tdp-watts');
  });
});
