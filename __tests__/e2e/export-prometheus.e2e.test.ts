// Acceptance of the Pushgateway export: a real Prometheus Pushgateway and a real Prometheus (Debian
// packages), three jobs of two repositories run through dist/ in the runner emulation, Prometheus
// scrapes the gateway with honor_labels, and the totals it answers equal the jobs' carbon-gate.json.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunResult } from '../../src/core/types.js';
import { EmulatedJob, runWorkload } from '../helpers/action-runner.js';
import { startMetricsStack, type MetricsStack } from '../helpers/standins/prometheus.js';

let stack: MetricsStack;
const jobs: EmulatedJob[] = [];

beforeAll(async () => {
  stack = await startMetricsStack();
}, 90000);

afterAll(async () => {
  jobs.forEach((j) => j.cleanup());
  await stack?.stop();
});

interface JobSpec {
  repository: string;
  job: string;
  matrix?: string;
}

const SPECS: JobSpec[] = [
  { repository: 'acme/widgets', job: 'build' },
  { repository: 'acme/widgets', job: 'test', matrix: '{"os":"ubuntu-latest","node":20}' },
  { repository: 'acme/gadgets', job: 'build' },
];

async function runJob(spec: JobSpec, attempt: number): Promise<RunResult> {
  const job = new EmulatedJob({
    inputs: {
      'sample-interval': '0.25',
      baseline: 'false',
      artifact: 'false',
      comment: 'never',
      'carbon-intensity': '400',
      'prometheus-pushgateway-url': stack.pushgateway.url,
      ...(spec.matrix ? { matrix: spec.matrix } : {}),
    },
    env: { GITHUB_REPOSITORY: spec.repository, GITHUB_JOB: spec.job, GITHUB_RUN_ATTEMPT: String(attempt) },
  });
  jobs.push(job);
  expect((await job.run('pre')).code).toBe(0);
  await runWorkload({ burnSeconds: 0.3, shortLived: 5 });
  const post = await job.run('post');
  expect(post.code).toBe(0);
  expect(post.warnings.filter((w) => /push|export/i.test(w))).toEqual([]);
  expect(post.stdout).toMatch(/pushed 8 series to the Pushgateway/);
  const r = JSON.parse(readFileSync(path.join(job.state['run-dir'], 'carbon-gate.json'), 'utf8')) as RunResult;
  return r;
}

function expectedByRepository(results: RunResult[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of results) out[r.job.repository as string] = (out[r.job.repository as string] ?? 0) + r.emissions.operationalGCo2e + r.emissions.embodiedGCo2e;
  return out;
}

/** push_time_seconds of every group, as the gateway itself exposes them (sorted). */
async function gatewayPushTimes(): Promise<number[]> {
  const text = await (await fetch(`${stack.pushgateway.url}/metrics`)).text();
  return [...text.matchAll(/^push_time_seconds\{[^}]*\} (\S+)$/gm)].map((m) => Number(m[1])).sort();
}

/** Polls (bounded, no fixed sleep) until Prometheus has scraped the gateway's current state: its push times equal the gateway's. */
async function waitForScrape(): Promise<void> {
  const want = await gatewayPushTimes();
  const deadline = Date.now() + 60000;
  let seen: number[] = [];
  while (Date.now() < deadline) {
    seen = (await stack.query('push_time_seconds')).map(([, v]) => v).sort();
    if (seen.length === want.length && seen.every((v, i) => Math.abs(v - want[i]) < 1e-3)) return;
    await sleep(200);
  }
  throw new Error(`Prometheus did not scrape the gateway's groups within 60 s: gateway ${JSON.stringify(want)}, Prometheus ${JSON.stringify(seen)}`);
}

async function gatewayGroups(): Promise<Array<Record<string, string>>> {
  const res = await fetch(`${stack.pushgateway.url}/api/v1/metrics`);
  const body = (await res.json()) as { data: Array<{ labels: Record<string, string> }> };
  return body.data.map((g) => g.labels);
}

describe('export to a real Pushgateway, scraped by a real Prometheus', () => {
  it('sums by repository equal the jobs’ carbon-gate.json; a re-run replaces its own group', async () => {
    const results: RunResult[] = [];
    for (const spec of SPECS) results.push(await runJob(spec, 1));
    for (const r of results) expect(r.emissions.operationalGCo2e + r.emissions.embodiedGCo2e).toBeGreaterThan(0);

    // One group per job, keyed by repository/workflow/job/matrix key.
    const groups = await gatewayGroups();
    expect(groups.map((g) => `${g.repository}|${g.workflow}|${g.job}|${g.matrix_key ?? ''}`).sort()).toEqual([
      'acme/gadgets|ci|build|',
      'acme/widgets|ci|build|',
      'acme/widgets|ci|test|node=20,os=ubuntu-latest',
    ]);

    await waitForScrape();
    const check = async (rs: RunResult[]): Promise<void> => {
      const got = await stack.query('sum by (repository) (carbon_gate_emissions_grams)');
      const want = expectedByRepository(rs);
      expect(got.map(([l]) => l.repository).sort()).toEqual(Object.keys(want).sort());
      for (const [labels, value] of got) {
        const w = want[labels.repository];
        expect(Math.abs(value - w) / w).toBeLessThanOrEqual(1e-9);
      }
    };
    await check(results);

    // The job labels reach Prometheus through honor_labels.
    const one = await stack.query('carbon_gate_emissions_grams{repository="acme/widgets",job="test",scope="operational"}');
    expect(one).toHaveLength(1);
    expect(one[0][0]).toMatchObject({ workflow: 'ci', matrix_key: 'node=20,os=ubuntu-latest', ref: 'refs/heads/main', event: 'push', runner_os: 'linux', region: 'input', model: 'ccf' });

    // Re-run the first job (attempt 2): its group is replaced, nothing is added.
    const rerun = await runJob(SPECS[0], 2);
    expect(rerun.emissions.totalGCo2e).not.toBe(results[0].emissions.totalGCo2e);
    expect(await gatewayGroups()).toHaveLength(3);
    await waitForScrape();
    expect((await stack.query('count(carbon_gate_emissions_grams)'))[0][1]).toBe(6);
    await check([rerun, results[1], results[2]]);
  }, 240000);

  it('every PromQL recipe of docs/export.md and of the Grafana example is accepted by Prometheus', async () => {
    const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
    const doc = readFileSync(path.join(root, 'docs/export.md'), 'utf8');
    const fromDoc = [...doc.matchAll(/```promql\n([\s\S]*?)```/g)].flatMap((m) => m[1].trim().split(/\n\s*\n/));
    const dashboard = JSON.parse(readFileSync(path.join(root, 'examples/grafana-carbon-gate.json'), 'utf8')) as { panels: Array<{ targets: Array<{ expr: string }> }> };
    const fromDashboard = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr.replace(/\$repository/g, '.*')));
    expect(fromDoc.length).toBeGreaterThanOrEqual(8);
    expect(fromDashboard.length).toBeGreaterThanOrEqual(7);
    const refused: string[] = [];
    for (const q of [...fromDoc, ...fromDashboard]) await stack.query(q).catch((e: Error) => refused.push(e.message));
    expect(refused).toEqual([]);
  }, 60000);
});
