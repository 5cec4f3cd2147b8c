// End to end through the bundled dist/ files, as the runner runs them: pre, main, a real workload
// (children of this test process, which stands in for Runner.Worker), then post.
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuSecondsOfTimes, EmulatedJob, pidAlive, runWorkload, workloadScript } from '../helpers/action-runner.js';
import { parseSamples } from '../../src/core/samples.js';
import { parseCsvRows as parseCsv } from '../../src/core/csv.js';
import type { RunResult } from '../../src/core/types.js';

const jobs: EmulatedJob[] = [];
afterAll(() => jobs.forEach((j) => j.cleanup()));

function newJob(inputs: Record<string, string>, worker = false): EmulatedJob {
  // artifact/baseline/comment are exercised by the gate e2e against stand-ins; here they are off.
  const job = new EmulatedJob({ inputs: { 'sample-interval': '0.25', baseline: 'false', artifact: 'false', comment: 'never', ...inputs }, worker });
  jobs.push(job);
  return job;
}

/** Tree CPU seconds between the last sample before `fromMs` and the first after `toMs`. */
function treeCpuAround(samplesText: string, fromMs: number, toMs: number): number {
  const { samples } = parseSamples(samplesText);
  const before = [...samples].reverse().find((s) => s.wallMs <= fromMs && s.tree);
  const after = samples.find((s) => s.wallMs >= toMs && s.tree);
  if (!before?.tree || !after?.tree) throw new Error('no samples around the workload');
  return after.tree.cpuSeconds - before.tree.cpuSeconds;
}

describe('the bundled action, pre → main → workload → post', () => {
  it('measures a real workload, reports it, and leaves no sampler behind', async () => {
    // The runner's worker is a process of its own (not this jest worker, whose other children and own
    // work would be in the tree), and the workload is a `run:` step of it, as on a runner.
    const job = newJob({ 'carbon-intensity': '400' }, true);
    const pre = await job.run('pre');
    expect(pre.code).toBe(0);
    expect(pre.errors).toEqual([]);
    const runDir = job.state['run-dir'];
    const samplerPid = Number(job.state['sampler-pid']);
    expect(runDir.startsWith(job.temp)).toBe(true);
    expect(samplerPid).toBeGreaterThan(1);
    expect(pidAlive(samplerPid)).toBe(true);

    const main = await job.run('main');
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/sampling is running/);

    await sleep(600);
    const step = await job.runStep('Workload', { run: workloadScript({ burnSeconds: 2, shortLived: 200 }) });
    expect(step.code).toBe(0);
    const work = { cpuSeconds: cpuSecondsOfTimes(step.stdout), wallMs: [step.startedMs, step.endedMs] as const };
    await sleep(600);

    const post = await job.run('post');
    expect(post.code).toBe(0);
    expect(post.errors).toEqual([]);
    expect(pidAlive(samplerPid)).toBe(false);

    // The summary shows a non-zero energy, the model and its sources.
    expect(post.summary).toMatch(/carbon-gate/);
    const result = JSON.parse(readFileSync(path.join(runDir, 'carbon-gate.json'), 'utf8')) as RunResult;
    expect(result.energy.totalWh).toBeGreaterThan(0);
    expect(post.summary).toContain(result.energy.totalWh >= 1000 ? 'kWh' : 'Wh');
    expect(post.summary).toMatch(/400 gCO2e\/kWh/);
    // The model and its sources (RUNNER_ENVIRONMENT=github-hosted → the CCF Azure model).
    expect(post.summary).toContain('### Model');
    expect(post.summary).toMatch(/CCF Azure model for a GitHub-hosted runner/);
    expect(post.summary).toMatch(/CPU W per vCPU \(idle\/max\)/);
    expect(post.summary).toMatch(/PUE \| 1\.185/);
    expect(post.summary).toMatch(/input carbon-intensity/);
    expect(result.quality.partial).toBe(false);

    // Attribution: the tree's CPU over the workload's window matches the kernel's own accounting
    // of the workload (bash `times`: the shell plus every child it waited for) within 5 %.
    const samplesText = readFileSync(path.join(runDir, 'samples.jsonl'), 'utf8');
    const attributed = treeCpuAround(samplesText, work.wallMs[0], work.wallMs[1]);
    expect(work.cpuSeconds).toBeGreaterThan(3);
    expect(Math.abs(attributed - work.cpuSeconds) / work.cpuSeconds).toBeLessThan(0.05);
    // The whole job's tree CPU holds the workload plus the action's own steps (a few node start-ups).
    expect(result.energy.treeCpuSeconds as number).toBeGreaterThanOrEqual(work.cpuSeconds * 0.95);
    expect(result.energy.treeCpuSeconds as number).toBeLessThan(work.cpuSeconds + 3);

    // The CSV and JSON parse.
    const emissions = parseCsv(readFileSync(path.join(runDir, 'emissions.csv'), 'utf8'));
    expect(emissions[0]).toContain('emissions');
    expect(emissions).toHaveLength(2);
    const row = Object.fromEntries(emissions[0].map((k, i) => [k, emissions[1][i]]));
    // CodeCarbon's meanings: kWh with PUE, kg operational
    expect(Number(row.energy_consumed)).toBeCloseTo((result.energy.totalWh / 1000) * result.emissions.pue, 12);
    expect(Number(row.emissions)).toBeCloseTo(result.emissions.operationalGCo2e / 1000, 12);
    const samplesCsv = parseCsv(readFileSync(path.join(runDir, 'samples.csv'), 'utf8'));
    expect(samplesCsv.length).toBeGreaterThan(10);
    expect(post.stdout).toContain(path.join(runDir, 'emissions.csv'));
  });

  it('fails post with a clear message when a tiny budget is exceeded', async () => {
    const job = newJob({ 'budget-gco2e': '0.000001' });
    expect((await job.run('pre')).code).toBe(0);
    await runWorkload({ burnSeconds: 0.5, shortLived: 5 });
    const post = await job.run('post');
    expect(post.code).toBe(1);
    expect(post.errors.join('\n')).toMatch(/budget/i);
    expect(post.errors.join('\n')).toMatch(/budget-gco2e/);
    expect(pidAlive(Number(job.state['sampler-pid']))).toBe(false);
  });

  it('still reports, flagged partial, when the sampler was killed mid-run; post exits 0', async () => {
    const job = newJob({ 'budget-gco2e': '1000000' });
    expect((await job.run('pre')).code).toBe(0);
    const pid = Number(job.state['sampler-pid']);
    await sleep(700);
    process.kill(pid, 'SIGKILL');
    await runWorkload({ burnSeconds: 0.5, shortLived: 5 });
    const post = await job.run('post');
    expect(post.code).toBe(0);
    expect(post.summary).toMatch(/partial/i);
    expect(post.warnings.join('\n')).toMatch(/sampler/i);
    const result = JSON.parse(readFileSync(path.join(job.state['run-dir'], 'carbon-gate.json'), 'utf8')) as RunResult;
    expect(result.quality.partial).toBe(true);
    // post closed the last interval itself, so the workload after the kill is still counted.
    expect(result.energy.treeCpuSeconds as number).toBeGreaterThan(0.8);
  });

  it('starts the sampler in main when pre was skipped (local `uses: ./`)', async () => {
    const job = newJob({});
    const main = await job.run('main');
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/no pre step ran/);
    expect(Number(job.state['sampler-pid'])).toBeGreaterThan(1);
    await sleep(500);
    const post = await job.run('post');
    expect(post.code).toBe(0);
    expect(existsSync(path.join(job.state['run-dir'], 'carbon-gate.json'))).toBe(true);
    // No intensity input: the documented US region set of GitHub-hosted runners, named in the summary.
    expect(post.summary).toMatch(/github-hosted US average/);
    expect(post.summary).toMatch(/eastus2/);
    expect(post.summary).toMatch(/366\.8 gCO2e\/kWh/);
    expect(pidAlive(Number(job.state['sampler-pid']))).toBe(false);
  });

  it('fails pre on a bad input, naming the input, the value and what is accepted', async () => {
    const job = newJob({ 'sample-interval': '0.01' });
    const pre = await job.run('pre');
    expect(pre.code).toBe(1);
    expect(pre.errors.join('\n')).toMatch(/'sample-interval'.*"0\.01".*0\.1 to 60/);
    // post after a failed pre does not fail again nor signal anything.
    const post = await job.run('post');
    expect(post.code).toBe(0);
    expect(post.warnings.join('\n')).toMatch(/not measured: the sampler never started/);
  });
});
