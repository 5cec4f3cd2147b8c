// Hardware and environment facts, read once with node:os (cheap; systeminformation is kept out of pre).
import os from 'node:os';
import { readFileSync } from 'node:fs';
import type { HardwareFacts } from '../core/types.js';
import { detectContainer } from '../sampler/container.js';

function cpuModel(): string {
  const fromOs = os.cpus()[0]?.model?.trim();
  if (fromOs) return fromOs;
  try {
    const m = /^(model name|Hardware|Processor)\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[2].trim();
  } catch {
    /* not Linux */
  }
  return 'unknown';
}

export function runnerEnvironment(env: NodeJS.ProcessEnv): HardwareFacts['runnerEnvironment'] {
  const v = env.RUNNER_ENVIRONMENT;
  if (v === 'github-hosted' || v === 'self-hosted') return v;
  return env.GITHUB_ACTIONS === 'true' ? 'self-hosted' : 'local';
}

export function readHardwareFacts(env: NodeJS.ProcessEnv): HardwareFacts {
  return {
    cpuModel: cpuModel(),
    logicalCpus: typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length,
    memoryBytes: os.totalmem(),
    os: process.platform,
    osRelease: os.release(),
    arch: process.arch,
    runnerEnvironment: runnerEnvironment(env),
    ...(env.RUNNER_NAME ? { runnerName: env.RUNNER_NAME } : {}),
    gpus: [],
    container: detectContainer('/', env),
  };
}
