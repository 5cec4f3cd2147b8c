// post: stop the sampler, compute, report, publish, and apply the gate. Only the gate may fail the step.
import { verdictLine } from '../core/report/verdict-line.js';
import { co2e, duration, energy } from '../core/format.js';
import { createRunner } from '../adapters/runner.js';
import { escapeMarkdown } from '../core/report/escape.js';
import { stopSampler } from '../adapters/sampler-process.js';
import type { RunResult } from '../core/types.js';
import { exportsEnabled, runExports } from '../export/outputs.js';
import { envLookup, parseSettings } from '../settings/inputs.js';
import type { Settings } from '../settings/settings.js';
import { STATE_RUN_DIR, STATE_SAMPLER_PID } from './action-start.js';
import { finishRun, type Finished } from './finish.js';
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

export async function runPost(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const runner = createRunner(env);
  const runDir = runner.getState(STATE_RUN_DIR);
  if (!runDir) {
    runner.warning('carbon-gate has nothing to report: its first step did not start a sampler (see that step’s log). The build is not failed for this.');
    return;
  }
  let settings: Settings;
  let info: RunInfo;
  try {
    settings = parseSettings(envLookup(env));
    info = readRunInfo(runDir);
  } catch (e) {
    runner.warning(`carbon-gate cannot report: ${(e as Error).message}`);
    return;
  }

  runner.group('carbon-gate: stopping the sampler');
  const stop = await stopSampler(Number(runner.getState(STATE_SAMPLER_PID)), info.samplerScript, runDir);
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

  runner.group('carbon-gate: report');
  try {
    finished = await finishRun({ runDir, info, settings, marker: stop.marker, samplerEnded: stop.how, baseline, warnings, env });
  } catch (e) {
    runner.endGroup();
    const why = (e as Error).message ?? String(e);
    runner.warning(`carbon-gate could not compute the report: ${why}. This is a measurement fault; the build is not failed for it.`);
    runner.info(String((e as Error).stack ?? e));
    runner.appendSummary(failedSummary(why, runDir));
    return;
  }
  const { result, files } = finished;
  for (const w of result.quality.warnings) runner.warning(`carbon-gate: ${w}`);
  runner.info(
    `${verdictLine(result, settings)}\n` +
      `energy ${energy(result.energy.totalWh)}, ${co2e(result.emissions.totalGCo2e)} ` +
      `(operational ${co2e(result.emissions.operationalGCo2e)}, embodied ${result.model.embodied ? co2e(result.emissions.embodiedGCo2e) : 'not estimated'}) over ${duration(result.energy.durationSeconds)}`,
  );
  runner.info(`files:\n  ${files.emissionsCsv}\n  ${files.carbonGateCsv}\n  ${files.samplesCsv}\n  ${files.json}`);
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
    await runExports(result, settings, runner);
    runner.endGroup();
  }

  if (result.verdict.failBuild) {
    runner.fail(`carbon-gate: ${result.verdict.headline}${result.verdict.reasons.length ? ` — ${result.verdict.reasons.join('; ')}` : ''}`);
  }
}
