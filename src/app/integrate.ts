// Streams samples.jsonl through the (pure) energy integrator in bounded memory, writing samples.csv
// row by row as a by-product: a 6 h job at 10 Hz has 216,000 samples, too many to hold as objects.
import { EnergyIntegrator } from '../core/energy.js';
import { ModelBandTracker, type BandModel } from '../core/model/band.js';
import { ContentionAccumulator } from '../core/gate/contention.js';
import { duration } from '../core/format.js';
import { samplesCsvHeader, samplesCsvRow } from '../core/report/csv.js';
import { SampleLineStream, type SampleStats } from '../core/samples.js';
import type { EnergyResult, PowerModel, Scope } from '../core/types.js';
import { ChunkedWriter, forEachLine } from '../adapters/chunked-file.js';

export interface Integrated {
  energy: EnergyResult;
  /** The same samples under the other published models (information only; the gate uses the model). */
  band: ModelBandTracker;
  stats: SampleStats;
  /** The kernel's contention signals summed over the run (run delay, pressure, steal, foreign CPU). */
  contention: ContentionAccumulator;
  /** Warnings about the data itself (few samples, carried GPU power, tree gaps, sampler faults). */
  warnings: string[];
}

export function integrateSamples(args: {
  samplesPath: string | null;
  samplesCsvPath: string;
  model: PowerModel;
  band: { models: BandModel[]; skipped: string[] };
  scope: Scope;
  intervalSeconds: number;
}): Integrated {
  const csv = new ChunkedWriter(args.samplesCsvPath);
  csv.write(samplesCsvHeader());
  const integrator = new EnergyIntegrator({
    model: args.model,
    scope: args.scope,
    intervalSeconds: args.intervalSeconds,
    onInterval: (p, s) => csv.write(samplesCsvRow(p, s)),
  });
  const band = new ModelBandTracker(args.band, args.scope, args.intervalSeconds);
  const contention = new ContentionAccumulator();
  const faults = new Map<string, number>();
  const stream = new SampleLineStream((s) => {
    integrator.add(s);
    band.add(s);
    contention.add(s);
    for (const f of s.faults ?? []) faults.set(f, (faults.get(f) ?? 0) + 1);
  });
  try {
    if (args.samplesPath) forEachLine(args.samplesPath, (line) => stream.line(line));
  } finally {
    csv.close();
  }
  const energy = integrator.result();
  const warnings: string[] = [];
  if (energy.samples < 2) warnings.push(`Only ${energy.samples} sample(s) were recorded: the job was too short to measure, or the sampler did not run.`);
  if (integrator.gpuCarriedSecondsTotal > 0) {
    warnings.push(`No GPU reading arrived for ${duration(integrator.gpuCarriedSecondsTotal)}; the last GPU power was carried forward over that gap.`);
  }
  if (integrator.gpuWithoutPower) warnings.push('A GPU reported no power and has no CCF coefficient row; its energy is not counted.');
  if (args.scope === 'process-tree' && integrator.treeMissingSecondsTotal > 0 && energy.samples >= 2) {
    warnings.push(`The process tree could not be read for ${duration(integrator.treeMissingSecondsTotal)}; machine utilisation was used there.`);
  }
  for (const [f, n] of faults) if (!f.startsWith('closing sample')) warnings.push(n > 1 ? `${f} (${n} times)` : f);
  return { energy, band, contention, stats: stream.stats, warnings };
}
