// Contention signals of the tree, cheap enough for every tick: the scheduler's own counters.
//
// /proc/<pid>/schedstat (schedstat.ts) gives a task's time on a CPU and its run delay (time runnable
// but waiting on a run queue). Each tick reads it for the live tree members (the tree's refresh has
// read most of them already this tick: one shared reader) and adds each task's increase since its
// previous read to running totals, so tasks that come and go still count for the time they were seen.
// A task first seen after the first tick was born during the job: its whole counters count.
// cpu.pressure (PSI, Documentation/accounting/psi.rst) "some total" is the time in µs during which at
// least one task of the cgroup (or of the machine, /proc/pressure/cpu) waited for a CPU.
import type { ContentionReading } from '../../core/types.js';
import { KeptFile } from './procfs.js';
import { GONE, SchedstatReader } from './schedstat.js';

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
  onCpuNs: number;
  runDelayNs: number;
}

/** The PSI total is read on one tick in this many (and on the first and the closing one). */
export const PRESSURE_EVERY_TICKS = 10;

/** Most tasks read per tick: beyond this the tick stays cheap and the ratio is taken over the first ones. */
export const MAX_TASKS_PER_TICK = 256;

export class ContentionTracker {
  private readonly tasks = new Map<number, TaskState>();
  private onCpuNs = 0;
  private runDelayNs = 0;
  private ticks = 0;
  private pressureReads = 0;
  private readonly pressure: KeptFile | null;
  private readonly pressureScope: 'cgroup' | 'machine' | undefined;

  /** Whether the reader is this tracker's own (else the tree's source shares it and turns its ticks). */
  private readonly ownReader: boolean;
  private readonly schedstat: SchedstatReader;

  constructor(procRoot: string, cgroupDir: string | null, shared?: SchedstatReader) {
    this.pressureScope = cgroupDir ? 'cgroup' : 'machine';
    this.pressure = new KeptFile(cgroupDir ? `${cgroupDir}/cpu.pressure` : `${procRoot}/pressure/cpu`);
    this.ownReader = !shared;
    this.schedstat = shared ?? new SchedstatReader(procRoot);
  }

  /** Reads the given live tree pids; returns the running totals, or undefined when no schedstat is readable. */
  read(pids: Iterable<number>, final = false): ContentionReading | undefined {
    const first = this.ticks++ === 0;
    if (this.ownReader) this.schedstat.nextTick();
    const seen = new Set<number>();
    let readable = 0;
    for (const pid of pids) {
      if (seen.size >= MAX_TASKS_PER_TICK) break;
      seen.add(pid);
      const v = this.schedstat.read(pid);
      if (!v || v === GONE) {
        // Gone: a pid read again later is another process behind a new descriptor.
        this.tasks.delete(pid);
        continue;
      }
      readable++;
      const t = this.tasks.get(pid);
      if (t && !v.opened && v.onCpuNs >= t.onCpuNs && v.runDelayNs >= t.runDelayNs) {
        this.onCpuNs += v.onCpuNs - t.onCpuNs;
        this.runDelayNs += v.runDelayNs - t.runDelayNs;
      } else if (!first) {
        // Born during the job (or a reused pid behind a new descriptor): all of it happened in the job.
        this.onCpuNs += v.onCpuNs;
        this.runDelayNs += v.runDelayNs;
      }
      if (t) {
        t.onCpuNs = v.onCpuNs;
        t.runDelayNs = v.runDelayNs;
      } else this.tasks.set(pid, { onCpuNs: v.onCpuNs, runDelayNs: v.runDelayNs });
    }
    for (const pid of this.tasks.keys()) if (!seen.has(pid)) this.tasks.delete(pid);
    if (this.ownReader) this.schedstat.retain(seen);
    if (readable === 0) return undefined;
    const out: ContentionReading = { runDelaySeconds: this.runDelayNs / 1e9, onCpuSeconds: this.onCpuNs / 1e9, tasks: readable };
    // PSI's total is a cumulative counter of which the gate uses the first and the last value: read on the
    // first reading, every PRESSURE_EVERY_TICKS, and on the closing one (`final`).
    if (this.pressureReads > 0 && !final && this.ticks % PRESSURE_EVERY_TICKS !== 0) return out;
    const p = this.pressure?.read();
    const us = p ? parsePressureSomeTotalUs(p) : null;
    if (us !== null && this.pressureScope) {
      out.pressureSomeSeconds = us / 1e6;
      out.pressureScope = this.pressureScope;
      this.pressureReads++;
    }
    return out;
  }

  close(): void {
    if (this.ownReader) this.schedstat.close();
    this.tasks.clear();
    this.pressure?.close();
  }
}
