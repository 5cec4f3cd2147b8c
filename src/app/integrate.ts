// Streams samples.jsonl through the integrity guard into the (pure) energy integrator in bounded memory,
// writing samples.csv row by row as a by-product: a 6 h job at 10 Hz has 216,000 samples, too many to
// hold as objects. Nothing here fails a report over its own I/O (see read-samples.ts).
import { EnergyIntegrator } from '../core/energy.js';
import { ModelBandTracker, type BandModel } from '../core/model/band.js';
import { ContentionAccumulator } from '../core/gate/contention.js';
import { duration } from '../core/format.js';
import type { IntegrityReport } from '../core/integrity-types.js';
import { integrityWarnings } from '../core/measurement.js';
import { samplesCsvHeader, samplesCsvRow } from '../core/report/csv.js';
import type { SampleStats } from '../core/samples.js';
import { StepAccumulator } from '../core/steps/accumulate.js';
import type { CompletionMarker, EnergyResult, PowerModel, Scope } from '../core/types.js';
import { readSamples } from './read-samples.js';

export interface Integrated {
  energy: EnergyResult;
  /** The same samples under the other published models (information only; the gate uses the model). */
  band: ModelBandTracker;
  stats: SampleStats;
  /** The kernel's contention signals summed over the run (run delay, pressure, steal, foreign CPU). */
  contention: ContentionAccumulator;
  /** Per-step CPU, time and energy, fed by the integrator's split of each interval. */
  steps: StepAccumulator;
  /** Samples and intervals the guard rejected, and lines missing against the sampler's count. */
  integrity: IntegrityReport;
  /** Whether samples.jsonl was there to read. */
  samplesPresent: boolean;
  /** Ticks from the first to the last accepted sample (seq numbers), or null without seq numbers. */
  coveredTicks: number | null;
  /** Whether the data itself makes the run partial (lines missing or unwritten, intervals skipped). */
  partial: boolean;
  /** Warnings about the data itself (few samples, carried GPU power, tree gaps, sampler faults, integrity). */
  warnings: string[];
}

export function integrateSamples(args: {
  samplesPath: string;
  samplesCsvPath: string;
  model: PowerModel;
  band: { models: BandModel[]; skipped: string[] };
  scope: Scope;
  intervalSeconds: number;
  /** The sampler's completion marker: its tick count, write failures and closing sample. */
  marker: CompletionMarker | null;
}): Integrated {
  const band = new ModelBandTracker(args.band, args.scope, args.intervalSeconds);
  const contention = new ContentionAccumulator();
  const steps = new StepAccumulator();
  const read = readSamples({
    samplesPath: args.samplesPath,
    csvPath: args.samplesCsvPath,
    csvHeader: samplesCsvHeader(),
    csvRow: samplesCsvRow,
    makeIntegrator: (onInterval) =>
      new EnergyIntegrator({ model: args.model, scope: args.scope, intervalSeconds: args.intervalSeconds, onInterval, onSplit: (x) => steps.interval(x) }),
    marker: args.marker,
    onAccept: (s, skip) => {
      band.add(s, skip);
      contention.add(s, skip);
    },
  });
  const { integrator, integrity } = read;
  const marker = args.marker;
  const warnings: string[] = [];
  if (read.csvError) warnings.push(`samples.csv could not be written (${read.csvError}).`);
  const writeFailures = marker?.writeFailures ? { count: marker.writeFailures.count - (read.closingFromMarker ? 1 : 0), error: marker.writeFailures.error } : null;
  warnings.push(...integrityWarnings(integrity, writeFailures));
  const energy = integrator.result();
  if (energy.samples < 2) warnings.push(`Only ${energy.samples} sample(s) were recorded: the job was too short to measure, or the sampler did not run.`);
  if (integrator.gpuCarriedSecondsTotal > 0) {
    warnings.push(`No GPU reading arrived for ${duration(integrator.gpuCarriedSecondsTotal)}; the last GPU power was carried forward over that gap.`);
  }
  if (integrator.gpuWithoutPower) warnings.push('A GPU reported no power and has no CCF coefficient row; its energy is not counted.');
  if (args.scope === 'process-tree' && integrator.treeMissingSecondsTotal > 0 && energy.samples >= 2) {
    warnings.push(`The process tree could not be read for ${duration(integrator.treeMissingSecondsTotal)}; machine utilisation was used there.`);
  }
  for (const [f, n] of read.faults) if (!f.startsWith('closing sample')) warnings.push(n > 1 ? `${f} (${n} times)` : f);
  return {
    energy,
    band,
    contention,
    steps,
    stats: read.stats,
    integrity,
    samplesPresent: read.present,
    coveredTicks: read.coveredTicks,
    partial: !!marker?.writeFailures || integrity.skippedIntervals > 0 || integrity.missingSamples > 0,
    warnings,
  };
}
