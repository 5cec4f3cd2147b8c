// Small factories for the unit tests of the core: samples (with cumulative counters written out by the
// test), power models and complete RunResults. Only plain data; no I/O.
import type { GpuReading, PowerModel, PowerPoint, RaplReading, RunResult, Sample, TreeReading } from '../../src/core/types.js';

export interface SampleSpec {
  /** Monotonic time, seconds. */
  t: number;
  /** Cumulative machine busy CPU seconds (all logical CPUs). */
  busy: number;
  /** Cumulative machine total CPU seconds; default t × logicalCpus (a clock that runs with t). */
  total?: number;
  logicalCpus?: number;
  /** Cumulative tree CPU seconds; omitted or null: no tree reading in this sample. */
  tree?: number | null;
  treeExtra?: Partial<TreeReading>;
  gpu?: GpuReading[];
  rapl?: RaplReading;
  memTotalBytes?: number;
  memAvailableBytes?: number;
  faults?: string[];
}

export const T0_WALL_MS = Date.UTC(2026, 10, 20, 12, 0, 0);

/** One well-formed sample. monoS is offset by 1000 s so that no test depends on a zero origin. */
export function sample(spec: SampleSpec): Sample {
  const cpus = spec.logicalCpus ?? 2;
  const s: Sample = {
    v: 1,
    monoS: 1000 + spec.t,
    wallMs: T0_WALL_MS + Math.round(spec.t * 1000),
    cpu: { busySeconds: spec.busy, totalSeconds: spec.total ?? spec.t * cpus, logicalCpus: cpus },
    mem: { totalBytes: spec.memTotalBytes ?? 8 * 2 ** 30, availableBytes: spec.memAvailableBytes ?? 6 * 2 ** 30 },
  };
  if (spec.tree !== undefined && spec.tree !== null) {
    s.tree = { cpuSeconds: spec.tree, rssBytes: 100 * 2 ** 20, processes: 3, method: 'procfs', ...spec.treeExtra };
  }
  if (spec.gpu) s.gpu = spec.gpu;
  if (spec.rapl) s.rapl = spec.rapl;
  if (spec.faults) s.faults = spec.faults;
  return s;
}

export const line = (s: unknown): string => JSON.stringify(s);

export function gpu(over: Partial<GpuReading> = {}): GpuReading {
  return { index: 0, name: 'Tesla T4', watts: 30, utilPercent: 50, memoryUsedMiB: 100, memoryTotalMiB: 15360, vendor: 'nvidia', ...over };
}

/**
 * A model with round numbers so that the hand computations in the tests stay readable:
 * 2 vCPU, CPU 2 W idle → 10 W at 100 % (whole CPU), RAM 4 GB × 0.5 W/GB = 2 W, PUE 1.2.
 */
export function model(over: Partial<PowerModel> = {}): PowerModel {
  return {
    id: 'custom',
    label: 'test model',
    vcpus: 2,
    cpu: { kind: 'linear', idleWatts: 2, maxWatts: 10 },
    memoryGb: 4,
    memoryWattsPerGb: 0.5,
    pue: 1.2,
    sources: [],
    notes: [],
    ...over,
  };
}

export function point(tS: number, watts: number, over: Partial<PowerPoint> = {}): PowerPoint {
  return { tS, wallMs: T0_WALL_MS + tS * 1000, machineUtil: 0.5, treeUtil: 0.4, cpuWatts: watts, ramWatts: 0, gpuWatts: 0, ...over };
}

type DeepPartialRun = Partial<Omit<RunResult, 'job' | 'energy' | 'emissions' | 'verdict' | 'quality' | 'model' | 'hardware'>> & {
  job?: Partial<RunResult['job']>;
  energy?: Partial<RunResult['energy']>;
  emissions?: Partial<RunResult['emissions']>;
  verdict?: Partial<RunResult['verdict']>;
  quality?: Partial<RunResult['quality']>;
  model?: Partial<RunResult['model']>;
  hardware?: Partial<RunResult['hardware']>;
};

/** A complete RunResult of a 60 s job on a 4-vCPU runner; nested parts are merged one level deep. */
export function runResult(over: DeepPartialRun = {}): RunResult {
  const base: RunResult = {
    tool: { name: 'carbon-gate', version: '9.8.7' },
    job: { workflow: 'CI', job: 'build', runId: '777', runAttempt: 1, sha: 'a'.repeat(40), ref: 'refs/heads/main', repository: 'octo/repo', key: 'CI/build/default', label: 'build' },
    hardware: { cpuModel: 'AMD EPYC 7763 64-Core Processor', logicalCpus: 4, memoryBytes: 16 * 2 ** 30, os: 'linux', osRelease: '6.8.0', arch: 'x64', runnerEnvironment: 'github-hosted', gpus: [] },
    model: { id: 'ccf', label: 'CCF Azure EPYC 3rd Gen', provider: 'azure', vcpus: 4, cpu: { kind: 'linear', idleWatts: 1.78, maxWatts: 8.076 }, memoryGb: 16, memoryWattsPerGb: 0.392, pue: 1.185, sources: [], notes: [] },
    energy: {
      scope: 'process-tree',
      durationSeconds: 60,
      samples: 61,
      cpuWh: 0.0625,
      ramWh: 0.125,
      gpuWh: 0,
      totalWh: 0.1875,
      cpu: 'modelled',
      ram: 'modelled',
      gpu: 'none',
      avgMachineUtil: 0.5,
      avgTreeUtil: 0.25,
      treeCpuSeconds: 60,
      machineCpuSeconds: 120,
      remainderCpuSeconds: 60,
      escapedCpuSeconds: 0,
      peakTreeRssBytes: 512 * 2 ** 20,
      gpuCount: 0,
      gpuModels: [],
      avgCpuWatts: 3.75,
      avgRamWatts: 7.5,
      avgGpuWatts: 0,
      gaps: [],
      series: [],
    },
    emissions: { operationalGCo2e: 0.25, embodiedGCo2e: 0.05, totalGCo2e: 0.3, gatedGCo2e: 0.3, intensity: { gCo2ePerKwh: 472, location: 'world', source: 'Ember 2024', kind: 'world', status: { status: 'defaulted', reason: 'no region or country known: world average' } }, pue: 1.185 },
    verdict: { status: 'pass', failBuild: false, headline: '✅ Passed: within limits', reasons: [] },
    baseline: { records: [], status: 'none' },
    quality: { partial: false, skippedLines: 0, warnings: [] },
    startedWallMs: T0_WALL_MS,
    endedWallMs: T0_WALL_MS + 60_000,
  };
  return {
    ...base,
    ...over,
    job: { ...base.job, ...over.job },
    energy: { ...base.energy, ...over.energy },
    emissions: { ...base.emissions, ...over.emissions },
    verdict: { ...base.verdict, ...over.verdict },
    quality: { ...base.quality, ...over.quality },
    model: { ...base.model, ...over.model },
    hardware: { ...base.hardware, ...over.hardware },
  } as RunResult;
}
