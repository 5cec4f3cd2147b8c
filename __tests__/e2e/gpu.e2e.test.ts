// End to end through the bundled action (pre → main → post) with a fake nvidia-smi on PATH and a
// fake RAPL sysfs tree: GPU energy reaches the summary and emissions.csv, N/A power is modelled,
// and RAPL makes CPU and RAM "measured". CARBON_GATE_ACTION_DIR runs it against another build of
// the action (a directory with dist/ and data/); the default is this checkout.
import { afterAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EmulatedJob, NODE, ROOT, pidAlive } from '../helpers/action-runner.js';
import { parseCsvRows as parseCsv } from '../../src/core/csv.js';
import type { RunResult } from '../../src/core/types.js';

const actionDir = process.env.CARBON_GATE_ACTION_DIR ?? ROOT;
const fakeBin = path.join(ROOT, '__tests__', 'fixtures', 'bin');
const jobs: EmulatedJob[] = [];
afterAll(() => jobs.forEach((j) => j.cleanup()));

function newJob(inputs: Record<string, string>, env: Record<string, string>): EmulatedJob {
  const job = new EmulatedJob({
    actionDir,
    inputs: { 'sample-interval': '0.25', baseline: 'false', artifact: 'false', comment: 'never', 'carbon-intensity': '400', ...inputs },
    env,
  });
  jobs.push(job);
  return job;
}

async function runJob(job: EmulatedJob, busyMs: number): Promise<{ result: RunResult; summary: string; csv: Record<string, string>; samples: string }> {
  const pre = await job.run('pre');
  expect(pre.errors).toEqual([]);
  expect(pre.code).toBe(0);
  const samplerPid = Number(job.state['sampler-pid']);
  expect((await job.run('main')).code).toBe(0);
  await sleep(busyMs);
  const post = await job.run('post');
  expect(post.code).toBe(0);
  expect(post.errors).toEqual([]);
  expect(pidAlive(samplerPid)).toBe(false);
  const runDir = job.state['run-dir'];
  const rows = parseCsv(fs.readFileSync(path.join(runDir, 'emissions.csv'), 'utf8'));
  return {
    result: JSON.parse(fs.readFileSync(path.join(runDir, 'carbon-gate.json'), 'utf8')) as RunResult,
    summary: post.summary,
    csv: Object.fromEntries(rows[0].map((k, i) => [k, rows[1][i]])),
    samples: fs.readFileSync(path.join(runDir, 'samples.jsonl'), 'utf8'),
  };
}

const withFakes = (extra: Record<string, string> = {}) => ({ PATH: `${fakeBin}${path.delimiter}${process.env.PATH}`, ...extra });

describe('GPU and RAPL through the bundled action', () => {
  it('two NVIDIA GPUs with measured power: energy in the summary and the CSV columns', async () => {
    const { result, summary, csv, samples } = await runJob(newJob({ gpu: 'nvidia' }, withFakes({ FAKE_NVIDIA_SMI_GPUS: '2' })), 2000);
    expect(result.energy.gpu).toBe('measured');
    expect(result.energy.gpuCount).toBe(2);
    expect(result.energy.gpuModels).toEqual(['Tesla T4', 'NVIDIA A100-SXM4-40GB']);
    // the fake draws 27.5 W + 1 W per line on GPU 0 and 10 W more on GPU 1: ≥ 65 W together once the
    // first reading arrived. Before it (a late nvidia-smi start on a loaded machine) nothing is counted,
    // so the average over the job is ≥ 65 W × the share of the job that had readings.
    const lines = samples.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { monoS: number; gpu?: unknown[] });
    const firstGpuS = lines.find((l) => l.gpu?.length)!.monoS;
    const covered = (lines[lines.length - 1].monoS - firstGpuS) / (lines[lines.length - 1].monoS - lines[0].monoS);
    expect(covered).toBeGreaterThan(0.3);
    expect(result.energy.avgGpuWatts).toBeGreaterThanOrEqual(65 * covered - 1e-9);
    expect(result.energy.avgGpuWatts).toBeLessThan(200);
    expect(result.energy.gpuWh).toBeGreaterThan(0);
    // the summary escapes markdown in model names (A100\-SXM4)
    expect(summary).toMatch(/GPU ×2 \(Tesla T4, NVIDIA A100\\?-SXM4\\?-40GB\)/);
    expect(summary).toMatch(/measured \(nvidia-smi \/ rocm-smi\)/);
    expect(Number(csv.gpu_count)).toBe(2);
    expect(csv.gpu_model).toContain('Tesla T4');
    expect(Number(csv.gpu_power)).toBeCloseTo(result.energy.avgGpuWatts, 6);
    expect(Number(csv.gpu_energy)).toBeCloseTo((result.energy.gpuWh / 1000) * result.emissions.pue, 12); // kWh with PUE, as CodeCarbon
    // one streamed reading per GPU in the samples
    const withGpu = samples.split('\n').filter((l) => l.includes('"gpu":['));
    expect(withGpu.length).toBeGreaterThan(3);
    expect((JSON.parse(withGpu[1]) as { gpu: unknown[] }).gpu).toHaveLength(2);
  });

  it('N/A power: the GPU is modelled from utilisation and the warning says so', async () => {
    const { result, csv } = await runJob(newJob({ gpu: 'auto' }, withFakes({ FAKE_NVIDIA_SMI_POWER: 'NA' })), 1500);
    expect(result.energy.gpuCount).toBe(1);
    expect(result.energy.gpu).toBe('modelled');
    expect(result.energy.gpuWh).toBeGreaterThan(0);
    expect(Number(csv.gpu_energy)).toBeGreaterThan(0);
    expect(result.quality.warnings.join('\n')).toMatch(/no power draw for GPU 0 \(Tesla T4\)/);
  });

  it('no GPU tool on PATH: no GPU columns filled, the job still passes', async () => {
    const { result, csv } = await runJob(newJob({ gpu: 'auto' }, { PATH: path.dirname(NODE) + path.delimiter + '/usr/bin:/bin' }), 800);
    expect(result.energy.gpuCount).toBe(0);
    expect(result.energy.gpu).toBe('none');
    expect(Number(csv.gpu_count)).toBe(0);
  });

  it('RAPL readable: CPU and RAM are measured (idle floor + the tree share of the package, all DRAM)', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-e2e-sysfs-'));
    const pkg = path.join(root, 'class', 'powercap', 'intel-rapl:0');
    const dram = path.join(pkg, '..', 'intel-rapl:0:0');
    for (const [dir, name] of [
      [pkg, 'package-0'],
      [dram, 'dram'],
    ]) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'name'), `${name}\n`);
      fs.writeFileSync(path.join(dir, 'max_energy_range_uj'), '262143328850\n');
      fs.writeFileSync(path.join(dir, 'energy_uj'), '262000000000\n'); // close to the wrap
    }
    // 100 W package, 5 W DRAM, advanced every 50 ms by a writer standing in for the kernel
    let pkgUj = 262000000000;
    let dramUj = 262000000000;
    const writer = setInterval(() => {
      pkgUj = (pkgUj + 5_000_000) % 262143328850;
      dramUj = (dramUj + 250_000) % 262143328850;
      // write-and-rename: a sysfs read is atomic, a plain rewrite of a file is not
      for (const [dir, uj] of [
        [pkg, pkgUj],
        [dram, dramUj],
      ] as const) {
        fs.writeFileSync(path.join(dir, 'energy_uj.tmp'), `${uj}\n`);
        fs.renameSync(path.join(dir, 'energy_uj.tmp'), path.join(dir, 'energy_uj'));
      }
    }, 50);
    try {
      const { result, summary } = await runJob(newJob({ gpu: 'off', rapl: 'true' }, { CARBON_GATE_SYSFS_ROOT: root }), 1500);
      expect(result.energy.cpu).toBe('measured');
      expect(result.energy.ram).toBe('measured');
      expect(summary).toMatch(/measured \(RAPL package\)/);
      expect(summary).toMatch(/measured \(RAPL DRAM\)/);
      // the tree's share of 100 W can never exceed 100 W, the wrap (after ≈1.4 s) must not show up as a spike.
      // The writer's steps are at least 50 ms apart, so a window of d seconds holds at most d / 0.05 + 1 of
      // them: one 5 J step more than nominal (+0.84 W once, in a clean-clone run, on a 6 s window).
      expect(result.energy.avgCpuWatts).toBeGreaterThanOrEqual(0);
      expect(result.energy.avgCpuWatts).toBeLessThanOrEqual(100 + 5 / result.energy.durationSeconds + 1e-9);
      expect(result.energy.durationSeconds).toBeGreaterThan(1);
      // all DRAM is charged (METHODOLOGY §1); the writer advances in 50 ms steps, so one step more than
      // the nominal 5 W can fall inside the measured window
      expect(result.energy.avgRamWatts).toBeLessThanOrEqual(5.5);
      expect(pkgUj).toBeLessThan(262000000000); // the package counter did wrap while the job ran
    } finally {
      clearInterval(writer);
    }
  });
});
