// Turns a run directory into a result and the summary text: load (I/O) → integrate (streamed) →
// compute (pure). Writing the outputs is the output registry's job (app/outputs/). Shared by post and the CLI.
import path from 'node:path';
import { bandModels } from '../core/model/band.js';
import { modelSettingsOf } from './model-inputs.js';
import type { CloudMetadata } from '../core/model/cloud.js';
import type { LiveIntensity } from '../core/model/intensity.js';
import type { ApiStep } from '../core/steps/name.js';
import type { CompletionMarker, RunResult } from '../core/types.js';
import type { Settings } from '../settings/settings.js';
import { computeRun } from './compute.js';
import { integrateSamples } from './integrate.js';
import { loadRun, type SamplerEnded } from './load.js';
import type { RunInfo } from './run-info.js';

export { closingSample } from './load.js';

export const OUTPUT_FILES = { emissionsCsv: 'emissions.csv', carbonGateCsv: 'carbon-gate.csv', samplesCsv: 'samples.csv', stepsCsv: 'steps.csv', json: 'carbon-gate.json', summary: 'summary.md' } as const;

export type OutputFiles = { [K in keyof typeof OUTPUT_FILES]: string };

export interface FinishOptions {
  runDir: string;
  info: RunInfo;
  settings: Settings;
  /** The sampler's completion marker; null when it was killed or crashed. */
  marker: CompletionMarker | null;
  /** Sampler stop outcome, for the partial flag. */
  samplerEnded: SamplerEnded;
  baseline?: RunResult['baseline'];
  cloud?: CloudMetadata | null;
  live?: LiveIntensity | null;
  warnings?: string[];
  env?: NodeJS.ProcessEnv;
  /** The uploaded artifact: the summary links it instead of listing run-directory paths that end with the job. */
  artifact?: { name: string; url?: string };
  /** This job's steps from the Jobs API (names, numbers, times); null: asked without an answer; absent: the CLI. */
  apiSteps?: ApiStep[] | null;
  /** Pid of the process running finish as a step of the job (post): its share goes to the outside row. */
  selfPid?: number;
}

/** What the outputs write from: the result, its summary text, the settings and where the files go. */
export interface Finished {
  result: RunResult;
  summary: string;
  settings: Settings;
  runDir: string;
  /** Absolute paths of the run directory's output files (samples.csv is already written). */
  files: OutputFiles;
}

export function outputPaths(runDir: string): OutputFiles {
  return {
    emissionsCsv: path.join(runDir, OUTPUT_FILES.emissionsCsv),
    carbonGateCsv: path.join(runDir, OUTPUT_FILES.carbonGateCsv),
    samplesCsv: path.join(runDir, OUTPUT_FILES.samplesCsv),
    stepsCsv: path.join(runDir, OUTPUT_FILES.stepsCsv),
    json: path.join(runDir, OUTPUT_FILES.json),
    summary: path.join(runDir, OUTPUT_FILES.summary),
  };
}

export async function finishRun(o: FinishOptions): Promise<Finished> {
  const env = o.env ?? process.env;
  const loaded = await loadRun({ ...o, env });
  const files = outputPaths(o.runDir);
  const integrated = integrateSamples({
    samplesPath: loaded.samplesPath,
    samplesCsvPath: files.samplesCsv,
    model: loaded.model,
    band: bandModels({ model: loaded.model, facts: loaded.facts, settings: modelSettingsOf(o.settings), tables: loaded.tables, scope: o.settings.scope }),
    scope: o.settings.scope,
    intervalSeconds: o.settings.sampleIntervalSeconds,
    marker: o.marker,
  });
  const { result, summary } = computeRun({
    info: o.info,
    settings: o.settings,
    facts: loaded.facts,
    tables: loaded.tables,
    model: loaded.model,
    live: loaded.live,
    energy: integrated.energy,
    band: integrated.band,
    contention: integrated.contention,
    steps: integrated.steps,
    apiSteps: o.apiSteps,
    ...(o.selfPid !== undefined ? { selfPid: o.selfPid } : {}),
    stats: integrated.stats,
    integrity: integrated.integrity,
    samplesPresent: integrated.samplesPresent,
    coveredTicks: integrated.coveredTicks,
    partial: loaded.partial || integrated.partial,
    warnings: [...loaded.warnings, ...integrated.warnings],
    marker: o.marker,
    baseline: o.baseline ?? { records: [], status: 'disabled' },
    nowMs: Date.now(),
    serverUrl: env.GITHUB_SERVER_URL,
    ...(o.artifact ? { artifact: o.artifact } : {}),
    fileNames: { 'emissions.csv': files.emissionsCsv, 'carbon-gate.csv': files.carbonGateCsv, 'samples.csv': files.samplesCsv, 'steps.csv': files.stepsCsv, 'carbon-gate.json': files.json },
  });
  return { result, summary, settings: o.settings, runDir: o.runDir, files };
}
