export const id = 697;
export const ids = [697];
export const modules = {

/***/ 64697:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TIMEOUTS_MS: () => (/* binding */ TIMEOUTS_MS),
  commentPlan: () => (/* binding */ commentPlan),
  publish: () => (/* binding */ publish),
  restoreBaseline: () => (/* binding */ restoreBaseline)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/core/format.ts
var format = __webpack_require__(96228);
// EXTERNAL MODULE: ./src/core/verdict.ts + 2 modules
var verdict = __webpack_require__(93632);
// EXTERNAL MODULE: ./src/core/report/baseline-section.ts
var baseline_section = __webpack_require__(48113);
// EXTERNAL MODULE: ./src/core/report/escape.ts
var report_escape = __webpack_require__(8547);
// EXTERNAL MODULE: ./src/core/report/summary.ts
var summary = __webpack_require__(26942);
// EXTERNAL MODULE: ./src/core/report/table.ts + 1 modules
var table = __webpack_require__(69663);
// EXTERNAL MODULE: ./src/core/report/verdict-line.ts
var verdict_line = __webpack_require__(99110);
;// CONCATENATED MODULE: ./src/core/report/comment-body.ts







const COMMENT_MAX_CHARS = 60_000;
const TRUNCATION_NOTE = '\n\n_Comment truncated to stay within GitHub’s size limit; the full report is in the job summary and the artifact._\n';
const ROWS = [
    { label: 'CO2e', metric: 'gco2e' },
    { label: 'Energy', metric: 'energy-wh' },
    { label: 'CPU time', metric: 'cpu-seconds' },
    { label: 'Duration', metric: 'duration' },
];
const comment_body_valueOf = (rec, m) => (m === 'duration' ? rec.durationSeconds : (0,verdict/* metricOf */.ak)(rec, m));
const textOf = (m, x) => (m === 'duration' ? (0,format/* duration */.p0)(x) : (0,verdict/* metricText */._l)(m, x));
function current(result, m) {
    switch (m) {
        case 'gco2e':
            return result.emissions.gatedGCo2e;
        case 'energy-wh':
            return result.energy.totalWh;
        case 'cpu-seconds':
            return result.energy.treeCpuSeconds ?? result.energy.machineCpuSeconds;
        case 'duration':
            return result.energy.durationSeconds;
    }
}
const isSafeUrl = (u) => !!u && /^https?:\/\/[^\s()<>]+$/.test(u);
/** This run vs the baseline median per metric; the gating metric gets the band emoji, the others ▲/▼. */
function compactTable(result, s) {
    const records = result.baseline.records;
    const gating = (0,verdict_line/* gates */.VF)(result.verdict, s) && result.verdict.regression ? s.compareOn : null;
    const rows = ROWS.map(({ label, metric }) => {
        const now = current(result, metric);
        const med = records.length ? (0,verdict/* median */.JZ)(records.map((r) => comment_body_valueOf(r, metric))) : null;
        let delta = '—';
        if (med !== null && med > 0) {
            const p = ((now - med) / med) * 100;
            const d = metric === 'duration' ? (0,verdict_line/* deltaText */.mx)('cpu-seconds', now, med, p).replace(' CPU-s', ' s') : (0,verdict_line/* deltaText */.mx)(metric, now, med, p);
            const mark = metric === gating ? (0,verdict/* bandEmoji */.QX)((0,verdict/* deltaBand */.w)(p)) : now > med ? '▲' : now < med ? '▼' : '';
            delta = mark ? `${d} ${mark}` : d;
        }
        const name = metric === s.compareOn ? `**${label}**` : label;
        return [name, textOf(metric, now), med === null ? '—' : textOf(metric, med), delta];
    });
    return (0,table/* mdTable */.g)(['', 'This run', records.length ? `${(0,report_escape/* escapeMarkdown */.FV)((0,verdict_line/* baselineName */.Ri)(records))} median` : 'Baseline median', 'Δ'], rows, ['l', 'r', 'r', 'r']).trimEnd();
}
function linksLine(result, links) {
    const parts = [];
    const j = result.job;
    if (isSafeUrl(j.jobUrl))
        parts.push(`[job summary](${j.runUrl && isSafeUrl(j.runUrl) ? `${j.runUrl}#summary-${j.jobUrl.split('/').pop()}` : j.jobUrl}) · [job log](${j.jobUrl})`);
    else if (isSafeUrl(j.runUrl))
        parts.push(`[job summary](${j.runUrl})`);
    const a = links?.artifact;
    if (a) {
        const name = `\`${a.name.replace(/`/g, "'")}\``;
        parts.push(isSafeUrl(a.url) ? `artifact [${name}](${a.url})` : `artifact ${name}`);
    }
    return parts.length ? `Full report: ${parts.join(' · ')}` : '';
}
function footer(result) {
    const j = result.job;
    const commit = j.sha && /^[0-9a-f]{7,40}$/i.test(j.sha) ? ` · commit \`${j.sha.slice(0, 7)}\`` : '';
    const attempt = j.runAttempt && j.runAttempt > 1 ? ` (attempt ${j.runAttempt})` : '';
    return `<sub>carbon-gate ${(0,report_escape/* escapeMarkdown */.FV)(result.tool.version)}${commit}${attempt} · ${(0,report_escape/* escapeMarkdown */.FV)((0,report_escape/* clip */.$Q)(result.model.label, 80))} · grid ${(0,report_escape/* escapeMarkdown */.FV)((0,report_escape/* clip */.$Q)(result.emissions.intensity.location, 40))}</sub>`;
}
/** Renders the comment; the first line is always the hidden marker, the second the verdict. */
function renderCommentBody(args) {
    const { result, settings } = args;
    const maxChars = args.maxChars ?? COMMENT_MAX_CHARS;
    const marker = (0,report_escape/* markerFor */._Z)(args.markerKey ?? result.job.key);
    // The verdict line is built from numbers and fixed words; the job label is escaped.
    const main = [marker, `#### 🌱 ${(0,summary/* jobTitle */.a9)((0,report_escape/* clip */.$Q)(result.job.label, 200))}: ${(0,report_escape/* escapeMarkdown */.FV)((0,verdict_line/* verdictLine */.MT)(result, settings))}`, ''];
    const drivers = (0,baseline_section/* driverLines */.Gf)(result.verdict);
    if (drivers.length)
        main.push(drivers.join(' '), '');
    if (result.verdict.status !== 'pass' && result.verdict.reasons.length > 0) {
        main.push(...result.verdict.reasons.slice(0, 5).map((r) => `- ${(0,report_escape/* escapeMarkdown */.FV)((0,report_escape/* clip */.$Q)(r, 500))}`), '');
    }
    if (result.baseline.records.length > 0)
        main.push(compactTable(result, settings), '');
    if (result.quality.partial || result.quality.warnings.length > 0) {
        const w = result.quality.warnings.slice(0, 3).map((x) => (0,report_escape/* escapeMarkdown */.FV)((0,report_escape/* clip */.$Q)(x, 300)));
        main.push(`⚠️ ${result.quality.partial ? 'Partial measurement. ' : ''}${w.join('; ')}${result.quality.warnings.length > 3 ? ` (+${result.quality.warnings.length - 3} more in the job summary)` : ''}`, '');
    }
    const links = linksLine(result, args.links);
    if (links)
        main.push(links, '');
    const details = ['<details><summary>Baseline window and regression rule</summary>', '', (0,baseline_section/* baselineStatusLine */.KX)(result.baseline), ''];
    if (result.baseline.records.length > 0)
        details.push((0,baseline_section/* baselineWindowTable */.qj)(result.baseline.records, { ...args.links, compareOn: settings.compareOn, maxRows: 50 }), '');
    details.push((0,baseline_section/* noiseRule */.D0)(settings), '', '</details>', '');
    const end = footer(result) + '\n';
    const full = main.join('\n') + '\n' + details.join('\n') + end;
    if (full.length <= maxChars)
        return full;
    const withoutDetails = main.join('\n') + TRUNCATION_NOTE;
    if (withoutDetails.length <= maxChars)
        return withoutDetails;
    // Still too long (absurd labels or reasons): hard cut on a line boundary, keep the marker.
    const budget = Math.max(marker.length + 1, maxChars - TRUNCATION_NOTE.length);
    let cut = main.join('\n').slice(0, budget);
    const nl = cut.lastIndexOf('\n');
    if (nl > marker.length)
        cut = cut.slice(0, nl);
    return (cut + TRUNCATION_NOTE).slice(0, maxChars);
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/github/timeout.ts
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

;// CONCATENATED MODULE: ./src/github/artifact.ts
// Uploads emissions.csv, carbon-gate.csv, samples.csv and carbon-gate.json as one artifact with the real
// @actions/artifact client. Never throws: every failure becomes a warning text.




/** Characters the artifact service refuses in names. */
const FORBIDDEN = /["':<>|*?\\/\r\n]/g;
/**
 * `artifact-name`, or `carbon-gate-<job>-<baseline-key>`; plus `-attempt<N>` on re-runs, because artifact
 * names are unique per workflow run across attempts (a re-run uploading the same name gets 409).
 */
function artifactName(ctx, settings) {
    const base = settings.artifactName ?? `carbon-gate-${ctx.job}-${ctx.baselineKey}`.replace(FORBIDDEN, '_');
    return ctx.runAttempt > 1 ? `${base}-attempt${ctx.runAttempt}` : base;
}
async function uploadReportArtifact(files, ctx, settings, opts) {
    const name = artifactName(ctx, settings);
    if (!settings.artifact)
        return { uploaded: false, name, note: 'artifact upload is off (artifact: false)' };
    const dir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(opts.tempDir ?? process.env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)(), 'carbon-gate-artifact-'));
    try {
        const paths = [
            [external_node_path_default().join(dir, 'emissions.csv'), files.emissionsCsv],
            ...(files.carbonGateCsv !== undefined ? [[external_node_path_default().join(dir, 'carbon-gate.csv'), files.carbonGateCsv]] : []),
            [external_node_path_default().join(dir, 'samples.csv'), files.samplesCsv],
            [external_node_path_default().join(dir, 'carbon-gate.json'), files.json],
        ];
        for (const [p, text] of paths)
            (0,external_node_fs_.writeFileSync)(p, text);
        const mod = opts.artifact ?? (await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(371), __webpack_require__.e(351), __webpack_require__.e(935)]).then(__webpack_require__.bind(__webpack_require__, 77935)));
        const client = new mod.DefaultArtifactClient();
        const res = await withTimeout(client.uploadArtifact(name, paths.map(([p]) => p), dir, settings.artifactRetentionDays !== null ? { retentionDays: settings.artifactRetentionDays } : {}), opts.timeoutMs, 'artifact upload');
        return { uploaded: true, name, ...(res.id !== undefined ? { id: res.id } : {}), ...(res.size !== undefined ? { size: res.size } : {}) };
    }
    catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        if (/\(409\)|Conflict|already exists/i.test(msg)) {
            return { uploaded: false, name, warning: `Artifact "${name}" was not uploaded: an artifact with this name already exists in this workflow run (HTTP 409). Give each job its own \`artifact-name\` (matrix jobs get one by default through baseline-key).` };
        }
        if (e instanceof TimeoutError)
            return { uploaded: false, name, warning: `Artifact "${name}" was not uploaded: ${msg}.` };
        if (/ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL/.test(msg))
            return { uploaded: false, name, warning: `Artifact "${name}" was not uploaded: the artifact service is not available to this step (${msg}).` };
        return { uploaded: false, name, warning: `Artifact "${name}" was not uploaded: ${msg}` };
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
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
    return `carbon-gate-v1-${keyPart(ctx.workflow)}-${keyPart(ctx.job)}-${keyPart(ctx.baselineKey)}-`;
}
function baselineKey(ctx) {
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
        const { value: matchedKey, failures } = await captureClientFailures(() => withTimeout(inWorkspace(dir, () => cache.restoreCache([BASELINE_FILE], baselineKey(ctx), [prefix])), opts.timeoutMs, 'baseline restore'));
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
    const key = baselineKey(ctx);
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
            const { value: id, failures } = await captureClientFailures(() => withTimeout(inWorkspace(dir, () => cache.saveCache([BASELINE_FILE], key)), opts.timeoutMs, 'baseline save'));
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
    if (e instanceof TimeoutError)
        return e.message;
    return (0,report_escape/* clip */.$Q)(e instanceof Error ? e.message : String(e), 300);
}

;// CONCATENATED MODULE: ./src/github/comment.ts
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
            await sleep(wait);
        }
    }
}
function adviceFor403(req) {
    const why = req.isFork ? 'this pull request comes from a fork, and its token is read-only' : 'the token is read-only or lacks `pull-requests: write`';
    return `could not write the PR comment (HTTP 403: ${why}). The summary and the artifact have the full report; to comment on fork PRs, use the workflow_run recipe: ${req.forkRecipeUrl}`;
}
function comment_describe(e) {
    const h = asHttp(e);
    if (e instanceof GaveUp)
        return e.message;
    if (e instanceof TimeoutError)
        return e.message;
    return h.status ? `HTTP ${h.status}: ${h.message ?? ''}`.trim() : e instanceof Error ? e.message : String(e);
}
async function upsertStickyComment(req) {
    if (!req.token)
        return { action: 'skipped', note: 'no token: PR comment skipped' };
    const marker = (0,report_escape/* markerFor */._Z)(req.markerKey);
    const body = req.body.includes(marker) ? req.body : `${marker}\n${req.body}`;
    const retries = req.retries ?? 2;
    const maxWaitMs = req.maxWaitMs ?? 10_000;
    try {
        return await withTimeout(run(), req.timeoutMs, 'PR comment');
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
        return { action: 'failed', warning: `could not write the PR comment: ${comment_describe(e)}. The job summary has the full report.` };
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

;// CONCATENATED MODULE: ./src/github/publish.ts
// The one entry post uses for GitHub side effects:
//   restoreBaseline(settings, ctx)                 before the verdict
//   publish(result, files, settings, ctx, body?)   after it: save the baseline (when allowed), upload the
//                                                  artifact, write the sticky comment
// Each side effect can be switched off (baseline: false, artifact: false, comment: never). None throws,
// every network call is bounded by our own deadline, and problems come back as warnings (not logged here:
// the caller logs them once). The toolkit clients are loaded with dynamic import() inside the adapters,
// so pre and the sampler never load them.
//
// Note for the caller: a call that timed out is not cancelled (the clients take no abort signal), so a
// hanging connection or a client's retry timer can keep the process alive; post should end with an
// explicit process.exit().






const TIMEOUTS_MS = { restore: 20_000, save: 30_000, artifact: 45_000, comment: 30_000 };
async function restoreBaseline(settings, ctx) {
    const r = await restoreBaselineWindow(ctx, settings, { timeoutMs: networkTimeoutMs(TIMEOUTS_MS.restore) });
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
async function saveStep(result, settings, ctx, out) {
    if (!settings.baseline)
        return;
    const decision = saveDecision(ctx, settings);
    if (!decision.save) {
        out.notes.push(`baseline not saved: ${decision.reason}`);
        return;
    }
    if (result.baseline.status === 'unavailable') {
        // Saving now would start a new window of one run and hide the history.
        out.warnings.push(`baseline not saved: the previous window could not be read (${result.baseline.note ?? 'cache unavailable'}), and saving would restart it.`);
        return;
    }
    const s = await saveBaselineWindow(ctx, settings, recordOf(result, ctx), result.baseline.records, { timeoutMs: networkTimeoutMs(TIMEOUTS_MS.save) });
    if (s.saved)
        out.notes.push(`baseline saved under ${s.key} (${s.records} run${s.records === 1 ? '' : 's'} in the window; ${s.reason})`);
    else if (s.failed)
        out.warnings.push(`baseline not saved: ${s.reason}`);
    else
        out.notes.push(`baseline not saved: ${s.reason}`);
}
async function artifactStep(files, settings, ctx, out) {
    if (!settings.artifact) {
        out.notes.push('artifact upload off (artifact: false)');
        return;
    }
    let contents;
    try {
        contents = {
            emissionsCsv: (0,external_node_fs_.readFileSync)(files.emissionsCsv, 'utf8'),
            ...(files.carbonGateCsv ? { carbonGateCsv: (0,external_node_fs_.readFileSync)(files.carbonGateCsv, 'utf8') } : {}),
            samplesCsv: (0,external_node_fs_.readFileSync)(files.samplesCsv, 'utf8'),
            json: (0,external_node_fs_.readFileSync)(files.json, 'utf8'),
        };
    }
    catch (e) {
        out.warnings.push(`artifact not uploaded: ${e.message}`);
        return;
    }
    const a = await uploadReportArtifact(contents, ctx, settings, { timeoutMs: networkTimeoutMs(TIMEOUTS_MS.artifact) });
    if (a.uploaded)
        out.notes.push(`artifact "${a.name}" uploaded${a.id !== undefined ? ` (id ${a.id})` : ''}`);
    if (a.warning)
        out.warnings.push(a.warning);
    if (a.note)
        out.notes.push(a.note);
}
async function commentStep(result, settings, ctx, body, out) {
    const plan = commentPlan(result, settings, ctx);
    if (!plan.write) {
        out.notes.push(plan.why);
        return;
    }
    const text = body ??
        renderCommentBody({
            result,
            settings,
            links: { serverUrl: ctx.serverUrl, repository: ctx.repository },
            markerKey: ctx.jobKey,
        });
    const c = await upsertStickyComment({
        token: settings.token,
        apiUrl: ctx.apiUrl,
        owner: ctx.owner,
        repo: ctx.repo,
        prNumber: ctx.prNumber,
        markerKey: ctx.jobKey,
        body: text,
        mode: plan.mode,
        isFork: ctx.isFork,
        forkRecipeUrl: ctx.forkRecipeUrl,
        timeoutMs: networkTimeoutMs(TIMEOUTS_MS.comment),
    });
    if (c.warning)
        out.warnings.push(c.warning);
    else if (c.action === 'skipped')
        out.notes.push(c.note ?? 'PR comment skipped');
    else
        out.notes.push(`PR comment ${c.action}${c.url ? `: ${c.url}` : ''}`);
}
async function publish(result, files, settings, ctx, commentBody) {
    const out = { warnings: [], notes: [] };
    const guard = async (what, p) => {
        try {
            await p;
        }
        catch (e) {
            out.warnings.push(`${what} failed: ${e instanceof Error ? e.message : String(e)}`);
        }
    };
    // Independent side effects run side by side, so the slowest bounds post, not their sum.
    await Promise.all([
        guard('baseline save', saveStep(result, settings, ctx, out)),
        guard('artifact upload', artifactStep(files, settings, ctx, out)),
        guard('PR comment', commentStep(result, settings, ctx, commentBody, out)),
    ]);
    return out;
}


/***/ })

};
