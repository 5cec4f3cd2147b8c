// fetchJobSteps with the real Octokit against the REST stand-in: paging, picking this job, 403.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { fetchJobSteps } from '../../src/github/jobs.js';
import { startGitHubApi, type GitHubApi, type StandinWorkflowJob } from '../helpers/standins/github-api.js';

let gh: GitHubApi;
beforeAll(async () => {
  gh = await startGitHubApi();
});
afterAll(async () => gh?.stop());

const job = (id: number, over: Partial<StandinWorkflowJob> = {}): StandinWorkflowJob => ({
  repo: 'octo/repo',
  runId: 55,
  attempt: 2,
  id,
  name: `job ${id}`,
  status: 'completed',
  runner_name: `runner-${id}`,
  steps: [{ name: 'Set up job', number: 1, status: 'completed', conclusion: 'success', started_at: '2026-11-30T09:00:00Z', completed_at: '2026-11-30T09:00:01Z' }],
  ...over,
});

const req = { token: 't0k3n', owner: 'octo', repo: 'repo', runId: '55', runAttempt: 2, timeoutMs: 10_000 };

describe('fetchJobSteps', () => {
  test('finds the in-progress job of this runner across pages and reads its steps', async () => {
    gh.workflowJobs.length = 0;
    for (let i = 1; i <= 130; i++) gh.workflowJobs.push(job(i));
    gh.workflowJobs.push(job(131, { status: 'in_progress', runner_name: 'GitHub Actions 7', steps: [
      { name: 'Run npm test', number: 3, status: 'completed', conclusion: 'success', started_at: '2026-11-30T09:01:02Z', completed_at: '2026-11-30T09:01:09Z' },
      { name: 'Post carbon-gate', number: 6, status: 'in_progress', conclusion: null, started_at: '2026-11-30T09:01:10Z', completed_at: null },
    ] }));
    gh.workflowJobs.push(job(132, { status: 'in_progress', runner_name: 'GitHub Actions 8' }));
    gh.workflowJobs.push(job(133, { attempt: 1, status: 'in_progress', runner_name: 'GitHub Actions 7' }));
    const before = gh.requests.length;
    const out = await fetchJobSteps({ ...req, apiUrl: gh.url, runnerName: 'GitHub Actions 7' });
    expect(out.warning).toBeUndefined();
    expect(out.steps).toEqual([
      { number: 3, name: 'Run npm test', status: 'completed', conclusion: 'success', startedMs: Date.UTC(2026, 10, 30, 9, 1, 2), completedMs: Date.UTC(2026, 10, 30, 9, 1, 9) },
      { number: 6, name: 'Post carbon-gate', status: 'in_progress', conclusion: null, startedMs: Date.UTC(2026, 10, 30, 9, 1, 10), completedMs: null },
    ]);
    const calls = gh.requests.slice(before);
    expect(calls.map((r) => [r.path, r.query.page ?? '1'])).toEqual([
      ['/repos/octo/repo/actions/runs/55/attempts/2/jobs', '1'],
      ['/repos/octo/repo/actions/runs/55/attempts/2/jobs', '2'],
    ]);
    expect(calls.every((r) => r.authenticated)).toBe(true);
  });

  test('403: no names, and a warning to grant actions: read', async () => {
    gh.addFault({ path: /\/actions\/runs\//, status: 403, body: { message: 'Resource not accessible by integration' }, times: 1 });
    const out = await fetchJobSteps({ ...req, apiUrl: gh.url, runnerName: 'GitHub Actions 7' });
    expect(out.steps).toBeNull();
    expect(out.warning).toMatch(/HTTP 403/);
    expect(out.warning).toMatch(/`actions: read`/);
  });

  test('no job of this runner in progress: a note, no warning', async () => {
    const out = await fetchJobSteps({ ...req, apiUrl: gh.url, runnerName: 'elsewhere' });
    expect(out.steps).toBeNull();
    expect(out.warning).toBeUndefined();
    expect(out.note).toMatch(/no in-progress job on runner "elsewhere"/);
  });
});
