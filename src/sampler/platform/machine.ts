// Machine CPU and memory without /proc: os.cpus() times and os.totalmem()/os.freemem().
// os.cpus() reports, per logical CPU, cumulative milliseconds in user, nice, sys, idle and irq
// since boot; Sample['cpu'] wants cumulative busy and total seconds, so summing is enough.

import os from 'node:os';
import type { Sample } from '../../core/types.js';

export interface CpuTimesMs {
  user: number;
  nice: number;
  sys: number;
  idle: number;
  irq: number;
}

/** Cumulative busy/total CPU seconds over all logical CPUs, from os.cpus()-shaped data. */
export function cpuFromTimes(cpus: Array<{ times: CpuTimesMs }>): Sample['cpu'] {
  let busyMs = 0;
  let totalMs = 0;
  for (const { times } of cpus) {
    const busy = times.user + times.nice + times.sys + times.irq;
    busyMs += busy;
    totalMs += busy + times.idle;
  }
  return { busySeconds: busyMs / 1000, totalSeconds: totalMs / 1000, logicalCpus: cpus.length };
}

/**
 * Machine reading from the os module. On macOS os.freemem() is the kernel's free page count
 * (inactive and purgeable pages not included), so availableBytes is a lower bound there; on
 * Windows it is the available physical memory (ullAvailPhys).
 */
export function osMachine(): { cpu: Sample['cpu']; mem: Sample['mem'] } {
  return {
    cpu: cpuFromTimes(os.cpus()),
    mem: { totalBytes: os.totalmem(), availableBytes: os.freemem() },
  };
}
