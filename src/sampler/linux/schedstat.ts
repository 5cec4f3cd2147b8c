// /proc/<pid>/schedstat through kept descriptors, read at most once per tick and shared by the tree's
// refresh (look.ts) and the contention signals (contention.ts). The file holds three numbers for a task
// (here: a process's main thread): time on a CPU (ns), time runnable but waiting on a run queue (ns,
// "run delay") and the number of timeslices (kernel Documentation/scheduler/sched-stats.rst).
import { KeptFile, firstPids } from './procfs.js';

export interface Schedstat {
  onCpuNs: number;
  runDelayNs: number;
}

/** A schedstat reading; `opened`: the descriptor was opened by this tick's read (see look.ts). */
export interface SchedLook extends Schedstat {
  opened: boolean;
}

/**
 * A read through a kept descriptor failed with ESRCH: the process it was opened for has been reaped.
 * The descriptor was opened while the pid was a tree member (only members are read), so that member is
 * gone too: it was that process, or had died before the pid was taken again.
 */
export const GONE = 'gone';

/** Time on CPU and run delay (ns) from /proc/<pid>/schedstat text, or null. */
export function parseSchedstat(text: string): Schedstat | null {
  const sp1 = text.indexOf(' ');
  const sp2 = sp1 < 0 ? -1 : text.indexOf(' ', sp1 + 1);
  if (sp2 < 0) return null;
  const onCpuNs = Number(text.slice(0, sp1));
  const runDelayNs = Number(text.slice(sp1 + 1, sp2));
  return Number.isFinite(onCpuNs) && Number.isFinite(runDelayNs) && onCpuNs >= 0 && runDelayNs >= 0 ? { onCpuNs, runDelayNs } : null;
}

interface Entry {
  file: KeptFile;
  /** The tick of `value`. */
  tick: number;
  value: SchedLook | typeof GONE | null;
  /** Reused for each reading of this pid (the sampler allocates as little as it can per tick). */
  look: SchedLook;
}

export class SchedstatReader {
  private readonly entries = new Map<number, Entry>();
  private tick = 0;
  constructor(
    private readonly procRoot: string,
    private readonly maxKept = 512,
  ) {}

  /** A new tick: the next read of each pid reads its file again. */
  nextTick(): void {
    this.tick++;
  }

  /**
   * The pid's main thread's counters, read once per tick (the object is reused: copy what must outlive
   * the tick); GONE when its process has been reaped; null when unreadable for another reason.
   */
  read(pid: number): SchedLook | typeof GONE | null {
    let e = this.entries.get(pid);
    if (e && e.tick === this.tick) return e.value;
    if (!e) {
      e = { file: new KeptFile(`${this.procRoot}/${pid}/schedstat`), tick: -1, value: null, look: { onCpuNs: 0, runDelayNs: 0, opened: false } };
      this.entries.set(pid, e);
    }
    const opened = !e.file.isOpen;
    const text = e.file.read();
    const v = text === null ? null : parseSchedstat(text);
    e.tick = this.tick;
    if (v) {
      e.look.onCpuNs = v.onCpuNs;
      e.look.runDelayNs = v.runDelayNs;
      e.look.opened = opened;
      e.value = e.look;
    } else e.value = text === null && !opened && e.file.lastError === 'ESRCH' ? GONE : null;
    return e.value;
  }

  /** Keeps descriptors for exactly these pids (up to maxKept), closing the rest. */
  retain(pids: Iterable<number>): void {
    const want = firstPids(pids, this.maxKept);
    for (const [pid, e] of this.entries) {
      if (want.has(pid)) continue;
      e.file.close();
      this.entries.delete(pid);
    }
  }

  close(): void {
    this.retain([]);
  }

  get keptCount(): number {
    return this.entries.size;
  }
}
