// Per-step breakdown end to end through the bundled dist/ files. A worker process stands in for
// Runner.Worker and runs every step as its own child with its own GITHUB_ACTION (run: steps as bash on
// a temp script file, the JavaScript action as node), as the real runner does: pre, main, a node-action
// step, run: 1 CPU-s, run: sleep 2, run: 2 × 3 CPU-s (with the kernel's own account of it from bash's
// `times`), post. Step names come from the Jobs API stand-in (real Octokit), or, when it answers 403,
// from what the sampler saw.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EmulatedJob, type StepResult } from '../helpers/action-runner.js';
import { startGitHubApi, type GitHubApi } from '../helpers/standins/github-api.js';
import { parseCsvRows } from '../../src/core/csv.js';
import type { RunResult } from '../../src/core/types.js';

let gh: GitHubApi;
const jobs: EmulatedJob[] = [];
beforeAll(async () => {
  gh = await startGitHubApi();
});
afterAll(async () => {
  if (!process.env.KEEP) jobs.forEach((j) => j.cleanup());
  await gh?.stop();
});

const burn = (cpuSeconds: number): string => `node -e "let x=0; while(process.cpuUsage().user<${cpuSeconds * 1e6}){for(let i=0;i<1e5;i++)x+=Math.sqrt(x+i)}"`;
const OWN_API = ['Pre carbon-gate', 'Run acme/carbon-gate@v1'];
const sec = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** Waits until the sampler has written its first sample (on a loaded machine it can start after a short step ended). */
async function firstSample(job: EmulatedJob): Promise<void> {
  const file = path.join(job.state['run-dir'], 'samples.jsonl');
  for (const giveUp = Date.now() + 20_000; Date.now() < giveUp; await new Promise((r) => setTimeout(r, 50))) if (existsSync(file) && statSync(file).size > 0) return;
  throw new Error('the sampler wrote no sample within 20 s');
}

interface Ran {
  job: EmulatedJob;
  post: StepResult;
  result: RunResult;
  runDir: string;
  /** The kernel's account of the 2 × 3 CPU-s step (bash `times`: the shell and its waited-for children). */
  kernelSeconds: number;
}

async function runJob(opts: { apiAnswers: boolean }): Promise<Ran> {
  const job = new EmulatedJob({
    worker: true,
    inputs: { 'sample-interval': '0.25', baseline: 'false', artifact: 'false', comment: 'never', 'carbon-intensity': '400', token: 'ghs_test' },
    env: { GITHUB_API_URL: gh.url, RUNNER_NAME: 'emulated-runner' },
  });
  jobs.push(job);
  expect((await job.run('pre')).code).toBe(0);
  expect((await job.run('main')).code).toBe(0);
  await firstSample(job);
  const actionFile = path.join(job.temp, 'setup-demo.js');
  writeFileSync(actionFile, `let x = 0; const t = process.cpuUsage().user; while (process.cpuUsage().user - t < 3e5) x += Math.sqrt(x + 1);\n`);
  const timesFile = path.join(job.temp, 'times.txt');
  const steps = [
    await job.runStep('Setup demo', { node: actionFile, repository: 'acme/setup-demo', ref: 'v2' }),
    await job.runStep('Burn one CPU-second', { run: `${burn(1)}\n` }),
    await job.runStep('Wait', { run: 'sleep 2\n' }),
    await job.runStep('Burn six CPU-seconds', { run: `${burn(3)} &\n${burn(3)} &\nwait\ntimes > ${timesFile}\n` }),
  ];
  for (const s of steps) expect(s.code).toBe(0);
  const secs = [...readFileSync(timesFile, 'utf8').matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  expect(secs).toHaveLength(4);

  gh.workflowJobs.length = 0;
  if (opts.apiAnswers) {
    const now = Date.now();
    gh.workflowJobs.push({
      repo: 'acme/widgets',
      runId: 1001,
      attempt: 1,
      id: 9,
      name: 'build',
      status: 'in_progress',
      runner_name: 'emulated-runner',
      steps: [
        ...job.steps.map((s) => ({ name: s.name, number: s.number + 1, status: 'completed', conclusion: 'success', started_at: sec(s.startedMs), completed_at: sec(s.endedMs as number) })),
        { name: 'Post carbon-gate', number: job.steps.length + 2, status: 'in_progress', conclusion: null, started_at: sec(now), completed_at: null },
      ],
    });
  } else gh.addFault({ path: /\/actions\/runs\//, status: 403, body: { message: 'Resource not accessible by integration' } });
  const post = await job.run('post');
  gh.clearFaults();
  expect(post.code).toBe(0);
  const runDir = job.state['run-dir'];
  const result = JSON.parse(readFileSync(path.join(runDir, 'carbon-gate.json'), 'utf8')) as RunResult;
  return { job, post, result, runDir, kernelSeconds: secs.reduce((a, b) => a + b, 0) };
}

describe('per-step breakdown through dist/ in the runner emulation', () => {
  test('one row per step with the API’s names; the 6 CPU-s step matches the kernel; rows sum to the tree', async () => {
    const { job, post, result, runDir, kernelSeconds } = await runJob({ apiAnswers: true });
    const rows = result.steps ?? [];
    // carbon-gate's own pre and main are steps too when the sampler's first tick finds them still running
    // (on a loaded machine they end before it: their CPU is then outside steps, "before the first step").
    const names = rows.filter((r) => r.kind === 'step').map((r) => r.name);
    expect(names.filter((n) => !OWN_API.includes(n))).toEqual(['Setup demo', 'Burn one CPU-second', 'Wait', 'Burn six CPU-seconds']);
    expect(rows.filter((r) => r.kind === 'step').every((r) => r.nameSource === 'api')).toBe(true);
    expect(rows[rows.length - 1].kind).toBe('outside');

    // The 6 CPU-s step within 3 % of the kernel's accounting of it.
    const six = rows.find((r) => r.name === 'Burn six CPU-seconds')!;
    expect(kernelSeconds).toBeGreaterThan(5.5);
    expect(Math.abs(six.cpuSeconds - kernelSeconds) / kernelSeconds).toBeLessThan(0.03);
    const one = rows.find((r) => r.name === 'Burn one CPU-second')!;
    expect(one.cpuSeconds).toBeGreaterThan(0.95);
    const wait = rows.find((r) => r.name === 'Wait')!;
    expect(wait.cpuSeconds).toBeLessThan(0.2);
    // Its start is the process's own start time; its end the midpoint between the last sample that saw it
    // and the first that did not: half an interval (0.125 s) off at most, more when a loaded machine
    // delays a tick (seen: 1.887 s). Above: the emulator's own clock (spawn to exit) plus that slack.
    expect(wait.durationSeconds).toBeGreaterThan(1.5);
    const waitWall = job.steps.find((s) => s.name === 'Wait')!;
    expect(wait.durationSeconds).toBeLessThan(((waitWall.endedMs as number) - waitWall.startedMs) / 1000 + 0.5);
    // Local boundaries agree with the API's: its times are whole seconds (floored), and the process starts
    // after the emulator stamps the step (a spawn takes well under a second even under load).
    for (const r of rows.filter((x) => x.kind === 'step')) expect(Math.abs(r.apiStartOffsetSeconds as number)).toBeLessThan(2);

    // Steps + outside = the tree's total, within 0.5 %; the same for energy and emissions.
    const tree = result.energy.treeCpuSeconds as number;
    const sum = (f: (r: (typeof rows)[number]) => number): number => rows.reduce((a, r) => a + f(r), 0);
    expect(Math.abs(sum((r) => r.cpuSeconds) - tree) / tree).toBeLessThan(0.005);
    expect(sum((r) => r.totalWh)).toBeCloseTo(result.energy.totalWh, 9);
    expect(sum((r) => r.totalGCo2e)).toBeCloseTo(result.emissions.totalGCo2e, 9);
    // The burn steps lead the emissions; the table is sorted by them.
    const table = post.summary.slice(post.summary.indexOf('### Steps'));
    expect(table.indexOf('Burn six CPU-seconds')).toBeLessThan(table.indexOf('Burn one CPU-second'));
    expect(post.summary).toMatch(/```mermaid\ngantt/);

    // steps.csv: one line per row, with the same names and CPU.
    const csv = parseCsvRows(readFileSync(path.join(runDir, 'steps.csv'), 'utf8'));
    expect(csv.length).toBe(rows.length + 1);
    expect(csv.slice(1).map((r) => r[0])).toEqual(rows.map((r) => r.name));
  }, 300_000);

  test('with the Jobs API answering 403: named rows from the runner, and a warning to grant actions: read', async () => {
    const { post, result } = await runJob({ apiAnswers: false });
    const names = (result.steps ?? []).filter((r) => r.kind === 'step').map((r) => r.name);
    expect(names.filter((n) => !n.startsWith('acme/carbon-gate@v1'))).toEqual(['acme/setup-demo@v2', expect.stringMatching(/^node -e "let x=0; while/), 'sleep 2', expect.stringMatching(/^node -e .*&$/)]);
    expect(post.warnings.some((w) => /actions: read/.test(w) && /403/.test(w))).toBe(true);
    expect(post.summary).toContain('grant `actions: read`');
  }, 300_000);
});
