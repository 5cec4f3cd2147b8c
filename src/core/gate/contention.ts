// Wall time explained by contention: how much of the job's wall time was the runner's doing. Pure and
// streaming: add() the samples in order, then result(). METHODOLOGY.md §10.2 gives the derivation.
//
// Per interval i (Δt seconds, N logical CPUs), from the tree's counters:
//   on  = max(Δ tree CPU-seconds, Δ schedstat on-CPU)            CPU time the tree got
//   w   = on × Δ run delay / Δ schedstat on-CPU                   time its tasks waited on a run queue
//         (the sampled tasks' wait per CPU-second, scaled to the whole tree; Δ run delay when on-CPU is 0)
//   st  = on × g / (1 − g), g = Δ steal / (Δ total + Δ steal)     time stolen by the hypervisor
//   R   = on + w + st                                              runnable task-seconds
//   k   = max(1, R / Δt)                                           tasks runnable at once, on average
//   c   = clamp(min(R, Δt) − on / min(k, N), 0, Δt)                wall time explained by contention
// i.e. the tree was runnable for min(R, Δt) of the interval; on a machine of its own the same CPU time
// would have taken on / min(k, N) (k tasks in parallel, at most N at a time). Waiting caused by the
// tree's own parallelism beyond N CPUs is not contention (c = 0 when on = min(k, N) × busy time).
// A sleeping tree (R = 0) has c = 0: sleep and network waits are the code's.
import type { Sample } from '../types.js';

export interface ContentionResult {
  /** Σ c over the run, s. */
  contentionSeconds: number;
  /** Σ w: run-queue wait scaled to the tree, s; null when no interval had schedstat readings. */
  runDelaySeconds: number | null;
  /** Σ st, s. */
  stealSeconds: number;
  /** Δ cpu.pressure some total over the run, s; null when not read. */
  pressureSomeSeconds: number | null;
  pressureScope: 'cgroup' | 'machine' | null;
  /** Seconds of intervals with scheduler counters (the rest could not be judged and count as the code's). */
  coveredSeconds: number;
}

export class ContentionAccumulator {
  private prev: Sample | null = null;
  private c = 0;
  private w = 0;
  private st = 0;
  private covered = 0;
  private anySched = false;
  private firstPressure: number | null = null;
  private lastPressure: number | null = null;
  private pressureScope: 'cgroup' | 'machine' | null = null;

  add(s: Sample): void {
    const a = this.prev;
    this.prev = s;
    const p = s.contention?.pressureSomeSeconds;
    if (p !== undefined && Number.isFinite(p)) {
      if (this.firstPressure === null) this.firstPressure = p;
      this.lastPressure = p;
      this.pressureScope = s.contention?.pressureScope ?? null;
    }
    if (!a) return;
    const dt = s.monoS - a.monoS;
    if (!(dt > 0)) return;
    if (!a.tree || !s.tree || s.tree.rootGone) return;
    const dTree = Math.max(0, s.tree.cpuSeconds - a.tree.cpuSeconds);
    const dTotal = s.cpu.totalSeconds - a.cpu.totalSeconds;
    const dSteal = s.cpu.stealSeconds !== undefined && a.cpu.stealSeconds !== undefined ? Math.max(0, s.cpu.stealSeconds - a.cpu.stealSeconds) : 0;
    const g = dTotal + dSteal > 0 ? Math.min(0.95, dSteal / (dTotal + dSteal)) : 0;
    let on = dTree;
    let w = 0;
    if (a.contention && s.contention) {
      const dOn = Math.max(0, s.contention.onCpuSeconds - a.contention.onCpuSeconds);
      const dDelay = Math.max(0, s.contention.runDelaySeconds - a.contention.runDelaySeconds);
      on = Math.max(dTree, dOn);
      w = dOn > 0 ? (on * dDelay) / dOn : dDelay;
      this.anySched = true;
      this.covered += dt;
    }
    const st = (on * g) / (1 - g);
    const R = on + w + st;
    this.w += w;
    this.st += st;
    if (R <= 0) return;
    const n = Math.max(1, s.cpu.logicalCpus || 1);
    const k = Math.max(1, R / dt);
    const c = Math.min(R, dt) - on / Math.min(k, n);
    this.c += Math.min(dt, Math.max(0, c));
  }

  result(): ContentionResult {
    return {
      contentionSeconds: this.c,
      runDelaySeconds: this.anySched ? this.w : null,
      stealSeconds: this.st,
      pressureSomeSeconds: this.firstPressure !== null && this.lastPressure !== null ? Math.max(0, this.lastPressure - this.firstPressure) : null,
      pressureScope: this.pressureScope,
      coveredSeconds: this.covered,
    };
  }
}

/** Runs the accumulator over an array of samples (tests, small files). */
export function measureContention(samples: readonly Sample[]): ContentionResult {
  const acc = new ContentionAccumulator();
  for (const s of samples) acc.add(s);
  return acc.result();
}
