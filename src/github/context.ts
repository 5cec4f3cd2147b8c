// The job's identity, from the runner's environment and the event payload (GITHUB_EVENT_PATH).
// `jobContextFrom` is pure (env + payload in); `readJobContext` reads the payload file.
//
// The matrix: the runner does not give JavaScript actions the matrix by env, so action.yml declares a
// hidden input `matrix` with default `${{ toJSON(matrix) }}`; it arrives as INPUT_MATRIX ('null' when the
// job has no matrix).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface JobContext {
  workflow: string;
  /** The job id (GITHUB_JOB), or the job-name input. */
  job: string;
  runId: string;
  runAttempt: number;
  sha: string;
  ref: string;
  repository: string;
  owner: string;
  repo: string;
  serverUrl: string;
  apiUrl: string;
  runUrl: string;
  /** The job's page (its log): runUrl/job/<job-id>; '' without a job id. */
  jobUrl: string;
  eventName: string;
  /** PR number for pull_request / pull_request_target events, else null. */
  prNumber: number | null;
  /** The event is a pull-request event (pull_request, pull_request_target, pull_request_review…). */
  isPullRequestEvent: boolean;
  /** GITHUB_REF is refs/pull/… */
  isPullRequestRef: boolean;
  /** The PR's head repository differs from the base repository. */
  isFork: boolean;
  /** payload.repository.default_branch, or null when the payload does not say. */
  defaultBranch: string | null;
  /** Base branch name of a PR (payload.pull_request.base.ref), else null. */
  baseBranch: string | null;
  /** The matrix of this job, or null. */
  matrix: Record<string, unknown> | null;
  /** This job leg's key: the baseline-key input, else a stable short hash of the matrix, else 'default'. */
  legKey: string;
  /** `<workflow>/<job>/<baseline-key>`: the comment marker key. */
  jobKey: string;
  /** Human label: job-name, or the job id with the matrix values. */
  jobLabel: string;
  /** Where the README's fork recipe lives. */
  forkRecipeUrl: string;
}

export interface ContextSettings {
  baselineKey: string | null;
  jobName: string | null;
  /** job-id input (numeric); without it the job link falls back to the run. */
  jobId?: string | null;
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']);

/** Keys sorted recursively, so equal matrices give equal text whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** 'default' without a matrix; else 'm' + the first 10 hex digits of sha256 of the canonical matrix. */
export function matrixHash(matrix: Record<string, unknown> | null): string {
  if (!matrix || Object.keys(matrix).length === 0) return 'default';
  return 'm' + createHash('sha256').update(canonical(matrix)).digest('hex').slice(0, 10);
}

/** Parses INPUT_MATRIX (`toJSON(matrix)`); null for empty, 'null' or a non-object. Never throws. */
export function parseMatrix(raw: string | undefined): Record<string, unknown> | null {
  if (!raw || raw.trim() === '' || raw.trim() === 'null') return null;
  try {
    const v = JSON.parse(raw) as unknown;
    // `${{ toJSON(matrix) }}` outside a matrix is null or {}: no matrix (and no "build ()" label).
    return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0 ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** `key=value` pairs sorted by key and joined by commas ('' without a matrix): the matrix label of exports. */
export function matrixKey(matrix: Record<string, unknown> | null): string {
  if (!matrix) return '';
  return Object.keys(matrix)
    .sort()
    .map((k) => {
      const v = matrix[k];
      return `${k}=${typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : canonical(v)}`;
    })
    .join(',');
}

function matrixValues(matrix: Record<string, unknown>): string {
  return Object.keys(matrix)
    .sort()
    .map((k) => {
      const v = matrix[k];
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : canonical(v);
    })
    .join(', ');
}

type Payload = {
  pull_request?: { number?: number; base?: { ref?: string; repo?: { full_name?: string } }; head?: { repo?: { full_name?: string; fork?: boolean } | null } };
  number?: number;
  repository?: { default_branch?: string; full_name?: string };
};

export function jobContextFrom(env: NodeJS.ProcessEnv, payload: unknown, settings: ContextSettings): JobContext {
  const p = (payload && typeof payload === 'object' ? payload : {}) as Payload;
  const repository = env.GITHUB_REPOSITORY ?? p.repository?.full_name ?? '';
  const [owner = '', repo = ''] = repository.split('/');
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const runId = env.GITHUB_RUN_ID ?? '';
  const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1');
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const ref = env.GITHUB_REF ?? '';
  const isPullRequestEvent = PR_EVENTS.has(eventName);
  const prNumberRaw = p.pull_request?.number ?? (isPullRequestEvent ? p.number : undefined);
  const prNumber = isPullRequestEvent && Number.isInteger(prNumberRaw) && (prNumberRaw as number) > 0 ? (prNumberRaw as number) : null;
  const headRepo = p.pull_request?.head?.repo;
  const baseRepoName = p.pull_request?.base?.repo?.full_name ?? p.repository?.full_name ?? repository;
  // A deleted head repository (null) is a fork that went away: treat as fork.
  const isFork = p.pull_request !== undefined && (headRepo === null || headRepo?.fork === true || (headRepo?.full_name !== undefined && headRepo.full_name !== baseRepoName));
  const matrix = parseMatrix(env.INPUT_MATRIX);
  const job = settings.jobName ?? env.GITHUB_JOB ?? 'job';
  const workflow = env.GITHUB_WORKFLOW ?? 'workflow';
  const baselineKey = settings.baselineKey ?? matrixHash(matrix);
  const actionRepo = env.GITHUB_ACTION_REPOSITORY || repository;
  return {
    workflow,
    job,
    runId,
    runAttempt: Number.isInteger(attempt) && attempt > 0 ? attempt : 1,
    sha: env.GITHUB_SHA ?? '',
    ref,
    repository,
    owner,
    repo,
    serverUrl,
    apiUrl,
    runUrl: repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}${attempt > 1 ? `/attempts/${attempt}` : ''}` : '',
    jobUrl: repository && runId && settings.jobId ? `${serverUrl}/${repository}/actions/runs/${runId}/job/${settings.jobId}` : '',
    eventName,
    prNumber,
    isPullRequestEvent,
    isPullRequestRef: ref.startsWith('refs/pull/'),
    isFork,
    defaultBranch: p.repository?.default_branch ?? null,
    baseBranch: p.pull_request?.base?.ref ?? null,
    matrix,
    legKey: baselineKey,
    jobKey: `${workflow}/${job}/${baselineKey}`,
    jobLabel: settings.jobName ?? (matrix ? `${job} (${matrixValues(matrix)})` : job),
    forkRecipeUrl: `${serverUrl}/${actionRepo}#fork-pull-requests`,
  };
}

/** Reads the event payload named by GITHUB_EVENT_PATH (missing or unreadable: an empty payload). */
export function readJobContext(settings: ContextSettings, env: NodeJS.ProcessEnv = process.env): JobContext {
  let payload: unknown = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as unknown;
    } catch {
      payload = {};
    }
  }
  return jobContextFrom(env, payload, settings);
}
