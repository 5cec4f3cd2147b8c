// Golden tests: hand-computed CCF examples (METHODOLOGY.md §8) reproduced to 1e-9 relative, end to
// end through selection, the energy integrator, intensity and emissions, on the shipped tables.
import { describe, expect, test } from '@jest/globals';
import { selectModel } from '../../src/core/model/select.js';
import { resolveIntensity } from '../../src/core/model/intensity.js';
import { computeEmissions } from '../../src/core/emissions.js';
import { constant, factsOf, integrate, relClose, settingsOf, tables } from './helpers.js';

describe('golden CCF examples', () => {
  test('Azure EPYC 7763 GitHub runner, 4 vCPU, 16 GB, 50 % for 1 h in eastus2', () => {
    const t = tables();
    const facts = factsOf({ cpuModel: 'AMD EPYC 7763 64-Core Processor', logicalCpus: 4, memoryGb: 16, runnerEnvironment: 'github-hosted' });
    const settings = settingsOf({ region: 'azure:eastus2' });
    const model = selectModel({ facts, settings, tables: t });
    // CCF coefficients-azure-use.csv, EPYC 3rd Gen: 0.44538981119791665 / 2.0193277994791665 W per vCPU, 128 GB/chip
    // CPU = 4 × (0.445389811 + 0.5 × (2.019327799 − 0.445389811)) = 4.929435221354167 W
    // RAM (CCF rule) = (16 GB − 4 vCPU × 128 GB/chip × 1 chip / 96 platform vCPU) × 0.392 W/GB
    //               = (16 − 5.333333333333333) × 0.392 = 4.181333333333334 W
    // P = 9.1107685546875 W; E = 9.1107685546875 Wh over 1 h
    const energy = integrate(model, constant(0.5, 60), 60);
    relClose(energy.durationSeconds, 3600);
    relClose(energy.cpuWh, 4.929435221354167);
    relClose(model.memoryGb, 10.666666666666668);
    relClose(energy.ramWh, 4.181333333333334);
    relClose(energy.totalWh, 9.1107685546875);
    const intensity = resolveIntensity({ settings, model, facts, tables: t });
    expect(intensity.location).toBe('azure:eastus2');
    relClose(intensity.gCo2ePerKwh, 379.069);
    const em = computeEmissions(energy, model, intensity, true);
    // operational = 0.0091107685546875 kWh × 1.185 × 379.069 g/kWh = 4.09252776142935 g
    relClose(em.operationalGCo2e, 4.09252776142935);
    // embodied (Das v4 stand-in) = 1560.79 kg × 1000 × 1 h / 35040 h × 4 / 96 = 1.8559622336377473 g
    relClose(em.embodiedGCo2e, 1.8559622336377473);
    relClose(em.totalGCo2e, 5.9484899950670975);
    relClose(em.gatedGCo2e, 5.9484899950670975);
    expect(em.pue).toBe(1.185);
  });

  test('AWS m5.xlarge (Skylake), 25 % for 30 min in us-east-1', () => {
    const t = tables();
    const facts = factsOf({ cpuModel: 'Intel(R) Xeon(R) Platinum 8175M CPU @ 2.50GHz', logicalCpus: 4, memoryGb: 15.4, runnerEnvironment: 'self-hosted' });
    const settings = settingsOf({ 'cloud-provider': 'aws', 'instance-type': 'm5.xlarge', region: 'aws:us-east-1' });
    const model = selectModel({ facts, settings, tables: t });
    expect(model.instanceType).toBe('m5.xlarge');
    expect(model.microarchitecture).toBe('Skylake');
    // coefficients-aws-use.csv Skylake 0.6129888539040325 / 4.104170352960531 W per vCPU, 75.09995781995782 GB/chip
    // CPU = 4 × (min + 0.25 (max − min)) = 5.943136914672628 W
    // RAM = (16 GB − 4 × 75.09995781995782 × 2 chips / 96 platform vCPU (Xeon 8175M host)) × 0.392
    //     = 9.74167018167018 GB × 0.392 = 3.8187347112147108 W
    // E = 9.76187162588734 W × 0.5 h = 4.88093581294367 Wh
    const energy = integrate(model, constant(0.25, 30), 60);
    relClose(energy.cpuWh, 5.943136914672628 / 2);
    relClose(model.memoryGb, 9.74167018167018);
    relClose(energy.totalWh, 4.88093581294367);
    const intensity = resolveIntensity({ settings, model, facts, tables: t });
    const em = computeEmissions(energy, model, intensity, true);
    // operational = 0.00488093581294367 kWh × 1.135 × 379.069 = 2.0999900044631046 g
    relClose(em.operationalGCo2e, 2.0999900044631046);
    // embodied = 1610.79 kg (m5) × 1000 × 0.5 / 35040 × 4 / 96 (m5.24xlarge) = 0.9577090468036529 g
    relClose(em.embodiedGCo2e, 0.9577090468036529);
  });

  test('TDP-only on-prem box: Xeon Platinum 8370C (205 W), 8 CPUs, 32 GB, 30 % for 2 h, country FR', () => {
    const t = tables();
    const facts = factsOf({ cpuModel: 'Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz', logicalCpus: 8, memoryGb: 32, runnerEnvironment: 'self-hosted' });
    const settings = settingsOf({ country: 'FR', scope: 'machine' });
    const model = selectModel({ facts, settings, tables: t });
    expect(model.id).toBe('tdp');
    // CPU = 205 × (0.1 + 0.9 × 0.3) = 75.85 W; RAM = 32 × 0.392 = 12.544 W; E = 88.394 W × 2 h = 176.788 Wh
    const energy = integrate(model, constant(0.3, 120), 60, 'machine');
    relClose(energy.cpuWh, 151.7);
    relClose(energy.totalWh, 176.788);
    const intensity = resolveIntensity({ settings, model, facts, tables: t });
    expect(intensity.location).toBe('country:FRA');
    relClose(intensity.gCo2ePerKwh, 56.039);
    const em = computeEmissions(energy, model, intensity, true);
    // operational = 0.176788 kWh × PUE 1 × 56.039 g/kWh = 9.907022732 g; no embodied data on-prem
    relClose(em.operationalGCo2e, 9.907022732);
    expect(em.embodiedGCo2e).toBe(0);
  });

  test('embodied: Azure Standard_D4as_v4 for 3 h, with and without include-embodied', () => {
    const t = tables();
    const facts = factsOf({ cpuModel: 'AMD EPYC 7452 32-Core Processor', logicalCpus: 4, memoryGb: 16, runnerEnvironment: 'self-hosted' });
    const on = settingsOf({ 'cloud-provider': 'azure', 'instance-type': 'Standard_D4as_v4', region: 'azure:westeurope' });
    const off = settingsOf({ 'cloud-provider': 'azure', 'instance-type': 'Standard_D4as_v4', region: 'azure:westeurope', 'include-embodied': 'false' });
    const model = selectModel({ facts, settings: on, tables: t });
    expect(model.embodied).toEqual(expect.objectContaining({ totalKgCo2e: 1560.79, instanceVcpus: 4, familyMaxVcpus: 96 }));
    const energy = integrate(model, constant(0, 180), 60);
    // idle: 4 × 0.4742621527777778 (Azure EPYC 2nd Gen) + (16 − 4 × 129.77777777777777 × 1 / 96) × 0.392
    //     = 1.8970486111111112 + 4.152296296296296 = 6.049344907407407 W × 3 h = 18.14803472222222 Wh
    relClose(energy.totalWh, 18.14803472222222);
    const intensity = resolveIntensity({ settings: on, model, facts, tables: t });
    relClose(intensity.gCo2ePerKwh, 328.4);
    // embodied = 1560.79 × 1000 × 3 / 35040 × 4 / 96 = 5.567886700913242 g
    // operational = 0.01814803472222222 × 1.185 × 328.4 = 7.062380304291666 g
    const withE = computeEmissions(energy, model, intensity, on.includeEmbodied);
    const withoutE = computeEmissions(energy, model, intensity, off.includeEmbodied);
    relClose(withE.embodiedGCo2e, 5.567886700913242);
    relClose(withE.operationalGCo2e, 7.062380304291666);
    relClose(withE.gatedGCo2e, 7.062380304291666 + 5.567886700913242);
    relClose(withoutE.gatedGCo2e, 7.062380304291666);
    relClose(withoutE.embodiedGCo2e, 5.567886700913242);
  });
});
