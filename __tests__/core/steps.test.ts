// Per-step energy and emissions, checked against hand computations (model: fixtures.model(), CPU
// P = 2 + 8·u W over 2 vCPU, RAM 2 W, PUE 1.2), and the naming of steps.
import { describe, expect, test } from '@jest/globals';
import { EnergyIntegrator } from '../../src/core/energy.js';
import { computeEmissions } from '../../src/core/emissions.js';
import { StepAccumulator, type StepInstance } from '../../src/core/steps/accumulate.js';
import { stepBreakdown } from '../../src/core/steps/breakdown.js';
import { couldBe, localName, nameFromApi, nameLocally } from '../../src/core/steps/name.js';
import type { StepReading, StepRow } from '../../src/core/steps/types.js';
import { model, sample, T0_WALL_MS } from '../helpers/fixtures.js';

const at = (t: number, tree: number, steps: StepReading[]) => sample({ t, busy: 2 * tree, tree, treeExtra: { steps } });

/** Two steps: 1 runs from before the window to t≈2, 2 from t=2.5 to the end (monoS = 1000 + t). */
function twoSteps(opts: { embodied?: boolean; selfPid?: number } = {}) {
  const m = model(opts.embodied ? { embodied: { totalKgCo2e: 1000, instanceVcpus: 2, familyMaxVcpus: 4, source: 'test' } } : {});
  const acc = new StepAccumulator();
  const it = new EnergyIntegrator({ model: m, scope: 'process-tree', intervalSeconds: 1, onSplit: (x) => acc.interval(x) });
  for (const s of [
    at(0, 0, [{ id: 1, cpuSeconds: 0, info: { pid: 11, startS: 999, script: 'npm ci' } }]),
    at(1, 1, [{ id: 1, cpuSeconds: 0.6 }]),
    at(3, 2, [
      { id: 1, cpuSeconds: 0.8, ended: true },
      { id: 2, cpuSeconds: 0.5, info: { pid: 12, startS: 1002.5, script: 'npm test' } },
    ]),
  ])
    it.add(s);
  const energy = it.result();
  const emissions = computeEmissions(energy, m, { gCo2ePerKwh: 1000, location: 'input', source: 'input', kind: 'input', status: { status: 'modelled' } }, true);
  const rows = stepBreakdown(acc, energy, emissions, { api: null, selfPid: opts.selfPid }) as StepRow[];
  return { acc, energy, emissions, rows };
}

const J = (wh: number): number => wh * 3600;

describe('per-step energy', () => {
  test('work energy by CPU share, time energy by time share, the rest outside (hand-computed)', () => {
    const { rows, energy } = twoSteps();
    expect(rows.map((r) => r.name)).toEqual(['npm ci', 'npm test', 'outside steps']);
    const [ci, t, out] = rows;
    // Interval 0→1: u = 1/2 → 6 W: idle 2 W (time) + 4 W (work); step 1 has 0.6 of 1.0 CPU-s: 2.4 J + 2 J idle.
    // Interval 1→3: u = 1/(2·2) → 4 W: 4 J work (0.2 → 0.8 J, 0.5 → 2 J), 4 J idle; step 1 ran 1→2 (the
    // midpoint of its last two readings) → 1/2 of the time, step 2 2.5→3 → 1/4.
    expect(J(ci.cpuWh)).toBeCloseTo(4.4 + 0.8 + 2, 9);
    expect(J(ci.ramWh)).toBeCloseTo(2 + 2, 9);
    expect(J(t.cpuWh)).toBeCloseTo(2 + 1, 9);
    expect(J(t.ramWh)).toBeCloseTo(1, 9);
    expect(J(out.cpuWh)).toBeCloseTo(1.6 + 1.2 + 1, 9);
    expect(J(out.ramWh)).toBeCloseTo(1, 9);
    expect(ci.cpuSeconds).toBeCloseTo(0.8, 12);
    expect(t.cpuSeconds).toBeCloseTo(0.5, 12);
    expect(out.cpuSeconds).toBeCloseTo(0.7, 12);
    expect(J(energy.totalWh)).toBeCloseTo(20, 9);
    // Durations: step 1 from its process start (999) to 1002; step 2 from 1002.5 to the last sample.
    expect(ci.durationSeconds).toBeCloseTo(3, 9);
    expect(t.durationSeconds).toBeCloseTo(0.5, 9);
    expect(ci.startedWallMs).toBe(T0_WALL_MS - 1000);
    // Charged time: step 1 1 + 2·½ s, step 2 2·¼ s.
    expect(out.durationSeconds).toBeCloseTo(3 - 2 - 0.5, 9);
  });

  test('every column of the steps and the outside row sums to the job', () => {
    const { rows, energy, emissions } = twoSteps({ embodied: true });
    const sum = (f: (r: StepRow) => number): number => rows.reduce((a, r) => a + f(r), 0);
    expect(sum((r) => r.cpuWh)).toBeCloseTo(energy.cpuWh, 12);
    expect(sum((r) => r.ramWh)).toBeCloseTo(energy.ramWh, 12);
    expect(sum((r) => r.totalWh)).toBeCloseTo(energy.totalWh, 12);
    expect(sum((r) => r.cpuSeconds)).toBeCloseTo(energy.treeCpuSeconds as number, 12);
    expect(sum((r) => r.operationalGCo2e)).toBeCloseTo(emissions.operationalGCo2e, 12);
    expect(sum((r) => r.embodiedGCo2e)).toBeCloseTo(emissions.embodiedGCo2e, 12);
    expect(sum((r) => r.gatedGCo2e)).toBeCloseTo(emissions.gatedGCo2e, 12);
    expect(sum((r) => r.share)).toBeCloseTo(1, 12);
    // Embodied follows time: step 1 was charged 1 + 1 s of the 3 s window.
    expect(rows[0].embodiedGCo2e).toBeCloseTo((emissions.embodiedGCo2e * 2) / 3, 12);
    // Operational = Wh × PUE × intensity.
    expect(rows[1].operationalGCo2e).toBeCloseTo((rows[1].totalWh / 1000) * 1.2 * 1000, 12);
  });

  test('carbon-gate’s own post step is folded into the outside row', () => {
    const { rows } = twoSteps({ selfPid: 12 });
    expect(rows.map((r) => r.name)).toEqual(['npm ci', 'outside steps']);
    expect(J(rows[1].cpuWh)).toBeCloseTo(3.8 + 3, 9);
    expect(rows[1].instances).toBe(1);
  });
});

const inst = (id: number, startS: number, info: Partial<StepInstance['info']> = {}): StepInstance => ({
  id,
  info: { pid: id, startS, ...info },
  startS,
  endS: startS + 1,
  cpuSeconds: 0,
  chargedSeconds: 0,
  cpuJ: 0,
  ramJ: 0,
  gpuJ: 0,
});

describe('step names', () => {
  test('local: action reference, script line, command, GITHUB_ACTION, in that order', () => {
    expect(localName({ pid: 1, startS: 0, actionRepository: 'actions/checkout', actionRef: 'v4', action: '__actions_checkout', command: 'node x' }, 1)).toBe('actions/checkout@v4');
    expect(localName({ pid: 1, startS: 0, action: '__run', script: 'npm test', command: 'bash -e /tmp/x.sh' }, 1)).toBe('npm test');
    expect(localName({ pid: 1, startS: 0, action: '__run_2', command: 'node build.js' }, 1)).toBe('node build.js');
    expect(localName({ pid: 1, startS: 0, action: '__run_2' }, 1)).toBe('__run_2');
    expect(localName(null, 7)).toBe('step 7');
  });

  test('local: a composite action’s run: steps are one step; repeated names are numbered', () => {
    const groups = nameLocally([
      inst(1, 10, { actionRepository: 'acme/setup', actionRef: 'v1', actionPath: '/a/acme/setup/v1', script: 'echo 1' }),
      inst(2, 12, { actionRepository: 'acme/setup', actionRef: 'v1', actionPath: '/a/acme/setup/v1', script: 'echo 2' }),
      inst(3, 14, { script: 'npm test' }),
      inst(4, 16, { script: 'npm test' }),
    ]);
    expect(groups.map((g) => [g.name, g.instances.map((i) => i.id)])).toEqual([
      ['acme/setup@v1', [1, 2]],
      ['npm test', [3]],
      ['npm test (2)', [4]],
    ]);
  });

  test('API: a short step followed within the same second by the next one keeps its own instance', () => {
    const wall = (s: number): number => 1_000_000 + s * 1000;
    const api = [
      { number: 3, name: 'Unit tests', status: 'completed', conclusion: 'success', startedMs: 1_000_000, completedMs: 1_001_000 },
      { number: 4, name: 'Lint', status: 'completed', conclusion: 'success', startedMs: 1_001_000, completedMs: 1_002_000 },
    ];
    // Unit tests ran from 0.7 s to 1.2 s, Lint from 1.25 s to 1.9 s: Lint's start (1 s, floored) lies within ½ s of 0.7 s.
    const groups = nameFromApi([{ ...inst(1, 0.7), endS: 1.2 }, { ...inst(2, 1.25), endS: 1.9 }], api, wall);
    expect(groups.map((g) => [g.name, g.instances.map((i) => i.id)])).toEqual([
      ['Unit tests', [1]],
      ['Lint', [2]],
    ]);
    // Both started within one second (seen in an e2e run): the API says 0 s for both, Unit tests completed
    // at 0 s, so both steps cover the first instance's whole life; it goes to the step without one yet.
    const same = [{ ...api[0], completedMs: 1_000_000 }, { ...api[1], startedMs: 1_000_000, completedMs: 1_001_000 }];
    const tied = nameFromApi([{ ...inst(2, 0.92), endS: 1.3 }, { ...inst(1, 0.24), endS: 0.9 }], same, wall);
    expect(tied.map((g) => [g.name, g.instances.map((i) => i.id)])).toEqual([
      ['Lint', [2]],
      ['Unit tests', [1]],
    ]);
  });

  test('API: a run: step is not given to an unseen action step of the same second (seen in an e2e run)', () => {
    // `Run acme/carbon-gate@v1` (a uses: step, GitHub's default name) lasted 50 ms and the sampler never saw
    // it; `Unit tests` started in the same second, so both cover its instance equally.
    const wall = (s: number): number => 1_000_000 + s * 1000;
    const api = [
      { number: 1, name: 'Pre carbon-gate', status: 'completed', conclusion: 'success', startedMs: 999_000, completedMs: 1_000_000 },
      { number: 2, name: 'Run acme/carbon-gate@v1', status: 'completed', conclusion: 'success', startedMs: 1_000_000, completedMs: 1_000_000 },
      { number: 3, name: 'Unit tests', status: 'completed', conclusion: 'success', startedMs: 1_000_000, completedMs: 1_000_000 },
      { number: 4, name: 'Lint', status: 'completed', conclusion: 'success', startedMs: 1_000_000, completedMs: 1_001_000 },
    ];
    const groups = nameFromApi(
      [
        { ...inst(1, -0.7, { action: 'carbon', actionRepository: 'acme/carbon-gate', actionRef: 'v1' }), endS: 0.52 },
        { ...inst(2, 0.456, { action: '__run', script: 'npm test' }), endS: 0.771 },
        { ...inst(3, 0.866, { action: '__run_2', script: 'npm run lint' }), endS: 1.195 },
      ],
      api,
      wall,
    );
    expect(groups.map((g) => [g.name, g.instances.map((i) => i.id)])).toEqual([
      ['Pre carbon-gate', [1]],
      ['Unit tests', [2]],
      ['Lint', [3]],
    ]);
    // The action's own instance still goes to its step when that step is the one it overlaps.
    expect(couldBe(inst(5, 0, { action: 'carbon', actionRepository: 'acme/carbon-gate' }), api[1])).toBe(true);
    expect(couldBe(inst(5, 0, { action: 'checkout', actionRepository: 'actions/checkout' }), api[1])).toBe(false);
    expect(couldBe(inst(5, 0, { action: '__run' }), api[1])).toBe(false);
    expect(couldBe(inst(5, 0, { action: '__run' }), api[2])).toBe(true);
  });

  test('API: an end estimated late (a delayed tick) does not give an instance to the next step (seen in a clean-clone CI run)', () => {
    const wall = (s: number): number => 1_000_000 + s * 1000;
    const api = [
      { number: 3, name: 'Setup demo', status: 'completed', conclusion: 'success', startedMs: 1_009_000, completedMs: 1_010_000 },
      { number: 4, name: 'Burn one CPU-second', status: 'completed', conclusion: 'success', startedMs: 1_010_000, completedMs: 1_011_000 },
      { number: 5, name: 'Wait', status: 'completed', conclusion: 'success', startedMs: 1_011_000, completedMs: 1_013_000 },
      { number: 6, name: 'Burn six CPU-seconds', status: 'completed', conclusion: 'success', startedMs: 1_013_000, completedMs: 1_020_000 },
    ];
    // The 1 CPU-s step ran from 10.9 s to 11.95 s, but the tick after its end came 1 s late, so its end is
    // estimated at 12.45 s: by that estimate it overlaps Wait ([11 s, 14 s): 1.45 s) more than its own step
    // ([10 s, 12 s): 1.1 s). Wait's own process started at 11.96 s: the 1 CPU-s step had ended by then.
    const groups = nameFromApi(
      [
        { ...inst(1, 9.8), endS: 10.9 },
        { ...inst(2, 10.9), endS: 12.45 },
        { ...inst(3, 11.96), endS: 13.96 },
        { ...inst(4, 13.97), endS: 20.1 },
      ],
      api,
      wall,
    );
    expect(groups.map((g) => [g.name, g.instances.map((i) => i.id)])).toEqual([
      ['Setup demo', [1]],
      ['Burn one CPU-second', [2]],
      ['Wait', [3]],
      ['Burn six CPU-seconds', [4]],
    ]);
  });

  test('API: each instance goes to the step running when it started (times to the second)', () => {
    const wall = (s: number): number => 1_000_000 + s * 1000;
    const api = [
      { number: 1, name: 'Set up job', status: 'completed', conclusion: 'success', startedMs: 1_000_000, completedMs: 1_001_000 },
      { number: 2, name: 'Checkout', status: 'completed', conclusion: 'success', startedMs: 1_001_000, completedMs: 1_003_000 },
      { number: 3, name: 'Test', status: 'completed', conclusion: 'success', startedMs: 1_003_000, completedMs: 1_009_000 },
      { number: 4, name: 'Post x', status: 'in_progress', conclusion: null, startedMs: 1_009_000, completedMs: null },
    ];
    const groups = nameFromApi([inst(1, 1.2), inst(2, 3.4), inst(3, 5), inst(4, 9.3), inst(5, 0.2), inst(6, 2.7)], api, wall);
    expect(groups.map((g) => [g.name, g.number, g.instances.map((i) => i.id)])).toEqual([
      ['Checkout', 2, [1, 6]],
      // 2.7 s to 3.7 s: Test started at 3 s or later (whole seconds, floored), Checkout ran until 3 s or later:
      // the instance ran in Checkout for its whole second, in Test for 0.7 s at most.
      ['Test', 3, [2, 3]],
      ['Post x', 4, [4]],
      ['Set up job', 1, [5]],
    ]);
  });
});
