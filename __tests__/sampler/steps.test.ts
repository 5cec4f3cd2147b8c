// Per-step accounting of the TreeTracker over recorded /proc snapshots (stat lines in the kernel's
// format, environ blocks, command lines): the tracker sees nothing else. Oracles are hand-computed.
import { describe, expect, test } from '@jest/globals';
import { parseProcStat, type ProcStat } from '../../src/sampler/linux/procfs.js';
import { TreeTracker, type ProcSource } from '../../src/sampler/linux/tree.js';
import { clipText, describeStep } from '../../src/sampler/linux/steps.js';
import type { StepReading } from '../../src/core/steps/types.js';
import type { TreeReading } from '../../src/core/types.js';

interface Proc {
  pid: number;
  comm?: string;
  ppid: number;
  utime: number;
  cutime?: number;
  start: number;
  env?: string[];
  argv?: string[];
}

function statLine(p: Proc): string {
  const f = [
    p.pid, `(${p.comm ?? 'sh'})`, 'S', p.ppid, p.pid, p.pid, 0, -1, 4194304, 100, 0, 0, 0,
    p.utime, 0, p.cutime ?? 0, 0, 20, 0, 1, 0, p.start, 3133440, 100,
    '18446744073709551615 94757393866752 94757393886633 140725325967904 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 94757393902640 94757393904256 94757482717184 140725325970145 140725325970165 140725325970165 140725325971435 0',
  ];
  return `${f.join(' ')}\n`;
}

const ROOT = 100;

function run(snapshots: Proc[][], extra: { stepDepth?: number; files?: Record<string, string> } = {}) {
  let cur = new Map<number, { stat: ProcStat; p: Proc }>();
  const reads = { environ: 0, cmdline: 0 };
  const src: ProcSource = {
    stat: (pid) => cur.get(pid)?.stat ?? null,
    listPids: () => [...cur.keys()],
    environ: (pid) => {
      reads.environ++;
      const p = cur.get(pid)?.p;
      return p ? `${(p.env ?? ['PATH=/usr/bin']).join('\0')}\0` : null;
    },
    cmdline: (pid) => {
      reads.cmdline++;
      return cur.get(pid)?.p.argv ?? null;
    },
    head: (file) => extra.files?.[file] ?? null,
  };
  const t = new TreeTracker(src, { rootPid: ROOT, clkTck: 100, pageBytes: 4096, stepDepth: extra.stepDepth, nowS: () => 42 });
  const readings = snapshots.map((snap, i) => {
    cur = new Map(snap.map((p) => [p.pid, { stat: parseProcStat(statLine(p)) as ProcStat, p }]));
    return t.read({ fullScan: i === 0 });
  });
  return { readings, reads };
}

/** Cumulative step values after each reading, by id (ended steps keep their final value). */
function stepValues(readings: TreeReading[]): Array<Map<number, number>> {
  const now = new Map<number, number>();
  return readings.map((r) => {
    for (const s of r.steps ?? []) now.set(s.id, s.cpuSeconds);
    return new Map(now);
  });
}

const sumOf = (m: Map<number, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
const init: Proc = { pid: 1, comm: 'init', ppid: 0, utime: 500, start: 1 };

describe('steps in the tree tracker', () => {
  test('a step that exits between ticks gets the CPU it used after the last look (the root reaped it)', () => {
    const root = (utime: number, cutime: number): Proc => ({ pid: ROOT, comm: 'Runner.Worker', ppid: 1, utime, cutime, start: 100 });
    const { readings } = run([
      [init, root(10, 0), { pid: 201, ppid: ROOT, utime: 30, start: 150, env: ['GITHUB_ACTION=__run'] }],
      // 201 used 20 more ticks then exited: the root's cutime grew by its final 50.
      [init, root(12, 50), { pid: 202, ppid: ROOT, utime: 5, start: 160, env: ['GITHUB_ACTION=__run_2'] }],
      [init, root(13, 50), { pid: 202, ppid: ROOT, utime: 25, start: 160, env: ['GITHUB_ACTION=__run_2'] }],
    ]);
    const v = stepValues(readings);
    expect(v[0].get(1)).toBeCloseTo(0.3, 10);
    expect(v[1].get(1)).toBeCloseTo(0.5, 10);
    expect(readings[1].steps?.find((s) => s.id === 1)?.ended).toBe(true);
    expect(v[2].get(2)).toBeCloseTo(0.25, 10);
    // Outside = the root's own utime: 0.10, 0.12, 0.13.
    expect(readings.map((r, i) => r.cpuSeconds - sumOf(v[i]))).toEqual([expect.closeTo(0.1, 10), expect.closeTo(0.12, 10), expect.closeTo(0.13, 10)]);
    expect(readings[0].steps?.[0].info).toEqual({ pid: 201, startS: 1.5, action: '__run' });
    // Info is sent once.
    expect(readings[2].steps?.find((s) => s.id === 2)?.info).toBeUndefined();
  });

  test('children reaped inside a step stay in it; a grandchild that escapes is carried by its step', () => {
    const { readings } = run([
      [init, { pid: ROOT, ppid: 1, utime: 1, start: 100 }, { pid: 201, ppid: ROOT, utime: 10, start: 150 }, { pid: 301, ppid: 201, utime: 40, start: 151 }, { pid: 302, ppid: 201, utime: 7, start: 152 }],
      // 301 exited with 60 and was reaped by 201; 302 was re-parented to init (a daemon) with 9.
      [init, { pid: ROOT, ppid: 1, utime: 1, start: 100 }, { pid: 201, ppid: ROOT, utime: 11, cutime: 60, start: 150 }, { pid: 302, ppid: 1, utime: 9, start: 152 }],
    ]);
    const v = stepValues(readings);
    expect(v[0].get(1)).toBeCloseTo(0.57, 10);
    // 11 + 60 + 7 carried (302's total at the last look inside the tree: the tree counts it the same
    // way; the 2 ticks it used after leaving are escaped CPU)
    expect(v[1].get(1)).toBeCloseTo(0.78, 10);
    expect(readings[1].cpuSeconds).toBeCloseTo(0.79, 10);
    expect(readings[1].escapedCpuSeconds).toBeCloseTo(0.02, 10);
    expect(readings[1].cpuSeconds - sumOf(v[1])).toBeCloseTo(0.01, 10);
  });

  test('two steps ending in one interval share the unexplained growth by their last interval’s CPU', () => {
    const { readings } = run([
      [init, { pid: ROOT, ppid: 1, utime: 0, start: 100 }, { pid: 201, ppid: ROOT, utime: 10, start: 150 }, { pid: 202, ppid: ROOT, utime: 10, start: 151 }],
      [init, { pid: ROOT, ppid: 1, utime: 0, start: 100 }, { pid: 201, ppid: ROOT, utime: 40, start: 150 }, { pid: 202, ppid: ROOT, utime: 20, start: 151 }],
      // Both gone; the root's cutime grew by 100 = 60 last seen + 40 used after.
      [init, { pid: ROOT, ppid: 1, utime: 0, cutime: 100, start: 100 }],
    ]);
    const v = stepValues(readings);
    // Last deltas 30 and 10: 201 gets 40 + 30, 202 gets 20 + 10.
    expect(v[2].get(1)).toBeCloseTo(0.7, 10);
    expect(v[2].get(2)).toBeCloseTo(0.3, 10);
    expect(readings[2].cpuSeconds - sumOf(v[2])).toBeCloseTo(0, 10);
  });

  test('the CLI: the command’s children are steps, and an exec of the command starts one', () => {
    const cmd = (comm: string, utime: number, cutime: number): Proc => ({ pid: 150, comm, ppid: ROOT, utime, cutime, start: 120, argv: comm === 'bash' ? ['bash', '-c', 'npm ci && npm test'] : ['npm', 'test'] });
    const root: Proc = { pid: ROOT, comm: 'node', ppid: 1, utime: 3, start: 100 };
    const { readings } = run(
      [
        [init, root, cmd('bash', 2, 0), { pid: 201, comm: 'npm', ppid: 150, utime: 50, start: 130, argv: ['npm', 'ci'] }],
        // npm ci ended with 80, bash exec'd npm test (comm changed).
        [init, root, cmd('npm', 5, 80)],
        [init, root, cmd('npm', 45, 80), { pid: 202, comm: 'node', ppid: 150, utime: 20, start: 190 }],
      ],
      { stepDepth: 2 },
    );
    const v = stepValues(readings);
    expect([...v[2].keys()]).toEqual([1, 2]);
    expect(v[1].get(1)).toBeCloseTo(0.8, 10);
    // The exec'd command: its own 3 ticks in the interval of the exec (5 − 2), then up to 45 + 80 + 20
    // (its child 202 joins its step) from 82 (85 at the look that saw the exec, less those 3).
    expect(v[1].get(2)).toBeCloseTo(0.03, 10);
    expect(v[2].get(2)).toBeCloseTo(0.63, 10);
    const infos = readings.flatMap((r) => r.steps ?? []).filter((s): s is StepReading & { info: NonNullable<StepReading['info']> } => !!s.info).map((s) => s.info);
    expect(infos).toEqual([
      { pid: 201, startS: 1.3, command: 'npm ci' },
      { pid: 150, startS: 42, command: 'npm test', exec: true },
    ]);
    // Outside: the root 3 + bash's own 2 before the interval of the exec.
    expect(readings[2].cpuSeconds - sumOf(v[2])).toBeCloseTo(0.05, 10);
  });

  test('a step’s environment and command line are read once, when it appears', () => {
    const step: Proc = { pid: 201, ppid: ROOT, utime: 1, start: 150, argv: ['/usr/bin/bash', '-e', '/tmp/_temp/abc.sh'] };
    const { readings, reads } = run(
      [
        [init, { pid: ROOT, ppid: 1, utime: 0, start: 100 }, step],
        [init, { pid: ROOT, ppid: 1, utime: 0, start: 100 }, { ...step, utime: 2 }],
        [init, { pid: ROOT, ppid: 1, utime: 0, start: 100 }, { ...step, utime: 3 }],
      ],
      { files: { '/tmp/_temp/abc.sh': '\n# comment\nnpm test -- --ci\nnpm run lint\n' } },
    );
    expect(reads).toEqual({ environ: 1, cmdline: 1 });
    expect(readings[0].steps?.[0].info?.script).toBe('npm test -- --ci');
  });

  test('a child reaped between the reads of its parent and its own: the shortfall its step carried is taken back when the parent’s child times make it up', () => {
    const root: Proc = { pid: ROOT, ppid: 1, utime: 1, start: 100 };
    const { readings } = run([
      [init, root, { pid: 201, ppid: ROOT, utime: 10, start: 150 }, { pid: 301, ppid: 201, utime: 40, start: 151 }],
      // 201 was read before it reaped 301 (its cutime still 0), 301 after: gone. 40 ticks are carried.
      [init, root, { pid: 201, ppid: ROOT, utime: 10, start: 150 }],
      // Next tick 201's cutime holds 301's final 45 (5 used after the last look): the 40 are taken back.
      [init, root, { pid: 201, ppid: ROOT, utime: 10, cutime: 45, start: 150 }],
    ]);
    const v = stepValues(readings);
    expect([v[0].get(1), v[1].get(1), v[2].get(1)]).toEqual([expect.closeTo(0.5, 10), expect.closeTo(0.5, 10), expect.closeTo(0.55, 10)]);
    expect(readings.map((r) => r.cpuSeconds)).toEqual([expect.closeTo(0.51, 10), expect.closeTo(0.51, 10), expect.closeTo(0.56, 10)]);
  });

  test('stepDepth 0 turns per-step tracking off: no steps, nothing read for them, the same tree total', () => {
    const snaps: Proc[][] = [
      [init, { pid: ROOT, ppid: 1, utime: 1, start: 100 }, { pid: 201, ppid: ROOT, utime: 10, start: 150 }],
      [init, { pid: ROOT, ppid: 1, utime: 1, cutime: 25, start: 100 }],
    ];
    const off = run(snaps, { stepDepth: 0 });
    expect(off.readings.map((r) => r.steps)).toEqual([undefined, undefined]);
    expect(off.reads).toEqual({ environ: 0, cmdline: 0 });
    expect(off.readings.map((r) => r.cpuSeconds)).toEqual([expect.closeTo(0.11, 10), expect.closeTo(0.26, 10)]);
    expect(run(snaps).readings[1].cpuSeconds).toBeCloseTo(0.26, 10);
  });
});

describe('describeStep', () => {
  test('reads GITHUB_ACTION* variables and the first line of a -c script, clipped to one line', () => {
    const env = ['PATH=/bin', 'GITHUB_ACTION=__actions_checkout', 'GITHUB_ACTION_REPOSITORY=actions/checkout', 'GITHUB_ACTION_REF=v4', 'XGITHUB_ACTION=no'].join('\0');
    const info = describeStep({ environ: () => env, cmdline: () => ['sh', '-c', `echo ${'x'.repeat(200)}\nexit 1`] }, 7, 9);
    expect(info.action).toBe('__actions_checkout');
    expect(info.actionRepository).toBe('actions/checkout');
    expect(info.actionRef).toBe('v4');
    expect(info.script).toHaveLength(120);
    expect(info.script?.endsWith('…')).toBe(true);
  });

  test('clipText removes control characters', () => {
    expect(clipText('a\tb\u001b[31mc\n')).toBe('a b [31mc');
  });
});
