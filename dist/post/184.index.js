export const id = 184;
export const ids = [184,28,804];
export const modules = {

/***/ 34196:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oc: () => (/* binding */ stepTotals),
/* harmony export */   Uz: () => (/* binding */ stepDeltas),
/* harmony export */   gP: () => (/* binding */ stepMetricWords)
/* harmony export */ });
/* harmony import */ var _verdict_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(93632);

/** Per-step totals for a baseline record, keyed by step name (the outside row is not a step). */
function stepTotals(rows) {
    const out = {};
    for (const r of rows)
        if (r.kind === 'step')
            out[r.name] = { cpuSeconds: r.cpuSeconds, energyWh: r.totalWh, gatedGCo2e: r.gatedGCo2e };
    return out;
}
const metricOfStep = (s, m) => (m === 'cpu-seconds' ? s.cpuSeconds : m === 'energy-wh' ? s.energyWh : s.gatedGCo2e);
const metricOfRow = (r, m) => (m === 'cpu-seconds' ? r.cpuSeconds : m === 'energy-wh' ? r.totalWh : r.gatedGCo2e);
/** What the compared metric means for one step, in a sentence: "+48 % CPU work". */
function stepMetricWords(m) {
    return m === 'cpu-seconds' ? 'CPU work' : m === 'energy-wh' ? 'energy' : 'emissions';
}
/** Each step of this run that the baseline window knows, with its delta against the median of its runs. */
function stepDeltas(rows, records, compareOn, maxIncreasePercent) {
    const out = [];
    for (const r of rows) {
        if (r.kind !== 'step')
            continue;
        const past = records.map((rec) => rec.steps?.[r.name]).filter((x) => !!x);
        if (!past.length)
            continue;
        const med = (0,_verdict_js__WEBPACK_IMPORTED_MODULE_0__/* .median */ .JZ)(past.map((x) => metricOfStep(x, compareOn)));
        if (!(med > 0))
            continue;
        const current = metricOfRow(r, compareOn);
        const deltaPercent = ((current - med) / med) * 100;
        out.push({ name: r.name, current, median: med, runs: past.length, deltaPercent, grew: maxIncreasePercent !== null && deltaPercent > maxIncreasePercent });
    }
    return out;
}


/***/ }),

/***/ 49804:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  recordOf: () => (/* binding */ recordOf),
  MO: () => (/* binding */ restoreBaselineWindow),
  saveBaselineWindow: () => (/* binding */ saveBaselineWindow),
  saveDecision: () => (/* binding */ saveDecision)
});

// UNUSED EXPORTS: BASELINE_DIR, BASELINE_FILE, baselineCacheKey, baselinePrefix, keyPart, nextWindow, parseBaselineFile

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/core/steps/compare.ts
var compare = __webpack_require__(34196);
// EXTERNAL MODULE: ./src/github/timeout.ts
var timeout = __webpack_require__(40028);
;// CONCATENATED MODULE: ./src/github/client-log.ts
// The @actions/cache client reports failures only by logging through @actions/core
// (`::error::Failed to restore: …`, `::warning::Failed to save: …`, info `Failed to save: … another job may
// be creating this cache`) and returning undefined / -1. A failing cache must not put error annotations on
// the user's run, and carbon-gate must know the call failed (to say "cache unavailable", not "no
// baseline yet"). So while a cache call runs, and afterwards for late output of a call that timed out,
// these client lines are rewritten as plain log lines and recorded. Nothing else written to stdout is
// touched.
const FAILURE = /^(Failed to restore: |Failed to save: |Cache reservation failed: |You've hit a rate limit|Unable to finalize cache|Failed to make request)/;
const COMMAND = /^::(error|warning)(?: [^:]*)?::(.*)$/;
const recorders = new Set();
let installed = false;
function unescapeData(s) {
    return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
function install() {
    if (installed)
        return;
    installed = true;
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk, ...rest) => {
        if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array))
            return original(chunk, ...rest);
        const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        let changed = false;
        const lines = text.split(/(\r?\n)/);
        for (let i = 0; i < lines.length; i += 2) {
            const line = lines[i];
            const cmd = COMMAND.exec(line);
            const message = cmd ? unescapeData(cmd[2]) : line;
            if (!FAILURE.test(message))
                continue;
            for (const r of recorders)
                r(message.split('\n')[0]);
            if (cmd) {
                lines[i] = `carbon-gate: cache client: ${message.replace(/\r?\n/g, ' ')}`;
                changed = true;
            }
        }
        return original(changed ? lines.join('') : chunk, ...rest);
    });
}
/** Runs fn and returns what it returned plus the cache-client failure messages logged meanwhile. */
async function captureClientFailures(fn) {
    install();
    const failures = [];
    const rec = (m) => failures.push(m);
    recorders.add(rec);
    try {
        const value = await fn();
        return { value, failures };
    }
    finally {
        recorders.delete(rec);
    }
}

// EXTERNAL MODULE: ./src/core/report/escape.ts
var report_escape = __webpack_require__(8547);
;// CONCATENATED MODULE: ./src/github/baseline.ts
// Baseline windows on the Actions cache (real @actions/cache, cache service v2).
//
// One cache entry per saving run, under a unique key
//   carbon-gate-v1-<workflow>-<job>-<baseline-key>-<run_id>-<attempt>
// restored by the prefix carbon-gate-v1-<workflow>-<job>-<baseline-key>- (the service returns the newest
// match). The entry holds one JSON file: this run's BaselineRecord and the previous N−1 records, so one
// restore gives the whole window.
//
// Saving is allowed only for push / workflow_dispatch / schedule runs on the default branch or a
// baseline-branches branch, and never from a pull-request ref or event, whatever the inputs say.
//
// The cached path is relative to the workspace (.carbon-gate-baseline/baseline.json) because the cache
// version hashes the path text: an absolute RUNNER_TEMP path would differ between runners.
//
// The cache client reports its own failures by logging (`::error::Failed to restore…`) and returning
// undefined / -1. To tell "no baseline yet" from "cache unavailable" and to keep a failing cache from
// raising error annotations, those client lines are turned into plain log lines and recorded
// (client-log.ts).







const BASELINE_DIR = '.carbon-gate-baseline';
const BASELINE_FILE = `${BASELINE_DIR}/baseline.json`;
/** A key part: only [A-Za-z0-9._] (so '-' separates parts unambiguously), at most 40 chars. */
function keyPart(raw) {
    const clean = raw.replace(/[^A-Za-z0-9._]/g, '_');
    if (clean === raw && raw.length > 0 && raw.length <= 40)
        return raw;
    const h = (0,external_node_crypto_.createHash)('sha256').update(raw).digest('hex').slice(0, 8);
    return `${clean.slice(0, 31)}_${h}`;
}
function baselinePrefix(ctx) {
    return `carbon-gate-v1-${keyPart(ctx.workflow)}-${keyPart(ctx.job)}-${keyPart(ctx.legKey)}-`;
}
function baselineCacheKey(ctx) {
    return `${baselinePrefix(ctx)}${keyPart(ctx.runId || '0')}-${ctx.runAttempt}`;
}
const SAVE_EVENTS = new Set(['push', 'workflow_dispatch', 'schedule']);
/** Whether this run may save a baseline, and why (pure). */
function saveDecision(ctx, settings) {
    if (!settings.baseline)
        return { save: false, reason: 'baseline is off' };
    if (ctx.isPullRequestRef || ctx.ref.startsWith('refs/pull/'))
        return { save: false, reason: `never saved from a pull-request ref (${ctx.ref})` };
    if (ctx.isPullRequestEvent)
        return { save: false, reason: `never saved from a pull-request event (${ctx.eventName})` };
    if (!SAVE_EVENTS.has(ctx.eventName))
        return { save: false, reason: `saved only on push, workflow_dispatch or schedule, not ${ctx.eventName || 'an unknown event'}` };
    if (!ctx.ref.startsWith('refs/heads/'))
        return { save: false, reason: `saved only from branches, not ${ctx.ref || 'an unknown ref'}` };
    const branch = ctx.ref.slice('refs/heads/'.length);
    // Scheduled runs always run on the default branch, even when the payload does not name it.
    if (branch === ctx.defaultBranch || (ctx.defaultBranch === null && ctx.eventName === 'schedule'))
        return { save: true, reason: `default branch ${branch}` };
    if (settings.baselineBranches.includes(branch))
        return { save: true, reason: `branch ${branch} is in baseline-branches` };
    return { save: false, reason: `branch ${branch} is neither the default branch${ctx.defaultBranch ? ` (${ctx.defaultBranch})` : ''} nor in baseline-branches` };
}
function isRecord(r) {
    if (!r || typeof r !== 'object')
        return false;
    const o = r;
    const num = (k) => typeof o[k] === 'number' && Number.isFinite(o[k]) && o[k] >= 0;
    return (typeof o.runId === 'string' &&
        typeof o.sha === 'string' &&
        typeof o.ref === 'string' &&
        Number.isInteger(o.runAttempt) &&
        ['wallMs', 'energyWh', 'operationalGCo2e', 'embodiedGCo2e', 'gatedGCo2e', 'durationSeconds', 'cpuSeconds'].every(num));
}
/** Whether stored terms have every field the comparison prices with (finite, non-negative numbers). */
function isTerms(t) {
    if (!t || typeof t !== 'object')
        return false;
    const o = t;
    const f = o.factors;
    const num = (x, k) => typeof x[k] === 'number' && Number.isFinite(x[k]) && x[k] >= 0;
    return (o.v === 1 &&
        ['cpuSeconds', 'durationSeconds', 'contentionSeconds', 'workWh', 'timeWh', 'embodiedGCo2e'].every((k) => num(o, k)) &&
        (o.runnableSeconds === undefined || num(o, 'runnableSeconds')) &&
        !!f &&
        typeof f === 'object' &&
        ['workWhPerCpuSecond', 'timeWatts', 'embodiedGPerHour', 'pue', 'gCo2ePerKwh'].every((k) => num(f, k)) &&
        typeof f.includeEmbodied === 'boolean' &&
        typeof f.model === 'string' &&
        typeof f.grid === 'string');
}
/**
 * Parses a cached baseline file; invalid records are dropped. Newest first, one record per run id.
 * Records written before terms were stored (or with unusable terms) are kept without them.
 */
function parseBaselineFile(text) {
    const data = JSON.parse(text);
    if (data?.v !== 1 || !Array.isArray(data.records))
        throw new Error('not a carbon-gate baseline file (v1)');
    return dedupe(data.records.filter(isRecord).map((r) => {
        if (r.terms === undefined || isTerms(r.terms))
            return r;
        const { terms: _dropped, ...legacy } = r;
        return legacy;
    }));
}
function dedupe(records) {
    const sorted = [...records].sort((a, b) => b.wallMs - a.wallMs || b.runAttempt - a.runAttempt);
    const seen = new Set();
    return sorted.filter((r) => (seen.has(r.runId) ? false : (seen.add(r.runId), true)));
}
/** The window to save: this run first, then the previous runs (other run ids), at most `size`. */
function nextWindow(current, previous, size) {
    return [current, ...dedupe(previous.filter((r) => r.runId !== current.runId))].slice(0, Math.max(1, size));
}
/** This run's record from its result. */
function recordOf(result, ctx) {
    return {
        runId: ctx.runId,
        runAttempt: ctx.runAttempt,
        sha: ctx.sha,
        ref: ctx.ref,
        wallMs: result.endedWallMs,
        energyWh: result.energy.totalWh,
        operationalGCo2e: result.emissions.operationalGCo2e,
        embodiedGCo2e: result.emissions.embodiedGCo2e,
        gatedGCo2e: result.emissions.gatedGCo2e,
        durationSeconds: result.energy.durationSeconds,
        cpuSeconds: result.energy.treeCpuSeconds ?? result.energy.machineCpuSeconds,
        ...(result.terms ? { terms: result.terms } : {}),
        ...(result.steps?.length ? { steps: (0,compare/* stepTotals */.Oc)(result.steps) } : {}),
    };
}
function workspace(env) {
    return env.GITHUB_WORKSPACE || process.cwd();
}
/** Runs fn with the process in the workspace (the cache client globs paths relative to cwd). */
async function inWorkspace(dir, fn) {
    const before = process.cwd();
    if (external_node_path_default().resolve(before) === external_node_path_default().resolve(dir))
        return fn();
    process.chdir(dir);
    try {
        return await fn();
    }
    finally {
        process.chdir(before);
    }
}
/**
 * Restores the newest baseline window of this job. Never throws: faults become status 'unavailable'
 * with a note; nothing found is 'none'.
 */
async function restoreBaselineWindow(ctx, settings, opts) {
    if (!settings.baseline)
        return { records: [], status: 'disabled' };
    const env = opts.env ?? process.env;
    try {
        const cache = opts.cache ?? (await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(371), __webpack_require__.e(91)]).then(__webpack_require__.bind(__webpack_require__, 18091)));
        if (!cache.isFeatureAvailable())
            return { records: [], status: 'unavailable', note: 'the Actions cache service is not available to this job (ACTIONS_RESULTS_URL is not set)' };
        const dir = workspace(env);
        const file = external_node_path_default().join(dir, BASELINE_FILE);
        (0,external_node_fs_.rmSync)(external_node_path_default().join(dir, BASELINE_DIR), { recursive: true, force: true });
        const prefix = baselinePrefix(ctx);
        const { value: matchedKey, failures } = await captureClientFailures(() => (0,timeout/* withTimeout */.wj)(inWorkspace(dir, () => cache.restoreCache([BASELINE_FILE], baselineCacheKey(ctx), [prefix])), opts.timeoutMs, 'baseline restore'));
        if (!matchedKey) {
            (0,external_node_fs_.rmSync)(external_node_path_default().join(dir, BASELINE_DIR), { recursive: true, force: true });
            if (failures.length > 0)
                return { records: [], status: 'unavailable', note: (0,report_escape/* clip */.$Q)(failures[0], 300) };
            return { records: [], status: 'none' };
        }
        try {
            if (!(0,external_node_fs_.existsSync)(file))
                return { records: [], status: 'unavailable', note: `cache entry ${matchedKey} did not contain ${BASELINE_FILE}` };
            const records = parseBaselineFile((0,external_node_fs_.readFileSync)(file, 'utf8')).slice(0, settings.baselineWindow);
            return records.length > 0 ? { records, status: 'found', matchedKey } : { records: [], status: 'none', note: `cache entry ${matchedKey} held no valid records` };
        }
        finally {
            (0,external_node_fs_.rmSync)(external_node_path_default().join(dir, BASELINE_DIR), { recursive: true, force: true });
        }
    }
    catch (e) {
        return { records: [], status: 'unavailable', note: describe(e) };
    }
}
/**
 * Saves this run's window when the policy allows. Never throws.
 * `previous` is what restoreBaselineWindow returned for this run.
 */
async function saveBaselineWindow(ctx, settings, current, previous, opts) {
    const decision = saveDecision(ctx, settings);
    if (!decision.save)
        return { saved: false, reason: decision.reason, failed: false };
    const env = opts.env ?? process.env;
    const key = baselineCacheKey(ctx);
    try {
        const cache = opts.cache ?? (await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(371), __webpack_require__.e(91)]).then(__webpack_require__.bind(__webpack_require__, 18091)));
        if (!cache.isFeatureAvailable())
            return { saved: false, key, reason: 'the Actions cache service is not available to this job', failed: true };
        const dir = workspace(env);
        const records = nextWindow(current, previous, settings.baselineWindow);
        const body = { v: 1, tool: 'carbon-gate', jobKey: ctx.jobKey, records };
        (0,external_node_fs_.mkdirSync)(external_node_path_default().join(dir, BASELINE_DIR), { recursive: true });
        (0,external_node_fs_.writeFileSync)(external_node_path_default().join(dir, BASELINE_FILE), JSON.stringify(body, null, 1));
        try {
            const { value: id, failures } = await captureClientFailures(() => (0,timeout/* withTimeout */.wj)(inWorkspace(dir, () => cache.saveCache([BASELINE_FILE], key)), opts.timeoutMs, 'baseline save'));
            if (id === -1 || failures.length > 0)
                return { saved: false, key, reason: (0,report_escape/* clip */.$Q)(failures[0] ?? 'the cache service refused the entry', 300), failed: true };
            return { saved: true, key, reason: decision.reason, failed: false, records: records.length };
        }
        finally {
            (0,external_node_fs_.rmSync)(external_node_path_default().join(dir, BASELINE_DIR), { recursive: true, force: true });
        }
    }
    catch (e) {
        return { saved: false, key, reason: describe(e), failed: true };
    }
}
function describe(e) {
    if (e instanceof timeout/* TimeoutError */.MU)
        return e.message;
    return (0,report_escape/* clip */.$Q)(e instanceof Error ? e.message : String(e), 300);
}


/***/ }),

/***/ 77184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TIMEOUTS_MS: () => (/* binding */ TIMEOUTS_MS),
/* harmony export */   commentPlan: () => (/* binding */ commentPlan),
/* harmony export */   restoreBaseline: () => (/* binding */ restoreBaseline)
/* harmony export */ });
/* harmony import */ var _baseline_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49804);
/* harmony import */ var _timeout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40028);


const TIMEOUTS_MS = { restore: 20_000, save: 30_000, artifact: 45_000, comment: 30_000 };
async function restoreBaseline(settings, ctx) {
    const r = await (0,_baseline_js__WEBPACK_IMPORTED_MODULE_0__/* .restoreBaselineWindow */ .MO)(ctx, settings, { timeoutMs: (0,_timeout_js__WEBPACK_IMPORTED_MODULE_1__.networkTimeoutMs)(TIMEOUTS_MS.restore) });
    const out = { records: r.records, status: r.status };
    if (r.note)
        out.note = r.note;
    return out;
}
/** Whether a comment is due, and in which mode (pure). */
function commentPlan(result, settings, ctx) {
    if (settings.comment === 'never')
        return { write: false, why: 'PR comment off (comment: never)' };
    if (!ctx.isPullRequestEvent || ctx.prNumber === null)
        return { write: false, why: 'not a pull request: no PR comment' };
    if (!settings.token)
        return { write: false, why: 'no token: PR comment skipped' };
    if (settings.comment === 'on-regression') {
        const problem = result.verdict.status !== 'pass';
        return { write: true, mode: problem ? 'create-or-update' : 'update-only' };
    }
    return { write: true, mode: 'create-or-update' };
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
