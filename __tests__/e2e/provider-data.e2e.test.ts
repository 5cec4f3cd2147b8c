// Providers as data, through the bundled dist/: a made-up provider (__tests__/fixtures/provider-acme: a
// row in cloud-providers.csv with PUE 1.4, regions north-1 at 200 and south-2 at 600 gCO2e/kWh, a
// coefficient row and an instance file) is added to a copy of data/, CARBON_GATE_DATA_DIR points at it,
// and a real workload is measured with `region: acme:<region>`: by the action (pre, main, workload,
// post with the runner's env and file commands) and by the CLI. No source file knows "acme".
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmulatedJob, NODE, ROOT, runWorkload } from '../helpers/action-runner.js';
import { dataDirWith } from '../helpers/fixture-data.js';
import { parseCsvRows } from '../../src/core/csv.js';
import type { RunResult } from '../../src/core/types.js';

const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
let dataDir = '';
let tmp = '';
const jobs: EmulatedJob[] = [];

beforeAll(() => {
  dataDir = dataDirWith('provider-acme');
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cg-provider-'));
});
afterAll(() => {
  jobs.forEach((j) => j.cleanup());
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
});

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const BURN = `node -e "let x=0;while(process.cpuUsage().user<3e5){for(let i=0;i<1e5;i++)x+=Math.sqrt(x+i)}"`;

describe('a provider added as data (dist/)', () => {
  test('action: region acme:north-1 + instance std.large → the fixture PUE 1.4, its instance row and 200 gCO2e/kWh', async () => {
    const job = new EmulatedJob({
      inputs: { 'sample-interval': '0.25', region: 'acme:north-1', 'instance-type': 'std.large', baseline: 'false', comment: 'never', artifact: 'false' },
      env: { CARBON_GATE_DATA_DIR: dataDir, RUNNER_ENVIRONMENT: 'self-hosted' },
    });
    jobs.push(job);
    const pre = await job.run('pre');
    expect([pre.code, pre.errors]).toEqual([0, []]);
    expect((await job.run('main')).code).toBe(0);
    await runWorkload({ burnSeconds: 0.3, shortLived: 5 });
    const post = await job.run('post');
    expect(post.code).toBe(0);
    const jsonPath = path.join(job.state['run-dir']!, 'carbon-gate.json');
    if (!existsSync(jsonPath)) throw new Error(`post wrote no carbon-gate.json: ${post.stderr.slice(0, 2000)}`);
    const r = JSON.parse(readFileSync(jsonPath, 'utf8')) as RunResult;
    expect([r.model.provider, r.model.instanceType, r.model.pue]).toEqual(['acme', 'std.large', 1.4]);
    // the fixture's coefficient row: 0.3 / 1.5 W per vCPU × 2 vCPU; memory rule 'all': 8 GB
    expect(r.model.cpu).toEqual({ kind: 'linear', idleWatts: 0.6, maxWatts: 3 });
    expect(r.model.embodied).toEqual(expect.objectContaining({ totalKgCo2e: 800, instanceVcpus: 2, familyMaxVcpus: 8 }));
    expect([r.emissions.intensity.gCo2ePerKwh, r.emissions.intensity.location, r.emissions.pue]).toEqual([200, 'acme:north-1', 1.4]);
    expect(r.emissions.intensity.place).toEqual(expect.objectContaining({ cloudProvider: 'acme', cloudRegion: 'north-1' }));
    expect(r.energy.totalWh).toBeGreaterThan(0);
    expect(r.emissions.operationalGCo2e).toBeCloseTo((r.energy.totalWh / 1000) * 1.4 * 200, 9);
    expect(post.summary).toMatch(/acme:north-1/);
    expect(post.summary).toMatch(/Acme Cloud std\.large/);
  });

  test('CLI: --region acme:south-2 → the provider model at PUE 1.4 and 600 gCO2e/kWh', async () => {
    const out = path.join(tmp, 'south');
    const r = await cli(['run', '--interval', '0.25', '--region', 'acme:south-2', '--format', 'json', '--out', out, '--', 'bash', '-c', BURN], { CARBON_GATE_DATA_DIR: dataDir });
    expect([r.code, r.stderr.match(/carbon-gate: Input .*/)?.[0] ?? '']).toEqual([0, '']);
    const result = JSON.parse(readFileSync(path.join(out, 'carbon-gate.json'), 'utf8')) as RunResult;
    expect([result.model.provider, result.model.pue, result.emissions.intensity.gCo2ePerKwh, result.emissions.intensity.location]).toEqual(['acme', 1.4, 600, 'acme:south-2']);
    expect(result.emissions.operationalGCo2e).toBeCloseTo((result.energy.totalWh / 1000) * 1.4 * 600, 9);
    // CodeCarbon's location columns from the fixture row (country_iso3 FRA), not from any label
    const [header, row] = parseCsvRows(readFileSync(path.join(out, 'emissions.csv'), 'utf8'));
    const col = (name: string): string => row[header.indexOf(name)];
    expect([col('cloud_provider'), col('cloud_region'), col('country_iso_code'), col('country_name'), col('on_cloud')]).toEqual(['acme', 'south-2', 'FRA', 'France', 'Y']);
  });

  test('CLI with a data directory whose provider row does not load: an input error on CARBON_GATE_DATA_DIR naming the file and row', async () => {
    const bad = dataDirWith('provider-acme');
    try {
      const file = path.join(bad, 'cloud-providers.csv');
      writeFileSync(file, readFileSync(file, 'utf8').replace('acme,Acme Cloud,1.4,', 'acme,Acme Cloud,high,'));
      const r = await cli(['run', '--region', 'acme:south-2', '--', 'true'], { CARBON_GATE_DATA_DIR: bad });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`carbon-gate: Input 'CARBON_GATE_DATA_DIR' has the value ${JSON.stringify(bad)}; accepted: a copy of data/ whose tables load (data/cloud-providers.csv: acme pue is not a number: "high").`);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });

  test('CLI on the shipped data: the same region is an input error naming the providers of the data', async () => {
    const r = await cli(['run', '--region', 'acme:south-2', '--', 'true']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`carbon-gate: Input 'region' has the value "acme:south-2"; accepted: a region of data/cloud-grid-factors.csv as 'provider:region', with a provider of data/cloud-providers.csv ('aws', 'azure', 'gcp').`);
  });
});
