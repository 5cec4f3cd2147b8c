// The sticky PR comment, with the real Octokit from @actions/github.
//
// Finding our comment: every page of the PR's comments (100 per page) is read, and a comment is ours when
// its body contains the hidden marker `<!-- carbon-gate:<key> -->` AND it was written by our identity:
// - if the token can say who it is (GET /user answers: a PAT or a user token), the author must be that login;
// - installation tokens, GITHUB_TOKEN included, get 403 on GET /user; then the author must be a Bot account
//   (REST shows the Actions bot as `github-actions[bot]`, type Bot). A human pasting the marker never matches.
// The first (oldest) match is updated in place; an unchanged body is not written again; otherwise a new
// comment is created.
//
// Failures never throw. 403 (read-only token, e.g. a fork PR) → a warning with one line of advice pointing
// at the workflow_run recipe. 429 and 5xx (and 403 rate limits) are retried a few times, honouring
// retry-after up to a small cap. 404 on update (comment deleted meanwhile) → create instead.
import { markerFor } from '../core/report/escape.js';
import { sleep, TimeoutError, withTimeout } from './timeout.js';

export type CommentMode = 'create-or-update' | 'update-only';

export interface CommentRequest {
  token: string;
  apiUrl: string;
  owner: string;
  repo: string;
  prNumber: number;
  markerKey: string;
  body: string;
  /** 'update-only': update an existing comment but do not create one (comment: on-regression, no regression). */
  mode?: CommentMode;
  isFork?: boolean;
  forkRecipeUrl: string;
  timeoutMs: number;
  /** Retries for 429/5xx; default 2 (3 attempts). */
  retries?: number;
  /** Longest wait we accept between attempts, ms; default 10 s. */
  maxWaitMs?: number;
}

export interface CommentOutcome {
  action: 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';
  commentId?: number;
  url?: string;
  warning?: string;
  note?: string;
}

interface HttpError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined> };
}

const asHttp = (e: unknown): HttpError => (e && typeof e === 'object' ? (e as HttpError) : {});

function isRateLimited(e: HttpError): boolean {
  const h = e.response?.headers ?? {};
  return e.status === 429 || (e.status === 403 && (h['retry-after'] !== undefined || h['x-ratelimit-remaining'] === '0'));
}

/** Wait before the next attempt, ms: retry-after, or x-ratelimit-reset, or exponential backoff. */
function waitMs(e: HttpError, attempt: number): number {
  const h = e.response?.headers ?? {};
  const ra = h['retry-after'];
  if (ra !== undefined && /^\d+$/.test(ra.trim())) return Number(ra) * 1000;
  const reset = h['x-ratelimit-reset'];
  if (h['x-ratelimit-remaining'] === '0' && reset && /^\d+$/.test(reset)) return Math.max(0, Number(reset) * 1000 - Date.now());
  return 500 * 2 ** attempt;
}

class GaveUp extends Error {
  constructor(
    readonly last: HttpError,
    message: string,
  ) {
    super(message);
  }
}

async function withRetries<T>(what: string, fn: () => Promise<T>, retries: number, maxWaitMs: number): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const e = asHttp(err);
      const retryable = isRateLimited(e) || (e.status !== undefined && e.status >= 500);
      if (!retryable || attempt >= retries) throw err;
      const wait = waitMs(e, attempt);
      if (wait > maxWaitMs) throw new GaveUp(e, `${what}: rate limited, retry after ${Math.ceil(wait / 1000)} s is longer than we wait (${maxWaitMs / 1000} s)`);
      await sleep(wait);
    }
  }
}

function adviceFor403(req: CommentRequest): string {
  const why = req.isFork ? 'this pull request comes from a fork, and its token is read-only' : 'the token is read-only or lacks `pull-requests: write`';
  return `could not write the PR comment (HTTP 403: ${why}). The summary and the artifact have the full report; to comment on fork PRs, use the workflow_run recipe: ${req.forkRecipeUrl}`;
}

function describe(e: unknown): string {
  const h = asHttp(e);
  if (e instanceof GaveUp) return e.message;
  if (e instanceof TimeoutError) return e.message;
  return h.status ? `HTTP ${h.status}: ${h.message ?? ''}`.trim() : e instanceof Error ? e.message : String(e);
}

export async function upsertStickyComment(req: CommentRequest): Promise<CommentOutcome> {
  if (!req.token) return { action: 'skipped', note: 'no token: PR comment skipped' };
  const marker = markerFor(req.markerKey);
  const body = req.body.includes(marker) ? req.body : `${marker}\n${req.body}`;
  const retries = req.retries ?? 2;
  const maxWaitMs = req.maxWaitMs ?? 10_000;
  try {
    return await withTimeout(run(), req.timeoutMs, 'PR comment');
  } catch (e) {
    const h = asHttp(e instanceof GaveUp ? e.last : e);
    if (h.status === 403 && !isRateLimited(h)) return { action: 'failed', warning: adviceFor403(req) };
    if (h.status === 401) return { action: 'failed', warning: `could not write the PR comment: the token was rejected (HTTP 401). Check the \`token\` input.` };
    if (h.status === 404) return { action: 'failed', warning: `could not write the PR comment: pull request #${req.prNumber} of ${req.owner}/${req.repo} is not visible to the token (HTTP 404).` };
    if (h.status === 422) return { action: 'failed', warning: `could not write the PR comment: GitHub refused it (HTTP 422: ${h.message ?? 'validation failed'}).` };
    return { action: 'failed', warning: `could not write the PR comment: ${describe(e)}. The job summary has the full report.` };
  }

  async function run(): Promise<CommentOutcome> {
    const { getOctokit } = await import('@actions/github');
    const octokit = getOctokit(req.token, { baseUrl: req.apiUrl });

    // Who are we? Installation tokens (GITHUB_TOKEN) cannot ask; then any Bot author counts.
    let self: string | null = null;
    try {
      const me = await withRetries('GET /user', () => octokit.rest.users.getAuthenticated(), retries, maxWaitMs);
      self = me.data.login;
    } catch (e) {
      const s = asHttp(e).status;
      if (s !== 403 && s !== 401 && s !== 404) throw e;
    }
    const ours = (user: { login?: string; type?: string } | null | undefined): boolean => (self ? user?.login === self : user?.type === 'Bot');

    const comments = await withRetries(
      'list comments',
      () => octokit.paginate(octokit.rest.issues.listComments, { owner: req.owner, repo: req.repo, issue_number: req.prNumber, per_page: 100 }),
      retries,
      maxWaitMs,
    );
    const existing = comments.find((c) => (c.body ?? '').includes(marker) && ours(c.user));

    if (existing) {
      if (existing.body === body) return { action: 'unchanged', commentId: existing.id, url: existing.html_url };
      try {
        const r = await withRetries('update comment', () => octokit.rest.issues.updateComment({ owner: req.owner, repo: req.repo, comment_id: existing.id, body }), retries, maxWaitMs);
        return { action: 'updated', commentId: r.data.id, url: r.data.html_url };
      } catch (e) {
        if (asHttp(e).status !== 404) throw e;
        // Deleted between listing and updating: fall through to create.
      }
    }
    if (req.mode === 'update-only') return { action: 'skipped', note: 'no existing comment to update and nothing to report (comment: on-regression)' };
    const r = await withRetries('create comment', () => octokit.rest.issues.createComment({ owner: req.owner, repo: req.repo, issue_number: req.prNumber, body }), retries, maxWaitMs);
    return { action: 'created', commentId: r.data.id, url: r.data.html_url };
  }
}
