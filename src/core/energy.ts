// Integration of power over samples. Pure and streaming: add() one sample at a time, then result().
//
// Per interval i between two samples (Δt_i seconds):
//   machine utilisation  u_m = Δbusy / Δtotal                      (CPU seconds, all logical CPUs)
//   tree utilisation     u_t = Δ(tree CPU seconds) / (Δt_i × vCPUs)
//   P_cpu  = cpuWatts(model.cpu, u_t in process-tree scope, u_m in machine scope)
//            — or, with RAPL (P_pkg = Δ(package J)/Δt): machine scope P_pkg; process-tree scope
//              r × P_floor + share × (P_pkg − P_floor), where P_floor is the run's lowest interval
//              package power over intervals ≥ ½ the sampling period (the measured idle of the machine), r = vCPUs / logical CPUs (the reserved
//              part of it) and share = Δtree/Δbusy (METHODOLOGY §1)
//   P_ram  = memoryGb × memoryWattsPerGb  — or Δ(DRAM J)/Δt, all of it in both scopes, with RAPL
//   P_gpu  = Σ measured board W, or idle + util × (max − idle) from the CCF GPU row when a GPU reports N/A
//   E     += (P_cpu + P_ram + P_gpu) × Δt_i
// Counters are cumulative, so a gap between two samples loses no CPU time: the interval's average
// utilisation still comes out right; only the time resolution drops. Gaps are reported.
import { cpuWatts, gpuModelWatts } from './power.js';
export { gpuModelWatts } from './power.js';
import { PowerSeries } from './power-series.js';
import type { IntervalSplit } from './steps/accumulate.js';
import type { EnergyResult, Gap, GpuReading, PowerModel, PowerPoint, Provenance, Sample, Scope } from './types.js';

export interface IntegratorOptions {
  model: PowerModel;
  scope: Scope;
  intervalSeconds: number;
  /** Keep at most this many chart points (pairs are merged when exceeded). */
  maxSeriesPoints?: number;
  /** Called for every interval with its computed point (to stream samples.csv). */
  onInterval?: (p: PowerPoint, s: Sample) => void;
  /** Called for every interval with its energy split into work-driven and time-driven parts (per-step energy). */
  onSplit?: (x: IntervalSplit) => void;
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : Number.isFinite(x) ? x : 0);

export class EnergyIntegrator {
  private prev: Sample | null = null;
  /** The last sample with a tree reading: tree CPU is summed from positive deltas between tree readings. */
  private lastTree: Sample | null = null;
  private treeCpuS: number | null = null;
  private escapedS = 0;
  private machineCpuS = 0;
  /** Seconds integrated, and the running time axis (integrated plus skipped seconds). */
  private integratedSeconds = 0;
  private elapsedS = 0;
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
  /** Lowest package power over intervals of at least half the sampling interval, and over all intervals. */
  private raplFloorFullW = Infinity;
  private raplFloorAnyW = Infinity;
  private get raplFloorW(): number {
    return Number.isFinite(this.raplFloorFullW) ? this.raplFloorFullW : this.raplFloorAnyW;
  }
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
  private readonly series: PowerSeries;
  private readonly gapSeconds: number;

  constructor(private readonly o: IntegratorOptions) {
    this.series = new PowerSeries(o.maxSeriesPoints ?? 240);
    this.gapSeconds = Math.max(3 * o.intervalSeconds, o.intervalSeconds + 2);
  }

  /**
   * Adds the next sample. With `skipReason` (from the integrity guard) the interval that ends at `s` is
   * not integrated: it is recorded as a gap with that reason, and `s` becomes the new reference.
   * `missingBefore` sample lines known to be missing before `s` (by their seq numbers) flag the interval
   * as a gap; it is still integrated, because the counters are cumulative.
   */
  add(s: Sample, skipReason: string | null = null, missingBefore = 0): void {
    this.count++;
    const a = this.prev;
    this.prev = s;
    if (s.tree) {
      this.peakRss = Math.max(this.peakRss ?? 0, s.tree.rssBytes);
      const lt = this.lastTree?.tree;
      if (this.treeCpuS === null) this.treeCpuS = 0;
      // Positive deltas only: a counter that drops (a reading error) must not cancel CPU already seen.
      if (lt && !skipReason) {
        this.treeCpuS += Math.max(0, s.tree.cpuSeconds - lt.cpuSeconds);
        this.escapedS += Math.max(0, (s.tree.escapedCpuSeconds ?? 0) - (lt.escapedCpuSeconds ?? 0));
      }
      this.lastTree = s;
    }
    if (s.gpu?.length) {
      this.gpuCount = Math.max(this.gpuCount, s.gpu.length);
      for (const g of s.gpu) this.gpuModels.add(g.name);
    }
    if (!a) return;
    const dt = s.monoS - a.monoS;
    if (skipReason) {
      const wallS = (s.wallMs - a.wallMs) / 1000;
      const seconds = wallS > 0 && Number.isFinite(wallS) ? wallS : 0;
      this.gaps.push({ fromS: this.elapsedS, toS: this.elapsedS + seconds, seconds, reason: `skipped: ${skipReason}` });
      this.elapsedS += seconds;
      return;
    }
    if (!(dt > 0)) return;
    // Lines missing before s (write failures, lost lines) make a gap even when the time step looks normal.
    if (dt > this.gapSeconds || missingBefore > 0) {
      this.gaps.push({ fromS: this.elapsedS, toS: this.elapsedS + dt, seconds: dt, reason: missingBefore > 0 ? `${missingBefore} sample line(s) missing` : 'no samples' });
    }
    this.integratedSeconds += dt;
    this.elapsedS += dt;

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
    this.machineCpuS += Math.max(0, dBusy);

    const useTree = this.o.scope === 'process-tree' && treeUtil !== null;
    const share = useTree ? (dBusy > 0 ? clamp01(dTree / dBusy) : 0) : 1;
    let cpuW: number;
    // Work-driven: what the CPU draws above idle (model or RAPL floor); time-driven: idle, RAM, GPU.
    let cpuTimeW = 0;
    const pkg = a.rapl?.packageJoules !== undefined && s.rapl?.packageJoules !== undefined ? s.rapl.packageJoules - a.rapl.packageJoules : null;
    let treeRapl = false;
    if (pkg !== null && pkg >= 0) {
      const pkgW = pkg / dt;
      this.cpuMeasured = true;
      if (useTree) {
        treeRapl = true;
        const reserved = s.cpu.logicalCpus > 0 ? Math.min(1, this.o.model.vcpus / s.cpu.logicalCpus) : 1;
        // A sliver (the closing sample just after a tick) can fall between two RAPL counter updates and
        // read near 0 W: the floor comes from intervals of at least half the sampling period when any.
        if (dt >= this.o.intervalSeconds / 2) this.raplFloorFullW = Math.min(this.raplFloorFullW, pkgW);
        this.raplFloorAnyW = Math.min(this.raplFloorAnyW, pkgW);
        const floorW = this.raplFloorW;
        this.raplReservedS += reserved * dt;
        this.raplSharedJ += share * pkgW * dt;
        this.raplShareS += share * dt;
        // The point uses the floor seen so far; the totals use the whole run's floor (result()).
        cpuW = reserved * floorW + share * (pkgW - floorW);
        cpuTimeW = reserved * floorW;
      } else cpuW = pkgW;
    } else {
      cpuW = cpuWatts(this.o.model.cpu, useTree ? (treeUtil as number) : machineUtil);
      cpuTimeW = Math.min(cpuW, cpuWatts(this.o.model.cpu, 0));
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
    const p: PowerPoint = { tS: this.elapsedS, wallMs: s.wallMs, machineUtil, treeUtil, cpuWatts: cpuW, ramWatts: ramW, gpuWatts: gpuW };
    this.o.onInterval?.(p, s);
    const work = { cpuJ: (cpuW - cpuTimeW) * dt, ramJ: 0, gpuJ: 0 };
    const time = { cpuJ: cpuTimeW * dt, ramJ: ramW * dt, gpuJ: gpuW * dt };
    this.o.onSplit?.({ a, s, dt, workCpuSeconds: useTree ? dTree : this.o.scope === 'machine' ? dBusy : 0, work, time });
    this.series.push(p, dt);
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
    const duration = this.integratedSeconds;
    const treeCpu = this.treeCpuS;
    const machineCpu = this.machineCpuS;
    const escaped = this.escapedS;
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
      series: this.series.points(),
    };
  }
}

/** Integrates a whole array of samples (tests, small files). */
export function integrate(samples: Sample[], o: IntegratorOptions): EnergyResult {
  const it = new EnergyIntegrator(o);
  for (const s of samples) it.add(s);
  return it.result();
}
