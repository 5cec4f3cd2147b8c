// The exported series of one job (pure), their Pushgateway path and their text exposition.
import { describe, expect, test } from '@jest/globals';
import { groupingPath, jobSeries } from '../../src/core/export/series.js';
import { destination } from '../../src/export/credentials.js';
import { exposition } from '../../src/export/pushgateway.js';
import { matrixKey } from '../../src/github/context.js';
import { baselineRecord, runResult } from '../helpers/run-result-fixture.js';

const opts = { extraLabels: {}, runId: false };

/** name{labels} value lines of a text exposition, as [name, labels, value]. */
function samples(text: string): Array<[string, Record<string, string>, number]> {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const m = /^(\w+)\{(.*)\} (\S+)$/.exec(l);
      if (!m) throw new Error(`unparsed line ${l}`);
      const labels = Object.fromEntries([...m[2].matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
      return [m[1], labels, Number(m[3])];
    });
}

describe('jobSeries', () => {
  test('one value per metric from the result, with the job labels', () => {
    const s = jobSeries(runResult({ job: { event: 'pull_request', matrixKey: 'node=20,os=ubuntu', key: 'k', label: 'test' } }), opts);
    const values = Object.fromEntries(s.metrics.flatMap((m) => m.points.map((p) => [`${m.name}${JSON.stringify(p.labels)}`, p.value])));
    expect(values).toEqual({
      'carbon_gate_emissions_grams{"scope":"operational"}': 0.1,
      'carbon_gate_emissions_grams{"scope":"embodied"}': 0.02,
      'carbon_gate_energy_watt_hours{}': 0.18,
      'carbon_gate_cpu_seconds{}': 108,
      'carbon_gate_duration_seconds{}': 60,
      'carbon_gate_verdict{"verdict":"pass"}': 1,
      'carbon_gate_verdict{"verdict":"warn"}': 0,
      'carbon_gate_verdict{"verdict":"fail"}': 0,
    });
    expect(s.labels).toEqual({
      job: 'test',
      repository: 'octo/repo',
      workflow: 'CI',
      matrix_key: 'node=20,os=ubuntu',
      ref: 'refs/pull/7/merge',
      event: 'pull_request',
      runner_os: 'linux',
      runner_arch: 'x64',
      region: 'world',
      model: 'ccf',
    });
    expect(s.grouping).toEqual([
      ['job', 'test'],
      ['repository', 'octo/repo'],
      ['workflow', 'CI'],
      ['matrix_key', 'node=20,os=ubuntu'],
    ]);
  });

  test('budget and baseline median appear when the result has them', () => {
    const r = runResult({
      verdict: { status: 'warn', failBuild: false, headline: 'h', reasons: [], budget: [{ metric: 'gco2e', limit: 5, actual: 0.12, exceeded: false }, { metric: 'energy-wh', limit: 9, actual: 0.18, exceeded: false }] },
      baseline: { status: 'found', records: [baselineRecord(1, 0.3), baselineRecord(2, 0.1), baselineRecord(3, 0.2)] },
    });
    const byName = Object.fromEntries(jobSeries(r, opts).metrics.map((m) => [m.name, m.points]));
    expect(byName.carbon_gate_budget_grams).toEqual([{ labels: {}, value: 5 }]);
    expect(byName.carbon_gate_baseline_median_grams).toEqual([{ labels: {}, value: 0.2 }]);
    expect(byName.carbon_gate_verdict.find((p) => p.value === 1)?.labels).toEqual({ verdict: 'warn' });
  });

  test('export-labels are added; run_id only when asked, with the attempt after a re-run', () => {
    const r = runResult({ job: { runAttempt: 2, key: 'k', label: 'test' } });
    expect(jobSeries(r, { extraLabels: { team: 'pay' }, runId: false }).labels).toMatchObject({ team: 'pay' });
    expect(jobSeries(r, opts).labels.run_id).toBeUndefined();
    expect(jobSeries(r, { extraLabels: {}, runId: true }).labels.run_id).toBe('4242/2');
  });
});

describe('groupingPath', () => {
  test('values with / or empty go base64url-encoded as <label>@base64/<value>', () => {
    expect(
      groupingPath([
        ['job', 'unit tests'],
        ['repository', 'octo/repo'],
        ['workflow', 'CI'],
        ['matrix_key', ''],
      ]),
    ).toBe('/metrics/job/unit%20tests/repository@base64/b2N0by9yZXBv/workflow/CI/matrix_key@base64/=');
    expect(groupingPath([['matrix_key', 'os=ubuntu,node=20/x']])).toBe('/metrics/matrix_key@base64/b3M9dWJ1bnR1LG5vZGU9MjAveA');
  });
});

describe('exposition (prom-client Registry)', () => {
  test('every point as a gauge line, without the grouping labels (the path carries them)', async () => {
    const set = jobSeries(runResult({ job: { event: 'push', key: 'k', label: 'test' } }), { extraLabels: { team: 'a"b' }, runId: false });
    const { body, contentType, series } = await exposition(set);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(series).toBe(8);
    expect(body).toContain('# TYPE carbon_gate_emissions_grams gauge');
    const lines = samples(body);
    expect(lines).toHaveLength(8);
    for (const [, labels] of lines) {
      expect(Object.keys(labels)).not.toEqual(expect.arrayContaining(['job']));
      expect(labels.repository).toBeUndefined();
      expect(labels.team).toBe('a\\"b');
      expect(labels.event).toBe('push');
    }
    const op = lines.find(([n, l]) => n === 'carbon_gate_emissions_grams' && l.scope === 'operational');
    expect(op?.[2]).toBe(0.1);
  });
});

describe('matrixKey', () => {
  test('sorted key=value pairs; nested values as canonical JSON; empty without a matrix', () => {
    expect(matrixKey({ os: 'ubuntu', node: 20 })).toBe('node=20,os=ubuntu');
    expect(matrixKey({ cfg: { b: 1, a: [2] } })).toBe('cfg={"a":[2],"b":1}');
    expect(matrixKey(null)).toBe('');
  });
});

describe('destination', () => {
  test('user:password in the URL becomes Basic auth; every secret is listed for masking', () => {
    const d = destination('https://alice:p%40ss@pg.example.com/base', { 'X-Api-Key': 'k-123', Authorization2: 'Bearer tok-456' });
    expect(d.url).toBe('https://pg.example.com/base');
    expect(d.headers.Authorization).toBe(`Basic ${Buffer.from('alice:p@ss').toString('base64')}`);
    expect(d.secrets).toEqual(expect.arrayContaining(['p@ss', 'p%40ss', 'k-123', 'Bearer tok-456', 'tok-456', 'https://alice:p%40ss@pg.example.com/base']));
  });

  test('an explicit Authorization header wins over URL credentials', () => {
    expect(destination('http://u:p@h:1', { Authorization: 'Bearer x1' }).headers.Authorization).toBe('Bearer x1');
  });
});
