// The I/O half of finishing a run: everything read from the run directory, /proc, the data tables and
// the network (instance metadata, a live intensity) before the pure computation. Shared by post and the CLI.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { selectModel } from '../core/model/select.js';
import { firstGpuNames, parseSampleLine } from '../core/samples.js';
import type { CloudMetadata } from '../core/model/cloud.js';
import type { LiveIntensity } from '../core/model/intensity.js';
import type { CompletionMarker, HardwareFacts, PowerModel, Sample } from '../core/types.js';
import { readSlice } from '../adapters/chunked-file.js';
import { detectCloud } from '../adapters/cloud-metadata.js';
import { CACHE_FILE_NAME, liveIntensityFor } from '../adapters/electricity-maps.js';
import { loadTables, type Tables } from '../data/tables.js';
import { modelSettingsOf, withInputErrors } from './model-inputs.js';
import { createLinuxReaders } from '../sampler/linux/readers.js';
import { LOG_FILE, SAMPLES_FILE } from '../sampler/config.js';
import type { Settings } from '../settings/settings.js';
import type { RunInfo } from './run-info.js';

export type SamplerEnded = 'stopped' | 'killed' | 'not-running' | 'saved';

export interface LoadOptions {
  runDir: string;
  info: RunInfo;
  settings: Settings;
  /** The sampler's completion marker; null when it was killed or crashed. */
  marker: CompletionMarker | null;
  /** Sampler stop outcome, for the partial flag. */
  samplerEnded: SamplerEnded;
  /** Given: no metadata call (null = none). Absent: asked when detect-cloud is on. */
  cloud?: CloudMetadata | null;
  /** Given: no Electricity Maps call. Absent: asked when a token is set. */
  live?: LiveIntensity | null;
  warnings?: string[];
  env: NodeJS.ProcessEnv;
}

export interface Loaded {
  samplesPath: string;
  hasSamples: boolean;
  partial: boolean;
  warnings: string[];
  facts: HardwareFacts;
  tables: Tables;
  model: PowerModel;
  live: LiveIntensity | null;
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
    const tree = info.rootPid ? readers.tree?.(info.rootPid) : undefined;
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

function samplerLogWarning(runDir: string): string | null {
  let log: string[];
  try {
    log = readFileSync(path.join(runDir, LOG_FILE), 'utf8').trim().split('\n').filter((l) => l && !/ note: /.test(l));
  } catch {
    return null; // no log: nothing went wrong (or the run directory vanished, which the samples show)
  }
  return log.length ? `The sampler logged ${log.length} problem(s); first: ${log[0].replace(/^\S+ /, '')}` : null;
}

export async function loadRun(o: LoadOptions): Promise<Loaded> {
  const { runDir, info, settings, env } = o;
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
    const closing = hasSamples ? closingSample(info, lastSampleOf(tail)) : null;
    try {
      if (closing) appendFileSync(samplesPath, `${tail && !tail.endsWith('\n') ? '\n' : ''}${JSON.stringify(closing)}\n`);
    } catch (e) {
      warnings.push(`The closing sample could not be appended to samples.jsonl (${(e as Error).message}).`);
    }
  }
  const logWarning = samplerLogWarning(runDir);
  if (logWarning) warnings.push(logWarning);

  // GPUs seen in the samples complete the hardware facts used for model selection. The first GPU
  // reading comes with the first ticks: the head of the file is enough.
  const facts: HardwareFacts = { ...info.facts, gpus: [...info.facts.gpus] };
  if (hasSamples && !facts.gpus.length) facts.gpus.push(...firstGpuNames(readSlice(samplesPath, 1024 * 1024)));

  const tables = loadTables();
  // Network only when asked for: instance metadata (≤ 300 ms) and a live intensity (1 s, cached per run).
  const cloud = o.cloud !== undefined ? o.cloud : settings.detectCloud ? await detectCloud({ env }) : null;
  if (settings.detectCloud && !cloud) warnings.push('detect-cloud: no instance metadata service answered within 300 ms; the model uses the inputs and defaults.');
  const model = withInputErrors(() => selectModel({ facts, settings: modelSettingsOf(settings), tables, cloud }));
  const live =
    o.live !== undefined ? o.live : settings.electricityMapsToken ? await liveIntensityFor({ settings: { ...modelSettingsOf(settings), electricityMapsToken: settings.electricityMapsToken }, model, tables, cacheFile: path.join(runDir, CACHE_FILE_NAME), env }) : null;
  return { samplesPath, hasSamples, partial, warnings, facts, tables, model, live };
}
