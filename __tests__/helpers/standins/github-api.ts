// A loopback stand-in of the GitHub REST endpoints carbon-gate calls, for the real Octokit
// (@actions/github getOctokit with baseUrl = GITHUB_API_URL):
//   GET   /user                                          (installation tokens get 403, like GITHUB_TOKEN)
//   GET   /repos/{owner}/{repo}/issues/{n}/comments      (page / per_page ≤ 100, RFC 5988 Link header)
//   POST  /repos/{owner}/{repo}/issues/{n}/comments
//   PATCH /repos/{owner}/{repo}/issues/comments/{id}
//   GET   /repos/{owner}/{repo}/pulls                     (state / head filters; for the workflow_run recipe)
//   GET   /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{n}/jobs   (page / per_page, Link header; `workflowJobs`)
// Faults are scripted at run time (status, headers such as retry-after, how many times, which requests),
// and `readOnly` answers 403 "Resource not accessible by integration" to every write, as for fork PRs.
// Every request is recorded without its token (only whether one was sent).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandinUser {
  login: string;
  id: number;
  type: 'Bot' | 'User';
}

export interface StandinComment {
  id: number;
  issue: number;
  repo: string;
  body: string;
  user: StandinUser;
  created_at: string;
  updated_at: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  authenticated: boolean;
  body?: unknown;
}

export interface Fault {
  method?: string;
  path?: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many matching requests fail; undefined = until cleared. */
  times?: number;
  /** Never answer (the connection stays open until stop()). */
  hang?: boolean;
}

export interface StandinPull {
  repo: string;
  number: number;
  state: 'open' | 'closed';
  head: { sha: string; ref: string; label: string; repo: { full_name: string } };
}

/** A job of a workflow run attempt, as the Jobs API lists it (steps with name, number, status, times). */
export interface StandinWorkflowJob {
  repo: string;
  runId: number;
  attempt: number;
  id: number;
  name: string;
  status: 'queued' | 'in_progress' | 'completed';
  runner_name: string | null;
  steps: Array<{ name: string; number: number; status: string; conclusion: string | null; started_at: string | null; completed_at: string | null }>;
}

export const ACTIONS_BOT: StandinUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

export interface GitHubApi {
  url: string;
  comments: StandinComment[];
  requests: RecordedRequest[];
  /** Who the token is: a user (GET /user answers) or an installation (GET /user → 403). Default: the Actions bot as installation. */
  identity: { user: StandinUser; installation: boolean };
  readOnly: boolean;
  /** Pull requests of the repository, for GET /repos/{owner}/{repo}/pulls (state and head filters). */
  pulls: StandinPull[];
  /** Jobs of workflow run attempts, for GET …/actions/runs/{run_id}/attempts/{n}/jobs. */
  workflowJobs: StandinWorkflowJob[];
  addFault(f: Fault): void;
  clearFaults(): void;
  /** Adds a comment as someone (seeding pages of other comments). */
  seed(repo: string, issue: number, body: string, user?: StandinUser): StandinComment;
  commentsOn(repo: string, issue: number): StandinComment[];
  stop(): Promise<void>;
}

export async function startGitHubApi(): Promise<GitHubApi> {
  let nextId = 1000;
  const faults: Fault[] = [];
  const api = {
    comments: [] as StandinComment[],
    requests: [] as RecordedRequest[],
    identity: { user: ACTIONS_BOT, installation: true },
    readOnly: false,
    pulls: [] as StandinPull[],
    workflowJobs: [] as StandinWorkflowJob[],
  };
  let clock = Date.UTC(2026, 10, 1);
  const now = (): string => new Date((clock += 1000)).toISOString();

  const seed = (repo: string, issue: number, body: string, user: StandinUser = { login: 'octocat', id: 1, type: 'User' }): StandinComment => {
    const t = now();
    const c = { id: nextId++, issue, repo, body, user, created_at: t, updated_at: t };
    api.comments.push(c);
    return c;
  };
  const view = (c: StandinComment, base: string): Record<string, unknown> => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${base}/repos/${c.repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${c.repo}/pull/${c.issue}#issuecomment-${c.id}`,
    body: c.body,
    user: c.user,
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
  });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      const base = `http://${req.headers.host}`;
      const method = req.method ?? 'GET';
      let body: unknown;
      try {
        body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : undefined;
      } catch {
        body = undefined;
      }
      const authenticated = /^(token|bearer) \S+/i.test(req.headers.authorization ?? '');
      const rec: RecordedRequest = { method, path: u.pathname, query: Object.fromEntries(u.searchParams), status: 0, authenticated, ...(body !== undefined ? { body } : {}) };
      api.requests.push(rec);
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
        rec.status = status;
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-github-media-type': 'github.v3', ...headers });
        res.end(payload === undefined ? '' : JSON.stringify(payload));
      };

      const fault = faults.find((f) => (!f.method || f.method === method) && (!f.path || f.path.test(u.pathname)));
      if (fault) {
        if (fault.times !== undefined && --fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
        if (fault.hang) return;
        return send(fault.status, fault.body ?? { message: `stand-in fault ${fault.status}`, documentation_url: 'https://docs.github.com/rest' }, fault.headers);
      }
      if (!authenticated) return send(401, { message: 'Requires authentication' });
      if (api.readOnly && method !== 'GET') return send(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment', status: '403' });

      let m: RegExpExecArray | null;
      if (method === 'GET' && u.pathname === '/user') {
        if (api.identity.installation) return send(403, { message: 'Resource not accessible by integration' });
        return send(200, api.identity.user);
      }
      if ((m = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/.exec(u.pathname))) {
        const repo = m[1]!;
        const issue = Number(m[2]);
        if (method === 'GET') {
          const perPage = Math.min(100, Math.max(1, Number(u.searchParams.get('per_page') ?? 30) || 30));
          const page = Math.max(1, Number(u.searchParams.get('page') ?? 1) || 1);
          const all = api.comments.filter((c) => c.repo === repo && c.issue === issue);
          const last = Math.max(1, Math.ceil(all.length / perPage));
          const link = (p: number, rel: string): string => {
            const q = new URLSearchParams(u.searchParams);
            q.set('per_page', String(perPage));
            q.set('page', String(p));
            return `<${base}${u.pathname}?${q}>; rel="${rel}"`;
          };
          const links: string[] = [];
          if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
          if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
          return send(
            200,
            all.slice((page - 1) * perPage, page * perPage).map((c) => view(c, base)),
            links.length ? { link: links.join(', ') } : {},
          );
        }
        if (method === 'POST') {
          const text = (body as { body?: unknown } | undefined)?.body;
          if (typeof text !== 'string' || text.length === 0) return send(422, { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }] });
          if (text.length > 65536) return send(422, { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }] });
          const c = seed(repo, issue, text, api.identity.user);
          return send(201, view(c, base));
        }
      }
      if ((m = /^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)$/.exec(u.pathname)) && method === 'PATCH') {
        const c = api.comments.find((x) => x.repo === m![1] && x.id === Number(m![2]));
        if (!c) return send(404, { message: 'Not Found' });
        const text = (body as { body?: unknown } | undefined)?.body;
        if (typeof text !== 'string' || text.length > 65536) return send(422, { message: 'Validation Failed' });
        if (c.user.login !== api.identity.user.login) return send(403, { message: 'Must have admin rights to Repository.' });
        c.body = text;
        c.updated_at = now();
        return send(200, view(c, base));
      }
      if ((m = /^\/repos\/([^/]+\/[^/]+)\/actions\/runs\/(\d+)\/attempts\/(\d+)\/jobs$/.exec(u.pathname)) && method === 'GET') {
        const [repo, runId, attempt] = [m[1]!, Number(m[2]), Number(m[3])];
        const all = api.workflowJobs.filter((j) => j.repo === repo && j.runId === runId && j.attempt === attempt);
        const perPage = Math.min(100, Math.max(1, Number(u.searchParams.get('per_page') ?? 30) || 30));
        const page = Math.max(1, Number(u.searchParams.get('page') ?? 1) || 1);
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const link = (p: number, rel: string): string => {
          const q = new URLSearchParams(u.searchParams);
          q.set('per_page', String(perPage));
          q.set('page', String(p));
          return `<${base}${u.pathname}?${q}>; rel="${rel}"`;
        };
        const links: string[] = [];
        if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
        const jobs = all.slice((page - 1) * perPage, page * perPage).map(({ repo: _r, runId: run_id, attempt: run_attempt, ...j }) => ({ ...j, run_id, run_attempt }));
        return send(200, { total_count: all.length, jobs }, links.length ? { link: links.join(', ') } : {});
      }
      if ((m = /^\/repos\/([^/]+\/[^/]+)\/pulls$/.exec(u.pathname)) && method === 'GET') {
        const state = u.searchParams.get('state') ?? 'open';
        const head = u.searchParams.get('head');
        const list = api.pulls.filter((p) => p.repo === m![1] && (state === 'all' || p.state === state) && (!head || p.head.label === head));
        return send(200, list.map(({ repo: _r, ...p }) => p));
      }
      return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return Object.assign(api, {
    url: `http://127.0.0.1:${port}`,
    addFault(f: Fault) {
      faults.push({ ...f });
    },
    clearFaults() {
      faults.length = 0;
    },
    seed,
    commentsOn(repo: string, issue: number) {
      return api.comments.filter((c) => c.repo === repo && c.issue === issue);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
