// The sampler's optional sources: GPU (nvidia-smi / rocm-smi), RAPL energy counters, and the
// machine/tree readers of platforms without /proc. The loop (loop.ts) calls these once per tick;
// everything here is cheap, never writes to stdout, and never throws out of a tick.

import type { GpuReading, RaplReading, Sample, TreeReading } from '../core/types.js';
import { probeNvidia, startNvidiaSource } from './gpu/nvidia.js';
import { probeRocm, startRocmSource } from './gpu/rocm.js';
import { openRapl } from './rapl.js';

export { findOnPath } from './which.js';

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

export interface PlatformReader {
  machine(): { cpu: Sample['cpu']; mem: Sample['mem'] };
  /** Tree reading, may be called less often than machine(); undefined when not available. */
  tree?(rootPid: number): TreeReading | undefined;
  /** Fault messages since the previous call, drained. Optional extension. */
  takeFaults?(): string[];
  /** Stops helper processes (the Windows PowerShell loop). Optional extension. */
  stop?(): void;
}

export interface OptionalSourcesConfig {
  gpu: 'auto' | 'nvidia' | 'amd' | 'off';
  rapl: boolean;
  intervalSeconds: number;
  sysfsRoot?: string;
  env: NodeJS.ProcessEnv;
  /**
   * Optional extension: the pids of the measured tree at this moment, so the GPU source can keep
   * only tree processes in GpuReading.treePids. Without it every GPU process is listed.
   */
  treePids?: () => ReadonlySet<number> | undefined;
}

/**
 * Starts what is available and asked for. Never throws: what cannot be used becomes a note.
 * 'auto' tries nvidia-smi, then rocm-smi; 'nvidia'/'amd' try only that tool (a missing tool is a note).
 */
export function startOptionalSources(cfg: OptionalSourcesConfig): { gpu?: GpuSource; rapl?: RaplReader; notes: string[] } {
  const notes: string[] = [];
  let gpu: GpuSource | undefined;
  try {
    gpu = startGpu(cfg, notes);
  } catch (err) {
    notes.push(`GPU source failed to start: ${(err as Error).message}`);
  }
  let rapl: RaplReader | undefined;
  if (cfg.rapl) {
    const root = cfg.sysfsRoot ?? cfg.env.CARBON_GATE_SYSFS_ROOT ?? '/sys';
    const opened = openRapl(root);
    notes.push(...opened.notes);
    rapl = opened.reader;
  }
  return { gpu, rapl, notes };
}

function startGpu(cfg: OptionalSourcesConfig, notes: string[]): GpuSource | undefined {
  if (cfg.gpu === 'off') return undefined;
  const intervalMs = Math.max(100, Math.round(cfg.intervalSeconds * 1000));
  const tryNvidia = cfg.gpu === 'auto' || cfg.gpu === 'nvidia';
  const tryAmd = cfg.gpu === 'auto' || cfg.gpu === 'amd';
  const missing: string[] = [];
  if (tryNvidia) {
    const probe = probeNvidia(cfg.env);
    if (probe.ok) {
      notes.push(`GPU: nvidia-smi lists ${probe.gpus.length} GPU(s): ${probe.gpus.map((g) => g.name).join(', ')}`);
      return startNvidiaSource({ intervalMs, env: cfg.env, gpus: probe.gpus, command: probe.command, treePids: cfg.treePids });
    }
    if (probe.found || cfg.gpu === 'nvidia') notes.push(`GPU: ${probe.note}`);
    else missing.push('nvidia-smi');
  }
  if (tryAmd) {
    const probe = probeRocm(cfg.env);
    if (probe.ok) {
      notes.push(`GPU: rocm-smi lists ${probe.cards} GPU(s)${probe.names.size ? `: ${[...probe.names.values()].join(', ')}` : ''}`);
      return startRocmSource({ intervalMs, env: cfg.env, names: probe.names, command: probe.command });
    }
    if (probe.found || cfg.gpu === 'amd') notes.push(`GPU: ${probe.note}`);
    else missing.push('rocm-smi');
  }
  if (missing.length === 2) notes.push('GPU: neither nvidia-smi nor rocm-smi is on PATH: no GPU measured');
  return undefined;
}
