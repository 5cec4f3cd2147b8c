// Process-tree accounting from whole process-table snapshots (macOS `ps`, Windows
// Win32_Process), for platforms without /proc.
//
// Unlike Linux's cutime/cstime, neither `ps time` on macOS nor Win32_Process Kernel/UserModeTime
// include the CPU of children that have exited. So the tree's CPU is
//   Σ live members' own CPU + the last CPU seen of members that have exited
//   + what members that left the tree alive had used while in it (carried),
// which loses (a) the CPU a member used between the last snapshot and its exit and (b) every
// process that lived entirely between two snapshots. docs/platforms.md quantifies this.
//
// Membership: the root, and every process whose parent is a member. On macOS an orphan is
// re-parented to launchd (pid 1), so it leaves the tree (escaped). On Windows the parent id of an
// orphan keeps pointing at its dead parent, so dead members still count as parents there
// (orphansKeepParent) until their pid shows up again as an unrelated live process.
// Pid reuse is caught when a known pid's CPU time goes backwards.

import type { TreeReading } from '../../core/types.js';

export interface ProcRow {
  pid: number;
  ppid: number;
  /** The process's own cumulative CPU (user + system), seconds. */
  cpuSeconds: number;
  rssBytes: number;
}

export interface SnapshotTrackerOptions {
  rootPid: number;
  method: 'ps' | 'wmi';
  /** Pids never counted, with their descendants: the sampler and its helpers. */
  excludePids?: number[];
  /** Windows: a dead member's pid still makes its orphans members. */
  orphansKeepParent?: boolean;
}

/** A pid whose CPU fell by more than this is a new process with a reused pid. */
const REUSE_TOLERANCE_SECONDS = 0.05;

export class SnapshotTreeTracker {
  private readonly members = new Map<number, { cpu: number; ppid: number }>();
  private readonly escaped = new Map<number, number>();
  private readonly deadParents = new Set<number>();
  private readonly exclude: Set<number>;
  private carriedSeconds = 0;
  private exitedSeconds = 0;
  private escapedSeconds = 0;
  private lastS = 0;
  private rootGone = false;

  constructor(private readonly opts: SnapshotTrackerOptions) {
    this.exclude = new Set(opts.excludePids ?? []);
  }

  update(rows: ProcRow[]): TreeReading {
    const byPid = new Map<number, ProcRow>();
    for (const r of rows) byPid.set(r.pid, r);
    const { rootPid } = this.opts;

    // 1. Refresh members; those gone (or whose pid was reused) have exited.
    for (const [pid, m] of this.members) {
      const row = byPid.get(pid);
      if (!row || row.cpuSeconds < m.cpu - REUSE_TOLERANCE_SECONDS) {
        this.exitedSeconds += m.cpu;
        this.members.delete(pid);
        if (this.opts.orphansKeepParent && !row) this.deadParents.add(pid);
        if (pid === rootPid) this.rootGone = true;
        continue;
      }
      m.cpu = row.cpuSeconds;
      m.ppid = row.ppid;
    }
    if (!this.rootGone && !this.members.has(rootPid)) {
      const root = byPid.get(rootPid);
      if (root) this.members.set(rootPid, { cpu: root.cpuSeconds, ppid: root.ppid });
      else this.rootGone = true;
    }
    // A dead member's pid now used by a live process is not a parent of the tree any more.
    for (const pid of this.deadParents) if (byPid.has(pid) && !this.members.has(pid)) this.deadParents.delete(pid);

    // 2. Members whose parent is no longer in the tree left it alive: carry their CPU so far.
    const isParent = (pid: number): boolean => this.members.has(pid) || this.deadParents.has(pid);
    for (let changed = true; changed; ) {
      changed = false;
      for (const [pid, m] of this.members) {
        if (pid === rootPid || isParent(m.ppid)) continue;
        this.members.delete(pid);
        this.carriedSeconds += m.cpu;
        this.escaped.set(pid, m.cpu);
        changed = true;
      }
    }

    // 3. New members: children of members (and, on Windows, of dead members).
    if (!this.rootGone) {
      const byParent = new Map<number, ProcRow[]>();
      for (const r of rows) {
        if (this.members.has(r.pid) || this.exclude.has(r.pid) || this.escaped.has(r.pid) || r.pid === r.ppid) continue;
        const list = byParent.get(r.ppid);
        if (list) list.push(r);
        else byParent.set(r.ppid, [r]);
      }
      const queue = [...this.members.keys(), ...this.deadParents];
      while (queue.length) {
        const pid = queue.pop() as number;
        for (const r of byParent.get(pid) ?? []) {
          if (this.members.has(r.pid)) continue;
          this.members.set(r.pid, { cpu: r.cpuSeconds, ppid: r.ppid });
          queue.push(r.pid);
        }
      }
    }

    // 4. Escaped processes: what they use after leaving.
    for (const [pid, cpu] of this.escaped) {
      const row = byPid.get(pid);
      if (!row || row.cpuSeconds < cpu - REUSE_TOLERANCE_SECONDS) {
        this.escaped.delete(pid);
        continue;
      }
      if (row.cpuSeconds > cpu) this.escapedSeconds += row.cpuSeconds - cpu;
      this.escaped.set(pid, row.cpuSeconds);
    }

    let S = this.carriedSeconds + this.exitedSeconds;
    let rss = 0;
    for (const [pid, m] of this.members) {
      S += m.cpu;
      rss += byPid.get(pid)?.rssBytes ?? 0;
    }
    if (S < this.lastS) S = this.lastS; // rounding of the tool's time column; keep it monotone
    this.lastS = S;
    return {
      cpuSeconds: S,
      rssBytes: rss,
      processes: this.members.size,
      escapedCpuSeconds: this.escapedSeconds,
      method: this.opts.method,
      ...(this.rootGone ? { rootGone: true } : {}),
    };
  }
}
