// Contention signals of the tree, cheap enough for every tick: the scheduler's own counters.
//
// /proc/<pid>/schedstat holds three numbers for a task (here: a process's main thread): time on a CPU
// (ns), time runnable but waiting on a run queue (ns, "run delay") and the number of timeslices
// (kernel Documentation/scheduler/sched-stats.rst). Each tick reads it for the live tree members
// (through kept descriptors, one pread each) and adds each task's increase since its previous read to
// running totals, so tasks that come and go still count for the time they were seen. A task first
// seen after the first tick was born during the job: its whole counters count.
// cpu.pressure (PSI, Documentation/accounting/psi.rst) "some total" is the time in µs during which at
// least one task of the cgroup (or of the machine, /proc/pressure/cpu) waited for a CPU.
import type { ContentionReading } from '../../core/types.js';
import { KeptFile } from './procfs.js';

/** Time on CPU and run delay (ns) from /proc/<pid>/schedstat text, or null. */
export function parseSchedstat(text: string): { onCpuNs: number; runDelayNs: number } | null {
  const sp1 = text.indexOf(' ');
  const sp2 = sp1 < 0 ? -1 : text.indexOf(' ', sp1 + 1);
  if (sp2 < 0) return null;
  const onCpuNs = Number(text.slice(0, sp1));
  const runDelayNs = Number(text.slice(sp1 + 1, sp2));
  return Number.isFinite(onCpuNs) && Number.isFinite(runDelayNs) && onCpuNs >= 0 && runDelayNs >= 0 ? { onCpuNs, runDelayNs } : null;
}

/** The "some" total (µs) of a cpu.pressure / /proc/pressure/cpu text, or null. */
export function parsePressureSomeTotalUs(text: string): number | null {
  const at = text.startsWith('some ') ? 0 : text.indexOf('\nsome ');
  if (at < 0) return null;
  const t = text.indexOf('total=', at);
  if (t < 0) return null;
  const n = Number.parseInt(text.slice(t + 6), 10);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

interface TaskState {
  file: KeptFile;
  read: boolean;
  onCpuNs: number;
  runDelayNs: number;
}

/** Most tasks read per tick: beyond this the tick stays cheap and the ratio is taken over the first ones. */
export const MAX_TASKS_PER_TICK = 256;

export class ContentionTracker {
  private readonly tasks = new Map<number, TaskState>();
  private onCpuNs = 0;
  private runDelayNs = 0;
  private ticks = 0;
  private readonly pressure: KeptFile | null;
  private readonly pressureScope: 'cgroup' | 'machine' | undefined;

  constructor(
    private readonly procRoot: string,
    cgroupDir: string | null,
  ) {
    this.pressureScope = cgroupDir ? 'cgroup' : 'machine';
    this.pressure = new KeptFile(cgroupDir ? `${cgroupDir}/cpu.pressure` : `${procRoot}/pressure/cpu`);
  }

  /** Reads the given live tree pids; returns the running totals, or undefined when no schedstat is readable. */
  read(pids: Iterable<number>): ContentionReading | undefined {
    const first = this.ticks++ === 0;
    const seen = new Set<number>();
    let readable = 0;
    for (const pid of pids) {
      if (seen.size >= MAX_TASKS_PER_TICK) break;
      seen.add(pid);
      let t = this.tasks.get(pid);
      if (!t) {
        t = { file: new KeptFile(`${this.procRoot}/${pid}/schedstat`), read: false, onCpuNs: 0, runDelayNs: 0 };
        this.tasks.set(pid, t);
      }
      const text = t.file.read();
      const v = text === null ? null : parseSchedstat(text);
      if (!v) continue;
      readable++;
      if (t.read && v.onCpuNs >= t.onCpuNs && v.runDelayNs >= t.runDelayNs) {
        this.onCpuNs += v.onCpuNs - t.onCpuNs;
        this.runDelayNs += v.runDelayNs - t.runDelayNs;
      } else if (!first) {
        // Born during the job (or a reused pid behind a new descriptor): all of it happened in the job.
        this.onCpuNs += v.onCpuNs;
        this.runDelayNs += v.runDelayNs;
      }
      t.read = true;
      t.onCpuNs = v.onCpuNs;
      t.runDelayNs = v.runDelayNs;
    }
    for (const [pid, t] of this.tasks) {
      if (!seen.has(pid)) {
        t.file.close();
        this.tasks.delete(pid);
      }
    }
    if (readable === 0) return undefined;
    const out: ContentionReading = { runDelaySeconds: this.runDelayNs / 1e9, onCpuSeconds: this.onCpuNs / 1e9, tasks: readable };
    const p = this.pressure?.read();
    const us = p ? parsePressureSomeTotalUs(p) : null;
    if (us !== null && this.pressureScope) {
      out.pressureSomeSeconds = us / 1e6;
      out.pressureScope = this.pressureScope;
    }
    return out;
  }

  close(): void {
    for (const t of this.tasks.values()) t.file.close();
    this.tasks.clear();
    this.pressure?.close();
  }
}
