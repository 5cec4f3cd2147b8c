// power-model: ecoci-github-4vcpu reproduces Eco CI's published curve and its integration method.
import { describe, expect, test } from '@jest/globals';
import { selectModel } from '../../src/core/model/select.js';
import { cpuWatts } from '../../src/core/power.js';
import { computeEmissions } from '../../src/core/emissions.js';
import { resolveIntensity } from '../../src/core/model/intensity.js';
import { factsOf, integrate, settingsOf, tables } from './helpers.js';

// GUIDE §3: Eco CI's github_EPYC_7763_4_CPU_shared watts at utilisation (%), linear in between.
const GUIDE: Array<[number, number]> = [
  [0, 1.7586], [5, 3.4427], [15, 3.7917], [25, 4.0576], [35, 4.415], [45, 4.902],
  [55, 5.4261], [65, 5.9715], [75, 6.605], [85, 7.3335], [95, 8.1796], [100, 8.1796],
];

/** Eco CI's published table, interpolated linearly (independent of our curve code). */
function guideWatts(utilPercent: number): number {
  const u = Math.min(100, Math.max(0, utilPercent));
  for (let i = 1; i < GUIDE.length; i++) {
    const [u0, w0] = GUIDE[i - 1];
    const [u1, w1] = GUIDE[i];
    if (u <= u1) return w0 + ((u - u0) / (u1 - u0)) * (w1 - w0);
  }
  return GUIDE[GUIDE.length - 1][1];
}

/** Eco CI's integration: one utilisation reading per second, energy = Σ W(util_s) × 1 s (joules). */
function ecociEnergyJoules(perSecondUtilPercent: number[]): number {
  return perSecondUtilPercent.reduce((j, u) => j + guideWatts(u) * 1, 0);
}

const model = () => selectModel({ facts: factsOf(), settings: settingsOf({ 'power-model': 'ecoci-github-4vcpu' }), tables: tables() });

describe('ecoci-github-4vcpu', () => {
  test('the curve passes through every point of the published table (to its 4 decimals)', () => {
    const m = model();
    expect(m.id).toBe('ecoci-github-4vcpu');
    for (const [u, w] of GUIDE) expect(Math.abs(cpuWatts(m.cpu, u / 100) - w)).toBeLessThan(5e-5);
  });

  test('between the published points the curve is the linear interpolation (the 10 % steps upstream are midpoints)', () => {
    const m = model();
    for (let u = 0; u <= 100; u += 2.5) expect(Math.abs(cpuWatts(m.cpu, u / 100) - guideWatts(u))).toBeLessThan(1e-4);
  });

  test('integrated energy on a fixed utilisation trace equals Eco CI per-second integration within 1 %', () => {
    const m = model();
    // 10 minutes: a build-like trace, idle, ramp, saturated, mixed.
    const perSecond: number[] = [];
    for (let s = 0; s < 600; s++) {
      const u = s < 60 ? 3 : s < 180 ? (s - 60) * (100 / 120) : s < 300 ? 100 : s < 420 ? 40 + 30 * Math.sin(s / 7) : 12;
      perSecond.push(Math.max(0, Math.min(100, u)));
    }
    const ecoJ = ecociEnergyJoules(perSecond);
    const ours = integrate(m, perSecond.map((u) => u / 100), 1);
    const ourJ = ours.cpuWh * 3600;
    expect(ours.ramWh).toBe(0);
    expect(Math.abs(ourJ - ecoJ) / ecoJ).toBeLessThan(0.01);
    // and with our 5 s sampling of the same trace (interval averages), still within 1 %
    const avg5 = Array.from({ length: 120 }, (_, i) => perSecond.slice(i * 5, i * 5 + 5).reduce((a, b) => a + b, 0) / 500);
    const ours5 = integrate(m, avg5, 5);
    expect(Math.abs(ours5.cpuWh * 3600 - ecoJ) / ecoJ).toBeLessThan(0.01);
  });

  test('embodied matches Eco CI: 35 990.625 g over 4 years for the 4/128 slice; no PUE', () => {
    const m = model();
    const energy = integrate(m, Array.from({ length: 60 }, () => 0.2), 60);
    const em = computeEmissions(energy, m, resolveIntensity({ settings: settingsOf({ 'power-model': 'ecoci-github-4vcpu' }), model: m, facts: factsOf(), tables: tables() }), true);
    // 1 h of 126 144 000 s (4 years): 35990.625 × 3600 / 126144000
    expect(Math.abs(em.embodiedGCo2e - (35990.625 * 3600) / 126144000)).toBeLessThan(1e-9);
    expect(m.pue).toBe(1);
  });

  test('a machine with other than 4 vCPUs gets a note, not a silent fit', () => {
    const m = selectModel({ facts: factsOf({ logicalCpus: 2, memoryGb: 8 }), settings: settingsOf({ 'power-model': 'ecoci-github-4vcpu' }), tables: tables() });
    expect(m.notes.join(' ')).toMatch(/4-vCPU runner; this machine has 2/);
  });
});
