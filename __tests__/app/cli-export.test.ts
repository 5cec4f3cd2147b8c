// `carbon-gate export <run-dir>...` in-process: flags through the one settings door, saved results
// sent to a loopback receiver, exit codes.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/app/cli.js';
import { runResult } from '../helpers/run-result-fixture.js';
import { startReceiver, type Receiver } from '../helpers/standins/otlp-receiver.js';

let dir: string;
let receiver: Receiver;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cg-cli-export-'));
  for (const [name, job] of [['a', 'lint'], ['b', 'test']]) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'carbon-gate.json'), JSON.stringify(runResult({ job: { job, key: `CI/${job}/default`, label: job } })));
  }
  receiver = await startReceiver();
  // Load the export modules once up front: in jest's module VM their first import can take seconds on a
  // loaded machine, and that time would count against the 4.5 s export budget of the first push.
  await import('../../src/export/pushgateway.js');
  await import('../../src/export/otlp.js');
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await receiver.close();
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) }, {});
  return { code, out, err };
}

describe('carbon-gate export', () => {
  test('pushes each saved run to both engines; exit 0', async () => {
    const before = receiver.received.length;
    const r = await cli(['export', '--prometheus-pushgateway-url', receiver.url, `--otlp-endpoint=${receiver.url}`, '--export-labels', 'team=x', path.join(dir, 'a'), path.join(dir, 'b')]);
    expect(r.err).not.toMatch(/warning/);
    expect(r.code).toBe(0);
    const got = receiver.received.slice(before);
    expect(got.map((g) => `${g.method} ${g.url}`).sort()).toEqual([
      'POST /v1/metrics',
      'POST /v1/metrics',
      'PUT /metrics/job/lint/repository@base64/b2N0by9yZXBv/workflow/CI/matrix_key@base64/=',
      'PUT /metrics/job/test/repository@base64/b2N0by9yZXBv/workflow/CI/matrix_key@base64/=',
    ]);
    expect(got.find((g) => g.method === 'PUT')!.body.toString()).toMatch(/^carbon_gate_emissions_grams\{.*team="x".*scope="operational".*\} 0\.1$/m);
  });

  test('an unreachable destination: a warning and exit 1', async () => {
    const r = await cli(['export', '--prometheus-pushgateway-url', 'http://127.0.0.1:9', path.join(dir, 'a')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/warning: carbon-gate: could not push to the Pushgateway at http:\/\/127\.0\.0\.1:9/);
  });

  test('bad usage: no destination, no run directory, a directory without carbon-gate.json, a bad flag value', async () => {
    expect((await cli(['export', path.join(dir, 'a')])).err).toMatch(/export needs a destination/);
    expect((await cli(['export', '--otlp-endpoint', receiver.url])).code).toBe(2);
    const missing = await cli(['export', '--otlp-endpoint', receiver.url, dir]);
    expect([missing.code, missing.err.includes('a directory holding carbon-gate.json')]).toEqual([2, true]);
    const bad = await cli(['export', '--otlp-headers', 'no separator s3cret', '--otlp-endpoint', receiver.url, path.join(dir, 'a')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Input 'otlp-headers'/);
    expect(bad.err).not.toContain('s3cret');
  });
});
