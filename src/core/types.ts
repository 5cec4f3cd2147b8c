// Shared data shapes of carbon-gate. Everything here is plain data (JSON-serialisable):
// the sampler writes Samples, post turns them into an EnergyResult, then Emissions, a Verdict
// and report text. Units are in the names.
import type { IntegrityReport } from './integrity-types.js';
import type { BaselineStep, StepReading, StepRow } from './steps/types.js';

/** One line of samples.jsonl, written by the sampler once per tick. Counters are cumulative. */
export interface Sample {
  v: 1;
  /** The sampler's tick number, from 0; a hole in the sequence is a line that is missing. Absent in old files. */
  seq?: number;
  /** Monotonic clock (CLOCK_MONOTONIC via process.hrtime) in seconds; comparable across processes of one boot. */
  monoS: number;
  /** Wall clock, ms since the epoch. */
  wallMs: number;
  /** Machine CPU, cumulative over all logical CPUs since boot (seconds of CPU time). */
  /** stealSeconds: time the hypervisor gave this machine's vCPUs to others (/proc/stat field 8), when read. */
  cpu: { busySeconds: number; totalSeconds: number; logicalCpus: number; stealSeconds?: number };
  mem: { totalBytes: number; availableBytes: number };
  /** The job's process tree; absent in machine-only sampling or when the root is gone. */
  tree?: TreeReading;
  /** What slowed the tree: the kernel's scheduler counters (Linux), cumulative. */
  contention?: ContentionReading;
  /** One entry per GPU, when a GPU source is running. */
  gpu?: GpuReading[];
  /** Cumulative measured energy from RAPL (wrap-around already unfolded), joules. */
  rapl?: RaplReading;
  /** Problems seen during this tick (e.g. "nvidia-smi restarted"). */
  faults?: string[];
}

export interface TreeReading {
  /**
   * CPU seconds attributed to the tree so far: sum over live tree members of
   * utime+stime+cutime+cstime, plus what members that left the tree alive had used while in it.
   * Monotone non-decreasing in a correct sampler.
   */
  cpuSeconds: number;
  /** Resident memory of live tree members, bytes. */
  rssBytes: number;
  /** Live processes in the tree at this tick. */
  processes: number;
  /** CPU seconds used so far by processes that left the tree alive (re-parented away), after they left. */
  escapedCpuSeconds?: number;
  /** Where the number came from. */
  method: 'procfs' | 'cgroup' | 'ps' | 'wmi';
  /** True when the root process no longer exists (the sampler then reports the machine only). */
  rootGone?: boolean;
  /** Per step (procfs only; older samples and other platforms have none): see core/steps/types.ts. */
  steps?: StepReading[];
}

/**
 * Cumulative scheduler counters of the tree's tasks (the main thread of each live member, from
 * /proc/<pid>/schedstat), summed from per-task deltas by the sampler, and the tree cgroup's CPU pressure.
 */
export interface ContentionReading {
  /** Σ time the tasks were runnable but waiting for a CPU (schedstat field 2), seconds. */
  runDelaySeconds: number;
  /** Σ time the same tasks ran on a CPU (schedstat field 1), seconds. */
  onCpuSeconds: number;
  /** Tasks read at this tick. */
  tasks: number;
  /** cpu.pressure "some" total, seconds: of the root's cgroup v2, else the machine's (/proc/pressure/cpu); absent when unreadable. */
  pressureSomeSeconds?: number;
  pressureScope?: 'cgroup' | 'machine';
}

export interface GpuReading {
  index: number;
  name: string;
  /** Measured board power, W; null when the tool reports N/A. */
  watts: number | null;
  utilPercent: number | null;
  memoryUsedMiB: number | null;
  memoryTotalMiB: number | null;
  vendor: 'nvidia' | 'amd';
  /** pids of the tree seen using this GPU (from --query-compute-apps), when known. */
  treePids?: number[];
}

export interface RaplReading {
  packageJoules?: number;
  dramJoules?: number;
}

/** Written by the sampler when it stops cleanly (SIGTERM). */
export interface CompletionMarker {
  reason: 'sigterm' | 'sigint' | 'root-exit' | 'parent-exit' | 'error';
  samples: number;
  /** The sampler's own CPU time (process.cpuUsage), seconds. */
  samplerCpuSeconds: number;
  samplerMaxRssBytes: number;
  endedWallMs: number;
  error?: string;
  /** Ticks taken (written or not); `samples` counts the lines written. Absent in old markers. */
  ticks?: number;
  /** Lines that could not be written (EFBIG, ENOSPC…): how many, the first error, the seq ranges. */
  writeFailures?: { count: number; error: string; seqs: Array<[number, number]> };
  /** The closing sample, kept here when it could not be appended to samples.jsonl. */
  closing?: Sample;
}

/** Hardware and environment facts, read once (pre, or the CLI). */
export interface HardwareFacts {
  cpuModel: string;
  logicalCpus: number;
  memoryBytes: number;
  os: 'linux' | 'darwin' | 'win32' | string;
  osRelease: string;
  arch: string;
  /** RUNNER_ENVIRONMENT: 'github-hosted' | 'self-hosted' | 'local' (CLI). */
  runnerEnvironment: 'github-hosted' | 'self-hosted' | 'local';
  runnerName?: string;
  /** GPUs found at start (name per GPU). */
  gpus: string[];
  /** Running inside a container (docker/podman/k8s), and how it was detected. */
  container?: { detected: boolean; evidence: string[] };
}

/** How the CPU power of the reserved vCPUs depends on utilisation (0..1). */
export type CpuCurve =
  | { kind: 'linear'; idleWatts: number; maxWatts: number }
  | { kind: 'points'; points: Array<[utilisation: number, watts: number]> };

/** Where a number came from: a data row or an input, for traceability. */
export interface SourceRef {
  what: string;
  value: string;
  source: string;
}

export type ProvenanceStatus = 'measured' | 'modelled' | 'defaulted';

/**
 * Where one figure came from, as data (never parsed back out of labels). `reason` says why when it is
 * not plain: which fallback, which input. Kept open for more fields (per-component reasons).
 */
export interface ProvenanceOf {
  status: ProvenanceStatus;
  reason?: string;
}

/** A cloud region as typed fields: `provider` is a provider id of data/ (e.g. 'azure'), `name` its region. */
export interface RegionRef {
  provider: string;
  name: string;
  /** Who named it: the `region` input, or the instance metadata service (detect-cloud). */
  from: 'input' | 'instance-metadata';
  /** The metadata endpoint or the input, for the report. */
  source: string;
}

/** The energy/emissions model chosen for this run. Pure data. */
export interface PowerModel {
  id: 'ccf' | 'tdp' | 'ecoci-github-4vcpu' | 'custom';
  label: string;
  /** A provider id of data/cloud-providers.csv (e.g. 'azure'); absent when no cloud is modelled. */
  provider?: string;
  microarchitecture?: string;
  instanceType?: string;
  vcpus: number;
  /** Whole-CPU power of the reserved vCPUs as a function of their utilisation. */
  cpu: CpuCurve;
  memoryGb: number;
  memoryWattsPerGb: number;
  pue: number;
  embodied?: { totalKgCo2e: number; instanceVcpus: number; familyMaxVcpus: number; source: string };
  /** GPU idle/max W per GPU model, used when a GPU reports no power. */
  gpuWatts?: Record<string, { idleWatts: number; maxWatts: number }>;
  sources: SourceRef[];
  notes: string[];
  /** Why a term uses a fallback value (set where the model selection falls back; absent: not defaulted). */
  defaulted?: { cpu?: string; memory?: string };
  /** The cloud region found by instance metadata, when detect-cloud found one (typed: never parsed from sources). */
  region?: RegionRef;
}

/** Which rule gave the grid intensity (resolveIntensity's order). */
export type IntensityKind = 'input' | 'live' | 'region' | 'country' | 'github-hosted-average' | 'world';

export interface GridIntensity {
  gCo2ePerKwh: number;
  /** Display text, e.g. "azure:eastus2", "country:FRA", "input", "world", "github-hosted US average". Never parsed. */
  location: string;
  source: string;
  year?: number;
  live?: boolean;
  /** Where the machine is, as far as the inputs and tables say (for CodeCarbon's location columns). */
  place?: Place;
  /** Which rule of resolveIntensity gave the value. */
  kind: IntensityKind;
  /** live: measured; a named region or country (or an input): modelled; no place known: defaulted. */
  status: ProvenanceOf;
}

/** The machine's location as CodeCarbon records it; a field is absent when nothing says it. */
export interface Place {
  /** ISO 3166 alpha-3, e.g. "FRA". */
  countryIso3?: string;
  /** Country name from data/country-intensity.csv, e.g. "France". */
  countryName?: string;
  /** A provider id of data/cloud-providers.csv, e.g. "azure". */
  cloudProvider?: string;
  /** The provider's region name, e.g. "eastus2". */
  cloudRegion?: string;
}

export type Scope = 'process-tree' | 'machine';

export interface Gap {
  fromS: number;
  toS: number;
  seconds: number;
  reason: string;
}

/** Point of the power time series, for charts and samples.csv. */
export interface PowerPoint {
  tS: number;
  wallMs: number;
  machineUtil: number;
  treeUtil: number | null;
  cpuWatts: number;
  ramWatts: number;
  gpuWatts: number;
}

export type Provenance = 'measured' | 'modelled' | 'defaulted';

/** One component's provenance and why (stored in carbon-gate.json; the reports render this, nothing else). */
export interface ComponentProvenance {
  status: Provenance | 'none';
  reason: string;
}

export interface ProvenanceTable {
  cpu: ComponentProvenance;
  memory: ComponentProvenance;
  gpu: ComponentProvenance;
  embodied: ComponentProvenance;
  pue: ComponentProvenance;
  intensity: ComponentProvenance;
}

export interface EnergyResult {
  scope: Scope;
  durationSeconds: number;
  samples: number;
  cpuWh: number;
  ramWh: number;
  gpuWh: number;
  totalWh: number;
  cpu: Provenance;
  ram: Provenance;
  gpu: Provenance | 'none';
  avgMachineUtil: number;
  avgTreeUtil: number | null;
  /** CPU seconds of the tree (process-tree scope), of the machine, and the remainder that was not the tree's. */
  treeCpuSeconds: number | null;
  machineCpuSeconds: number;
  remainderCpuSeconds: number | null;
  escapedCpuSeconds: number;
  peakTreeRssBytes: number | null;
  gpuCount: number;
  gpuModels: string[];
  avgCpuWatts: number;
  avgRamWatts: number;
  avgGpuWatts: number;
  /** RAPL, process-tree scope: the lowest interval package power of the run over intervals ≥ ½ the sampling period (the measured idle floor), W. */
  raplIdleFloorWatts?: number;
  /** Mean GPU utilisation over GPUs and time, 0..1; absent when no GPU reported one. */
  avgGpuUtil?: number;
  /** Time-weighted mean of the machine's used memory (total − available), bytes; absent without samples. */
  avgMemoryUsedBytes?: number;
  /** Time-weighted mean of the machine's total memory, bytes (for a utilisation percentage). */
  avgMemoryTotalBytes?: number;
  gaps: Gap[];
  series: PowerPoint[];
}

export interface Emissions {
  operationalGCo2e: number;
  embodiedGCo2e: number;
  totalGCo2e: number;
  /** What the budget compares: total or operational only (include-embodied). */
  gatedGCo2e: number;
  intensity: GridIntensity;
  pue: number;
}

export type CompareMetric = 'gco2e' | 'energy-wh' | 'cpu-seconds';
export type FailOn = 'budget' | 'regression' | 'any' | 'never';

/**
 * The prices that turn a run's work and time into the gated amount (all of one run's model and grid):
 *   energyWh = workWhPerCpuSecond × CPU-seconds + timeWatts × seconds / 3600
 *   gCO2e    = energyWh / 1000 × pue × gCo2ePerKwh + embodiedGPerHour × seconds / 3600 (when included)
 */
export interface GateFactors {
  /** Work-driven energy per CPU-second of the measured scope (CPU above idle, GPU above idle), Wh. */
  workWhPerCpuSecond: number;
  /** Time-driven power: idle CPU + memory + GPU idle, W. */
  timeWatts: number;
  /** Embodied emissions per hour of wall time, g/h; 0 when not estimated. */
  embodiedGPerHour: number;
  /** Whether embodied counts in the gated amount (include-embodied). */
  includeEmbodied: boolean;
  pue: number;
  gCo2ePerKwh: number;
  /** Identifies the power model (id, microarchitecture, vCPUs, memory); a change is reported. */
  model: string;
  /** Identifies the intensity (location and source); a change is reported. */
  grid: string;
}

/** One run's gated amount split into its terms (stored in each baseline record). */
export interface GateTerms {
  v: 1;
  /** CPU-seconds of the measured scope (tree, or machine in machine scope): the work. */
  cpuSeconds: number;
  /** Wall time of the measurement, s. */
  durationSeconds: number;
  /** Wall time explained by measured contention (run-queue wait and steal of the tree's tasks), s. */
  contentionSeconds: number;
  /** Wall time during which the tree had something runnable (contention included), s: the runner slowdown's base. */
  runnableSeconds?: number;
  /** Work-driven energy (CPU above idle, from the CPU-seconds), Wh. */
  workWh: number;
  /** Time-driven energy (idle CPU, memory, GPU idle × duration), Wh. */
  timeWh: number;
  /** Embodied emissions of the run, g. */
  embodiedGCo2e: number;
  factors: GateFactors;
  /** The contention signals behind contentionSeconds (for the report). */
  signals: ContentionSignals;
}

export interface ContentionSignals {
  /** Σ run-queue wait of the tree's tasks, s (schedstat); null when not readable. */
  runDelaySeconds: number | null;
  /** Tree CPU time stretched by hypervisor steal, s. */
  stealSeconds: number;
  /** cgroup cpu.pressure "some" over the run, s; null when not readable. */
  pressureSomeSeconds: number | null;
  /** CPU-seconds of processes outside the tree (machine − tree); null in machine scope. */
  foreignCpuSeconds: number | null;
}

/** One baseline record: the totals of one default-branch run. */
export interface BaselineRecord {
  runId: string;
  runAttempt: number;
  sha: string;
  ref: string;
  wallMs: number;
  energyWh: number;
  operationalGCo2e: number;
  embodiedGCo2e: number;
  gatedGCo2e: number;
  durationSeconds: number;
  cpuSeconds: number;
  /** The gated amount's terms; absent in records written before they were stored. */
  terms?: GateTerms;
  /** Per-step totals keyed by step name (records written before per-step tracking have none). */
  steps?: Record<string, BaselineStep>;
}

export interface Verdict {
  /** 'not-measured': too little valid data to judge; never 'pass'. */
  status: 'pass' | 'warn' | 'fail' | 'not-measured';
  /** Whether post must fail the step. */
  failBuild: boolean;
  headline: string;
  reasons: string[];
  budget?: { metric: 'gco2e' | 'energy-wh'; limit: number; actual: number; exceeded: boolean }[];
  regression?: {
    metric: CompareMetric;
    current: number;
    median: number;
    deltaPercent: number;
    band: 'alarm' | 'warn' | 'ok' | 'better';
    spreadLow: number;
    spreadHigh: number;
    runs: number;
    flagged: boolean;
    enforced: boolean;
    /** Upper bound the window's own spread predicts for a run of unchanged code (the rule's second condition). */
    predictedHigh?: number;
    /** Threshold from max-increase: median × (1 + max-increase); null without max-increase. */
    threshold?: number | null;
    /** Like with like: what was compared, and what changed that is not the code's. */
    comparison?: Comparison;
  };
}

/** One published model applied to this run's samples, for the model band. */
export interface BandMember {
  /** e.g. "ccf-min", "ccf-max", "codecarbon", "ecoci-github-4vcpu", or the selected model's id. */
  id: string;
  label: string;
  energyWh: number;
  /** Operational at this run's PUE and intensity, plus this run's embodied: only the power model varies. */
  totalGCo2e: number;
  selected: boolean;
}

/** How much the total depends on the power model: the lowest and highest of the applicable models (selected included). */
export interface ModelBand {
  lowGCo2e: number;
  highGCo2e: number;
  lowWh: number;
  highWh: number;
  members: BandMember[];
  /** Models that did not apply to this machine, with why. */
  skipped: string[];
}

/** How the run was compared with its window (pure data, built by core/gate). */
export interface Comparison {
  /** The run's metric at its own grid, PUE and model and raw wall time (before like-with-like). */
  ownValue: number;
  /** Changes of model or grid between this run and the baseline's factors (reported, never counted). */
  changes: string[];
  /** Window records without stored terms, priced from their CPU-seconds and duration. */
  legacyRecords: number;
  /** One line: what drove the delta, e.g. "CPU work +84 %, wall time +96 % (runner 41 % slower), same grid". */
  drivers: string;
  /** This run's and the window median's runner slowdown (wall / wall without contention). */
  slowdown: number;
  baselineSlowdown: number;
}

/** Everything the reporters need: the full result of one measured job. */
export interface RunResult {
  tool: { name: 'carbon-gate'; version: string };
  job: {
    workflow?: string;
    job?: string;
    runId?: string;
    runAttempt?: number;
    sha?: string;
    ref?: string;
    repository?: string;
    runUrl?: string;
    jobUrl?: string;
    key: string;
    label: string;
    /** GITHUB_EVENT_NAME. */
    event?: string;
    /** The matrix values as sorted `key=value` pairs joined by commas; empty without a matrix. */
    matrixKey?: string;
  };
  hardware: HardwareFacts;
  model: PowerModel;
  energy: EnergyResult;
  emissions: Emissions;
  /** The gated amount split into work, time and embodied terms with their factors. */
  terms?: GateTerms;
  verdict: Verdict;
  /** Per-step breakdown (steps sorted by start, then the outside row); absent when the sampler saw no steps. */
  steps?: StepRow[];
  baseline: { records: BaselineRecord[]; status: 'found' | 'none' | 'unavailable' | 'disabled'; note?: string };
  /** Per component: measured, modelled or defaulted, with the reason. */
  provenance?: ProvenanceTable;
  /** The same samples under the other published models (information only; the gate uses `model`). */
  modelBand?: ModelBand;
  quality: {
    partial: boolean;
    skippedLines: number;
    warnings: string[];
    samplerCpuSeconds?: number;
    samplerMaxRssBytes?: number;
    /** Why the run counts as not measured (the verdict is then 'not-measured'). */
    notMeasured?: string;
    /** Samples and intervals rejected by the physics checks, and lines missing against the sampler's count. */
    integrity?: IntegrityReport;
  };
  startedWallMs: number;
  endedWallMs: number;
}
