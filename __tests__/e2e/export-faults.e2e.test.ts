// The exports' cost and failure modes, through dist/ in the runner emulation:
// - an unreachable endpoint (closed port, or a server that never answers) gives a warning, a passing
//   job, and a post at most 6 s longer than a post without export;
// - post without export loads no chunk holding OpenTelemetry or prom-client (checked with a module
//   loader hook that records every file the ESM loader loads: ncc's chunks load through import()).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EmulatedJob, runWorkload, type StepResult } from '../helpers/action-runner.js';
import { startReceiver, type Receiver } from '../helpers/standins/otlp-receiver.js';
import { freePort } from '../helpers/standins/prometheus.js';

const jobs: EmulatedJob[] = [];
let hanging: Receiver;
let hookDir: string;

beforeAll(async () => {
  hanging = await startReceiver({ hang: true });
  hookDir = mkdtempSync(path.join(os.tmpdir(), 'cg-hook-'));
  writeFileSync(
    path.join(hookDir, 'hooks.mjs'),
    "import { appendFileSync } from 'node:fs';\n" +
      'export async function load(url, context, next) {\n' +
      "  if (process.env.CG_LOAD_LOG && url.startsWith('file:')) appendFileSync(process.env.CG_LOAD_LOG, url + '\\n');\n" +
      '  return next(url, context);\n' +
      '}\n',
  );
  writeFileSync(path.join(hookDir, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
});
afterAll(async () => {
  jobs.forEach((j) => j.cleanup());
  await hanging?.close();
  rmSync(hookDir, { recursive: true, force: true });
});

async function runJob(inputs: Record<string, string>, postEnv: Record<string, string> = {}): Promise<StepResult> {
  const job = new EmulatedJob({ inputs: { 'sample-interval': '0.5', baseline: 'false', artifact: 'false', comment: 'never', ...inputs } });
  jobs.push(job);
  expect((await job.run('pre')).code).toBe(0);
  await runWorkload({ burnSeconds: 0.2, shortLived: 3 });
  const post = await job.run('post', postEnv);
  expect([post.code, post.errors]).toEqual([0, []]);
  return post;
}

describe('unreachable export endpoints', () => {
  it('a closed port and a hanging server: a warning each, a passing job, post ≤ 6 s above a post without export', async () => {
    const plain = await runJob({});
    const closedPort = await freePort();
    const closedUrl = `http://127.0.0.1:${closedPort}`;
    const closed = await runJob({ 'prometheus-pushgateway-url': closedUrl, 'otlp-endpoint': closedUrl });
    const hung = await runJob({ 'prometheus-pushgateway-url': hanging.url, 'otlp-endpoint': hanging.url });

    expect(closed.warnings.filter((w) => /could not push to the Pushgateway/.test(w))).toHaveLength(1);
    expect(closed.warnings.filter((w) => /could not export to the OTLP endpoint/.test(w))).toHaveLength(1);
    expect(closed.warnings.join('\n')).toMatch(/connection refused/);
    expect(hung.warnings.filter((w) => /could not push to the Pushgateway/.test(w))).toHaveLength(1);
    expect(hung.warnings.filter((w) => /could not export to the OTLP endpoint/.test(w))).toHaveLength(1);
    expect(hung.warnings.join('\n')).toMatch(/not failed/);
    // The hanging server did receive both requests: the time went to waiting, bounded.
    expect(hanging.received.map((r) => r.method).sort()).toEqual(['POST', 'PUT']);

    const over = { plainMs: plain.durationMs, closedOverMs: closed.durationMs - plain.durationMs, hungOverMs: hung.durationMs - plain.durationMs };
    console.log(`post durations: ${JSON.stringify(over)}`);
    expect(over.closedOverMs).toBeLessThanOrEqual(6000);
    expect(over.hungOverMs).toBeLessThanOrEqual(6000);
  }, 180000);
});

describe('lazy loading', () => {
  const distPost = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/post');
  const EXPORT_CODE = /node_modules\/(prom-client|@opentelemetry)\//;

  async function loadedFiles(inputs: Record<string, string>): Promise<string[]> {
    const log = path.join(hookDir, `loaded-${jobs.length}.txt`);
    writeFileSync(log, '');
    await runJob(inputs, { NODE_OPTIONS: `--import ${pathToFileURL(path.join(hookDir, 'register.mjs')).href}`, CG_LOAD_LOG: log });
    return [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))].map((u) => fileURLToPath(u));
  }

  it('post without export loads no OpenTelemetry or Prometheus chunk; with export it does', async () => {
    const without = await loadedFiles({});
    expect(without).toContain(path.join(distPost, 'index.js'));
    const withoutExportCode = without.filter((f) => EXPORT_CODE.test(readFileSync(f, 'utf8')));
    expect(withoutExportCode).toEqual([]);

    // The positive control: the same hook sees the export chunks load when an export is configured.
    const receiver = await startReceiver();
    try {
      const withExport = await loadedFiles({ 'prometheus-pushgateway-url': receiver.url, 'otlp-endpoint': receiver.url });
      const chunks = withExport.filter((f) => !without.includes(f));
      const texts = chunks.map((f) => readFileSync(f, 'utf8'));
      expect(chunks.every((f) => path.dirname(f) === distPost)).toBe(true);
      expect(texts.some((t) => /node_modules\/prom-client\//.test(t))).toBe(true);
      expect(texts.some((t) => /node_modules\/@opentelemetry\/sdk-metrics\//.test(t))).toBe(true);
    } finally {
      await receiver.close();
    }
  }, 120000);
});
