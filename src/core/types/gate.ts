// The gate's data: metrics, baseline records, gated terms and factors, contention, verdict, model band.
import type { BaselineStep } from '../steps/types.js';

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
