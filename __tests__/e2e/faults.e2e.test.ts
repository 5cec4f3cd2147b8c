// Faults injected into real runs of the bundled action (pre → workload → post through dist/): never green
// on no data, nothing lost or invented silently, and post never failing the build over its own I/O.
import { afterAll, describe, expect, it } from '@jest/globals';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EmulatedJob, ROOT, pidAlive, runWorkload } from '../helpers/action-runner.js';
import type { CompletionMarker, RunResult } from '../../src/core/types.js';

const jobs: EmulatedJob[] = [];
const dirs: string[] = [];
afterAll(() => {
  for (const j of jobs) {
    const pid = Number(j.state['sampler-pid']);
    if (pid > 1 && pidAlive(pid)) process.kill(pid, 'SIGKILL');
    j.cleanup();
  }
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function newJob(inputs: Record<string, string> = {}, actionDir?: string): EmulatedJob {
  const job = new EmulatedJob({ inputs: { 'sample-interval': '0.25', baseline: 'false', artifact: 'false', comment: 'never', 'carbon-intensity': '400', ...inputs }, ...(actionDir ? { actionDir } : {}) });
  jobs.push(job);
  return job;
}

const resultOf = (job: EmulatedJob): RunResult => JSON.parse(readFileSync(path.join(job.state['run-dir'], 'carbon-gate.json'), 'utf8')) as RunResult;
const samplesPath = (job: EmulatedJob): string => path.join(job.state['run-dir'], 'samples.jsonl');
const lineCount = (file: string): number => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0);

/** Waits (at most `ms`) until `ok()` holds; the machine may be loaded, so no fixed sleeps decide a test. */
async function until(ok: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(50);
  }
}

describe('never green on no data', () => {
  it('a samples file deleted mid-job: Not measured, a warning, post exits 0', async () => {
    const job = newJob();
    expect((await job.run('pre')).code).toBe(0);
    await until(() => lineCount(samplesPath(job)) >= 2);
    rmSync(samplesPath(job));
    const post = await job.run('post');
    expect(post.code).toBe(0);
    expect(post.summary).toContain('Not measured');
    expect(post.summary).not.toMatch(/Passed/);
    expect(post.warnings.join('\n')).toMatch(/Not measured/);
    const r = resultOf(job);
    expect(r.verdict.status).toBe('not-measured');
    expect(r.quality.notMeasured).toMatch(/samples\.jsonl\) is missing/);
    expect(pidAlive(Number(job.state['sampler-pid']))).toBe(false);
  });

  it('with require-measurement: true, a samples file deleted mid-job fails post', async () => {
    const job = newJob({ 'require-measurement': 'true' });
    expect((await job.run('pre')).code).toBe(0);
    await until(() => lineCount(samplesPath(job)) >= 2);
    rmSync(samplesPath(job));
    const post = await job.run('post');
    expect(post.code).toBe(1);
    expect(post.errors.join('\n')).toMatch(/Not measured/);
    expect(post.summary).toMatch(/require-measurement is true/);
  });

  it('a samples file emptied mid-job: Not measured, with the missing lines counted', async () => {
    const job = newJob();
    expect((await job.run('pre')).code).toBe(0);
    // Emptied after 40 ticks: the sampler keeps writing until post stops it, so post (however slowly it
    // starts on a loaded machine) must take under 40 ticks (10 s) for most of the run to be unreadable.
    await until(() => lineCount(samplesPath(job)) >= 40, 90_000);
    truncateSync(samplesPath(job), 0);
    const post = await job.run('post');
    expect(post.code).toBe(0);
    const r = resultOf(job);
    expect(r.verdict.status).toBe('not-measured');
    expect(r.quality.notMeasured).toMatch(/emptied or truncated/);
    expect(r.quality.integrity?.missing[0]?.fromSeq).toBe(0);
    expect(r.quality.integrity?.missingSamples).toBeGreaterThanOrEqual(40);
    expect(post.warnings.join('\n')).toMatch(/sample line\(s\) the sampler took are missing from samples\.jsonl/);
  }, 180_000);

  it('a sampler that never started: pre warns at once, post reports Not measured', async () => {
    // A copy of the action whose sampler bundle is missing: node exits at once, as with a broken path.
    const copy = mkdtempSync(path.join(os.tmpdir(), 'cg-action-'));
    dirs.push(copy);
    cpSync(path.join(ROOT, 'dist'), path.join(copy, 'dist'), { recursive: true });
    cpSync(path.join(ROOT, 'data'), path.join(copy, 'data'), { recursive: true });
    rmSync(path.join(copy, 'dist', 'sampler', 'index.js'));
    const job = newJob({}, copy);
    const pre = await job.run('pre');
    expect(pre.code).toBe(0);
    expect(pre.warnings.join('\n')).toMatch(/sampler exited its first sample without writing a sample|sampler exited/);
    const post = await job.run('post');
    expect(post.code).toBe(0);
    expect(post.summary).toContain('Not measured');
    expect(resultOf(job).verdict.status).toBe('not-measured');
  });

  it('no run directory at all (the first step never ran the sampler): Not measured, and a failure with require-measurement', async () => {
    const job = newJob({ 'require-measurement': 'true' });
    const post = await job.run('post');
    expect(post.code).toBe(1);
    expect(post.summary).toMatch(/Not measured: the sampler never started/);
    const lenient = newJob();
    const post2 = await lenient.run('post');
    expect(post2.code).toBe(0);
    expect(post2.warnings.join('\n')).toMatch(/not measured: the sampler never started/);
  });
});

describe('nothing lost, nothing invented', () => {
  it('a forged line with monoS + 1 day is rejected, not integrated', async () => {
    const job = newJob();
    expect((await job.run('pre')).code).toBe(0);
    await until(() => lineCount(samplesPath(job)) >= 4);
    const lines = readFileSync(samplesPath(job), 'utf8').split('\n').filter(Boolean);
    const last = JSON.parse(lines[lines.length - 1]) as { monoS: number; seq: number };
    appendFileSync(samplesPath(job), `${JSON.stringify({ ...last, monoS: last.monoS + 86_400, seq: last.seq + 1 })}\n`);
    await until(() => lineCount(samplesPath(job)) >= lines.length + 3);
    const post = await job.run('post');
    expect(post.code).toBe(0);
    const r = resultOf(job);
    expect(r.quality.integrity?.rejectedSamples).toBe(1);
    expect(r.energy.durationSeconds).toBeLessThan(120);
    expect(r.energy.totalWh).toBeLessThan(1);
    expect(post.warnings.join('\n')).toMatch(/1 sample\(s\) were rejected/);
  });

  it('sampler writes failing (file size limit, EFBIG): a gap, the run partial, the closing sample kept', async () => {
    const job = newJob({ 'sample-interval': '0.1' });
    // The sampler inherits a 24 KiB file size limit from pre: after ~50 lines each write fails with EFBIG.
    const pre = await job.run('pre', {}, ['bash', '-c', 'ulimit -f 24; exec "$@"', 'bash']);
    expect(pre.code).toBe(0);
    const log = path.join(job.state['run-dir'], 'sampler.log');
    // ~50 ticks at 0.1 s: 5 s on an idle machine; bounded well above that for a loaded one.
    await until(() => existsSync(log) && readFileSync(log, 'utf8').includes('cannot write samples'), 90_000);
    await runWorkload({ burnSeconds: 0.5, shortLived: 5 });
    const post = await job.run('post');
    expect(post.code).toBe(0);
    const marker = JSON.parse(readFileSync(path.join(job.state['run-dir'], 'sampler-done.json'), 'utf8')) as CompletionMarker;
    expect(marker.writeFailures?.error).toBe('EFBIG');
    expect(marker.closing).toBeDefined();
    const r = resultOf(job);
    expect(r.quality.partial).toBe(true);
    expect(post.warnings.join('\n')).toMatch(/could not write \d+ sample line\(s\) \(EFBIG\)/);
    // The closing sample (kept in the marker) closes the run: the workload after the failures counts.
    expect(r.energy.treeCpuSeconds as number).toBeGreaterThan(0.8);
    expect(r.energy.gaps.length).toBeGreaterThan(0);
  }, 180_000);
});

describe('the sampler stopped or killed', () => {
  it('a sampler stopped with SIGSTOP: post kills it, closes the run itself and flags it partial; exit 0', async () => {
    const job = newJob();
    expect((await job.run('pre')).code).toBe(0);
    const pid = Number(job.state['sampler-pid']);
    await until(() => lineCount(samplesPath(job)) >= 2);
    process.kill(pid, 'SIGSTOP');
    await runWorkload({ burnSeconds: 0.5, shortLived: 5 });
    const post = await job.run('post');
    expect(post.code).toBe(0);
    expect(pidAlive(pid)).toBe(false);
    const r = resultOf(job);
    expect(r.quality.partial).toBe(true);
    expect(post.warnings.join('\n')).toMatch(/did not stop cleanly and was killed/);
    // The stopped stretch is a gap, and the workload in it still counts (post's closing sample).
    expect(r.energy.gaps.some((g) => g.reason === 'no samples')).toBe(true);
    expect(r.energy.treeCpuSeconds as number).toBeGreaterThan(0.8);
  });
});

describe('post never fails the build over its own I/O', () => {
  it('summary file on a full disk (/dev/full): a warning, post exits 0', async () => {
    const job = newJob();
    expect((await job.run('pre')).code).toBe(0);
    await until(() => lineCount(samplesPath(job)) >= 2);
    const post = await job.run('post', { GITHUB_STEP_SUMMARY: '/dev/full' });
    expect(post.code).toBe(0);
    expect(post.warnings.join('\n')).toMatch(/job summary could not be written \(ENOSPC/);
    expect(post.stdout).toMatch(/carbon-gate/);
  });

  it('output files that cannot be written: the verdict still stands, with a warning; post exits 0', async () => {
    const job = newJob();
    expect((await job.run('pre')).code).toBe(0);
    await until(() => lineCount(samplesPath(job)) >= 2);
    // Directories where the files should go: every write fails with EISDIR (root ignores file modes).
    for (const f of ['carbon-gate.json', 'emissions.csv', 'samples.csv', 'summary.md']) mkdirSync(path.join(job.state['run-dir'], f));
    const post = await job.run('post');
    expect(post.code).toBe(0);
    expect(post.summary).toMatch(/Output files could not be written: emissions\.csv \(EISDIR\), carbon-gate\.json \(EISDIR\), summary\.md \(EISDIR\)/);
    // The verdict still reaches the summary (measured, not "Not measured"), with its amount.
    expect(post.summary).toMatch(/CO2e/);
    expect(post.summary).not.toMatch(/Not measured/);
  });

  it('the run directory vanished: post stops the sampler, reports Not measured and exits 0', async () => {
    const job = newJob();
    expect((await job.run('pre')).code).toBe(0);
    const pid = Number(job.state['sampler-pid']);
    await until(() => lineCount(samplesPath(job)) >= 2);
    rmSync(job.state['run-dir'], { recursive: true, force: true });
    const post = await job.run('post');
    expect(post.code).toBe(0);
    expect(post.warnings.join('\n')).toMatch(/not measured: the run directory .* is gone or damaged/);
    expect(pidAlive(pid)).toBe(false);
  });

  it('the sampler pid state is lost: post stops the sampler from the pid in run.json', async () => {
    const job = newJob();
    expect((await job.run('pre')).code).toBe(0);
    const pid = Number(job.state['sampler-pid']);
    await until(() => lineCount(samplesPath(job)) >= 2);
    delete job.state['sampler-pid'];
    const post = await job.run('post');
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(/sampler stopped/);
    expect(pidAlive(pid)).toBe(false);
    expect(resultOf(job).quality.partial).toBe(false);
  });
});

describe('the first step\'s state lost entirely', () => {
  it('both states gone: post finds the one live sampler of this job under RUNNER_TEMP, stops it and reports', async () => {
    const job = newJob();
    expect((await job.run('pre')).code).toBe(0);
    const pid = Number(job.state['sampler-pid']);
    const runDir = job.state['run-dir'];
    await until(() => lineCount(samplesPath(job)) >= 2);
    delete job.state['sampler-pid'];
    delete job.state['run-dir'];
    const post = await job.run('post');
    expect(post.code).toBe(0);
    expect(post.warnings.join('\n')).toContain(`saved state is lost; this job's run directory was found under RUNNER_TEMP (${runDir}, sampler pid ${pid})`);
    expect(post.stdout).toMatch(/sampler stopped/);
    expect(pidAlive(pid)).toBe(false);
    const r = JSON.parse(readFileSync(path.join(runDir, 'carbon-gate.json'), 'utf8')) as RunResult;
    expect(r.verdict.status).not.toBe('not-measured');
    expect(r.quality.partial).toBe(false);
  });
});

describe('two instances in one job', () => {
  it('the second instance is detected, asks for distinct job-name values and reports under its own key', async () => {
    const first = newJob();
    expect((await first.run('pre')).code).toBe(0);
    // Same job, same RUNNER_TEMP: the action used twice with the same inputs.
    const second = new EmulatedJob({ inputs: { 'sample-interval': '0.25', baseline: 'false', artifact: 'false', comment: 'never' }, env: { RUNNER_TEMP: first.temp } });
    jobs.push(second);
    const pre2 = await second.run('pre');
    expect(pre2.code).toBe(0);
    expect(pre2.warnings.join('\n')).toMatch(/another carbon-gate instance is measuring this job .* distinct `job-name`/);
    expect(pre2.warnings.join('\n')).toContain(`sampler pid ${first.state['sampler-pid']}`);
    await until(() => lineCount(samplesPath(second)) >= 2);
    // Posts run in reverse order.
    expect((await second.run('post')).code).toBe(0);
    expect((await first.run('post')).code).toBe(0);
    const [a, b] = [resultOf(first), resultOf(second)];
    expect(a.job.key).toBe('ci/build/default');
    expect(b.job.key).toBe('ci/build/default-i2');
    expect(b.job.label).toBe('build (instance 2)');
  });

  it('distinct job-name values are not a collision: no warning', async () => {
    const first = newJob({ 'job-name': 'unit' });
    expect((await first.run('pre')).code).toBe(0);
    const second = new EmulatedJob({ inputs: { 'sample-interval': '0.25', baseline: 'false', artifact: 'false', comment: 'never', 'job-name': 'lint' }, env: { RUNNER_TEMP: first.temp } });
    jobs.push(second);
    const pre2 = await second.run('pre');
    expect(pre2.warnings.join('\n')).not.toMatch(/instance/);
    expect((await second.run('post')).code).toBe(0);
    expect((await first.run('post')).code).toBe(0);
  });
});
