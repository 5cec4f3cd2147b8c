// Turns a run directory into a result, a report and the output files. Shared by post and the CLI.
// The core does the computing; this file only reads and writes the run directory.
import { duration } from '../core/format.js';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EnergyIntegrator } from '../core/energy.js';
import { computeEmissions } from '../core/emissions.js';
import { ContentionAccumulator } from '../core/gate/contention.js';
import { gateTerms } from '../core/gate/terms.js';
import { resolveIntensity } from '../core/model/intensity.js';
import { selectModel } from '../core/model/select.js';
import { bandModels, ModelBandTracker } from '../core/model/band.js';
import { renderModelSection } from '../core/report/model-section.js';
import { samplesCsvHeader, samplesCsvRow } from '../core/report/csv.js';
import { emissionsCsv } from '../core/report/codecarbon-csv.js';
import { carbonGateCsv } from '../core/report/carbon-gate-csv.js';
import { componentProvenance } from '../core/provenance.js';
import { renderSummary } from '../core/report/summary.js';
import { SampleLineStream, parseSampleLine } from '../core/samples.js';
import { ChunkedWriter, forEachLine, readSlice } from '../adapters/chunked-file.js';
import type { CloudMetadata } from '../core/model/cloud.js';
import type { LiveIntensity } from '../core/model/intensity.js';
import type { CompletionMarker, HardwareFacts, RunResult, Sample } from '../core/types.js';
import { computeVerdict } from '../core/verdict.js';
import { loadTables } from '../data/tables.js';
import { detectCloud } from '../adapters/cloud-metadata.js';
import { CACHE_FILE_NAME, liveIntensityFor } from '../adapters/electricity-maps.js';
import { createLinuxReaders } from '../sampler/linux/readers.js';
import { LOG_FILE, SAMPLES_FILE } from '../sampler/config.js';
import type { Settings } from '../settings/settings.js';
import { VERSION } from '../version.js';
import type { RunInfo } from './run-info.js';

export const OUTPUT_FILES = { emissionsCsv: 'emissions.csv', carbonGateCsv: 'carbon-gate.csv', samplesCsv: 'samples.csv', json: 'carbon-gate.json', summary: 'summary.md' } as const;

export interface FinishOptions {
  runDir: string;
  info: RunInfo;
  settings: Settings;
  /** The sampler's completion marker; null when it was killed or crashed. */
  marker: CompletionMarker | null;
  /** Sampler stop outcome, for the partial flag. */
  samplerEnded: 'stopped' | 'killed' | 'not-running' | 'saved';
  baseline?: RunResult['baseline'];
  cloud?: CloudMetadata | null;
  live?: LiveIntensity | null;
  warnings?: string[];
  env?: NodeJS.ProcessEnv;
  /** The uploaded artifact: the summary links it instead of listing run-directory paths that end with the job. */
  artifact?: { name: string; url?: string };
}

export interface Finished {
  result: RunResult;
  summary: string;
  files: { emissionsCsv: string; carbonGateCsv: string; samplesCsv: string; json: string; summary: string };
}

/**
 * When the sampler died without its last sample, post reads the machine (and the tree, from scratch)
 * itself so that the totals still reach the end of the job. The tree value cannot be lower than the
 * last recorded one; what re-parented processes used since is not known, hence the partial flag.
 */
export function closingSample(info: RunInfo, last: Sample | null): Sample | null {
  if (process.platform !== 'linux') return null;
  try {
    const readers = createLinuxReaders({ rootPid: info.rootPid, excludePids: [process.pid] });
    const { cpu, mem } = readers.machine();
    const s: Sample = { v: 1, monoS: Number(process.hrtime.bigint()) / 1e9, wallMs: Date.now(), cpu, mem, faults: ['closing sample taken by post: the sampler had stopped'] };
    const tree = info.rootPid ? readers.tree?.() : undefined;
    if (tree && !tree.rootGone && last?.tree) s.tree = { ...tree, cpuSeconds: Math.max(tree.cpuSeconds, last.tree.cpuSeconds), escapedCpuSeconds: last.tree.escapedCpuSeconds };
    return s;
  } catch {
    return null;
  }
}

function lastSampleOf(text: string): Sample | null {
  let end = text.length;
  while (end > 0) {
    const nl = text.lastIndexOf('\n', end - 1);
    const s = parseSampleLine(text.slice(nl + 1, end).trim());
    if (s) return s;
    end = nl;
    if (nl < 0) break;
  }
  return null;
}

export async function finishRun(o: FinishOptions): Promise<Finished> {
  const { runDir, info, settings } = o;
  const warnings = [...(o.warnings ?? [])];
  const samplesPath = path.join(runDir, SAMPLES_FILE);
  const hasSamples = existsSync(samplesPath);
  const partial = o.samplerEnded === 'killed' || o.samplerEnded === 'not-running' || (o.samplerEnded === 'saved' && !o.marker);
  if (partial && o.samplerEnded === 'saved') {
    warnings.push('The sampler left no completion marker: it was killed or crashed before the end of the run.');
  } else if (partial) {
    warnings.push(
      o.samplerEnded === 'killed'
        ? 'The sampler did not stop cleanly and was killed; the last interval was closed by post.'
        : 'The sampler was no longer running when post started (killed or crashed); the last interval was closed by post.',
    );
    const tail = hasSamples ? readSlice(samplesPath, 64 * 1024, true) : '';
    const closing = closingSample(info, lastSampleOf(tail));
    if (closing) appendFileSync(samplesPath, `${tail && !tail.endsWith('\n') ? '\n' : ''}${JSON.stringify(closing)}\n`);
  }
  if (existsSync(path.join(runDir, LOG_FILE))) {
    const log = readFileSync(path.join(runDir, LOG_FILE), 'utf8').trim().split('\n').filter((l) => !/ note: /.test(l));
    if (log.length) warnings.push(`The sampler logged ${log.length} problem(s); first: ${log[0].replace(/^\S+ /, '')}`);
  }

  // GPUs seen in the samples complete the hardware facts used for model selection.
  const facts: HardwareFacts = { ...info.facts, gpus: [...info.facts.gpus] };
  // The first GPU reading comes with the first ticks: the head of the file is enough.
  const firstGpu = hasSamples ? /"gpu":\[(.*?)\]/.exec(readSlice(samplesPath, 1024 * 1024)) : null;
  if (firstGpu && !facts.gpus.length) for (const m of firstGpu[1].matchAll(/"name":"((?:[^"\\]|\\.)*)"/g)) facts.gpus.push(JSON.parse(`"${m[1]}"`) as string);

  const tables = loadTables();
  const env = o.env ?? process.env;
  // Network only when asked for: instance metadata (≤ 300 ms) and a live intensity (1 s, cached per run).
  const cloud = o.cloud !== undefined ? o.cloud : settings.detectCloud ? await detectCloud({ env }) : null;
  if (settings.detectCloud && !cloud) warnings.push('detect-cloud: no instance metadata service answered within 300 ms; the model uses the inputs and defaults.');
  const modelArgs = { facts, settings, tables, cloud };
  const model = selectModel(modelArgs);
  const live =
    o.live !== undefined ? o.live : settings.electricityMapsToken ? await liveIntensityFor({ settings, model, tables, cacheFile: path.join(runDir, CACHE_FILE_NAME), env }) : null;

  const csv = new ChunkedWriter(path.join(runDir, OUTPUT_FILES.samplesCsv));
  csv.write(samplesCsvHeader());
  const integrator = new EnergyIntegrator({
    model,
    scope: settings.scope,
    intervalSeconds: settings.sampleIntervalSeconds,
    onInterval: (p, s) => csv.write(samplesCsvRow(p, s)),
  });
  const faults = new Map<string, number>();
  // The same samples under the other published models (information only; the gate uses `model`).
  const band = new ModelBandTracker(bandModels({ model, facts, settings, tables, scope: settings.scope }), settings.scope, settings.sampleIntervalSeconds);
  const contention = new ContentionAccumulator();
  const stream = new SampleLineStream((s) => {
    integrator.add(s);
    band.add(s);
    contention.add(s);
    for (const f of s.faults ?? []) faults.set(f, (faults.get(f) ?? 0) + 1);
  });
  try {
    if (hasSamples) forEachLine(samplesPath, (line) => stream.line(line));
  } finally {
    csv.close();
  }
  const stats = stream.stats;
  const energy = integrator.result();
  if (energy.samples < 2) warnings.push(`Only ${energy.samples} sample(s) were recorded: the job was too short to measure, or the sampler did not run.`);
  if (integrator.gpuCarriedSecondsTotal > 0) {
    warnings.push(`No GPU reading arrived for ${duration(integrator.gpuCarriedSecondsTotal)}; the last GPU power was carried forward over that gap.`);
  }
  if (integrator.gpuWithoutPower) warnings.push('A GPU reported no power and has no CCF coefficient row; its energy is not counted.');
  if (settings.scope === 'process-tree' && integrator.treeMissingSecondsTotal > 0 && energy.samples >= 2) {
    warnings.push(`The process tree could not be read for ${duration(integrator.treeMissingSecondsTotal)}; machine utilisation was used there.`);
  }
  for (const [f, n] of faults) if (!f.startsWith('closing sample')) warnings.push(n > 1 ? `${f} (${n} times)` : f);

  const intensityArgs = { settings, model, facts, tables, live };
  const intensity = resolveIntensity(intensityArgs);
  const emissions = computeEmissions(energy, model, intensity, settings.includeEmbodied);
  const terms = gateTerms(energy, model, emissions, contention.result(), settings.includeEmbodied);
  const baseline = o.baseline ?? { records: [], status: 'disabled' as const };
  const verdict = computeVerdict({
    energyWh: energy.totalWh,
    gatedGCo2e: emissions.gatedGCo2e,
    cpuSeconds: energy.treeCpuSeconds ?? energy.machineCpuSeconds,
    terms,
    settings,
    baseline: baseline.records,
  });

  const provenance = componentProvenance(model, energy, intensity);
  const result: RunResult = {
    tool: { name: 'carbon-gate', version: VERSION },
    job: info.job,
    hardware: facts,
    model,
    energy,
    emissions,
    terms,
    verdict,
    baseline,
    provenance,
    modelBand: band.result({ model, energy, emissions }),
    quality: {
      partial,
      skippedLines: stats.skippedLines,
      warnings,
      ...(o.marker ? { samplerCpuSeconds: o.marker.samplerCpuSeconds, samplerMaxRssBytes: o.marker.samplerMaxRssBytes } : {}),
    },
    startedWallMs: info.startedWallMs,
    endedWallMs: o.marker?.endedWallMs ?? Date.now(),
  };

  const files = {
    emissionsCsv: path.join(runDir, OUTPUT_FILES.emissionsCsv),
    carbonGateCsv: path.join(runDir, OUTPUT_FILES.carbonGateCsv),
    samplesCsv: path.join(runDir, OUTPUT_FILES.samplesCsv),
    json: path.join(runDir, OUTPUT_FILES.json),
    summary: path.join(runDir, OUTPUT_FILES.summary),
  };
  const summary = renderSummary(result, {
    chart: settings.chart,
    gate: settings,
    links: { serverUrl: process.env.GITHUB_SERVER_URL, repository: info.job.repository },
    modelSection: renderModelSection(model, intensity, emissions, energy, provenance, result.modelBand),
    ...(o.artifact
      ? { artifact: o.artifact }
      : { files: { 'emissions.csv': files.emissionsCsv, 'carbon-gate.csv': files.carbonGateCsv, 'samples.csv': files.samplesCsv, 'carbon-gate.json': files.json } }),
  });
  writeFileSync(files.emissionsCsv, emissionsCsv(result));
  writeFileSync(files.carbonGateCsv, carbonGateCsv(result));
  writeFileSync(files.json, JSON.stringify(result, null, 2));
  writeFileSync(files.summary, summary);
  return { result, summary, files };
}
