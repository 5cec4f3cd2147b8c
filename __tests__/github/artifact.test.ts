// The artifact adapter with the REAL @actions/artifact client against the results-service stand-in and
// Azurite; the artifact is then listed and downloaded with the same real client.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAzurite, type Azurite } from '../helpers/standins/azurite.js';
import { startResultsService, type ResultsService } from '../helpers/standins/results-service.js';
import { applyJobEnv, emulateJob, type EmulatedJob } from '../helpers/standins/job-env.js';
import { readJobContext } from '../../src/github/context.js';
import { artifactName, commonDir, uploadReportArtifact } from '../../src/github/artifact.js';

let azurite: Azurite;
let results: ResultsService;
const settings = { artifact: true, artifactName: null, artifactRetentionDays: 7 };
const contents = {
  emissionsCsv: 'timestamp,project_name,run_id,duration,emissions,energy_consumed\n2026-11-20T12:00:00Z,octo/repo,4242,60.5,0.00012,0.00018\n',
  samplesCsv: 't_s,cpu_watts\n0,4.1\n1,4.3\n',
  json: JSON.stringify({ tool: 'carbon-gate', totalWh: 0.18 }),
};

/** A run directory of its own holding the three files (and one that must not be uploaded); their paths. */
function runDirFiles(): { emissionsCsv: string; samplesCsv: string; json: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'cg-art-'));
  const files = { emissionsCsv: path.join(dir, 'emissions.csv'), samplesCsv: path.join(dir, 'samples.csv'), json: path.join(dir, 'carbon-gate.json') };
  writeFileSync(files.emissionsCsv, contents.emissionsCsv);
  writeFileSync(files.samplesCsv, contents.samplesCsv);
  writeFileSync(files.json, contents.json);
  writeFileSync(path.join(dir, 'samples.jsonl'), '{}\n');
  return files;
}

beforeAll(async () => {
  azurite = await startAzurite();
  results = await startResultsService({ azurite });
}, 40_000);

afterAll(async () => {
  await results?.stop();
  await azurite?.stop();
});

function job(j: Omit<EmulatedJob, 'resultsUrl'>) {
  applyJobEnv(emulateJob({ resultsUrl: results.url, ...j }));
  return readJobContext({ baselineKey: null, jobName: null });
}

function parseCsv(text: string): Array<Record<string, string>> {
  const [head, ...rows] = text.trim().split('\n');
  const cols = head!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [cols[i]!, v])));
}

describe('artifact names', () => {
  test('default, explicit, forbidden characters and re-run attempts', () => {
    expect(artifactName({ job: 'build', legKey: 'default', runAttempt: 1 }, { artifactName: null })).toBe('carbon-gate-build-default');
    expect(artifactName({ job: 'build', legKey: 'm0123456789', runAttempt: 3 }, { artifactName: null })).toBe('carbon-gate-build-m0123456789-attempt3');
    expect(artifactName({ job: 'a/b:c', legKey: 'default', runAttempt: 1 }, { artifactName: null })).toBe('carbon-gate-a_b_c-default');
    expect(artifactName({ job: 'x', legKey: 'default', runAttempt: 2 }, { artifactName: 'mine' })).toBe('mine-attempt2');
  });

  test('the artifact root is the deepest directory holding every file', () => {
    expect(commonDir(['/a/run/x.csv', '/a/run/y.json'])).toBe('/a/run');
    expect(commonDir(['/a/run/x.csv', '/a/other/y.json'])).toBe('/a');
    expect(commonDir(['/x.csv', '/b/y.json'])).toBe('/');
  });
});

describe('real artifact client against the stand-in', () => {
  test('uploads the three files; the artifact is listed, downloads, and its CSV parses', async () => {
    const ctx = job({ runId: 1001 });
    const out = await uploadReportArtifact(runDirFiles(), ctx, settings, { timeoutMs: 30_000 });
    expect(out).toMatchObject({ uploaded: true, name: 'carbon-gate-build-default' });
    expect(out.warning).toBeUndefined();
    const stored = results.state.artifacts.find((a) => a.name === 'carbon-gate-build-default');
    expect(stored?.finalized).toBe(true);
    // Retention reached the service as an expiry about 7 days ahead.
    const days = (Date.parse(stored!.expiresAt!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);

    const { DefaultArtifactClient } = await import('@actions/artifact');
    const client = new DefaultArtifactClient();
    const { artifacts } = await client.listArtifacts();
    expect(artifacts.map((a) => a.name)).toContain('carbon-gate-build-default');
    const mine = artifacts.find((a) => a.name === 'carbon-gate-build-default')!;
    expect(mine.id).toBe(out.id);
    const dest = mkdtempSync(path.join(tmpdir(), 'cg-dl-'));
    await client.downloadArtifact(mine.id, { path: dest });
    expect(readdirSync(dest).sort()).toEqual(['carbon-gate.json', 'emissions.csv', 'samples.csv']);
    const rows = parseCsv(readFileSync(path.join(dest, 'emissions.csv'), 'utf8'));
    expect(rows).toEqual([{ timestamp: '2026-11-20T12:00:00Z', project_name: 'octo/repo', run_id: '4242', duration: '60.5', emissions: '0.00012', energy_consumed: '0.00018' }]);
    expect(JSON.parse(readFileSync(path.join(dest, 'carbon-gate.json'), 'utf8'))).toEqual({ tool: 'carbon-gate', totalWh: 0.18 });
  });

  test('a second upload of the same name in the same run is a 409 warning, not a throw', async () => {
    expect(await uploadReportArtifact(runDirFiles(), job({ runId: 1005 }), settings, { timeoutMs: 30_000 })).toMatchObject({ uploaded: true });
    const ctx = job({ runId: 1005, jobBackendId: 'other-job' });
    const out = await uploadReportArtifact(runDirFiles(), ctx, settings, { timeoutMs: 30_000 });
    expect(out.uploaded).toBe(false);
    expect(out.warning).toContain('409');
    expect(out.warning).toContain('artifact-name');
  });

  test('a re-run (attempt 2) gets its own name and uploads', async () => {
    expect(await uploadReportArtifact(runDirFiles(), job({ runId: 1006 }), settings, { timeoutMs: 30_000 })).toMatchObject({ uploaded: true });
    const ctx = job({ runId: 1006, runAttempt: 2 });
    const out = await uploadReportArtifact(runDirFiles(), ctx, settings, { timeoutMs: 30_000 });
    expect(out).toMatchObject({ uploaded: true, name: 'carbon-gate-build-default-attempt2' });
  });

  test('artifact: false uploads nothing', async () => {
    const ctx = job({ runId: 1002 });
    const calls = results.state.calls.length;
    const out = await uploadReportArtifact(runDirFiles(), ctx, { ...settings, artifact: false }, { timeoutMs: 30_000 });
    expect(out.uploaded).toBe(false);
    expect(out.warning).toBeUndefined();
    expect(results.state.calls.length).toBe(calls);
  });

  test('a failing service becomes a warning within our timeout', async () => {
    const ctx = job({ runId: 1003 });
    results.setFailure('http-500', ['artifact']);
    try {
      const t0 = Date.now();
      const out = await uploadReportArtifact(runDirFiles(), ctx, settings, { timeoutMs: 2_000 });
      expect(Date.now() - t0).toBeLessThan(6_000);
      expect(out).toMatchObject({ uploaded: false });
      expect(out.warning).toContain('timed out after 2 s');
    } finally {
      results.setFailure('none');
    }
  });

  test('no runtime token: a warning naming the cause', async () => {
    const ctx = job({ runId: 1004 });
    delete process.env.ACTIONS_RUNTIME_TOKEN;
    const out = await uploadReportArtifact(runDirFiles(), ctx, settings, { timeoutMs: 5_000 });
    expect(out.uploaded).toBe(false);
    expect(out.warning).toContain('ACTIONS_RUNTIME_TOKEN');
  });
});
