// What the sampler writes: one Sample per tick (cumulative counters) and its completion marker.
import type { StepReading } from '../steps/types.js';

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
