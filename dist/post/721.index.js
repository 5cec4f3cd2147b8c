export const id = 721;
export const ids = [721,28];
export const modules = {

/***/ 49721:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   uploadReportArtifact: () => (/* binding */ uploadReportArtifact)
/* harmony export */ });
/* unused harmony exports commonDir, artifactName */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _timeout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40028);
// Uploads emissions.csv, carbon-gate.csv, samples.csv, steps.csv and carbon-gate.json as one artifact with the real
// @actions/artifact client, straight from their paths (samples.csv can be tens of MB: it is never read
// into memory here). Never throws: every failure becomes a warning text.


/** The deepest directory holding every path (the artifact's root: entries are named relative to it). */
function commonDir(paths) {
    const parts = paths.map((p) => node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname(p)).split((node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)));
    const first = parts[0] ?? [];
    let n = 0;
    while (n < first.length && parts.every((p) => p[n] === first[n]))
        n++;
    return first.slice(0, n).join((node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)) || (node_path__WEBPACK_IMPORTED_MODULE_0___default().sep);
}
/** Characters the artifact service refuses in names. */
const FORBIDDEN = /["':<>|*?\\/\r\n]/g;
/**
 * `artifact-name`, or `carbon-gate-<job>-<baseline-key>`; plus `-attempt<N>` on re-runs, because artifact
 * names are unique per workflow run across attempts (a re-run uploading the same name gets 409).
 */
function artifactName(ctx, settings) {
    const base = settings.artifactName ?? `carbon-gate-${ctx.job}-${ctx.legKey}`.replace(FORBIDDEN, '_');
    return ctx.runAttempt > 1 ? `${base}-attempt${ctx.runAttempt}` : base;
}
async function uploadReportArtifact(files, ctx, settings, opts) {
    const name = artifactName(ctx, settings);
    if (!settings.artifact)
        return { uploaded: false, name, note: 'artifact upload is off (artifact: false)' };
    try {
        const paths = [files.emissionsCsv, files.carbonGateCsv, files.samplesCsv, files.stepsCsv, files.json].filter((p) => p !== undefined).map((p) => node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(p));
        const mod = opts.artifact ?? (await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(371), __webpack_require__.e(351), __webpack_require__.e(935)]).then(__webpack_require__.bind(__webpack_require__, 77935)));
        const client = new mod.DefaultArtifactClient();
        const res = await (0,_timeout_js__WEBPACK_IMPORTED_MODULE_1__/* .withTimeout */ .wj)(client.uploadArtifact(name, paths, commonDir(paths), settings.artifactRetentionDays !== null ? { retentionDays: settings.artifactRetentionDays } : {}), opts.timeoutMs, 'artifact upload');
        return { uploaded: true, name, ...(res.id !== undefined ? { id: res.id } : {}), ...(res.size !== undefined ? { size: res.size } : {}) };
    }
    catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        if (/\(409\)|Conflict|already exists/i.test(msg)) {
            return { uploaded: false, name, warning: `Artifact "${name}" was not uploaded: an artifact with this name already exists in this workflow run (HTTP 409). Give each job its own \`artifact-name\` (matrix jobs get one by default through baseline-key).` };
        }
        if (e instanceof _timeout_js__WEBPACK_IMPORTED_MODULE_1__/* .TimeoutError */ .MU)
            return { uploaded: false, name, warning: `Artifact "${name}" was not uploaded: ${msg}.` };
        if (/ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL/.test(msg))
            return { uploaded: false, name, warning: `Artifact "${name}" was not uploaded: the artifact service is not available to this step (${msg}).` };
        return { uploaded: false, name, warning: `Artifact "${name}" was not uploaded: ${msg}` };
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
