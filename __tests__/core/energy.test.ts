// Energy integration, checked against numbers computed by hand in the comments.
// Unless a test says otherwise the model is fixtures.model(): 2 vCPU, CPU 2 W idle → 10 W at 100 %
// (P_cpu = 2 + 8·u), RAM 4 GB × 0.5 W/GB = 2 W, and the machine has 2 logical CPUs, so the
// machine's total CPU counter advances 2 s per second.
import { describe, expect, test } from '@jest/globals';
import { EnergyIntegrator, gpuModelWatts, integrate } from '../../src/core/energy.js';
import { cpuWatts } from '../../src/core/power.js';
import { parseSamples } from '../../src/core/samples.js';
import type { PowerPoint, Sample } from '../../src/core/types.js';
import { gpu, line, model, sample } from '../helpers/fixtures.js';

const J = (wh: number): number => wh * 3600;

describe('cpuWatts (power curve)', () => {
  test('linear curve: idle + u × (max − idle), clamped to 0..1, NaN counts as idle', () => {
    const c = { kind: 'linear' as const, idleWatts: 2, maxWatts: 10 };
    expect(cpuWatts(c, 0)).toBe(2);
    expect(cpuWatts(c, 0.25)).toBe(4); // 2 + 0.25·8
    expect(cpuWatts(c, 1)).toBe(10);
    expect(cpuWatts(c, 1.7)).toBe(10);
    expect(cpuWatts(c, -0.3)).toBe(2);
    expect(cpuWatts(c, Number.NaN)).toBe(2);
  });

  test('points curve: linear interpolation between points, flat outside them', () => {
    const c = { kind: 'points' as const, points: [[0.1, 1], [0.5, 3], [1, 4]] as Array<[number, number]> };
    expect(cpuWatts(c, 0)).toBe(1); // below the first point: its value
    expect(cpuWatts(c, 0.1)).toBe(1);
    expect(cpuWatts(c, 0.3)).toBeCloseTo(2, 12); // 1 + (0.2/0.4)·2
    expect(cpuWatts(c, 0.5)).toBe(3);
    expect(cpuWatts(c, 0.75)).toBeCloseTo(3.5, 12); // 3 + (0.25/0.5)·1
    expect(cpuWatts(c, 1)).toBe(4);
  });

  test('the Eco CI curve of the field guide: 30 % lies half way between 25 % (4.0576 W) and 35 % (4.4150 W)', () => {
    const pts: Array<[number, number]> = [
      [0, 1.7586], [0.05, 3.4427], [0.15, 3.7917], [0.25, 4.0576], [0.35, 4.415], [0.45, 4.902],
      [0.55, 5.4261], [0.65, 5.9715], [0.75, 6.605], [0.85, 7.3335], [0.95, 8.1796], [1, 8.1796],
    ];
    expect(cpuWatts({ kind: 'points', points: pts }, 0.3)).toBeCloseTo(4.2363, 4); // (4.0576 + 4.4150) / 2
    expect(cpuWatts({ kind: 'points', points: pts }, 0.98)).toBeCloseTo(8.1796, 10);
  });
});

describe('integrate: hand-computed cases', () => {
  // t = 0, 1, 2; tree CPU 0 → 1 → 1.5; machine busy 0 → 1.6 → 2.4.
  const three = [sample({ t: 0, busy: 0, tree: 0 }), sample({ t: 1, busy: 1.6, tree: 1 }), sample({ t: 2, busy: 2.4, tree: 1.5 })];

  test('process-tree scope, linear curve', () => {
    // interval 1: u_tree = 1 / (1 s × 2 vCPU) = 0.5  → P = 2 + 0.5·8 = 6 W → 6 J
    // interval 2: u_tree = 0.5 / (1 × 2) = 0.25      → P = 4 W           → 4 J
    // CPU 10 J; RAM 2 W × 2 s = 4 J; total 14 J
    const r = integrate(three, { model: model(), scope: 'process-tree', intervalSeconds: 1 });
    expect(J(r.cpuWh)).toBeCloseTo(10, 10);
    expect(J(r.ramWh)).toBeCloseTo(4, 10);
    expect(J(r.totalWh)).toBeCloseTo(14, 10);
    expect(r.gpuWh).toBe(0);
    expect(r.durationSeconds).toBe(2);
    expect(r.samples).toBe(3);
    expect(r.avgTreeUtil).toBeCloseTo(0.375, 12); // (0.5 + 0.25) / 2
    expect(r.avgMachineUtil).toBeCloseTo(0.6, 12); // (1.6/2 + 0.8/2) / 2
    expect(r.avgCpuWatts).toBeCloseTo(5, 12); // 10 J / 2 s
    expect(r.avgRamWatts).toBeCloseTo(2, 12);
    expect(r.treeCpuSeconds).toBeCloseTo(1.5, 12);
    expect(r.machineCpuSeconds).toBeCloseTo(2.4, 12);
    expect(r.remainderCpuSeconds).toBeCloseTo(0.9, 12);
    expect(r).toMatchObject({ scope: 'process-tree', cpu: 'modelled', ram: 'modelled', gpu: 'none', gpuCount: 0, gaps: [] });
  });

  test('machine scope on the same samples charges the machine utilisation', () => {
    // interval 1: u_m = 1.6 / 2 = 0.8 → 2 + 6.4 = 8.4 W; interval 2: u_m = 0.8 / 2 = 0.4 → 5.2 W; CPU 13.6 J
    const r = integrate(three, { model: model(), scope: 'machine', intervalSeconds: 1 });
    expect(J(r.cpuWh)).toBeCloseTo(13.6, 10);
    expect(J(r.ramWh)).toBeCloseTo(4, 10);
    expect(r.scope).toBe('machine');
  });

  test('points curve in process-tree scope', () => {
    // curve 0→1 W, 0.5→3 W, 1→4 W. u = 0.5 → 3 W; u = 0.25 → 1 + 0.5·2 = 2 W. CPU 5 J
    const m = model({ cpu: { kind: 'points', points: [[0, 1], [0.5, 3], [1, 4]] } });
    const r = integrate(three, { model: m, scope: 'process-tree', intervalSeconds: 1 });
    expect(J(r.cpuWh)).toBeCloseTo(5, 10);
  });

  test('uneven intervals are weighted by their length', () => {
    // t = 0, 0.5, 2.5 (2 s < the 3 s gap threshold for a 1 s interval)
    // interval 1: Δt 0.5, Δtree 0.5 → u = 0.5 / (0.5·2) = 0.5  → 6 W × 0.5 s = 3 J
    // interval 2: Δt 2,   Δtree 1   → u = 1 / (2·2) = 0.25     → 4 W × 2 s   = 8 J
    // CPU 11 J; RAM 2 W × 2.5 s = 5 J. avg tree util = (0.5·0.5 + 0.25·2) / 2.5 = 0.3 (not the 0.375 of an unweighted mean)
    // machine: Δbusy 0.25 of Δtotal 1 → 0.25, then Δbusy 2 of Δtotal 4 → 0.5; time-weighted (0.125 + 1) / 2.5 = 0.45
    const s = [sample({ t: 0, busy: 0, tree: 0 }), sample({ t: 0.5, busy: 0.25, tree: 0.5 }), sample({ t: 2.5, busy: 2.25, tree: 1.5 })];
    const r = integrate(s, { model: model(), scope: 'process-tree', intervalSeconds: 1 });
    expect(J(r.cpuWh)).toBeCloseTo(11, 10);
    expect(J(r.ramWh)).toBeCloseTo(5, 10);
    expect(r.avgTreeUtil).toBeCloseTo(0.3, 12);
    expect(r.avgMachineUtil).toBeCloseTo(0.45, 12);
    expect(r.gaps).toEqual([]);
  });

  test('a gap is reported, and loses no CPU time because the counters are cumulative', () => {
    // A steady 1-vCPU load (u = 0.5 of 2 vCPU) sampled at 0, 1, 11, 12: the 10 s hole is a gap.
    // Every interval has u = 0.5 → 6 W; CPU = 6 W × 12 s = 72 J, exactly what unbroken sampling gives.
    const ts = [0, 1, 11, 12];
    const gappy = ts.map((t) => sample({ t, busy: t, tree: t }));
    const full = Array.from({ length: 13 }, (_, t) => sample({ t, busy: t, tree: t }));
    const r = integrate(gappy, { model: model(), scope: 'process-tree', intervalSeconds: 1 });
    const f = integrate(full, { model: model(), scope: 'process-tree', intervalSeconds: 1 });
    expect(J(r.cpuWh)).toBeCloseTo(72, 10);
    expect(J(f.cpuWh)).toBeCloseTo(72, 10);
    expect(r.treeCpuSeconds).toBe(12);
    expect(r.gaps).toEqual([{ fromS: 1, toS: 11, seconds: 10, reason: 'no samples' }]);
    expect(f.gaps).toEqual([]);
  });

  test('gap threshold: max(3 × interval, interval + 2)', () => {
    const at = (ts: number[], interval: number): number =>
      integrate(
        ts.map((t) => sample({ t, busy: t })),
        { model: model(), scope: 'machine', intervalSeconds: interval },
      ).gaps.length;
    expect(at([0, 3], 1)).toBe(0); // threshold 3 s: exactly 3 is not a gap
    expect(at([0, 3.01], 1)).toBe(1);
    expect(at([0, 2.5], 0.5)).toBe(0); // threshold max(1.5, 2.5) = 2.5
    expect(at([0, 2.6], 0.5)).toBe(1);
    expect(at([0, 30], 10)).toBe(0); // threshold 30
    expect(at([0, 31], 10)).toBe(1);
  });

  test('RAPL, process-tree scope: the idle floor of the reserved CPUs, the tree share of the rest, and all DRAM', () => {
    // interval 1: Δbusy 1.6, Δtree 0.8 → share 0.5;  package 20 J → 20 W;  DRAM 4 J → 4 W
    // interval 2: Δbusy 0.8, Δtree 0.2 → share 0.25; package 30 J → 30 W;  DRAM 6 J → 6 W
    // floor 20 W (the lowest interval), reserved 2 of 2 CPUs:
    //   interval 1: 20 + 0.5 × (20 − 20) = 20 W; interval 2: 20 + 0.25 × (30 − 20) = 22.5 W → CPU 42.5 J
    //   DRAM all of it: 10 J
    const s = [
      sample({ t: 0, busy: 0, tree: 0, rapl: { packageJoules: 100, dramJoules: 50 } }),
      sample({ t: 1, busy: 1.6, tree: 0.8, rapl: { packageJoules: 120, dramJoules: 54 } }),
      sample({ t: 2, busy: 2.4, tree: 1.0, rapl: { packageJoules: 150, dramJoules: 60 } }),
    ];
    const tree = integrate(s, { model: model(), scope: 'process-tree', intervalSeconds: 1 });
    expect(J(tree.cpuWh)).toBeCloseTo(42.5, 10);
    expect(J(tree.ramWh)).toBeCloseTo(10, 10);
    expect(tree.raplIdleFloorWatts).toBe(20);
    expect(tree.cpu).toBe('measured');
    expect(tree.ram).toBe('measured');
    // machine scope: all 50 J package and 10 J DRAM
    const machine = integrate(s, { model: model(), scope: 'machine', intervalSeconds: 1 });
    expect(J(machine.cpuWh)).toBeCloseTo(50, 10);
    expect(J(machine.ramWh)).toBeCloseTo(10, 10);
  });

  test('RAPL, idle job on a 30 W / 5 W machine kept busy by others: 30 W CPU and 5 W memory are charged', () => {
    // The case: before, the tree's busy share (0 here) scaled both to ~0 W.
    const s = [0, 1, 2, 3].map((t) => sample({ t, busy: 1.5 * t, tree: 0.01, rapl: { packageJoules: 1000 + 30 * t, dramJoules: 500 + 5 * t } }));
    const r = integrate(s, { model: model(), scope: 'process-tree', intervalSeconds: 1 });
    expect(r.avgCpuWatts).toBeCloseTo(30, 10);
    expect(r.avgRamWatts).toBeCloseTo(5, 10);
    // only half the machine reserved (1 vCPU of 2 logical CPUs): half the idle floor
    const half = integrate(s, { model: model({ vcpus: 1 }), scope: 'process-tree', intervalSeconds: 1 });
    expect(half.avgCpuWatts).toBeCloseTo(15, 10);
    expect(half.avgRamWatts).toBeCloseTo(5, 10);
  });

  test('RAPL, process-tree scope: a later, lower floor corrects the totals of earlier intervals', () => {
    // 40 W (share 0.5), then 10 W (share 0): floor 10 → 10 + 0.5 × 30 = 25 W, then 10 W → 35 J
    const s = [
      sample({ t: 0, busy: 0, tree: 0, rapl: { packageJoules: 0 } }),
      sample({ t: 1, busy: 1, tree: 0.5, rapl: { packageJoules: 40 } }),
      sample({ t: 2, busy: 1.2, tree: 0.5, rapl: { packageJoules: 50 } }),
    ];
    expect(J(integrate(s, { model: model(), scope: 'process-tree', intervalSeconds: 1 }).cpuWh)).toBeCloseTo(35, 10);
  });

  test('RAPL, process-tree scope: a closing sliver between two counter updates does not set the idle floor', () => {
    // 1 s at 30 W (share 0.5), 1 s at 20 W (share 0), then a 0.01 s sliver that read 0 J (the counter had
    // not moved yet). Floor from the two full intervals: 20 W → 20 + 0.5 × 10 = 25 J, then 20 J; the
    // sliver: 2/2 reserved × 20 W × 0.01 s + share 0 = 0.2 J. Total 45.2 J (a floor of 0 W would give 15 J).
    const s = [
      sample({ t: 0, busy: 0, tree: 0, rapl: { packageJoules: 0 } }),
      sample({ t: 1, busy: 1, tree: 0.5, rapl: { packageJoules: 30 } }),
      sample({ t: 2, busy: 1.2, tree: 0.5, rapl: { packageJoules: 50 } }),
      sample({ t: 2.01, busy: 1.21, tree: 0.5, rapl: { packageJoules: 50 } }),
    ];
    const r = integrate(s, { model: model(), scope: 'process-tree', intervalSeconds: 1 });
    expect(J(r.cpuWh)).toBeCloseTo(45.2, 9);
    expect(r.raplIdleFloorWatts).toBe(20);
  });

  test('a RAPL counter that goes backwards (reset) falls back to the model for that interval only', () => {
    // machine scope. interval 1: package 10 J measured → 10 W. interval 2: counter went 110 → 5 (reset):
    // modelled, u_m = 1/2 → 6 W. CPU 16 J. No DRAM counter → RAM modelled, 2 W × 2 s = 4 J.
    const s = [
      sample({ t: 0, busy: 0, rapl: { packageJoules: 100 } }),
      sample({ t: 1, busy: 1, rapl: { packageJoules: 110 } }),
      sample({ t: 2, busy: 2, rapl: { packageJoules: 5 } }),
    ];
    const r = integrate(s, { model: model(), scope: 'machine', intervalSeconds: 1 });
    expect(J(r.cpuWh)).toBeCloseTo(16, 10);
    expect(J(r.ramWh)).toBeCloseTo(4, 10);
    expect(r.cpu).toBe('measured');
    expect(r.ram).toBe('modelled');
  });

  test('RAPL in process-tree scope with an idle machine (Δbusy 0) charges the idle floor of the package', () => {
    // one interval of 3 W with no busy time: floor 3 W, reserved 2 of 2 → 3 J
    const s = [sample({ t: 0, busy: 5, tree: 1, rapl: { packageJoules: 0 } }), sample({ t: 1, busy: 5, tree: 1, rapl: { packageJoules: 3 } })];
    const r = integrate(s, { model: model(), scope: 'process-tree', intervalSeconds: 1 });
    expect(J(r.cpuWh)).toBeCloseTo(3, 10);
    expect(r.cpu).toBe('measured');
  });

  test('GPUs with measured power: the board watts of every GPU are summed over each interval', () => {
    // 70 W + 30 W on each interval end, 2 intervals of 1 s → 200 J
    const g = [gpu({ index: 0, watts: 70 }), gpu({ index: 1, watts: 30 })];
    const s = [0, 1, 2].map((t) => sample({ t, busy: t, tree: t / 2, gpu: g }));
    const r = integrate(s, { model: model(), scope: 'process-tree', intervalSeconds: 1 });
    expect(J(r.gpuWh)).toBeCloseTo(200, 10);
    expect(r.gpu).toBe('measured');
    expect(r.gpuCount).toBe(2);
    expect(r.gpuModels).toEqual(['Tesla T4']);
    expect(r.avgGpuWatts).toBeCloseTo(100, 10);
    // total = CPU + RAM + GPU: u_tree = 0.5/(1·2) = 0.25 → 4 W × 2 s = 8 J; RAM 4 J
    expect(J(r.totalWh)).toBeCloseTo(8 + 4 + 200, 10);
  });

  test('a GPU reporting N/A is modelled from the model table: idle + util × (max − idle)', () => {
    // T4 row 8/71 W; 50 % → 8 + 0.5·63 = 39.5 W; over 2 s → 79 J
    const m = model({ gpuWatts: { T4: { idleWatts: 8, maxWatts: 71 } } });
    const s = [0, 1, 2].map((t) => sample({ t, busy: t, gpu: [gpu({ watts: null, utilPercent: 50 })] }));
    const r = integrate(s, { model: m, scope: 'machine', intervalSeconds: 1 });
    expect(J(r.gpuWh)).toBeCloseTo(79, 10);
    expect(r.gpu).toBe('modelled');
  });

  test('a GPU with no power and no table row: left out, flagged, provenance "defaulted"', () => {
    const it = new EnergyIntegrator({ model: model({ gpuWatts: { T4: { idleWatts: 8, maxWatts: 71 } } }), scope: 'machine', intervalSeconds: 1 });
    for (const t of [0, 1]) it.add(sample({ t, busy: t, gpu: [gpu({ name: 'Mystery Accelerator', watts: null })] }));
    const r = it.result();
    expect(r.gpuWh).toBe(0);
    expect(r.gpu).toBe('defaulted');
    expect(r.gpuCount).toBe(1);
    expect(it.gpuWithoutPower).toBe(true);
  });

  test('GPUs all measured → gpuWithoutPower stays false', () => {
    const it = new EnergyIntegrator({ model: model(), scope: 'machine', intervalSeconds: 1 });
    for (const t of [0, 1]) it.add(sample({ t, busy: t, gpu: [gpu()] }));
    expect(it.gpuWithoutPower).toBe(false);
  });

  test('process-tree scope without a tree reading falls back to the machine, and the missing time is counted', () => {
    // t = 0 tree, t = 1 no tree, t = 2 tree, t = 3 tree with rootGone, t = 4 tree.
    // Intervals (0,1), (1,2) miss a tree end; (2,3) has rootGone; (3,4) has a tree at both ends → 3 s missing.
    // machine busy +1.6 per second → u_m = 0.8 → 8.4 W for the 3 fallback seconds = 25.2 J
    // interval (3,4): Δtree 0.5 → u = 0.25 → 4 W → 4 J. CPU 29.2 J.
    const s = [
      sample({ t: 0, busy: 0, tree: 0 }),
      sample({ t: 1, busy: 1.6 }),
      sample({ t: 2, busy: 3.2, tree: 1 }),
      sample({ t: 3, busy: 4.8, tree: 1.2, treeExtra: { rootGone: true } }),
      sample({ t: 4, busy: 6.4, tree: 1.7 }),
    ];
    const it = new EnergyIntegrator({ model: model(), scope: 'process-tree', intervalSeconds: 1 });
    for (const x of s) it.add(x);
    const r = it.result();
    expect(it.treeMissingSecondsTotal).toBeCloseTo(3, 12);
    expect(J(r.cpuWh)).toBeCloseTo(29.2, 10);
    expect(r.avgTreeUtil).toBeCloseTo(0.25, 12); // only the one interval with a tree
  });

  test('machine scope never counts tree-missing time', () => {
    const it = new EnergyIntegrator({ model: model(), scope: 'machine', intervalSeconds: 1 });
    for (const t of [0, 1, 2]) it.add(sample({ t, busy: t }));
    expect(it.treeMissingSecondsTotal).toBe(0);
    expect(it.result().treeCpuSeconds).toBeNull();
    expect(it.result().remainderCpuSeconds).toBeNull();
    expect(it.result().avgTreeUtil).toBeNull();
  });

  test('tree utilisation above 100 % of the reserved vCPUs is clamped', () => {
    // Δtree 5 s in 1 s on 2 vCPU → u 2.5 → clamped to 1 → 10 W
    const r = integrate([sample({ t: 0, busy: 0, tree: 0 }), sample({ t: 1, busy: 2, tree: 5 })], { model: model(), scope: 'process-tree', intervalSeconds: 1 });
    expect(J(r.cpuWh)).toBeCloseTo(10, 10);
  });

  test('escaped CPU, peak RSS and the remainder come from the first and last samples', () => {
    const s = [
      sample({ t: 0, busy: 10, tree: 2, treeExtra: { escapedCpuSeconds: 1, rssBytes: 100 } }),
      sample({ t: 1, busy: 11, tree: 2.5, treeExtra: { escapedCpuSeconds: 1.25, rssBytes: 900 } }),
      sample({ t: 2, busy: 13, tree: 3, treeExtra: { escapedCpuSeconds: 1.5, rssBytes: 300 } }),
    ];
    const r = integrate(s, { model: model(), scope: 'process-tree', intervalSeconds: 1 });
    expect(r.treeCpuSeconds).toBeCloseTo(1, 12);
    expect(r.machineCpuSeconds).toBeCloseTo(3, 12);
    expect(r.remainderCpuSeconds).toBeCloseTo(2, 12);
    expect(r.escapedCpuSeconds).toBeCloseTo(0.5, 12);
    expect(r.peakTreeRssBytes).toBe(900);
  });

  test('after the root is gone the sampler repeats the last tree reading (rootGone): the tree total still counts', () => {
    const s = [
      sample({ t: 0, busy: 0, tree: 1 }),
      sample({ t: 1, busy: 1, tree: 1.5 }),
      sample({ t: 2, busy: 2, tree: 1.8, treeExtra: { rootGone: true } }),
      sample({ t: 3, busy: 3, tree: 1.8, treeExtra: { rootGone: true } }),
    ];
    const r = integrate(s, { model: model(), scope: 'process-tree', intervalSeconds: 1 });
    expect(r.treeCpuSeconds).toBeCloseTo(0.8, 12);
    expect(r.remainderCpuSeconds).toBeCloseTo(2.2, 12);
  });

  // Regression test: result() once took the tree total from the first and last samples only, so a
  // last sample without a tree reading made treeCpuSeconds null for the whole run.
  test('a last sample without a tree reading keeps the tree total of the samples before it', () => {
    const s = [sample({ t: 0, busy: 0, tree: 0 }), sample({ t: 1, busy: 1, tree: 0.5 }), sample({ t: 2, busy: 2, tree: 1 }), sample({ t: 3, busy: 3 })];
    const r = integrate(s, { model: model(), scope: 'process-tree', intervalSeconds: 1 });
    expect(r.treeCpuSeconds).toBeCloseTo(1, 12);
  });

  test('no samples or a single sample: zero energy, zero duration, no NaN', () => {
    for (const s of [[], [sample({ t: 0, busy: 0, tree: 0 })]] as Sample[][]) {
      const r = integrate(s, { model: model(), scope: 'process-tree', intervalSeconds: 1 });
      expect(r.totalWh).toBe(0);
      expect(r.durationSeconds).toBe(0);
      expect(r.avgCpuWatts).toBe(0);
      expect(r.avgMachineUtil).toBe(0);
      expect(r.samples).toBe(s.length);
      expect(r.series).toEqual([]);
    }
  });

  test('through the samples reader: duplicates and reordered lines do not add time', () => {
    // The reader drops t = 0.5 (earlier than 1) and the duplicate t = 1; what is left is the `three` case.
    const text = [three[0], three[1], sample({ t: 0.5, busy: 0.8, tree: 0.5 }), three[1], three[2]].map(line).join('\n');
    const { samples, outOfOrder } = parseSamples(text);
    expect(outOfOrder).toBe(2);
    const r = integrate(samples, { model: model(), scope: 'process-tree', intervalSeconds: 1 });
    expect(J(r.cpuWh)).toBeCloseTo(10, 10);
    expect(r.durationSeconds).toBe(2);
  });
});

describe('gpuModelWatts', () => {
  const m = model({ gpuWatts: { A100: { idleWatts: 46, maxWatts: 407 }, 'A100 80GB': { idleWatts: 50, maxWatts: 300 }, T4: { idleWatts: 8, maxWatts: 71 } } });
  test('measured watts win over the table', () => {
    expect(gpuModelWatts(m, gpu({ watts: 33 }))).toEqual({ watts: 33, modelled: false });
  });
  test('the longest matching table key is used, case-insensitively', () => {
    // 'A100 80GB' beats 'A100': 50 + 0.5 × 250 = 175 W
    expect(gpuModelWatts(m, gpu({ name: 'NVIDIA a100 80gb PCIe', watts: null, utilPercent: 50 }))).toEqual({ watts: 175, modelled: true });
    // plain A100 at 100 %: 407 W
    expect(gpuModelWatts(m, gpu({ name: 'NVIDIA A100-SXM4-40GB', watts: null, utilPercent: 100 }))).toEqual({ watts: 407, modelled: true });
  });
  test('unknown utilisation counts as idle; utilisation is clamped', () => {
    expect(gpuModelWatts(m, gpu({ watts: null, utilPercent: null }))?.watts).toBe(8);
    expect(gpuModelWatts(m, gpu({ watts: null, utilPercent: 250 }))?.watts).toBe(71);
  });
  test('no row and no measurement → null', () => {
    expect(gpuModelWatts(m, gpu({ name: 'Radeon Pro', watts: null }))).toBeNull();
    expect(gpuModelWatts(model(), gpu({ watts: null }))).toBeNull();
  });
});

describe('EnergyIntegrator streaming and the bounded series', () => {
  test('onInterval is called once per interval with the point and the closing sample', () => {
    const got: Array<[PowerPoint, Sample]> = [];
    const it = new EnergyIntegrator({ model: model(), scope: 'process-tree', intervalSeconds: 1, onInterval: (p, s) => got.push([p, s]) });
    const s = [0, 1, 2, 3].map((t) => sample({ t, busy: t * 1.6, tree: t }));
    for (const x of s) it.add(x);
    expect(got).toHaveLength(3);
    expect(got.map(([p]) => p.tS)).toEqual([1, 2, 3]);
    expect(got[2][1]).toBe(s[3]);
    // u_tree 0.5 → 6 W; u_m 0.8; RAM 2 W
    expect(got[0][0]).toMatchObject({ treeUtil: 0.5, cpuWatts: 6, ramWatts: 2, gpuWatts: 0 });
    expect(got[0][0].machineUtil).toBeCloseTo(0.8, 12);
  });

  test('result() equals integrate() on the same samples (streaming = batch)', () => {
    const s = Array.from({ length: 50 }, (_, t) => sample({ t: t * 0.7, busy: t * 0.9, tree: t * 0.4 }));
    const it = new EnergyIntegrator({ model: model(), scope: 'process-tree', intervalSeconds: 0.7 });
    for (const x of s) it.add(x);
    expect(it.result()).toEqual(integrate(s, { model: model(), scope: 'process-tree', intervalSeconds: 0.7 }));
  });

  test('the series stays under maxSeriesPoints for a long run, in time order, with time-weighted means', () => {
    // 1000 intervals: the first 500 at u_tree 0 (2 W), the last 500 at u_tree 1 (10 W).
    const s: Sample[] = [];
    let tree = 0;
    for (let t = 0; t <= 1000; t++) {
      if (t > 500) tree += 2;
      s.push(sample({ t, busy: tree, tree }));
    }
    const r = integrate(s, { model: model(), scope: 'process-tree', intervalSeconds: 1, maxSeriesPoints: 16 });
    expect(r.series.length).toBeLessThan(16);
    expect(r.series.length).toBeGreaterThanOrEqual(8);
    for (let i = 1; i < r.series.length; i++) expect(r.series[i].tS).toBeGreaterThan(r.series[i - 1].tS);
    expect(r.series[r.series.length - 1].tS).toBe(1000);
    expect(r.series[r.series.length - 1].cpuWatts).toBeCloseTo(10, 10);
    for (const p of r.series) {
      expect(p.cpuWatts).toBeGreaterThanOrEqual(2 - 1e-9);
      expect(p.cpuWatts).toBeLessThanOrEqual(10 + 1e-9);
    }
    // energy is integrated from the intervals, not from the merged series: 500 × 2 + 500 × 10 = 6000 J
    expect(J(r.cpuWh)).toBeCloseTo(6000, 6);
  });

  // Regression test: pushPoint once merged *all* neighbours pairwise each time the series filled, so
  // the oldest point covered half the run and the newest a couple of seconds. Points now accumulate
  // into a bucket whose width doubles with each merge.
  test('each point of the bounded series covers a similar span of time', () => {
    const s: Sample[] = [];
    let tree = 0;
    for (let t = 0; t <= 1000; t++) {
      if (t > 500) tree += 2;
      s.push(sample({ t, busy: tree, tree }));
    }
    const r = integrate(s, { model: model(), scope: 'process-tree', intervalSeconds: 1, maxSeriesPoints: 16 });
    const spans = r.series.map((p, i) => p.tS - (i === 0 ? 0 : r.series[i - 1].tS));
    const full = spans.slice(0, -1);
    expect(Math.max(...full) / Math.min(...full)).toBeLessThanOrEqual(2);
    // the first point then lies wholly in the idle first half
    expect(r.series[0].cpuWatts).toBeCloseTo(2, 10);
  });

  test('merged points are time-weighted means: a 1 s point and a 3 s point merge to (a·1 + b·3)/4', () => {
    // maxSeriesPoints 2: the second point triggers a merge of the pair.
    // interval 1: Δt 1, u 0 → 2 W; interval 2: Δt 3 (not a gap at a 1.5 s interval: threshold 4.5), u 1 → 10 W
    // merged: (2·1 + 10·3) / 4 = 8 W
    const s = [sample({ t: 0, busy: 0, tree: 0 }), sample({ t: 1, busy: 0, tree: 0 }), sample({ t: 4, busy: 6, tree: 6 })];
    const r = integrate(s, { model: model(), scope: 'process-tree', intervalSeconds: 1.5, maxSeriesPoints: 2 });
    expect(r.series).toHaveLength(1);
    expect(r.series[0].cpuWatts).toBeCloseTo(8, 12);
    expect(r.series[0].tS).toBe(4);
  });

  test('the default bound is 240 points', () => {
    const s = Array.from({ length: 2001 }, (_, t) => sample({ t, busy: t, tree: t / 2 }));
    const r = integrate(s, { model: model(), scope: 'process-tree', intervalSeconds: 1 });
    expect(r.series.length).toBeLessThan(240);
    expect(r.series.length).toBeGreaterThanOrEqual(120);
  });
});

describe('GPU readings missing for some ticks', () => {
  test('the last GPU power is carried forward over ticks without a reading, and the time is counted', () => {
    // t0..t1: 30 W measured; t1..t2 and t2..t3: no reading (tool restarting) → 30 W carried; t3..t4: 50 W.
    // GPU energy = 30 + 30 + 30 + 50 = 140 J; carried 2 s.
    const s = [
      sample({ t: 0, busy: 0, tree: 0, gpu: [gpu({ watts: 30 })] }),
      sample({ t: 1, busy: 0, tree: 0, gpu: [gpu({ watts: 30 })] }),
      sample({ t: 2, busy: 0, tree: 0 }),
      sample({ t: 3, busy: 0, tree: 0 }),
      sample({ t: 4, busy: 0, tree: 0, gpu: [gpu({ watts: 50 })] }),
    ];
    const it = new EnergyIntegrator({ model: model(), scope: 'process-tree', intervalSeconds: 1 });
    for (const x of s) it.add(x);
    const r = it.result();
    expect(J(r.gpuWh)).toBeCloseTo(140, 9);
    expect(it.gpuCarriedSecondsTotal).toBeCloseTo(2, 12);
    expect(r.gpu).toBe('measured');
  });

  test('no GPU ever seen: nothing is carried and GPU energy is zero', () => {
    const it = new EnergyIntegrator({ model: model(), scope: 'process-tree', intervalSeconds: 1 });
    for (const t of [0, 1, 2]) it.add(sample({ t, busy: 0, tree: 0 }));
    expect(it.result().gpuWh).toBe(0);
    expect(it.gpuCarriedSecondsTotal).toBe(0);
    expect(it.result().gpu).toBe('none');
  });
});
