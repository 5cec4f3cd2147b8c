export const id = 915;
export const ids = [915];
export const modules = {

/***/ 23915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderCommentBody: () => (/* binding */ renderCommentBody)
});

// UNUSED EXPORTS: COMMENT_MAX_CHARS

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
// EXTERNAL MODULE: ./src/core/steps/compare.ts
var compare = __webpack_require__(34196);
;// CONCATENATED MODULE: ./src/core/report/steps-comment.ts



/** A step name as inline code: one line, clipped, no backticks (a code span shows everything else literally). */
function codeName(name) {
    return `\`${(0,report_escape/* clip */.$Q)(name.replace(/`/g, "'").replace(/\s+/g, ' '), 80) || 'step'}\``;
}
function stepsCommentLines(result, settings) {
    const rows = (result.steps ?? []).filter((r) => r.kind === 'step');
    if (!rows.length)
        return [];
    const top = [...rows].sort((a, b) => b.totalGCo2e - a.totalGCo2e).slice(0, 3);
    const out = [`**Steps** (top ${top.length} of ${rows.length} by emissions): ${top.map((r) => `${codeName(r.name)} ${(0,format/* co2e */.k)(r.totalGCo2e)} (${(0,format/* share */.uM)(r.share)})`).join(' · ')}`];
    const grew = (0,compare/* stepDeltas */.Uz)(rows, result.baseline.records, settings.compareOn, settings.maxIncreasePercent).filter((d) => d.grew);
    if (grew.length) {
        const words = (0,compare/* stepMetricWords */.gP)(settings.compareOn);
        out.push('', `**Steps that grew** beyond max-increase (${settings.maxIncreasePercent} %) against their own baseline median:`);
        for (const d of grew.sort((a, b) => b.deltaPercent - a.deltaPercent).slice(0, 20))
            out.push(`- ${codeName(d.name)} ${(0,format/* percentDelta */.yA)(d.deltaPercent)} ${words} (median of ${d.runs} run${d.runs === 1 ? '' : 's'})`);
    }
    return out;
}

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
    const steps = stepsCommentLines(result, settings);
    if (steps.length)
        main.push(...steps, '');
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


/***/ }),

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


/***/ })

};
