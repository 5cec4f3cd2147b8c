// Schedstat first (look.ts): a single-threaded member's stat line is read only when its main thread's
// run time moved since the stat read that last found it, or when its parent died (re-parenting is the
// one change a process does not cause itself). Recorded snapshots of stat and schedstat; every read is
// counted.
import { describe, expect, test } from '@jest/globals';
import { parseProcStat, type ProcStat } from '../../src/sampler/linux/procfs.js';
import { TreeTracker, type ProcSource } from '../../src/sampler/linux/tree.js';

interface Proc {
  pid: number;
  ppid: number;
  utime: number;
  cutime?: number;
  start: number;
  /** The main thread's run time (ns): what schedstat shows. */
  runNs: number;
  state?: string;
  threads?: number;
}

const statLine = (p: Proc): string =>
  `${p.pid} (sh) ${p.state ?? 'S'} ${p.ppid} ${p.pid} ${p.pid} 0 -1 4194304 100 0 0 0 ${p.utime} 0 ${p.cutime ?? 0} 0 20 0 ${p.threads ?? 1} 0 ${p.start} 3133440 100 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n`;

/**
 * Replays snapshots. A pid's schedstat descriptor is opened by its first read and stays bound to that
 * process, as the kept files are: once the process is gone, a read fails (and closes it), even when the
 * pid has been reused.
 */
function track(snaps: Proc[][], fullScanAt: number[] = [0]) {
  let cur = new Map<number, Proc>();
  const open = new Map<number, number>();
  const reads: number[][] = [];
  let tickReads: number[] = [];
  const schedReads: number[][] = [];
  let tickSched: number[] = [];
  const src: ProcSource = {
    exists: (pid) => cur.has(pid),
    stat: (pid) => {
      tickReads.push(pid);
      const p = cur.get(pid);
      return p ? (parseProcStat(statLine(p)) as ProcStat) : null;
    },
    schedstat: (pid) => {
      tickSched.push(pid);
      const p = cur.get(pid);
      const boundTo = open.get(pid);
      if (boundTo !== undefined && boundTo !== p?.start) {
        // The read fails with ESRCH: the process it was opened for has been reaped.
        open.delete(pid);
        return 'gone';
      }
      if (!p) return null;
      const opened = boundTo === undefined;
      open.set(pid, p.start);
      return { onCpuNs: p.runNs, runDelayNs: 0, opened };
    },
    listPids: () => [...cur.keys()],
    lastPid: () => 1000,
  };
  const t = new TreeTracker(src, { rootPid: 100, clkTck: 100, pageBytes: 4096 });
  const readings = snaps.map((snap, k) => {
    cur = new Map(snap.map((p) => [p.pid, p]));
    tickReads = [];
    tickSched = [];
    const r = t.read({ fullScan: fullScanAt.includes(k) });
    reads.push(tickReads.sort((a, b) => a - b));
    schedReads.push(tickSched.sort((a, b) => a - b));
    return r;
  });
  return { readings, reads, schedReads, tracker: t };
}

const root = (o: Partial<Proc> = {}): Proc => ({ pid: 100, ppid: 1, utime: 10, start: 100, runNs: 1e8, ...o });
const stepP = (o: Partial<Proc> = {}): Proc => ({ pid: 201, ppid: 100, utime: 20, start: 150, runNs: 2e8, ...o });
const child = (o: Partial<Proc> = {}): Proc => ({ pid: 301, ppid: 201, utime: 30, start: 160, runNs: 3e8, ...o });

describe('schedstat first', () => {
  test('idle members are not read; one whose run time moved is, with its new CPU', () => {
    const idle = [root(), stepP(), child()];
    const { readings, reads } = track([idle, idle, idle, [root(), stepP(), child({ utime: 45, runNs: 4.5e8 })], [root(), stepP(), child({ utime: 45, runNs: 4.5e8 })]]);
    // Tick 0 reads every pid (a full scan); tick 1 pairs each member's schedstat with a stat read; then
    // only the member whose run time moved is read.
    expect(reads).toEqual([[100, 201, 301], [100, 201, 301], [], [301], []]);
    expect(readings.map((r) => r.cpuSeconds)).toEqual([0.6, 0.6, 0.6, expect.closeTo(0.75, 10), expect.closeTo(0.75, 10)]);
    expect(readings[4].steps).toEqual([{ id: 1, cpuSeconds: expect.closeTo(0.65, 10) }]);
  });

  test('a multi-threaded member is read every tick (the other threads’ time is not in the main thread’s schedstat)', () => {
    const snap = [root(), stepP(), child({ threads: 3 })];
    const { reads, readings } = track([snap, snap, snap, [root(), stepP(), child({ threads: 3, utime: 90 })]]);
    expect(reads.slice(2)).toEqual([[301], [301]]);
    expect(readings[3].cpuSeconds).toBeCloseTo(1.2, 10);
  });

  test('full scans read every member', () => {
    const snap = [root(), stepP(), child()];
    const { reads } = track([snap, snap, snap, snap], [0, 3]);
    expect(reads[2]).toEqual([]);
    expect(reads[3]).toEqual(expect.arrayContaining([100, 201, 301]));
  });

  test('a child whose parent vanished is read although it did not run: re-parented away, it escapes', () => {
    // 201 exits and the root reaps it (the root ran: its run time moved, its child times grew by 201's
    // total); 301, asleep, was re-parented to init without running.
    const snap = [root(), stepP(), child()];
    const after = [root({ cutime: 20, runNs: 1.1e8 }), child({ ppid: 1 })];
    const { reads, readings, tracker } = track([snap, snap, snap, after, after]);
    // 201's schedstat read fails with ESRCH: gone, with no stat read. 301 twice: by the refresh, then as a
    // new member of the escaped group (read every tick).
    expect(reads[3]).toEqual([100, 301, 301]);
    expect(tracker.isKnownOutside(301)).toBe('escaped');
    expect(readings[3].processes).toBe(1);
    expect(readings[3].cpuSeconds).toBeCloseTo(0.6, 10);
  });

  test('a child whose parent exited (a zombie, not yet reaped) is read: re-parented away, it escapes', () => {
    const snap = [root(), stepP(), child()];
    const after = [root(), stepP({ state: 'Z', runNs: 2.1e8 }), child({ ppid: 1 })];
    const { reads, tracker } = track([snap, snap, snap, after]);
    expect(reads[3]).toEqual([201, 301, 301]);
    expect(tracker.isKnownOutside(301)).toBe('escaped');
  });

  test('a child its parent reaped is not read at all: its pid is looked up first (a failed read throws)', () => {
    const snap = [root(), stepP(), child()];
    // 201 ran (its run time moved) and reaped 301: its child times grew by 301's total.
    const after = [root(), stepP({ cutime: 30, runNs: 2.2e8 })];
    const { reads, schedReads, readings } = track([snap, snap, snap, after]);
    expect(reads[3]).toEqual([201]);
    expect(schedReads[3]).toEqual([100, 201]);
    expect(readings[3].processes).toBe(2);
    expect(readings[3].cpuSeconds).toBeCloseTo(0.6, 10);
    expect(readings[3].steps).toEqual([{ id: 1, cpuSeconds: expect.closeTo(0.5, 10) }]);
  });

  test('a member adopted by this tick’s discovery is left to the next tick’s contention read', () => {
    const snap = [root(), stepP()];
    const { tracker } = track([snap, [root(), stepP()]]);
    expect([...tracker.refreshedPids()]).toEqual([100, 201]);
    const first = track([[root()], [root(), stepP()]], [0, 1]);
    expect([...first.tracker.memberPids()]).toEqual([100, 201]);
    expect([...first.tracker.refreshedPids()]).toEqual([100]);
  });

  test('a pid reused behind a new schedstat descriptor is read, and the new process is not the member', () => {
    const snap = [root(), stepP(), child()];
    // 301 exited unseen and was reaped by 201 (which ran), and a new process took pid 301, started later,
    // with (by chance) the run time the member had: the member's descriptor fails (ESRCH), so it is gone.
    const after = [root(), stepP({ cutime: 30, runNs: 2.2e8 }), child({ start: 400, utime: 1, runNs: 3e8 })];
    const { reads, readings } = track([snap, snap, snap, after]);
    expect(reads[3]).toEqual([201]);
    expect(readings[3].processes).toBe(2);
    expect(readings[3].cpuSeconds).toBeCloseTo(0.6, 10);
  });
});

describe('schedstat first on this machine’s /proc', () => {
  test('a sleeping shell and its sleeping child are not read once paired; a busy shell is read every tick, and its CPU is the kernel’s', async () => {
    const { spawn } = await import('node:child_process');
    const { procSource } = await import('../../src/sampler/linux/readers.js');
    const { systemConstants } = await import('../../src/sampler/linux/sysconf.js');
    const { clkTck, pageBytes } = systemConstants();
    const { readFileSync } = await import('node:fs');
    const runNs = (pid: number): string => readFileSync(`/proc/${pid}/schedstat`, 'latin1').split(' ')[0];
    // `; true` keeps each shell alive as the parent of its command (a shell may exec a last command).
    const idle = spawn('sh', ['-c', 'sleep 60; true'], { stdio: 'ignore' });
    const busy = spawn('sh', ['-c', 'i=0; while [ $i -lt 100000000 ]; do i=$((i+1)); done; true'], { stdio: 'ignore' });
    try {
      const counted = (rootPid: number) => {
        const src = procSource('/proc');
        const reads: number[] = [];
        const stat = src.stat;
        src.stat = (pid) => {
          reads.push(pid);
          return stat(pid);
        };
        return { reads, tracker: new TreeTracker(src, { rootPid, clkTck, pageBytes, fullScanEvery: 1000 }) };
      };
      const a = counted(idle.pid!);
      const b = counted(busy.pid!);
      // Wait until the idle shell has started its sleep (two members), then tick both trackers.
      for (let k = 0; k < 100 && a.tracker.read().processes < 2; k++) await new Promise((r) => setTimeout(r, 20));
      const perTick: Array<[number, number]> = [];
      for (let k = 0; k < 5; k++) {
        a.reads.length = 0;
        b.reads.length = 0;
        a.tracker.read();
        b.tracker.read();
        // Only the members' reads: discovery reads new pids of this whole machine (other tests' processes).
        perTick.push([a.reads.filter((p) => a.tracker.isMember(p)).length, b.reads.filter((p) => p === busy.pid).length]);
        // Until the busy shell has run again (however loaded the machine), so that each tick finds it moved.
        const ran = runNs(busy.pid!);
        for (const giveUp = Date.now() + 10_000; runNs(busy.pid!) === ran && Date.now() < giveUp; ) await new Promise((r) => setTimeout(r, 10));
      }
      // The first of these ticks pairs the idle tree's schedstat with its stat lines; after that, nothing.
      expect(perTick.slice(2).map(([x]) => x)).toEqual([0, 0, 0]);
      expect(perTick.map(([, y]) => y)).toEqual([1, 1, 1, 1, 1]);
      // The busy shell's CPU as the tracker has it, against its stat line read now (it runs on: at least).
      const cpu = b.tracker.read().cpuSeconds;
      const f = readFileSync(`/proc/${busy.pid}/stat`, 'latin1').split(') ')[1].split(' ');
      const kernel = (Number(f[11]) + Number(f[12])) / clkTck;
      expect(cpu).toBeGreaterThan(0);
      expect(kernel - cpu).toBeGreaterThanOrEqual(0);
      expect(kernel - cpu).toBeLessThan(0.5);
    } finally {
      idle.kill('SIGKILL');
      busy.kill('SIGKILL');
    }
  }, 60_000);
});
