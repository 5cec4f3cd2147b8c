export const id = 318;
export const ids = [318,28];
export const modules = {

/***/ 47318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   upsertStickyComment: () => (/* binding */ upsertStickyComment)
/* harmony export */ });
/* harmony import */ var _core_report_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8547);
/* harmony import */ var _timeout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40028);
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


const asHttp = (e) => (e && typeof e === 'object' ? e : {});
function isRateLimited(e) {
    const h = e.response?.headers ?? {};
    return e.status === 429 || (e.status === 403 && (h['retry-after'] !== undefined || h['x-ratelimit-remaining'] === '0'));
}
/** Wait before the next attempt, ms: retry-after, or x-ratelimit-reset, or exponential backoff. */
function waitMs(e, attempt) {
    const h = e.response?.headers ?? {};
    const ra = h['retry-after'];
    if (ra !== undefined && /^\d+$/.test(ra.trim()))
        return Number(ra) * 1000;
    const reset = h['x-ratelimit-reset'];
    if (h['x-ratelimit-remaining'] === '0' && reset && /^\d+$/.test(reset))
        return Math.max(0, Number(reset) * 1000 - Date.now());
    return 500 * 2 ** attempt;
}
class GaveUp extends Error {
    last;
    constructor(last, message) {
        super(message);
        this.last = last;
    }
}
async function withRetries(what, fn, retries, maxWaitMs) {
    for (let attempt = 0;; attempt++) {
        try {
            return await fn();
        }
        catch (err) {
            const e = asHttp(err);
            const retryable = isRateLimited(e) || (e.status !== undefined && e.status >= 500);
            if (!retryable || attempt >= retries)
                throw err;
            const wait = waitMs(e, attempt);
            if (wait > maxWaitMs)
                throw new GaveUp(e, `${what}: rate limited, retry after ${Math.ceil(wait / 1000)} s is longer than we wait (${maxWaitMs / 1000} s)`);
            await (0,_timeout_js__WEBPACK_IMPORTED_MODULE_1__/* .sleep */ .yy)(wait);
        }
    }
}
function adviceFor403(req) {
    const why = req.isFork ? 'this pull request comes from a fork, and its token is read-only' : 'the token is read-only or lacks `pull-requests: write`';
    return `could not write the PR comment (HTTP 403: ${why}). The summary and the artifact have the full report; to comment on fork PRs, use the workflow_run recipe: ${req.forkRecipeUrl}`;
}
function describe(e) {
    const h = asHttp(e);
    if (e instanceof GaveUp)
        return e.message;
    if (e instanceof _timeout_js__WEBPACK_IMPORTED_MODULE_1__/* .TimeoutError */ .MU)
        return e.message;
    return h.status ? `HTTP ${h.status}: ${h.message ?? ''}`.trim() : e instanceof Error ? e.message : String(e);
}
async function upsertStickyComment(req) {
    if (!req.token)
        return { action: 'skipped', note: 'no token: PR comment skipped' };
    const marker = (0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .markerFor */ ._Z)(req.markerKey);
    const body = req.body.includes(marker) ? req.body : `${marker}\n${req.body}`;
    const retries = req.retries ?? 2;
    const maxWaitMs = req.maxWaitMs ?? 10_000;
    try {
        return await (0,_timeout_js__WEBPACK_IMPORTED_MODULE_1__/* .withTimeout */ .wj)(run(), req.timeoutMs, 'PR comment');
    }
    catch (e) {
        const h = asHttp(e instanceof GaveUp ? e.last : e);
        if (h.status === 403 && !isRateLimited(h))
            return { action: 'failed', warning: adviceFor403(req) };
        if (h.status === 401)
            return { action: 'failed', warning: `could not write the PR comment: the token was rejected (HTTP 401). Check the \`token\` input.` };
        if (h.status === 404)
            return { action: 'failed', warning: `could not write the PR comment: pull request #${req.prNumber} of ${req.owner}/${req.repo} is not visible to the token (HTTP 404).` };
        if (h.status === 422)
            return { action: 'failed', warning: `could not write the PR comment: GitHub refused it (HTTP 422: ${h.message ?? 'validation failed'}).` };
        return { action: 'failed', warning: `could not write the PR comment: ${describe(e)}. The job summary has the full report.` };
    }
    async function run() {
        const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 61351));
        const octokit = getOctokit(req.token, { baseUrl: req.apiUrl });
        // Who are we? Installation tokens (GITHUB_TOKEN) cannot ask; then any Bot author counts.
        let self = null;
        try {
            const me = await withRetries('GET /user', () => octokit.rest.users.getAuthenticated(), retries, maxWaitMs);
            self = me.data.login;
        }
        catch (e) {
            const s = asHttp(e).status;
            if (s !== 403 && s !== 401 && s !== 404)
                throw e;
        }
        const ours = (user) => (self ? user?.login === self : user?.type === 'Bot');
        const comments = await withRetries('list comments', () => octokit.paginate(octokit.rest.issues.listComments, { owner: req.owner, repo: req.repo, issue_number: req.prNumber, per_page: 100 }), retries, maxWaitMs);
        const existing = comments.find((c) => (c.body ?? '').includes(marker) && ours(c.user));
        if (existing) {
            if (existing.body === body)
                return { action: 'unchanged', commentId: existing.id, url: existing.html_url };
            try {
                const r = await withRetries('update comment', () => octokit.rest.issues.updateComment({ owner: req.owner, repo: req.repo, comment_id: existing.id, body }), retries, maxWaitMs);
                return { action: 'updated', commentId: r.data.id, url: r.data.html_url };
            }
            catch (e) {
                if (asHttp(e).status !== 404)
                    throw e;
                // Deleted between listing and updating: fall through to create.
            }
        }
        if (req.mode === 'update-only')
            return { action: 'skipped', note: 'no existing comment to update and nothing to report (comment: on-regression)' };
        const r = await withRetries('create comment', () => octokit.rest.issues.createComment({ owner: req.owner, repo: req.repo, issue_number: req.prNumber, body }), retries, maxWaitMs);
        return { action: 'created', commentId: r.data.id, url: r.data.html_url };
    }
}


/***/ }),

/***/ 40028:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MU: () => (/* binding */ TimeoutError),
/* harmony export */   networkTimeoutMs: () => (/* binding */ networkTimeoutMs),
/* harmony export */   wj: () => (/* binding */ withTimeout),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
// Bounds a network call with our own deadline: the toolkit clients retry for ≈25–35 s against a failing
// service, and a hanging connection has no deadline at all. The underlying call is not cancelled (the
// clients take no abort signal); post must end the process explicitly when it is done.
class TimeoutError extends Error {
    what;
    ms;
    constructor(what, ms) {
        super(`${what} timed out after ${ms / 1000} s`);
        this.what = what;
        this.ms = ms;
        this.name = 'TimeoutError';
    }
}
function withTimeout(promise, ms, what) {
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new TimeoutError(what, ms)), ms);
    });
    return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
/** Per-call deadlines in ms; CARBON_GATE_NETWORK_TIMEOUT_MS (a positive integer) overrides them all. */
function networkTimeoutMs(defaultMs, env = process.env) {
    const raw = env.CARBON_GATE_NETWORK_TIMEOUT_MS;
    if (raw && /^\d+$/.test(raw.trim()) && Number(raw) > 0)
        return Number(raw);
    return defaultMs;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));


/***/ })

};
