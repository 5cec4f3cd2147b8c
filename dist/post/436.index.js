export const id = 436;
export const ids = [436];
export const modules = {

/***/ 65436:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderCommentBody: () => (/* binding */ renderCommentBody)
/* harmony export */ });
/* unused harmony export COMMENT_MAX_CHARS */
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96228);
/* harmony import */ var _verdict_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(93632);
/* harmony import */ var _baseline_section_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48113);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8547);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(26942);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(69663);
/* harmony import */ var _verdict_line_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(99110);







const COMMENT_MAX_CHARS = 60_000;
const TRUNCATION_NOTE = '\n\n_Comment truncated to stay within GitHub’s size limit; the full report is in the job summary and the artifact._\n';
const ROWS = [
    { label: 'CO2e', metric: 'gco2e' },
    { label: 'Energy', metric: 'energy-wh' },
    { label: 'CPU time', metric: 'cpu-seconds' },
    { label: 'Duration', metric: 'duration' },
];
const valueOf = (rec, m) => (m === 'duration' ? rec.durationSeconds : (0,_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .metricOf */ .ak)(rec, m));
const textOf = (m, x) => (m === 'duration' ? (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .duration */ .p0)(x) : (0,_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .metricText */ ._l)(m, x));
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
    const gating = (0,_verdict_line_js__WEBPACK_IMPORTED_MODULE_5__/* .gates */ .VF)(result.verdict, s) && result.verdict.regression ? s.compareOn : null;
    const rows = ROWS.map(({ label, metric }) => {
        const now = current(result, metric);
        const med = records.length ? (0,_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .median */ .JZ)(records.map((r) => valueOf(r, metric))) : null;
        let delta = '—';
        if (med !== null && med > 0) {
            const p = ((now - med) / med) * 100;
            const d = metric === 'duration' ? (0,_verdict_line_js__WEBPACK_IMPORTED_MODULE_5__/* .deltaText */ .mx)('cpu-seconds', now, med, p).replace(' CPU-s', ' s') : (0,_verdict_line_js__WEBPACK_IMPORTED_MODULE_5__/* .deltaText */ .mx)(metric, now, med, p);
            const mark = metric === gating ? (0,_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .bandEmoji */ .QX)((0,_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .deltaBand */ .w)(p)) : now > med ? '▲' : now < med ? '▼' : '';
            delta = mark ? `${d} ${mark}` : d;
        }
        const name = metric === s.compareOn ? `**${label}**` : label;
        return [name, textOf(metric, now), med === null ? '—' : textOf(metric, med), delta];
    });
    return (0,_table_js__WEBPACK_IMPORTED_MODULE_6__/* .mdTable */ .g)(['', 'This run', records.length ? `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)((0,_verdict_line_js__WEBPACK_IMPORTED_MODULE_5__/* .baselineName */ .Ri)(records))} median` : 'Baseline median', 'Δ'], rows, ['l', 'r', 'r', 'r']).trimEnd();
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
    return `<sub>carbon-gate ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(result.tool.version)}${commit}${attempt} · ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)((0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$Q)(result.model.label, 80))} · grid ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)((0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$Q)(result.emissions.intensity.location, 40))}</sub>`;
}
/** Renders the comment; the first line is always the hidden marker, the second the verdict. */
function renderCommentBody(args) {
    const { result, settings } = args;
    const maxChars = args.maxChars ?? COMMENT_MAX_CHARS;
    const marker = (0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .markerFor */ ._Z)(args.markerKey ?? result.job.key);
    // The verdict line is built from numbers and fixed words; the job label is escaped.
    const main = [marker, `#### 🌱 ${(0,_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .jobTitle */ .a9)((0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$Q)(result.job.label, 200))}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)((0,_verdict_line_js__WEBPACK_IMPORTED_MODULE_5__/* .verdictLine */ .MT)(result, settings))}`, ''];
    const drivers = (0,_baseline_section_js__WEBPACK_IMPORTED_MODULE_2__/* .driverLines */ .Gf)(result.verdict);
    if (drivers.length)
        main.push(drivers.join(' '), '');
    if (result.verdict.status !== 'pass' && result.verdict.reasons.length > 0) {
        main.push(...result.verdict.reasons.slice(0, 5).map((r) => `- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)((0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$Q)(r, 500))}`), '');
    }
    if (result.baseline.records.length > 0)
        main.push(compactTable(result, settings), '');
    if (result.quality.partial || result.quality.warnings.length > 0) {
        const w = result.quality.warnings.slice(0, 3).map((x) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)((0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$Q)(x, 300)));
        main.push(`⚠️ ${result.quality.partial ? 'Partial measurement. ' : ''}${w.join('; ')}${result.quality.warnings.length > 3 ? ` (+${result.quality.warnings.length - 3} more in the job summary)` : ''}`, '');
    }
    const links = linksLine(result, args.links);
    if (links)
        main.push(links, '');
    const details = ['<details><summary>Baseline window and regression rule</summary>', '', (0,_baseline_section_js__WEBPACK_IMPORTED_MODULE_2__/* .baselineStatusLine */ .KX)(result.baseline), ''];
    if (result.baseline.records.length > 0)
        details.push((0,_baseline_section_js__WEBPACK_IMPORTED_MODULE_2__/* .baselineWindowTable */ .qj)(result.baseline.records, { ...args.links, compareOn: settings.compareOn, maxRows: 50 }), '');
    details.push((0,_baseline_section_js__WEBPACK_IMPORTED_MODULE_2__/* .noiseRule */ .D0)(settings), '', '</details>', '');
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


/***/ })

};
