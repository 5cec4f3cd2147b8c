// The reports a person reads, end to end through the bundled dist/ files in the runner emulation: three
// pushes to main build a baseline window, then a pull request. Acceptance of issue 12: the comment's first
// visible line holds the verdict with the absolute and the percent delta and no exponent notation, the
// comment links to the job; with budget-gco2e: 5 the summary's first lines name the budget and the
// headroom; every mermaid block's y-axis starts at 0.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
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
  jobs.forEach((j) => j.cleanup());
  await gh?.stop();
  await results?.stop();
  await azurite?.stop();
});

const INPUTS = { 'sample-interval': '0.25', 'carbon-intensity': '400', 'budget-gco2e': '5', 'max-increase': '1000%', 'job-id': '31415' };
// (not a hex colour such as #6e7781)
const EXPONENT = /(?<![#\w.])\d+(?:\.\d+)?[eE][-+]?\d/;

async function runJob(spec: Omit<JobSpec, 'resultsUrl' | 'apiUrl'>): Promise<{ summary: string; result: RunResult; code: number }> {
  const e = emulateJob({ resultsUrl: results.url, apiUrl: gh.url, ...spec });
  const { RUNNER_TEMP: _ignored, ...env } = e.env;
  const job = new EmulatedJob({ inputs: INPUTS, env });
  jobs.push(job);
  expect((await job.run('pre')).code).toBe(0);
  expect((await job.run('main')).code).toBe(0);
  // the job lasts a few sampling intervals (0.25 s), so the power chart has points to draw
  // (on an idle machine pre → post alone can take less than two intervals)
  await sleep(1500);
  const post = await job.run('post');
  const jsonPath = path.join(job.state['run-dir']!, 'carbon-gate.json');
  if (!existsSync(jsonPath)) throw new Error(`post wrote no carbon-gate.json (exit ${post.code}): ${post.stderr.slice(0, 2000)}`);
  return { summary: post.summary, result: JSON.parse(readFileSync(jsonPath, 'utf8')) as RunResult, code: post.code };
}

describe('reports at a glance (runner emulation, dist/)', () => {
  // Three pushes to main make the window the PR is compared with; built before the tests so that they
  // run in any order (--randomize).
  const pushes: Array<Awaited<ReturnType<typeof runJob>>> = [];
  beforeAll(async () => {
    for (const runId of [1, 2, 3]) pushes.push(await runJob({ runId }));
  }, 180_000);

  test('three pushes to main: the summary leads with the budget and its headroom', () => {
    expect(pushes.map((p) => p.code)).toEqual([0, 0, 0]);
    const pushSummary = pushes[2]!.summary;
    const head = pushSummary.split('\n').slice(0, 4).join('\n');
    expect(head).toMatch(/^## 🌱 carbon-gate · build$/m);
    expect(head).toMatch(/^\*\*✅ [\d.]+ (µg|mg|g) CO2e — [\d.]+ % of the 5 g budget, [\d.]+ (mg|g) headroom; .* vs main \(2 runs\)\*\*$/m);
    expect(pushSummary).not.toMatch(EXPONENT);
    for (const m of pushSummary.matchAll(/^ {2}y-axis "[^"]*" (\S+) -->/gm)) expect(m[1]).toBe('0');
  });

  test('then a PR: the comment’s first line has the verdict, the absolute and the percent delta, no exponent, a link to the job', async () => {
    const { summary, result } = await runJob({ runId: 20, eventName: 'pull_request', pr: 7 });
    expect(result.baseline.records).toHaveLength(3);
    const comments = gh.commentsOn('octo/repo', 7);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    const lines = body.split('\n');
    expect(lines[0]).toMatch(/^<!-- carbon-gate:.* -->$/); // invisible marker
    const first = lines[1]!;
    expect(first).toMatch(/^#### 🌱 build: ✅ [\d.]+ (µg|mg|g) CO2e — /);
    expect(first).toContain('of the 5 g budget');
    expect(first).toMatch(/[+−±][\d.]+ (µg|mg|g) \([+−±][\d.]+ %\) vs main \(3 runs\)/);
    expect(body).not.toMatch(EXPONENT);
    expect(body).toContain('[job log](https://github.com/octo/repo/actions/runs/20/job/31415)');
    expect(body).toContain('[job summary](https://github.com/octo/repo/actions/runs/20#summary-31415)');
    expect(summary).not.toMatch(EXPONENT);
    const yAxes = [...summary.matchAll(/^ {2}y-axis "[^"]*" (\S+) -->/gm)].map((m) => m[1]);
    expect(yAxes.length).toBeGreaterThanOrEqual(2); // power and trend
    for (const y of yAxes) expect(y).toBe('0');
  }, 120_000);
});
