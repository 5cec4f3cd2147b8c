// The sticky comment with the REAL Octokit (@actions/github) against the GitHub REST stand-in.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { ACTIONS_BOT, startGitHubApi, type GitHubApi } from '../helpers/standins/github-api.js';
import { upsertStickyComment, type CommentRequest } from '../../src/github/comment.js';
import { markerFor } from '../../src/core/report/escape.js';

let gh: GitHubApi;
const TOKEN = 'ghs_secretsecretsecret0123456789';
let pr = 100;

beforeAll(async () => {
  gh = await startGitHubApi();
});
afterAll(async () => {
  await gh?.stop();
});
beforeEach(() => {
  pr++;
  gh.clearFaults();
  gh.readOnly = false;
  gh.identity = { user: ACTIONS_BOT, installation: true };
});

const req = (over: Partial<CommentRequest> = {}): CommentRequest => ({
  token: TOKEN,
  apiUrl: gh.url,
  owner: 'octo',
  repo: 'repo',
  prNumber: pr,
  markerKey: 'CI/build/default',
  body: `${markerFor('CI/build/default')}\nfirst body`,
  forkRecipeUrl: 'https://github.com/octo/carbon-gate#fork-pull-requests',
  timeoutMs: 20_000,
  ...over,
});

describe('sticky comment', () => {
  test('creates once, then updates the same comment, skips when unchanged', async () => {
    const a = await upsertStickyComment(req());
    expect(a.action).toBe('created');
    expect(gh.commentsOn('octo/repo', pr)).toHaveLength(1);
    const b = await upsertStickyComment(req({ body: `${markerFor('CI/build/default')}\nsecond body` }));
    expect(b).toMatchObject({ action: 'updated', commentId: a.commentId });
    expect(gh.commentsOn('octo/repo', pr)).toHaveLength(1);
    expect(gh.commentsOn('octo/repo', pr)[0]!.body).toContain('second body');
    const writesBefore = gh.requests.filter((r) => r.method !== 'GET').length;
    const c = await upsertStickyComment(req({ body: `${markerFor('CI/build/default')}\nsecond body` }));
    expect(c).toMatchObject({ action: 'unchanged', commentId: a.commentId });
    expect(gh.requests.filter((r) => r.method !== 'GET').length).toBe(writesBefore);
  });

  test('finds its comment on a later page (100 per page, Link headers) and ignores a human quoting the marker', async () => {
    const marker = markerFor('CI/build/default');
    gh.seed('octo/repo', pr, `I saw this: ${marker}`); // a human quoting the marker
    for (let i = 0; i < 230; i++) gh.seed('octo/repo', pr, `chatter ${i}`);
    const mine = gh.seed('octo/repo', pr, `${marker}\nold`, ACTIONS_BOT);
    gh.seed('octo/repo', pr, 'after');
    const out = await upsertStickyComment(req({ body: `${marker}\nnew` }));
    expect(out).toMatchObject({ action: 'updated', commentId: mine.id });
    const lists = gh.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/issues/${pr}/comments`));
    expect(lists.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3']);
    expect(lists.every((r) => r.query.per_page === '100')).toBe(true);
    expect(gh.commentsOn('octo/repo', pr).filter((c) => c.body.includes(marker))).toHaveLength(2);
    expect(gh.commentsOn('octo/repo', pr).find((c) => c.id === mine.id)!.body).toContain('new');
  });

  test('another job key gets its own comment', async () => {
    await upsertStickyComment(req());
    const other = await upsertStickyComment(req({ markerKey: 'CI/build/m123', body: 'no marker in body' }));
    expect(other.action).toBe('created');
    const bodies = gh.commentsOn('octo/repo', pr).map((c) => c.body);
    expect(bodies).toHaveLength(2);
    // The marker is added when the body lacks it.
    expect(bodies[1]!.startsWith(markerFor('CI/build/m123'))).toBe(true);
  });

  test('with a token that knows its identity (PAT), only that login matches', async () => {
    const me = { login: 'release-bot-user', id: 7, type: 'User' as const };
    gh.identity = { user: me, installation: false };
    const marker = markerFor('CI/build/default');
    gh.seed('octo/repo', pr, `${marker}\nby the actions bot`, ACTIONS_BOT);
    const out = await upsertStickyComment(req());
    expect(out.action).toBe('created');
    expect(gh.commentsOn('octo/repo', pr).at(-1)!.user.login).toBe('release-bot-user');
    expect((await upsertStickyComment(req({ body: `${marker}\nagain` }))).action).toBe('updated');
  });

  test('update-only (comment: on-regression, nothing to report) creates nothing but updates an existing one', async () => {
    expect((await upsertStickyComment(req({ mode: 'update-only' }))).action).toBe('skipped');
    expect(gh.commentsOn('octo/repo', pr)).toHaveLength(0);
    await upsertStickyComment(req());
    expect((await upsertStickyComment(req({ mode: 'update-only', body: `${markerFor('CI/build/default')}\nfixed` }))).action).toBe('updated');
  });

  test('read-only token (fork PR): a warning with the recipe link, no throw', async () => {
    gh.readOnly = true;
    const out = await upsertStickyComment(req({ isFork: true }));
    expect(out.action).toBe('failed');
    expect(out.warning).toContain('HTTP 403');
    expect(out.warning).toContain('fork');
    expect(out.warning).toContain('https://github.com/octo/carbon-gate#fork-pull-requests');
    expect(out.warning!.split('\n')).toHaveLength(1);
    expect(gh.commentsOn('octo/repo', pr)).toHaveLength(0);
  });

  test('500 then success: retried', async () => {
    gh.addFault({ method: 'POST', status: 502, times: 1 });
    const out = await upsertStickyComment(req());
    expect(out.action).toBe('created');
    expect(gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/issues/${pr}/comments`)).map((r) => r.status)).toEqual([502, 201]);
  });

  test('429 with retry-after 1: waits and retries; a long retry-after gives up quickly with a warning', async () => {
    gh.addFault({ method: 'GET', path: /\/comments$/, status: 429, headers: { 'retry-after': '1' }, times: 1 });
    const t0 = Date.now();
    expect((await upsertStickyComment(req())).action).toBe('created');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);

    pr++;
    gh.addFault({ method: 'GET', path: /\/comments$/, status: 429, headers: { 'retry-after': '3600' } });
    const t1 = Date.now();
    const out = await upsertStickyComment(req({ prNumber: pr }));
    expect(Date.now() - t1).toBeLessThan(3000);
    expect(out.action).toBe('failed');
    expect(out.warning).toContain('retry after 3600 s');
  });

  test('403 secondary rate limit (retry-after) is retried, not taken for read-only', async () => {
    gh.addFault({ method: 'POST', status: 403, headers: { 'retry-after': '0' }, body: { message: 'You have exceeded a secondary rate limit' }, times: 1 });
    expect((await upsertStickyComment(req())).action).toBe('created');
  });

  test('persistent 5xx: bounded retries, then a warning', async () => {
    gh.addFault({ status: 503 });
    const out = await upsertStickyComment(req({ retries: 2 }));
    expect(out.action).toBe('failed');
    expect(out.warning).toContain('503');
    // GET /user tried 3 times, then gave up.
    expect(gh.requests.filter((r) => r.path === '/user' && r.status === 503).length).toBe(3);
  });

  test('422 (validation) is not retried and warns', async () => {
    gh.addFault({ method: 'POST', status: 422, body: { message: 'Validation Failed' } });
    const out = await upsertStickyComment(req());
    expect(out.action).toBe('failed');
    expect(out.warning).toContain('HTTP 422');
    expect(gh.requests.filter((r) => r.method === 'POST' && r.status === 422)).toHaveLength(1);
  });

  test('404 on the PR: a warning naming it', async () => {
    gh.addFault({ method: 'GET', path: /\/comments$/, status: 404, body: { message: 'Not Found' } });
    const out = await upsertStickyComment(req());
    expect(out.warning).toContain(`#${pr}`);
    expect(out.warning).toContain('404');
  });

  test('a comment deleted between list and update is re-created', async () => {
    await upsertStickyComment(req());
    gh.addFault({ method: 'PATCH', status: 404, times: 1 });
    const out = await upsertStickyComment(req({ body: `${markerFor('CI/build/default')}\nv2` }));
    expect(out.action).toBe('created');
  });

  test('hanging API: bounded by our timeout', async () => {
    gh.addFault({ hang: true, status: 0 });
    const t0 = Date.now();
    const out = await upsertStickyComment(req({ timeoutMs: 800 }));
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(out.warning).toContain('timed out');
  });

  test('no token: skipped; the token never appears in recorded requests or outcomes', async () => {
    expect((await upsertStickyComment(req({ token: '' }))).action).toBe('skipped');
    await upsertStickyComment(req());
    const recorded = JSON.stringify(gh.requests);
    expect(recorded).not.toContain(TOKEN);
    expect(gh.requests.every((r) => r.authenticated)).toBe(true);
  });
});
