// The bundled entries as GitHub's @github/local-action drives them: it imports an entry module and calls
// its exported run() (local-action's src/commands/run.ts); importing alone must not start the stage.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EmulatedJob, NODE, ROOT, pidAlive } from '../helpers/action-runner.js';

const jobs: EmulatedJob[] = [];
afterAll(() => jobs.forEach((j) => j.cleanup()));

const entryUrl = (name: string): string => pathToFileURL(path.join(ROOT, 'dist', name, 'index.js')).href;

function node(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, ['--input-type=module', '-e', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('entries export run() and run only when executed directly', () => {
  it.each(['pre', 'main', 'post', 'cli', 'sampler'])('importing dist/%s/index.js runs nothing and exports run()', async (name) => {
    const r = await node('const m = await import(process.env.ENTRY_URL); process.stdout.write(typeof m.run);', {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ENTRY_URL: entryUrl(name),
    });
    expect(r).toEqual({ code: 0, stdout: 'function', stderr: '' });
  });

  it('pre.run() then post.run(), in one process as local-action does, measure and report', async () => {
    const job = new EmulatedJob({ inputs: { 'sample-interval': '0.25', 'carbon-intensity': '400', baseline: 'false', artifact: 'false', comment: 'never' } });
    jobs.push(job);
    const files = { GITHUB_STATE: path.join(job.temp, 'state'), GITHUB_OUTPUT: path.join(job.temp, 'output'), GITHUB_STEP_SUMMARY: path.join(job.temp, 'summary_pre') };
    for (const f of Object.values(files)) writeFileSync(f, '');
    const postSummary = path.join(job.temp, 'summary_post');
    writeFileSync(postSummary, '');
    // Between the stages the driver hands the saved state on as STATE_* (as the runner and local-action do).
    const driver = `
      const fs = await import('node:fs');
      const pre = await import(process.env.PRE_URL);
      pre.run();
      const state = fs.readFileSync(process.env.GITHUB_STATE, 'utf8');
      for (const m of state.matchAll(/^([^<\\n]+)<<(.+)\\n([^]*?)\\n\\2$/gm)) process.env['STATE_' + m[1]] = m[3];
      await new Promise((r) => setTimeout(r, 1000));
      process.env.GITHUB_STEP_SUMMARY = process.env.POST_SUMMARY;
      const post = await import(process.env.POST_URL);
      await post.run();
      process.stdout.write('\\nsampler-pid=' + process.env['STATE_sampler-pid'] + '\\nrun-dir=' + process.env['STATE_run-dir'] + '\\n');
    `;
    const r = await node(driver, { ...job.env(), ...files, PRE_URL: entryUrl('pre'), POST_URL: entryUrl('post'), POST_SUMMARY: postSummary });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const samplerPid = Number(/sampler-pid=(\d+)/.exec(r.stdout)?.[1]);
    const runDir = /run-dir=(.+)/.exec(r.stdout)?.[1] ?? '';
    expect(samplerPid).toBeGreaterThan(1);
    expect(runDir.startsWith(job.temp)).toBe(true);
    expect(pidAlive(samplerPid)).toBe(false);
    expect(existsSync(path.join(runDir, 'carbon-gate.json'))).toBe(true);
    expect(readFileSync(postSummary, 'utf8')).toMatch(/400 gCO2e\/kWh/);
  });
});
