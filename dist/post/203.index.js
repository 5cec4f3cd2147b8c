export const id = 203;
export const ids = [203,28];
export const modules = {

/***/ 20203:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fetchJobSteps: () => (/* binding */ fetchJobSteps)
/* harmony export */ });
/* unused harmony export pickJob */
/* harmony import */ var _timeout_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40028);

const ms = (t) => {
    const v = t ? Date.parse(t) : NaN;
    return Number.isFinite(v) ? v : null;
};
/** The job running on this runner among a run's jobs, or null. */
function pickJob(jobs, runnerName) {
    const running = jobs.filter((j) => j.status === 'in_progress');
    return running.find((j) => runnerName && j.runner_name === runnerName) ?? (running.length === 1 && !runnerName ? running[0] : null);
}
async function fetchJobSteps(req) {
    if (!req.token)
        return { steps: null, note: 'no token: steps are named from what the runner showed' };
    try {
        const jobs = await (0,_timeout_js__WEBPACK_IMPORTED_MODULE_0__/* .withTimeout */ .wj)((async () => {
            const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 61351));
            const octokit = getOctokit(req.token, { baseUrl: req.apiUrl });
            return (await octokit.paginate('GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs', {
                owner: req.owner,
                repo: req.repo,
                run_id: Number(req.runId),
                attempt_number: req.runAttempt,
                per_page: 100,
            }));
        })(), req.timeoutMs, 'Jobs API');
        const job = pickJob(jobs, req.runnerName);
        if (!job?.steps)
            return { steps: null, note: `the Jobs API lists no in-progress job on runner "${req.runnerName ?? '?'}": steps are named from what the runner showed` };
        const steps = job.steps.map((s) => ({ number: s.number, name: s.name, status: s.status, conclusion: s.conclusion, startedMs: ms(s.started_at), completedMs: ms(s.completed_at) }));
        return { steps };
    }
    catch (e) {
        const status = e.status;
        if (status === 403 || status === 404) {
            return {
                steps: null,
                warning: `Step names: the token cannot read this run's jobs (HTTP ${status}), so steps are named from what the runner showed. ` +
                    'Grant `actions: read` (workflow `permissions: actions: read`) for the workflow’s step names and times.',
            };
        }
        return { steps: null, warning: `Step names: the Jobs API did not answer (${e.message}); steps are named from what the runner showed.` };
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
