// Schedstat first: a tree member's stat line is read only when it may have changed.
//
// A process with one thread changes its stat counters only by running: utime and stime are its own run
// time, and cutime and cstime grow when it reaps a child, which it does in wait() on its own CPU. exec,
// clone and exit run on it too. So while the run time of its main thread (schedstat, which the
// contention signals read every tick anyway) has not moved, its stat line is the one read last, and the
// tick reads one file instead of two. What a process does not cause itself is a new parent: its parent
// died (vanished, or a zombie), and the refresh then reads its stat (tree-group.ts). The counters of a
// running task in schedstat lag its stat by less than one scheduler tick, which the next look sees.
//
// The pairing keeps pids honest: a member's run time is trusted only from a schedstat descriptor that
// was open before a stat read through the member's own kept descriptor (bound to that process) found
// it alive; a process cannot come back, so that descriptor is bound to the same process. A descriptor
// opened by this very read, a process with more threads (other threads' time is not in the main
// thread's schedstat), and full scans read the stat line. A schedstat read that fails with ESRCH says
// the process has been reaped (schedstat.ts): the member is gone, with no stat read.
import type { ProcStat } from './procfs.js';
import { GONE, type SchedLook } from './schedstat.js';
import type { Member } from './tree-group.js';

export interface LookSource {
  stat(pid: number): ProcStat | null;
  /** Whether a pid exists, without the cost of a failed read. */
  exists?(pid: number): boolean;
  /** The main thread's schedstat of pid, read once per tick; GONE: reaped; absent or null: read the stat line. */
  schedstat?(pid: number): SchedLook | typeof GONE | null;
}

/**
 * The member's stat line, null when it is gone, or undefined when it cannot have changed since the last look.
 * `reapable`: its parent ran since the last look (its stat line was read) or vanished, so it may have been
 * reaped: its pid is looked up first, because a read of a reaped process throws, and a throw costs a
 * 1 Hz tick more than a hundred microseconds (cold code).
 */
export function lookMember(src: LookSource, pid: number, m: Member, force: boolean, reapable = false): ProcStat | null | undefined {
  if (reapable && src.exists?.(pid) === false) return null;
  const sched = src.schedstat?.(pid) ?? null;
  // Reaped: the stat read would fail too (a failed read throws, the dearest thing a tick does).
  if (sched === GONE) return null;
  if (!force && sched && !sched.opened && m.threads === 1 && m.runNs === sched.onCpuNs) return undefined;
  const s = src.stat(pid);
  if (s && s.starttime === m.starttime) m.runNs = sched?.onCpuNs;
  return s;
}
