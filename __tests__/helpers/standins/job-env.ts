// The environment of one emulated GitHub Actions job (what the runner would set), pointed at the
// stand-ins: the results service (cache + artifacts), the GitHub REST stand-in, and an event payload file.
// Use it for in-process tests (assign to process.env) and for child processes (`node dist/post/index.js`).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeRuntimeToken } from './runtime-token.js';

export interface EmulatedJob {
  resultsUrl: string;
  apiUrl?: string;
  runId: number;
  runAttempt?: number;
  /** Backend job id for the token; default `job-<runId>`. */
  jobBackendId?: string;
  repository?: string;
  workflow?: string;
  job?: string;
  sha?: string;
  defaultBranch?: string;
  /** 'push' (default), 'pull_request', 'workflow_dispatch', 'schedule', 'pull_request_target'. */
  eventName?: string;
  /** Branch for push-like events (default: the default branch). */
  branch?: string;
  /** Pull request number for PR events. */
  pr?: number;
  /** PR from a fork. */
  fork?: boolean;
  /** The PR base branch (default: default branch). */
  baseBranch?: string;
  /** Cache read-only for this job. */
  cacheReadOnly?: boolean;
  /** Root for workspace / temp / event file; default a fresh temp dir. */
  root?: string;
  matrix?: Record<string, unknown> | null;
  token?: string;
}

export interface JobEnvironment {
  env: Record<string, string>;
  root: string;
  workspace: string;
  runnerTemp: string;
  eventPath: string;
  ref: string;
  payload: Record<string, unknown>;
}

export function emulateJob(j: EmulatedJob): JobEnvironment {
  const root = j.root ?? mkdtempSync(path.join(tmpdir(), 'cg-job-'));
  const workspace = path.join(root, 'workspace');
  const runnerTemp = path.join(root, 'temp');
  mkdirSync(workspace, { recursive: true });
  mkdirSync(runnerTemp, { recursive: true });
  const repository = j.repository ?? 'octo/repo';
  const defaultBranch = j.defaultBranch ?? 'main';
  const eventName = j.eventName ?? 'push';
  const isPr = eventName.startsWith('pull_request');
  const baseBranch = j.baseBranch ?? defaultBranch;
  const ref = isPr ? `refs/pull/${j.pr ?? 1}/merge` : `refs/heads/${j.branch ?? defaultBranch}`;
  const sha = j.sha ?? `${j.runId.toString(16)}`.padStart(40, 'c').slice(-40);
  const repoPayload = { full_name: repository, default_branch: defaultBranch, name: repository.split('/')[1], owner: { login: repository.split('/')[0] } };
  const payload: Record<string, unknown> = isPr
    ? {
        action: 'synchronize',
        number: j.pr ?? 1,
        pull_request: {
          number: j.pr ?? 1,
          head: { sha, ref: 'feature', repo: { full_name: j.fork ? `forker/${repository.split('/')[1]}` : repository, fork: j.fork === true } },
          base: { ref: baseBranch, repo: { full_name: repository } },
        },
        repository: repoPayload,
      }
    : { ref, after: sha, repository: repoPayload };
  const eventPath = path.join(root, 'event.json');
  writeFileSync(eventPath, JSON.stringify(payload));
  const runtimeToken = makeRuntimeToken({
    runBackendId: `run-${j.runId}`,
    jobBackendId: j.jobBackendId ?? `job-${j.runId}`,
    ref,
    defaultBranch,
    ...(isPr ? { baseBranch } : {}),
    ...(j.cacheReadOnly ? { readOnly: true } : {}),
  });
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKFLOW: j.workflow ?? 'CI',
    GITHUB_JOB: j.job ?? 'build',
    GITHUB_RUN_ID: String(j.runId),
    GITHUB_RUN_ATTEMPT: String(j.runAttempt ?? 1),
    GITHUB_RUN_NUMBER: String(j.runId),
    GITHUB_SHA: sha,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/(heads|pull)\//, ''),
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0]!,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: j.apiUrl ?? 'http://127.0.0.1:9',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_ENVIRONMENT: 'github-hosted',
    ACTIONS_RESULTS_URL: j.resultsUrl,
    ACTIONS_CACHE_SERVICE_V2: 'true',
    ACTIONS_RUNTIME_TOKEN: runtimeToken,
    INPUT_MATRIX: j.matrix === undefined || j.matrix === null ? 'null' : JSON.stringify(j.matrix),
    INPUT_TOKEN: j.token ?? 'ghs_standintoken000000000000000000000000',
  };
  if (isPr) env.GITHUB_HEAD_REF = 'feature';
  if (isPr) env.GITHUB_BASE_REF = baseBranch;
  return { env, root, workspace, runnerTemp, eventPath, ref, payload };
}

/** Names of the env variables emulateJob sets, to clear between in-process jobs. */
export const JOB_ENV_NAMES = [
  'GITHUB_ACTIONS', 'CI', 'GITHUB_WORKFLOW', 'GITHUB_JOB', 'GITHUB_RUN_ID', 'GITHUB_RUN_ATTEMPT', 'GITHUB_RUN_NUMBER', 'GITHUB_SHA',
  'GITHUB_REF', 'GITHUB_REF_NAME', 'GITHUB_EVENT_NAME', 'GITHUB_EVENT_PATH', 'GITHUB_REPOSITORY', 'GITHUB_REPOSITORY_OWNER',
  'GITHUB_SERVER_URL', 'GITHUB_API_URL', 'GITHUB_WORKSPACE', 'RUNNER_TEMP', 'RUNNER_OS', 'RUNNER_ARCH', 'RUNNER_ENVIRONMENT',
  'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_SERVICE_V2', 'ACTIONS_RUNTIME_TOKEN', 'INPUT_MATRIX', 'INPUT_TOKEN', 'GITHUB_HEAD_REF', 'GITHUB_BASE_REF',
];

/** Replaces the job variables of process.env with this job's (in-process tests). */
export function applyJobEnv(job: JobEnvironment): void {
  for (const k of JOB_ENV_NAMES) delete process.env[k];
  Object.assign(process.env, job.env);
}
