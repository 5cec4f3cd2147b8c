// Acceptance of the OTLP export and of secret handling, through dist/ in the runner emulation: a
// loopback OTLP/HTTP receiver decodes the protobuf request with the OpenTelemetry proto definitions.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RunResult } from '../../src/core/types.js';
import { EmulatedJob, runWorkload, type StepResult } from '../helpers/action-runner.js';
import { attrs, startReceiver, type OtlpMetric, type Receiver } from '../helpers/standins/otlp-receiver.js';

let receiver: Receiver;
const jobs: EmulatedJob[] = [];

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  jobs.forEach((j) => j.cleanup());
  await receiver?.close();
});

async function runJob(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<{ job: EmulatedJob; post: StepResult; pre: StepResult; result: RunResult }> {
  const job = new EmulatedJob({
    inputs: { 'sample-interval': '0.25', baseline: 'false', artifact: 'false', comment: 'never', 'carbon-intensity': '300', ...inputs },
    env: { GITHUB_RUN_ID: '777', ...env },
  });
  jobs.push(job);
  const pre = await job.run('pre');
  expect(pre.code).toBe(0);
  await runWorkload({ burnSeconds: 0.3, shortLived: 5 });
  const post = await job.run('post');
  expect(post.code).toBe(0);
  const result = JSON.parse(readFileSync(path.join(job.state['run-dir'], 'carbon-gate.json'), 'utf8')) as RunResult;
  return { job, post, pre, result };
}

const value = (p: { asDouble?: number; asInt?: string }): number => p.asDouble ?? Number(p.asInt);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('OTLP export to a loopback OTLP/HTTP receiver', () => {
  it('sends one protobuf request holding every metric with its resource attributes', async () => {
    const before = receiver.received.length;
    const { post, result } = await runJob({ 'otlp-endpoint': receiver.url, 'otlp-headers': 'x-tenant: acme', 'budget-gco2e': '1000', 'export-labels': 'team=payments' });
    expect(post.warnings.filter((w) => /export|OTLP/i.test(w))).toEqual([]);
    const reqs = receiver.received.slice(before);
    expect(reqs).toHaveLength(1);
    const req = reqs[0];
    expect(req.url).toBe('/v1/metrics');
    expect(req.headers['content-type']).toBe('application/x-protobuf');
    expect(req.headers['x-tenant']).toBe('acme');

    const rm = req.otlp!.resourceMetrics;
    expect(rm).toHaveLength(1);
    expect(attrs(rm[0].resource?.attributes)).toEqual({
      'service.name': 'carbon-gate',
      'service.version': result.tool.version,
      'cicd.pipeline.name': 'ci',
      'cicd.pipeline.task.name': 'build',
      'vcs.repository.url.full': 'https://github.com/acme/widgets',
      'vcs.repository.name': 'widgets',
      'vcs.provider.name': 'github',
      'vcs.ref.head.name': 'main',
      'vcs.ref.head.type': 'branch',
      'vcs.ref.head.revision': '0123456789abcdef0123456789abcdef01234567',
    });
    const metrics: OtlpMetric[] = rm[0].scopeMetrics.flatMap((s) => s.metrics);
    const byName = Object.fromEntries(metrics.map((m) => [m.name, m]));
    expect(Object.keys(byName).sort()).toEqual([
      'carbon_gate_budget_grams',
      'carbon_gate_cpu_seconds',
      'carbon_gate_duration_seconds',
      'carbon_gate_emissions_grams',
      'carbon_gate_energy_watt_hours',
      'carbon_gate_verdict',
    ]);

    // Amounts are monotonic delta sums (1 = AGGREGATION_TEMPORALITY_DELTA), levels are gauges.
    for (const n of ['carbon_gate_emissions_grams', 'carbon_gate_energy_watt_hours', 'carbon_gate_cpu_seconds', 'carbon_gate_duration_seconds']) {
      expect([n, byName[n].sum?.aggregationTemporality, byName[n].sum?.isMonotonic]).toEqual([n, 1, true]);
    }
    const em = byName.carbon_gate_emissions_grams.sum!.dataPoints;
    const byScope = Object.fromEntries(em.map((p) => [attrs(p.attributes).scope, value(p)]));
    expect(byScope).toEqual({ operational: result.emissions.operationalGCo2e, embodied: result.emissions.embodiedGCo2e });
    expect(value(byName.carbon_gate_energy_watt_hours.sum!.dataPoints[0])).toBe(result.energy.totalWh);
    expect(value(byName.carbon_gate_budget_grams.gauge!.dataPoints[0])).toBe(1000);
    const verdicts = Object.fromEntries(byName.carbon_gate_verdict.gauge!.dataPoints.map((p) => [attrs(p.attributes).verdict, value(p)]));
    expect(verdicts).toEqual({ pass: 1, warn: 0, fail: 0 });
    // The Prometheus labels ride on every data point, so a Collector → Prometheus path keeps them.
    expect(attrs(em[0].attributes)).toMatchObject({ repository: 'acme/widgets', workflow: 'ci', job: 'build', matrix_key: '', event: 'push', region: 'input', team: 'payments' });
    expect(attrs(em[0].attributes).run_id).toBeUndefined();
  }, 120000);

  it('adds the run id (resource and label) only with export-run-id', async () => {
    const before = receiver.received.length;
    await runJob({ 'otlp-endpoint': receiver.url, 'export-run-id': 'true' });
    const req = receiver.received.slice(before).find((r) => r.otlp)!;
    const res = attrs(req.otlp!.resourceMetrics[0].resource?.attributes);
    expect(res['cicd.pipeline.run.id']).toBe('777');
    expect(res['cicd.pipeline.run.url.full']).toBe('https://github.com/acme/widgets/actions/runs/777');
    const point = req.otlp!.resourceMetrics[0].scopeMetrics[0].metrics[0];
    expect(attrs((point.sum ?? point.gauge)!.dataPoints[0].attributes).run_id).toBe('777');
  }, 120000);
});

describe('secrets', () => {
  it('an Authorization header value and URL credentials never appear in logs, summary or files', async () => {
    const token = 'tok-9f3a7c1e5b2d4068';
    const password = 'pw-51c7e0a9d3';
    const before = receiver.received.length;
    const pgUrl = receiver.url.replace('http://', `http://carbon:${password}@`);
    const { job, pre, post } = await runJob({
      'otlp-endpoint': receiver.url,
      'otlp-headers': `Authorization: Bearer ${token}`,
      'prometheus-pushgateway-url': pgUrl,
      'prometheus-pushgateway-headers': `X-Api-Key: ${token}`,
    });
    // Both reached the receiver with their credentials…
    const reqs = receiver.received.slice(before);
    expect(reqs.find((r) => r.otlp)?.headers.authorization).toBe(`Bearer ${token}`);
    const put = reqs.find((r) => r.method === 'PUT');
    expect(put?.url).toBe('/metrics/job/build/repository@base64/YWNtZS93aWRnZXRz/workflow/ci/matrix_key@base64/=');
    expect(put?.headers.authorization).toBe(`Basic ${Buffer.from(`carbon:${password}`).toString('base64')}`);
    expect(put?.headers['x-api-key']).toBe(token);

    // …were registered with the runner as secrets (the runner consumes ::add-mask:: lines, never shows them)…
    const masks = post.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'));
    expect(masks).toEqual(expect.arrayContaining([`::add-mask::Bearer ${token}`, `::add-mask::${token}`, `::add-mask::${password}`]));
    // …and appear nowhere else: logs of every step, the summary, every file of the job (run directory
    // and its artifact files: emissions.csv, samples.csv, carbon-gate.json, summary.md, run.json).
    const logs = [pre.stdout, pre.stderr, post.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n'), post.stderr, post.summary];
    const files = filesUnder(job.temp).map((f) => readFileSync(f, 'latin1'));
    const basic = Buffer.from(`carbon:${password}`).toString('base64');
    for (const secret of [token, password, basic]) {
      for (const text of [...logs, ...files]) expect(text.includes(secret)).toBe(false);
    }
    expect(files.length).toBeGreaterThan(5);
  }, 120000);
});
