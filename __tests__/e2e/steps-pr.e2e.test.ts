// A PR in which only one step grew: through dist/, with the runner emulation's worker (each step its own
// child with its own GITHUB_ACTION), the real cache client against the results stand-in (baselines with
// per-step totals) and the real Octokit against the REST stand-in (Jobs API names, the PR comment).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { EmulatedJob } from '../helpers/action-runner.js';
import { startAzurite, type Azurite } from '../helpers/standins/azurite.js';
import { startResultsService, type ResultsService } from '../helpers/standins/results-service.js';
import { startGitHubApi, type GitHubApi } from '../helpers/standins/github-api.js';
import { emulateJob, type EmulatedJob as JobSpec } from '../helpers/standins/job-env.js';
import type { RunResult } from '../../src/core/types.js';

let azurite: Azurite;
let results: ResultsService;
let gh: GitHubApi;
const jobs: EmulatedJob[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
  results = await startResultsService({ azurite });
  gh = await startGitHubApi();
}, 40_000);

afterAll(async () => {
  if (!process.env.KEEP) jobs.forEach((j) => j.cleanup());
  await gh?.stop();
  await results?.stop();
  await azurite?.stop();
});

const burn = (cpuSeconds: number): string => `node -e "let x=0; while(process.cpuUsage().user<${cpuSeconds * 1e6}){for(let i=0;i<1e5;i++)x+=Math.sqrt(x+i)}"\n`;
const sec = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const INPUTS = { 'sample-interval': '0.25', 'carbon-intensity': '400', 'compare-on': 'cpu-seconds', 'max-increase': '100%', 'fail-on': 'never', 'min-baseline-runs': '2' };

/** Waits until the sampler has written its first sample (on a loaded machine it can start after a short step ended). */
async function firstSample(job: EmulatedJob): Promise<void> {
  const file = path.join(job.state['run-dir'], 'samples.jsonl');
  for (const giveUp = Date.now() + 20_000; Date.now() < giveUp; await new Promise((r) => setTimeout(r, 50))) if (existsSync(file) && statSync(file).size > 0) return;
  throw new Error('the sampler wrote no sample within 20 s');
}

/**
 * pre, main, `Unit tests` (burning `testsCpu`), `Lint` (1.2 CPU-s), post; the Jobs API names the steps. The steps last
 * over a second: the API's times are whole seconds, so two sub-second steps in one second cannot be told apart by time.
 */
async function runJob(spec: Omit<JobSpec, 'resultsUrl' | 'apiUrl'>, testsCpu: number): Promise<{ result: RunResult; comment?: string; warnings: string[] }> {
  const e = emulateJob({ resultsUrl: results.url, apiUrl: gh.url, ...spec });
  const { RUNNER_TEMP: _ignored, ...env } = e.env;
  const job = new EmulatedJob({ worker: true, inputs: INPUTS, env: { ...env, RUNNER_NAME: 'emulated-runner' } });
  jobs.push(job);
  expect((await job.run('pre')).code).toBe(0);
  expect((await job.run('main')).code).toBe(0);
  await firstSample(job);
  expect((await job.runStep('Unit tests', { run: burn(testsCpu) })).code).toBe(0);
  expect((await job.runStep('Lint', { run: burn(1.2) })).code).toBe(0);
  gh.workflowJobs.push({
    repo: env.GITHUB_REPOSITORY,
    runId: spec.runId,
    attempt: 1,
    id: spec.runId,
    name: 'build',
    status: 'in_progress',
    runner_name: 'emulated-runner',
    steps: job.steps.map((s) => ({ name: s.name, number: s.number, status: 'completed', conclusion: 'success', started_at: sec(s.startedMs), completed_at: sec(s.endedMs as number) })),
  });
  const post = await job.run('post');
  expect(post.code).toBe(0);
  const result = JSON.parse(readFileSync(path.join(job.state['run-dir'], 'carbon-gate.json'), 'utf8')) as RunResult;
  const comment = spec.pr ? gh.commentsOn(env.GITHUB_REPOSITORY, spec.pr)[0]?.body : undefined;
  return { result, comment, warnings: post.warnings };
}

describe('per-step regression in the PR comment', () => {
  test('a PR in which only one step grew gets a comment naming that step and its delta', async () => {
    for (const runId of [1, 2]) {
      const { result } = await runJob({ runId }, 1.5);
      expect((result.steps ?? []).map((s) => s.name)).toEqual(expect.arrayContaining(['Unit tests', 'Lint']));
    }
    const { result, comment } = await runJob({ runId: 10, eventName: 'pull_request', pr: 5 }, 6);
    expect(result.baseline.records.map((r) => r.runId)).toEqual(['2', '1']);
    expect(result.baseline.records[0].steps?.['Unit tests']?.cpuSeconds).toBeGreaterThan(1.4);
    expect(comment).toBeDefined();
    expect(comment).toMatch(/\*\*Steps\*\* \(top \d of \d by emissions\): `Unit tests`/);
    expect(comment).toMatch(/- `Unit tests` \+\d+ % CPU work \(median of 2 runs\)/);
    expect(comment).not.toMatch(/- `Lint` \+/);
  }, 400_000);
});
