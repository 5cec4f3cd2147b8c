// How the TreeTracker finds new processes without listing /proc on every tick a pid was allocated:
// pids are allocated in increasing order (until the counter wraps, which forces a full scan), so the
// processes created since the previous tick are among the pids after the last one allocated then
// (/proc/loadavg). It reads those few (skipping threads, whose ids share the pid space) instead of a
// listing, and lists /proc when there are more than 32. Recorded snapshots; counters of every read.
import { describe, expect, test } from '@jest/globals';
import { parseProcStat, type ProcStat } from '../../src/sampler/linux/procfs.js';
import { TreeTracker, type ProcSource } from '../../src/sampler/linux/tree.js';

interface Proc {
  pid: number;
  ppid: number;
  utime: number;
  cutime?: number;
  start: number;
  env?: string[];
  /** A thread (its id is not a thread group's): its stat line shows its whole process. */
  thread?: boolean;
  /** Threads of the process (stat field 20); 2 for a thread's line and a process that has one. */
  threads?: number;
}

const statLine = (p: Proc): string =>
  `${p.pid} (sh) S ${p.ppid} ${p.pid} ${p.pid} 0 -1 4194304 100 0 0 0 ${p.utime} 0 ${p.cutime ?? 0} 0 20 0 ${p.threads ?? (p.thread ? 2 : 1)} 0 ${p.start} 3133440 100 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n`;

/** Replays snapshots with /proc/loadavg's last pid per snapshot; counts listings and stat reads. */
function replay(snaps: Proc[][], lastPids: number[]) {
  let cur = new Map<number, { stat: ProcStat; p: Proc }>();
  let i = 0;
  const calls = { listPids: 0, stat: 0, isProcess: 0, exists: 0 };
  const src: ProcSource = {
    stat: (pid) => {
      calls.stat++;
      return cur.get(pid)?.stat ?? null;
    },
    // A listing shows thread groups only, as /proc does.
    listPids: () => {
      calls.listPids++;
      return [...cur.values()].filter((x) => !x.p.thread).map((x) => x.p.pid);
    },
    environ: (pid) => {
      const p = cur.get(pid)?.p;
      return p ? `${(p.env ?? ['PATH=/usr/bin']).join('\0')}\0` : null;
    },
    lastPid: () => lastPids[i],
    // /proc/<tid> exists for threads too.
    exists: (pid) => {
      calls.exists++;
      return cur.has(pid);
    },
    isProcess: (pid) => {
      calls.isProcess++;
      const p = cur.get(pid)?.p;
      return p !== undefined && !p.thread;
    },
  };
  const at = (k: number): void => {
    i = k;
    cur = new Map(snaps[k].map((p) => [p.pid, { stat: parseProcStat(statLine(p)) as ProcStat, p }]));
  };
  return { src, calls, at };
}

const ROOT = 100;
const init: Proc = { pid: 1, ppid: 0, utime: 500, start: 1 };
const agent: Proc = { pid: 50, ppid: 1, utime: 900, start: 10 };
const root = (cutime = 0): Proc => ({ pid: ROOT, ppid: 1, utime: 10, cutime, start: 100 });
const step = (utime: number, cutime = 0): Proc => ({ pid: 201, ppid: ROOT, utime, cutime, start: 150 });

function track(snaps: Proc[][], lastPids: number[], opts: { discovery?: 'pids' | 'list'; marker?: string } = {}) {
  const r = replay(snaps, lastPids);
  const t = new TreeTracker(r.src, { rootPid: ROOT, clkTck: 100, pageBytes: 4096, ...(opts.discovery ? { discovery: opts.discovery } : {}), ...(opts.marker ? { marker: opts.marker } : {}) });
  return snaps.map((_, k) => {
    r.at(k);
    const before = { ...r.calls };
    const reading = t.read({ fullScan: k === 0 });
    return { reading, listed: r.calls.listPids > before.listPids, stats: r.calls.stat - before.stat, exists: r.calls.exists - before.exists, isProcess: r.calls.isProcess - before.isProcess };
  });
}

describe('discovery by the pids allocated since the previous tick', () => {
  test('churn: short processes started and reaped between ticks are read by pid, gone, and nothing is listed; their CPU arrives through the step’s child times', () => {
    // Each tick the step ran 6 short commands (pids 301–306, 307–312, 313–318) that were gone by the next look.
    const snaps = [[init, agent, root(), step(2)], [init, agent, root(), step(3, 3)], [init, agent, root(), step(3, 7)], [init, agent, root(), step(4, 12)]];
    const got = track(snaps, [300, 306, 312, 318]);
    expect(got.map((g) => g.listed)).toEqual([true, false, false, false]);
    // The 6 new pids are looked up (none of them is there any more), and only the root and the step are read:
    // a failed read costs an exception, a look-up does not. The last two of them are looked up once more at
    // the next tick (a fork in flight has its pid before its /proc entry), and the step is looked up before
    // its read (its parent was read: it ran, and may have reaped it; this source has no schedstat to tell):
    // 1 + 6, then 1 + 2 + 6.
    expect(got.slice(1).map((g) => g.exists)).toEqual([7, 9, 9]);
    expect(got.slice(1).map((g) => g.stats)).toEqual([2, 2, 2]);
    expect(got.slice(1).map((g) => g.isProcess)).toEqual([0, 0, 0]);
    expect(got.map((g) => g.reading.cpuSeconds)).toEqual([expect.closeTo(0.12, 10), expect.closeTo(0.16, 10), expect.closeTo(0.2, 10), expect.closeTo(0.26, 10)]);
    expect(got[3].reading.steps).toEqual([{ id: 1, cpuSeconds: expect.closeTo(0.16, 10) }]);
  });

  test('the previous discovery (`list`) lists on every tick the last pid moved, with the same totals', () => {
    const snaps = [[init, agent, root(), step(2)], [init, agent, root(), step(3, 3)], [init, agent, root(), step(3, 7)]];
    const got = track(snaps, [300, 306, 312], { discovery: 'list' });
    expect(got.map((g) => g.listed)).toEqual([true, true, true]);
    expect(got[2].reading.cpuSeconds).toBeCloseTo(0.2, 10);
  });

  test('a new child that is still running is read by its pid and adopted with all its CPU; a thread of it is not a process', () => {
    const child: Proc = { pid: 310, ppid: 201, utime: 40, start: 160, threads: 2 };
    // Thread 311 of process 310: its parent is 310's parent, and its line shows the whole process.
    const thread: Proc = { pid: 311, ppid: 201, utime: 40, start: 161, thread: true };
    const snaps = [
      [init, agent, root(), step(2)],
      [init, agent, root(), step(3), child, thread],
      [init, agent, root(), step(3), { ...child, utime: 90 }, { ...thread, utime: 90 }],
    ];
    const got = track(snaps, [300, 311, 311]);
    expect(got.map((g) => g.listed)).toEqual([true, false, false]);
    // Both lines show two threads, so both pids are asked whether they are a process.
    expect(got[1].isProcess).toBe(2);
    expect(got[1].reading.processes).toBe(3);
    expect(got[2].reading.cpuSeconds).toBeCloseTo(1.03, 10);
    expect(got[2].reading.steps).toEqual([{ id: 1, cpuSeconds: expect.closeTo(0.93, 10) }]);
  });

  test('a new single-threaded child is a process by its stat line alone (one thread): no status read', () => {
    const child: Proc = { pid: 305, ppid: 201, utime: 5, start: 160 };
    const snaps = [
      [init, agent, root(), step(2)],
      [init, agent, root(), step(3), child],
    ];
    const got = track(snaps, [300, 306]);
    expect(got[1]).toMatchObject({ listed: false, exists: 7, isProcess: 0 });
    expect(got[1].reading.processes).toBe(3);
    expect(got[1].reading.steps).toEqual([{ id: 1, cpuSeconds: expect.closeTo(0.08, 10) }]);
  });

  test('a fork in flight at the look (its pid allocated, its process not attached to it yet) is found at the next tick', () => {
    // Tick 1: loadavg says 306 was allocated, but /proc/306 is not there yet (the kernel attaches the new
    // process to its pid later in fork). Tick 2: no pid was allocated since, and the step's child is there.
    const child: Proc = { pid: 306, ppid: 201, utime: 5, start: 160 };
    const snaps = [[init, agent, root(), step(2)], [init, agent, root(), step(3)], [init, agent, root(), step(3), child], [init, agent, root(), step(3), { ...child, utime: 9 }]];
    const got = track(snaps, [300, 306, 306, 306]);
    // The step (and then the child) is looked up too before its read: its parent was read (see the churn test).
    expect(got.map((g) => g.exists)).toEqual([0, 7, 3, 2]);
    expect(got[2].reading.processes).toBe(3);
    expect(got[3].reading.steps).toEqual([{ id: 1, cpuSeconds: expect.closeTo(0.12, 10) }]);
    expect(got[3].reading.cpuSeconds).toBeCloseTo(0.22, 10);
  });

  test('a marked daemon that left the tree between two ticks is read by its pid and counted as escaped', () => {
    const env = ['PATH=/usr/bin', 'RUNNER_TRACKING_ID=github_abc'];
    const snaps = [
      [init, agent, { ...root(), env }, { ...step(2), env }],
      [init, agent, { ...root(), env }, { ...step(3, 1), env }, { pid: 320, ppid: 1, utime: 30, start: 170, env }],
      [init, agent, { ...root(), env }, { ...step(3, 1), env }, { pid: 320, ppid: 1, utime: 80, start: 170, env }],
    ];
    const got = track(snaps, [300, 320, 320], { marker: 'RUNNER_TRACKING_ID=github_abc' });
    expect(got.map((g) => g.listed)).toEqual([true, false, false]);
    expect(got[2].reading.escapedCpuSeconds).toBeCloseTo(0.8, 10);
    expect(got[2].reading.cpuSeconds).toBeCloseTo(0.14, 10);
  });

  test('more than 32 new pids since the previous tick: /proc is listed instead', () => {
    const snaps = [
      [init, agent, root(), step(2)],
      [init, agent, root(), step(3), { pid: 340, ppid: 201, utime: 7, start: 190 }],
      [init, agent, root(), step(3), { pid: 340, ppid: 201, utime: 9, start: 190 }],
    ];
    const got = track(snaps, [300, 340, 341]);
    expect(got.map((g) => g.listed)).toEqual([true, true, false]);
    expect(got[2].reading.cpuSeconds).toBeCloseTo(0.22, 10);
  });
});
