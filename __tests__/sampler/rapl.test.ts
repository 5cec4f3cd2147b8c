import { describe, expect, test } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openRapl, unfoldDeltaUj } from '../../src/sampler/rapl.js';
import { startOptionalSources } from '../../src/sampler/sources.js';

/** A fake sysfs tree shaped like /sys/class/powercap on a 2-socket Intel server. */
function fakeSysfs(zones: Record<string, { name: string; energy: number | 'dir'; max?: number }>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-sysfs-'));
  const base = path.join(root, 'class', 'powercap');
  fs.mkdirSync(base, { recursive: true });
  for (const [zone, z] of Object.entries(zones)) {
    const dir = path.join(base, zone);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'name'), `${z.name}\n`);
    if (z.energy === 'dir') fs.mkdirSync(path.join(dir, 'energy_uj'));
    else fs.writeFileSync(path.join(dir, 'energy_uj'), `${z.energy}\n`);
    if (z.max !== undefined) fs.writeFileSync(path.join(dir, 'max_energy_range_uj'), `${z.max}\n`);
  }
  // the intel-rapl control type entry and an MMIO duplicate of package 0 exist on real machines
  fs.mkdirSync(path.join(base, 'intel-rapl'));
  fs.mkdirSync(path.join(base, 'intel-rapl-mmio:0'));
  fs.writeFileSync(path.join(base, 'intel-rapl-mmio:0', 'name'), 'package-0\n');
  return root;
}

function setEnergy(root: string, zone: string, uj: number): void {
  fs.writeFileSync(path.join(root, 'class', 'powercap', zone, 'energy_uj'), `${uj}\n`);
}

const MAX = 262143328850; // a real max_energy_range_uj of a package domain

describe('RAPL', () => {
  test('unfoldDeltaUj: plain and wrapped deltas', () => {
    expect(unfoldDeltaUj(100, 350, 1000)).toBe(250);
    expect(unfoldDeltaUj(900, 50, 1000)).toBe(150);
    expect(unfoldDeltaUj(10, 10, 1000)).toBe(0);
    // a drop that would need more than half the range is no wrap (reset or bad read)
    expect(unfoldDeltaUj(300, 100, 1000)).toBeNull();
    expect(unfoldDeltaUj(900, 50, 0)).toBeNull();
  });

  test('an empty or torn read is a fault, not a wrap to zero, and the total stays right', () => {
    const root = fakeSysfs({ 'intel-rapl:0': { name: 'package-0', energy: 100_000_000, max: MAX } });
    const { reader } = openRapl(root);
    fs.writeFileSync(path.join(root, 'class', 'powercap', 'intel-rapl:0', 'energy_uj'), '');
    expect(reader!.read()).toEqual({});
    expect(reader!.takeFaults!()[0]).toMatch(/not a counter value \(""\)/);
    setEnergy(root, 'intel-rapl:0', 101_000_000);
    expect(reader!.read()).toEqual({ packageJoules: 1 });
  });

  test('a counter that drops without wrapping (reset) is reported and that interval not counted', () => {
    const root = fakeSysfs({ 'intel-rapl:0': { name: 'package-0', energy: 100_000_000, max: MAX } });
    const { reader } = openRapl(root);
    setEnergy(root, 'intel-rapl:0', 50_000_000);
    expect(reader!.read()).toEqual({ packageJoules: 0 });
    expect(reader!.takeFaults!()).toEqual(['RAPL: intel-rapl:0 (package-0) went from 100000000 to 50000000 µJ, which is no wrap-around; interval not counted']);
    setEnergy(root, 'intel-rapl:0', 52_000_000);
    expect(reader!.read()).toEqual({ packageJoules: 2 });
  });

  test('sums packages, reads dram, skips core/uncore/psys, unfolds a wrap-around', () => {
    const root = fakeSysfs({
      'intel-rapl:0': { name: 'package-0', energy: MAX - 2_000_000, max: MAX },
      'intel-rapl:0:0': { name: 'core', energy: 5, max: MAX },
      'intel-rapl:0:1': { name: 'dram', energy: 1_000_000, max: 65712999613 },
      'intel-rapl:1': { name: 'package-1', energy: 10_000_000, max: MAX },
      'intel-rapl:1:0': { name: 'dram', energy: 0, max: 65712999613 },
      'intel-rapl:2': { name: 'psys', energy: 77_000_000, max: MAX },
    });
    const { reader, notes } = openRapl(root);
    expect(reader).toBeDefined();
    expect(reader!.domains).toEqual([
      'intel-rapl:0 (package-0)',
      'intel-rapl:0:1 (dram)',
      'intel-rapl:1 (package-1)',
      'intel-rapl:1:0 (dram)',
    ]);
    expect(notes).toEqual([`RAPL: measuring ${reader!.domains.join(', ')}`]);
    expect(reader!.read()).toEqual({ packageJoules: 0, dramJoules: 0 });

    // package-0 wraps: from MAX-2 J past MAX to 3 J → 5 J; package-1 +4 J; dram +1.5 J and +0.5 J
    setEnergy(root, 'intel-rapl:0', 3_000_000);
    setEnergy(root, 'intel-rapl:1', 14_000_000);
    setEnergy(root, 'intel-rapl:0:1', 2_500_000);
    setEnergy(root, 'intel-rapl:1:0', 500_000);
    setEnergy(root, 'intel-rapl:2', 99_000_000);
    const second = reader!.read();
    expect(second.packageJoules).toBeCloseTo(9, 9);
    expect(second.dramJoules).toBeCloseTo(2, 9);

    // cumulative: a further 1 J on package-0
    setEnergy(root, 'intel-rapl:0', 4_000_000);
    expect(reader!.read().packageJoules).toBeCloseTo(10, 9);
    expect(reader!.takeFaults!()).toEqual([]);
  });

  test('a machine without dram domain gives package only', () => {
    const root = fakeSysfs({ 'intel-rapl:0': { name: 'package-0', energy: 1, max: MAX } });
    const { reader } = openRapl(root);
    setEnergy(root, 'intel-rapl:0', 1_000_001);
    expect(reader!.read()).toEqual({ packageJoules: 1 });
  });

  test('no powercap directory: no reader, a note saying modelled', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-sysfs-'));
    const { reader, notes } = openRapl(root);
    expect(reader).toBeUndefined();
    expect(notes[0]).toMatch(/no .*class\/powercap on this machine: CPU and RAM energy are modelled, not measured/);
  });

  test('unreadable energy_uj: no reader, a note naming the file', () => {
    // Tests run as root here, so permissions cannot be denied; a directory in place of the file
    // makes the read fail the same way for the reader.
    const root = fakeSysfs({ 'intel-rapl:0': { name: 'package-0', energy: 'dir', max: MAX } });
    const { reader, notes } = openRapl(root);
    expect(reader).toBeUndefined();
    expect(notes[0]).toMatch(/intel-rapl:0\/energy_uj is not readable: .*modelled, not measured/);
  });

  test('only psys: no package domain, no reader', () => {
    const root = fakeSysfs({ 'intel-rapl:0': { name: 'psys', energy: 1, max: MAX } });
    expect(openRapl(root).reader).toBeUndefined();
  });

  test('a domain failing mid-run: that field is left out and a fault reported once; energy resumes', () => {
    const root = fakeSysfs({
      'intel-rapl:0': { name: 'package-0', energy: 0, max: MAX },
      'intel-rapl:0:2': { name: 'dram', energy: 0, max: MAX },
    });
    const { reader } = openRapl(root);
    const dramFile = path.join(root, 'class', 'powercap', 'intel-rapl:0:2', 'energy_uj');
    fs.rmSync(dramFile);
    setEnergy(root, 'intel-rapl:0', 2_000_000);
    expect(reader!.read()).toEqual({ packageJoules: 2 });
    reader!.read();
    expect(reader!.takeFaults!()).toHaveLength(1);
    fs.writeFileSync(dramFile, '3000000\n');
    expect(reader!.read()).toEqual({ packageJoules: 2, dramJoules: 3 });
  });

  test('startOptionalSources: sysfs root from cfg, then from CARBON_GATE_SYSFS_ROOT; off when rapl=false', () => {
    const root = fakeSysfs({ 'intel-rapl:0': { name: 'package-0', energy: 0, max: MAX } });
    const base = { gpu: 'off', intervalSeconds: 1 } as const;
    expect(startOptionalSources({ ...base, rapl: true, sysfsRoot: root, env: {} }).rapl?.domains).toEqual(['intel-rapl:0 (package-0)']);
    expect(startOptionalSources({ ...base, rapl: true, env: { CARBON_GATE_SYSFS_ROOT: root } }).rapl?.domains).toEqual(['intel-rapl:0 (package-0)']);
    const off = startOptionalSources({ ...base, rapl: false, env: { CARBON_GATE_SYSFS_ROOT: root } });
    expect(off.rapl).toBeUndefined();
    expect(off.notes).toEqual([]);
  });
});
