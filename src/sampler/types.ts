// The sampler's seams: the interfaces every source and platform reader implements. A leaf module:
// it imports only core types, so sources, readers and the loop can all import it without cycles.

import type { GpuReading, RaplReading, Sample, TreeReading } from '../core/types.js';

export interface GpuSource {
  /** Readings aggregated since the previous call (mean power/util per GPU over the lines received), or undefined if none arrived. */
  take(): GpuReading[] | undefined;
  /** Fault messages since the previous call (restart, gave up, N/A power…), drained. */
  takeFaults(): string[];
  stop(): void;
}

export interface RaplReader {
  read(): RaplReading;
  domains: string[];
  /** Read errors since the previous call (a domain that became unreadable), drained. Optional extension. */
  takeFaults?(): string[];
}

/** What the loop reads each tick: Linux (/proc) and the platforms without /proc implement it alike. */
export interface PlatformReader {
  machine(): { cpu: Sample['cpu']; mem: Sample['mem'] };
  /** Tree reading, may be called less often than machine(); undefined when not available. */
  tree?(rootPid: number): TreeReading | undefined;
  /** Scheduler counters of the tree's live members at the last tree read (call right after tree()). */
  /** `final`: the closing sample (cumulative counters read on some ticks only are read then too). */
  contention?(final?: boolean): Sample['contention'];
  /** Live pids of the tree at the last read (the GPU source keeps only these). */
  treePids?(): ReadonlySet<number>;
  /** Fault messages since the previous call, drained. */
  takeFaults?(): string[];
  /** Stops helper processes (the Windows PowerShell loop). */
  stop?(): void;
}

export interface OptionalSourcesConfig {
  gpu: 'auto' | 'nvidia' | 'amd' | 'off';
  rapl: boolean;
  intervalSeconds: number;
  sysfsRoot?: string;
  env: NodeJS.ProcessEnv;
  /**
   * The pids of the measured tree at this moment, so the GPU source can keep only tree processes in
   * GpuReading.treePids. Without it every GPU process is listed.
   */
  treePids?: () => ReadonlySet<number> | undefined;
}
