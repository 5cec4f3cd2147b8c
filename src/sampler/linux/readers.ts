// Linux readers for the sampler: machine CPU and memory from /proc, the job's tree via TreeTracker,
// cross-checked against the root's cgroup v2 cpu.stat when that cgroup holds only the tree.
import type { Sample, TreeReading } from '../../core/types.js';
import { CgroupAccount, cgroupSource, findCgroupDir } from './cgroup.js';
import { ContentionTracker } from './contention.js';
import { isThreadGroupLeader, readCmdline, readEnviron, readHead } from './proc-identity.js';
import { KeptFile, StatReader, listPids, pidExists, parseCpuLine, parseLastPid, parseMeminfo } from './procfs.js';
import { systemConstants } from './sysconf.js';
import { SchedstatReader } from './schedstat.js';
import { TreeTracker, type ProcSource } from './tree.js';
import type { PlatformReader } from '../types.js';

/** Environment entries that mark every process a job starts, in order of preference. */
export const MARKER_VARIABLES = ['RUNNER_TRACKING_ID', 'CARBON_GATE_TRACKING_ID'] as const;

/** How often the tracker re-reads every pid, whatever the sampling rate (the first read always does). */
export const FULL_SCAN_EVERY_MS = 300_000;

export function procSource(procRoot: string): ProcSource & { schedstats: SchedstatReader } {
  const stats = new StatReader(procRoot);
  const schedstats = new SchedstatReader(procRoot);
  const loadavg = new KeptFile(`${procRoot}/loadavg`);
  return {
    schedstats,
    stat: (pid) => stats.stat(pid),
    schedstat: (pid) => schedstats.read(pid),
    beginTick: () => schedstats.nextTick(),
    listPids: () => listPids(procRoot),
    exists: (pid) => pidExists(procRoot, pid),
    environ: (pid) => readEnviron(procRoot, pid),
    isProcess: (pid) => isThreadGroupLeader(procRoot, pid),
    cmdline: (pid) => readCmdline(procRoot, pid),
    head: (file) => readHead(file),
    lastPid: () => {
      const t = loadavg.read();
      return t === null ? null : parseLastPid(t);
    },
    retain: (pids) => {
      const list = [...pids];
      stats.retain(list);
      schedstats.retain(list);
    },
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
export function createLinuxReaders(opts: {
  procRoot?: string;
  rootPid: number | null;
  excludePids: number[];
  env?: NodeJS.ProcessEnv;
  /** See SamplerConfig.stepDepth. */
  stepDepth?: number;
  /** See SamplerConfig.discovery. */
  discovery?: 'pids' | 'list';
}): PlatformReader {
  const procRoot = opts.procRoot ?? '/proc';
  const env = opts.env ?? process.env;
  const { clkTck, pageBytes } = systemConstants(procRoot);
  const src = procSource(procRoot);
  const tracker = opts.rootPid
    ? new TreeTracker(src, { rootPid: opts.rootPid, clkTck, pageBytes, excludePids: opts.excludePids, marker: jobMarker(env), stepDepth: opts.stepDepth, discovery: opts.discovery })
    : null;
  const cgDir = opts.rootPid && env.CARBON_GATE_TREE_METHOD !== 'procfs' ? findCgroupDir(procRoot, opts.rootPid) : null;
  const cgroup = tracker && cgDir ? new CgroupAccount(cgroupSource(cgDir), src.stat, clkTck) : null;
  const contention = tracker ? new ContentionTracker(procRoot, cgDir, src.schedstats) : null;
  let lastFullScanMs = -Infinity;
  const procStat = new KeptFile(`${procRoot}/stat`);
  const meminfo = new KeptFile(`${procRoot}/meminfo`);
  return {
    machine(): { cpu: Sample['cpu']; mem: Sample['mem'] } {
      // The cpu lines (before the long intr line), and the first five lines of meminfo.
      const stat = procStat.read('\nintr ');
      const mem = meminfo.read('\nSwapCached:');
      if (stat === null || mem === null) throw new Error(`cannot read ${procRoot}/stat or ${procRoot}/meminfo`);
      const cpu = parseCpuLine(stat);
      return {
        cpu: { busySeconds: cpu.busyTicks / clkTck, totalSeconds: cpu.totalTicks / clkTck, logicalCpus: cpu.logicalCpus, stealSeconds: cpu.stealTicks / clkTck },
        mem: parseMeminfo(mem),
      };
    },
    tree: tracker
      ? (): TreeReading => {
          const now = performance.now();
          const fullScan = now - lastFullScanMs >= FULL_SCAN_EVERY_MS;
          if (fullScan) lastFullScanMs = now;
          const r = tracker.read({ fullScan });
          return cgroup ? cgroup.combine(r, tracker) : r;
        }
      : undefined,
    /**
     * Scheduler counters of the tree's live members at the last tree read (call right after tree()). A
     * member adopted by that read is counted from the next (whole: it was born during the job): most
     * processes of a churning job are gone by then, which saves an open and a close of its schedstat.
     */
    contention: tracker && contention ? (final?: boolean) => contention.read(tracker.refreshedPids(), final) : undefined,
    /** Live pids of the tree at the last read (the GPU source keeps only these). */
    treePids: tracker ? (): ReadonlySet<number> => new Set(tracker.memberPids()) : undefined,
  };
}
