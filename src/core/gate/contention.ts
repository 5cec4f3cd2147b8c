// Wall time explained by contention: how much of the job's wall time was the runner's doing. Pure and
// streaming: add() the samples in order, then result(). METHODOLOGY.md §10.2 gives the derivation.
//
// Per interval i (Δt seconds, N logical CPUs), from the tree's counters:
//   on  = Δ schedstat on-CPU + growth of max(tree CPU − on-CPU)  CPU time the tree got (sampled threads,
//                                                                  plus what the tree's CPU-seconds hold beyond them)
//   w   = on × Δ run delay / Δ schedstat on-CPU                   time its tasks waited on a run queue
//         (the sampled tasks' wait per CPU-second, scaled to the whole tree; Δ run delay when on-CPU is 0)
//   st  = on × g / (1 − g), g = Δ steal / (Δ total + Δ steal)     time stolen by the hypervisor
//   R   = on + w + st                                              runnable task-seconds
//   k   = max(1, R / Δt)                                           tasks runnable at once, on average
//   c   = clamp(min(R, Δt) − on / min(k, N), 0, Δt)                wall time explained by contention
// i.e. the tree was runnable for min(R, Δt) of the interval; on a machine of its own the same CPU time
// would have taken on / min(k, N) (k tasks in parallel, at most N at a time). Waiting caused by the
// tree's own parallelism beyond N CPUs is not contention (c = 0 when on = min(k, N) × busy time).
// The kernel books a wait when the task next runs, so a wait spanning a sample shows in a neighbouring
// interval: for a tree that used at most one CPU, excess waiting (R > Δt) and shortfalls (R < Δt) of
// adjacent active intervals offset each other (carried at most 1 s) before the formula clips R to Δt.
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
  /** Wall time during which the tree had something runnable, Σ min(R, Δt), s (sleep and waits left out). */
  runnableSeconds: number;
}

/** Longest a wait booked across a sample boundary is carried to a neighbouring interval, s. */
export const CARRY_SECONDS = 1;

export class ContentionAccumulator {
  private prev: Sample | null = null;
  private c = 0;
  private a = 0;
  private w = 0;
  private st = 0;
  private covered = 0;
  private anySched = false;
  private maxExcess: number | null = null;
  /** Runnable time recent active intervals lacked (Δt − R), and waiting booked beyond an interval's length. */
  private slack = 0;
  private credit = 0;
  private firstPressure: number | null = null;
  private lastPressure: number | null = null;
  private pressureScope: 'cgroup' | 'machine' | null = null;

  /** The next accepted sample; with `skipReason` (from the integrity guard) the interval ending at it is not counted. */
  add(s: Sample, skipReason: string | null = null): void {
    const a = skipReason ? null : this.prev;
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
      let dDelay = Math.max(0, s.contention.runDelaySeconds - a.contention.runDelaySeconds);
      dDelay = this.rebook(dOn, dDelay, dt);
      // The tree's CPU beyond the sampled threads' (worker threads, reaped children) is the growth of the
      // running maximum of (tree CPU − sampled on-CPU): the tree's CPU comes in clock ticks (10 ms), and
      // a per-interval max(Δtree, Δon) would add their rounding up interval after interval.
      const excess = s.tree.cpuSeconds - s.contention.onCpuSeconds;
      const base = this.maxExcess ?? a.tree.cpuSeconds - a.contention.onCpuSeconds;
      const extra = Math.max(0, excess - base);
      this.maxExcess = Math.max(base, excess);
      on = dOn + extra;
      w = dOn > 0 ? (on * dDelay) / dOn : dDelay;
      this.anySched = true;
      this.covered += dt;
    } else {
      this.slack = 0;
      this.credit = 0;
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
    this.a += Math.min(R, dt);
  }

  /**
   * The kernel books a wait when the task next runs, so a wait that spans a sample shows in a neighbouring
   * interval: one shows less runnable time (on-CPU + run delay of the sampled tasks) than its length, the
   * other more. While the sampled tasks used at most one CPU (so more runnable time than the interval is
   * not their parallelism), the excess waiting fills a neighbour's shortfall (either order, carried at most
   * CARRY_SECONDS, reset when the tree idles or uses more than one CPU); a fill for an earlier interval
   * counts as its contention at once. Returns this interval's run delay after the exchange.
   */
  private rebook(dOn: number, dDelay: number, dt: number): number {
    const runnable = dOn + dDelay;
    if (runnable <= 0 || dOn > dt) {
      this.slack = 0;
      this.credit = 0;
      return dDelay;
    }
    if (runnable > dt) {
      const fill = Math.min(runnable - dt, this.slack, dDelay);
      this.c += fill;
      this.a += fill;
      this.slack -= fill;
      const keep = Math.max(0, Math.min(runnable - fill - dt, dDelay - fill));
      this.credit = Math.min(CARRY_SECONDS, this.credit + keep);
      return dDelay - fill - keep;
    }
    const take = Math.min(dt - runnable, this.credit);
    this.credit -= take;
    this.slack = Math.min(CARRY_SECONDS, this.slack + (dt - runnable - take));
    return dDelay + take;
  }

  result(): ContentionResult {
    return {
      contentionSeconds: this.c,
      runDelaySeconds: this.anySched ? this.w : null,
      stealSeconds: this.st,
      pressureSomeSeconds: this.firstPressure !== null && this.lastPressure !== null ? Math.max(0, this.lastPressure - this.firstPressure) : null,
      pressureScope: this.pressureScope,
      coveredSeconds: this.covered,
      runnableSeconds: this.a,
    };
  }
}

/** Runs the accumulator over an array of samples (tests, small files). */
export function measureContention(samples: readonly Sample[]): ContentionResult {
  const acc = new ContentionAccumulator();
  for (const s of samples) acc.add(s);
  return acc.result();
}
