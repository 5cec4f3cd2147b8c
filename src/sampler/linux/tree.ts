// Exact CPU accounting of a process tree from /proc.
//
// The conserved quantity is S = Σ over live tree members of (utime + stime + cutime + cstime).
// When a member exits and its parent (also a member) reaps it, the kernel adds the child's whole
// total to the parent's cutime/cstime, so S carries on without double counting and short-lived
// children that were waited for are never lost, however briefly they lived between two ticks.
// Zombies keep their /proc entry (and their times) until they are reaped, so they stay members.
//
// A member that leaves the tree alive (its parent died and it was re-parented away: a daemon)
// takes its total out of S; we keep what it had used while in the tree ("carried") and count what
// it uses afterwards as escaped CPU (shown inside the machine remainder). "While in the tree" is its
// total at our last look before it left, plus the members it reaped since: a daemon that double-forks
// and burns before our next look is charged to nobody in the tree by the kernel, so not by us either
// (a late tick once put 22 such ticks into the tree; in a job it could be a whole sampling interval). Escaped
// processes and their descendants are accounted by the same conservation rule in a second group,
// so an escaped child reaped by an escaped parent is not counted twice.
// A member that vanishes without its reaper being a member (re-parented and reaped between two
// ticks, or auto-reaped because its parent ignores SIGCHLD) would make S drop: we check, per live
// ancestor, that the ancestor's cutime+cstime grew by at least the vanished members' last totals,
// and carry the shortfall ("lost" ticks: the CPU it used after our last look is unknowable here).
// Members are read one by one, so a parent read just before it reaped a child shows that child only at
// the next tick: a shortfall its ancestor's child times make up at the next refresh is taken back.
//
// Processes are identified by (pid, starttime) so a reused pid is never mistaken for its predecessor.
//
// Discovery is cheap: when the last allocated pid (/proc/loadavg) has not moved since the previous
// tick, nothing was created and nothing is read. Pids are allocated in increasing order until the
// counter wraps, so every process created since the previous tick has a pid after the last one
// allocated then: when they are few (≤ NEW_PIDS_READ_MAX, with a source that tells processes from
// threads, whose ids share the pid space) those pids are looked up one by one (a churning job then costs
// a few look-ups per tick, not a /proc listing); otherwise one readdir of /proc and the stat of pids
// that were not in the previous listing. A full scan (the stat of every pid) runs on
// the first tick, when the pid counter wrapped, and every `fullScanEvery` ticks, to catch a process
// re-parented into the tree. `discovery: 'list'` always lists (the previous way; the bench's peer).
// With `marker` (an environment entry such as RUNNER_TRACKING_ID=github_…, inherited by everything
// the job starts), new processes outside the tree that carry it are recognised as escaped daemons
// even when they left the tree before we ever saw them (a double fork takes well under a tick).
import type { TreeReading } from '../../core/types.js';
import { environHas } from './proc-identity.js';
import type { ProcStat } from './procfs.js';
import { lookMember, type LookSource } from './look.js';
import { StepBook, type StepProbe } from './steps.js';
import { Group, member } from './tree-group.js';

/** Where the tracker reads processes from: the real /proc, or recorded snapshots in tests. */
export interface ProcSource extends StepProbe, LookSource {
  stat(pid: number): ProcStat | null;
  listPids(): number[];
  /**
   * The most recently allocated pid (/proc/loadavg): while it does not change, no process (or
   * thread) was created anywhere, so the /proc listing can be skipped. Null when unknown.
   */
  lastPid?(): number | null;
  /** Whether a pid is a process (a thread group leader) rather than another thread; false when gone. */
  isProcess?(pid: number): boolean;

  /** Told after each read which pids will be read again next tick (to keep their files open). */
  retain?(pids: Iterable<number>): void;
  /** A tick begins: values read before it are stale. */
  beginTick?(): void;
}

export interface TreeTrackerOptions {
  rootPid: number;
  clkTck: number;
  pageBytes: number;
  /** Pids (with their descendants) never counted: the sampler itself. */
  excludePids?: number[];
  /** A full /proc scan every N ticks (the first tick is always one). Default 30. */
  fullScanEvery?: number;
  /** `NAME=value` environment entry that marks processes the job started (to recognise escaped daemons). */
  marker?: string;
  /** Depth of the processes that start steps: 1 = the root's children (the runner), 2 = its grandchildren (the CLI). Default 1. */
  stepDepth?: number;
  /** Monotonic clock, seconds (when a step parent's exec starts a step). */
  nowS?: () => number;
  /** 'pids' (default): read the pids allocated since the previous tick when few; 'list': always list /proc. */
  discovery?: 'pids' | 'list';
}

/** Above this many pids allocated since the previous tick, one /proc listing is cheaper than reading each. */
export const NEW_PIDS_READ_MAX = 32;
/** Missing pids among this many last allocated are looked up again at the next tick (forks in flight). */
export const RECHECK_LAST_PIDS = 2;

export class TreeTracker {
  /** Per-step accounting; null when `stepDepth` is 0 (off: the bench's peer). */
  private readonly steps: StepBook | null;
  private readonly tree: Group;
  /** Processes that left the tree alive, their descendants, and marked processes found outside it. */
  private readonly escaped = new Group();
  /** What escaped members had used when they left (already counted in the tree). */
  private escapedBase = 0;
  /** Pids in the previous /proc listing: only pids not in it are read on an ordinary tick. */
  private seen = new Set<number>();
  private prevLastPid: number | null = null;
  /** Pids allocated just before the last look whose process was not there yet (see step()). */
  private recheck: number[] = [];
  private lastS = 0;
  private monotoneFix = 0;
  private tick = 0;
  private rootStart: number | null = null;
  private rootGone = false;
  private readonly exclude: Set<number>;
  /** Members adopted by the last read's discovery. */
  private readonly adopted = new Set<number>();

  constructor(
    private readonly src: ProcSource,
    private readonly opts: TreeTrackerOptions,
  ) {
    this.exclude = new Set(opts.excludePids ?? []);
    const nowS = opts.nowS ?? ((): number => Number(process.hrtime.bigint()) / 1e9);
    const stepDepth = opts.stepDepth ?? 1;
    this.steps = stepDepth > 0 ? new StepBook(src, stepDepth, opts.clkTck, nowS) : null;
    this.tree = new Group(this.steps ?? undefined);
  }

  read(options: { fullScan?: boolean } = {}): TreeReading {
    const fullScan = options.fullScan ?? this.tick % (this.opts.fullScanEvery ?? 30) === 0;
    this.tick++;
    this.src.beginTick?.();
    this.adopted.clear();
    if (!this.rootGone) this.step(fullScan);
    else this.escaped.refresh((pid) => this.src.stat(pid), false);

    let S = this.tree.sum() + this.monotoneFix;
    if (S < this.lastS) {
      // No rule explains the drop (should not happen): keep S monotone and count it as lost.
      this.monotoneFix += this.lastS - S;
      S = this.lastS;
    }
    this.lastS = S;
    const steps = this.steps?.reading(this.tree.members.values()) ?? [];
    let rss = 0;
    for (const m of this.tree.members.values()) rss += m.rssPages;
    const clk = this.opts.clkTck;
    return {
      cpuSeconds: S / clk,
      rssBytes: rss * this.opts.pageBytes,
      processes: this.tree.members.size,
      escapedCpuSeconds: Math.max(0, this.escaped.sum() - this.escapedBase) / clk,
      method: 'procfs',
      ...(this.rootGone ? { rootGone: true } : {}),
      ...(steps.length ? { steps } : {}),
    };
  }

  /** CPU seconds the tree lost track of (members reaped outside the tree between two ticks). */
  get lostCpuSeconds(): number {
    return (this.tree.lost + this.monotoneFix) / this.opts.clkTck;
  }

  /** Whether a pid is a live member of the tree at the last read (for the cgroup cross-check). */
  isMember(pid: number): boolean {
    return this.tree.members.has(pid);
  }

  /** Whether a pid is known outside the tree: excluded (the sampler and its helpers) or escaped. */
  isKnownOutside(pid: number): 'excluded' | 'escaped' | null {
    if (this.exclude.has(pid)) return 'excluded';
    return this.escaped.members.has(pid) ? 'escaped' : null;
  }

  /** Live pids of the tree (read-only view). */
  memberPids(): IterableIterator<number> {
    return this.tree.members.keys();
  }

  /** Live pids of the tree that the last read refreshed (not those its discovery adopted). */
  *refreshedPids(): IterableIterator<number> {
    for (const pid of this.tree.members.keys()) if (!this.adopted.has(pid)) yield pid;
  }

  private step(fullScan: boolean): void {
    const rootPid = this.opts.rootPid;
    // Read before anything else: a process created after this read moves it for the next tick.
    const lastPid = this.src.lastPid?.() ?? null;
    const created = lastPid === null || this.prevLastPid === null || lastPid !== this.prevLastPid;
    const wrapped = lastPid !== null && this.prevLastPid !== null && lastPid < this.prevLastPid;
    const since = this.prevLastPid;
    this.prevLastPid = lastPid;
    // The root. A different starttime under the same pid means the root is gone and the pid reused.
    // Undefined: it has not run since the last look (look.ts), so it is there and unchanged.
    const known = this.tree.members.get(rootPid);
    const root = known ? lookMember(this.src, rootPid, known, fullScan) : this.src.stat(rootPid);
    if (root === null || (root && this.rootStart !== null && root.starttime !== this.rootStart)) {
      this.rootGone = true;
      const last = this.tree.members.get(rootPid);
      if (last) {
        // Nothing inside the tree reaps the root: keep its last total; its children escape below.
        this.tree.members.delete(rootPid);
        this.tree.carried += last.ticks;
      }
    } else if (this.rootStart === null && root) {
      this.rootStart = root.starttime;
      this.tree.members.set(rootPid, member(root));
    }

    const reaped = this.tree.refresh((pid, m, force, reapable) => (pid === rootPid && !force ? root : lookMember(this.src, pid, m, force || fullScan, reapable)), true);

    // Members whose parent is no longer a member have been re-parented away: carry what they used
    // while in the tree (their total at the previous look, plus the members they reaped since, which
    // S held), and follow them (with their descendants) in the escaped group, where the rest of their
    // total counts as escaped. Repeat until stable.
    for (let changed = true; changed; ) {
      changed = false;
      for (const [pid, m] of this.tree.members) {
        if (pid === rootPid || this.tree.members.has(m.ppid)) continue;
        const inTree = Math.min(m.ticks, m.prevTicks + (reaped.get(pid) ?? 0));
        this.tree.release(pid, m, inTree);
        this.escaped.members.set(pid, m);
        this.escapedBase += inTree;
        changed = true;
      }
    }
    this.escaped.refresh((pid) => this.src.stat(pid), false);
    const recheck = this.recheck;
    this.recheck = [];
    if (this.rootGone || !(fullScan || wrapped || created || recheck.length)) {
      // nothing new to look for
    } else if (!fullScan && !wrapped && lastPid !== null && since !== null && lastPid - since <= NEW_PIDS_READ_MAX && this.src.isProcess && this.opts.discovery !== 'list') {
      const pids = [...recheck];
      for (let pid = since + 1; pid <= lastPid; pid++) pids.push(pid);
      const missing = this.discover(pids, true, true);
      // A pid is allocated (and shown in loadavg) before its process is attached to it: a fork in flight
      // at the loadavg read has no /proc entry yet. The last few allocated are looked up once more.
      for (const pid of missing) if (pid > lastPid - RECHECK_LAST_PIDS && !recheck.includes(pid)) this.recheck.push(pid);
    } else this.discover(this.src.listPids(), fullScan || wrapped, false);
    this.src.retain?.(this.followed());
  }

  private *followed(): IterableIterator<number> {
    yield* this.tree.members.keys();
    yield* this.escaped.members.keys();
  }

  /**
   * New members (and escaped daemons carrying the marker) among new pids, or among all pids on a full
   * scan. `byPid`: the pids allocated since the previous tick (threads among them are skipped), not a listing.
   */
  private discover(pids: number[], fullScan: boolean, byPid: boolean): number[] {
    const prev = this.seen;
    if (!byPid) this.seen = new Set(pids);
    const candidates: ProcStat[] = [];
    const missing: number[] = [];
    for (const pid of pids) {
      if (this.tree.members.has(pid) || this.escaped.members.has(pid) || this.exclude.has(pid)) continue;
      if (!fullScan && prev.has(pid)) continue;
      const s = byPid && this.src.exists?.(pid) === false ? null : this.src.stat(pid);
      if (!s) missing.push(pid);
      // A stat line with one thread is the process itself; with more, the pid may be one of its threads.
      else if (!byPid || s.numThreads === 1 || this.src.isProcess?.(pid)) candidates.push(s);
    }
    if (!candidates.length) return missing;
    const byParent = new Map<number, ProcStat[]>();
    for (const s of candidates) {
      const list = byParent.get(s.ppid);
      if (list) list.push(s);
      else byParent.set(s.ppid, [s]);
    }
    const taken = new Set<number>();
    const adopt = (from: Iterable<number>, into: (s: ProcStat) => void): void => {
      const queue = [...from];
      while (queue.length) {
        for (const s of byParent.get(queue.pop() as number) ?? []) {
          if (taken.has(s.pid)) continue;
          taken.add(s.pid);
          into(s);
          queue.push(s.pid);
        }
      }
    };
    // Descendants of excluded pids (the sampler's helpers) are excluded too; then the tree; then escapees' children.
    adopt([...this.exclude], (s) => this.exclude.add(s.pid));
    adopt([...this.tree.members.keys()], (s) => {
      const parent = this.tree.members.get(s.ppid);
      const { depth, step } = this.steps?.place(s, parent) ?? { depth: (parent?.depth ?? -1) + 1, step: null };
      this.tree.members.set(s.pid, member(s, depth, step));
      this.adopted.add(s.pid);
    });
    adopt([...this.escaped.members.keys()], (s) => this.escaped.members.set(s.pid, member(s)));

    // Processes outside the tree that carry the job's marker and started after the root: escaped daemons.
    const marker = this.opts.marker;
    if (!marker || !this.src.environ || this.rootStart === null) return missing;
    const marked: number[] = [];
    for (const s of candidates) {
      if (taken.has(s.pid) || s.starttime < this.rootStart) continue;
      const env = this.src.environ(s.pid);
      if (env === null || !environHas(env, marker)) continue;
      taken.add(s.pid);
      this.escaped.members.set(s.pid, member(s));
      marked.push(s.pid);
    }
    adopt(marked, (s) => this.escaped.members.set(s.pid, member(s)));
    return missing;
  }
}
