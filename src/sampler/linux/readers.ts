// Linux readers for the sampler: machine CPU and memory from /proc, the job's tree via TreeTracker,
// cross-checked against the root's cgroup v2 cpu.stat when that cgroup holds only the tree.
import type { Sample, TreeReading } from '../../core/types.js';
import { CgroupAccount, cgroupSource, findCgroupDir } from './cgroup.js';
import { listPids, parseCpuLine, parseMeminfo, readEnviron, readPidStat, readSmallFile, systemConstants } from './procfs.js';
import { TreeTracker, type ProcSource } from './tree.js';

/** Environment entries that mark every process a job starts, in order of preference. */
export const MARKER_VARIABLES = ['RUNNER_TRACKING_ID', 'CARBON_GATE_TRACKING_ID'] as const;

export function procSource(procRoot: string): ProcSource {
  return {
    stat: (pid) => readPidStat(procRoot, pid),
    listPids: () => listPids(procRoot),
    environ: (pid) => readEnviron(procRoot, pid),
  };
}

/** The `NAME=value` marker inherited from the job (the sampler is started from inside it), or undefined. */
export function jobMarker(env: NodeJS.ProcessEnv): string | undefined {
  for (const name of MARKER_VARIABLES) {
    const v = env[name];
    if (v) return `${name}=${v}`;
  }
  return undefined;
}

/**
 * `CARBON_GATE_TREE_METHOD=procfs` turns the cgroup cross-check off (used by the benchmark to
 * measure the procfs tracker alone); anything else, or unset, means auto-detect.
 */
export function createLinuxReaders(opts: { procRoot?: string; rootPid: number | null; excludePids: number[]; env?: NodeJS.ProcessEnv }) {
  const procRoot = opts.procRoot ?? '/proc';
  const env = opts.env ?? process.env;
  const { clkTck, pageBytes } = systemConstants();
  const src = procSource(procRoot);
  const tracker = opts.rootPid
    ? new TreeTracker(src, { rootPid: opts.rootPid, clkTck, pageBytes, excludePids: opts.excludePids, marker: jobMarker(env) })
    : null;
  const cgDir = opts.rootPid && env.CARBON_GATE_TREE_METHOD !== 'procfs' ? findCgroupDir(procRoot, opts.rootPid) : null;
  const cgroup = tracker && cgDir ? new CgroupAccount(cgroupSource(cgDir), src.stat, clkTck) : null;
  // A full scan every ~30 s of wall time, whatever the sampling rate (the first read is always one).
  let lastFullScanMs = -Infinity;
  return {
    machine(): { cpu: Sample['cpu']; mem: Sample['mem'] } {
      const cpu = parseCpuLine(readSmallFile(`${procRoot}/stat`) ?? '');
      return {
        cpu: { busySeconds: cpu.busyTicks / clkTck, totalSeconds: cpu.totalTicks / clkTck, logicalCpus: cpu.logicalCpus },
        mem: parseMeminfo(readSmallFile(`${procRoot}/meminfo`) ?? ''),
      };
    },
    tree: tracker
      ? (): TreeReading => {
          const now = performance.now();
          const fullScan = now - lastFullScanMs >= 30_000;
          if (fullScan) lastFullScanMs = now;
          const r = tracker.read({ fullScan });
          return cgroup ? cgroup.combine(r, tracker) : r;
        }
      : undefined,
  };
}
