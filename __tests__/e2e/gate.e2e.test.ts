// The gate end to end through the bundled dist/ files: several emulated jobs (pre → main → workload →
// post, as the runner runs them) against the same stand-ins: the Actions results service (real cache and
// artifact clients, blobs in Azurite) and the GitHub REST API (real Octokit).
//
// The compared metric is cpu-seconds of the job's process tree, which the workload controls. The workload
// is a fixed amount of work (not a fixed time), so its CPU-seconds do not depend on how busy the machine
// is: every job runs one unit (≈0.8 CPU-s here); the regressing re-run runs six.
//
// CARBON_GATE_ACTION_DIR points the runner at another built copy of the action (dist/ and data/), e.g. to
// test before dist/ is rebuilt.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmulatedJob } from '../helpers/action-runner.js';
import { startAzurite, type Azurite } from '../helpers/standins/azurite.js';
import { startResultsService, type ResultsService } from '../helpers/standins/results-service.js';
import { startGitHubApi, type GitHubApi } from '../helpers/standins/github-api.js';
import { emulateJob, type EmulatedJob as JobSpec } from '../helpers/standins/job-env.js';
import { parseCsvRows } from '../../src/core/csv.js';
import type { RunResult } from '../../src/core/types.js';

let azurite: Azurite;
let results: ResultsService;
let gh: GitHubApi;
const jobs: EmulatedJob[] = [];
const actionDir = process.env.CARBON_GATE_ACTION_DIR;

beforeAll(async () => {
  azurite = await startAzurite();
  results = await startResultsService({ azurite });
  gh = await startGitHubApi();
}, 40_000);

afterAll(async () => {
  jobs.forEach((j) => j.cleanup());
  await gh?.stop();
  await results?.stop();
  await azurite?.stop();
});

const INPUTS = {
  'sample-interval': '0.25',
  'carbon-intensity': '400',
  'compare-on': 'cpu-seconds',
  // Wide enough that same-work runs on a loaded 2-core machine never cross it (they vary by up to ±25 %),
  // while the regressing run (15× the work) is far above it, and above the prediction bound of a
  // 3-run window too: with t(0.975; 2) = 4.30, a window whose CPU-seconds spread by sd(ln) 0.4 on a
  // loaded machine allows up to ≈ 7× its median (METHODOLOGY §10.3); 6× was caught only when it was calm.
  'max-increase': '100%',
  'fail-on': 'regression',
  'min-baseline-runs': '3',
  'baseline-window': '5',
};

/** A fixed amount of CPU work in a child process (a child of this process, so inside the job's tree). */
function work(units: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', `let x=0; for(let i=0;i<${units}e8;i++){x+=Math.sqrt(i)}; if(x<0)console.log(x)`], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', () => resolve());
  });
}

interface JobRun {
  post: Awaited<ReturnType<EmulatedJob['run']>>;
  result: RunResult;
  env: Record<string, string>;
}

/** One emulated job: pre, main, a fixed CPU workload, post. */
async function runJob(spec: Omit<JobSpec, 'resultsUrl' | 'apiUrl'>, opts: { workUnits?: number; env?: Record<string, string>; inputs?: Record<string, string> } = {}): Promise<JobRun> {
  const e = emulateJob({ resultsUrl: results.url, apiUrl: gh.url, ...spec });
  // The runner helper owns RUNNER_TEMP (the run directory lives there).
  const { RUNNER_TEMP: _ignored, ...env } = e.env;
  const job = new EmulatedJob({ inputs: { ...INPUTS, ...opts.inputs }, env: { ...env, ...opts.env }, ...(actionDir ? { actionDir } : {}) });
  jobs.push(job);
  const pre = await job.run('pre');
  expect(pre.code).toBe(0);
  const main = await job.run('main');
  expect(main.code).toBe(0);
  await work(opts.workUnits ?? 1);
  const post = await job.run('post');
  const jsonPath = path.join(job.state['run-dir']!, 'carbon-gate.json');
  if (!existsSync(jsonPath)) throw new Error(`post wrote no carbon-gate.json (exit ${post.code}); warnings: ${post.warnings.join(' | ')}; stderr: ${post.stderr.slice(0, 2000)}`);
  const result = JSON.parse(readFileSync(jsonPath, 'utf8')) as RunResult;
  if (process.env.CARBON_GATE_E2E_DEBUG) console.log(spec.runId, post.code, result.energy.treeCpuSeconds, result.energy.durationSeconds, JSON.stringify(result.verdict.regression));
  return { post, result, env: e.env };
}

const PR = 21;

describe('gate end to end through dist/', () => {
  // Three pushes on main make the window every PR below is compared with. Built once before the tests so
  // that they run in any order (--randomize); PRs never save, so they cannot change it for each other.
  const pushRuns: Array<Awaited<ReturnType<typeof runJob>>> = [];
  let entriesAfterFirstPush = -1;
  beforeAll(async () => {
    for (const runId of [1, 2, 3]) {
      pushRuns.push(await runJob({ runId }));
      if (runId === 1) entriesAfterFirstPush = results.state.cacheEntries.filter((c) => c.finalized && c.scope === 'refs/heads/main').length;
    }
  }, 240_000);

  test('(1) a push on main saves a baseline, (2) further pushes grow the window', () => {
    const [first, ...more] = pushRuns;
    expect(first!.post.code).toBe(0);
    expect(first!.post.errors).toEqual([]);
    expect(first!.result.baseline.status).toBe('none');
    expect(first!.post.stdout).toMatch(/baseline saved under carbon-gate-v1-CI-build-default-1-1 \(1 run in the window/);
    expect(entriesAfterFirstPush).toBe(1);
    expect(first!.post.summary).toContain('No baseline yet');
    for (const [i, { post, result }] of more.entries()) {
      const runId = i + 2;
      expect(post.code).toBe(0);
      expect(result.baseline.status).toBe('found');
      expect(result.baseline.records.map((r) => r.runId)).toEqual(runId === 2 ? ['1'] : ['2', '1']);
      expect(post.stdout).toContain(`(${runId} runs in the window`);
    }
  });

  test('(3) a PR under the threshold gets one comment and passes; (4) its re-run over the threshold updates the same comment and fails with fail-on: regression; (7) both attempts\' artifacts are listed and the CSV downloads and parses', async () => {
    const { post, result } = await runJob({ runId: 20, eventName: 'pull_request', pr: PR });
    expect(post.code).toBe(0);
    expect(result.baseline.records.map((r) => r.runId)).toEqual(['3', '2', '1']);
    expect(result.verdict.regression?.flagged).toBe(false);
    expect(result.verdict.failBuild).toBe(false);
    const comments = gh.commentsOn('octo/repo', PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body.startsWith('<!-- carbon-gate:CI/build/default -->')).toBe(true);
    expect(comments[0]!.body).toContain('Baseline window and regression rule');
    const firstCommentId = comments[0]!.id;
    // Never saved from a PR.
    expect(results.state.cacheEntries.some((c) => c.scope.startsWith('refs/pull/'))).toBe(false);
    expect(post.stdout).toContain('never saved from a pull-request ref');

    // (4) 15 units of work (≈ 15 CPU-s, about as many seconds on an idle machine); at load 20 on 2 cores
    // six units alone took over a minute of wall time, hence the bound.
    const rerun = await runJob({ runId: 20, runAttempt: 2, eventName: 'pull_request', pr: PR }, { workUnits: 15 });
    expect(rerun.result.verdict.regression).toMatchObject({ metric: 'cpu-seconds', flagged: true, enforced: true, runs: 3 });
    expect(rerun.result.verdict.failBuild).toBe(true);
    expect(rerun.post.code).toBe(1);
    expect(rerun.post.errors.join('\n')).toMatch(/regression/i);
    const after = gh.commentsOn('octo/repo', PR);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(firstCommentId);
    expect(after[0]!.body).toContain('❌');
    expect(after[0]!.body).toContain('🚨');

    // (7) List and download with the real client, as a later step of PR run 20 would.
    const e = emulateJob({ resultsUrl: results.url, runId: 20, runAttempt: 2, eventName: 'pull_request', pr: PR });
    const saved = { ...process.env };
    Object.assign(process.env, e.env);
    try {
      const { DefaultArtifactClient } = await import('@actions/artifact');
      const client = new DefaultArtifactClient();
      const { artifacts } = await client.listArtifacts();
      expect(artifacts.map((a) => a.name).sort()).toEqual(['carbon-gate-build-default', 'carbon-gate-build-default-attempt2']);
      const second = artifacts.find((a) => a.name.endsWith('-attempt2'))!;
      const dest = mkdtempSync(path.join(tmpdir(), 'cg-e2e-dl-'));
      await client.downloadArtifact(second.id, { path: dest });
      const rows = parseCsvRows(readFileSync(path.join(dest, 'emissions.csv'), 'utf8'));
      expect(rows).toHaveLength(2);
      const row = Object.fromEntries(rows[0]!.map((k, i) => [k, rows[1]![i]]));
      const json = JSON.parse(readFileSync(path.join(dest, 'carbon-gate.json'), 'utf8')) as RunResult;
      expect(json.job.runId).toBe('20');
      expect(json.job.runAttempt).toBe(2);
      expect(Number(row.energy_consumed)).toBeCloseTo((json.energy.totalWh / 1000) * json.emissions.pue, 12); // kWh with PUE
      expect(readFileSync(path.join(dest, 'samples.csv'), 'utf8').split('\n').length).toBeGreaterThan(3);
      expect(readFileSync(path.join(dest, 'carbon-gate.csv'), 'utf8')).toMatch(/^timestamp,run_id,run_attempt,/);
      // The per-step breakdown travels with it: steps.csv and the steps array of carbon-gate.json.
      expect(readFileSync(path.join(dest, 'steps.csv'), 'utf8')).toMatch(/^step,kind,number,/);
      expect(json.steps?.length).toBeGreaterThan(0);
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  }, 300_000);

  test('(5) a fork PR (403 on write) passes with a warning and a full summary', async () => {
    gh.readOnly = true;
    try {
      const { post, result } = await runJob({ runId: 30, eventName: 'pull_request', pr: 22, fork: true });
      expect(post.code).toBe(0);
      expect(result.verdict.failBuild).toBe(false);
      const w = post.warnings.find((x) => x.includes('403'));
      expect(w).toBeDefined();
      expect(w).toContain('fork');
      expect(w).toContain('#fork-pull-requests');
      expect(gh.commentsOn('octo/repo', 22)).toHaveLength(0);
      expect(post.summary).toContain('### Against the baseline');
      expect(post.summary).toContain('Regression rule');
      expect(post.summary.length).toBeGreaterThan(1000);
    } finally {
      gh.readOnly = false;
    }
  }, 60_000);

  test('(6) a PR with the cache service returning 500 reports "no baseline" and passes', async () => {
    results.setFailure('http-500', ['cache']);
    try {
      const { post, result } = await runJob({ runId: 40, eventName: 'pull_request', pr: 23 }, { env: { CARBON_GATE_NETWORK_TIMEOUT_MS: '3000' } });
      expect(post.code).toBe(0);
      expect(post.errors).toEqual([]);
      expect(result.baseline.status).toBe('unavailable');
      expect(result.verdict.regression).toBeUndefined();
      expect(post.summary).toContain('No baseline: the Actions cache was unavailable');
      // Bounded: our 3 s deadline, not the client's ≈30 s of retries.
      expect(post.durationMs).toBeLessThan(20_000);
      expect(gh.commentsOn('octo/repo', 23)).toHaveLength(1);
    } finally {
      results.setFailure('none');
    }
  }, 60_000);
});
