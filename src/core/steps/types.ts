// The per-step breakdown's types: what the sampler reads per step, the report's rows, the baseline's per-step totals.

/**
 * One step's cumulative CPU in a tree reading (TreeReading.steps). A step is a process at the step
 * depth, with its descendants. A reading lists the live steps and those that ended since the previous
 * reading (with `ended`). Σ steps' cpuSeconds ≤ the tree's cpuSeconds; the rest is CPU outside any step.
 */
export interface StepReading {
  /** Numbered by the sampler in order of discovery, from 1. */
  id: number;
  /** CPU seconds of the step so far (its processes, the children they reaped, and what left or exited unseen). */
  cpuSeconds: number;
  /** The step's processes are all gone: this is its final value. */
  ended?: true;
  /** Present in the first reading that lists the step. */
  info?: StepInfo;
}

/** What the sampler saw of a step's first process, once, when it appeared. */
export interface StepInfo {
  pid: number;
  /** Start time, seconds since boot (comparable with Sample.monoS). */
  startS: number;
  /** GITHUB_ACTION, GITHUB_ACTION_REPOSITORY, GITHUB_ACTION_REF and GITHUB_ACTION_PATH of its environment. */
  action?: string;
  actionRepository?: string;
  actionRef?: string;
  actionPath?: string;
  /** First non-empty line of the script a shell step runs (clipped), when readable. */
  script?: string;
  /** Its command line (clipped). */
  command?: string;
  /** The process replaced its program (exec) and this step is what it became. */
  exec?: true;
}


/** One row of the per-step breakdown: a step (or the CPU and time outside any step). Every job-total column exists per row. */
export interface StepRow {
  name: string;
  kind: 'step' | 'outside';
  /** The Jobs API's step number, when named by it. */
  number?: number;
  /** Where the name came from: the Jobs API, or what the sampler saw. */
  nameSource: 'api' | 'local' | 'none';
  /** Start and end, ms since the epoch (null for the outside row). */
  startedWallMs: number | null;
  endedWallMs: number | null;
  /** Seconds the step ran (for the outside row: the job's time no step ran). */
  durationSeconds: number;
  cpuSeconds: number;
  cpuWh: number;
  ramWh: number;
  gpuWh: number;
  totalWh: number;
  operationalGCo2e: number;
  embodiedGCo2e: number;
  totalGCo2e: number;
  gatedGCo2e: number;
  /** Share of the job's totalGCo2e, 0..1. */
  share: number;
  /** Processes the sampler saw start the step (a composite action's run: steps are several). */
  instances: number;
  /** Local start minus the API's started_at, seconds (when named by the API). */
  apiStartOffsetSeconds?: number;
}

/** Per-step totals in a baseline record, by step name. */
export interface BaselineStep {
  cpuSeconds: number;
  energyWh: number;
  gatedGCo2e: number;
}
