// The factory of the sampler's optional sources: GPU (nvidia-smi / rocm-smi), RAPL energy counters, and the
// machine/tree readers of platforms without /proc. The loop (loop.ts) calls these once per tick;
// everything here is cheap, never writes to stdout, and never throws out of a tick.

import type { GpuSource, OptionalSourcesConfig, RaplReader } from './types.js';
import { probeNvidia, startNvidiaSource } from './gpu/nvidia.js';
import { probeRocm, startRocmSource } from './gpu/rocm.js';
import { openRapl } from './rapl.js';

export { findOnPath } from './which.js';

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
