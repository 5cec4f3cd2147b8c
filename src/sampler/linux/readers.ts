// Linux readers for the sampler: machine CPU and memory from /proc, the job's tree via TreeTracker.
import { readFileSync } from 'node:fs';
import type { Sample } from '../../core/types.js';
import { listPids, parseCpuLine, parseMeminfo, readChildren, readPidStat, systemConstants } from './procfs.js';
import { TreeTracker, type ProcSource } from './tree.js';

export function procSource(procRoot: string): ProcSource {
  return {
    stat: (pid) => readPidStat(procRoot, pid),
    children: (pid) => readChildren(procRoot, pid),
    listPids: () => listPids(procRoot),
  };
}

export function createLinuxReaders(opts: { procRoot?: string; rootPid: number | null; excludePids: number[] }) {
  const procRoot = opts.procRoot ?? '/proc';
  const { clkTck, pageBytes } = systemConstants();
  const tracker = opts.rootPid ? new TreeTracker(procSource(procRoot), { rootPid: opts.rootPid, clkTck, pageBytes, excludePids: opts.excludePids }) : null;
  return {
    machine(): { cpu: Sample['cpu']; mem: Sample['mem'] } {
      const cpu = parseCpuLine(readFileSync(`${procRoot}/stat`, 'latin1'));
      return {
        cpu: { busySeconds: cpu.busyTicks / clkTck, totalSeconds: cpu.totalTicks / clkTck, logicalCpus: cpu.logicalCpus },
        mem: parseMeminfo(readFileSync(`${procRoot}/meminfo`, 'latin1')),
      };
    },
    tree: tracker ? () => tracker.read() : undefined,
  };
}
