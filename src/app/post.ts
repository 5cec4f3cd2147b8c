// post: stop the sampler, compute, report, publish, and apply the gate. Only the gate may fail the step;
// post never fails the build over its own I/O (a summary, a file or a vanished run directory is a warning).
import os from 'node:os';
import { verdictLine } from '../core/report/verdict-line.js';
import { co2e, duration, energy } from '../core/format.js';
import { createRunner, type Runner } from '../adapters/runner.js';
import { notMeasuredVerdict } from '../core/measurement.js';
import { escapeMarkdown } from '../core/report/escape.js';
import { isOurSampler, stopSampler } from '../adapters/sampler-process.js';
import type { RunResult } from '../core/types.js';
import { exportsEnabled } from '../export/outputs.js';
import { envLookup, parseSettings } from '../settings/inputs.js';
import type { Settings } from '../settings/settings.js';
import { apiStepsOf } from './api-steps.js';
import { STATE_RUN_DIR, STATE_SAMPLER_PID } from './action-start.js';
import { finishRun, type Finished } from './finish.js';
import { instanceKeys, liveInstances } from './instances.js';
import { OUTPUTS, runOutputs } from './outputs/index.js';
import { readRunInfo, type RunInfo } from './run-info.js';

/** The summary written when no report could be computed: flagged, with the reason and where the raw data is. */
export function failedSummary(why: string, runDir: string): string {
  return [
    '## 🌱 carbon-gate — no report',
    '',
    '> [!WARNING]',
    `> The measurement could not be turned into a report: ${escapeMarkdown(why)}`,
    '> This is a measurement fault, so the build was not failed for it. The raw samples are in the run directory:',
    `> \`${runDir.replace(/`/g, "'")}\``,
    '',
  ].join('\n');
}

/** The summary of a job that could not be measured at all (no run directory, or it vanished). */
export function notMeasuredSummary(why: string, requireMeasurement: boolean): string {
  const v = notMeasuredVerdict(why, requireMeasurement);
  return ['## 🌱 carbon-gate — no report', '', `**${escapeMarkdown(v.headline)}**`, '', ...v.reasons.map((r) => `- ${escapeMarkdown(r)}`), ''].join('\n');
}

/** Post, with the runner's environment and protocol injectable (tests run it in-process on src/). */
export async function runPost(env: NodeJS.ProcessEnv = process.env, runner: Runner = createRunner(env)): Promise<void> {
  try {
    await postSteps(env, runner);
  } catch (e) {
    safely(() => runner.warning(`carbon-gate: post ran into a problem of its own (${(e as Error).message ?? String(e)}); the build is not failed for it.`));
  }
}

function safely(f: () => void): void {
  try {
    f();
  } catch {
    /* stdout or the summary file is gone: nothing else to do */
  }
}

/** Appends to the step summary; a summary that cannot be written (disk full, read-only) is a warning. */
function writeSummary(runner: Runner, markdown: string): void {
  try {
    if (!runner.appendSummary(markdown)) runner.info(markdown);
  } catch (e) {
    runner.warning(`carbon-gate: the job summary could not be written (${(e as Error).message}); the report follows in the log.`);
    runner.info(markdown);
  }
}

/** Without a run directory there is nothing to report: not measured (and a failure with require-measurement). */
function reportNotMeasured(runner: Runner, env: NodeJS.ProcessEnv, why: string): void {
  let require = false;
  try {
    require = parseSettings(envLookup(env)).requireMeasurement;
  } catch {
    /* bad inputs were reported by the first step */
  }
  runner.warning(`carbon-gate: not measured: ${why}.${require ? '' : ' The build is not failed for this (require-measurement: false).'}`);
  writeSummary(runner, notMeasuredSummary(why, require));
  if (require) runner.fail(`carbon-gate: ⚠️ Not measured (${why}) and require-measurement is true.`);
}

/**
 * The first step's state is lost (or was never written): this job's run directory under RUNNER_TEMP, when
 * exactly one live sampler of this workflow run and report key is there. None or several: not guessed.
 */
function adoptLostRun(runner: Runner, env: NodeJS.ProcessEnv): string {
  try {
    const s = parseSettings(envLookup(env));
    const found = liveInstances(env.RUNNER_TEMP ?? os.tmpdir(), { runId: env.GITHUB_RUN_ID, jobName: s.jobName, baselineKey: s.baselineKey });
    if (found.length !== 1) return '';
    runner.warning(`carbon-gate: the first step's saved state is lost; this job's run directory was found under RUNNER_TEMP (${found[0].runDir}, sampler pid ${found[0].samplerPid}).`);
    return found[0].runDir;
  } catch {
    return '';
  }
}

async function postSteps(env: NodeJS.ProcessEnv, runner: Runner): Promise<void> {
  const runDir = runner.getState(STATE_RUN_DIR) || adoptLostRun(runner, env);
  const statePid = Number(runner.getState(STATE_SAMPLER_PID));
  if (!runDir) {
    reportNotMeasured(runner, env, 'the sampler never started (its first step did not start it; see that step’s log)');
    return;
  }
  let settings: Settings;
  try {
    settings = parseSettings(envLookup(env));
  } catch (e) {
    runner.warning(`carbon-gate cannot report: ${(e as Error).message}`);
    return;
  }
  let info: RunInfo;
  try {
    info = readRunInfo(runDir);
  } catch (e) {
    // The run directory vanished or was damaged: still stop the sampler (its cmdline names the directory).
    await stopSampler(statePid, '', runDir);
    reportNotMeasured(runner, env, `the run directory ${runDir} is gone or damaged (${(e as Error).message})`);
    return;
  }

  runner.group('carbon-gate: stopping the sampler');
  // State lost (or never saved): the pid recorded in run.json, with the same cmdline check.
  const pid = isOurSampler(statePid, info.samplerScript, runDir) ? statePid : info.samplerPid;
  const stop = await stopSampler(pid, info.samplerScript, runDir);
  runner.info(`sampler ${stop.how}${stop.marker ? ` after ${stop.marker.samples} samples, its own CPU ${duration(stop.marker.samplerCpuSeconds)}` : ''}`);
  runner.endGroup();

  const warnings: string[] = [];
  let finished: Finished;
  let github: typeof import('../github/publish.js') | null = null;
  let ctx: import('../github/context.js').JobContext | null = null;
  try {
    github = await import('../github/publish.js');
    const { readJobContext, matrixKey } = await import('../github/context.js');
    ctx = readJobContext(settings, env);
    if (info.instance && info.instance > 1) ctx = { ...ctx, ...instanceKeys(ctx, info.instance) };
    info = { ...info, job: { ...info.job, workflow: ctx.workflow, job: ctx.job, key: ctx.jobKey, label: ctx.jobLabel, runUrl: ctx.runUrl, ...(ctx.jobUrl ? { jobUrl: ctx.jobUrl } : {}), event: ctx.eventName, matrixKey: matrixKey(ctx.matrix) } };
  } catch (e) {
    warnings.push(`GitHub context unavailable: ${(e as Error).message}`);
  }

  let baseline: RunResult['baseline'] = { records: [], status: 'disabled' };
  if (github && ctx && settings.baseline) {
    runner.group('carbon-gate: baseline');
    baseline = await github.restoreBaseline(settings, ctx);
    runner.endGroup();
  }

  // Step names for the per-step breakdown (null when the API did not answer: names from the sampler).
  const apiSteps = ctx ? await apiStepsOf(settings, ctx, env, (w) => warnings.push(w), (m) => runner.info(m)) : null;

  runner.group('carbon-gate: report');
  try {
    finished = await finishRun({ runDir, info, settings, marker: stop.marker, samplerEnded: stop.how, baseline, warnings, env, selfPid: process.pid, apiSteps });
  } catch (e) {
    runner.endGroup();
    const why = (e as Error).message ?? String(e);
    runner.warning(`carbon-gate could not compute the report: ${why}. This is a measurement fault; the build is not failed for it.`);
    runner.info(String((e as Error).stack ?? e));
    writeSummary(runner, failedSummary(why, runDir));
    return;
  }
  const { result, files } = finished;
  for (const w of result.quality.warnings) runner.warning(`carbon-gate: ${w}`);
  if (result.verdict.status === 'not-measured' && !result.verdict.failBuild) runner.warning(`carbon-gate: ${result.verdict.headline}. ${result.verdict.reasons.join(' ')}`);
  runner.info(
    `${verdictLine(result, settings)}\n` +
      `energy ${energy(result.energy.totalWh)}, ${co2e(result.emissions.totalGCo2e)} ` +
      `(operational ${co2e(result.emissions.operationalGCo2e)}, embodied ${result.model.embodied ? co2e(result.emissions.embodiedGCo2e) : 'not estimated'}) over ${duration(result.energy.durationSeconds)}`,
  );
  runner.info(`files:\n  ${files.emissionsCsv}\n  ${files.carbonGateCsv}\n  ${files.samplesCsv}\n  ${files.stepsCsv}\n  ${files.json}`);
  // Each output catches its own errors (a failing one is a warning naming it); the summary output
  // falls back to the log when the summary file cannot be written.
  const sink = {
    warn: (m: string) => runner.warning(`carbon-gate: ${m}`),
    note: (m: string) => runner.info(m),
    appendSummary: (md: string) => runner.appendSummary(md),
    github: ctx,
  };
  await runOutputs(OUTPUTS, finished, sink, ['run-dir', 'job']);
  runner.endGroup();

  if (github && ctx) {
    runner.group('carbon-gate: GitHub (artifact, baseline, comment)');
    await runOutputs(OUTPUTS, finished, sink, ['network']);
    runner.endGroup();
  }

  // After the verdict, before the gate may fail the step: the exports never fail it.
  if (exportsEnabled(settings)) {
    runner.group('carbon-gate: export');
    await runOutputs(OUTPUTS, finished, { ...sink, setSecret: (v: string) => runner.setSecret(v) }, ['export']);
    runner.endGroup();
  }

  if (result.verdict.failBuild) {
    runner.fail(`carbon-gate: ${result.verdict.headline}${result.verdict.reasons.length ? ` — ${result.verdict.reasons.join('; ')}` : ''}`);
  }
}
