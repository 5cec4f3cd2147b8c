import { describe, expect, test } from '@jest/globals';
import { jobContextFrom, matrixHash, parseMatrix } from '../../src/github/context.js';

const env = {
  GITHUB_WORKFLOW: 'CI',
  GITHUB_JOB: 'test',
  GITHUB_RUN_ID: '99',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_SHA: 'f'.repeat(40),
  GITHUB_REF: 'refs/pull/12/merge',
  GITHUB_REPOSITORY: 'octo/repo',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_EVENT_NAME: 'pull_request',
};
const prPayload = {
  number: 12,
  pull_request: { number: 12, base: { ref: 'main', repo: { full_name: 'octo/repo' } }, head: { repo: { full_name: 'octo/repo', fork: false } } },
  repository: { full_name: 'octo/repo', default_branch: 'main' },
};
const none = { baselineKey: null, jobName: null };

describe('job context', () => {
  test('pull request from the same repository', () => {
    const c = jobContextFrom(env, prPayload, none);
    expect(c).toMatchObject({
      workflow: 'CI',
      job: 'test',
      runId: '99',
      runAttempt: 2,
      prNumber: 12,
      isPullRequestEvent: true,
      isPullRequestRef: true,
      isFork: false,
      defaultBranch: 'main',
      baseBranch: 'main',
      owner: 'octo',
      repo: 'repo',
      legKey: 'default',
      jobKey: 'CI/test/default',
      jobLabel: 'test',
      runUrl: 'https://github.com/octo/repo/actions/runs/99/attempts/2',
      forkRecipeUrl: 'https://github.com/octo/repo#fork-pull-requests',
    });
  });

  test('fork PRs: other head repository, or a deleted one', () => {
    const fork = { ...prPayload, pull_request: { ...prPayload.pull_request, head: { repo: { full_name: 'someone/repo', fork: true } } } };
    expect(jobContextFrom(env, fork, none).isFork).toBe(true);
    const gone = { ...prPayload, pull_request: { ...prPayload.pull_request, head: { repo: null } } };
    expect(jobContextFrom(env, gone, none).isFork).toBe(true);
  });

  test('push: no PR number, default branch from the payload', () => {
    const c = jobContextFrom({ ...env, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_RUN_ATTEMPT: '1' }, { repository: { default_branch: 'trunk' } }, none);
    expect(c).toMatchObject({ prNumber: null, isPullRequestEvent: false, isPullRequestRef: false, isFork: false, defaultBranch: 'trunk', runUrl: 'https://github.com/octo/repo/actions/runs/99' });
  });

  test('matrix: stable hash whatever the key order; label with values; inputs win', () => {
    const a = jobContextFrom({ ...env, INPUT_MATRIX: '{"os":"ubuntu-latest","node":20}' }, prPayload, none);
    const b = jobContextFrom({ ...env, INPUT_MATRIX: '{\n  "node": 20,\n  "os": "ubuntu-latest"\n}' }, prPayload, none);
    const c = jobContextFrom({ ...env, INPUT_MATRIX: '{"os":"ubuntu-latest","node":22}' }, prPayload, none);
    expect(a.legKey).toMatch(/^m[0-9a-f]{10}$/);
    expect(a.legKey).toBe(b.legKey);
    expect(a.legKey).not.toBe(c.legKey);
    expect(a.jobLabel).toBe('test (20, ubuntu-latest)');
    expect(a.jobKey).toBe(`CI/test/${a.legKey}`);
    const named = jobContextFrom({ ...env, INPUT_MATRIX: '{"os":"x"}' }, prPayload, { baselineKey: 'linux', jobName: 'unit tests' });
    expect(named).toMatchObject({ legKey: 'linux', job: 'unit tests', jobLabel: 'unit tests', jobKey: 'CI/unit tests/linux' });
  });

  test('matrix input edge cases', () => {
    expect(parseMatrix(undefined)).toBeNull();
    expect(parseMatrix('null')).toBeNull();
    expect(parseMatrix('')).toBeNull();
    expect(parseMatrix('not json')).toBeNull();
    expect(parseMatrix('[1,2]')).toBeNull();
    expect(matrixHash(null)).toBe('default');
    expect(matrixHash({})).toBe('default');
    expect(matrixHash({ a: { b: 1, c: 2 } })).toBe(matrixHash({ a: { c: 2, b: 1 } }));
  });

  test('missing env and payload: safe defaults, never throws', () => {
    const c = jobContextFrom({}, null, none);
    expect(c).toMatchObject({ prNumber: null, isFork: false, defaultBranch: null, runAttempt: 1, legKey: 'default', runUrl: '' });
  });
});

describe('links and labels for the reports', () => {
  test('a job id gives the job URL; without it there is none', () => {
    expect(jobContextFrom(env, prPayload, { ...none, jobId: '31415' }).jobUrl).toBe('https://github.com/octo/repo/actions/runs/99/job/31415');
    expect(jobContextFrom(env, prPayload, none).jobUrl).toBe('');
  });
  test('an empty matrix ({} from toJSON(matrix) outside a matrix) labels the job without parentheses', () => {
    expect(parseMatrix('{}')).toBeNull();
    expect(jobContextFrom({ ...env, INPUT_MATRIX: '{}' }, prPayload, none).jobLabel).toBe('test');
    expect(jobContextFrom({ ...env, INPUT_MATRIX: '{"os":"ubuntu"}' }, prPayload, none).jobLabel).toBe('test (ubuntu)');
  });
});
