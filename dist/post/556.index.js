export const id = 556;
export const ids = [556];
export const modules = {

/***/ 19556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   matrixKey: () => (/* binding */ matrixKey),
/* harmony export */   readJobContext: () => (/* binding */ readJobContext)
/* harmony export */ });
/* unused harmony exports matrixHash, parseMatrix, jobContextFrom */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
// The job's identity, from the runner's environment and the event payload (GITHUB_EVENT_PATH).
// `jobContextFrom` is pure (env + payload in); `readJobContext` reads the payload file.
//
// The matrix: the runner does not give JavaScript actions the matrix by env, so action.yml declares a
// hidden input `matrix` with default `${{ toJSON(matrix) }}`; it arrives as INPUT_MATRIX ('null' when the
// job has no matrix).


const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']);
/** Keys sorted recursively, so equal matrices give equal text whatever the key order. */
function canonical(value) {
    if (Array.isArray(value))
        return `[${value.map(canonical).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const o = value;
        return `{${Object.keys(o)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
            .join(',')}}`;
    }
    return JSON.stringify(value) ?? 'null';
}
/** 'default' without a matrix; else 'm' + the first 10 hex digits of sha256 of the canonical matrix. */
function matrixHash(matrix) {
    if (!matrix || Object.keys(matrix).length === 0)
        return 'default';
    return 'm' + (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(canonical(matrix)).digest('hex').slice(0, 10);
}
/** Parses INPUT_MATRIX (`toJSON(matrix)`); null for empty, 'null' or a non-object. Never throws. */
function parseMatrix(raw) {
    if (!raw || raw.trim() === '' || raw.trim() === 'null')
        return null;
    try {
        const v = JSON.parse(raw);
        // `${{ toJSON(matrix) }}` outside a matrix is null or {}: no matrix (and no "build ()" label).
        return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0 ? v : null;
    }
    catch {
        return null;
    }
}
/** `key=value` pairs sorted by key and joined by commas ('' without a matrix): the matrix label of exports. */
function matrixKey(matrix) {
    if (!matrix)
        return '';
    return Object.keys(matrix)
        .sort()
        .map((k) => {
        const v = matrix[k];
        return `${k}=${typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : canonical(v)}`;
    })
        .join(',');
}
function matrixValues(matrix) {
    return Object.keys(matrix)
        .sort()
        .map((k) => {
        const v = matrix[k];
        return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : canonical(v);
    })
        .join(', ');
}
function jobContextFrom(env, payload, settings) {
    const p = (payload && typeof payload === 'object' ? payload : {});
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
    const prNumber = isPullRequestEvent && Number.isInteger(prNumberRaw) && prNumberRaw > 0 ? prNumberRaw : null;
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
function readJobContext(settings, env = process.env) {
    let payload = {};
    if (env.GITHUB_EVENT_PATH) {
        try {
            payload = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
        }
        catch {
            payload = {};
        }
    }
    return jobContextFrom(env, payload, settings);
}


/***/ })

};
