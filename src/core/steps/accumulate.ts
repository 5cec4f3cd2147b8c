// Energy of each step instance, interval by interval. Pure and streaming: the integrator calls
// interval() once per interval with its energy split into a work-driven and a time-driven part.
//
// Rule (METHODOLOGY.md, "Steps"): in each interval,
//   work-driven energy (the CPU curve above idle, or RAPL × the tree's share) is split by the steps'
//     CPU in that interval: share_k = ΔCPU_k / max(ΔCPU of the tree, Σ ΔCPU_k);
//   time-driven energy (idle CPU power, modelled RAM, GPU) is split by the time each step ran in the
//     interval: share_k = overlap_k / max(Δt, Σ overlap_k);
//   what no step takes is the "outside steps" row. So the steps and that row sum to the job exactly.
// A step's start is its first process's start time (exact); its end lies between the last reading
// that saw it and the one that reported it gone: the midpoint is used.
import type { Sample } from '../types.js';
import type { StepInfo } from './types.js';

export interface EnergyParts {
  cpuJ: number;
  ramJ: number;
  gpuJ: number;
}

/** One interval as the integrator saw it. */
export interface IntervalSplit {
  a: Sample;
  s: Sample;
  dt: number;
  /** The CPU seconds the work-driven part stands for (the tree's in process-tree scope, the machine's otherwise); 0 = no step takes work energy. */
  workCpuSeconds: number;
  work: EnergyParts;
  time: EnergyParts;
}

export interface StepInstance {
  id: number;
  info: StepInfo | null;
  /** Monotonic seconds: start (clamped into the sampled window) and end (null while it ran to the end). */
  startS: number;
  endS: number | null;
  cpuSeconds: number;
  /** Seconds of the job's time charged to the step (Σ Δt × its time share). */
  chargedSeconds: number;
  cpuJ: number;
  ramJ: number;
  gpuJ: number;
}

interface Live {
  inst: StepInstance;
  value: number;
  ended: boolean;
}

export class StepAccumulator {
  private readonly live = new Map<number, Live>();
  private readonly all: StepInstance[] = [];
  private started = false;
  private first: { monoS: number; wallMs: number } | null = null;
  private lastMonoS = 0;

  interval(x: IntervalSplit): void {
    this.lastMonoS = x.s.monoS;
    if (!this.started) {
      this.started = true;
      this.first = { monoS: x.a.monoS, wallMs: x.a.wallMs };
      // Steps already running at the first sample: their values there are the baseline.
      for (const r of x.a.tree?.steps ?? []) this.open(r.id, r.info ?? null, r.info ? Math.min(r.info.startS, x.a.monoS) : x.a.monoS, r.cpuSeconds, !!r.ended, x.a.monoS);
    }
    const deltas = new Map<Live, number>();
    for (const r of x.s.tree?.steps ?? []) {
      let l = this.live.get(r.id);
      if (!l) {
        const start = r.info ? Math.min(Math.max(r.info.startS, x.a.monoS), x.s.monoS) : x.a.monoS;
        l = this.open(r.id, r.info ?? null, start, 0, false, null);
      }
      if (l.ended) continue;
      deltas.set(l, Math.max(0, r.cpuSeconds - l.value));
      l.value = Math.max(l.value, r.cpuSeconds);
      if (r.ended) {
        l.ended = true;
        l.inst.endS = Math.max(l.inst.startS, (x.a.monoS + x.s.monoS) / 2);
      }
    }
    // Shares of work (by CPU) and of time (by overlap).
    let sumCpu = 0;
    for (const d of deltas.values()) sumCpu += d;
    const cpuBase = Math.max(x.workCpuSeconds, sumCpu);
    const overlaps = new Map<Live, number>();
    let sumOverlap = 0;
    for (const l of this.live.values()) {
      const from = Math.max(x.a.monoS, l.inst.startS);
      const to = Math.min(x.s.monoS, l.inst.endS ?? x.s.monoS);
      // Steps that ended before this interval take no time in it.
      if (l.ended && !deltas.has(l)) continue;
      if (to > from) {
        overlaps.set(l, to - from);
        sumOverlap += to - from;
      }
    }
    const timeBase = Math.max(x.dt, sumOverlap);
    // The steps' CPU is scaled down only when their sum exceeds the tree's (a cgroup-corrected tree).
    const cpuScale = x.workCpuSeconds > 0 && sumCpu > x.workCpuSeconds ? x.workCpuSeconds / sumCpu : 1;
    for (const l of this.live.values()) {
      const d = deltas.get(l) ?? 0;
      const workShare = cpuBase > 0 && x.workCpuSeconds > 0 ? d / cpuBase : 0;
      const timeShare = (overlaps.get(l) ?? 0) / timeBase;
      const i = l.inst;
      i.cpuSeconds += d * cpuScale;
      i.chargedSeconds += x.dt * timeShare;
      i.cpuJ += x.work.cpuJ * workShare + x.time.cpuJ * timeShare;
      i.ramJ += x.work.ramJ * workShare + x.time.ramJ * timeShare;
      i.gpuJ += x.work.gpuJ * workShare + x.time.gpuJ * timeShare;
    }
    for (const [id, l] of this.live) if (l.ended) this.live.delete(id);
  }

  /** The window's clock: ms since the epoch of a monotonic time, and the last sample's monotonic time. Null before any interval. */
  clock(): { wallMsOf: (monoS: number) => number; endS: number } | null {
    const f = this.first;
    if (!f) return null;
    return { wallMsOf: (monoS) => f.wallMs + (monoS - f.monoS) * 1000, endS: this.lastMonoS };
  }

  /** Every step instance seen, in order of discovery. */
  instances(): StepInstance[] {
    return this.all;
  }

  private open(id: number, info: StepInfo | null, startS: number, value: number, ended: boolean, endS: number | null): Live {
    const inst: StepInstance = { id, info, startS, endS: ended ? endS : null, cpuSeconds: 0, chargedSeconds: 0, cpuJ: 0, ramJ: 0, gpuJ: 0 };
    this.all.push(inst);
    const l = { inst, value, ended };
    if (!ended) this.live.set(id, l);
    return l;
  }
}
