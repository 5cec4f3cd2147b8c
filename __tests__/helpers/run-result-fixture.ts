// A complete, plausible RunResult for reporter and publisher tests (numbers from a 60 s job on a
// 4-vCPU runner). Override what a test needs.
import type { BaselineRecord, GateFactors, GateTerms, RunResult } from '../../src/core/types.js';

/**
 * Factors that price 40 CPU-seconds at exactly 1 gCO2e and wall time at nothing: with them the
 * like-with-like comparison of the fixtures' records (cpuSeconds = gCO2e × 40) compares gCO2e as given.
 */
export const WORK_ONLY_FACTORS: GateFactors = {
  workWhPerCpuSecond: 1 / 40,
  timeWatts: 0,
  embodiedGPerHour: 0,
  includeEmbodied: false,
  pue: 1,
  gCo2ePerKwh: 1000,
  model: 'CCF Azure EPYC 3rd Gen, 4 vCPU',
  grid: 'world (Ember 2024)',
};

/** Terms of a run; by default one whose priced gCO2e (WORK_ONLY_FACTORS) is cpuSeconds / 40. */
export function gateTermsFixture(over: Partial<GateTerms> = {}): GateTerms {
  return {
    v: 1,
    cpuSeconds: 40,
    durationSeconds: 60,
    contentionSeconds: 0,
    workWh: 1,
    timeWh: 0,
    embodiedGCo2e: 0,
    factors: WORK_ONLY_FACTORS,
    signals: { runDelaySeconds: 0, stealSeconds: 0, pressureSomeSeconds: null, foreignCpuSeconds: 0 },
    ...over,
  };
}

export function baselineRecord(i: number, gatedGCo2e: number, extra: Partial<BaselineRecord> = {}): BaselineRecord {
  return {
    runId: String(1000 + i),
    runAttempt: 1,
    sha: (i.toString(16) + 'abcdef0123456789').padEnd(40, '0').slice(0, 40),
    ref: 'refs/heads/main',
    wallMs: Date.UTC(2026, 10, 1 + i, 12, 0, 0),
    energyWh: gatedGCo2e * 2,
    operationalGCo2e: gatedGCo2e * 0.8,
    embodiedGCo2e: gatedGCo2e * 0.2,
    gatedGCo2e,
    durationSeconds: 60 + i,
    cpuSeconds: gatedGCo2e * 40,
    ...extra,
  };
}

export function runResult(over: Partial<RunResult> = {}): RunResult {
  const base: RunResult = {
    tool: { name: 'carbon-gate', version: '0.1.0' },
    job: {
      workflow: 'CI',
      job: 'test',
      runId: '4242',
      runAttempt: 1,
      sha: '0123456789abcdef0123456789abcdef01234567',
      ref: 'refs/pull/7/merge',
      repository: 'octo/repo',
      runUrl: 'https://github.com/octo/repo/actions/runs/4242',
      key: 'CI/test/default',
      label: 'test',
    },
    hardware: { cpuModel: 'AMD EPYC 7763 64-Core Processor', logicalCpus: 4, memoryBytes: 16e9, os: 'linux', osRelease: '6.8', arch: 'x64', runnerEnvironment: 'github-hosted', gpus: [] },
    model: { id: 'ccf', label: 'CCF Azure EPYC 3rd Gen, 4 vCPU', vcpus: 4, cpu: { kind: 'linear', idleWatts: 1.78, maxWatts: 8.08 }, memoryGb: 16, memoryWattsPerGb: 0.392, pue: 1.185, sources: [], notes: [] },
    energy: {
      scope: 'process-tree',
      durationSeconds: 60,
      samples: 60,
      cpuWh: 0.08,
      ramWh: 0.1,
      gpuWh: 0,
      totalWh: 0.18,
      cpu: 'modelled',
      ram: 'modelled',
      gpu: 'none',
      avgMachineUtil: 0.5,
      avgTreeUtil: 0.45,
      treeCpuSeconds: 108,
      machineCpuSeconds: 120,
      remainderCpuSeconds: 12,
      escapedCpuSeconds: 0,
      peakTreeRssBytes: 5e8,
      gpuCount: 0,
      gpuModels: [],
      avgCpuWatts: 4.8,
      avgRamWatts: 6,
      avgGpuWatts: 0,
      gaps: [],
      series: [],
    },
    emissions: { operationalGCo2e: 0.1, embodiedGCo2e: 0.02, totalGCo2e: 0.12, gatedGCo2e: 0.12, intensity: { gCo2ePerKwh: 472, location: 'world', source: 'Ember 2024', kind: 'world', status: { status: 'defaulted', reason: 'no region or country known: world average' } }, pue: 1.185 },
    verdict: { status: 'pass', failBuild: false, headline: '✅ Passed: within limits', reasons: [] },
    baseline: { records: [], status: 'none' },
    quality: { partial: false, skippedLines: 0, warnings: [] },
    startedWallMs: Date.UTC(2026, 10, 20, 12, 0, 0),
    endedWallMs: Date.UTC(2026, 10, 20, 12, 1, 0),
  };
  return { ...base, ...over, job: { ...base.job, ...(over.job ?? {}) } };
}
