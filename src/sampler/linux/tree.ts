// Exact CPU accounting of a process tree from /proc.
//
// The conserved quantity is S = Σ over live tree members of (utime + stime + cutime + cstime).
// When a member exits and its parent (also a member) reaps it, the kernel adds the child's whole
// total to the parent's cutime/cstime, so S carries on without double counting and short-lived
// children that were waited for are never lost, however briefly they lived between two ticks.
// A member that leaves the tree alive (its parent died and it was re-parented away: a daemon)
// takes its total out of S; we keep what it had used while in the tree ("carried") and count what
// it uses afterwards as escaped CPU, which the report shows inside the machine remainder.
// Processes are identified by (pid, starttime) so a reused pid is never mistaken for its predecessor.
import type { TreeReading } from '../../core/types.js';
import type { ProcStat } from './procfs.js';

/** Where the tracker reads processes from: the real /proc, or recorded snapshots in tests. */
export interface ProcSource {
  stat(pid: number): ProcStat | null;
  /** Children of the main thread, or null when the kernel has no children file. */
  children(pid: number): number[] | null;
  listPids(): number[];
}

export interface TreeTrackerOptions {
  rootPid: number;
  clkTck: number;
  pageBytes: number;
  /** Pids (with their descendants) never counted: the sampler itself. */
  excludePids?: number[];
  /** A full /proc scan every N ticks finds children the main-thread children files miss. */
  fullScanEvery?: number;
}

interface Member {
  starttime: number;
  ticks: number;
  ppid: number;
}

const total = (s: ProcStat): number => s.utime + s.stime + s.cutime + s.cstime;

export class TreeTracker {
  private readonly members = new Map<number, Member>();
  private readonly escaped = new Map<number, { starttime: number; ticks: number }>();
  private carriedTicks = 0;
  private escapedTicks = 0;
  /** Drops of S that no rule explains (e.g. a member reaped by a parent outside the tree between ticks). */
  private lostTicks = 0;
  private lastS = 0;
  private tick = 0;
  private rootStart: number | null = null;
  private rootGone = false;
  private readonly exclude: Set<number>;

  constructor(
    private readonly src: ProcSource,
    private readonly opts: TreeTrackerOptions,
  ) {
    this.exclude = new Set(opts.excludePids ?? []);
  }

  read(): TreeReading {
    const fullScan = this.tick % (this.opts.fullScanEvery ?? 10) === 0;
    this.tick++;
    let rss = 0;

    const root = this.rootGone ? null : this.src.stat(this.opts.rootPid);
    if (!root || (this.rootStart !== null && root.starttime !== this.rootStart)) {
      this.rootGone = true;
    } else {
      this.rootStart = root.starttime;
      this.members.set(root.pid, { starttime: root.starttime, ticks: total(root), ppid: root.ppid });
      rss += root.rssPages;
    }

    // 1. Refresh known members; drop the dead, catch reused pids and members that left the tree alive.
    const isMember = (pid: number): boolean => this.members.has(pid);
    for (const [pid, m] of this.members) {
      if (pid === this.opts.rootPid) continue;
      const s = this.src.stat(pid);
      if (!s || s.starttime !== m.starttime) {
        this.members.delete(pid); // exited (reaped into its parent's cutime) or pid reused
        continue;
      }
      m.ticks = total(s);
      m.ppid = s.ppid;
      rss += s.rssPages;
    }
    // Members whose parent is no longer a member have been re-parented away: carry what they used.
    for (const [pid, m] of this.members) {
      if (pid === this.opts.rootPid || isMember(m.ppid)) continue;
      this.members.delete(pid);
      this.carriedTicks += m.ticks;
      this.escaped.set(pid, { starttime: m.starttime, ticks: m.ticks });
    }

    // 2. Discover new members: main-thread children files each tick, a full scan periodically
    //    (or every tick when the kernel has no children files).
    if (!this.rootGone) rss += this.discover(fullScan);

    // 3. Escaped processes: count what they use after leaving, drop them when they exit.
    for (const [pid, e] of this.escaped) {
      const s = this.src.stat(pid);
      if (!s || s.starttime !== e.starttime) {
        this.escaped.delete(pid);
        continue;
      }
      const t = total(s);
      if (t > e.ticks) this.escapedTicks += t - e.ticks;
      e.ticks = t;
    }

    let S = this.carriedTicks;
    for (const m of this.members.values()) S += m.ticks;
    if (S < this.lastS) {
      this.lostTicks += this.lastS - S;
      this.carriedTicks += this.lastS - S; // keep S monotone; the loss is reported
      S = this.lastS;
    }
    this.lastS = S;
    return {
      cpuSeconds: S / this.opts.clkTck,
      rssBytes: rss * this.opts.pageBytes,
      processes: this.members.size,
      escapedCpuSeconds: this.escapedTicks / this.opts.clkTck,
      method: 'procfs',
      ...(this.rootGone ? { rootGone: true } : {}),
    };
  }

  /** CPU seconds S dropped by that no rule explained (kept for diagnostics and tests). */
  get lostCpuSeconds(): number {
    return this.lostTicks / this.opts.clkTck;
  }

  private discover(fullScan: boolean): number {
    let rss = 0;
    const add = (s: ProcStat): void => {
      this.members.set(s.pid, { starttime: s.starttime, ticks: total(s), ppid: s.ppid });
      rss += s.rssPages;
    };
    let needScan = fullScan;
    if (!needScan) {
      const queue = [...this.members.keys()];
      while (queue.length) {
        const pid = queue.pop() as number;
        const kids = this.src.children(pid);
        if (kids === null) {
          needScan = true;
          break;
        }
        for (const k of kids) {
          if (this.members.has(k) || this.exclude.has(k)) continue;
          const s = this.src.stat(k);
          if (s && s.ppid === pid) {
            add(s);
            queue.push(k);
          }
        }
      }
    }
    if (needScan) {
      const byParent = new Map<number, ProcStat[]>();
      for (const pid of this.src.listPids()) {
        if (this.members.has(pid) || this.exclude.has(pid)) continue;
        const s = this.src.stat(pid);
        if (!s) continue;
        const list = byParent.get(s.ppid);
        if (list) list.push(s);
        else byParent.set(s.ppid, [s]);
      }
      const queue = [...this.members.keys()];
      while (queue.length) {
        const pid = queue.pop() as number;
        for (const s of byParent.get(pid) ?? []) {
          add(s);
          queue.push(s.pid);
        }
      }
    }
    return rss;
  }
}
