// The pure half of finishing a run: integrated energy + model + inputs → RunResult and the summary
// text. No I/O: everything it needs is passed in (links included), so it is tested without files.
import { computeEmissions } from '../core/emissions.js';
import type { ContentionAccumulator } from '../core/gate/contention.js';
import { gateTerms } from '../core/gate/terms.js';
import type { IntegrityReport } from '../core/integrity-types.js';
import { notMeasuredReason, notMeasuredVerdict } from '../core/measurement.js';
import type { ModelBandTracker } from '../core/model/band.js';
import { resolveIntensity, type LiveIntensity } from '../core/model/intensity.js';
import { modelSettingsOf, withInputErrors } from './model-inputs.js';
import { componentProvenance } from '../core/provenance.js';
import { renderModelSection } from '../core/report/model-section.js';
import { renderSummary } from '../core/report/summary.js';
import type { SampleStats } from '../core/samples.js';
import type { StepAccumulator } from '../core/steps/accumulate.js';
import { stepBreakdown } from '../core/steps/breakdown.js';
import type { ApiStep } from '../core/steps/name.js';
import { renderStepsSection } from '../core/report/steps-section.js';
import type { CompletionMarker, EnergyResult, HardwareFacts, PowerModel, RunResult } from '../core/types.js';
import { computeVerdict } from '../core/verdict.js';
import type { Tables } from '../data/tables.js';
import type { Settings } from '../settings/settings.js';
import { VERSION } from '../version.js';
import type { RunInfo } from './run-info.js';

export interface ComputeInput {
  info: RunInfo;
  settings: Settings;
  facts: HardwareFacts;
  tables: Tables;
  model: PowerModel;
  live: LiveIntensity | null;
  energy: EnergyResult;
  /** The model band tracker fed with the same samples. */
  band: Pick<ModelBandTracker, 'result'>;
  /** The contention signals fed with the same samples (for the gate's time-driven term). */
  contention: Pick<ContentionAccumulator, 'result'>;
  stats: SampleStats;
  /** The per-step accumulator fed with the same samples. */
  steps?: StepAccumulator;
  /** This job's steps from the Jobs API; null: asked without an answer; absent: the CLI (its naming note). */
  apiSteps?: ApiStep[] | null;
  /** Pid of the process running finish as a step of the job (post): its share goes to the outside row. */
  selfPid?: number;
  /** What the integrity guard rejected or found missing (see core/integrity.ts). */
  integrity: IntegrityReport;
  /** Whether samples.jsonl was there to read, and the ticks its accepted samples span (seq numbers). */
  samplesPresent: boolean;
  coveredTicks: number | null;
  partial: boolean;
  warnings: string[];
  marker: CompletionMarker | null;
  baseline: RunResult['baseline'];
  /** Used when the sampler left no marker (its end time): the caller's clock. */
  nowMs: number;
  /** GITHUB_SERVER_URL, for links in the baseline section. */
  serverUrl: string | undefined;
  /** Output file names shown in the summary, by display name (when no artifact is linked instead). */
  fileNames: Record<string, string>;
  /** The uploaded artifact: the summary links it instead of listing run-directory paths that end with the job. */
  artifact?: { name: string; url?: string };
}

export function computeRun(c: ComputeInput): { result: RunResult; summary: string } {
  const { settings, model, energy, baseline } = c;
  const intensity = withInputErrors(() => resolveIntensity({ settings: modelSettingsOf(settings), model, facts: c.facts, tables: c.tables, live: c.live }));
  const emissions = computeEmissions(energy, model, intensity, settings.includeEmbodied);
  const terms = gateTerms(energy, model, emissions, c.contention.result(), settings.includeEmbodied);
  // Never green on no data: too few valid samples, a lost file or a sampler that never ran is "Not measured".
  const notMeasured = notMeasuredReason({
    samplerStarted: c.samplesPresent || c.marker !== null,
    samplesFilePresent: c.samplesPresent,
    validSamples: c.integrity.accepted,
    ticks: c.marker?.ticks ?? null,
    coveredTicks: c.coveredTicks,
  });
  const verdict = notMeasured
    ? notMeasuredVerdict(notMeasured, settings.requireMeasurement)
    : computeVerdict({
        energyWh: energy.totalWh,
        gatedGCo2e: emissions.gatedGCo2e,
        cpuSeconds: energy.treeCpuSeconds ?? energy.machineCpuSeconds,
        terms,
        settings,
        baseline: baseline.records,
      });
  const provenance = componentProvenance(model, energy, intensity);
  const stepRows = c.steps ? stepBreakdown(c.steps, energy, emissions, { api: c.apiSteps ?? null, selfPid: c.selfPid }) : undefined;
  const result: RunResult = {
    tool: { name: 'carbon-gate', version: VERSION },
    job: c.info.job,
    hardware: c.facts,
    model,
    energy,
    emissions,
    terms,
    verdict,
    ...(stepRows ? { steps: stepRows } : {}),
    baseline,
    provenance,
    modelBand: c.band.result({ model, energy, emissions }),
    quality: {
      partial: c.partial,
      skippedLines: c.stats.skippedLines,
      warnings: c.warnings,
      ...(c.marker ? { samplerCpuSeconds: c.marker.samplerCpuSeconds, samplerMaxRssBytes: c.marker.samplerMaxRssBytes } : {}),
      ...(notMeasured ? { notMeasured } : {}),
      integrity: c.integrity,
    },
    startedWallMs: c.info.startedWallMs,
    endedWallMs: c.marker?.endedWallMs ?? c.nowMs,
  };
  const summary = renderSummary(result, {
    chart: settings.chart,
    gate: settings,
    links: { serverUrl: c.serverUrl, repository: c.info.job.repository },
    modelSection: renderModelSection(model, intensity, emissions, energy, provenance, result.modelBand),
    stepsSection: renderStepsSection(stepRows, c.apiSteps === undefined ? { naming: 'cli' } : {}),
    ...(c.artifact ? { artifact: c.artifact } : { files: c.fileNames }),
  });
  return { result, summary };
}
