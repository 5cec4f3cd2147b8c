// The baseline adapter with the REAL @actions/cache client against the results-service stand-in and
// Azurite, both started here.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { startAzurite, type Azurite } from '../helpers/standins/azurite.js';
import { startResultsService, type ResultsService } from '../helpers/standins/results-service.js';
import { applyJobEnv, emulateJob, type EmulatedJob } from '../helpers/standins/job-env.js';
import { readJobContext } from '../../src/github/context.js';
import { baselineCacheKey, baselinePrefix, keyPart, restoreBaselineWindow, saveBaselineWindow, saveDecision } from '../../src/github/baseline.js';
import { baselineRecord } from '../helpers/run-result-fixture.js';

let azurite: Azurite;
let results: ResultsService;
const settings = { baseline: true, baselineBranches: ['release'], baselineWindow: 3 };
const opts = { timeoutMs: 20_000 };

beforeAll(async () => {
  azurite = await startAzurite();
}, 40_000);
afterAll(async () => {
  await azurite?.stop();
});
// Every test builds its own state: a fresh results service (its own cache entries) per test.
beforeEach(async () => {
  results = await startResultsService({ azurite });
});
afterEach(async () => {
  await results?.stop();
});

/** Saves one record per run id from pushes on main, as a default branch would have. */
async function seedMain(runIds: number[], jobName?: string): Promise<void> {
  for (const [i, runId] of runIds.entries()) {
    const ctx = job({ runId, ...(jobName ? { job: jobName } : {}) });
    const { records } = await restoreBaselineWindow(ctx, settings, opts);
    expect((await saveBaselineWindow(ctx, settings, baselineRecord(i + 1, 1 + i / 10, { runId: String(runId) }), records, opts)).saved).toBe(true);
  }
}

function job(j: Omit<EmulatedJob, 'resultsUrl'>) {
  const e = emulateJob({ resultsUrl: results.url, ...j });
  applyJobEnv(e);
  return readJobContext({ baselineKey: null, jobName: null });
}

describe('keys', () => {
  test('parts are sanitised so that "-" only separates parts', () => {
    expect(keyPart('build')).toBe('build');
    expect(keyPart('my-job')).not.toContain('-');
    expect(keyPart('a,b')).not.toContain(',');
    expect(keyPart('x'.repeat(300)).length).toBeLessThanOrEqual(40);
    expect(keyPart('a-b')).not.toBe(keyPart('a_b'));
    const ctx = { workflow: 'CI / main', job: 'test', legKey: 'default', runId: '77', runAttempt: 2 };
    expect(baselineCacheKey(ctx).startsWith(baselinePrefix(ctx))).toBe(true);
    expect(baselineCacheKey(ctx)).toMatch(/^carbon-gate-v1-CI___main_[0-9a-f]{8}-test-default-77-2$/);
  });
});

describe('save policy', () => {
  const base = { eventName: 'push', ref: 'refs/heads/main', isPullRequestRef: false, isPullRequestEvent: false, defaultBranch: 'main' };
  test.each([
    [{}, true, 'default branch'],
    [{ eventName: 'workflow_dispatch' }, true, 'default branch'],
    [{ eventName: 'schedule', defaultBranch: null }, true, 'default branch'],
    [{ ref: 'refs/heads/release' }, true, 'baseline-branches'],
    [{ ref: 'refs/heads/feature' }, false, 'neither'],
    [{ ref: 'refs/tags/v1' }, false, 'only from branches'],
    [{ eventName: 'pull_request', isPullRequestEvent: true, ref: 'refs/pull/3/merge', isPullRequestRef: true }, false, 'pull-request ref'],
    [{ eventName: 'push', ref: 'refs/pull/3/merge', isPullRequestRef: true }, false, 'pull-request ref'],
    [{ eventName: 'pull_request_target', isPullRequestEvent: true }, false, 'pull-request event'],
    [{ eventName: 'merge_group', ref: 'refs/heads/gh-readonly-queue/main/pr-1' }, false, 'not merge_group'],
  ] as Array<[Record<string, unknown>, boolean, string]>)('%p → save %p', (over, save, reason) => {
    const d = saveDecision({ ...base, ...over } as typeof base, settings);
    expect(d.save).toBe(save);
    expect(d.reason).toContain(reason);
  });
  test('baseline: false never saves', () => {
    expect(saveDecision(base, { ...settings, baseline: false }).save).toBe(false);
  });
  test('a PR ref never saves even if listed in baseline-branches', () => {
    const d = saveDecision({ ...base, ref: 'refs/pull/9/merge', isPullRequestRef: true, eventName: 'push' }, { ...settings, baselineBranches: ['pull/9/merge', '9/merge'] });
    expect(d.save).toBe(false);
  });
});

describe('real cache client against the stand-in', () => {
  test('push on main: nothing to restore, then saves; further pushes grow the window up to its size', async () => {
    let ctx = job({ runId: 101 });
    expect(await restoreBaselineWindow(ctx, settings, opts)).toEqual({ records: [], status: 'none' });
    const s1 = await saveBaselineWindow(ctx, settings, baselineRecord(1, 1.0, { runId: '101' }), [], opts);
    expect(s1).toMatchObject({ saved: true, records: 1, key: baselineCacheKey(ctx) });
    expect(results.state.cacheEntries.filter((e) => e.finalized && e.scope === 'refs/heads/main')).toHaveLength(1);

    for (const [i, runId] of [102, 103, 104].entries()) {
      ctx = job({ runId });
      const restored = await restoreBaselineWindow(ctx, settings, opts);
      expect(restored.status).toBe('found');
      expect(restored.records.length).toBe(Math.min(i + 1, 3));
      expect(restored.records[0]!.runId).toBe(String(runId - 1));
      const s = await saveBaselineWindow(ctx, settings, baselineRecord(i + 2, 1.0 + i / 10, { runId: String(runId) }), restored.records, opts);
      expect(s.saved).toBe(true);
      expect(s.records).toBe(Math.min(i + 2, 3));
    }
    // Window of 3, newest first: 104, 103, 102.
    ctx = job({ runId: 105 });
    const w = await restoreBaselineWindow(ctx, settings, opts);
    expect(w.records.map((r) => r.runId)).toEqual(['104', '103', '102']);
  });

  test('a PR restores the default-branch window and never saves, even when it could write its own scope', async () => {
    await seedMain([103, 104]);
    const ctx = job({ runId: 201, eventName: 'pull_request', pr: 7 });
    const before = results.state.cacheEntries.length;
    const w = await restoreBaselineWindow(ctx, settings, opts);
    expect(w.status).toBe('found');
    expect(w.records[0]!.runId).toBe('104');
    const s = await saveBaselineWindow(ctx, settings, baselineRecord(9, 5, { runId: '201' }), w.records, opts);
    expect(s).toMatchObject({ saved: false, failed: false });
    expect(s.reason).toContain('pull-request');
    expect(results.state.cacheEntries.length).toBe(before);
  });

  test('the default branch cannot read entries of a PR scope (stand-in scoping, real client)', async () => {
    // Write an entry from a PR-scoped job with the real client directly, under this job's prefix.
    const { saveCache } = await import('@actions/cache');
    const ctxPr = job({ runId: 301, eventName: 'pull_request', pr: 8, job: 'scoped' });
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(`${process.env.GITHUB_WORKSPACE}/.carbon-gate-baseline`, { recursive: true });
    writeFileSync(`${process.env.GITHUB_WORKSPACE}/.carbon-gate-baseline/baseline.json`, JSON.stringify({ v: 1, tool: 'carbon-gate', jobKey: 'x', records: [baselineRecord(1, 99, { runId: '301' })] }));
    const cwd = process.cwd();
    process.chdir(process.env.GITHUB_WORKSPACE!);
    try {
      expect(await saveCache(['.carbon-gate-baseline/baseline.json'], baselineCacheKey(ctxPr))).toBeGreaterThan(0);
    } finally {
      process.chdir(cwd);
    }
    expect(results.state.cacheEntries.some((e) => e.scope === 'refs/pull/8/merge')).toBe(true);
    // The PR itself sees it...
    expect((await restoreBaselineWindow(job({ runId: 302, eventName: 'pull_request', pr: 8, job: 'scoped' }), settings, opts)).records[0]?.runId).toBe('301');
    // ...main does not.
    expect(await restoreBaselineWindow(job({ runId: 303, job: 'scoped' }), settings, opts)).toEqual({ records: [], status: 'none' });
  });

  test('the same key twice (re-run of a saving attempt) is refused like GitHub: reported as failed, no throw', async () => {
    const ctx = job({ runId: 401, job: 'dup' });
    expect((await saveBaselineWindow(ctx, settings, baselineRecord(1, 1, { runId: '401' }), [], opts)).saved).toBe(true);
    const again = await saveBaselineWindow(ctx, settings, baselineRecord(1, 1, { runId: '401' }), [], opts);
    expect(again.saved).toBe(false);
    expect(again.failed).toBe(true);
    expect(again.reason).toMatch(/another job may be creating this cache/);
    // A second attempt has its own key and succeeds, and the window keeps one record per run.
    const ctx2 = job({ runId: 401, runAttempt: 2, job: 'dup' });
    const w = await restoreBaselineWindow(ctx2, settings, opts);
    const s = await saveBaselineWindow(ctx2, settings, baselineRecord(2, 1.1, { runId: '401', runAttempt: 2 }), w.records, opts);
    expect(s).toMatchObject({ saved: true, records: 1 });
  });

  test('a read-only cache token (untrusted event): the service refuses the write; reported, no throw', async () => {
    const ctx = job({ runId: 451, job: 'ro', cacheReadOnly: true });
    const s = await saveBaselineWindow(ctx, settings, baselineRecord(1, 1, { runId: '451' }), [], opts);
    expect(s).toMatchObject({ saved: false, failed: true });
    expect(s.reason).toContain('cache write denied');
    expect(results.state.cacheEntries.some((e) => e.key.includes('-ro-'))).toBe(false);
  });

  test('matrix legs have separate baselines', async () => {
    const a = emulateJob({ resultsUrl: results.url, runId: 501, job: 'mx', matrix: { os: 'ubuntu', node: 20 } });
    applyJobEnv(a);
    const ctxA = readJobContext({ baselineKey: null, jobName: null });
    expect((await saveBaselineWindow(ctxA, settings, baselineRecord(1, 1, { runId: '501' }), [], opts)).saved).toBe(true);
    applyJobEnv(emulateJob({ resultsUrl: results.url, runId: 502, job: 'mx', matrix: { node: 20, os: 'ubuntu' } }));
    const same = readJobContext({ baselineKey: null, jobName: null });
    expect(same.legKey).toBe(ctxA.legKey);
    expect((await restoreBaselineWindow(same, settings, opts)).status).toBe('found');
    applyJobEnv(emulateJob({ resultsUrl: results.url, runId: 503, job: 'mx', matrix: { node: 22, os: 'ubuntu' } }));
    const other = readJobContext({ baselineKey: null, jobName: null });
    expect(other.legKey).not.toBe(ctxA.legKey);
    expect((await restoreBaselineWindow(other, settings, opts)).status).toBe('none');
  });

  test('baseline: false restores nothing and touches no service', async () => {
    const ctx = job({ runId: 601 });
    const calls = results.state.calls.length;
    expect(await restoreBaselineWindow(ctx, { ...settings, baseline: false }, opts)).toEqual({ records: [], status: 'disabled' });
    expect(results.state.calls.length).toBe(calls);
  });

  test('service answering 500: unavailable within our timeout, no throw', async () => {
    const ctx = job({ runId: 701 });
    results.setFailure('http-500', ['cache']);
    try {
      const t0 = Date.now();
      const r = await restoreBaselineWindow(ctx, settings, { timeoutMs: 4_000 });
      expect(Date.now() - t0).toBeLessThan(8_000);
      expect(r.status).toBe('unavailable');
      expect(r.note).toMatch(/timed out after 4 s|500/);
      const s = await saveBaselineWindow(ctx, settings, baselineRecord(1, 1, { runId: '701' }), [], { timeoutMs: 4_000 });
      expect(s).toMatchObject({ saved: false, failed: true });
    } finally {
      results.setFailure('none');
    }
  }, 30_000);

  test('hanging service: bounded by our timeout', async () => {
    const ctx = job({ runId: 801 });
    results.setFailure('hang', ['cache']);
    try {
      const t0 = Date.now();
      const r = await restoreBaselineWindow(ctx, settings, { timeoutMs: 1_500 });
      expect(Date.now() - t0).toBeLessThan(5_000);
      expect(r).toMatchObject({ status: 'unavailable', note: 'baseline restore timed out after 1.5 s' });
    } finally {
      results.setFailure('none');
    }
  });

  test('no results URL: unavailable with a clear note', async () => {
    const ctx = job({ runId: 901 });
    delete process.env.ACTIONS_RESULTS_URL;
    const r = await restoreBaselineWindow(ctx, settings, opts);
    expect(r.status).toBe('unavailable');
    expect(r.note).toContain('ACTIONS_RESULTS_URL');
  });
});
