import { describe, expect, test } from '@jest/globals';
import { bytes, co2e, cpuSeconds, duration, energy, energyDelta, intensity, mass, massDelta, num, percent, percentDelta, power, share, signed, thousands } from '../../src/core/format.js';

// Oracles are written out by hand: what a reader should see for each value.
describe('num: three significant digits, never an exponent', () => {
  test.each([
    [0, '0'],
    [1, '1'],
    [0.0012345, '0.00123'],
    [0.0005, '0.0005'],
    [5e-4, '0.0005'],
    [0.05, '0.05'],
    [1.23456, '1.23'],
    [9.996, '10'],
    [123.456, '123'],
    [999.6, '1000'],
    [1234.5, '1,235'],
    [12345.6, '12,346'],
    [-2.5, '-2.5'],
    [-0.0001, '-0.0001'],
    [1e-9, '0.000000001'],
    [1.2345e-7, '0.000000123'],
    [3e21, '3,000,000,000,000,000,000,000'],
    [Number.NaN, 'n/a'],
    [Number.POSITIVE_INFINITY, 'n/a'],
  ])('num(%p) = %p', (x, want) => {
    expect(num(x)).toBe(want);
  });
  test('digits', () => {
    expect(num(366.84, 4)).toBe('366.8');
    expect(num(1.18549, 4)).toBe('1.185');
    expect(num(0.0072, 2)).toBe('0.0072');
  });
  test('thousands', () => {
    expect(thousands(1234567)).toBe('1,234,567');
    expect(thousands(-1234)).toBe('-1,234');
    expect(thousands(-0.2)).toBe('0');
  });
  test('signed uses the typographic minus', () => {
    expect(signed(1.234)).toBe('+1.23');
    expect(signed(-0.5)).toBe('−0.5');
    expect(signed(0)).toBe('±0');
    expect(signed(0.00001, 1)).toBe('+0.00001');
  });
});

describe('quantities take the SI prefix of their magnitude', () => {
  test.each([
    [0.0036, '3.6 mg CO2e'],
    [0.0005, '0.5 mg CO2e'],
    [6.273e-4, '0.627 mg CO2e'],
    [0.000000123, '0.000123 mg CO2e'],
    [1, '1 g CO2e'],
    [5, '5 g CO2e'],
    [0.9996, '1 g CO2e'],
    [999.6, '1 kg CO2e'],
    [2500, '2.5 kg CO2e'],
    [3.2e6, '3.2 t CO2e'],
    [0, '0 g CO2e'],
  ])('co2e(%p g) = %p', (g, want) => {
    expect(co2e(g)).toBe(want);
  });
  test('mass and its delta', () => {
    expect(mass(5)).toBe('5 g');
    expect(massDelta(-0.00023)).toBe('−0.23 mg');
    expect(massDelta(0.0012)).toBe('+1.2 mg');
    expect(massDelta(0)).toBe('±0 g');
  });
  test.each([
    [0.18, '180 mWh'],
    [1.489e-2, '14.9 mWh'],
    [0.001, '1 mWh'],
    // below 1 mWh: joules (1 Wh = 3600 J)
    [1.489e-5, '53.6 mJ'],
    [0.0005, '1.8 J'],
    [1 / 3600, '1 J'],
    [2.5, '2.5 Wh'],
    [1500, '1.5 kWh'],
    [2.5e6, '2.5 MWh'],
    [0, '0 Wh'],
  ])('energy(%p Wh) = %p', (x, want) => {
    expect(energy(x)).toBe(want);
  });
  test('energy delta', () => {
    expect(energyDelta(-0.0123)).toBe('−12.3 mWh');
    expect(energyDelta(0.0001)).toBe('+360 mJ');
  });
  test('power, intensity, bytes', () => {
    expect(power(4.567)).toBe('4.57 W');
    expect(power(0.25)).toBe('250 mW');
    expect(power(1234)).toBe('1.23 kW');
    expect(intensity(472)).toBe('472 gCO2e/kWh');
    expect(intensity(366.84, 4)).toBe('366.8 gCO2e/kWh');
    expect(bytes(512)).toBe('0.5 KiB');
    expect(bytes(5 * 2 ** 20)).toBe('5 MiB');
    expect(bytes(1.5 * 2 ** 30)).toBe('1.5 GiB');
    expect(cpuSeconds(1.2345)).toBe('1.23 CPU-s');
  });
});

describe('percentages: two significant digits', () => {
  test.each([
    [0.072, '0.072 %'],
    [6.02, '6 %'],
    [6.54, '6.5 %'],
    [12.34, '12 %'],
    [124.4, '124 %'],
    [1234, '1,234 %'],
  ])('percent(%p) = %p', (p, want) => {
    expect(percent(p)).toBe(want);
  });
  test('share of 1', () => {
    expect(share(0.4567)).toBe('46 %');
    expect(share(0.00072)).toBe('0.072 %');
  });
  test.each([
    [-6.02, '−6 %'],
    [30, '+30 %'],
    [0, '±0 %'],
    [-0.04, '−0.04 %'],
    [250.4, '+250 %'],
  ])('percentDelta(%p) = %p', (p, want) => {
    expect(percentDelta(p)).toBe(want);
  });
});

describe('duration', () => {
  test.each([
    [0, '0 s'],
    [12.345, '12.3 s'],
    [60, '1 min 0 s'],
    [61.4, '1 min 1 s'],
    [3725, '1 h 2 min 5 s'],
    [119.6, '2 min 0 s'],
    [3599.7, '1 h 0 min 0 s'],
    [Number.NaN, 'n/a'],
  ])('duration(%p) = %p', (s, want) => {
    expect(duration(s)).toBe(want);
  });
});

describe('no exponent notation anywhere', () => {
  test('a sweep over 40 orders of magnitude', () => {
    const fns = [num, signed, co2e, massDelta, energy, energyDelta, power, percent, percentDelta, duration];
    for (let e = -20; e <= 20; e += 0.37) {
      for (const sign of [1, -1]) {
        const x = sign * 10 ** e;
        for (const f of fns) expect(f(x)).not.toMatch(/\de[-+]?\d/i);
      }
    }
  });
});
