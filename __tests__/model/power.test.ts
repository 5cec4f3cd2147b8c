import { describe, expect, test } from '@jest/globals';
import { cpuWatts } from '../../src/core/power.js';

describe('cpuWatts', () => {
  test('linear curve, clamped to 0..1, non-finite as idle', () => {
    const c = { kind: 'linear' as const, idleWatts: 2, maxWatts: 10 };
    expect(cpuWatts(c, 0)).toBe(2);
    expect(cpuWatts(c, 0.25)).toBe(4);
    expect(cpuWatts(c, 1)).toBe(10);
    expect(cpuWatts(c, 1.7)).toBe(10);
    expect(cpuWatts(c, -1)).toBe(2);
    expect(cpuWatts(c, Number.NaN)).toBe(2);
  });
  test('points curve: exact at points, linear between, flat outside', () => {
    const c = { kind: 'points' as const, points: [[0.1, 3], [0.5, 5], [1, 9]] as Array<[number, number]> };
    expect(cpuWatts(c, 0)).toBe(3);
    expect(cpuWatts(c, 0.1)).toBe(3);
    expect(cpuWatts(c, 0.3)).toBeCloseTo(4, 12);
    expect(cpuWatts(c, 0.5)).toBe(5);
    expect(cpuWatts(c, 0.75)).toBeCloseTo(7, 12);
    expect(cpuWatts(c, 1)).toBe(9);
  });
});
