// "A verdict teams can trust", end to end through dist/ in the runner emulation: five pushes on main
// make a baseline window, then three pull requests:
//   (1) the same work while CPU hogs OUTSIDE the job's tree slow it ≥ 1.5× → passes, the comment says the
//       runner was slower;
//   (2) twice the CPU work → fails, the comment names CPU work;
//   (3) an added sleep as long as the job → fails, the comment names wall time.
// Compared on gCO2e (the default), so wall time counts, less what measured contention explains.
//
// Margins for a loaded 2-core machine: the hogs are started in this test's own session (the kernel gives
// each session — autogroup — a fair share, so hogs elsewhere would barely slow the job, GUIDE §5) by a
// shell that exits at once, so they are re-parented away and are never part of the job's tree; 3 hogs
// beside a single-threaded workload on 2 CPUs slow it 2× when this session has the machine and more
// when it does not, and the test checks ≥ 1.5× itself. max-increase is 40 %: the hog run must stay
// under +40 % (it is ≈ 0 when the adjustment works), while twice the work (≈ +70 % and more) and a sleep
// as long as the job's wall time (≥ +70 %, since the job's wall time on a loaded machine is at least its
// own) must exceed it and the window's prediction bound.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
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
const hogPids: number[] = [];
const actionDir = process.env.CARBON_GATE_ACTION_DIR;

beforeAll(async () => {
  azurite = await startAzurite();
  results = await startResultsService({ azurite });
  gh = await startGitHubApi();
}, 40_000);

afterAll(async () => {
  stopHogs();
  jobs.forEach((j) => j.cleanup());
  await gh?.stop();
  await results?.stop();
  await azurite?.stop();
});

const INPUTS = {
  'sample-interval': '0.25',
  'carbon-intensity': '400',
  'compare-on': 'gco2e',
  'max-increase': '40%',
  'fail-on': 'regression',
  'min-baseline-runs': '5',
  'baseline-window': '5',
};

/** Iterations of the workload's loop per unit: about 0.8 CPU-s on the test VM (in a function: a loop at script scope is 4× slower). */
const UNIT = 3e8;
const BASE_UNITS = 4;

/** A fixed amount of single-threaded CPU work in a child of this process (inside the job's tree). */
function work(units: number): Promise<number> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', `function f(n){let x=0; for(let i=0;i<n;i++){x+=Math.sqrt(i)} return x} if(f(${units * UNIT})<0)console.log(0)`], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Date.now() - t0) : reject(new Error(`workload exited ${code}`))));
  });
}

/**
 * CPU hogs in this session but outside the job's tree: a shell starts them in the background and exits,
 * so they are re-parented away before the job starts. Each stops by itself after `seconds`.
 */
function startHogs(n: number, seconds: number): Promise<number[]> {
  const hog = `const e=Date.now()+${seconds * 1000}; let x=0; while(Date.now()<e){for(let i=0;i<1e6;i++)x+=Math.sqrt(i)}`;
  const script = `for i in $(seq ${n}); do "${process.execPath}" -e '${hog}' </dev/null >/dev/null 2>&1 & echo $!; done`;
  return new Promise((resolve, reject) => {
    const sh = spawn('sh', ['-c', script], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    sh.stdout.on('data', (d: Buffer) => (out += d.toString()));
    sh.on('error', reject);
    sh.on('close', () => {
      const pids = out.split('\n').filter(Boolean).map(Number);
      hogPids.push(...pids);
      resolve(pids);
    });
  });
}

function stopHogs(): void {
  for (const pid of hogPids.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

function ppidOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

interface JobRun {
  post: Awaited<ReturnType<EmulatedJob['run']>>;
  result: RunResult;
  workloadMs: number;
}

async function runJob(spec: Omit<JobSpec, 'resultsUrl' | 'apiUrl'>, opts: { units?: number; sleepMs?: number } = {}): Promise<JobRun> {
  const e = emulateJob({ resultsUrl: results.url, apiUrl: gh.url, ...spec });
  const { RUNNER_TEMP: _ignored, ...env } = e.env;
  const job = new EmulatedJob({ inputs: INPUTS, env, ...(actionDir ? { actionDir } : {}) });
  jobs.push(job);
  expect((await job.run('pre')).code).toBe(0);
  expect((await job.run('main')).code).toBe(0);
  const workloadMs = await work(opts.units ?? BASE_UNITS);
  if (opts.sleepMs) await new Promise((r) => setTimeout(r, opts.sleepMs));
  const post = await job.run('post');
  const jsonPath = path.join(job.state['run-dir']!, 'carbon-gate.json');
  if (!existsSync(jsonPath)) throw new Error(`post wrote no carbon-gate.json (exit ${post.code}); stderr: ${post.stderr.slice(0, 2000)}`);
  const result = JSON.parse(readFileSync(jsonPath, 'utf8')) as RunResult;
  if (process.env.CARBON_GATE_E2E_DEBUG) {
    const t = result.terms!;
    console.log(spec.runId, post.code, `cpu ${t.cpuSeconds} wall ${t.durationSeconds.toFixed(2)} contention ${t.contentionSeconds.toFixed(2)} workload ${workloadMs} ms`, JSON.stringify(result.verdict.regression ?? null));
  }
  return { post, result, workloadMs };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pushes: JobRun[] = [];
const comment = (pr: number): string => {
  const c = gh.commentsOn('octo/repo', pr);
  expect(c).toHaveLength(1);
  return c[0]!.body;
};

describe('a verdict teams can trust, through dist/', () => {
  // The window every PR below is compared with: built once, before the tests, so that they run in any
  // order (--randomize). A PR never saves a baseline, so the PRs cannot change it for each other.
  beforeAll(async () => {
    for (const runId of [1, 2, 3, 4, 5]) pushes.push(await runJob({ runId }));
  }, 900_000);

  test('five pushes on main make the baseline window, each record with its terms', () => {
    expect(pushes.map((p) => p.post.code)).toEqual([0, 0, 0, 0, 0]);
    const last = pushes[4]!.result;
    expect(last.baseline.records).toHaveLength(4);
    for (const rec of last.baseline.records) {
      expect(rec.terms?.factors.gCo2ePerKwh).toBe(400);
      expect(rec.terms!.workWh + rec.terms!.timeWh).toBeCloseTo(rec.energyWh, 9);
      expect(rec.terms!.cpuSeconds).toBeGreaterThan(BASE_UNITS * 0.3);
    }
  });

  test('(1) same work, CPU hogs outside the tree slow it ≥ 1.5×: passes, and the comment says the runner was slower', async () => {
    const pids = await startHogs(3, 120);
    expect(pids).toHaveLength(3);
    // Re-parented away from this process: not in the job's tree.
    for (const pid of pids) expect(ppidOf(pid)).not.toBe(process.pid);
    let run: JobRun;
    try {
      run = await runJob({ runId: 101, eventName: 'pull_request', pr: 31 });
    } finally {
      stopHogs();
    }
    const slowdown = run.workloadMs / median(pushes.map((p) => p.workloadMs));
    expect(slowdown).toBeGreaterThanOrEqual(1.5);
    expect(run.result.baseline.records).toHaveLength(5);
    expect(run.result.verdict.regression?.flagged).toBe(false);
    expect(run.result.verdict.failBuild).toBe(false);
    expect(run.post.code).toBe(0);
    // The hogs' CPU is outside the tree: foreign CPU, not the job's.
    expect(run.result.terms!.signals.foreignCpuSeconds).toBeGreaterThan(run.result.terms!.cpuSeconds);
    expect(comment(31)).toMatch(/What drove the delta: .*runner \d+ % slower/);
  }, 600_000);

  test('(2) twice the CPU work: fails, and the comment names CPU work', async () => {
    const run = await runJob({ runId: 102, eventName: 'pull_request', pr: 32 }, { units: 2 * BASE_UNITS });
    expect(run.result.verdict.regression).toMatchObject({ flagged: true, enforced: true, runs: 5 });
    expect(run.result.verdict.failBuild).toBe(true);
    expect(run.post.code).toBe(1);
    expect(comment(32)).toMatch(/What drove the delta: CPU work \+\d+ %/);
  }, 600_000);

  test('(3) an added sleep as long as the job: fails, and the comment names wall time', async () => {
    const jobSeconds = median(pushes.map((p) => p.result.energy.durationSeconds));
    const run = await runJob({ runId: 103, eventName: 'pull_request', pr: 33 }, { sleepMs: jobSeconds * 1000 });
    expect(run.result.verdict.regression).toMatchObject({ flagged: true, enforced: true, runs: 5 });
    expect(run.result.verdict.failBuild).toBe(true);
    expect(run.post.code).toBe(1);
    expect(comment(33)).toMatch(/What drove the delta: Wall time \+\d+ %/);
  }, 600_000);
});
