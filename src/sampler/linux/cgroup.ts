// cgroup v2 CPU accounting as ground truth for the tree, when (and only while) it is usable.
//
// cpu.stat's usage_usec counts, in microseconds of runtime, everything every process of a cgroup
// (and its sub-cgroups) ever ran, including processes that exited unseen and daemons that were
// re-parented away. It is the tree's exact CPU only when the cgroup holds nothing but the tree:
// on GitHub-hosted runners Runner.Worker shares /system.slice/hosted-compute-agent.service with
// the runner's agent, and on most machines the root's cgroup holds its parent or a login shell.
// So it is checked each tick: every pid in the cgroup must be a tree member (or a new child of
// one, or the sampler, whose own CPU is subtracted), and every member must be in the cgroup.
// A tick that passes after a tick that passed takes its CPU from usage_usec; any other tick takes
// the procfs tracker's delta. The root cgroup ("/") is never used: it is the whole machine.
import { readdirSync } from 'node:fs';
import type { TreeReading } from '../../core/types.js';
import { readSmallFile, type ProcStat } from './procfs.js';

/** The cgroup v2 path of a process from /proc/<pid>/cgroup text (the `0::<path>` line), or null. */
export function parseCgroupV2Path(text: string): string | null {
  for (const line of text.split('\n')) {
    if (line.startsWith('0::')) return line.slice(3).trim() || null;
  }
  return null;
}

/** Mount point and root of the cgroup2 filesystem from /proc/self/mountinfo text, or null. */
export function findCgroup2Mount(mountinfo: string): { mountPoint: string; root: string } | null {
  for (const line of mountinfo.split('\n')) {
    const dash = line.indexOf(' - ');
    if (dash < 0) continue;
    const after = line.slice(dash + 3).split(' ');
    if (after[0] !== 'cgroup2') continue;
    const before = line.slice(0, dash).split(' ');
    // before: id parent major:minor root mountpoint options [optional fields...]
    return { root: unescapeMount(before[3]), mountPoint: unescapeMount(before[4]) };
  }
  return null;
}

function unescapeMount(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(Number.parseInt(o, 8)));
}

/**
 * Directory of a cgroup path under the cgroup2 mount, or null when it cannot be used: the root
 * cgroup (the whole machine), or a path outside what this mount shows (another cgroup namespace).
 */
export function cgroupDir(mount: { mountPoint: string; root: string }, cgroupPath: string): string | null {
  if (cgroupPath === '/' || cgroupPath.includes('/..')) return null;
  const root = mount.root === '/' ? '' : mount.root.replace(/\/$/, '');
  if (root && !(cgroupPath === root || cgroupPath.startsWith(`${root}/`))) return null;
  const rel = cgroupPath.slice(root.length);
  if (rel === '' || rel === '/') return null;
  return `${mount.mountPoint.replace(/\/$/, '')}${rel}`;
}

/** usage_usec from cpu.stat text, or null. */
export function parseUsageUsec(cpuStat: string): number | null {
  const m = /^usage_usec (\d+)/m.exec(cpuStat);
  return m ? Number(m[1]) : null;
}

export function parsePidList(text: string): number[] {
  const out: number[] = [];
  for (const s of text.split('\n')) if (s) out.push(Number(s));
  return out;
}

/** Pids of a cgroup and all its sub-cgroups, or null when cgroup.procs is unreadable. */
export function listCgroupPids(dir: string): number[] | null {
  const text = readSmallFile(`${dir}/cgroup.procs`);
  if (text === null) return null;
  const out = parsePidList(text);
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const sub = listCgroupPids(`${dir}/${e.name}`);
    if (sub === null) return null;
    out.push(...sub);
  }
  return out;
}

/** The cgroup v2 directory holding `pid`, when cgroup v2 is mounted and the process is not in the root cgroup. */
export function findCgroupDir(procRoot: string, pid: number): string | null {
  const own = readSmallFile(`${procRoot}/${pid}/cgroup`);
  const mountinfo = readSmallFile(`${procRoot}/self/mountinfo`);
  if (own === null || mountinfo === null) return null;
  const path = parseCgroupV2Path(own);
  const mount = findCgroup2Mount(mountinfo);
  return path && mount ? cgroupDir(mount, path) : null;
}

/** What the cgroup check needs from the tree tracker. */
export interface TreeView {
  isMember(pid: number): boolean;
  isKnownOutside(pid: number): 'excluded' | 'escaped' | null;
  memberPids(): Iterable<number>;
}

/** Reads a cgroup: its pids and its usage in microseconds. Injectable for tests. */
export interface CgroupSource {
  pids(): number[] | null;
  usageUsec(): number | null;
}

export function cgroupSource(dir: string): CgroupSource {
  return {
    pids: () => listCgroupPids(dir),
    usageUsec: () => {
      const t = readSmallFile(`${dir}/cpu.stat`);
      return t === null ? null : parseUsageUsec(t);
    },
  };
}

/**
 * Combines the procfs reading with the cgroup's usage_usec: cumulative CPU seconds that take each
 * tick's increase from the cgroup when the cgroup held only the tree at both ends of the tick.
 */
export class CgroupAccount {
  private prevUsageUsec: number | null = null;
  private prevExcludedTicks = 0;
  private prevProcfs: number | null = null;
  private acc = 0;
  private reported = 0;
  /** Ticks whose increase came from the cgroup, and all ticks (for the report/diagnostics). */
  cgroupTicks = 0;
  ticks = 0;
  /** Why the last tick could not use the cgroup, if it could not. */
  lastReason: string | null = null;
  /** After a process outside the tree is seen in the cgroup, the check pauses for a while (it costs reads). */
  private pausedUntilTick = 0;
  static readonly PAUSE_TICKS = 60;

  constructor(
    private readonly cg: CgroupSource,
    private readonly stat: (pid: number) => ProcStat | null,
    private readonly clkTck: number,
  ) {}

  /** Call right after the tracker's read() of this tick. */
  combine(procfs: TreeReading, tree: TreeView): TreeReading {
    this.ticks++;
    const paused = this.ticks < this.pausedUntilTick;
    const pids = procfs.rootGone || paused ? null : this.cg.pids();
    const usage = pids === null ? null : this.cg.usageUsec();
    let excludedTicks = 0;
    let usable = pids !== null && usage !== null;
    if (usable) {
      const check = this.check(pids as number[], tree);
      usable = check.ok;
      excludedTicks = check.excludedTicks;
      this.lastReason = check.ok ? null : check.reason;
      if (!check.ok && check.foreign) this.pausedUntilTick = this.ticks + CgroupAccount.PAUSE_TICKS;
    } else if (!paused) this.lastReason = 'cgroup files unreadable';

    let method: TreeReading['method'] = 'procfs';
    if (this.prevProcfs === null) this.acc = procfs.cpuSeconds;
    else if (usable && this.prevUsageUsec !== null) {
      this.acc += ((usage as number) - this.prevUsageUsec) / 1e6 - (excludedTicks - this.prevExcludedTicks) / this.clkTck;
      method = 'cgroup';
      this.cgroupTicks++;
    } else this.acc += procfs.cpuSeconds - this.prevProcfs;
    this.prevProcfs = procfs.cpuSeconds;
    this.prevUsageUsec = usable ? (usage as number) : null;
    this.prevExcludedTicks = excludedTicks;
    this.reported = Math.max(this.reported, this.acc);
    return { ...procfs, cpuSeconds: this.reported, method };
  }

  private check(pids: number[], tree: TreeView): { ok: true; excludedTicks: number } | { ok: false; reason: string; excludedTicks: number; foreign?: boolean } {
    const inCgroup = new Set(pids);
    let excludedTicks = 0;
    const stats = new Map<number, ProcStat | null>();
    const statOf = (pid: number): ProcStat | null => {
      if (!stats.has(pid)) stats.set(pid, this.stat(pid));
      return stats.get(pid) as ProcStat | null;
    };
    for (const pid of pids) {
      if (tree.isMember(pid)) continue;
      const known = tree.isKnownOutside(pid);
      if (known === 'excluded') {
        const s = statOf(pid);
        if (s) excludedTicks += s.utime + s.stime + s.cutime + s.cstime;
        continue;
      }
      if (known === 'escaped') return { ok: false, reason: `escaped process ${pid} is in the cgroup`, excludedTicks };
      const s = statOf(pid);
      if (!s) continue; // exited since the tracker's read
      // Born after the tracker's read: a child of a member (or of another such newcomer) is fine.
      let p = s.ppid;
      for (let hops = 0; !tree.isMember(p) && inCgroup.has(p) && hops < 64; hops++) {
        const ps = statOf(p);
        if (!ps) break;
        p = ps.ppid;
      }
      if (!tree.isMember(p)) return { ok: false, reason: `process ${pid} (parent ${s.ppid}) in the cgroup is not in the tree`, excludedTicks, foreign: true };
    }
    for (const pid of tree.memberPids()) {
      if (!inCgroup.has(pid) && statOf(pid)) return { ok: false, reason: `tree process ${pid} is outside the cgroup`, excludedTicks };
    }
    return { ok: true, excludedTicks };
  }
}

