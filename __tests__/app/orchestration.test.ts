// pre → workload → post, in-process on src/ (not dist/): startFromAction and runPost with an injected
// runner and environment, the real sampler transpiled from src/ (helpers/src-bundle.ts) following a
// real process tree through /proc. The e2e suite covers the same path through the bundles.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFromAction, STATE_RUN_DIR, STATE_SAMPLER_PID } from '../../src/app/action-start.js';
import { runPost } from '../../src/app/post.js';
import { emulateJob } from '../helpers/standins/job-env.js';
import { recordingRunner, type RecordingRunner } from '../helpers/recording-runner.js';
import { transpileSrc, type SrcBundle } from '../helpers/src-bundle.js';

let bundle: SrcBundle;
const roots: ChildProcess[] = [];

beforeAll(() => {
  bundle = transpileSrc();
});
afterAll(() => {
  for (const r of roots) r.kill('SIGKILL');
  bundle?.remove();
});

const BURN = 'const t=process.cpuUsage();while(process.cpuUsage(t).user+process.cpuUsage(t).system<1e6){}';

/** A job's root process: waits for `go`, burns 1 CPU-second in a child, writes `done`, then idles. */
function jobRoot(dir: string): ChildProcess {
  const script = `while [ ! -f go ]; do sleep 0.05; done; "${process.execPath}" -e '${BURN}'; touch done; exec sleep 600`;
  const p = spawn('sh', ['-c', script], { cwd: dir, stdio: 'ignore' });
  roots.push(p);
  return p;
}

async function waitFor(cond: () => boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function jobEnv(runId: number, inputs: Record<string, string>, rootPid: number, job = emulateJob({ resultsUrl: 'http://127.0.0.1:9', runId })): NodeJS.ProcessEnv {
  const { env } = job;
  const ins = { 'sample-interval': '0.25', baseline: 'false', artifact: 'false', comment: 'never', 'detect-cloud': 'false', ...inputs };
  return {
    PATH: process.env.PATH,
    ...env,
    CARBON_GATE_ROOT_PID: String(rootPid),
    ...Object.fromEntries(Object.entries(ins).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
}

/** pre, the 1 CPU-s workload, post; returns post's runner and the run's carbon-gate.json. */
async function runJob(runId: number, inputs: Record<string, string> = {}, between?: (pre: RecordingRunner) => Promise<void>) {
  const job = emulateJob({ resultsUrl: 'http://127.0.0.1:9', runId });
  const dir = job.root;
  const root = jobRoot(dir);
  const env = jobEnv(runId, inputs, root.pid!, job);
  const pre = recordingRunner();
  await startFromAction('pre', bundle.entryUrl('pre'), env, pre);
  expect(pre.failures).toEqual([]);
  const runDir = pre.state.get(STATE_RUN_DIR)!;
  writeFileSync(path.join(dir, 'go'), '');
  await waitFor(() => existsSync(path.join(dir, 'done')), 'the workload');
  await between?.(pre);
  const post = recordingRunner(Object.fromEntries(pre.state));
  await runPost(env, post);
  root.kill('SIGKILL');
  const jsonFile = path.join(runDir, 'carbon-gate.json');
  const json = existsSync(jsonFile) ? (JSON.parse(readFileSync(jsonFile, 'utf8')) as { energy: { treeCpuSeconds: number }; verdict: { status: string }; quality: { partial: boolean } }) : null;
  return { pre, post, runDir, json };
}

// Linux only, like the rest of the suite (the sampler follows the tree through /proc).
describe('pre → workload → post on src/', () => {
  test('measures the tree with the sampler built from src/, reports in groups, and passes under the budget', async () => {
    const { pre, post, json } = await runJob(9101, { 'budget-gco2e': '1000' });
    expect(pre.state.get(STATE_SAMPLER_PID)).toMatch(/^\d+$/);
    expect(pre.warnings).toEqual([]);
    expect(post.failures).toEqual([]);
    expect(post.groups).toEqual(['carbon-gate: stopping the sampler', 'carbon-gate: report', 'carbon-gate: GitHub (artifact, baseline, comment)']);
    expect(post.log.join('\n')).toMatch(/sampler stopped after \d+ samples/);
    // The kernel charged the workload 1 CPU-s (plus a node start-up, ~0.05 s).
    expect(json!.energy.treeCpuSeconds).toBeGreaterThan(0.95);
    expect(json!.energy.treeCpuSeconds).toBeLessThan(1.6);
    expect(json!.verdict.status).toBe('pass');
    expect(post.summary.join('\n')).toContain('carbon-gate');
  }, 120_000);

  test('over the budget: the gate fails the step, with the budget in the message', async () => {
    const { post, json } = await runJob(9102, { 'budget-gco2e': '0.000001' });
    expect(json!.verdict.status).toBe('fail');
    expect(post.failures).toHaveLength(1);
    expect(post.failures[0]).toMatch(/budget/);
  }, 120_000);

  test('a sampler killed mid-job: post reports what it has, flags it, and does not fail the build', async () => {
    const { post, json } = await runJob(9103, { 'budget-gco2e': '1000' }, async (pre) => {
      process.kill(Number(pre.state.get(STATE_SAMPLER_PID)), 'SIGKILL');
    });
    expect(post.failures).toEqual([]);
    expect(json!.quality.partial).toBe(true);
    expect(post.warnings.join('\n')).toMatch(/sampler/i);
  }, 120_000);

  test('no run directory in the state: Not measured, a warning, the build not failed; require-measurement fails it', async () => {
    const env = jobEnv(9104, {}, process.pid);
    const post = recordingRunner();
    await runPost(env, post);
    expect(post.failures).toEqual([]);
    expect(post.warnings.join('\n')).toContain('not measured');
    expect(post.summary.join('\n')).toContain('Not measured');

    const strict = recordingRunner();
    await runPost(jobEnv(9105, { 'require-measurement': 'true' }, process.pid), strict);
    expect(strict.failures.join('\n')).toContain('Not measured');
  });

  test('a summary that cannot be written is a warning, and the report goes to the log', async () => {
    const job = emulateJob({ resultsUrl: 'http://127.0.0.1:9', runId: 9106 });
    const root = jobRoot(job.root);
    const env = jobEnv(9106, {}, root.pid!, job);
    const pre = recordingRunner();
    await startFromAction('pre', bundle.entryUrl('pre'), env, pre);
    const post = recordingRunner(Object.fromEntries(pre.state), { summaryThrows: Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }) });
    await runPost(env, post);
    root.kill('SIGKILL');
    expect(post.failures).toEqual([]);
    expect(post.warnings.join('\n')).toMatch(/summary.*ENOSPC|ENOSPC.*summary/s);
    expect(post.log.join('\n')).toContain('carbon-gate');
  }, 120_000);

  test('bad input: pre fails the step with a message naming the input, the value and what is accepted', async () => {
    const pre = recordingRunner();
    await startFromAction('pre', bundle.entryUrl('pre'), jobEnv(9107, { 'fail-on': 'sometimes' }, process.pid), pre);
    expect(pre.failures).toHaveLength(1);
    expect(pre.failures[0]).toMatch(/fail-on.*sometimes.*budget/);
    expect(pre.state.get(STATE_RUN_DIR)).toBeUndefined();
  });
});
