// TreeTracker over recorded /proc snapshots: each tick is a table of /proc/<pid>/stat lines (in the
// kernel's format, parsed by the real parser) plus environ blocks; the tracker sees nothing else.
import { describe, expect, test } from '@jest/globals';
import { parseProcStat, type ProcStat } from '../../src/sampler/linux/procfs.js';
import { TreeTracker, type ProcSource } from '../../src/sampler/linux/tree.js';

interface Proc {
  pid: number;
  comm?: string;
  state?: string;
  ppid: number;
  utime: number;
  stime?: number;
  cutime?: number;
  cstime?: number;
  start: number;
  rss?: number;
  env?: string[];
}

/** A /proc/<pid>/stat line laid out like the kernel's (the tail is copied from a line recorded on Linux 6.18). */
function statLine(p: Proc): string {
  const f = [
    p.pid, `(${p.comm ?? 'sh'})`, p.state ?? 'S', p.ppid, p.pid, p.pid, 0, -1, 4194304, 100, 0, 0, 0,
    p.utime, p.stime ?? 0, p.cutime ?? 0, p.cstime ?? 0, 20, 0, 1, 0, p.start, 3133440, p.rss ?? 100,
    '18446744073709551615 94757393866752 94757393886633 140725325967904 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 94757393902640 94757393904256 94757482717184 140725325970145 140725325970165 140725325970165 140725325971435 0',
  ];
  return `${f.join(' ')}\n`;
}

/** Replays snapshots: `at(i)` makes snapshot i the current /proc. With `lastPids`, also /proc/loadavg's last pid per snapshot. */
function replay(snapshots: Proc[][], lastPids?: number[]) {
  let cur = new Map<number, { stat: ProcStat; env: string }>();
  let i = 0;
  const calls = { listPids: 0 };
  const src: ProcSource = {
    stat: (pid) => cur.get(pid)?.stat ?? null,
    listPids: () => {
      calls.listPids++;
      return [...cur.keys()];
    },
    environ: (pid) => cur.get(pid)?.env ?? null,
    ...(lastPids ? { lastPid: () => lastPids[i] } : {}),
  };
  return {
    src,
    calls,
    at(k: number): void {
      i = k;
      cur = new Map(snapshots[k].map((p) => [p.pid, { stat: parseProcStat(statLine(p)) as ProcStat, env: (p.env ?? ['PATH=/usr/bin']).join('\0') + '\0' }]));
    },
  };
}

const ROOT = 100;
const opts = { rootPid: ROOT, clkTck: 100, pageBytes: 4096 };

/** Runs the tracker over every snapshot (full scan only where listed) and returns the readings. */
function run(snapshots: Proc[][], extra: Partial<ConstructorParameters<typeof TreeTracker>[1]> = {}, fullScanAt: number[] = [0]) {
  const r = replay(snapshots);
  const t = new TreeTracker(r.src, { ...opts, ...extra });
  const readings = snapshots.map((_, i) => {
    r.at(i);
    return t.read({ fullScan: fullScanAt.includes(i) });
  });
  return { t, readings };
}

const init: Proc = { pid: 1, comm: 'init', ppid: 0, utime: 500, start: 1 };
const other: Proc = { pid: 50, comm: 'agent', ppid: 1, utime: 900, start: 10 };

describe('TreeTracker over recorded snapshots', () => {
  test('sums utime+stime+cutime+cstime of live members and ignores processes outside the tree', () => {
    const { readings } = run([
      [init, other, { pid: ROOT, ppid: 1, utime: 10, stime: 5, cutime: 3, cstime: 2, start: 100 }, { pid: 101, ppid: ROOT, utime: 7, start: 110, rss: 50 }],
      [init, { ...other, utime: 2000 }, { pid: ROOT, ppid: 1, utime: 20, stime: 5, cutime: 3, cstime: 2, start: 100 }, { pid: 101, ppid: ROOT, utime: 57, start: 110, rss: 50 }],
    ]);
    expect(readings[0].cpuSeconds).toBeCloseTo(0.27, 10);
    expect(readings[1].cpuSeconds).toBeCloseTo(0.87, 10);
    expect(readings[1].processes).toBe(2);
    expect(readings[1].rssBytes).toBe(150 * 4096);
    expect(readings[1].method).toBe('procfs');
  });

  test('a child that exits between samples is counted once, through its parent\'s cutime', () => {
    const { t, readings } = run([
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }, { pid: 101, ppid: ROOT, utime: 40, cutime: 10, start: 110 }],
      // 101 burned 20 more ticks after our look, exited; ROOT waited for it: cutime += 40+20+10.
      [init, { pid: ROOT, ppid: 1, utime: 10, cutime: 70, start: 100 }],
    ]);
    expect(readings[0].cpuSeconds).toBeCloseTo(0.6, 10);
    expect(readings[1].cpuSeconds).toBeCloseTo(0.8, 10);
    expect(readings[1].processes).toBe(1);
    expect(t.lostCpuSeconds).toBe(0);
  });

  test('a child reaped between the read of its parent and its own is counted once, and not as lost', () => {
    // One tick reads members one by one: ROOT was read just before it reaped 101, then 101 was gone, so
    // at that tick ROOT's cutime did not show 101 yet. The next read of ROOT holds 101's final total
    // (45 ticks: 5 after our last look at it). Seen on a loaded machine: the shortfall was carried as
    // lost, then counted a second time through ROOT's cutime.
    const { t, readings } = run([
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }, { pid: 101, ppid: ROOT, utime: 40, start: 110 }],
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }],
      [init, { pid: ROOT, ppid: 1, utime: 10, cutime: 45, start: 100 }],
      [init, { pid: ROOT, ppid: 1, utime: 12, cutime: 45, start: 100 }],
    ]);
    expect(readings.map((r) => r.cpuSeconds)).toEqual([0.5, 0.5, 0.55, 0.57]);
    expect(t.lostCpuSeconds).toBe(0);
  });

  test('a shortfall its reaper never makes up stays lost (reaped outside the tree)', () => {
    // 101 vanished and ROOT's cutime never grows by it: re-parented and reaped elsewhere between two ticks.
    const { t, readings } = run([
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }, { pid: 101, ppid: ROOT, utime: 40, start: 110 }],
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }],
      [init, { pid: ROOT, ppid: 1, utime: 11, start: 100 }],
    ]);
    expect(readings.map((r) => r.cpuSeconds)).toEqual([0.5, 0.5, 0.51]);
    expect(t.lostCpuSeconds).toBeCloseTo(0.4, 10);
  });

  test('processes born and reaped between two samples are never lost (cumulative child times)', () => {
    const { readings } = run([
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }],
      [init, { pid: ROOT, ppid: 1, utime: 11, cutime: 300, cstime: 45, start: 100 }],
    ]);
    expect(readings[1].cpuSeconds - readings[0].cpuSeconds).toBeCloseTo(3.46, 10);
  });

  test('a zombie still counts until reaped, and reaping it does not count it twice', () => {
    const { readings } = run([
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }, { pid: 101, ppid: ROOT, utime: 60, start: 110 }],
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }, { pid: 101, state: 'Z', ppid: ROOT, utime: 70, start: 110, rss: 0 }],
      [init, { pid: ROOT, ppid: 1, utime: 10, cutime: 70, start: 100 }],
    ]);
    expect(readings.map((r) => r.cpuSeconds)).toEqual([0.7, 0.8, 0.8]);
    expect(readings[1].processes).toBe(2);
  });

  test('a reused pid is not mistaken for its predecessor (starttime identity)', () => {
    const { t, readings } = run(
      [
        [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }, { pid: 200, ppid: ROOT, utime: 40, start: 110 }],
        // 200 exited and was reaped by ROOT; the pid now belongs to an unrelated busy process.
        [init, { pid: ROOT, ppid: 1, utime: 10, cutime: 45, start: 100 }, { pid: 200, comm: 'other', ppid: 1, utime: 5000, start: 900 }],
        // ...and later to a new child of the tree, which is counted from its own start.
        [init, { pid: ROOT, ppid: 1, utime: 10, cutime: 45, start: 100 }, { pid: 200, ppid: ROOT, utime: 3, start: 950 }],
      ],
      {},
      [0, 2],
    );
    expect(readings[1].cpuSeconds).toBeCloseTo(0.55, 10);
    expect(readings[1].processes).toBe(1);
    expect(readings[2].cpuSeconds).toBeCloseTo(0.58, 10);
    expect(readings[2].processes).toBe(2);
    expect(t.lostCpuSeconds).toBe(0);
  });

  test('a reused root pid ends the tree instead of counting the stranger', () => {
    const { readings } = run([
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }],
      [init, { pid: ROOT, comm: 'stranger', ppid: 1, utime: 9000, start: 5000 }],
    ]);
    expect(readings[1].rootGone).toBe(true);
    expect(readings[1].cpuSeconds).toBeCloseTo(0.1, 10);
  });

  test('a double-forked daemon leaves the tree: what it used inside stays, what it uses after is escaped', () => {
    const { t, readings } = run([
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }, { pid: 101, ppid: ROOT, utime: 5, start: 110 }, { pid: 102, comm: 'daemon', ppid: 101, utime: 20, start: 111 }],
      // 101 exited (reaped by ROOT); 102 was re-parented to init and keeps burning.
      [init, { pid: ROOT, ppid: 1, utime: 10, cutime: 6, start: 100 }, { pid: 102, comm: 'daemon', ppid: 1, utime: 50, start: 111 }],
      [init, { pid: ROOT, ppid: 1, utime: 10, cutime: 6, start: 100 }, { pid: 102, comm: 'daemon', ppid: 1, utime: 250, start: 111 }],
      [init, { pid: ROOT, ppid: 1, utime: 10, cutime: 6, start: 100 }],
    ]);
    // Tree: ROOT 10 + 101's 6 + the daemon's 20 at our last look while it was inside (carried). The 30
    // ticks it burnt between that look and the one that found it outside are escaped, not the tree's:
    // nothing in the tree waits for it, so the kernel charges them to nobody in the tree either.
    expect(readings[1].cpuSeconds).toBeCloseTo(0.36, 10);
    expect(readings[2].cpuSeconds).toBeCloseTo(0.36, 10);
    expect(readings[1].processes).toBe(1);
    expect(readings[1].escapedCpuSeconds).toBeCloseTo(0.3, 10);
    expect(readings[2].escapedCpuSeconds).toBeCloseTo(2.3, 10);
    expect(readings[3].escapedCpuSeconds).toBeCloseTo(2.3, 10);
    expect(t.lostCpuSeconds).toBe(0);
  });

  test('a leaver keeps in the tree the members it reaped while still inside, not its own CPU after our last look', () => {
    const { t, readings } = run([
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }, { pid: 101, ppid: ROOT, utime: 5, start: 110 }, { pid: 102, ppid: 101, utime: 4, start: 111 }, { pid: 103, ppid: 102, utime: 7, start: 112 }],
      // 103 exited and was reaped by 102 (cutime 7); 101 exited (reaped by ROOT); 102 left the tree and burnt 40 more.
      [init, { pid: ROOT, ppid: 1, utime: 10, cutime: 5, start: 100 }, { pid: 102, ppid: 1, utime: 44, cutime: 7, start: 111 }],
    ]);
    // Tree: ROOT 10 + 101's 5 + 102's 4 at the last look + 103's 7 it reaped; escaped: 102's 40 since.
    expect(readings[0].cpuSeconds).toBeCloseTo(0.26, 10);
    expect(readings[1].cpuSeconds).toBeCloseTo(0.26, 10);
    expect(readings[1].escapedCpuSeconds).toBeCloseTo(0.4, 10);
    expect(t.lostCpuSeconds).toBe(0);
  });

  test('a daemon that escaped before we ever saw it is found by the job marker and counted as escaped', () => {
    const env = ['PATH=/usr/bin', 'RUNNER_TRACKING_ID=github_abc'];
    const snaps: Proc[][] = [
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100, env }],
      [init, { pid: ROOT, ppid: 1, utime: 10, cutime: 1, start: 100, env }, { pid: 300, comm: 'daemon', ppid: 1, utime: 80, start: 200, env },
        { pid: 301, comm: 'cron', ppid: 1, utime: 70, start: 201, env: ['RUNNER_TRACKING_ID=github_abcd'] }],
      [init, { pid: ROOT, ppid: 1, utime: 10, cutime: 1, start: 100, env }, { pid: 300, comm: 'daemon', ppid: 1, utime: 180, start: 200, env }],
    ];
    const marked = run(snaps, { marker: 'RUNNER_TRACKING_ID=github_abc' });
    expect(marked.readings[2].escapedCpuSeconds).toBeCloseTo(1.8, 10);
    expect(marked.readings[2].cpuSeconds).toBeCloseTo(0.11, 10);
    const unmarked = run(snaps);
    expect(unmarked.readings[2].escapedCpuSeconds).toBe(0);
    expect(unmarked.readings[2].cpuSeconds).toBeCloseTo(0.11, 10);
  });

  test('an escaped child reaped by its escaped parent is not counted twice', () => {
    const { readings } = run([
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }, { pid: 101, ppid: ROOT, utime: 0, start: 110 },
        { pid: 102, ppid: 101, utime: 10, start: 111 }, { pid: 103, ppid: 102, utime: 10, start: 112 }],
      // 101 exited; 102 (with its child 103) re-parented to init.
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }, { pid: 102, ppid: 1, utime: 20, start: 111 }, { pid: 103, ppid: 102, utime: 30, start: 112 }],
      // 103 burned 10 more and was reaped by 102.
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }, { pid: 102, ppid: 1, utime: 20, cutime: 40, start: 111 }],
    ]);
    // Tree: ROOT 10 + 102's 10 + 103's 10 at the last look inside; escaped: 102 +10, 103 +20, then +10 → 40.
    expect(readings[1].cpuSeconds).toBeCloseTo(0.3, 10);
    expect(readings[2].cpuSeconds).toBeCloseTo(0.3, 10);
    expect(readings[1].escapedCpuSeconds).toBeCloseTo(0.3, 10);
    expect(readings[2].escapedCpuSeconds).toBeCloseTo(0.4, 10);
  });

  test('a member reaped by a non-member between two ticks is carried and reported as lost, even when other members grow', () => {
    const { t, readings } = run([
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }, { pid: 101, ppid: ROOT, utime: 5, start: 110 }, { pid: 102, ppid: 101, utime: 30, start: 111 }],
      // 101 exited (reaped by ROOT); 102 was re-parented to init and reaped by it: ROOT's child
      // times grew only by 101's 5. Meanwhile ROOT burned 100 ticks of its own.
      [init, { pid: ROOT, ppid: 1, utime: 110, cutime: 5, start: 100 }],
    ]);
    expect(readings[0].cpuSeconds).toBeCloseTo(0.45, 10);
    expect(readings[1].cpuSeconds).toBeCloseTo(1.45, 10);
    expect(t.lostCpuSeconds).toBeCloseTo(0.3, 10);
  });

  test('a child whose parent ignores SIGCHLD (auto-reaped, no cutime) is carried, not dropped', () => {
    const { t, readings } = run([
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }, { pid: 101, ppid: ROOT, utime: 25, start: 110 }],
      [init, { pid: ROOT, ppid: 1, utime: 12, start: 100 }],
    ]);
    expect(readings[1].cpuSeconds).toBeCloseTo(0.37, 10);
    expect(t.lostCpuSeconds).toBeCloseTo(0.25, 10);
  });

  test('an ordinary tick reads only new pids; a child hidden behind a pid seen before is found by the next full scan', () => {
    const snaps: Proc[][] = [
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }, { pid: 400, comm: 'x', ppid: 1, utime: 1, start: 50 }],
      // pid 400 was reused by a child of ROOT between two listings: an ordinary tick cannot tell.
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }, { pid: 400, ppid: ROOT, utime: 40, start: 300 }],
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }, { pid: 400, ppid: ROOT, utime: 90, start: 300 }],
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }, { pid: 400, ppid: ROOT, utime: 95, start: 300 }],
    ];
    const { readings } = run(snaps, {}, [0, 2]);
    expect(readings[1].processes).toBe(1);
    expect(readings[1].cpuSeconds).toBeCloseTo(0.1, 10);
    // Found with everything it used since it started.
    expect(readings[2].cpuSeconds).toBeCloseTo(1.0, 10);
    expect(readings[3].cpuSeconds).toBeCloseTo(1.05, 10);
  });

  test('grandchildren born between two ticks are found in one pass, whatever the listing order', () => {
    const { readings } = run([
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }],
      [{ pid: 503, ppid: 502, utime: 3, start: 122 }, { pid: 502, ppid: 501, utime: 2, start: 121 }, init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }, { pid: 501, ppid: ROOT, utime: 1, start: 120 }],
    ]);
    expect(readings[1].processes).toBe(4);
    expect(readings[1].cpuSeconds).toBeCloseTo(0.16, 10);
  });

  test('the sampler and the helpers it starts are never counted', () => {
    const { readings } = run(
      [
        [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }, { pid: 150, comm: 'node', ppid: ROOT, utime: 70, start: 105 }],
        [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }, { pid: 150, comm: 'node', ppid: ROOT, utime: 90, start: 105 }, { pid: 151, comm: 'nvidia-smi', ppid: 150, utime: 500, start: 130 }],
      ],
      { excludePids: [150] },
    );
    expect(readings[1].cpuSeconds).toBeCloseTo(0.1, 10);
    expect(readings[1].processes).toBe(1);
  });

  test('when the root exits, its last total stays, its children escape, and the reading says so', () => {
    const { readings } = run([
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }, { pid: 101, ppid: ROOT, utime: 20, start: 110 }],
      [init, { pid: 101, ppid: 1, utime: 50, start: 110 }],
      [init, { pid: 101, ppid: 1, utime: 80, start: 110 }],
    ]);
    expect(readings[1].rootGone).toBe(true);
    // ROOT's 10 + 101's 20 at the last look while the root lived; 101's 30 + 30 after are escaped.
    expect(readings[1].cpuSeconds).toBeCloseTo(0.3, 10);
    expect(readings[2].cpuSeconds).toBeCloseTo(0.3, 10);
    expect(readings[2].escapedCpuSeconds).toBeCloseTo(0.6, 10);
  });

  test('cpuSeconds never decreases over a long random-looking history', () => {
    const snaps: Proc[][] = [];
    let cut = 0;
    for (let i = 0; i < 50; i++) {
      const kids: Proc[] = [];
      for (let k = 0; k < (i % 4); k++) kids.push({ pid: 1000 + i * 10 + k, ppid: ROOT, utime: k * 3 + 1, start: 1000 + i * 10 + k });
      snaps.push([init, { pid: ROOT, ppid: 1, utime: 10 + i, cutime: cut, start: 100 }, ...kids]);
      cut += kids.reduce((a, p) => a + p.utime + 1, 0);
    }
    const { t, readings } = run(snaps);
    for (let i = 1; i < readings.length; i++) expect(readings[i].cpuSeconds).toBeGreaterThanOrEqual(readings[i - 1].cpuSeconds);
    expect(t.lostCpuSeconds).toBe(0);
    // Final: ROOT's own 59 + everything reaped (cut before the last snapshot) + the live kids of the last snapshot.
    const last = snaps[49];
    const expected = last.reduce((a, p) => (p.pid === 1 ? a : a + p.utime + (p.cutime ?? 0)), 0);
    expect(readings[49].cpuSeconds).toBeCloseTo(expected / 100, 10);
  });

  test('while the last allocated pid stands still nothing is listed; when it moves, new pids are read; a wrap forces a full scan', () => {
    const base = (cut: number): Proc[] => [init, { pid: ROOT, ppid: 1, utime: 10, cutime: cut, start: 100 }];
    const snaps: Proc[][] = [
      base(0),
      base(0),
      [...base(0), { pid: 120, ppid: ROOT, utime: 4, start: 150 }],
      [...base(0), { pid: 120, ppid: ROOT, utime: 9, start: 150 }],
      // The counter wrapped: pid 90 (below the old counter) is a new child of the tree.
      [...base(0), { pid: 120, ppid: ROOT, utime: 9, start: 150 }, { pid: 90, ppid: ROOT, utime: 2, start: 160 }],
    ];
    const r = replay(snaps, [110, 110, 120, 120, 90]);
    const t = new TreeTracker(r.src, opts);
    const readings = snaps.map((_, k) => {
      r.at(k);
      const before = r.calls.listPids;
      const reading = t.read({ fullScan: k === 0 });
      return { reading, listed: r.calls.listPids > before };
    });
    expect(readings.map((x) => x.listed)).toEqual([true, false, true, false, true]);
    expect(readings[2].reading.processes).toBe(2);
    expect(readings[3].reading.cpuSeconds).toBeCloseTo(0.19, 10);
    expect(readings[4].reading.processes).toBe(3);
    expect(readings[4].reading.cpuSeconds).toBeCloseTo(0.21, 10);
  });

  test('tells its source which pids it follows (members and escapees), so their files can stay open', () => {
    const r = replay([
      [init, { pid: ROOT, ppid: 1, utime: 10, start: 100 }, { pid: 101, ppid: ROOT, utime: 1, start: 110 }, { pid: 102, ppid: 101, utime: 1, start: 111 }],
      [init, { pid: ROOT, ppid: 1, utime: 10, cutime: 1, start: 100 }, { pid: 102, ppid: 1, utime: 1, start: 111 }],
    ]);
    const retained: number[][] = [];
    const t = new TreeTracker({ ...r.src, retain: (pids) => retained.push([...pids].sort((a, b) => a - b)) }, opts);
    r.at(0);
    t.read({ fullScan: true });
    r.at(1);
    t.read();
    expect(retained).toEqual([[100, 101, 102], [100, 102]]);
  });
});
