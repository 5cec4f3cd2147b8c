// Shared builders for the model tests: real settings parser, real tables from data/, synthetic samples.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSettings } from '../../src/settings/inputs.js';
import type { Settings } from '../../src/settings/settings.js';
import type { HardwareFacts, Sample, EnergyResult, PowerModel, Scope } from '../../src/core/types.js';
import { loadTables } from '../../src/data/tables.js';
import type { Tables } from '../../src/core/model/tables.js';
import { EnergyIntegrator } from '../../src/core/energy.js';

// From this file's location, not process.cwd(): a cache call that times out inside src/github/baseline.ts
// can leave the worker's cwd changed, and every later test file in that worker then missed data/.
export const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');
export const tables = (): Tables => loadTables(DATA_DIR);

export function settingsOf(inputs: Record<string, string> = {}): Settings {
  return parseSettings((name) => inputs[name]);
}

const GIB = 1024 ** 3;
export function factsOf(over: Partial<HardwareFacts> & { memoryGb?: number } = {}): HardwareFacts {
  const { memoryGb, ...rest } = over;
  return {
    cpuModel: 'AMD EPYC 7763 64-Core Processor',
    logicalCpus: 4,
    memoryBytes: (memoryGb ?? 16) * GIB,
    os: 'linux',
    osRelease: '6.8.0',
    arch: 'x64',
    runnerEnvironment: 'github-hosted',
    gpus: [],
    ...rest,
  };
}

/**
 * Samples for a utilisation trace: utils[i] is the utilisation of interval i (stepSeconds long),
 * applied to the process tree and to the whole machine alike.
 */
export function traceSamples(utils: number[], stepSeconds: number, vcpus: number): Sample[] {
  const out: Sample[] = [];
  let tree = 0;
  let busy = 1000;
  let total = 5000;
  let t = 100;
  const push = (): void => {
    out.push({
      v: 1,
      monoS: t,
      wallMs: 1_700_000_000_000 + t * 1000,
      cpu: { busySeconds: busy, totalSeconds: total, logicalCpus: vcpus },
      mem: { totalBytes: 16 * GIB, availableBytes: 8 * GIB },
      tree: { cpuSeconds: tree, rssBytes: 1e8, processes: 3, method: 'procfs' },
    });
  };
  push();
  for (const u of utils) {
    t += stepSeconds;
    tree += u * vcpus * stepSeconds;
    busy += u * vcpus * stepSeconds;
    total += vcpus * stepSeconds;
    push();
  }
  return out;
}

/** Integrates a constant utilisation for `seconds` with the project's energy integrator. */
export function integrate(model: PowerModel, utils: number[], stepSeconds: number, scope: Scope = 'process-tree'): EnergyResult {
  const integ = new EnergyIntegrator({ model, scope, intervalSeconds: stepSeconds });
  for (const s of traceSamples(utils, stepSeconds, model.vcpus)) integ.add(s);
  return integ.result();
}

export const constant = (u: number, n: number): number[] => Array.from({ length: n }, () => u);

export function relClose(actual: number, expected: number, rel = 1e-9): void {
  const err = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
  if (!(err <= rel)) throw new Error(`expected ${expected}, got ${actual} (relative error ${err.toExponential(2)} > ${rel})`);
}
