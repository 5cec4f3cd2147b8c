// Integration of power over samples. Pure and streaming: add() one sample at a time, then result().
//
// Per interval i between two samples (Δt_i seconds):
//   machine utilisation  u_m = Δbusy / Δtotal                      (CPU seconds, all logical CPUs)
//   tree utilisation     u_t = Δ(tree CPU seconds) / (Δt_i × vCPUs)
//   P_cpu  = cpuWatts(model.cpu, u_t in process-tree scope, u_m in machine scope)
//            — or, with RAPL (P_pkg = Δ(package J)/Δt): machine scope P_pkg; process-tree scope
//              r × P_floor + share × (P_pkg − P_floor), where P_floor is the run's lowest interval
//              package power (the measured idle of the machine), r = vCPUs / logical CPUs (the reserved
//              part of it) and share = Δtree/Δbusy (METHODOLOGY §1)
//   P_ram  = memoryGb × memoryWattsPerGb  — or Δ(DRAM J)/Δt, all of it in both scopes, with RAPL
//   P_gpu  = Σ measured board W, or idle + util × (max − idle) from the CCF GPU row when a GPU reports N/A
//   E     += (P_cpu + P_ram + P_gpu) × Δt_i
// Counters are cumulative, so a gap between two samples loses no CPU time: the interval's average
// utilisation still comes out right; only the time resolution drops. Gaps are reported.
import { cpuWatts } from './power.js';
import type { EnergyResult, Gap, GpuReading, PowerModel, PowerPoint, Provenance, Sample, Scope } from './types.js';

export interface IntegratorOptions {
  model: PowerModel;
  scope: Scope;
  intervalSeconds: number;
  /** Keep at most this many chart points (pairs are merged when exceeded). */
  maxSeriesPoints?: number;
  /** Called for every interval with its computed point (to stream samples.csv). */
  onInterval?: (p: PowerPoint, s: Sample) => void;
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : Number.isFinite(x) ? x : 0);

export function gpuModelWatts(model: PowerModel, g: GpuReading): { watts: number; modelled: boolean } | null {
  if (g.watts !== null && Number.isFinite(g.watts)) return { watts: g.watts, modelled: false };
  const table = model.gpuWatts ?? {};
  const name = g.name.toLowerCase();
  const key = Object.keys(table)
    .filter((k) => name.includes(k.toLowerCase()))
    .sort((a, b) => b.length - a.length)[0];
  if (!key) return null;
  const { idleWatts, maxWatts } = table[key];
  return { watts: idleWatts + clamp01((g.utilPercent ?? 0) / 100) * (maxWatts - idleWatts), modelled: true };
}

export class EnergyIntegrator {
  private first: Sample | null = null;
  private prev: Sample | null = null;
  private firstTree: Sample | null = null;
  private lastTree: Sample | null = null;
  private count = 0;
  private cpuJ = 0;
  private ramJ = 0;
  private gpuJ = 0;
  private machineUtilS = 0;
  private treeUtilS = 0;
  private treeSeconds = 0;
  private memUsedByteS = 0;
  private memTotalByteS = 0;
  private memSeconds = 0;
  private gpuUtilS = 0;
  private gpuUtilSeconds = 0;
  private cpuMeasured = false;
  // RAPL in process-tree scope, charged at the end against the run's idle floor (linear in it):
  // Σ r·Δt, Σ share·P·Δt and Σ share·Δt over those intervals, and the floor itself.
  private raplFloorW = Infinity;
  private raplReservedS = 0;
  private raplSharedJ = 0;
  private raplShareS = 0;
  private ramMeasured = false;
  private gpuMeasured = false;
  private gpuModelled = false;
  private gpuUnpowered = false;
  private gpuCount = 0;
  private lastGpu: GpuReading[] | null = null;
  private gpuCarriedSeconds = 0;
  private readonly gpuModels = new Set<string>();
  private peakRss: number | null = null;
  private treeMissingSeconds = 0;
  private readonly gaps: Gap[] = [];
  private series: PowerPoint[] = [];
  private readonly maxPoints: number;
  private readonly gapSeconds: number;

  constructor(private readonly o: IntegratorOptions) {
    this.maxPoints = o.maxSeriesPoints ?? 240;
    this.gapSeconds = Math.max(3 * o.intervalSeconds, o.intervalSeconds + 2);
  }

  add(s: Sample): void {
    this.count++;
    if (s.tree) {
      this.peakRss = Math.max(this.peakRss ?? 0, s.tree.rssBytes);
      if (!this.firstTree) this.firstTree = s;
      this.lastTree = s;
    }
    if (s.gpu?.length) {
      this.gpuCount = Math.max(this.gpuCount, s.gpu.length);
      for (const g of s.gpu) this.gpuModels.add(g.name);
    }
    const a = this.prev;
    this.prev = s;
    if (!a) {
      this.first = s;
      return;
    }
    const dt = s.monoS - a.monoS;
    if (!(dt > 0)) return;
    if (dt > this.gapSeconds) this.gaps.push({ fromS: a.monoS - (this.first as Sample).monoS, toS: s.monoS - (this.first as Sample).monoS, seconds: dt, reason: 'no samples' });

    const dBusy = s.cpu.busySeconds - a.cpu.busySeconds;
    const dTotal = s.cpu.totalSeconds - a.cpu.totalSeconds;
    const machineUtil = dTotal > 0 ? clamp01(dBusy / dTotal) : 0;
    let treeUtil: number | null = null;
    let dTree = 0;
    if (a.tree && s.tree && !s.tree.rootGone) {
      dTree = Math.max(0, s.tree.cpuSeconds - a.tree.cpuSeconds);
      treeUtil = clamp01(dTree / (dt * this.o.model.vcpus));
      this.treeSeconds += dt;
      this.treeUtilS += treeUtil * dt;
    } else if (this.o.scope === 'process-tree') {
      this.treeMissingSeconds += dt;
    }
    this.machineUtilS += machineUtil * dt;
    if (s.mem.totalBytes > 0) {
      this.memUsedByteS += Math.max(0, s.mem.totalBytes - s.mem.availableBytes) * dt;
      this.memTotalByteS += s.mem.totalBytes * dt;
      this.memSeconds += dt;
    }

    const useTree = this.o.scope === 'process-tree' && treeUtil !== null;
    const share = useTree ? (dBusy > 0 ? clamp01(dTree / dBusy) : 0) : 1;
    let cpuW: number;
    const pkg = a.rapl?.packageJoules !== undefined && s.rapl?.packageJoules !== undefined ? s.rapl.packageJoules - a.rapl.packageJoules : null;
    let treeRapl = false;
    if (pkg !== null && pkg >= 0) {
      const pkgW = pkg / dt;
      this.cpuMeasured = true;
      if (useTree) {
        treeRapl = true;
        const reserved = s.cpu.logicalCpus > 0 ? Math.min(1, this.o.model.vcpus / s.cpu.logicalCpus) : 1;
        this.raplFloorW = Math.min(this.raplFloorW, pkgW);
        this.raplReservedS += reserved * dt;
        this.raplSharedJ += share * pkgW * dt;
        this.raplShareS += share * dt;
        // The point uses the floor seen so far; the totals use the whole run's floor (result()).
        cpuW = reserved * this.raplFloorW + share * (pkgW - this.raplFloorW);
      } else cpuW = pkgW;
    } else {
      cpuW = cpuWatts(this.o.model.cpu, useTree ? (treeUtil as number) : machineUtil);
    }
    let ramW: number;
    const dram = a.rapl?.dramJoules !== undefined && s.rapl?.dramJoules !== undefined ? s.rapl.dramJoules - a.rapl.dramJoules : null;
    if (dram !== null && dram >= 0) {
      // Memory is a constant of the reserved machine: all DRAM is the job's in both scopes (METHODOLOGY §1).
      ramW = dram / dt;
      this.ramMeasured = true;
    } else {
      ramW = this.o.model.memoryGb * this.o.model.memoryWattsPerGb;
    }
    let gpuW = 0;
    // A tick without a GPU reading after GPUs were seen (the tool restarting, or given up) carries the
    // last reading forward: a GPU does not switch off. The carried time is reported.
    let gpus = s.gpu;
    if (!gpus?.length && this.lastGpu) {
      gpus = this.lastGpu;
      this.gpuCarriedSeconds += dt;
    } else if (gpus?.length) this.lastGpu = gpus;
    const utils = (gpus ?? []).map((g) => g.utilPercent).filter((u): u is number => u !== null && Number.isFinite(u));
    if (utils.length) {
      this.gpuUtilS += (utils.reduce((a, b) => a + b, 0) / utils.length / 100) * dt;
      this.gpuUtilSeconds += dt;
    }
    for (const g of gpus ?? []) {
      const w = gpuModelWatts(this.o.model, g);
      if (!w) {
        this.gpuUnpowered = true;
        continue;
      }
      gpuW += w.watts;
      if (w.modelled) this.gpuModelled = true;
      else this.gpuMeasured = true;
    }

    if (!treeRapl) this.cpuJ += cpuW * dt;
    this.ramJ += ramW * dt;
    this.gpuJ += gpuW * dt;
    const p: PowerPoint = { tS: s.monoS - (this.first as Sample).monoS, wallMs: s.wallMs, machineUtil, treeUtil, cpuWatts: cpuW, ramWatts: ramW, gpuWatts: gpuW };
    this.o.onInterval?.(p, s);
    this.pushPoint(p, dt);
  }

  private readonly weights: number[] = [];
  /** Interval(s) not yet long enough to make a point of the current bucket width. */
  private pending: { p: PowerPoint; w: number } | null = null;
  /** Minimum seconds one point covers; 0 until the series first fills, then it doubles with each merge. */
  private bucketSeconds = 0;

  private static merge(x: PowerPoint, wx: number, y: PowerPoint, wy: number): PowerPoint {
    const m = (a: number, b: number): number => (a * wx + b * wy) / (wx + wy);
    return {
      tS: y.tS,
      wallMs: y.wallMs,
      machineUtil: m(x.machineUtil, y.machineUtil),
      treeUtil: x.treeUtil === null || y.treeUtil === null ? (y.treeUtil ?? x.treeUtil) : m(x.treeUtil, y.treeUtil),
      cpuWatts: m(x.cpuWatts, y.cpuWatts),
      ramWatts: m(x.ramWatts, y.ramWatts),
      gpuWatts: m(x.gpuWatts, y.gpuWatts),
    };
  }

  /**
   * Keeps a bounded series whose points cover similar spans of time: intervals accumulate into a
   * bucket of the current width; when the series is full, neighbours merge and the width doubles.
   */
  private pushPoint(p: PowerPoint, dt: number): void {
    this.pending = this.pending ? { p: EnergyIntegrator.merge(this.pending.p, this.pending.w, p, dt), w: this.pending.w + dt } : { p, w: dt };
    if (this.pending.w < this.bucketSeconds) return;
    this.series.push(this.pending.p);
    this.weights.push(this.pending.w);
    this.pending = null;
    // Merge one early, so that with a pending bucket the result stays below maxPoints.
    if (this.series.length < this.maxPoints - 1) return;
    const merged: PowerPoint[] = [];
    const w: number[] = [];
    for (let i = 0; i + 1 < this.series.length; i += 2) {
      merged.push(EnergyIntegrator.merge(this.series[i], this.weights[i], this.series[i + 1], this.weights[i + 1]));
      w.push(this.weights[i] + this.weights[i + 1]);
    }
    if (this.series.length % 2 === 1) {
      // The odd newest point becomes the start of the next bucket.
      this.pending = { p: this.series[this.series.length - 1], w: this.weights[this.weights.length - 1] };
    }
    this.series = merged;
    this.weights.splice(0, this.weights.length, ...w);
    this.bucketSeconds = w.reduce((a, b) => a + b, 0) / w.length;
  }

  /** Seconds where no GPU reading arrived and the last one was carried forward. */
  get gpuCarriedSecondsTotal(): number {
    return this.gpuCarriedSeconds;
  }

  /** True when a GPU reported no power and no CCF row matched its name (its energy is left out). */
  get gpuWithoutPower(): boolean {
    return this.gpuUnpowered;
  }

  /** Seconds of the window where the process tree could not be read (scope process-tree fell back to machine). */
  get treeMissingSecondsTotal(): number {
    return this.treeMissingSeconds;
  }

  result(): EnergyResult {
    const first = this.first;
    const last = this.prev;
    const duration = first && last ? last.monoS - first.monoS : 0;
    const [ft, lt] = [this.firstTree?.tree, this.lastTree?.tree];
    const treeCpu = ft && lt ? Math.max(0, lt.cpuSeconds - ft.cpuSeconds) : null;
    const machineCpu = first && last ? Math.max(0, last.cpu.busySeconds - first.cpu.busySeconds) : 0;
    const escaped = ft && lt ? Math.max(0, (lt.escapedCpuSeconds ?? 0) - (ft.escapedCpuSeconds ?? 0)) : 0;
    const wh = (j: number): number => j / 3600;
    const floor = Number.isFinite(this.raplFloorW) ? this.raplFloorW : 0;
    const cpuJ = this.cpuJ + floor * this.raplReservedS + this.raplSharedJ - floor * this.raplShareS;
    const gpu: Provenance | 'none' = this.gpuCount === 0 ? 'none' : this.gpuMeasured ? 'measured' : this.gpuModelled ? 'modelled' : 'defaulted';
    return {
      scope: this.o.scope,
      durationSeconds: duration,
      samples: this.count,
      cpuWh: wh(cpuJ),
      ramWh: wh(this.ramJ),
      gpuWh: wh(this.gpuJ),
      totalWh: wh(cpuJ + this.ramJ + this.gpuJ),
      cpu: this.cpuMeasured ? 'measured' : 'modelled',
      ram: this.ramMeasured ? 'measured' : 'modelled',
      gpu,
      avgMachineUtil: duration > 0 ? this.machineUtilS / duration : 0,
      avgTreeUtil: this.treeSeconds > 0 ? this.treeUtilS / this.treeSeconds : null,
      treeCpuSeconds: treeCpu,
      machineCpuSeconds: machineCpu,
      remainderCpuSeconds: treeCpu === null ? null : Math.max(0, machineCpu - treeCpu),
      escapedCpuSeconds: escaped,
      peakTreeRssBytes: this.peakRss,
      gpuCount: this.gpuCount,
      gpuModels: [...this.gpuModels],
      avgCpuWatts: duration > 0 ? cpuJ / duration : 0,
      ...(Number.isFinite(this.raplFloorW) ? { raplIdleFloorWatts: this.raplFloorW } : {}),
      avgRamWatts: duration > 0 ? this.ramJ / duration : 0,
      avgGpuWatts: duration > 0 ? this.gpuJ / duration : 0,
      ...(this.gpuUtilSeconds > 0 ? { avgGpuUtil: this.gpuUtilS / this.gpuUtilSeconds } : {}),
      ...(this.memSeconds > 0 ? { avgMemoryUsedBytes: this.memUsedByteS / this.memSeconds, avgMemoryTotalBytes: this.memTotalByteS / this.memSeconds } : {}),
      gaps: this.gaps,
      series: this.pending ? [...this.series, this.pending.p] : this.series,
    };
  }
}

/** Integrates a whole array of samples (tests, small files). */
export function integrate(samples: Sample[], o: IntegratorOptions): EnergyResult {
  const it = new EnergyIntegrator(o);
  for (const s of samples) it.add(s);
  return it.result();
}
