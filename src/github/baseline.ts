// Baseline windows on the Actions cache (real @actions/cache, cache service v2).
//
// One cache entry per saving run, under a unique key
//   carbon-gate-v1-<workflow>-<job>-<baseline-key>-<run_id>-<attempt>
// restored by the prefix carbon-gate-v1-<workflow>-<job>-<baseline-key>- (the service returns the newest
// match). The entry holds one JSON file: this run's BaselineRecord and the previous N−1 records, so one
// restore gives the whole window.
//
// Saving is allowed only for push / workflow_dispatch / schedule runs on the default branch or a
// baseline-branches branch, and never from a pull-request ref or event, whatever the inputs say.
//
// The cached path is relative to the workspace (.carbon-gate-baseline/baseline.json) because the cache
// version hashes the path text: an absolute RUNNER_TEMP path would differ between runners.
//
// The cache client reports its own failures by logging (`::error::Failed to restore…`) and returning
// undefined / -1. To tell "no baseline yet" from "cache unavailable" and to keep a failing cache from
// raising error annotations, those client lines are turned into plain log lines and recorded
// (client-log.ts).
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { BaselineRecord, GateTerms, RunResult } from '../core/types.js';
import { stepTotals } from '../core/steps/compare.js';
import type { JobContext } from './context.js';
import { TimeoutError, withTimeout } from './timeout.js';
import { captureClientFailures } from './client-log.js';
import { clip } from '../core/report/escape.js';

export const BASELINE_DIR = '.carbon-gate-baseline';
export const BASELINE_FILE = `${BASELINE_DIR}/baseline.json`;

export interface BaselineSettings {
  baseline: boolean;
  baselineBranches: string[];
  baselineWindow: number;
}

interface BaselineFile {
  v: 1;
  tool: 'carbon-gate';
  jobKey: string;
  records: BaselineRecord[];
}

/** A key part: only [A-Za-z0-9._] (so '-' separates parts unambiguously), at most 40 chars. */
export function keyPart(raw: string): string {
  const clean = raw.replace(/[^A-Za-z0-9._]/g, '_');
  if (clean === raw && raw.length > 0 && raw.length <= 40) return raw;
  const h = createHash('sha256').update(raw).digest('hex').slice(0, 8);
  return `${clean.slice(0, 31)}_${h}`;
}

export function baselinePrefix(ctx: Pick<JobContext, 'workflow' | 'job' | 'legKey'>): string {
  return `carbon-gate-v1-${keyPart(ctx.workflow)}-${keyPart(ctx.job)}-${keyPart(ctx.legKey)}-`;
}

export function baselineCacheKey(ctx: Pick<JobContext, 'workflow' | 'job' | 'legKey' | 'runId' | 'runAttempt'>): string {
  return `${baselinePrefix(ctx)}${keyPart(ctx.runId || '0')}-${ctx.runAttempt}`;
}

const SAVE_EVENTS = new Set(['push', 'workflow_dispatch', 'schedule']);

/** Whether this run may save a baseline, and why (pure). */
export function saveDecision(ctx: Pick<JobContext, 'eventName' | 'ref' | 'isPullRequestRef' | 'isPullRequestEvent' | 'defaultBranch'>, settings: BaselineSettings): { save: boolean; reason: string } {
  if (!settings.baseline) return { save: false, reason: 'baseline is off' };
  if (ctx.isPullRequestRef || ctx.ref.startsWith('refs/pull/')) return { save: false, reason: `never saved from a pull-request ref (${ctx.ref})` };
  if (ctx.isPullRequestEvent) return { save: false, reason: `never saved from a pull-request event (${ctx.eventName})` };
  if (!SAVE_EVENTS.has(ctx.eventName)) return { save: false, reason: `saved only on push, workflow_dispatch or schedule, not ${ctx.eventName || 'an unknown event'}` };
  if (!ctx.ref.startsWith('refs/heads/')) return { save: false, reason: `saved only from branches, not ${ctx.ref || 'an unknown ref'}` };
  const branch = ctx.ref.slice('refs/heads/'.length);
  // Scheduled runs always run on the default branch, even when the payload does not name it.
  if (branch === ctx.defaultBranch || (ctx.defaultBranch === null && ctx.eventName === 'schedule')) return { save: true, reason: `default branch ${branch}` };
  if (settings.baselineBranches.includes(branch)) return { save: true, reason: `branch ${branch} is in baseline-branches` };
  return { save: false, reason: `branch ${branch} is neither the default branch${ctx.defaultBranch ? ` (${ctx.defaultBranch})` : ''} nor in baseline-branches` };
}

function isRecord(r: unknown): r is BaselineRecord {
  if (!r || typeof r !== 'object') return false;
  const o = r as Record<string, unknown>;
  const num = (k: string): boolean => typeof o[k] === 'number' && Number.isFinite(o[k]) && (o[k] as number) >= 0;
  return (
    typeof o.runId === 'string' &&
    typeof o.sha === 'string' &&
    typeof o.ref === 'string' &&
    Number.isInteger(o.runAttempt) &&
    ['wallMs', 'energyWh', 'operationalGCo2e', 'embodiedGCo2e', 'gatedGCo2e', 'durationSeconds', 'cpuSeconds'].every(num)
  );
}

/** Whether stored terms have every field the comparison prices with (finite, non-negative numbers). */
function isTerms(t: unknown): t is GateTerms {
  if (!t || typeof t !== 'object') return false;
  const o = t as Record<string, unknown>;
  const f = o.factors as Record<string, unknown> | undefined;
  const num = (x: Record<string, unknown>, k: string): boolean => typeof x[k] === 'number' && Number.isFinite(x[k]) && (x[k] as number) >= 0;
  return (
    o.v === 1 &&
    ['cpuSeconds', 'durationSeconds', 'contentionSeconds', 'workWh', 'timeWh', 'embodiedGCo2e'].every((k) => num(o, k)) &&
    (o.runnableSeconds === undefined || num(o, 'runnableSeconds')) &&
    !!f &&
    typeof f === 'object' &&
    ['workWhPerCpuSecond', 'timeWatts', 'embodiedGPerHour', 'pue', 'gCo2ePerKwh'].every((k) => num(f, k)) &&
    typeof f.includeEmbodied === 'boolean' &&
    typeof f.model === 'string' &&
    typeof f.grid === 'string'
  );
}

/**
 * Parses a cached baseline file; invalid records are dropped. Newest first, one record per run id.
 * Records written before terms were stored (or with unusable terms) are kept without them.
 */
export function parseBaselineFile(text: string): BaselineRecord[] {
  const data = JSON.parse(text) as Partial<BaselineFile>;
  if (data?.v !== 1 || !Array.isArray(data.records)) throw new Error('not a carbon-gate baseline file (v1)');
  return dedupe(
    data.records.filter(isRecord).map((r) => {
      if (r.terms === undefined || isTerms(r.terms)) return r;
      const { terms: _dropped, ...legacy } = r;
      return legacy;
    }),
  );
}

function dedupe(records: BaselineRecord[]): BaselineRecord[] {
  const sorted = [...records].sort((a, b) => b.wallMs - a.wallMs || b.runAttempt - a.runAttempt);
  const seen = new Set<string>();
  return sorted.filter((r) => (seen.has(r.runId) ? false : (seen.add(r.runId), true)));
}

/** The window to save: this run first, then the previous runs (other run ids), at most `size`. */
export function nextWindow(current: BaselineRecord, previous: readonly BaselineRecord[], size: number): BaselineRecord[] {
  return [current, ...dedupe(previous.filter((r) => r.runId !== current.runId))].slice(0, Math.max(1, size));
}

/** This run's record from its result. */
export function recordOf(result: RunResult, ctx: Pick<JobContext, 'runId' | 'runAttempt' | 'sha' | 'ref'>): BaselineRecord {
  return {
    runId: ctx.runId,
    runAttempt: ctx.runAttempt,
    sha: ctx.sha,
    ref: ctx.ref,
    wallMs: result.endedWallMs,
    energyWh: result.energy.totalWh,
    operationalGCo2e: result.emissions.operationalGCo2e,
    embodiedGCo2e: result.emissions.embodiedGCo2e,
    gatedGCo2e: result.emissions.gatedGCo2e,
    durationSeconds: result.energy.durationSeconds,
    cpuSeconds: result.energy.treeCpuSeconds ?? result.energy.machineCpuSeconds,
    ...(result.terms ? { terms: result.terms } : {}),
    ...(result.steps?.length ? { steps: stepTotals(result.steps) } : {}),
  };
}

type CacheModule = typeof import('@actions/cache');

function workspace(env: NodeJS.ProcessEnv): string {
  return env.GITHUB_WORKSPACE || process.cwd();
}

/** Runs fn with the process in the workspace (the cache client globs paths relative to cwd). */
async function inWorkspace<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  if (path.resolve(before) === path.resolve(dir)) return fn();
  process.chdir(dir);
  try {
    return await fn();
  } finally {
    process.chdir(before);
  }
}

export interface RestoreOptions {
  timeoutMs: number;
  cache?: CacheModule;
  env?: NodeJS.ProcessEnv;
}

/**
 * Restores the newest baseline window of this job. Never throws: faults become status 'unavailable'
 * with a note; nothing found is 'none'.
 */
export async function restoreBaselineWindow(ctx: JobContext, settings: BaselineSettings, opts: RestoreOptions): Promise<RunResult['baseline'] & { matchedKey?: string }> {
  if (!settings.baseline) return { records: [], status: 'disabled' };
  const env = opts.env ?? process.env;
  try {
    const cache = opts.cache ?? (await import('@actions/cache'));
    if (!cache.isFeatureAvailable()) return { records: [], status: 'unavailable', note: 'the Actions cache service is not available to this job (ACTIONS_RESULTS_URL is not set)' };
    const dir = workspace(env);
    const file = path.join(dir, BASELINE_FILE);
    rmSync(path.join(dir, BASELINE_DIR), { recursive: true, force: true });
    const prefix = baselinePrefix(ctx);
    const { value: matchedKey, failures } = await captureClientFailures(() =>
      withTimeout(
        inWorkspace(dir, () => cache.restoreCache([BASELINE_FILE], baselineCacheKey(ctx), [prefix])),
        opts.timeoutMs,
        'baseline restore',
      ),
    );
    if (!matchedKey) {
      rmSync(path.join(dir, BASELINE_DIR), { recursive: true, force: true });
      if (failures.length > 0) return { records: [], status: 'unavailable', note: clip(failures[0]!, 300) };
      return { records: [], status: 'none' };
    }
    try {
      if (!existsSync(file)) return { records: [], status: 'unavailable', note: `cache entry ${matchedKey} did not contain ${BASELINE_FILE}` };
      const records = parseBaselineFile(readFileSync(file, 'utf8')).slice(0, settings.baselineWindow);
      return records.length > 0 ? { records, status: 'found', matchedKey } : { records: [], status: 'none', note: `cache entry ${matchedKey} held no valid records` };
    } finally {
      rmSync(path.join(dir, BASELINE_DIR), { recursive: true, force: true });
    }
  } catch (e) {
    return { records: [], status: 'unavailable', note: describe(e) };
  }
}

export interface SaveOutcome {
  saved: boolean;
  key?: string;
  /** Why nothing was saved, or the fault. */
  reason: string;
  /** True when the save was attempted and failed (worth a warning). */
  failed: boolean;
  records?: number;
}

/**
 * Saves this run's window when the policy allows. Never throws.
 * `previous` is what restoreBaselineWindow returned for this run.
 */
export async function saveBaselineWindow(
  ctx: JobContext,
  settings: BaselineSettings,
  current: BaselineRecord,
  previous: readonly BaselineRecord[],
  opts: RestoreOptions,
): Promise<SaveOutcome> {
  const decision = saveDecision(ctx, settings);
  if (!decision.save) return { saved: false, reason: decision.reason, failed: false };
  const env = opts.env ?? process.env;
  const key = baselineCacheKey(ctx);
  try {
    const cache = opts.cache ?? (await import('@actions/cache'));
    if (!cache.isFeatureAvailable()) return { saved: false, key, reason: 'the Actions cache service is not available to this job', failed: true };
    const dir = workspace(env);
    const records = nextWindow(current, previous, settings.baselineWindow);
    const body: BaselineFile = { v: 1, tool: 'carbon-gate', jobKey: ctx.jobKey, records };
    mkdirSync(path.join(dir, BASELINE_DIR), { recursive: true });
    writeFileSync(path.join(dir, BASELINE_FILE), JSON.stringify(body, null, 1));
    try {
      const { value: id, failures } = await captureClientFailures(() => withTimeout(inWorkspace(dir, () => cache.saveCache([BASELINE_FILE], key)), opts.timeoutMs, 'baseline save'));
      if (id === -1 || failures.length > 0) return { saved: false, key, reason: clip(failures[0] ?? 'the cache service refused the entry', 300), failed: true };
      return { saved: true, key, reason: decision.reason, failed: false, records: records.length };
    } finally {
      rmSync(path.join(dir, BASELINE_DIR), { recursive: true, force: true });
    }
  } catch (e) {
    return { saved: false, key, reason: describe(e), failed: true };
  }
}

function describe(e: unknown): string {
  if (e instanceof TimeoutError) return e.message;
  return clip(e instanceof Error ? e.message : String(e), 300);
}
