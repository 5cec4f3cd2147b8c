// The network outputs of the registry (baseline save, artifact, PR comment) together, real clients against
// all stand-ins.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAzurite, type Azurite } from '../helpers/standins/azurite.js';
import { startResultsService, type ResultsService } from '../helpers/standins/results-service.js';
import { startGitHubApi, type GitHubApi } from '../helpers/standins/github-api.js';
import { applyJobEnv, emulateJob, type EmulatedJob } from '../helpers/standins/job-env.js';
import { readJobContext } from '../../src/github/context.js';
import { commentPlan, restoreBaseline } from '../../src/github/publish.js';
import { OUTPUTS, runOutputs } from '../../src/app/outputs/index.js';
import type { JobContext } from '../../src/github/context.js';
import { parseSettings } from '../../src/settings/inputs.js';
import type { Settings } from '../../src/settings/settings.js';
import { computeVerdict } from '../../src/core/verdict.js';
import { gateTermsFixture, runResult } from '../helpers/run-result-fixture.js';
import { notMeasuredVerdict } from '../../src/core/measurement.js';
import type { RunResult } from '../../src/core/types.js';

let azurite: Azurite;
let results: ResultsService;
let gh: GitHubApi;

beforeAll(async () => {
  azurite = await startAzurite();
}, 40_000);
afterAll(async () => {
  await azurite?.stop();
});
// Every test builds its own state: fresh results service (cache entries, artifacts) and REST stand-in (comments).
beforeEach(async () => {
  results = await startResultsService({ azurite });
  gh = await startGitHubApi();
});
afterEach(async () => {
  await gh?.stop();
  await results?.stop();
});

function settingsWith(inputs: Record<string, string> = {}): Settings {
  return parseSettings((n) => ({ token: 'ghs_publishtoken', 'max-increase': '10%', 'fail-on': 'regression', 'min-baseline-runs': '1', ...inputs })[n]);
}

function setup(j: Omit<EmulatedJob, 'resultsUrl' | 'apiUrl'>, inputs: Record<string, string> = {}) {
  const e = emulateJob({ resultsUrl: results.url, apiUrl: gh.url, ...j });
  applyJobEnv(e);
  const settings = settingsWith(inputs);
  const ctx = readJobContext(settings);
  const dir = mkdtempSync(path.join(tmpdir(), 'cg-out-'));
  const files = { emissionsCsv: path.join(dir, 'emissions.csv'), carbonGateCsv: path.join(dir, 'carbon-gate.csv'), samplesCsv: path.join(dir, 'samples.csv'), stepsCsv: path.join(dir, 'steps.csv'), json: path.join(dir, 'carbon-gate.json') };
  writeFileSync(files.carbonGateCsv, 'timestamp,total_gco2e\n2026-11-20T12:00:00Z,0.1\n');
  writeFileSync(files.emissionsCsv, 'timestamp,emissions\n2026-11-20T12:00:00Z,0.0001\n');
  writeFileSync(files.samplesCsv, 't_s,cpu_watts\n0,4\n');
  writeFileSync(files.stepsCsv, 'name,cpu_seconds\n');
  writeFileSync(files.json, '{}');
  return { settings, ctx, files };
}

/** Runs the registry's network outputs the way post does, collecting warnings and notes. */
async function publish(result: RunResult, files: { emissionsCsv: string; carbonGateCsv: string; samplesCsv: string; stepsCsv: string; json: string }, settings: Settings, ctx: JobContext): Promise<{ warnings: string[]; notes: string[] }> {
  const out = { warnings: [] as string[], notes: [] as string[] };
  const runDir = path.dirname(files.json);
  await runOutputs(
    OUTPUTS,
    { result, summary: '', settings, runDir, files: { ...files, summary: path.join(runDir, 'summary.md') } },
    { warn: (m) => out.warnings.push(m), note: (m) => out.notes.push(m), github: ctx },
    ['network'],
  );
  return out;
}

function resultFor(ctx: ReturnType<typeof readJobContext>, settings: Settings, gco2e: number, baseline: RunResult['baseline']): RunResult {
  const verdict = computeVerdict({ energyWh: gco2e * 2, gatedGCo2e: gco2e, cpuSeconds: gco2e * 40, terms: gateTermsFixture({ cpuSeconds: gco2e * 40 }), settings, baseline: baseline.records });
  const base = runResult();
  return runResult({
    job: { ...base.job, runId: ctx.runId, runAttempt: ctx.runAttempt, sha: ctx.sha, ref: ctx.ref, key: ctx.jobKey, label: ctx.jobLabel, runUrl: ctx.runUrl },
    emissions: { ...base.emissions, gatedGCo2e: gco2e, operationalGCo2e: gco2e },
    energy: { ...base.energy, totalWh: gco2e * 2, treeCpuSeconds: gco2e * 40 },
    verdict,
    baseline,
    endedWallMs: Date.now(),
  });
}

describe('publish', () => {
  test('push on main: saves the baseline and uploads the artifact; no comment', async () => {
    const { settings, ctx, files } = setup({ runId: 11, job: 'pub' });
    const baseline = await restoreBaseline(settings, ctx);
    expect(baseline.status).toBe('none');
    const out = await publish(resultFor(ctx, settings, 1, baseline), files, settings, ctx);
    expect(out.warnings).toEqual([]);
    expect(out.notes.join('\n')).toMatch(/baseline saved under carbon-gate-v1-CI-pub-default-11-1 \(1 run in the window/);
    expect(out.notes.join('\n')).toContain('artifact "carbon-gate-pub-default" uploaded');
    expect(out.notes).toContain('not a pull request: no PR comment');
  });

  test('PR: restores the window, comments once, never saves; a re-run updates the same comment', async () => {
    const push = setup({ runId: 11, job: 'pub' });
    await publish(resultFor(push.ctx, push.settings, 1, await restoreBaseline(push.settings, push.ctx)), push.files, push.settings, push.ctx);
    const { settings, ctx, files } = setup({ runId: 12, job: 'pub', eventName: 'pull_request', pr: 5 });
    const baseline = await restoreBaseline(settings, ctx);
    expect(baseline).toMatchObject({ status: 'found' });
    const entries = results.state.cacheEntries.length;
    const out = await publish(resultFor(ctx, settings, 1.01, baseline), files, settings, ctx);
    expect(out.warnings).toEqual([]);
    expect(out.notes.join('\n')).toContain('baseline not saved: never saved from a pull-request ref');
    expect(out.notes.join('\n')).toMatch(/PR comment created/);
    expect(results.state.cacheEntries.length).toBe(entries);
    expect(gh.commentsOn('octo/repo', 5)).toHaveLength(1);

    const again = setup({ runId: 12, runAttempt: 2, job: 'pub', eventName: 'pull_request', pr: 5 });
    const r2 = resultFor(again.ctx, again.settings, 2, baseline);
    expect(r2.verdict.failBuild).toBe(true);
    const out2 = await publish(r2, again.files, again.settings, again.ctx);
    expect(out2.notes.join('\n')).toMatch(/PR comment updated/);
    expect(out2.notes.join('\n')).toContain('artifact "carbon-gate-pub-default-attempt2" uploaded');
    const comments = gh.commentsOn('octo/repo', 5);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('❌');
  });

  test('every side effect can be switched off', async () => {
    const { settings, ctx, files } = setup({ runId: 13, job: 'off', eventName: 'pull_request', pr: 6 }, { baseline: 'false', artifact: 'false', comment: 'never' });
    const calls = results.state.calls.length;
    const ghCalls = gh.requests.length;
    expect(await restoreBaseline(settings, ctx)).toEqual({ records: [], status: 'disabled' });
    const out = await publish(resultFor(ctx, settings, 1, { records: [], status: 'disabled' }), files, settings, ctx);
    expect(out.warnings).toEqual([]);
    expect(out.notes).toEqual(expect.arrayContaining(['artifact upload off (artifact: false)', 'PR comment off (comment: never)']));
    expect(results.state.calls.length).toBe(calls);
    expect(gh.requests.length).toBe(ghCalls);
  });

  test('fork PR with a read-only token: warning with the recipe, artifact still uploaded', async () => {
    gh.readOnly = true;
    try {
      const { settings, ctx, files } = setup({ runId: 14, job: 'fork', eventName: 'pull_request', pr: 7, fork: true });
      expect(ctx.isFork).toBe(true);
      const out = await publish(resultFor(ctx, settings, 1, { records: [], status: 'none' }), files, settings, ctx);
      expect(out.warnings).toHaveLength(1);
      expect(out.warnings[0]).toContain('fork');
      expect(out.warnings[0]).toContain('https://github.com/octo/repo#fork-pull-requests');
      expect(out.notes.join('\n')).toContain('uploaded');
    } finally {
      gh.readOnly = false;
    }
  });

  test('push with the cache unavailable at restore: the save is skipped (it would restart the window)', async () => {
    const { settings, ctx, files } = setup({ runId: 15, job: 'pub' });
    const entries = results.state.cacheEntries.length;
    const out = await publish(resultFor(ctx, settings, 1, { records: [], status: 'unavailable', note: 'baseline restore timed out after 20 s' }), files, settings, ctx);
    expect(out.warnings.join('\n')).toContain('previous window could not be read');
    expect(results.state.cacheEntries.length).toBe(entries);
  });

  test('push of a run that was not measured: no baseline is saved from it, the artifact still goes up', async () => {
    const { settings, ctx, files } = setup({ runId: 16, job: 'pub' });
    const entries = results.state.cacheEntries.length;
    const r = resultFor(ctx, settings, 0, { records: [], status: 'none' });
    const notMeasured = runResult({ ...r, verdict: notMeasuredVerdict('only 0 valid samples', false), quality: { ...r.quality, notMeasured: 'only 0 valid samples' } });
    const out = await publish(notMeasured, files, settings, ctx);
    expect(out.warnings.join('\n')).toContain('baseline not saved: this run was not measured (only 0 valid samples)');
    expect(results.state.cacheEntries.length).toBe(entries);
    expect(out.notes.join('\n')).toContain('uploaded');
  });

  test('comment plan: on-regression creates only when something is wrong, else only updates', () => {
    const pass = runResult();
    const fail = runResult({ verdict: { ...pass.verdict, status: 'fail', failBuild: true } });
    const pr = { isPullRequestEvent: true, prNumber: 3 };
    expect(commentPlan(pass, { comment: 'on-regression', token: 't' }, pr)).toEqual({ write: true, mode: 'update-only' });
    expect(commentPlan(fail, { comment: 'on-regression', token: 't' }, pr)).toEqual({ write: true, mode: 'create-or-update' });
    expect(commentPlan(pass, { comment: 'always', token: 't' }, pr)).toEqual({ write: true, mode: 'create-or-update' });
    expect(commentPlan(pass, { comment: 'always', token: '' }, pr).write).toBe(false);
    expect(commentPlan(pass, { comment: 'always', token: 't' }, { isPullRequestEvent: false, prNumber: null }).write).toBe(false);
  });
});
