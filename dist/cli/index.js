#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 6323:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ isDirectRun)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);
// Is this module the program node was started with? Each entry (dist/<entry>/index.js) runs itself
// when the runner starts it (`node dist/pre/index.js`) or when the npm bin link to it is run, and only
// exports run() when another program imports it: GitHub's @github/local-action imports an entry and
// calls its run() (its src/commands/run.ts), which must not start the stage a second time.
// Light on purpose: the sampler entry uses it.



function realOrResolved(file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(file);
    }
    catch {
        return undefined;
    }
}
/**
 * True when `moduleUrl` is the file node was asked to run (`argv1`, i.e. process.argv[1]). Both sides go
 * through realpath: npm's bin entry is a symlink (node_modules/.bin/carbon-gate → …/dist/cli/index.js),
 * and temp directories may sit behind a symlink (macOS /var → /private/var). `node dist/cli/index`
 * (no extension, resolved by node itself) is recognised too.
 */
function isDirectRun(moduleUrl, argv1 = process.argv[1]) {
    if (!argv1 || !moduleUrl.startsWith('file:'))
        return false;
    const self = realOrResolved((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(moduleUrl));
    if (!self)
        return false;
    const asked = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(argv1);
    return [asked, `${asked}.js`, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(asked, 'index.js')].some((candidate) => realOrResolved(candidate) === self);
}


/***/ }),

/***/ 961:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ak: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: EXIT_GATE_FAILED, EXIT_USAGE, USAGE, outputFormat, parseFlags

// EXTERNAL MODULE: ./src/core/format.ts
var format = __nccwpck_require__(6228);
;// CONCATENATED MODULE: ./src/core/report/chart.ts

const MAX_POINTS = 120;
/** GitHub's accessible blue, its muted grey and its orange (Primer fg.accent / fg.muted / severe). */
const CHART_COLOURS = { primary: '#0969da', secondary: '#6e7781', accent: '#bc4c00' };
/** Time-bucketed means, at most `max` points. */
function downsample(series, max = MAX_POINTS) {
    const pts = series.map((p) => ({ tS: p.tS, workWatts: p.cpuWatts + p.gpuWatts, memoryWatts: p.ramWatts }));
    if (pts.length <= max)
        return pts;
    const out = [];
    const per = pts.length / max;
    for (let i = 0; i < max; i++) {
        const slice = pts.slice(Math.floor(i * per), Math.floor((i + 1) * per));
        const mean = (f) => slice.reduce((s, p) => s + f(p), 0) / slice.length;
        out.push({ tS: slice[slice.length - 1].tS, workWatts: mean((p) => p.workWatts), memoryWatts: mean((p) => p.memoryWatts) });
    }
    return out;
}
const BARS = '▁▂▃▄▅▆▇█';
/** A sparkline scaled from 0 (not from the minimum), like the charts. */
function sparkline(values) {
    if (!values.length)
        return '';
    const hi = Math.max(...values);
    return values.map((v) => BARS[hi <= 0 ? 0 : Math.max(0, Math.min(7, Math.floor((v / hi) * 8)))]).join('');
}
/** The smallest 1, 2, 2.5 or 5 × 10^k at or above x (the top of an axis). */
function niceCeiling(x) {
    if (!(x > 0) || !Number.isFinite(x))
        return 1;
    const k = 10 ** Math.floor(Math.log10(x));
    for (const m of [1, 2, 2.5, 5, 10])
        if (m * k >= x * (1 - 1e-12))
            return Number((m * k).toPrecision(12));
    return 10 * k;
}
/** A number for Mermaid data: plain decimals, never exponent notation (toFixed never uses it below 1e21). */
function dataNumber(x) {
    return Number.isFinite(x) ? String(Number(x.toFixed(4))).replace(/e.*$/, '') : '0';
}
/** Axis-bound text: three significant digits at most, without exponent notation. */
function axisNumber(x) {
    if (!(x >= 1e-4) || !Number.isFinite(x))
        return '0';
    return String(Number(x.toFixed(Math.max(0, 2 - Math.floor(Math.log10(x)))))).replace(/e.*$/, '');
}
function initDirective(palette) {
    return `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette.join(', ')}"}}}}%%`;
}
function renderChart(series, mode) {
    if (mode === 'none' || series.length < 2)
        return '';
    const pts = downsample(series);
    const total = pts.map((p) => p.workWatts + p.memoryWatts);
    if (mode === 'sparkline') {
        return `Power over time (0 – ${(0,format/* power */.yp)(Math.max(...total))}): \`${sparkline(total)}\`\n`;
    }
    // Below 10 mW (only in synthetic runs) the axis reads in mW, so that it never rounds to a zero height.
    const [wUnit, k] = Math.max(...total) < 0.01 ? ['mW', 1000] : ['W', 1];
    const top = niceCeiling(Math.max(...total) * k * 1.05);
    const endS = pts[pts.length - 1].tS;
    const [unit, div] = endS > 7200 ? ['h', 3600] : endS > 120 ? ['min', 60] : ['s', 1];
    const memoryShare = total.reduce((s, x) => s + x, 0) > 0 ? pts.reduce((s, p) => s + p.memoryWatts, 0) / total.reduce((s, x) => s + x, 0) : 0;
    return [
        '```mermaid',
        initDirective([CHART_COLOURS.primary, CHART_COLOURS.secondary]),
        'xychart-beta',
        `  title "Power draw of the job (${wUnit})"`,
        `  x-axis "time (${unit})" 0 --> ${axisNumber(endS / div)}`,
        `  y-axis "${wUnit}" 0 --> ${axisNumber(top)}`,
        `  bar [${total.map((x) => dataNumber(x * k)).join(', ')}]`,
        `  bar [${pts.map((p) => dataNumber(p.memoryWatts * k)).join(', ')}]`,
        '```',
        '',
        `<sub>Blue: CPU and GPU power, driven by the work. Grey: memory power, driven by time (${Math.round(memoryShare * 100)} % of the energy here). The y-axis starts at 0.</sub>`,
        '',
    ].join('\n');
}
/** Bar label of a baseline run: its run id (digits only; anything else becomes its position). */
function runLabel(r, i) {
    return /^\d{1,20}$/.test(r.runId) ? `#${r.runId}` : `run ${i + 1}`;
}
/**
 * The trend: one bar per run of the baseline window (oldest first) and this run, in the compare-on metric,
 * with the window's median as a line. This run's bar has its own colour.
 */
function renderTrendChart(records, current, metric, median) {
    if (records.length === 0)
        return '';
    const value = (r) => (metric === 'gco2e' ? r.gatedGCo2e : metric === 'energy-wh' ? r.energyWh : r.cpuSeconds);
    const window = [...records].sort((a, b) => a.wallMs - b.wallMs);
    const raw = [...window.map(value), current];
    const scale = metric === 'cpu-seconds' ? { factor: 1, unit: 'CPU-s' } : (0,format/* unitFor */.SN)(Math.max(...raw), metric === 'gco2e' ? 'co2e' : 'energy');
    const v = raw.map((x) => x / scale.factor);
    const top = niceCeiling(Math.max(...v) * 1.05);
    const labels = [...window.map(runLabel), 'this run'].map((l) => `"${l}"`);
    const n = v.length;
    return [
        '```mermaid',
        initDirective([CHART_COLOURS.secondary, CHART_COLOURS.primary, CHART_COLOURS.accent]),
        'xychart-beta',
        `  title "Baseline window and this run (${scale.unit})"`,
        `  x-axis [${labels.join(', ')}]`,
        `  y-axis "${scale.unit}" 0 --> ${axisNumber(top)}`,
        `  bar [${v.map((x, i) => (i < n - 1 ? dataNumber(x) : '0')).join(', ')}]`,
        `  bar [${v.map((x, i) => (i === n - 1 ? dataNumber(x) : '0')).join(', ')}]`,
        `  line [${v.map(() => dataNumber(median / scale.factor)).join(', ')}]`,
        '```',
        '',
        '<sub>Grey: the baseline runs, oldest first. Blue: this run. Orange: the baseline median. The y-axis starts at 0.</sub>',
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/core/report/text.ts
// Plain-text rendering of our report markdown for a terminal: aligned tables without pipes, no HTML
// (entities decoded, <details>/<summary>/<sub> unwrapped), no markdown marks, the verdict line in colour
// when asked. Pure. It handles the subset of GFM the report renderers write, not markdown at large.

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#64;': '@', '&#35;': '#' };
const ANSI = { bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', green: '\u001b[32m', yellow: '\u001b[33m', cyan: '\u001b[36m', reset: '\u001b[0m' };
/** Inline markdown to text: links, code spans, bold, backslash escapes, entities, inline HTML. */
function inlineText(s) {
    return (s
        // [text](url) → text (url)
        .replace(/\[((?:\\.|[^\]\\])*)\]\((https?:\/\/[^\s()]+)\)/g, (_m, t, u) => `${t} (${u})`)
        .replace(/`([^`]*)`/g, '$1')
        .replace(/\*\*((?:\\.|[^*\\])+)\*\*/g, '$1')
        .replace(/<\/?(?:sub|b|strong|em|code)>/g, '')
        .replace(/\\([\\`*_[\]|~#<>!()+.-])/g, '$1')
        .replace(/&(?:amp|lt|gt|quot|#39|#64|#35);/g, (e) => ENTITIES[e] ?? e));
}
/** Terminal columns of a string: wide for emoji and CJK, zero for variation selectors and joiners. */
function displayWidth(s) {
    let w = 0;
    for (const ch of s) {
        const c = ch.codePointAt(0);
        if (c === 0xfe0f || c === 0x200d || (c >= 0x300 && c < 0x370))
            continue;
        if (c >= 0x1f000 || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xff00 && c <= 0xff60) || c === 0x2705 || c === 0x274c || c === 0x26a0)
            w += 2;
        else
            w += 1;
    }
    return w;
}
/** Cells of a GFM table row (split on unescaped pipes). */
function cells(line) {
    const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
    const out = [];
    let cur = '';
    for (let i = 0; i < inner.length; i++) {
        if (inner[i] === '\\' && i + 1 < inner.length) {
            cur += inner[i] + inner[i + 1];
            i++;
        }
        else if (inner[i] === '|') {
            out.push(cur.trim());
            cur = '';
        }
        else
            cur += inner[i];
    }
    out.push(cur.trim());
    return out;
}
function renderTable(rows, color) {
    const header = cells(rows[0]).map(inlineText);
    const aligns = cells(rows[1]).map((d) => (/^:?-+:$/.test(d) && !/^:-+:$/.test(d) ? 'r' : 'l'));
    const body = rows.slice(2).map((r) => cells(r).map(inlineText));
    const all = [header, ...body];
    const n = Math.max(...all.map((r) => r.length));
    const widths = Array.from({ length: n }, (_, i) => Math.max(...all.map((r) => displayWidth(r[i] ?? ''))));
    const fmtRow = (r) => widths
        .map((w, i) => {
        const c = r[i] ?? '';
        const pad = ' '.repeat(w - displayWidth(c));
        return aligns[i] === 'r' ? pad + c : c + pad;
    })
        .join('  ')
        .trimEnd();
    const head = fmtRow(header);
    const rule = widths.map((w) => '─'.repeat(w)).join('  ');
    const out = header.every((h) => h === '') ? [] : [color ? `${ANSI.bold}${head}${ANSI.reset}` : head, rule];
    return [...out, ...body.map(fmtRow)];
}
function verdictColour(line) {
    if (line.startsWith('✅'))
        return ANSI.green;
    if (line.startsWith('❌'))
        return ANSI.red;
    if (line.startsWith('⚠️'))
        return ANSI.yellow;
    return ANSI.cyan;
}
/** A mermaid xychart as one line: its title and its first series as a sparkline from 0. */
function chartAsText(block) {
    const title = /^\s*title "([^"]*)"/.exec(block.find((l) => /^\s*title /.test(l)) ?? '')?.[1];
    const data = /\[([\d.,\s]+)\]/.exec(block.find((l) => /^\s*(bar|line) \[/.test(l)) ?? '')?.[1];
    if (!data)
        return '';
    return `${title ?? 'Chart'}: ${sparkline(data.split(',').map(Number))}`;
}
/** The report markdown as terminal text. Mermaid blocks are dropped (use chart: 'sparkline' for text). */
function markdownToText(md, o) {
    const lines = md.split('\n');
    const out = [];
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (line.startsWith('```')) {
            const block = [];
            while (i + 1 < lines.length && !lines[i + 1].startsWith('```'))
                block.push(lines[++i]);
            i++;
            const spark = chartAsText(block);
            if (spark)
                out.push(spark);
            continue;
        }
        if (line.startsWith('|') && lines[i + 1]?.startsWith('|') && /^\|[\s:|-]+\|$/.test(lines[i + 1].trim())) {
            const rows = [];
            while (i < lines.length && lines[i].startsWith('|'))
                rows.push(lines[i++]);
            i--;
            out.push(...renderTable(rows, o.color));
            continue;
        }
        const heading = /^(#{1,6})\s+(.*)$/.exec(line);
        if (heading) {
            const t = inlineText(heading[2]);
            out.push(o.color ? `${ANSI.bold}${t}${ANSI.reset}` : t);
            if (heading[1].length <= 2)
                out.push('═'.repeat(Math.min(78, displayWidth(t))));
            continue;
        }
        const summary = /^<details><summary>(.*)<\/summary>$/.exec(line.trim());
        if (summary) {
            const t = inlineText(summary[1]);
            out.push(o.color ? `${ANSI.bold}${t}${ANSI.reset}` : t, '─'.repeat(Math.min(78, displayWidth(t))));
            continue;
        }
        if (/^<\/?details>$/.test(line.trim()))
            continue;
        if (/^> \[!(WARNING|NOTE|CAUTION)\]$/.test(line)) {
            out.push(o.color ? `${ANSI.yellow}WARNING${ANSI.reset}` : 'WARNING');
            continue;
        }
        const isVerdict = /^\*\*(✅|❌|⚠️|ℹ️)/.test(line);
        let t = inlineText(line.replace(/^> /, '  '));
        if (isVerdict && o.color)
            t = `${verdictColour(t)}${ANSI.bold}${t}${ANSI.reset}`;
        out.push(t);
    }
    // at most one blank line in a row
    return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

;// CONCATENATED MODULE: ./src/core/report/verdict-line.ts
// The verdict line: the one sentence a person reads first, in the job summary, the PR comment and the
// CLI. Pure. It says what was measured, against which limit and with how much headroom, and how it
// compares with the baseline:
//   ✅ 3.6 mg CO2e — 0.07 % of the 5 g budget, 5 g headroom; −0.23 mg (−6 %) vs main (5 runs)
//   ℹ️ Measured only: no budget or baseline set — 3.6 mg CO2e
//   ⚠️ Not measured: …
// Numbers come from the one formatter (core/format.ts), so the line never holds exponent notation.

const verdict_line_VERDICT_ICON = { pass: '✅', warn: '⚠️', fail: '❌', info: 'ℹ️', 'not-measured': '⚠️' };
/** Whether anything gates this run: a budget, or a max-increase with a baseline to compare against. */
function gates(verdict, s) {
    return (verdict.budget?.length ?? 0) > 0 || (s.maxIncreasePercent !== null && verdict.regression !== undefined);
}
/** True when the run holds no usable measurement (too few samples, or the gate said so). */
function notMeasured(r) {
    return r.verdict.status === 'not-measured' || r.energy.samples < 2;
}
function verdictKind(r, s) {
    if (notMeasured(r))
        return 'not-measured';
    if (r.verdict.status !== 'pass')
        return r.verdict.status;
    return gates(r.verdict, s) ? 'pass' : 'info';
}
const METRIC_NAME = { gco2e: '', 'energy-wh': 'energy ', 'cpu-seconds': 'CPU time ' };
/** '−0.23 mg (−6 %)', '+12 mWh (+25 %)', '+0.4 CPU-s (+10 %)'. */
function deltaText(metric, current, median, deltaPercent) {
    const d = current - median;
    const abs = metric === 'gco2e' ? (0,format/* massDelta */.jj)(d) : metric === 'energy-wh' ? (0,format/* energyDelta */.NY)(d) : `${(0,format/* signed */.x8)(d)} CPU-s`;
    return `${abs} (${(0,format/* percentDelta */.yA)(deltaPercent)})`;
}
/** 'main' from refs/heads/main when every record of the window is of one branch; else 'the baseline'. */
function baselineName(records) {
    const refs = new Set(records.map((r) => r.ref));
    const [only] = [...refs];
    if (refs.size === 1 && only && /^refs\/heads\/[\w./-]{1,60}$/.test(only))
        return only.slice('refs/heads/'.length);
    return 'the baseline';
}
function budgetPart(b) {
    const limit = b.metric === 'gco2e' ? (0,format/* mass */.rd)(b.limit) : (0,format/* energy */.zP)(b.limit);
    const rest = b.limit - b.actual;
    const restText = b.metric === 'gco2e' ? (0,format/* mass */.rd)(Math.abs(rest)) : (0,format/* energy */.zP)(Math.abs(rest));
    const used = b.limit > 0 ? `${(0,format/* percent */.KN)((b.actual / b.limit) * 100)} of the ${limit} budget` : `budget ${limit}`;
    return b.exceeded ? `${used}, ${restText} over` : `${used}, ${restText} headroom`;
}
function regressionPart(r) {
    const g = r.verdict.regression;
    if (!g)
        return null;
    const runs = `${g.runs} run${g.runs === 1 ? '' : 's'}`;
    const text = `${METRIC_NAME[g.metric]}${deltaText(g.metric, g.current, g.median, g.deltaPercent)} vs ${baselineName(r.baseline.records)} (${runs})`;
    return g.flagged ? `${text}, a regression${g.enforced ? '' : ' (not enforced)'}` : text;
}
function noBaselineWhy(r) {
    switch (r.baseline.status) {
        case 'none':
            return 'no baseline yet';
        case 'unavailable':
            return 'no baseline (cache unavailable)';
        default:
            return null;
    }
}
/** The verdict line, plain text (no markdown): the caller bolds or colours it. */
function verdictLine(r, s) {
    const kind = verdictKind(r, s);
    const icon = verdict_line_VERDICT_ICON[kind];
    if (kind === 'not-measured') {
        return `${icon} Not measured: ${r.energy.samples} sample${r.energy.samples === 1 ? '' : 's'} recorded, too few for a figure; nothing was gated`;
    }
    const amount = (0,format/* co2e */.k)(r.emissions.gatedGCo2e);
    const lead = r.verdict.budget?.some((b) => b.metric === 'energy-wh') ? `${amount}, ${(0,format/* energy */.zP)(r.energy.totalWh)}` : amount;
    const parts = (r.verdict.budget ?? []).map(budgetPart);
    const reg = regressionPart(r);
    if (reg)
        parts.push(reg);
    if (kind === 'info') {
        if (reg)
            return `${icon} ${lead} — ${reg}; nothing gates: no budget or max-increase set`;
        const why = s.maxIncreasePercent !== null ? noBaselineWhy(r) : null;
        return why ? `${icon} Measured only: ${why} to compare with — ${lead}` : `${icon} Measured only: no budget or baseline set — ${lead}`;
    }
    if (!reg) {
        const why = s.maxIncreasePercent !== null ? noBaselineWhy(r) : null;
        if (why)
            parts.push(why);
    }
    return `${icon} ${lead} — ${parts.join('; ')}`;
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/sampler/container.ts
// Is the sampler running inside a container (a `container:` job, a self-hosted runner in
// Docker/Podman/Kubernetes)? Cheap file checks only; every hit is kept as evidence for the report.


/** cgroup paths written by container runtimes (cgroup v1 lines, or v2 without a cgroup namespace). */
const RUNTIME_CGROUP = /\/(docker|kubepods|containerd|libpod|lxc|crio|cri-containerd|buildkit)[/.:-]/;
function read(p) {
    try {
        return external_node_fs_default().readFileSync(p, 'utf8');
    }
    catch {
        return undefined;
    }
}
/**
 * Looks under `rootDir` (normally "/") for /.dockerenv, /run/.containerenv, runtime names in
 * /proc/1/cgroup and /proc/self/cgroup, and an overlay root filesystem in /proc/self/mountinfo;
 * and at the `container` env var set by podman and systemd-nspawn.
 */
function detectContainer(rootDir = '/', env = {}) {
    const evidence = [];
    const at = (p) => external_node_path_default().join(rootDir, p);
    if (external_node_fs_default().existsSync(at('.dockerenv')))
        evidence.push('/.dockerenv exists (Docker)');
    if (external_node_fs_default().existsSync(at('run/.containerenv')))
        evidence.push('/run/.containerenv exists (Podman)');
    for (const file of ['proc/1/cgroup', 'proc/self/cgroup']) {
        const text = read(at(file));
        const line = text?.split('\n').find((l) => RUNTIME_CGROUP.test(l.split(':').slice(2).join(':') + '/'));
        if (line)
            evidence.push(`/${file} names a container runtime: ${line.trim().slice(0, 120)}`);
    }
    const mountinfo = read(at('proc/self/mountinfo'));
    if (mountinfo) {
        for (const line of mountinfo.split('\n')) {
            const [left, right] = line.split(' - ');
            const fields = left?.split(' ') ?? [];
            if (fields[4] === '/' && right?.split(' ')[0] === 'overlay') {
                evidence.push('the root filesystem is an overlay mount (/proc/self/mountinfo)');
                break;
            }
        }
    }
    if (env.container)
        evidence.push(`container=${env.container.slice(0, 40)} in the environment`);
    if (env.KUBERNETES_SERVICE_HOST)
        evidence.push('KUBERNETES_SERVICE_HOST is set (Kubernetes pod)');
    return { detected: evidence.length > 0, evidence };
}
/** A short paragraph for the report: what the sampler can and cannot see in a container. */
function containerReportText(info) {
    if (!info.detected)
        return '';
    return [
        `Running inside a container (${info.evidence.join('; ')}).`,
        'The sampler sees the processes of the container only: the job\'s process tree is measured, but',
        'processes of the host and of other containers are invisible, so they are not in the tree and not',
        'reported as escaped. /proc/stat and /proc/meminfo describe the whole host (its CPUs and memory, not',
        'the container\'s cgroup limits), so the machine-level utilisation and the "not the job" remainder',
        'include other containers\' load. RAPL counters, if exposed, are host-wide too; GPUs are seen only',
        'when the runtime passes them through (e.g. --gpus) with nvidia-smi inside the image.',
    ].join(' ');
}

;// CONCATENATED MODULE: ./src/adapters/hardware.ts
// Hardware and environment facts, read once with node:os (cheap; systeminformation is kept out of pre).



function cpuModel() {
    const fromOs = external_node_os_default().cpus()[0]?.model?.trim();
    if (fromOs)
        return fromOs;
    try {
        const m = /^(model name|Hardware|Processor)\s*:\s*(.+)$/m.exec((0,external_node_fs_.readFileSync)('/proc/cpuinfo', 'utf8'));
        if (m)
            return m[2].trim();
    }
    catch {
        /* not Linux */
    }
    return 'unknown';
}
function runnerEnvironment(env) {
    const v = env.RUNNER_ENVIRONMENT;
    if (v === 'github-hosted' || v === 'self-hosted')
        return v;
    return env.GITHUB_ACTIONS === 'true' ? 'self-hosted' : 'local';
}
function readHardwareFacts(env) {
    return {
        cpuModel: cpuModel(),
        logicalCpus: typeof (external_node_os_default()).availableParallelism === 'function' ? external_node_os_default().availableParallelism() : external_node_os_default().cpus().length,
        memoryBytes: external_node_os_default().totalmem(),
        os: process.platform,
        osRelease: external_node_os_default().release(),
        arch: process.arch,
        runnerEnvironment: runnerEnvironment(env),
        ...(env.RUNNER_NAME ? { runnerName: env.RUNNER_NAME } : {}),
        gpus: [],
        container: detectContainer('/', env),
    };
}

// EXTERNAL MODULE: ./src/core/export/series.ts
var series = __nccwpck_require__(9789);
;// CONCATENATED MODULE: ./src/settings/input-error.ts
/** A bad input value: names the input, the value and what is accepted. */
class InputError extends Error {
    input;
    value;
    accepted;
    constructor(input, value, accepted) {
        super(`Input '${input}' has the value ${JSON.stringify(value)}; accepted: ${accepted}.`);
        this.input = input;
        this.value = value;
        this.accepted = accepted;
        this.name = 'InputError';
    }
}

;// CONCATENATED MODULE: ./src/settings/export-inputs.ts
// Parsers of the export inputs (Pushgateway, OTLP, labels). Pure; used by parseSettings only.
// Header values and URL credentials may be secrets: an error names the input and the offending
// entry, never the secret itself.

/** Labels every exported series carries; export-labels may not reuse them. */
const BUILT_IN_LABELS = ['repository', 'workflow', 'job', 'matrix_key', 'ref', 'event', 'runner_os', 'runner_arch', 'region', 'model', 'run_id', 'scope', 'verdict', 'step', 'instance'];
/** The URL with any user:password and query removed, for messages. */
function redactUrl(raw) {
    try {
        const u = new URL(raw.trim());
        const hidden = u.username || u.password ? '***@' : '';
        return `${u.protocol}//${hidden}${u.host}${u.pathname === '/' ? '' : u.pathname}${u.search ? '?***' : ''}`;
    }
    catch {
        return '(not a URL; value hidden: it may hold credentials)';
    }
}
/** An http(s) base URL; null when empty. Credentials are allowed (they are masked and sent as Basic auth). */
function exportUrl(name, raw) {
    const v = raw.trim();
    if (v === '')
        return null;
    let u;
    try {
        u = new URL(v);
    }
    catch {
        u = null;
    }
    if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname) {
        throw new InputError(name, redactUrl(v), "an http:// or https:// URL, e.g. 'https://pushgateway.example.com:9091'");
    }
    if (u.hash)
        throw new InputError(name, redactUrl(v), 'a URL without a #fragment');
    return v.replace(/\/+$/, '');
}
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
/** A comma that starts a new `Name: value` / `Name=value` entry (OTEL_EXPORTER_OTLP_HEADERS style). */
const ENTRY_COMMA = /,\s*(?=[A-Za-z0-9!#$%&'*+.^_`|~-]+\s*[:=])/;
/**
 * HTTP headers, one per line (`Name: value` or `Name=value`), or on one line separated by commas.
 * The separator is the first `:` or `=`, which a header name cannot contain.
 */
function headers(name, raw) {
    const out = {};
    const text = raw.trim();
    if (text === '')
        return out;
    const entries = text.includes('\n') ? text.split(/\r?\n/) : text.split(ENTRY_COMMA);
    entries.forEach((entry, i) => {
        const line = entry.trim();
        if (line === '')
            return;
        const sep = line.search(/[:=]/);
        const key = sep > 0 ? line.slice(0, sep).trim() : '';
        const value = sep > 0 ? line.slice(sep + 1).trim() : '';
        const where = `entry ${i + 1} (${key && HEADER_NAME.test(key) ? `header ${key}, ` : ''}value hidden)`;
        if (!key || !HEADER_NAME.test(key) || value === '') {
            throw new InputError(name, where, "'Name: value' or 'Name=value' per line (or comma-separated on one line), e.g. 'Authorization: Bearer ${{ secrets.TOKEN }}'");
        }
        if (/[\r\n\0]/.test(value))
            throw new InputError(name, where, 'header values without control characters');
        out[key] = value;
    });
    return out;
}
/** Extra labels: `key=value` pairs separated by commas or newlines. */
function labels(name, raw) {
    const out = {};
    for (const part of raw.split(/[\n,]/)) {
        const p = part.trim();
        if (p === '')
            continue;
        const eq = p.indexOf('=');
        const key = eq > 0 ? p.slice(0, eq).trim() : '';
        const value = eq > 0 ? p.slice(eq + 1).trim() : '';
        if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(key) || key.startsWith('__')) {
            throw new InputError(name, p, "comma-separated 'key=value' pairs with Prometheus label names ([a-zA-Z_][a-zA-Z0-9_]*, not starting with __), e.g. 'team=payments,cost_center=42'");
        }
        if (BUILT_IN_LABELS.includes(key))
            throw new InputError(name, p, `label names other than the built-in ones (${BUILT_IN_LABELS.join(', ')})`);
        if (value === '' || value.length > 200)
            throw new InputError(name, p, 'a non-empty value of at most 200 characters after the =');
        if (key in out)
            throw new InputError(name, p, `each label once ('${key}' is repeated)`);
        out[key] = value;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/export/credentials.ts
function destination(rawUrl, headers) {
    const secrets = [];
    const out = { ...headers };
    const u = new URL(rawUrl);
    if (u.username || u.password) {
        const user = decodeURIComponent(u.username);
        const pass = decodeURIComponent(u.password);
        secrets.push(rawUrl, u.password, pass);
        const basic = Buffer.from(`${user}:${pass}`, 'utf8').toString('base64');
        out.Authorization ??= `Basic ${basic}`;
        secrets.push(basic);
        u.username = '';
        u.password = '';
    }
    if (u.search)
        secrets.push(rawUrl, u.search.slice(1));
    for (const v of Object.values(headers)) {
        secrets.push(v);
        // "Bearer <token>", "Basic <b64>": the credential alone may be printed by something else.
        const m = /^\S+\s+(\S.*)$/.exec(v);
        if (m)
            secrets.push(m[1]);
    }
    return { url: u.toString().replace(/\/+$/, ''), headers: out, secrets: [...new Set(secrets.filter((s) => s.length >= 3))] };
}

;// CONCATENATED MODULE: ./src/export/outputs.ts
// The two metric-engine outputs, each `{ name, enabled(settings), write(result, sink, settings) }`.
// This file is light: the Pushgateway and OTLP code (prom-client, OpenTelemetry) is imported only
// inside write(), so a bundle keeps them in chunks that load only when an export is configured.



const seriesOf = (r, s) => (0,series/* jobSeries */.D)(r, { extraLabels: s.exportLabels, runId: s.exportRunId });
const pushgatewayOutput = {
    name: 'Prometheus Pushgateway',
    enabled: (s) => s.pushgatewayUrl !== null,
    async write(result, sink, settings, deadlineMs) {
        const dest = destination(settings.pushgatewayUrl, settings.pushgatewayHeaders);
        const { pushToGateway } = await Promise.all(/* import() */[__nccwpck_require__.e(222), __nccwpck_require__.e(373)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1373));
        const out = await pushToGateway(seriesOf(result, settings), dest.url, dest.headers, deadlineMs);
        const where = `the Pushgateway at ${redactUrl(dest.url)}`;
        if (out.ok)
            sink.info(`carbon-gate: pushed ${out.series} series to ${where} (PUT ${out.path})`);
        else
            sink.warning(`carbon-gate: could not push to ${where}: ${out.error} after ${out.attempts} attempt(s). The build is not failed for it.`);
        return out.ok;
    },
};
const otlpOutput = {
    name: 'OTLP',
    enabled: (s) => s.otlpEndpoint !== null,
    async write(result, sink, settings, deadlineMs) {
        const dest = destination(settings.otlpEndpoint, settings.otlpHeaders);
        const { exportOtlp } = await Promise.all(/* import() */[__nccwpck_require__.e(979), __nccwpck_require__.e(227)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6227));
        const out = await exportOtlp(seriesOf(result, settings), dest.url, dest.headers, deadlineMs, settings.exportRunId);
        const where = `the OTLP endpoint ${redactUrl(dest.url)}/v1/metrics`;
        if (out.ok)
            sink.info(`carbon-gate: exported ${out.points} data points to ${where}`);
        else
            sink.warning(`carbon-gate: could not export to ${where}: ${out.error}. The build is not failed for it.`);
        return out.ok;
    },
};
const EXPORT_OUTPUTS = [pushgatewayOutput, otlpOutput];
/** Whether any export is configured (post loads nothing of the exports otherwise). */
function exportsEnabled(settings) {
    return EXPORT_OUTPUTS.some((o) => o.enabled(settings));
}
/** Every secret of the configured exports, for masking before anything is logged. */
function exportSecrets(settings) {
    const out = [];
    if (settings.pushgatewayUrl)
        out.push(...destination(settings.pushgatewayUrl, settings.pushgatewayHeaders).secrets);
    if (settings.otlpEndpoint)
        out.push(...destination(settings.otlpEndpoint, settings.otlpHeaders).secrets);
    return [...new Set(out)];
}
/**
 * Each export's budget, chunk loading and connection included: under the 5 s the docs promise, so
 * that the exporter's shutdown and the process exit still fit in it.
 */
const EXPORT_BUDGET_MS = 4500;
/**
 * Runs every configured export in parallel, each within EXPORT_BUDGET_MS. Never throws: a failure is
 * a warning on the sink. Resolves with the names of the outputs that failed.
 */
async function runExports(result, settings, sink) {
    for (const s of exportSecrets(settings))
        sink.setSecret(s);
    const deadlineMs = Date.now() + EXPORT_BUDGET_MS;
    const enabled = EXPORT_OUTPUTS.filter((o) => o.enabled(settings));
    const done = await Promise.all(enabled.map((o) => o.write(result, sink, settings, deadlineMs).catch((e) => {
        sink.warning(`carbon-gate: the ${o.name} export failed (${e?.name ?? 'error'}). The build is not failed for it.`);
        return false;
    })));
    return enabled.filter((_, i) => !done[i]).map((o) => o.name);
}

;// CONCATENATED MODULE: external "node:timers/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
;// CONCATENATED MODULE: ./src/sampler/config.ts
const CONFIG_FILE = 'sampler-config.json';
const SAMPLES_FILE = 'samples.jsonl';
const MARKER_FILE = 'sampler-done.json';
const LOG_FILE = 'sampler.log';

;// CONCATENATED MODULE: ./src/adapters/sampler-process.ts
// Starting and stopping the detached sampler process.






/**
 * dist/sampler/index.js, found next to the running bundle (dist/<entry>/index.js). fileURLToPath, not
 * URL#pathname: the latter keeps percent-escapes ("my%20dir") and a leading slash before Windows drives.
 */
function samplerScript(entryUrl, p = (external_node_path_default())) {
    // `p` is path.win32 in tests of the Windows runner's paths (drive letters, UNC shares, spaces).
    const here = p.dirname((0,external_node_url_.fileURLToPath)(entryUrl, { windows: p === (external_node_path_default()).win32 }));
    return p.resolve(here, '..', 'sampler', 'index.js');
}
/**
 * Node flags for the sampler: its tick is far too short to profit from the optimising compiler, and a
 * small young generation keeps its memory flat. Measured in bench/RESULTS.md: 3.86 → 3.41 CPU-s per hour
 * at 1 Hz and 51.8 → 47 MB peak RSS. The memory reducer's idle-time full collections and background GC
 * threads cost a process that wakes once a second more than its own work: 0.206 → 0.123 % of a core for
 * the 1 Hz sampler on a small job, same machine and run (bench/RESULTS.md section 6 has the bench after
 * them). Feedback vectors allocated at a function's first call, not after a budget of calls, took
 * 3–7 % off the tick on a churning job for +0.4 MB (bench/RESULTS.md section 6). All five flags exist in
 * Node 20 and 24.
 */
const SAMPLER_NODE_FLAGS = ['--jitless', '--max-semi-space-size=1', '--no-memory-reducer', '--single-threaded-gc', '--no-lazy-feedback-allocation'];
/** Spawns the sampler detached with no stdio (a child holding the step's stdout makes the runner wait). */
function startSampler(script, cfg, opts = { detached: true }) {
    const configPath = external_node_path_default().join(cfg.outDir, CONFIG_FILE);
    (0,external_node_fs_.writeFileSync)(configPath, JSON.stringify(cfg), { mode: 0o600 });
    const child = (0,external_node_child_process_namespaceObject.spawn)(process.execPath, [...SAMPLER_NODE_FLAGS, script, configPath], { detached: opts.detached, stdio: 'ignore', windowsHide: true });
    if (!child.pid)
        throw new Error('the sampler process did not start');
    if (opts.detached)
        child.unref();
    return child.pid;
}
/**
 * True only for a live process that is our sampler. Guards against pid 0 / empty state (which would
 * signal the whole process group) and against a reused pid.
 */
function isOurSampler(pid, script, runDir) {
    if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid)
        return false;
    if (process.platform === 'linux') {
        try {
            // filter(Boolean): the trailing NUL leaves an empty argument, which an empty `script` would match.
            const cmdline = (0,external_node_fs_.readFileSync)(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
            return cmdline.some((a) => (script !== '' && a === script) || a.endsWith(`${(external_node_path_default()).sep}sampler${(external_node_path_default()).sep}index.js`)) && cmdline.some((a) => a.startsWith(runDir));
        }
        catch {
            return false;
        }
    }
    try {
        process.kill(pid, 0);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * False once the process is gone or a zombie: a sampler that has exited stays a zombie until its new
 * parent (pid 1 after pre exits) reaps it, and signal 0 still succeeds on a zombie.
 */
function alive(pid) {
    if (process.platform === 'linux') {
        try {
            const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'latin1');
            return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
        }
        catch {
            return false;
        }
    }
    try {
        process.kill(pid, 0);
        return true;
    }
    catch {
        return false;
    }
}
/** The sampler's completion marker in a run directory, or null when it never wrote one (killed, crashed). */
function readMarker(runDir) {
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(external_node_path_default().join(runDir, MARKER_FILE), 'utf8'));
    }
    catch {
        return null;
    }
}
/** SIGTERM, wait up to `waitMs` for the completion marker and the exit, then SIGKILL. Never throws. */
async function stopSampler(pid, script, runDir, waitMs = 4000) {
    if (!isOurSampler(pid, script, runDir))
        return { marker: readMarker(runDir), how: 'not-running' };
    try {
        process.kill(pid, 'SIGTERM');
    }
    catch {
        return { marker: readMarker(runDir), how: 'not-running' };
    }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
        const m = readMarker(runDir);
        if (m && !alive(pid))
            return { marker: m, how: 'stopped' };
        await (0,promises_namespaceObject.setTimeout)(20);
    }
    if (alive(pid)) {
        try {
            process.kill(pid, 'SIGKILL');
        }
        catch {
            /* gone meanwhile */
        }
    }
    const m = readMarker(runDir);
    return { marker: m, how: m ? 'stopped' : 'killed' };
}
/**
 * Waits until the sampler has written its first sample line: 'written', or 'exited' as soon as the
 * sampler is gone without writing one (it could not start), or 'timeout' after `ms`.
 */
async function waitForFirstSample(pid, runDir, ms = 5000) {
    const file = external_node_path_default().join(runDir, SAMPLES_FILE);
    const deadline = Date.now() + ms;
    for (;;) {
        try {
            if ((0,external_node_fs_.statSync)(file).size > 0)
                return 'written';
        }
        catch {
            /* not created yet */
        }
        if (!alive(pid))
            return 'exited';
        if (Date.now() >= deadline)
            return 'timeout';
        await (0,promises_namespaceObject.setTimeout)(20);
    }
}

;// CONCATENATED MODULE: ./src/settings/inputs.ts
// The one place where action inputs (and CLI flags) are parsed into Settings.
// Pure: it takes a lookup function, so tests need no environment.



/** Inputs with their defaults and documentation; action.yml and the README table are checked against this list. */
const INPUTS = [
    { name: 'sample-interval', default: '1', description: 'Seconds between samples, 0.1 to 60.' },
    { name: 'scope', default: 'process-tree', description: '`process-tree` charges the job for its own processes (plus the idle power of the reserved vCPUs); `machine` charges all machine CPU.' },
    { name: 'carbon-intensity', default: '', description: 'Grid intensity override in gCO2e/kWh (0 to 2000). Wins over `region` and `country`.' },
    { name: 'region', default: '', description: 'Cloud region as `provider:name`, e.g. `azure:eastus2`, `aws:us-east-1`, `gcp:europe-west1`: a row of `data/cloud-grid-factors.csv`.' },
    { name: 'country', default: '', description: 'ISO 3166 alpha-2 or alpha-3 country code for the annual grid intensity, e.g. `FR` or `FRA`.' },
    { name: 'electricity-maps-token', default: '', description: 'Optional Electricity Maps API token for a live intensity (1 s timeout, falls back to the tables).' },
    { name: 'budget-gco2e', default: '', description: 'Absolute budget per job in gCO2e. Empty: no budget.' },
    { name: 'budget-wh', default: '', description: 'Absolute budget per job in Wh. Empty: no budget.' },
    { name: 'max-increase', default: '', description: 'Allowed increase over the baseline median, e.g. `10%`. Empty: regressions are reported, never gated.' },
    { name: 'fail-on', default: 'budget', description: '`budget`, `regression`, `any` or `never` (never: warn only).' },
    { name: 'require-measurement', default: 'false', description: 'Fail the build when the job could not be measured (verdict Not measured: no or too few valid samples, a lost samples file, a sampler that never started). Default: warn only.' },
    { name: 'min-baseline-runs', default: '3', description: 'Baseline runs needed before a regression can fail the build (1 to 100).' },
    { name: 'compare-on', default: 'gco2e', description: 'Metric compared with the baseline: `gco2e`, `energy-wh` or `cpu-seconds`.' },
    { name: 'baseline', default: 'true', description: 'Save and restore baselines with the Actions cache.' },
    { name: 'baseline-branches', default: '', description: 'Comma-separated extra branches that save baselines (the default branch always does).' },
    { name: 'baseline-key', default: '', description: 'Key separating baselines of one job; default: a stable hash of the matrix values.' },
    { name: 'baseline-window', default: '5', description: 'Number of default-branch runs kept in the baseline window (1 to 50).' },
    { name: 'comment', default: 'always', description: 'Sticky PR comment: `always`, `on-regression` or `never`.' },
    { name: 'artifact', default: 'true', description: 'Upload emissions.csv, carbon-gate.csv, samples.csv and carbon-gate.json as an artifact.' },
    { name: 'artifact-name', default: '', description: 'Artifact name; default `carbon-gate-<job>-<baseline-key>` plus the run attempt when > 1.' },
    { name: 'artifact-retention-days', default: '', description: 'Artifact retention in days (1 to 90); empty: the repository default.' },
    { name: 'power-model', default: 'auto', description: '`auto`, `ccf`, `tdp` or `ecoci-github-4vcpu`.' },
    { name: 'cpu-watts-idle', default: '', description: 'Per-vCPU idle power in W (overrides the model; needs `cpu-watts-max`).' },
    { name: 'cpu-watts-max', default: '', description: 'Per-vCPU power at 100 % in W (overrides the model; needs `cpu-watts-idle`).' },
    { name: 'tdp-watts', default: '', description: 'CPU package TDP in W for the `tdp` model.' },
    { name: 'cloud-provider', default: '', description: 'A provider of `data/cloud-providers.csv` (`aws`, `azure` or `gcp` as shipped) for self-hosted cloud runners.' },
    { name: 'instance-type', default: '', description: 'Cloud instance type, e.g. `m5.xlarge`, `Standard_D4s_v3`, `n2-standard-4`.' },
    { name: 'detect-cloud', default: 'false', description: 'Ask the instance metadata service (≤ 300 ms) for provider, region and instance type.' },
    { name: 'include-embodied', default: 'true', description: 'Count embodied emissions in the budget and the baseline comparison.' },
    { name: 'gpu', default: 'auto', description: '`auto`, `nvidia`, `amd` or `off`.' },
    { name: 'rapl', default: 'true', description: 'Use RAPL energy counters when readable (self-hosted Linux).' },
    { name: 'chart', default: 'mermaid', description: '`mermaid`, `sparkline` or `none`.' },
    { name: 'job-name', default: '', description: 'Label for this job in reports and the comment marker; default: the workflow job id.' },
    { name: 'job-id', default: '${{ job.check_run_id }}', description: 'Numeric id of this job run, for links from the PR comment to the job and its summary; the default is right in every workflow.' },
    { name: 'token', default: '${{ github.token }}', description: 'Token for the PR comment (needs `pull-requests: write`) and the step names of the Jobs API (needs `actions: read`).' },
    { name: 'prometheus-pushgateway-url', default: '', description: 'Prometheus Pushgateway base URL; when set, post pushes this job\'s series (PUT, grouped by repository/workflow/job/matrix). Off when empty.' },
    { name: 'prometheus-pushgateway-headers', default: '', description: 'HTTP headers for the Pushgateway, `Name: value` per line, e.g. an `Authorization` header from a secret. Masked, never logged.' },
    { name: 'otlp-endpoint', default: '', description: 'OTLP/HTTP base URL; when set, post exports this job\'s metrics to `<url>/v1/metrics` (protobuf). Off when empty.' },
    { name: 'otlp-headers', default: '', description: 'HTTP headers for the OTLP endpoint, `Name: value` per line. Masked, never logged.' },
    { name: 'export-labels', default: '', description: 'Extra labels on every exported series, comma-separated `key=value`, e.g. `team=payments`.' },
    { name: 'export-run-id', default: 'false', description: 'Add the run id (label `run_id`, OTLP `cicd.pipeline.run.id` and run URL). Off by default: one series per run is high cardinality.' },
];
/** A provider id as data/cloud-providers.csv spells them; whether the data has it is checked by the model. */
const PROVIDER_ID = /^[a-z0-9][a-z0-9-]*$/;
function providerId(name, raw) {
    const v = raw.trim().toLowerCase();
    if (v === '')
        return null;
    if (!PROVIDER_ID.test(v))
        throw new InputError(name, raw, "a provider id of data/cloud-providers.csv such as 'aws', 'azure' or 'gcp' (letters, digits and '-')");
    return v;
}
function oneOf(name, raw, allowed) {
    const v = raw.trim().toLowerCase();
    if (allowed.includes(v))
        return v;
    throw new InputError(name, raw, allowed.map((a) => `'${a}'`).join(', '));
}
function bool(name, raw) {
    const v = raw.trim().toLowerCase();
    if (['true', 'yes', 'on', '1'].includes(v))
        return true;
    if (['false', 'no', 'off', '0'].includes(v))
        return false;
    throw new InputError(name, raw, "'true' or 'false'");
}
function num(name, raw, min, max, opts = {}) {
    const v = raw.trim();
    const n = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v) ? Number(v) : NaN;
    const tooLow = opts.exclusiveMin ? n <= min : n < min;
    const what = `${opts.integer ? 'a whole number' : 'a number'} ${opts.exclusiveMin ? 'greater than' : 'from'} ${min}${opts.exclusiveMin ? ` and at most ${max}` : ` to ${max}`}`;
    if (!Number.isFinite(n) || tooLow || n > max || (opts.integer && !Number.isInteger(n)))
        throw new InputError(name, raw, what);
    return n;
}
function optNum(name, raw, min, max, opts = {}) {
    return raw.trim() === '' ? null : num(name, raw, min, max, opts);
}
function percent(name, raw) {
    const v = raw.trim();
    if (v === '')
        return null;
    const m = /^(\d+(\.\d+)?)\s*%?$/.exec(v);
    if (!m || Number(m[1]) > 1000)
        throw new InputError(name, raw, "a percentage from 0 to 1000, e.g. '10%'");
    return Number(m[1]);
}
function region(name, raw) {
    const v = raw.trim();
    if (v === '')
        return null;
    const m = /^([a-z0-9][a-z0-9-]*):([a-z0-9-]+)$/i.exec(v);
    if (!m)
        throw new InputError(name, raw, "'provider:region' with a provider and region of data/cloud-grid-factors.csv, e.g. 'azure:eastus2', 'aws:us-east-1', 'gcp:europe-west1'");
    return { provider: m[1].toLowerCase(), name: m[2].toLowerCase() };
}
function country(name, raw) {
    const v = raw.trim();
    if (v === '')
        return null;
    if (!/^[A-Za-z]{2,3}$/.test(v))
        throw new InputError(name, raw, "an ISO 3166 alpha-2 or alpha-3 code such as 'FR' or 'FRA'");
    return v.toUpperCase();
}
function optString(raw) {
    const v = raw.trim();
    return v === '' ? null : v;
}
/**
 * Parses every input. `lookup(name)` returns the raw value or undefined when the input was not given;
 * undefined and empty both take the default.
 */
function parseSettings(lookup) {
    const get = (name) => {
        const spec = INPUTS.find((i) => i.name === name);
        if (!spec)
            throw new Error(`internal: unknown input ${name}`);
        const raw = lookup(name);
        return raw === undefined || raw.trim() === '' ? (spec.default.startsWith('${{') ? '' : spec.default) : raw;
    };
    const cpuWattsIdle = optNum('cpu-watts-idle', get('cpu-watts-idle'), 0, 1000);
    const cpuWattsMax = optNum('cpu-watts-max', get('cpu-watts-max'), 0, 1000, { exclusiveMin: true });
    if ((cpuWattsIdle === null) !== (cpuWattsMax === null)) {
        const [given, missing] = cpuWattsIdle === null ? ['cpu-watts-max', 'cpu-watts-idle'] : ['cpu-watts-idle', 'cpu-watts-max'];
        throw new InputError(missing, '', `a number of W per vCPU; '${given}' is set, so '${missing}' is needed too`);
    }
    if (cpuWattsIdle !== null && cpuWattsMax !== null && cpuWattsIdle > cpuWattsMax) {
        throw new InputError('cpu-watts-idle', String(cpuWattsIdle), `a value not above cpu-watts-max (${cpuWattsMax})`);
    }
    const cloudProvider = providerId('cloud-provider', get('cloud-provider'));
    const instanceType = optString(get('instance-type'));
    const reg = region('region', get('region'));
    if (cloudProvider && reg && reg.provider !== cloudProvider) {
        throw new InputError('region', get('region'), `a region of the cloud-provider '${cloudProvider}' (e.g. '${cloudProvider}:…')`);
    }
    return {
        sampleIntervalSeconds: num('sample-interval', get('sample-interval'), 0.1, 60),
        scope: oneOf('scope', get('scope'), ['process-tree', 'machine']),
        carbonIntensityGPerKwh: optNum('carbon-intensity', get('carbon-intensity'), 0, 2000),
        budgetGCo2e: optNum('budget-gco2e', get('budget-gco2e'), 0, 1e9, { exclusiveMin: true }),
        budgetWh: optNum('budget-wh', get('budget-wh'), 0, 1e9, { exclusiveMin: true }),
        token: lookup('token')?.trim() ?? '',
        powerModel: oneOf('power-model', get('power-model'), ['auto', 'ccf', 'tdp', 'ecoci-github-4vcpu']),
        cpuWattsIdle,
        cpuWattsMax,
        tdpWatts: optNum('tdp-watts', get('tdp-watts'), 0, 2000, { exclusiveMin: true }),
        cloudProvider,
        instanceType,
        region: reg,
        country: country('country', get('country')),
        electricityMapsToken: optString(get('electricity-maps-token')),
        detectCloud: bool('detect-cloud', get('detect-cloud')),
        includeEmbodied: bool('include-embodied', get('include-embodied')),
        gpu: oneOf('gpu', get('gpu'), ['auto', 'nvidia', 'amd', 'off']),
        rapl: bool('rapl', get('rapl')),
        maxIncreasePercent: percent('max-increase', get('max-increase')),
        failOn: oneOf('fail-on', get('fail-on'), ['budget', 'regression', 'any', 'never']),
        requireMeasurement: bool('require-measurement', get('require-measurement')),
        minBaselineRuns: num('min-baseline-runs', get('min-baseline-runs'), 1, 100, { integer: true }),
        compareOn: oneOf('compare-on', get('compare-on'), ['gco2e', 'energy-wh', 'cpu-seconds']),
        baseline: bool('baseline', get('baseline')),
        baselineBranches: get('baseline-branches')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        baselineKey: optString(get('baseline-key')),
        baselineWindow: num('baseline-window', get('baseline-window'), 1, 50, { integer: true }),
        comment: oneOf('comment', get('comment'), ['always', 'on-regression', 'never']),
        artifact: bool('artifact', get('artifact')),
        artifactName: artifactName(get('artifact-name')),
        artifactRetentionDays: optNum('artifact-retention-days', get('artifact-retention-days'), 1, 90, { integer: true }),
        chart: oneOf('chart', get('chart'), ['mermaid', 'sparkline', 'none']),
        jobName: optString(get('job-name')),
        jobId: jobId(get('job-id')),
        pushgatewayUrl: exportUrl('prometheus-pushgateway-url', get('prometheus-pushgateway-url')),
        pushgatewayHeaders: headers('prometheus-pushgateway-headers', get('prometheus-pushgateway-headers')),
        otlpEndpoint: exportUrl('otlp-endpoint', get('otlp-endpoint')),
        otlpHeaders: headers('otlp-headers', get('otlp-headers')),
        exportLabels: labels('export-labels', get('export-labels')),
        exportRunId: bool('export-run-id', get('export-run-id')),
    };
}
function jobId(raw) {
    const v = raw.trim();
    if (v === '')
        return null;
    if (!/^\d{1,20}$/.test(v))
        throw new InputError('job-id', raw, 'the numeric job id, e.g. ${{ job.check_run_id }}, or empty');
    return v;
}
function artifactName(raw) {
    const v = raw.trim();
    if (v === '')
        return null;
    if (/["':<>|*?\\/\r\n]/.test(v))
        throw new InputError('artifact-name', raw, 'a name without the characters " : < > | * ? \\ / or quotes or newlines');
    if (v === '.' || v === '..')
        throw new InputError('artifact-name', raw, "a name other than '.' or '..'");
    return v;
}
/** Reads action inputs from the runner's environment (INPUT_<NAME>, upper-cased, spaces to underscores). */
function envLookup(env) {
    return (name) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
}

// EXTERNAL MODULE: ./src/version.ts
var version = __nccwpck_require__(311);
;// CONCATENATED MODULE: ./src/app/cli-usage.ts
// The CLI's usage texts: the overview (`carbon-gate --help`) and one per command (`carbon-gate help run`,
// `carbon-gate run --help`). Help goes to stdout with exit 0, as in other Node CLIs (npm, tsc, jest).

/** Exit code when the command succeeded but the gate failed (budget exceeded). Documented in README. */
const EXIT_GATE_FAILED = 86;
/** Exit code for usage and input errors. */
const EXIT_USAGE = 2;
const USAGE = `carbon-gate ${version/* VERSION */.x}: measure the energy and CO2e of a command

Usage:
  carbon-gate run [options] -- <command> [args...]
  carbon-gate report [--format <f>] <run-dir>
  carbon-gate export --prometheus-pushgateway-url <url> | --otlp-endpoint <url> [options] <run-dir>...
  carbon-gate help [run|report|export]      (also: carbon-gate <command> --help)
  carbon-gate -h | --help | -V | --version

Options (every action input is accepted as --<input> <value>):
  --interval <s>          seconds between samples (0.1 to 60; default 1)
  --budget-gco2e <g>      fail with exit code ${EXIT_GATE_FAILED} when the command's emissions exceed g
  --out <dir>             where to write emissions.csv, carbon-gate.csv, samples.csv, carbon-gate.json
                          and summary.md (default ./carbon-gate-report); a non-empty directory that
                          carbon-gate did not create is refused unless --force; one run at a time
  --scope <s>             process-tree (default) or machine
  --carbon-intensity <g>  grid intensity in gCO2e/kWh; --region azure:eastus2; --country FR
  --format <f>            text (aligned, for a terminal), markdown (the job summary) or json (every
                          figure at full precision); default: text on a terminal, markdown when
                          redirected. NO_COLOR turns the colour of the text verdict off.
  --prometheus-pushgateway-url <url>, --otlp-endpoint <url>
                          also send the result to a Pushgateway / an OTLP endpoint (docs/export.md)
Exit code: the command's own, or ${EXIT_GATE_FAILED} when the command succeeded but the gate failed, ${EXIT_USAGE} for bad usage.
`;
const RUN_USAGE = `Usage: carbon-gate run [options] [--] <command> [args...]

Runs <command>, measures its process tree with the action's sampler and model, prints the summary
(text on a terminal, markdown when redirected, or --format) on stdout and writes the report files into --out.

Options (before the command; every action input is accepted as --<input> <value> or --<input>=<value>):
  --interval <s>          seconds between samples (0.1 to 60; default 1); alias of --sample-interval
  --budget-gco2e <g>      fail with exit code ${EXIT_GATE_FAILED} when the command's emissions exceed g; alias --budget
  --out <dir>             where to write emissions.csv, carbon-gate.csv, samples.csv, carbon-gate.json
                          and summary.md (default ./carbon-gate-report); a non-empty directory that
                          carbon-gate did not create is refused unless --force; one run at a time
  --scope <s>             process-tree (default) or machine
  --carbon-intensity <g>  grid intensity in gCO2e/kWh; --region azure:eastus2; --country FR
  --format <f>            text (aligned, for a terminal), markdown (the job summary) or json (every
                          figure at full precision); default: text on a terminal, markdown when
                          redirected. NO_COLOR turns the colour of the text verdict off.
  -h, --help              show this help
Flags after the command (or after --) belong to the command.
Exit code: the command's own, or ${EXIT_GATE_FAILED} when the command succeeded but the gate failed, ${EXIT_USAGE} for bad usage.
`;
const REPORT_USAGE = `Usage: carbon-gate report [--format text|markdown|json] <run-dir>

Re-renders the report of an earlier run from its saved samples: <run-dir> is the --out of a
\`carbon-gate run\`, or the action's run directory (from its artifact or RUNNER_TEMP).
Prints the summary (text on a terminal, markdown when redirected, or --format) on stdout.

Options:
  -h, --help              show this help
Exit code: 0, ${EXIT_GATE_FAILED} when the saved run fails its gate, ${EXIT_USAGE} for bad usage.
`;
const EXPORT_USAGE = `Usage: carbon-gate export [options] <run-dir>...

Sends saved results to a Prometheus Pushgateway and/or an OTLP/HTTP endpoint, as the action's post
step does: each <run-dir> holds a carbon-gate.json (the action's run directory, a downloaded
artifact, or the --out of \`carbon-gate run\`). See docs/export.md.

Options (at least one destination):
  --prometheus-pushgateway-url <url>       Pushgateway base URL (PUT to the job's group)
  --prometheus-pushgateway-headers <h>     headers, 'Name: value' per line or comma-separated
  --otlp-endpoint <url>                    OTLP/HTTP base URL (POST <url>/v1/metrics)
  --otlp-headers <h>                       headers for the OTLP endpoint
  --export-labels <k=v,...>                extra labels on every series
  --export-run-id true                     add the run id (high cardinality)
  -h, --help                               show this help
Exit code: 0, 1 when an export failed, ${EXIT_USAGE} for bad usage.
`;
const COMMAND_USAGE = { run: RUN_USAGE, report: REPORT_USAGE, export: EXPORT_USAGE };
/** Per-command usage, for `help <command>` and `<command> --help`; undefined for anything else. */
const commandUsage = (command) => command !== undefined && Object.hasOwn(COMMAND_USAGE, command) ? COMMAND_USAGE[command] : undefined;
const isHelpFlag = (a) => a === '--help' || a === '-h';
const isVersionFlag = (a) => a === '--version' || a === '-V' || a === '-v';

// EXTERNAL MODULE: ./src/core/power.ts
var power = __nccwpck_require__(982);
;// CONCATENATED MODULE: ./src/core/power-series.ts
class PowerSeries {
    maxPoints;
    series = [];
    weights = [];
    /** Interval(s) not yet long enough to make a point of the current bucket width. */
    pending = null;
    /** Minimum seconds one point covers; 0 until the series first fills, then it doubles with each merge. */
    bucketSeconds = 0;
    constructor(maxPoints) {
        this.maxPoints = maxPoints;
    }
    static merge(x, wx, y, wy) {
        const m = (a, b) => (a * wx + b * wy) / (wx + wy);
        return {
            tS: y.tS,
            wallMs: y.wallMs,
            machineUtil: m(x.machineUtil, y.machineUtil),
            treeUtil: x.treeUtil === null || y.treeUtil === null ? (y.treeUtil ?? x.treeUtil) : m(x.treeUtil, y.treeUtil),
            cpuWatts: m(x.cpuWatts, y.cpuWatts),
            ramWatts: m(x.ramWatts, y.ramWatts),
            gpuWatts: m(x.gpuWatts, y.gpuWatts),
        };
    }
    /**
     * Keeps a bounded series whose points cover similar spans of time: intervals accumulate into a
     * bucket of the current width; when the series is full, neighbours merge and the width doubles.
     */
    push(p, dt) {
        this.pending = this.pending ? { p: PowerSeries.merge(this.pending.p, this.pending.w, p, dt), w: this.pending.w + dt } : { p, w: dt };
        if (this.pending.w < this.bucketSeconds)
            return;
        this.series.push(this.pending.p);
        this.weights.push(this.pending.w);
        this.pending = null;
        // Merge one early, so that with a pending bucket the result stays below maxPoints.
        if (this.series.length < this.maxPoints - 1)
            return;
        const merged = [];
        const w = [];
        for (let i = 0; i + 1 < this.series.length; i += 2) {
            merged.push(PowerSeries.merge(this.series[i], this.weights[i], this.series[i + 1], this.weights[i + 1]));
            w.push(this.weights[i] + this.weights[i + 1]);
        }
        if (this.series.length % 2 === 1) {
            // The odd newest point becomes the start of the next bucket.
            this.pending = { p: this.series[this.series.length - 1], w: this.weights[this.weights.length - 1] };
        }
        this.series = merged;
        this.weights.splice(0, this.weights.length, ...w);
        this.bucketSeconds = w.reduce((a, b) => a + b, 0) / w.length;
    }
    /** The points so far, the pending bucket included. */
    points() {
        return this.pending ? [...this.series, this.pending.p] : this.series;
    }
}

;// CONCATENATED MODULE: ./src/core/energy.ts
// Integration of power over samples. Pure and streaming: add() one sample at a time, then result().
//
// Per interval i between two samples (Δt_i seconds):
//   machine utilisation  u_m = Δbusy / Δtotal                      (CPU seconds, all logical CPUs)
//   tree utilisation     u_t = Δ(tree CPU seconds) / (Δt_i × vCPUs)
//   P_cpu  = cpuWatts(model.cpu, u_t in process-tree scope, u_m in machine scope)
//            — or, with RAPL (P_pkg = Δ(package J)/Δt): machine scope P_pkg; process-tree scope
//              r × P_floor + share × (P_pkg − P_floor), where P_floor is the run's lowest interval
//              package power over intervals ≥ ½ the sampling period (the measured idle of the machine), r = vCPUs / logical CPUs (the reserved
//              part of it) and share = Δtree/Δbusy (METHODOLOGY §1)
//   P_ram  = memoryGb × memoryWattsPerGb  — or Δ(DRAM J)/Δt, all of it in both scopes, with RAPL
//   P_gpu  = Σ measured board W, or idle + util × (max − idle) from the CCF GPU row when a GPU reports N/A
//   E     += (P_cpu + P_ram + P_gpu) × Δt_i
// Counters are cumulative, so a gap between two samples loses no CPU time: the interval's average
// utilisation still comes out right; only the time resolution drops. Gaps are reported.



const clamp01 = (x) => (x < 0 ? 0 : x > 1 ? 1 : Number.isFinite(x) ? x : 0);
class EnergyIntegrator {
    o;
    prev = null;
    /** The last sample with a tree reading: tree CPU is summed from positive deltas between tree readings. */
    lastTree = null;
    treeCpuS = null;
    escapedS = 0;
    machineCpuS = 0;
    /** Seconds integrated, and the running time axis (integrated plus skipped seconds). */
    integratedSeconds = 0;
    elapsedS = 0;
    count = 0;
    cpuJ = 0;
    ramJ = 0;
    gpuJ = 0;
    machineUtilS = 0;
    treeUtilS = 0;
    treeSeconds = 0;
    memUsedByteS = 0;
    memTotalByteS = 0;
    memSeconds = 0;
    gpuUtilS = 0;
    gpuUtilSeconds = 0;
    cpuMeasured = false;
    // RAPL in process-tree scope, charged at the end against the run's idle floor (linear in it):
    // Σ r·Δt, Σ share·P·Δt and Σ share·Δt over those intervals, and the floor itself.
    /** Lowest package power over intervals of at least half the sampling interval, and over all intervals. */
    raplFloorFullW = Infinity;
    raplFloorAnyW = Infinity;
    get raplFloorW() {
        return Number.isFinite(this.raplFloorFullW) ? this.raplFloorFullW : this.raplFloorAnyW;
    }
    raplReservedS = 0;
    raplSharedJ = 0;
    raplShareS = 0;
    ramMeasured = false;
    gpuMeasured = false;
    gpuModelled = false;
    gpuUnpowered = false;
    gpuCount = 0;
    lastGpu = null;
    gpuCarriedSeconds = 0;
    gpuModels = new Set();
    peakRss = null;
    treeMissingSeconds = 0;
    gaps = [];
    series;
    gapSeconds;
    constructor(o) {
        this.o = o;
        this.series = new PowerSeries(o.maxSeriesPoints ?? 240);
        this.gapSeconds = Math.max(3 * o.intervalSeconds, o.intervalSeconds + 2);
    }
    /**
     * Adds the next sample. With `skipReason` (from the integrity guard) the interval that ends at `s` is
     * not integrated: it is recorded as a gap with that reason, and `s` becomes the new reference.
     * `missingBefore` sample lines known to be missing before `s` (by their seq numbers) flag the interval
     * as a gap; it is still integrated, because the counters are cumulative.
     */
    add(s, skipReason = null, missingBefore = 0) {
        this.count++;
        const a = this.prev;
        this.prev = s;
        if (s.tree) {
            this.peakRss = Math.max(this.peakRss ?? 0, s.tree.rssBytes);
            const lt = this.lastTree?.tree;
            if (this.treeCpuS === null)
                this.treeCpuS = 0;
            // Positive deltas only: a counter that drops (a reading error) must not cancel CPU already seen.
            if (lt && !skipReason) {
                this.treeCpuS += Math.max(0, s.tree.cpuSeconds - lt.cpuSeconds);
                this.escapedS += Math.max(0, (s.tree.escapedCpuSeconds ?? 0) - (lt.escapedCpuSeconds ?? 0));
            }
            this.lastTree = s;
        }
        if (s.gpu?.length) {
            this.gpuCount = Math.max(this.gpuCount, s.gpu.length);
            for (const g of s.gpu)
                this.gpuModels.add(g.name);
        }
        if (!a)
            return;
        const dt = s.monoS - a.monoS;
        if (skipReason) {
            const wallS = (s.wallMs - a.wallMs) / 1000;
            const seconds = wallS > 0 && Number.isFinite(wallS) ? wallS : 0;
            this.gaps.push({ fromS: this.elapsedS, toS: this.elapsedS + seconds, seconds, reason: `skipped: ${skipReason}` });
            this.elapsedS += seconds;
            return;
        }
        if (!(dt > 0))
            return;
        // Lines missing before s (write failures, lost lines) make a gap even when the time step looks normal.
        if (dt > this.gapSeconds || missingBefore > 0) {
            this.gaps.push({ fromS: this.elapsedS, toS: this.elapsedS + dt, seconds: dt, reason: missingBefore > 0 ? `${missingBefore} sample line(s) missing` : 'no samples' });
        }
        this.integratedSeconds += dt;
        this.elapsedS += dt;
        const dBusy = s.cpu.busySeconds - a.cpu.busySeconds;
        const dTotal = s.cpu.totalSeconds - a.cpu.totalSeconds;
        const machineUtil = dTotal > 0 ? clamp01(dBusy / dTotal) : 0;
        let treeUtil = null;
        let dTree = 0;
        if (a.tree && s.tree && !s.tree.rootGone) {
            dTree = Math.max(0, s.tree.cpuSeconds - a.tree.cpuSeconds);
            treeUtil = clamp01(dTree / (dt * this.o.model.vcpus));
            this.treeSeconds += dt;
            this.treeUtilS += treeUtil * dt;
        }
        else if (this.o.scope === 'process-tree') {
            this.treeMissingSeconds += dt;
        }
        this.machineUtilS += machineUtil * dt;
        if (s.mem.totalBytes > 0) {
            this.memUsedByteS += Math.max(0, s.mem.totalBytes - s.mem.availableBytes) * dt;
            this.memTotalByteS += s.mem.totalBytes * dt;
            this.memSeconds += dt;
        }
        this.machineCpuS += Math.max(0, dBusy);
        const useTree = this.o.scope === 'process-tree' && treeUtil !== null;
        const share = useTree ? (dBusy > 0 ? clamp01(dTree / dBusy) : 0) : 1;
        let cpuW;
        // Work-driven: what the CPU draws above idle (model or RAPL floor); time-driven: idle, RAM, GPU.
        let cpuTimeW = 0;
        const pkg = a.rapl?.packageJoules !== undefined && s.rapl?.packageJoules !== undefined ? s.rapl.packageJoules - a.rapl.packageJoules : null;
        let treeRapl = false;
        if (pkg !== null && pkg >= 0) {
            const pkgW = pkg / dt;
            this.cpuMeasured = true;
            if (useTree) {
                treeRapl = true;
                const reserved = s.cpu.logicalCpus > 0 ? Math.min(1, this.o.model.vcpus / s.cpu.logicalCpus) : 1;
                // A sliver (the closing sample just after a tick) can fall between two RAPL counter updates and
                // read near 0 W: the floor comes from intervals of at least half the sampling period when any.
                if (dt >= this.o.intervalSeconds / 2)
                    this.raplFloorFullW = Math.min(this.raplFloorFullW, pkgW);
                this.raplFloorAnyW = Math.min(this.raplFloorAnyW, pkgW);
                const floorW = this.raplFloorW;
                this.raplReservedS += reserved * dt;
                this.raplSharedJ += share * pkgW * dt;
                this.raplShareS += share * dt;
                // The point uses the floor seen so far; the totals use the whole run's floor (result()).
                cpuW = reserved * floorW + share * (pkgW - floorW);
                cpuTimeW = reserved * floorW;
            }
            else
                cpuW = pkgW;
        }
        else {
            cpuW = (0,power/* cpuWatts */.U)(this.o.model.cpu, useTree ? treeUtil : machineUtil);
            cpuTimeW = Math.min(cpuW, (0,power/* cpuWatts */.U)(this.o.model.cpu, 0));
        }
        let ramW;
        const dram = a.rapl?.dramJoules !== undefined && s.rapl?.dramJoules !== undefined ? s.rapl.dramJoules - a.rapl.dramJoules : null;
        if (dram !== null && dram >= 0) {
            // Memory is a constant of the reserved machine: all DRAM is the job's in both scopes (METHODOLOGY §1).
            ramW = dram / dt;
            this.ramMeasured = true;
        }
        else {
            ramW = this.o.model.memoryGb * this.o.model.memoryWattsPerGb;
        }
        let gpuW = 0;
        // A tick without a GPU reading after GPUs were seen (the tool restarting, or given up) carries the
        // last reading forward: a GPU does not switch off. The carried time is reported.
        let gpus = s.gpu;
        if (!gpus?.length && this.lastGpu) {
            gpus = this.lastGpu;
            this.gpuCarriedSeconds += dt;
        }
        else if (gpus?.length)
            this.lastGpu = gpus;
        const utils = (gpus ?? []).map((g) => g.utilPercent).filter((u) => u !== null && Number.isFinite(u));
        if (utils.length) {
            this.gpuUtilS += (utils.reduce((a, b) => a + b, 0) / utils.length / 100) * dt;
            this.gpuUtilSeconds += dt;
        }
        for (const g of gpus ?? []) {
            const w = (0,power/* gpuModelWatts */.N)(this.o.model, g);
            if (!w) {
                this.gpuUnpowered = true;
                continue;
            }
            gpuW += w.watts;
            if (w.modelled)
                this.gpuModelled = true;
            else
                this.gpuMeasured = true;
        }
        if (!treeRapl)
            this.cpuJ += cpuW * dt;
        this.ramJ += ramW * dt;
        this.gpuJ += gpuW * dt;
        const p = { tS: this.elapsedS, wallMs: s.wallMs, machineUtil, treeUtil, cpuWatts: cpuW, ramWatts: ramW, gpuWatts: gpuW };
        this.o.onInterval?.(p, s);
        const work = { cpuJ: (cpuW - cpuTimeW) * dt, ramJ: 0, gpuJ: 0 };
        const time = { cpuJ: cpuTimeW * dt, ramJ: ramW * dt, gpuJ: gpuW * dt };
        this.o.onSplit?.({ a, s, dt, workCpuSeconds: useTree ? dTree : this.o.scope === 'machine' ? dBusy : 0, work, time });
        this.series.push(p, dt);
    }
    /** Seconds where no GPU reading arrived and the last one was carried forward. */
    get gpuCarriedSecondsTotal() {
        return this.gpuCarriedSeconds;
    }
    /** True when a GPU reported no power and no CCF row matched its name (its energy is left out). */
    get gpuWithoutPower() {
        return this.gpuUnpowered;
    }
    /** Seconds of the window where the process tree could not be read (scope process-tree fell back to machine). */
    get treeMissingSecondsTotal() {
        return this.treeMissingSeconds;
    }
    result() {
        const duration = this.integratedSeconds;
        const treeCpu = this.treeCpuS;
        const machineCpu = this.machineCpuS;
        const escaped = this.escapedS;
        const wh = (j) => j / 3600;
        const floor = Number.isFinite(this.raplFloorW) ? this.raplFloorW : 0;
        const cpuJ = this.cpuJ + floor * this.raplReservedS + this.raplSharedJ - floor * this.raplShareS;
        const gpu = this.gpuCount === 0 ? 'none' : this.gpuMeasured ? 'measured' : this.gpuModelled ? 'modelled' : 'defaulted';
        return {
            scope: this.o.scope,
            durationSeconds: duration,
            samples: this.count,
            cpuWh: wh(cpuJ),
            ramWh: wh(this.ramJ),
            gpuWh: wh(this.gpuJ),
            totalWh: wh(cpuJ + this.ramJ + this.gpuJ),
            cpu: this.cpuMeasured ? 'measured' : 'modelled',
            ram: this.ramMeasured ? 'measured' : 'modelled',
            gpu,
            avgMachineUtil: duration > 0 ? this.machineUtilS / duration : 0,
            avgTreeUtil: this.treeSeconds > 0 ? this.treeUtilS / this.treeSeconds : null,
            treeCpuSeconds: treeCpu,
            machineCpuSeconds: machineCpu,
            remainderCpuSeconds: treeCpu === null ? null : Math.max(0, machineCpu - treeCpu),
            escapedCpuSeconds: escaped,
            peakTreeRssBytes: this.peakRss,
            gpuCount: this.gpuCount,
            gpuModels: [...this.gpuModels],
            avgCpuWatts: duration > 0 ? cpuJ / duration : 0,
            ...(Number.isFinite(this.raplFloorW) ? { raplIdleFloorWatts: this.raplFloorW } : {}),
            avgRamWatts: duration > 0 ? this.ramJ / duration : 0,
            avgGpuWatts: duration > 0 ? this.gpuJ / duration : 0,
            ...(this.gpuUtilSeconds > 0 ? { avgGpuUtil: this.gpuUtilS / this.gpuUtilSeconds } : {}),
            ...(this.memSeconds > 0 ? { avgMemoryUsedBytes: this.memUsedByteS / this.memSeconds, avgMemoryTotalBytes: this.memTotalByteS / this.memSeconds } : {}),
            gaps: this.gaps,
            series: this.series.points(),
        };
    }
}
/** Integrates a whole array of samples (tests, small files). */
function integrate(samples, o) {
    const it = new EnergyIntegrator(o);
    for (const s of samples)
        it.add(s);
    return it.result();
}

;// CONCATENATED MODULE: ./src/core/model/model-kind.ts
// The one interface every kind of power model implements (CCF cloud, TDP, Eco CI curve, GitHub-hosted),
// in the shape of Cloud Carbon Footprint's estimators: pure, with the machine, the inputs and the
// constants (tables, provider row) passed in. A leaf: the kinds import it, it imports none of them.

// Memory is counted in GiB (2^30 bytes) throughout, and labelled so: CCF's 0.392 W per "GB" is applied
// to cloud instance memory, which AWS and Azure size in GiB, and comes from DIMM power per capacity
// (Crucial, Micron), which is binary too; CodeCarbon's "GB" is bytes / 1024³ as well.
const GIB = 1024 ** 3;
const fmt = (x, digits = 4) => (0,format/* num */.bu)(x, digits);
const machineMemoryGb = (facts) => facts.memoryBytes / GIB;
function normalisedArch(arch) {
    const a = arch.toLowerCase();
    if (a === 'x64' || a === 'x86_64' || a === 'amd64')
        return 'x64';
    if (a === 'arm64' || a === 'aarch64')
        return 'arm64';
    return a;
}

;// CONCATENATED MODULE: ./src/core/model/lookups.ts
/** Normalises a CPU model string for matching: lower case, without (R)/(TM), clock, "CPU", "n-Core Processor". */
function normaliseCpuModel(s) {
    return ` ${s.toLowerCase()} `
        .replace(/\((r|tm|virtual)\)/g, ' ')
        .replace(/@.*$/, ' ')
        .replace(/\b\d+-core\b/g, ' ')
        .replace(/\b(processor|cpu|with radeon graphics)\b/g, ' ')
        .replace(/[^a-z0-9+-]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
}
/**
 * Normalises an instance type for matching: lower case, the provider's name prefixes dropped, spaces and
 * underscores as one '_'. Azure "Standard_D4as_v4" and CCF "D4as v4" both become "d4as_v4".
 */
function normaliseInstanceType(s, prefixes = []) {
    let v = s.trim().toLowerCase();
    for (const pre of prefixes) {
        const p = pre.toLowerCase().replace(/[\s_]+$/, '');
        if (p && v.startsWith(p) && /^[\s_]/.test(v.slice(p.length))) {
            v = v.slice(p.length);
            break;
        }
    }
    return v.replace(/^[\s_]+/, '').replace(/[\s_]+/g, '_');
}
function normaliseGpuName(s) {
    return ` ${s.toLowerCase()} `
        .replace(/\b(nvidia|amd|tesla|geforce)\b/g, ' ')
        .replace(/[^a-z0-9]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
}
const contains = (hay, needle) => ` ${hay} `.includes(` ${needle} `);
const archKeys = new WeakMap();
const tdpKeys = new WeakMap();
function archIndex(tables) {
    let idx = archKeys.get(tables);
    if (!idx) {
        idx = tables.cpuArchitectures
            // CCF list entries are bare model names ("EPYC 7763", "Platinum 8370C"): a light normalisation suffices
            .map((row) => ({ key: row.cpuModel.toLowerCase().replace(/[^a-z0-9+-]+/g, ' ').trim(), row }))
            .filter((k) => k.key !== '')
            .sort((a, b) => b.key.length - a.key.length);
        archKeys.set(tables, idx);
    }
    return idx;
}
function tdpIndex(tables) {
    let idx = tdpKeys.get(tables);
    if (!idx) {
        const list = tables.cpuTdp.map((row) => ({ key: normaliseCpuModel(row.cpuModel), row }));
        const exact = new Map();
        for (const k of list)
            if (!exact.has(k.key))
                exact.set(k.key, k.row);
        idx = { list, exact };
        tdpKeys.set(tables, idx);
    }
    return idx;
}
/** CPU model (as in /proc/cpuinfo) → CCF microarchitecture, or null. Longest listed model contained in the name wins. */
function microarchitectureOf(tables, cpuModel) {
    const m = normaliseCpuModel(cpuModel);
    if (!m)
        return null;
    for (const k of archIndex(tables))
        if (contains(m, k.key))
            return k.row;
    return null;
}
/** CPU model → CodeCarbon TDP row: exact normalised match, else the longest table name (with a digit) contained in the model. */
function tdpOf(tables, cpuModel) {
    const m = normaliseCpuModel(cpuModel);
    if (!m)
        return null;
    const idx = tdpIndex(tables);
    const exact = idx.exact.get(m);
    if (exact)
        return exact;
    let best = null;
    for (const k of idx.list) {
        if (k.key.length >= 4 && /\d/.test(k.key) && contains(m, k.key) && (!best || k.key.length > best.key.length))
            best = k;
    }
    return best ? best.row : null;
}
/** GPU name (nvidia-smi / systeminformation) → CCF GPU row: the longest table name contained in it. */
function gpuRowOf(tables, gpuName) {
    const g = normaliseGpuName(gpuName);
    let best = null;
    for (const r of tables.gpus)
        if (contains(g, r.key) && (!best || r.key.length > best.key.length))
            best = r;
    return best;
}
/** The provider row of data/cloud-providers.csv, or null. */
function providerRow(tables, id) {
    return tables.providerIndex.get(id.trim().toLowerCase()) ?? null;
}
/** "'aws', 'azure', 'gcp'": the providers of the data, for "accepted" texts. */
const providerList = (tables) => tables.providers.map((p) => `'${p.id}'`).join(', ');
function coefficientRow(tables, p, microarchitecture) {
    return tables.coefficients.find((c) => c.provider === p && c.microarchitecture === microarchitecture) ?? null;
}
const instanceKeys = new WeakMap();
function instanceRow(tables, p, instanceType) {
    let byProvider = instanceKeys.get(tables);
    if (!byProvider)
        instanceKeys.set(tables, (byProvider = new Map()));
    let idx = byProvider.get(p);
    if (!idx)
        byProvider.set(p, (idx = new Map(tables.instancesOf(p).map((r) => [r.key, r]))));
    return idx.get(normaliseInstanceType(instanceType, providerRow(tables, p)?.instancePrefixes)) ?? null;
}
function gridFactor(tables, p, region) {
    return tables.gridIndex.get(`${p}:${region.trim().toLowerCase()}`) ?? null;
}
function countryRow(tables, code) {
    return tables.countryIndex.get(code.trim().toUpperCase()) ?? null;
}
/** Levenshtein distance, for "did you mean" lists. */
function editDistance(a, b) {
    const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diag = prev[0];
        prev[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = prev[j];
            prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
            diag = tmp;
        }
    }
    return prev[b.length];
}
/** The `count` names closest to `query` (case-insensitive edit distance; names sharing a prefix first on ties). */
function nearestNames(names, query, count = 5) {
    const q = query.toLowerCase();
    return [...new Set(names)]
        .map((name) => {
        const l = name.toLowerCase();
        return { name, d: editDistance(q, l) - (l.startsWith(q.slice(0, 3)) ? 0.5 : 0) };
    })
        .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
        .slice(0, count)
        .map((x) => x.name);
}

;// CONCATENATED MODULE: ./src/core/model/ccf-terms.ts


const nameOf = (call, id) => call.tables.providerIndex.get(id)?.name ?? id;
/** Per-vCPU coefficients for a microarchitecture: the provider's row, a documented stand-in, or another provider's row (file order). */
function coefficientsFor(call, provider, arch) {
    let want = arch;
    const standIn = call.tables.constants.microarchitectureStandIns[arch];
    if (standIn) {
        want = standIn.use;
        call.notes.push(`${arch} is modelled with the CCF ${standIn.use} row: ${standIn.reason}.`);
    }
    const own = coefficientRow(call.tables, provider.id, want);
    if (own)
        return own;
    for (const p of call.tables.providers) {
        if (p.id === provider.id)
            continue;
        const other = coefficientRow(call.tables, p.id, want);
        if (other) {
            call.notes.push(`CCF has no ${provider.name} row for ${want}; the ${p.name} row is used (same SPECpower basis).`);
            return other;
        }
    }
    return null;
}
/** Per-vCPU idle/max W for one or more microarchitectures (mean over them, as CCF does for families), or the provider average. */
function perVcpuWatts(call, provider, archs, archEvidence) {
    const known = archs.filter((a) => a && a !== 'Unknown');
    const rows = [];
    for (const a of known) {
        const r = coefficientsFor(call, provider, a);
        if (r)
            rows.push(r);
        else
            call.notes.push(`CCF has no coefficients for ${a}.`);
    }
    if (rows.length > 0) {
        const idle = rows.reduce((s, r) => s + r.minWattsPerVcpu, 0) / rows.length;
        const max = rows.reduce((s, r) => s + r.maxWattsPerVcpu, 0) / rows.length;
        const gbPerChip = rows.reduce((s, r) => s + r.gbPerChip, 0) / rows.length;
        const names = rows.map((r) => `${nameOf(call, r.provider)} ${r.microarchitecture}`);
        if (rows.length > 1)
            call.notes.push(`${archEvidence} may run on ${known.join(', ')}; the mean of their CCF rows is used.`);
        call.sources.push({ what: 'microarchitecture', value: known.join('; '), source: archEvidence });
        return {
            idle,
            max,
            gbPerChip,
            label: rows.length > 1 ? `mean of ${names.join(', ')}` : names[0],
            source: `CCF coefficients-*-use.csv (ccf-coefficients @ b0032d9): ${names.join(', ')}`,
            defaulted: false,
        };
    }
    call.cpuDefaulted = `microarchitecture unknown (${archEvidence}): CCF's ${provider.name} ${provider.averageKind} per-vCPU coefficients`;
    call.notes.push(`Microarchitecture unknown (${archEvidence}); CCF's ${provider.name} ${provider.averageKind} per-vCPU coefficients are used (defaulted).`);
    return {
        idle: provider.avgMinWattsPerVcpu,
        max: provider.avgMaxWattsPerVcpu,
        gbPerChip: provider.avgGbPerChip,
        label: `${provider.name} ${provider.averageKind}`,
        source: provider.source,
        defaulted: true,
    };
}
function cpuArchFromFacts(call) {
    const hit = microarchitectureOf(call.tables, call.facts.cpuModel);
    if (hit)
        return { archs: [hit.microarchitecture], evidence: `CPU "${call.facts.cpuModel}" matches "${hit.cpuModel}" (${hit.source})` };
    return { archs: [], evidence: `CPU "${call.facts.cpuModel || 'unknown'}" is in no CCF microarchitecture list` };
}
function memorySource(call, memoryGb, from) {
    const m = call.tables.constants.memoryWattsPerGb;
    call.sources.push({ what: 'memory', value: `${fmt(memoryGb)} GiB × ${m.value} W/GiB`, source: `${from}; ${m.source}` });
}
/**
 * CCF's memory rule (provider memory_rule 'platform-share', AWS/Azure): the SPECpower servers behind the
 * per-vCPU coefficients already include gbPerChip × sockets of memory for the platform's vCPUs, so only
 * memory above the instance's share of it is added. Rule 'all' (GCP, as CCF does) and machines without
 * platform data: all memory.
 */
function chargedMemoryGb(call, args) {
    const { provider, memoryGb, vcpus, perVcpu, platform, from } = args;
    if (provider?.memoryRule === 'all') {
        memorySource(call, memoryGb, `${from}; all memory, as CCF does for ${provider.name}`);
        return memoryGb;
    }
    if (!platform || !perVcpu.gbPerChip || !(platform.vcpus > 0)) {
        call.notes.push(`Host platform unknown: all ${fmt(memoryGb, 3)} GiB of memory are charged; CCF would first subtract the memory already inside the per-vCPU coefficient.`);
        memorySource(call, memoryGb, `${from}; all memory (platform unknown)`);
        return memoryGb;
    }
    const included = (vcpus * perVcpu.gbPerChip * platform.sockets) / platform.vcpus;
    const charged = Math.max(0, memoryGb - included);
    const m = call.tables.constants.memoryWattsPerGb;
    call.sources.push({
        what: 'memory',
        value: `${fmt(charged)} GiB × ${m.value} W/GiB`,
        source: `${from} ${fmt(memoryGb)} GiB minus ${fmt(included)} GiB already in the CCF coefficient (${vcpus} vCPU × ${fmt(perVcpu.gbPerChip)} GiB/chip × ${platform.sockets} chip(s) / ${platform.vcpus} platform vCPUs; ${platform.source}); CCF memory coefficient`,
    });
    return charged;
}
function socketsOf(call, arch) {
    const t = call.tables.constants.memoryRule.socketsByMicroarchitecture;
    return (arch ? t[arch] : undefined) ?? t.Unknown;
}
/** The CCF linear model: per-vCPU idle/max × vCPUs, memory at CCF's W/GB, the given PUE. */
function ccfModel(call, args) {
    const { provider, vcpus, perVcpu } = args;
    call.sources.push({ what: 'CPU W per vCPU (idle/max)', value: `${fmt(perVcpu.idle)} / ${fmt(perVcpu.max)} × ${vcpus} vCPU`, source: perVcpu.source });
    call.sources.push({ what: 'PUE', value: String(args.pue), source: args.pueSource });
    return {
        id: 'ccf',
        label: args.label,
        provider,
        microarchitecture: args.microarchitecture,
        instanceType: args.instanceType,
        vcpus,
        cpu: { kind: 'linear', idleWatts: perVcpu.idle * vcpus, maxWatts: perVcpu.max * vcpus },
        memoryGb: args.memoryGb,
        memoryWattsPerGb: call.tables.constants.memoryWattsPerGb.value,
        pue: args.pue,
        sources: call.sources,
        notes: call.notes,
    };
}
/** CCF's embodied share: the host's total × instance vCPUs / largest vCPUs of the family (the lifespan is applied later). */
function embodiedFromRow(call, row, instanceVcpus, why) {
    if (row.embodiedKgCo2e === null) {
        call.notes.push(`No CCF embodied figure for ${row.instanceType} or its family; embodied emissions are not estimated.`);
        return undefined;
    }
    const source = `${row.embodiedSource} row ${nameOf(call, row.provider)} ${row.instanceType} (family ${row.family}, largest ${row.familyMaxVcpus} vCPU)${why ? `; ${why}` : ''}`;
    call.sources.push({ what: 'embodied (host total)', value: `${row.embodiedKgCo2e} kgCO2e × ${instanceVcpus}/${row.familyMaxVcpus} vCPU`, source });
    return { totalKgCo2e: row.embodiedKgCo2e, instanceVcpus, familyMaxVcpus: row.familyMaxVcpus, source };
}

;// CONCATENATED MODULE: ./src/core/model/table-types.ts
// The shapes of the model's reference tables (data/*.csv + data/constants.json). A leaf module:
// build-tables.ts parses file texts into these, lookups.ts searches them, src/data/tables.ts reads the files.
/** The data files read by loadTables, by role (plus one instance file per provider: instanceFileOf). */
const TABLE_FILES = {
    providers: 'cloud-providers.csv',
    gridFactors: 'cloud-grid-factors.csv',
    countries: 'country-intensity.csv',
    coefficients: 'cpu-coefficients.csv',
    cpuArchitectures: 'cpu-microarchitectures.csv',
    gpus: 'gpu-watts.csv',
    cpuTdp: 'cpu-tdp.csv',
    runnerProfiles: 'github-runner-profiles.csv',
    runnerRegions: 'github-runner-regions.csv',
    runnerEmbodied: 'github-runner-embodied.csv',
    ecociCurve: 'ecoci-github-4vcpu.csv',
    constants: 'constants.json',
};
/** A provider's instance types live in their own file, found by name: instance-types-<provider>.csv. */
const INSTANCE_FILE = /^instance-types-([a-z0-9][a-z0-9-]*)\.csv$/;
const instanceFileOf = (p) => `instance-types-${p}.csv`;
class TableError extends Error {
    constructor(file, detail) {
        super(`data/${file}: ${detail}`);
        this.name = 'TableError';
    }
}

;// CONCATENATED MODULE: ./src/core/model/ccf-cloud.ts



/** A cloud instance from the instance table (inputs or instance metadata). */
function instanceModel(call, provider, row, origin) {
    const { facts } = call;
    if (facts.logicalCpus !== row.vcpus) {
        call.notes.push(`The machine reports ${facts.logicalCpus} logical CPUs, ${row.instanceType} has ${row.vcpus} vCPUs; the instance's ${row.vcpus} are used.`);
    }
    let archs = row.microarchitectures.filter((a) => a !== 'Unknown');
    let evidence = `instance table: ${provider.name} ${row.instanceType}${row.cpuName ? ` (${row.cpuName})` : ''}`;
    if (archs.length === 0) {
        const fromCpu = cpuArchFromFacts(call);
        archs = fromCpu.archs;
        evidence = `CCF lists ${row.instanceType} as "Unknown"; ${fromCpu.evidence}`;
    }
    const perVcpu = perVcpuWatts(call, provider, archs, evidence);
    call.sources.push({ what: 'instance type', value: `${provider.name} ${row.instanceType}: ${row.vcpus} vCPU, ${row.memoryGb} GiB`, source: `${origin}; CCF instance data (data/${instanceFileOf(provider.id)})` });
    const platform = row.platformVcpus && row.platformSockets ? { vcpus: row.platformVcpus, sockets: row.platformSockets, source: `CCF platform data of ${row.instanceType}` } : null;
    const memoryGb = chargedMemoryGb(call, {
        provider,
        memoryGb: row.memoryGb > 0 ? row.memoryGb : machineMemoryGb(facts),
        vcpus: row.vcpus,
        perVcpu,
        platform,
        from: row.memoryGb > 0 ? 'instance memory' : 'machine memory',
    });
    const model = ccfModel(call, {
        provider: provider.id,
        vcpus: row.vcpus,
        memoryGb,
        perVcpu,
        label: `CCF ${provider.name} ${row.instanceType} (${perVcpu.label})`,
        pue: provider.pue,
        pueSource: provider.pueSource,
        instanceType: row.instanceType,
        microarchitecture: archs.join('; ') || undefined,
    });
    model.embodied = embodiedFromRow(call, row, row.vcpus, '');
    if (row.gpus > 0 && facts.gpus.length === 0)
        call.notes.push(`${row.instanceType} has ${row.gpus} GPU(s) but none was found on the machine.`);
    return model;
}
/** A cloud machine whose instance type is unknown: CPU model → microarchitecture, sizes from the machine. */
function ccf_cloud_cpuModel(call, provider, origin) {
    const { facts } = call;
    const { archs, evidence } = cpuArchFromFacts(call);
    const perVcpu = perVcpuWatts(call, provider, archs, evidence);
    call.sources.push({ what: 'vCPUs', value: String(facts.logicalCpus), source: 'machine (logical CPUs)' });
    const memoryGb = chargedMemoryGb(call, { provider, memoryGb: machineMemoryGb(facts), vcpus: facts.logicalCpus, perVcpu, platform: null, from: 'machine memory' });
    call.notes.push(`No instance type (${origin}): embodied emissions are not estimated; set instance-type to include them.`);
    return ccfModel(call, {
        provider: provider.id,
        vcpus: facts.logicalCpus,
        memoryGb,
        perVcpu,
        label: `CCF ${provider.name} per-vCPU model (${perVcpu.label})`,
        pue: provider.pue,
        pueSource: provider.pueSource,
        microarchitecture: archs[0],
    });
}
/** The provider with the most coefficient rows (the first such in file order): CCF's widest table. */
function widestProvider(tables) {
    const count = (p) => tables.coefficients.filter((c) => c.provider === p.id).length;
    return tables.providers.reduce((best, p) => (count(p) > count(best) ? p : best));
}
/** power-model: ccf on a machine with no cloud: CPU model → microarchitecture, the widest CCF table, no facility overhead. */
function withoutCloud(call) {
    const { facts, tables } = call;
    const widest = widestProvider(tables);
    const { archs, evidence } = cpuArchFromFacts(call);
    const perVcpu = perVcpuWatts(call, widest, archs, evidence);
    call.notes.push(`No cloud is known: CCF coefficients are taken from the ${widest.name} table (the one with the most microarchitectures) and no facility overhead is added.`);
    call.notes.push('Embodied emissions are not estimated for this machine (no instance data).');
    call.sources.push({ what: 'vCPUs', value: String(facts.logicalCpus), source: 'machine (logical CPUs)' });
    const memoryGb = chargedMemoryGb(call, { provider: null, memoryGb: machineMemoryGb(facts), vcpus: facts.logicalCpus, perVcpu, platform: null, from: 'machine memory' });
    const m = ccfModel(call, {
        provider: widest.id,
        vcpus: facts.logicalCpus,
        memoryGb,
        perVcpu,
        label: `CCF per-vCPU model without a cloud (${perVcpu.label})`,
        pue: tables.constants.onPremPue.value,
        pueSource: tables.constants.onPremPue.source,
        microarchitecture: archs[0],
    });
    delete m.provider;
    return m;
}
/** CCF cloud: an instance row when the target has one, else the provider's per-vCPU model, else CCF without a cloud. */
const ccfCloud = {
    id: 'ccf',
    build(call, target) {
        const origin = target.origin ?? 'inputs';
        if (target.provider && target.instance)
            return instanceModel(call, target.provider, target.instance, origin);
        if (target.provider)
            return ccf_cloud_cpuModel(call, target.provider, origin);
        return withoutCloud(call);
    },
};

;// CONCATENATED MODULE: ./src/core/csv.ts
// The one CSV reader of carbon-gate (RFC 4180): quoted fields, doubled quotes, commas and line
// breaks inside quotes, CRLF or LF line ends, an optional UTF-8 byte-order mark. Pure.
class CsvError extends Error {
    source;
    line;
    constructor(source, line, detail) {
        super(`${source}:${line}: ${detail}`);
        this.source = source;
        this.line = line;
        this.name = 'CsvError';
    }
}
/**
 * Splits CSV text into rows of raw string fields. Blank lines are dropped. Linear in the text: the
 * position of the next quote is found once and reused until the parser passes it (searching the rest
 * of the file for a quote on every line made a 80k-row file take seconds).
 */
function parseCsvRows(text, source = 'csv', work) {
    const rows = [];
    const len = text.length;
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let line = 1;
    let nextQuote = -2; // -2: not searched yet; -1: no quote after the last search point
    const find = (ch, from) => {
        const at = text.indexOf(ch, from);
        if (work)
            work.scannedChars += (at === -1 ? len : at + 1) - from;
        return at;
    };
    while (i < len) {
        // Fast path: a record without quotes is the text up to the next line break, split on commas.
        let eol = find('\n', i);
        if (eol === -1)
            eol = len;
        const end = eol > i && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
        if (nextQuote === -2 || (nextQuote !== -1 && nextQuote < i))
            nextQuote = find('"', i);
        const q = nextQuote;
        if (q === -1 || q >= end) {
            const rec = text.slice(i, end);
            if (rec !== '')
                rows.push(rec.split(','));
            i = eol + 1;
            line++;
            continue;
        }
        // Slow path: a record with quoted fields, which may span lines.
        const row = [];
        let field = '';
        let inQuotes = false;
        let quoteStartLine = 0;
        for (;;) {
            if (i >= len) {
                if (inQuotes)
                    throw new CsvError(source, quoteStartLine, 'a quoted field is never closed');
                row.push(field);
                break;
            }
            const c = text[i];
            if (work)
                work.scannedChars++;
            if (inQuotes) {
                if (c === '"') {
                    if (text[i + 1] === '"') {
                        field += '"';
                        i++;
                    }
                    else {
                        inQuotes = false;
                        const next = text[i + 1];
                        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
                            throw new CsvError(source, line, 'unexpected character after a closing quote');
                        }
                    }
                }
                else {
                    if (c === '\n')
                        line++;
                    field += c;
                }
                i++;
            }
            else if (c === '"') {
                if (field !== '')
                    throw new CsvError(source, line, 'a quote inside an unquoted field');
                inQuotes = true;
                quoteStartLine = line;
                i++;
            }
            else if (c === ',') {
                row.push(field);
                field = '';
                i++;
            }
            else if (c === '\n' || c === '\r') {
                row.push(field);
                i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
                line++;
                break;
            }
            else {
                field += c;
                i++;
            }
        }
        if (!(row.length === 1 && row[0] === ''))
            rows.push(row);
    }
    return rows;
}
/** Parses CSV with a header row into objects keyed by the header; checks that the named columns exist. */
function parseCsvRecords(text, source = 'csv', requiredColumns = [], work) {
    const rows = parseCsvRows(text, source, work);
    if (rows.length === 0)
        throw new CsvError(source, 1, 'no header row');
    const header = rows[0].map((h) => h.trim());
    for (const col of requiredColumns) {
        if (!header.includes(col))
            throw new CsvError(source, 1, `missing column '${col}' (have: ${header.join(', ')})`);
    }
    const out = new Array(rows.length - 1);
    const width = header.length;
    for (let i = 1; i < rows.length; i++) {
        const r = rows[i];
        if (r.length > width)
            throw new CsvError(source, i + 1, `${r.length} fields, header has ${width}`);
        const o = {};
        for (let j = 0; j < width; j++) {
            const v = r[j];
            o[header[j]] = v === undefined ? '' : v.trim();
        }
        out[i - 1] = o;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/core/model/build-tables.ts
// Parses the texts of the data files into typed Tables (pure: src/data/tables.ts reads the files).
// Every provider id in any table must be a row of data/cloud-providers.csv: a new provider is rows there,
// in the grid-factor (and optionally coefficient) tables and an instance-types-<provider>.csv file.



/** A number from a table cell; `row` and `col` only name the cell in the error. */
function n(file, v, row, col = '') {
    const x = Number(v);
    if (v === '' || !Number.isFinite(x))
        throw new TableError(file, `${row}${col ? ` ${col}` : ''} is not a number: ${JSON.stringify(v)}`);
    return x;
}
/** A provider id that data/cloud-providers.csv has. */
function provider(known, file, v) {
    if (known.has(v))
        return v;
    throw new TableError(file, `unknown provider ${JSON.stringify(v)} (not in ${TABLE_FILES.providers}: ${[...known.keys()].join(', ')})`);
}
const list = (v) => (v === '' ? [] : v.includes(';') ? v.split(';').map((s) => s.trim()).filter(Boolean) : [v]);
const PROVIDER_COLS = ['provider', 'name', 'pue', 'avg_min_watts_per_vcpu', 'avg_max_watts_per_vcpu', 'average_kind', 'avg_gb_per_chip', 'memory_rule', 'instance_prefixes', 'source', 'pue_source'];
function parseProviders(rows) {
    const f = TABLE_FILES.providers;
    const seen = new Set();
    return rows.map((r) => {
        if (!/^[a-z0-9][a-z0-9-]*$/.test(r.provider))
            throw new TableError(f, `provider id ${JSON.stringify(r.provider)} is not lower-case letters, digits and '-'`);
        if (seen.has(r.provider))
            throw new TableError(f, `provider ${r.provider} is listed twice`);
        seen.add(r.provider);
        if (r.memory_rule !== 'platform-share' && r.memory_rule !== 'all')
            throw new TableError(f, `${r.provider} memory_rule is ${JSON.stringify(r.memory_rule)}, not 'platform-share' or 'all'`);
        const pue = n(f, r.pue, r.provider, 'pue');
        if (!(pue >= 1))
            throw new TableError(f, `${r.provider} pue is ${pue}, below 1`);
        return {
            id: r.provider,
            name: r.name || r.provider,
            pue,
            avgMinWattsPerVcpu: n(f, r.avg_min_watts_per_vcpu, r.provider, 'avg_min_watts_per_vcpu'),
            avgMaxWattsPerVcpu: n(f, r.avg_max_watts_per_vcpu, r.provider, 'avg_max_watts_per_vcpu'),
            averageKind: r.average_kind,
            avgGbPerChip: r.avg_gb_per_chip === '' ? null : n(f, r.avg_gb_per_chip, r.provider, 'avg_gb_per_chip'),
            memoryRule: r.memory_rule,
            instancePrefixes: list(r.instance_prefixes),
            source: r.source,
            pueSource: r.pue_source || r.source,
        };
    });
}
function buildTables(files) {
    const rec = (k, cols) => parseCsvRecords(files[k], TABLE_FILES[k], cols);
    const providers = parseProviders(rec('providers', PROVIDER_COLS));
    const providerIndex = new Map(providers.map((p) => [p.id, p]));
    const gf = TABLE_FILES.gridFactors;
    const gridFactors = rec('gridFactors', ['provider', 'region', 'gco2e_per_kwh', 'basis', 'source', 'country_iso3']).map((r) => ({
        provider: provider(providerIndex, gf, r.provider),
        region: r.region,
        gCo2ePerKwh: n(gf, r.gco2e_per_kwh, `${r.provider}:${r.region}`),
        basis: r.basis,
        source: r.source,
        countryIso3: r.country_iso3 || null,
    }));
    const cf = TABLE_FILES.countries;
    const countries = rec('countries', ['iso2', 'iso3', 'country', 'year', 'gco2e_per_kwh', 'total_twh']).map((r) => ({
        iso2: r.iso2,
        iso3: r.iso3,
        country: r.country,
        year: n(cf, r.year, `${r.iso3} year`),
        gCo2ePerKwh: n(cf, r.gco2e_per_kwh, r.iso3),
        totalTwh: r.total_twh === '' ? 0 : n(cf, r.total_twh, `${r.iso3} total_twh`),
    }));
    const kf = TABLE_FILES.coefficients;
    const coefficients = rec('coefficients', ['provider', 'microarchitecture', 'min_watts_per_vcpu', 'max_watts_per_vcpu', 'gb_per_chip', 'flag']).map((r) => ({
        provider: provider(providerIndex, kf, r.provider),
        microarchitecture: r.microarchitecture,
        minWattsPerVcpu: n(kf, r.min_watts_per_vcpu, r.microarchitecture),
        maxWattsPerVcpu: n(kf, r.max_watts_per_vcpu, r.microarchitecture),
        gbPerChip: n(kf, r.gb_per_chip, r.microarchitecture),
        flag: r.flag,
    }));
    const gpf = TABLE_FILES.gpus;
    const gpus = rec('gpus', ['vendor', 'gpu', 'idle_watts', 'max_watts']).map((r) => ({
        vendor: r.vendor,
        gpu: r.gpu,
        key: normaliseGpuName(r.gpu),
        idleWatts: n(gpf, r.idle_watts, r.gpu),
        maxWatts: n(gpf, r.max_watts, r.gpu),
    }));
    const pf = TABLE_FILES.runnerProfiles;
    const runnerProfiles = rec('runnerProfiles', ['labels', 'runner_class', 'repo_visibility', 'os', 'arch', 'vcpus', 'ram_gb', 'gpu', 'likely_cpu', 'azure_vm_size', 'embodied_proxy', 'evidence_level', 'sources']).map((r) => ({
        labels: list(r.labels),
        runnerClass: r.runner_class,
        repoVisibility: r.repo_visibility,
        os: list(r.os),
        arch: list(r.arch),
        vcpus: n(pf, r.vcpus, r.labels, 'vcpus'),
        ramGb: n(pf, r.ram_gb, r.labels, 'ram_gb'),
        gpu: r.gpu,
        likelyCpu: r.likely_cpu,
        azureVmSize: r.azure_vm_size,
        embodiedProxy: r.embodied_proxy,
        evidenceLevel: r.evidence_level,
        sources: r.sources,
    }));
    const runnerRegions = rec('runnerRegions', ['azure_region', 'evidence', 'evidence_date', 'source_ids', 'electricitymaps_zone', 'zone_note']).map((r) => ({
        azureRegion: r.azure_region,
        evidence: r.evidence,
        evidenceDate: r.evidence_date,
        sourceIds: r.source_ids,
        electricityMapsZone: r.electricitymaps_zone,
        zoneNote: r.zone_note,
    }));
    const runnerEmbodied = rec('runnerEmbodied', ['embodied_proxy', 'default_for', 'is_runner_sku', 'runner_sku', 'why', 'source']).map((r) => ({
        proxy: r.embodied_proxy,
        defaultFor: r.default_for,
        isRunnerSku: r.is_runner_sku === 'true',
        runnerSku: r.runner_sku,
        why: r.why,
        source: r.source,
    }));
    const ef = TABLE_FILES.ecociCurve;
    const ecociCurve = rec('ecociCurve', ['util_percent', 'watts'])
        .map((r) => [n(ef, r.util_percent, 'util_percent') / 100, n(ef, r.watts, 'watts')])
        .sort((a, b) => a[0] - b[0]);
    let constants;
    try {
        constants = JSON.parse(files.constants);
    }
    catch (e) {
        throw new TableError(TABLE_FILES.constants, `not valid JSON (${e.message})`);
    }
    for (const [what, p] of [['githubHosted.provider', constants.githubHosted?.provider], ['ecoci.provider', constants.ecoci?.provider]]) {
        if (!p || !providerIndex.has(p))
            throw new TableError(TABLE_FILES.constants, `${what} ${JSON.stringify(p)} is not a provider of ${TABLE_FILES.providers}`);
    }
    const gh = constants.githubHosted.provider;
    const gridIndex = new Map(gridFactors.map((g) => [`${g.provider}:${g.region}`, g]));
    const countryIndex = new Map();
    for (const c of countries) {
        countryIndex.set(c.iso3, c);
        if (c.iso2)
            countryIndex.set(c.iso2, c);
    }
    const weighted = countries.filter((c) => c.totalTwh > 0);
    const worldGCo2ePerKwh = weighted.reduce((s, c) => s + c.gCo2ePerKwh * c.totalTwh, 0) / weighted.reduce((s, c) => s + c.totalTwh, 0);
    const regionFactors = runnerRegions.map((r) => {
        const g = gridIndex.get(`${gh}:${r.azureRegion}`);
        if (!g)
            throw new TableError(TABLE_FILES.runnerRegions, `region ${r.azureRegion} has no row in ${TABLE_FILES.gridFactors}`);
        return g.gCo2ePerKwh;
    });
    const githubRegionAverageGCo2ePerKwh = regionFactors.reduce((s, x) => s + x, 0) / regionFactors.length;
    const parseArchitectures = () => rec('cpuArchitectures', ['cpu_model', 'microarchitecture', 'source']).map((r) => ({
        cpuModel: r.cpu_model,
        microarchitecture: r.microarchitecture,
        source: r.source,
    }));
    for (const p of Object.keys(files.instances)) {
        if (!providerIndex.has(p))
            throw new TableError(instanceFileOf(p), `provider ${JSON.stringify(p)} is not in ${TABLE_FILES.providers}`);
    }
    const instanceCols = ['provider', 'instance_type', 'family', 'vcpus', 'memory_gb', 'microarchitectures', 'cpu_name', 'gpus', 'platform_vcpus', 'platform_sockets', 'family_max_vcpus', 'embodied_kgco2e', 'embodied_source'];
    const parseInstances = (want) => {
        const inf = instanceFileOf(want);
        const text = files.instances[want];
        if (text === undefined)
            return [];
        const prefixes = providerIndex.get(want)?.instancePrefixes ?? [];
        return parseCsvRecords(text, inf, instanceCols).map((r) => {
            const p = provider(providerIndex, inf, r.provider);
            const archs = list(r.microarchitectures);
            return {
                provider: p,
                instanceType: r.instance_type,
                key: normaliseInstanceType(r.instance_type, prefixes),
                family: r.family,
                vcpus: n(inf, r.vcpus, r.instance_type, 'vcpus'),
                memoryGb: r.memory_gb === '' ? 0 : n(inf, r.memory_gb, r.instance_type, 'memory_gb'),
                microarchitectures: archs.length ? archs : ['Unknown'],
                cpuName: r.cpu_name,
                gpus: r.gpus === '' ? 0 : n(inf, r.gpus, r.instance_type, 'gpus'),
                platformVcpus: r.platform_vcpus === '' ? null : n(inf, r.platform_vcpus, r.instance_type, 'platform_vcpus'),
                platformSockets: r.platform_sockets === '' ? null : n(inf, r.platform_sockets, r.instance_type, 'platform_sockets'),
                familyMaxVcpus: r.family_max_vcpus === '' ? n(inf, r.vcpus, r.instance_type) : n(inf, r.family_max_vcpus, r.instance_type, 'family_max_vcpus'),
                embodiedKgCo2e: r.embodied_kgco2e === '' ? null : n(inf, r.embodied_kgco2e, r.instance_type, 'embodied'),
                embodiedSource: r.embodied_source,
            };
        });
    };
    const tf = TABLE_FILES.cpuTdp;
    const parseTdp = () => rec('cpuTdp', ['cpu_model', 'tdp_watts']).map((r) => ({ cpuModel: r.cpu_model, tdpWatts: n(tf, r.tdp_watts, r.cpu_model) }));
    let archMemo;
    const instMemo = new Map();
    const instancesOf = (p) => {
        let rows = instMemo.get(p);
        if (!rows) {
            rows = parseInstances(p);
            if (rows.some((r) => r.provider !== p))
                throw new TableError(instanceFileOf(p), `rows of another provider than ${p}`);
            instMemo.set(p, rows);
        }
        return rows;
    };
    let tdpMemo;
    return {
        providers,
        gridFactors,
        countries,
        coefficients,
        get cpuArchitectures() {
            return (archMemo ??= parseArchitectures());
        },
        get instances() {
            return providers.flatMap((p) => instancesOf(p.id));
        },
        instancesOf,
        gpus,
        get cpuTdp() {
            return (tdpMemo ??= parseTdp());
        },
        runnerProfiles,
        runnerRegions,
        runnerEmbodied,
        ecociCurve,
        constants,
        worldGCo2ePerKwh,
        githubRegionAverageGCo2ePerKwh,
        gridIndex,
        countryIndex,
        providerIndex,
    };
}
/** Parses the lazily loaded tables now (tests and the load-time script use it to validate everything). */
function parseAllTables(tables) {
    return { instances: tables.instances.length, cpuArchitectures: tables.cpuArchitectures.length, cpuTdp: tables.cpuTdp.length };
}

;// CONCATENATED MODULE: ./src/core/model/tables.ts
// The model's reference tables: shapes (table-types.ts), parsing (build-tables.ts) and look-ups
// (lookups.ts), re-exported here as one door for the rest of core. src/data/tables.ts reads the files.




;// CONCATENATED MODULE: ./src/core/model/band.ts
// The model band: the same samples under the other published models that apply to this machine, so a
// reader sees how much the figure depends on the model chosen (METHODOLOGY §5.1). Information only: the
// gate uses the selected model. Only the power model varies: every member is charged at the run's PUE
// and grid intensity, plus the run's embodied figure. Pure (tables are passed in).




const band_GIB = 1024 ** 3;
/**
 * CodeCarbon 3.3's RAM rule (codecarbon/external/ram.py, transcribed in upstream codecarbon-constants.json):
 * a DIMM count from the RAM size (≤2 GB: 1, ≤16: 2, ≤64: 4, ≤128: 8), 5 W per DIMM on x86 and 1.5 W on
 * Arm, DIMMs 5–8 at 90 %, minimum 10 W (x86) or 3 W (Arm). Its "GB" is GiB. Null above 128 GiB, where
 * the heuristic's exact steps were not transcribed.
 */
function codecarbonRamWatts(gib, arm) {
    const dimms = gib <= 2 ? 1 : gib <= 16 ? 2 : gib <= 64 ? 4 : gib <= 128 ? 8 : null;
    if (dimms === null)
        return null;
    const perDimm = arm ? 1.5 : 5;
    let watts = 0;
    for (let i = 1; i <= dimms; i++)
        watts += perDimm * (i <= 4 ? 1 : 0.9);
    return Math.max(watts, arm ? 3 : 10);
}
/** CodeCarbon's cpu_load rule: machine mode TDP × (0.1 + 0.9 u³) (as points, 2.5 % apart); process mode TDP × u. */
function codecarbonCpuCurve(tdpWatts, scope) {
    if (scope === 'process-tree')
        return { kind: 'linear', idleWatts: 0, maxWatts: tdpWatts };
    const points = [];
    for (let i = 0; i <= 40; i++)
        points.push([i / 40, tdpWatts * (0.1 + 0.9 * (i / 40) ** 3)]);
    return { kind: 'points', points };
}
const variant = (base, over) => ({ ...base, sources: [], notes: [], ...over });
function ccfRows(tables, provider, facts) {
    const arch = microarchitectureOf(tables, facts.cpuModel)?.microarchitecture;
    const standIn = arch ? tables.constants.microarchitectureStandIns[arch]?.use : undefined;
    const want = standIn ?? arch;
    if (want) {
        for (const p of [provider, ...tables.providers.map((x) => x.id)]) {
            const r = coefficientRow(tables, p, want);
            if (r)
                return { rows: [r], known: true };
        }
    }
    // Unknown microarchitecture: the lowest and highest of the provider's rows (flagged rows aside).
    const own = tables.coefficients.filter((c) => c.provider === provider && !c.flag);
    const byMax = [...own].sort((a, b) => a.maxWattsPerVcpu - b.maxWattsPerVcpu);
    return { rows: byMax.length ? [byMax[0], byMax[byMax.length - 1]] : [], known: false };
}
/** The other published models that apply to this machine, and those that do not, with why. */
function bandModels(args) {
    const { model, facts, settings, tables, scope } = args;
    const models = [];
    const skipped = [];
    const machineGib = facts.memoryBytes / band_GIB;
    const arm = /^(arm64|aarch64)$/i.test(facts.arch);
    const ccfMemory = { memoryGb: machineGib, memoryWattsPerGb: tables.constants.memoryWattsPerGb.value };
    // CCF: the row of the machine's microarchitecture, or the lowest and highest rows when it is unknown.
    const { rows, known } = ccfRows(tables, model.provider ?? widestProvider(tables).id, facts);
    const selectedIsCcf = model.id === 'ccf' && !model.defaulted?.cpu;
    for (const [i, r] of rows.entries()) {
        if (selectedIsCcf && known)
            break;
        const which = known ? '' : i === 0 ? 'lowest row, ' : 'highest row, ';
        const memory = model.id === 'ccf' ? {} : ccfMemory;
        models.push({
            id: known ? 'ccf' : i === 0 ? 'ccf-min' : 'ccf-max',
            label: `CCF ${which}${providerRow(tables, r.provider)?.name ?? r.provider} ${r.microarchitecture} (${r.minWattsPerVcpu.toFixed(3)}/${r.maxWattsPerVcpu.toFixed(3)} W per vCPU)`,
            model: variant(model, { id: 'ccf', cpu: { kind: 'linear', idleWatts: r.minWattsPerVcpu * model.vcpus, maxWatts: r.maxWattsPerVcpu * model.vcpus }, ...memory }),
        });
    }
    // CodeCarbon: its TDP rule charges the whole package's TDP, which does not apply to a slice of a cloud
    // host; its RAM rule applies to any machine.
    const ram = codecarbonRamWatts(machineGib, arm);
    if (ram === null)
        skipped.push(`CodeCarbon RAM rule: ${machineGib.toFixed(0)} GiB is above the transcribed DIMM steps (128 GiB)`);
    const cloudSlice = !!model.provider || facts.runnerEnvironment === 'github-hosted';
    const tdp = settings.tdpWatts ?? tdpOf(tables, facts.cpuModel)?.tdpWatts ?? 4 * facts.logicalCpus;
    if (ram !== null) {
        const ramTerm = { memoryGb: 1, memoryWattsPerGb: ram };
        if (cloudSlice) {
            skipped.push('CodeCarbon TDP rule: it charges the whole CPU package to a cloud VM slice; its RAM rule is applied with the selected CPU term');
            models.push({ id: 'codecarbon-ram', label: `CodeCarbon RAM rule (${ram} W) with the selected CPU term`, model: variant(model, { id: model.id, ...ramTerm }) });
        }
        else {
            models.push({
                id: 'codecarbon',
                label: `CodeCarbon ${scope === 'process-tree' ? 'process' : 'machine'} mode: TDP ${tdp} W ${scope === 'process-tree' ? '× u' : '× (0.1 + 0.9 u³)'}, RAM ${ram} W`,
                model: variant(model, { id: 'tdp', cpu: codecarbonCpuCurve(tdp, scope), ...ramTerm }),
            });
        }
    }
    // Eco CI: its curve is for GitHub's 4-vCPU x64 runner on an AMD EPYC 7763.
    const e = tables.constants.ecoci;
    const ecociFits = facts.runnerEnvironment === 'github-hosted' && facts.os === 'linux' && !arm && facts.logicalCpus === e.instanceVcpus && /EPYC 7763/i.test(facts.cpuModel);
    if (model.id === 'ecoci-github-4vcpu') {
        // the selected model itself
    }
    else if (ecociFits) {
        models.push({ id: 'ecoci-github-4vcpu', label: "Eco CI's curve for a 4-vCPU EPYC 7763 runner (whole slice)", model: variant(model, { id: 'ecoci-github-4vcpu', cpu: { kind: 'points', points: tables.ecociCurve.map(([u, w]) => [u, w]) }, memoryWattsPerGb: 0 }) });
    }
    else {
        skipped.push(`Eco CI curve: for a GitHub-hosted 4-vCPU x64 runner on an AMD EPYC 7763; this machine is ${facts.runnerEnvironment}, ${facts.logicalCpus} CPU, ${facts.cpuModel || 'unknown CPU'}`);
    }
    return { models, skipped };
}
/** Feeds the same samples to one integrator per band model. RAPL is left out: the band is about models. */
class ModelBandTracker {
    band;
    its;
    constructor(band, scope, intervalSeconds) {
        this.band = band;
        this.its = band.models.map((m) => ({ m, it: new EnergyIntegrator({ model: m.model, scope, intervalSeconds }) }));
    }
    /** The next accepted sample; `skipReason` (from the integrity guard) skips the interval ending at it. */
    add(s, skipReason = null) {
        if (!this.its.length)
            return;
        const modelled = s.rapl ? { ...s, rapl: undefined } : s;
        for (const { it } of this.its)
            it.add(modelled, skipReason);
    }
    result(selected) {
        const { emissions } = selected;
        const gramsOf = (wh) => (wh / 1000) * emissions.pue * emissions.intensity.gCo2ePerKwh + emissions.embodiedGCo2e;
        const members = [
            { id: selected.model.id, label: selected.model.label, energyWh: selected.energy.totalWh, totalGCo2e: emissions.totalGCo2e, selected: true },
            ...this.its.map(({ m, it }) => {
                const wh = it.result().totalWh;
                return { id: m.id, label: m.label, energyWh: wh, totalGCo2e: gramsOf(wh), selected: false };
            }),
        ];
        const g = members.map((m) => m.totalGCo2e);
        const w = members.map((m) => m.energyWh);
        return { lowGCo2e: Math.min(...g), highGCo2e: Math.max(...g), lowWh: Math.min(...w), highWh: Math.max(...w), members, skipped: this.band.skipped };
    }
}
/** "15.5 mg CO2e (model band 11 mg–27 mg)": the selected total with the band, for the reports. */
function bandText(totalGCo2e, band) {
    return `${(0,format/* co2e */.k)(totalGCo2e)} (model band ${(0,format/* mass */.rd)(band.lowGCo2e)}–${(0,format/* mass */.rd)(band.highGCo2e)})`;
}

;// CONCATENATED MODULE: ./src/core/model/settings.ts
// What the model reads of the inputs: a narrow, token-free view of Settings, and the domain error the
// model throws for a value the data does not know. The app edge (src/app/model-inputs.ts) builds
// ModelSettings from Settings and maps ModelSettingError to an InputError naming the input.
/** A model setting whose value the tables do not know, or that does not go with the others. */
class ModelSettingError extends Error {
    setting;
    value;
    accepted;
    constructor(setting, value, accepted) {
        super(`Setting '${setting}' has the value ${JSON.stringify(value)}; accepted: ${accepted}.`);
        this.setting = setting;
        this.value = value;
        this.accepted = accepted;
        this.name = 'ModelSettingError';
    }
}

;// CONCATENATED MODULE: ./src/app/model-inputs.ts
// The edge between the inputs and the model: the narrow ModelSettings the model reads (never the token
// or the export credentials), and the mapping of the model's ModelSettingError to the InputError of the
// input it came from (same message shape: the input, the value, what is accepted).


/** The input (and CLI flag) behind each model setting. */
const MODEL_SETTING_INPUTS = {
    powerModel: 'power-model',
    cpuWattsIdle: 'cpu-watts-idle',
    cpuWattsMax: 'cpu-watts-max',
    tdpWatts: 'tdp-watts',
    cloudProvider: 'cloud-provider',
    instanceType: 'instance-type',
    region: 'region',
    country: 'country',
    carbonIntensityGPerKwh: 'carbon-intensity',
};
function modelSettingsOf(s) {
    return {
        powerModel: s.powerModel,
        cpuWattsIdle: s.cpuWattsIdle,
        cpuWattsMax: s.cpuWattsMax,
        tdpWatts: s.tdpWatts,
        cloudProvider: s.cloudProvider,
        instanceType: s.instanceType,
        region: s.region,
        country: s.country,
        carbonIntensityGPerKwh: s.carbonIntensityGPerKwh,
    };
}
/** A ModelSettingError as the InputError of its input; anything else unchanged. */
function asInputError(e) {
    return e instanceof ModelSettingError ? new InputError(MODEL_SETTING_INPUTS[e.setting], e.value, e.accepted) : e;
}
/** Runs `fn`, rethrowing a ModelSettingError as the InputError of its input. */
function withInputErrors(fn) {
    try {
        return fn();
    }
    catch (e) {
        throw asInputError(e);
    }
}

;// CONCATENATED MODULE: ./src/core/constants.ts
// The named constants of carbon-gate that are not data rows: each lives here once, with its source.
// Data with provenance (coefficients, PUE, factors) stays in data/; tests check that the copies agree.
/**
 * Hours in CCF's 4-year server lifespan (SERVER_EXPECTED_LIFESPAN = 35040), over which embodied
 * emissions are amortised. data/constants.json records the same value with its source.
 */
const LIFESPAN_HOURS = 35_040;
/**
 * Windows: seconds between two reads of the process table (Win32_Process through PowerShell). One CIM
 * query costs far more than a /proc read, so the tree is read this often and the machine every tick.
 */
const WIN32_TREE_PERIOD_SECONDS = 5;

;// CONCATENATED MODULE: ./src/core/emissions.ts

/**
 * operational (g) = energy (kWh) × PUE × intensity (g/kWh);
 * embodied (g)    = TE (kg) × 1000 × hours / LIFESPAN_HOURS (35,040) × instance vCPU / largest vCPU in the family (CCF).
 * `includeEmbodied` decides what the gate compares (gatedGCo2e); both parts are always reported.
 */
function computeEmissions(energy, model, intensity, includeEmbodied) {
    const operationalGCo2e = (energy.totalWh / 1000) * model.pue * intensity.gCo2ePerKwh;
    const hours = energy.durationSeconds / 3600;
    const e = model.embodied;
    const share = e && e.familyMaxVcpus > 0 ? Math.min(1, e.instanceVcpus / e.familyMaxVcpus) : 0;
    const embodiedGCo2e = e ? e.totalKgCo2e * 1000 * (hours / LIFESPAN_HOURS) * share : 0;
    const totalGCo2e = operationalGCo2e + embodiedGCo2e;
    return {
        operationalGCo2e,
        embodiedGCo2e,
        totalGCo2e,
        gatedGCo2e: includeEmbodied ? totalGCo2e : operationalGCo2e,
        intensity,
        pue: model.pue,
    };
}

// EXTERNAL MODULE: ./src/core/gate/terms.ts
var gate_terms = __nccwpck_require__(8512);
;// CONCATENATED MODULE: ./src/core/measurement.ts
// Was the job measured at all? Pure. A run without enough valid data gets the verdict "Not measured",
// never "Passed": a gate that is green on no data is worse than no gate.
//
// Not measured when any of:
//   - the sampler never started (no run directory, or it never wrote a line);
//   - samples.jsonl is missing (deleted or lost);
//   - fewer than 2 valid samples remain (no interval to integrate);
//   - the readable samples span less than half of the sampler's ticks (its completion marker counts
//     them): the file was emptied or truncated, so most of the job is unknown. Lines that could not be
//     written (disk full) inside the span do not count against it: the counters are cumulative, so the
//     interval across them is still measured, at a coarser resolution.

const MIN_VALID_SAMPLES = 2;
/** null when the run was measured; otherwise why not, in a few words. */
function notMeasuredReason(f) {
    if (!f.samplerStarted)
        return 'the sampler never started';
    if (!f.samplesFilePresent)
        return 'the samples file (samples.jsonl) is missing: it was deleted or lost';
    // Coverage first: a file emptied late in the job may still hold a line or two written after it, and
    // "emptied" says more than "too few samples". Without seq numbers (old files) coverage is unknown,
    // unless nothing valid is left at all.
    const covered = f.coveredTicks ?? (f.validSamples === 0 ? 0 : null);
    if (f.ticks !== null && covered !== null && f.ticks >= 4 && covered * 2 < f.ticks) {
        return `the readable samples cover ${covered} of the sampler's ${f.ticks} ticks: the samples file was emptied or truncated`;
    }
    if (f.validSamples < MIN_VALID_SAMPLES)
        return `only ${f.validSamples} valid sample${f.validSamples === 1 ? '' : 's'} (at least ${MIN_VALID_SAMPLES} are needed)`;
    return null;
}
/** The verdict of a run that was not measured: a warning, or a failure with require-measurement. */
function notMeasuredVerdict(why, requireMeasurement) {
    return {
        status: 'not-measured',
        failBuild: requireMeasurement,
        headline: `⚠️ Not measured: ${why}`,
        reasons: [
            requireMeasurement
                ? 'require-measurement is true, so a job that could not be measured fails.'
                : 'Nothing was judged, so this is not a pass. The build is not failed for it; set require-measurement: true to fail it.',
        ],
    };
}
const where = (xs) => {
    const shown = xs.slice(0, 5).map(format/* duration */.p0);
    return shown.join(', ') + (xs.length > 5 ? ', …' : '');
};
/** Human warnings for an integrity report (empty when nothing was wrong). */
function integrityWarnings(r, writeFailures) {
    const out = [];
    if (writeFailures && writeFailures.count > 0) {
        out.push(`The sampler could not write ${writeFailures.count} sample line(s) (${writeFailures.error}); those intervals are a gap, measured across from the samples on either side.`);
    }
    const lost = r.missingSamples - (writeFailures?.count ?? 0);
    if (lost > 0) {
        const ranges = r.missing.slice(0, 5).map((m) => (m.fromSeq === m.toSeq ? `#${m.fromSeq}` : `#${m.fromSeq}–#${m.toSeq}`) + ` at ${(0,format/* duration */.p0)(m.atS)}`);
        out.push(`${lost} sample line(s) the sampler took are missing from samples.jsonl (lost, truncated or emptied): ${ranges.join(', ')}${r.missing.length > 5 ? ', …' : ''}.`);
    }
    if (r.rejectedSamples > 0) {
        const byReason = new Map();
        for (const x of r.rejected)
            byReason.set(x.reason, [...(byReason.get(x.reason) ?? []), x.atS]);
        const parts = [...byReason].map(([reason, at]) => `${at.length} (${reason}) at ${where(at)}`);
        out.push(`${r.rejectedSamples} sample(s) were rejected as inconsistent with their neighbours and not used: ${parts.join('; ')}.`);
    }
    if (r.skippedIntervals > 0) {
        const parts = r.skipped.slice(0, 5).map((x) => `${(0,format/* duration */.p0)(x.fromS)} to ${(0,format/* duration */.p0)(x.toS)} (${x.reason})`);
        out.push(`${r.skippedIntervals} interval(s) break physics and were skipped, not integrated: ${parts.join(', ')}${r.skipped.length > 5 ? ', …' : ''}.`);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/core/model/ecoci.ts

const ecociKind = {
    id: 'ecoci-github-4vcpu',
    build(call) {
        const { facts, tables } = call;
        const e = tables.constants.ecoci;
        if (facts.logicalCpus !== e.instanceVcpus) {
            call.notes.push(`Eco CI's curve is for a ${e.instanceVcpus}-vCPU runner; this machine has ${facts.logicalCpus} logical CPUs. The curve is used unscaled.`);
        }
        const curve = { kind: 'points', points: tables.ecociCurve.map(([u, w]) => [u, w]) };
        const first = tables.ecociCurve[0][1];
        const last = tables.ecociCurve[tables.ecociCurve.length - 1][1];
        call.sources.push({ what: 'CPU curve', value: `${tables.ecociCurve.length} points, ${fmt(first)} W idle → ${fmt(last)} W at 100 %`, source: 'Eco CI machine-power-data github_EPYC_7763_4_CPU_shared (eco-ci-energy-estimation @ c10acd3, MIT)' });
        call.sources.push({ what: 'PUE', value: String(e.pue), source: e.pueNote });
        call.sources.push({ what: 'embodied (host total)', value: `${e.embodiedHostKgCo2e} kgCO2e × ${e.instanceVcpus}/${e.hostVcpus} vCPU`, source: e.source });
        call.notes.push("Eco CI's curve covers the whole VM slice, so no separate memory term is added.");
        return {
            id: 'ecoci-github-4vcpu',
            label: 'Eco CI curve for GitHub ubuntu-latest (4/128 of an AMD EPYC 7763 host)',
            provider: e.provider,
            microarchitecture: e.microarchitecture,
            vcpus: facts.logicalCpus,
            cpu: curve,
            memoryGb: machineMemoryGb(facts),
            memoryWattsPerGb: 0,
            pue: e.pue,
            embodied: { totalKgCo2e: e.embodiedHostKgCo2e, instanceVcpus: e.instanceVcpus, familyMaxVcpus: e.hostVcpus, source: e.source },
            sources: call.sources,
            notes: call.notes,
        };
    },
};

;// CONCATENATED MODULE: ./src/core/model/tdp.ts



const tdpKind = {
    id: 'tdp',
    build(call, target) {
        const { facts, settings, tables } = call;
        const k = tables.constants;
        let tdp;
        let tdpSource;
        let defaulted = false;
        if (settings.tdpWatts !== null) {
            tdp = settings.tdpWatts;
            tdpSource = 'input tdp-watts';
        }
        else {
            const row = tdpOf(tables, facts.cpuModel);
            if (row) {
                tdp = row.tdpWatts;
                tdpSource = `CodeCarbon cpu_power.csv row "${row.cpuModel}"`;
            }
            else {
                tdp = k.unknownCpuTdpWattsPerThread.value * facts.logicalCpus;
                tdpSource = `${k.unknownCpuTdpWattsPerThread.value} W × ${facts.logicalCpus} logical CPUs (${k.unknownCpuTdpWattsPerThread.source})`;
                defaulted = true;
                call.cpuDefaulted = `CPU "${facts.cpuModel || 'unknown'}" is not in CodeCarbon's TDP table: ${tdpSource}`;
                call.notes.push(`CPU "${facts.cpuModel || 'unknown'}" is not in CodeCarbon's TDP table: TDP defaulted to ${tdp} W; set tdp-watts for a better figure.`);
            }
        }
        const idle = tdp * k.tdpCurve.idleFractionOfTdp;
        const max = tdp * k.tdpCurve.maxFractionOfTdp;
        const memoryGb = machineMemoryGb(facts);
        call.sources.push({ what: 'CPU TDP', value: `${fmt(tdp)} W for all ${facts.logicalCpus} logical CPUs`, source: tdpSource });
        call.sources.push({ what: 'CPU curve', value: `${fmt(idle)} W idle → ${fmt(max)} W at 100 % (linear)`, source: k.tdpCurve.source });
        memorySource(call, memoryGb, 'machine memory');
        const pue = target.pue?.value ?? k.onPremPue.value;
        call.sources.push({ what: 'PUE', value: String(pue), source: target.pue?.source ?? k.onPremPue.source });
        call.notes.push('Embodied emissions are not estimated for this machine (no instance data).');
        call.notes.push('TDP is per CPU package; a multi-socket machine is undercounted unless tdp-watts gives the total.');
        return {
            id: 'tdp',
            label: `TDP model (${fmt(tdp)} W${defaulted ? ', defaulted' : ''}, linear ${k.tdpCurve.idleFractionOfTdp * 100} %→${k.tdpCurve.maxFractionOfTdp * 100} %)`,
            vcpus: facts.logicalCpus,
            cpu: { kind: 'linear', idleWatts: idle, maxWatts: max },
            memoryGb,
            memoryWattsPerGb: k.memoryWattsPerGb.value,
            pue,
            sources: call.sources,
            notes: call.notes,
        };
    },
};

;// CONCATENATED MODULE: ./src/core/model/github-hosted.ts




function matchRunnerProfile(tables, facts) {
    const arch = normalisedArch(facts.arch);
    const mem = machineMemoryGb(facts);
    const wantGpu = facts.gpus.length > 0;
    return (tables.runnerProfiles.find((p) => p.os.includes(facts.os) && p.arch.includes(arch) && p.vcpus === facts.logicalCpus && Math.abs(p.ramGb - mem) <= 0.15 * p.ramGb && (p.gpu !== '') === wantGpu) ?? null);
}
/** The embodied proxy ("provider:instance type"): the profile's, else the default stand-in for the runner's kind. */
function embodiedProxy(tables, facts, profile) {
    const kind = normalisedArch(facts.arch) === 'arm64' ? 'arm64' : facts.gpus.length ? 'gpu' : 'x64';
    const proxy = profile?.embodiedProxy || tables.runnerEmbodied.find((r) => r.defaultFor === kind)?.proxy || '';
    return { proxy, standIn: tables.runnerEmbodied.find((r) => r.proxy === proxy) };
}
function embodiedOf(call, model, proxy, standIn) {
    const at = proxy.indexOf(':');
    const row = at > 0 ? instanceRow(call.tables, proxy.slice(0, at), proxy.slice(at + 1)) : null;
    if (!row)
        return;
    const exact = standIn?.isRunnerSku ?? false;
    if (!exact) {
        const name = providerRow(call.tables, row.provider)?.name ?? row.provider;
        const why = standIn?.why ? ` (${standIn.why})` : '';
        call.notes.push(`Embodied: the ${standIn?.runnerSku ?? 'runner SKU'} has no CCF embodied row; the CCF ${name} ${row.family} family${why} stands in.`);
    }
    model.embodied = embodiedFromRow(call, row, call.facts.logicalCpus, exact ? 'the inferred runner SKU' : 'stand-in family for the hosted-runner SKU');
}
function macosModel(call, gh) {
    call.notes.push(`GitHub's macOS runners are Apple hardware in GitHub's macOS cloud, not ${gh.name} VMs: CCF has no coefficients for them, so the TDP model is used.`);
    return tdpKind.build(call, { pue: { value: gh.pue, source: `${gh.name} (GitHub hosts macOS runners in ${gh.name} data centres); ${gh.pueSource}` } });
}
const githubHostedKind = {
    id: 'ccf',
    build(call) {
        const { facts, tables } = call;
        const gh = providerRow(tables, tables.constants.githubHosted.provider);
        const profile = matchRunnerProfile(tables, facts);
        const arch = normalisedArch(facts.arch);
        if (profile) {
            call.sources.push({
                what: 'runner profile',
                value: `${profile.labels.join(', ')} (${profile.repoVisibility}): ${profile.vcpus} vCPU, ${profile.ramGb} GB${profile.gpu ? `, ${profile.gpu}` : ''}; likely ${profile.azureVmSize}`,
                source: `data/github-runner-profiles.csv (${profile.evidenceLevel}; ${profile.sources})`,
            });
        }
        else {
            call.notes.push(`No documented GitHub-hosted runner profile has ${facts.logicalCpus} vCPU / ${fmt(machineMemoryGb(facts), 3)} GiB (${facts.os}/${arch}${facts.gpus.length ? ', GPU' : ''}); the machine's own figures are used.`);
        }
        if (facts.os === 'darwin')
            return macosModel(call, gh);
        const { archs, evidence } = cpuArchFromFacts(call);
        const perVcpu = perVcpuWatts(call, gh, archs, evidence);
        call.sources.push({ what: 'vCPUs', value: String(facts.logicalCpus), source: 'machine (logical CPUs), checked against the runner profile' });
        const { proxy, standIn } = embodiedProxy(tables, facts, profile);
        const proxyRow = standIn?.isRunnerSku ? instanceRow(tables, proxy.slice(0, proxy.indexOf(':')), proxy.slice(proxy.indexOf(':') + 1)) : null;
        const sockets = socketsOf(call, archs[0]);
        const socketNote = `${sockets} chip(s): CCF's count for ${archs[0] ?? 'an unknown microarchitecture'}${archs[0] && tables.constants.memoryRule.socketsByMicroarchitecture[archs[0]] ? '' : ' (its default)'}`;
        const platform = proxyRow
            ? { vcpus: proxyRow.familyMaxVcpus, sockets, source: `platform = largest ${proxyRow.family} size; ${socketNote}` }
            : { vcpus: tables.constants.githubHosted.platformVcpus, sockets, source: `platform = ${tables.constants.githubHosted.platformLabel}; ${socketNote}` };
        const memoryGb = chargedMemoryGb(call, { provider: gh, memoryGb: machineMemoryGb(facts), vcpus: facts.logicalCpus, perVcpu, platform, from: 'machine memory' });
        const model = ccfModel(call, {
            provider: gh.id,
            vcpus: facts.logicalCpus,
            memoryGb,
            perVcpu,
            label: `CCF ${gh.name} model for a GitHub-hosted runner (${perVcpu.label})`,
            pue: gh.pue,
            pueSource: gh.pueSource,
            microarchitecture: archs[0],
        });
        embodiedOf(call, model, proxy, standIn);
        return model;
    },
};

;// CONCATENATED MODULE: ./src/core/model/select.ts







/** SourceRef.what of the cloud region found by instance metadata (display only; the typed field is PowerModel.region). */
const CLOUD_REGION_WHAT = 'cloud region';
/** The cloud region recorded in a model by instance metadata, if any, as `provider:region`. */
function modelRegion(model) {
    return model.region ? `${model.region.provider}:${model.region.name}` : null;
}
/** The provider row of a settings value, or a ModelSettingError naming the setting and the providers of the data. */
function knownProvider(tables, setting, id, shown) {
    const row = providerRow(tables, id);
    if (row)
        return row;
    const accepted = setting === 'region'
        ? `a region of data/${TABLE_FILES.gridFactors} as 'provider:region', with a provider of data/${TABLE_FILES.providers} (${providerList(tables)})`
        : `a provider of data/${TABLE_FILES.providers}: ${providerList(tables)}`;
    throw new ModelSettingError(setting, shown, accepted);
}
function unknownInstance(tables, provider, instanceType) {
    const shown = (name) => (provider.instancePrefixes[0] ? `${provider.instancePrefixes[0]}${name.replace(/ /g, '_')}` : name);
    const names = tables.instancesOf(provider.id).map((i) => shown(i.instanceType));
    return new ModelSettingError('instanceType', instanceType, `a ${provider.name} instance type in data/${instanceFileOf(provider.id)}; nearest: ${nearestNames(names, instanceType).join(', ')}`);
}
function attachGpus(call, model) {
    const out = {};
    for (const name of call.facts.gpus) {
        const row = gpuRowOf(call.tables, name);
        if (row) {
            out[name] = { idleWatts: row.idleWatts, maxWatts: row.maxWatts };
            model.sources.push({ what: 'GPU W (idle/max), used if the GPU reports no power', value: `${name}: ${row.idleWatts} / ${row.maxWatts}`, source: `CCF GPU table row ${row.vendor} ${row.gpu}` });
        }
        else {
            model.notes.push(`No CCF power figures for GPU "${name}": if it reports no power, its energy is not estimated.`);
        }
    }
    if (Object.keys(out).length > 0)
        model.gpuWatts = out;
}
/** Checks the settings against each other and the tables; returns the provider they name, if any. */
function checkSettings(settings, tables) {
    const fromInput = settings.cloudProvider !== null ? knownProvider(tables, 'cloudProvider', settings.cloudProvider, settings.cloudProvider) : null;
    const fromRegion = settings.region !== null ? knownProvider(tables, 'region', settings.region.provider, `${settings.region.provider}:${settings.region.name}`) : null;
    const provider = fromInput ?? fromRegion;
    if (settings.tdpWatts !== null && (settings.powerModel === 'ccf' || settings.powerModel === 'ecoci-github-4vcpu')) {
        throw new ModelSettingError('tdpWatts', String(settings.tdpWatts), `no value with power-model '${settings.powerModel}' (tdp-watts applies to 'tdp' or 'auto')`);
    }
    if (settings.instanceType !== null) {
        if (!provider)
            throw new ModelSettingError('instanceType', settings.instanceType, `an instance type together with cloud-provider (${providerList(tables)}) or a region`);
        if (settings.powerModel === 'tdp' || settings.powerModel === 'ecoci-github-4vcpu') {
            throw new ModelSettingError('instanceType', settings.instanceType, `no value with power-model '${settings.powerModel}' (instance-type applies to 'ccf' or 'auto')`);
        }
    }
    return provider;
}
/** Which kind builds the model, and for which target. */
function dispatch(call, inputProvider, cloud) {
    const { facts, settings, tables } = call;
    const githubHosted = facts.runnerEnvironment === 'github-hosted';
    const cloudProvider = cloud ? providerRow(tables, cloud.provider) : null;
    if (settings.powerModel === 'ecoci-github-4vcpu')
        return ecociKind.build(call, {});
    if (settings.powerModel === 'tdp' || (settings.powerModel === 'auto' && settings.tdpWatts !== null)) {
        const p = inputProvider ?? cloudProvider ?? (githubHosted ? providerRow(tables, tables.constants.githubHosted.provider) : null);
        const target = p ? { pue: { value: p.pue, source: p.pueSource } } : {};
        const model = tdpKind.build(call, target);
        if (p && settings.tdpWatts === null) {
            call.notes.push(`This is a VM: the TDP of the whole CPU package is charged to its ${facts.logicalCpus} vCPUs, which overstates its power unless tdp-watts gives the VM's share.`);
        }
        return model;
    }
    if (settings.instanceType !== null && inputProvider) {
        const row = instanceRow(tables, inputProvider.id, settings.instanceType);
        if (!row)
            throw unknownInstance(tables, inputProvider, settings.instanceType);
        return ccfCloud.build(call, { provider: inputProvider, instance: row, origin: 'inputs cloud-provider + instance-type' });
    }
    if (settings.cloudProvider !== null && inputProvider)
        return ccfCloud.build(call, { provider: inputProvider, origin: 'input cloud-provider' });
    if (githubHosted)
        return githubHostedKind.build(call, {});
    if (cloud && cloudProvider) {
        const row = cloud.instanceType ? instanceRow(tables, cloudProvider.id, cloud.instanceType) : null;
        if (row)
            return ccfCloud.build(call, { provider: cloudProvider, instance: row, origin: cloud.source });
        if (cloud.instanceType)
            call.notes.push(`Instance type "${cloud.instanceType}" from ${cloud.source} is not in the CCF instance table.`);
        return ccfCloud.build(call, { provider: cloudProvider, origin: cloud.source });
    }
    if (settings.region !== null && inputProvider)
        return ccfCloud.build(call, { provider: inputProvider, origin: 'provider of input region' });
    if (settings.powerModel === 'ccf')
        return ccfCloud.build(call, {});
    return tdpKind.build(call, {});
}
function selectModel(args) {
    const { facts, settings, tables } = args;
    const cloud = args.cloud ?? null;
    const call = { facts, settings, tables, sources: [], notes: [] };
    const inputProvider = checkSettings(settings, tables);
    const detectedRegion = cloud?.region ? { provider: cloud.provider, name: cloud.region.toLowerCase(), from: 'instance-metadata', source: cloud.source } : undefined;
    if (detectedRegion)
        call.sources.push({ what: CLOUD_REGION_WHAT, value: `${detectedRegion.provider}:${detectedRegion.name}`, source: cloud.source });
    const model = dispatch(call, inputProvider, cloud);
    if (detectedRegion)
        model.region = detectedRegion;
    if (settings.cpuWattsIdle !== null && settings.cpuWattsMax !== null) {
        const v = model.vcpus;
        model.cpu = { kind: 'linear', idleWatts: settings.cpuWattsIdle * v, maxWatts: settings.cpuWattsMax * v };
        model.id = 'custom';
        model.label = `${model.label}, CPU watts from inputs`;
        model.sources = model.sources.filter((s) => s.what !== 'CPU W per vCPU (idle/max)' && s.what !== 'CPU curve' && s.what !== 'CPU TDP');
        model.sources.push({ what: 'CPU W per vCPU (idle/max)', value: `${settings.cpuWattsIdle} / ${settings.cpuWattsMax} × ${v} vCPU`, source: 'inputs cpu-watts-idle / cpu-watts-max' });
    }
    attachGpus(call, model);
    // cpu-watts-idle/max replace a defaulted CPU curve with the user's own figures.
    if (call.cpuDefaulted && model.id !== 'custom')
        model.defaulted = { ...model.defaulted, cpu: call.cpuDefaulted };
    return model;
}

;// CONCATENATED MODULE: ./src/core/model/intensity.ts
// Grid intensity resolution (pure). Order: input carbon-intensity; live Electricity Maps value
// (when a token gave one); input region (cloud table); input country (country table); the region
// found by instance metadata; for GitHub-hosted runners the average of their documented US regions;
// the OWID world average. Unknown region/country inputs are errors listing the nearest names.




const intensity_fmt = (x) => (0,format/* num */.bu)(x, 4);
function regionIntensity(tables, provider, name) {
    const g = gridFactor(tables, provider, name);
    if (!g)
        return null;
    return {
        gCo2ePerKwh: g.gCo2ePerKwh,
        location: `${provider}:${g.region}`,
        source: `${g.source}${g.basis ? `; ${g.basis}` : ''}`,
        kind: 'region',
        status: { status: 'modelled', reason: 'annual grid factor of the region' },
    };
}
/** The Electricity Maps zone to ask for, or null when none can be named (then no live call is made). */
function electricityMapsZone(args) {
    const { settings, model, tables } = args;
    if (settings.carbonIntensityGPerKwh !== null)
        return null;
    // Zones are known for the regions of the GitHub-hosted provider (data/github-runner-regions.csv).
    const hosted = tables.constants.githubHosted.provider;
    const zoneOf = (region) => tables.runnerRegions.find((r) => r.azureRegion === region.toLowerCase())?.electricityMapsZone || null;
    if (settings.region)
        return settings.region.provider === hosted ? zoneOf(settings.region.name) : null;
    if (settings.country)
        return countryRow(tables, settings.country)?.iso2 || null;
    if (model.region?.provider === hosted)
        return zoneOf(model.region.name);
    return null;
}
/** A country from an ISO code, named as data/country-intensity.csv names it. */
function countryPlace(tables, code) {
    const c = countryRow(tables, code);
    return c ? { countryIso3: c.iso3, countryName: c.country } : {};
}
/**
 * Where the machine is, for CodeCarbon's location columns: independent of where the intensity came
 * from (an intensity input does not move the machine). A cloud region's country is known when its
 * grid-factor row has a `country_iso3` (as shipped: the US eGRID rows); GitHub-hosted runners are in
 * US regions of the hosted provider (METHODOLOGY §4 step 6).
 */
function placeOf(args) {
    const { settings, model, facts, tables } = args;
    const cloud = (provider, name) => {
        const g = gridFactor(tables, provider, name);
        const region = g?.region ?? name.toLowerCase();
        return { ...(g?.countryIso3 ? countryPlace(tables, g.countryIso3) : {}), cloudProvider: provider, cloudRegion: region };
    };
    const country = settings.country ? countryPlace(tables, settings.country) : {};
    if (settings.region)
        return { ...cloud(settings.region.provider, settings.region.name), ...country };
    if (model.region)
        return { ...cloud(model.region.provider, model.region.name), ...country };
    if (settings.country)
        return { ...country, ...(model.provider ? { cloudProvider: model.provider } : {}) };
    if (facts.runnerEnvironment === 'github-hosted')
        return { ...countryPlace(tables, 'USA'), cloudProvider: tables.constants.githubHosted.provider };
    return model.provider ? { cloudProvider: model.provider } : {};
}
function resolveIntensity(args) {
    const place = placeOf(args);
    const g = resolveIntensityValue(args);
    return Object.keys(place).length ? { ...g, place } : g;
}
function resolveIntensityValue(args) {
    const { settings, model, facts, tables } = args;
    const live = args.live ?? null;
    if (settings.carbonIntensityGPerKwh !== null) {
        return {
            gCo2ePerKwh: settings.carbonIntensityGPerKwh,
            location: 'input',
            source: 'input carbon-intensity',
            kind: 'input',
            status: { status: 'modelled', reason: 'given as input carbon-intensity' },
        };
    }
    if (live && live.gCo2ePerKwh !== null && Number.isFinite(live.gCo2ePerKwh) && live.gCo2ePerKwh >= 0) {
        return {
            gCo2ePerKwh: live.gCo2ePerKwh,
            location: `electricitymaps:${live.zone}`,
            source: `Electricity Maps live carbon intensity, zone ${live.zone}${live.datetime ? ` at ${live.datetime}` : ''}${live.cached ? ' (cached for this run)' : ''}`,
            live: true,
            kind: 'live',
            status: { status: 'measured', reason: `Electricity Maps live value for zone ${live.zone}` },
        };
    }
    const fallback = live ? ` (Electricity Maps unavailable for zone ${live.zone}: ${live.error ?? 'no value'}; table value used)` : '';
    const withFallback = (g) => ({ ...g, source: g.source + fallback });
    if (settings.region) {
        const { provider, name } = settings.region;
        knownProvider(tables, 'region', provider, `${provider}:${name}`);
        const g = regionIntensity(tables, provider, name);
        if (!g) {
            const names = tables.gridFactors.filter((r) => r.provider === provider).map((r) => `${provider}:${r.region}`);
            throw new ModelSettingError('region', `${provider}:${name}`, `a region of data/cloud-grid-factors.csv; nearest: ${nearestNames(names, `${provider}:${name}`).join(', ')}`);
        }
        return withFallback(g);
    }
    if (settings.country) {
        const c = countryRow(tables, settings.country);
        if (!c) {
            const names = tables.countries.flatMap((r) => (r.iso2 ? [r.iso2, r.iso3] : [r.iso3]));
            const near = nearestNames(names.filter((x) => x.length === settings.country.length), settings.country).map((code) => `${code} (${countryRow(tables, code)?.country})`);
            throw new ModelSettingError('country', settings.country, `an ISO 3166 code in data/country-intensity.csv; nearest: ${near.join(', ')}`);
        }
        return withFallback({
            gCo2ePerKwh: c.gCo2ePerKwh,
            location: `country:${c.iso3}`,
            source: `Our World in Data / Ember ${c.year} annual intensity for ${c.country}, via CodeCarbon global_energy_mix.json (CC BY 4.0)`,
            year: c.year,
            kind: 'country',
            status: { status: 'modelled', reason: `annual intensity of ${c.country}` },
        });
    }
    const detected = model.region;
    let detectedNote = '';
    if (detected) {
        const g = regionIntensity(tables, detected.provider, detected.name);
        if (g)
            return withFallback({ ...g, source: `${g.source}; region from instance metadata` });
        detectedNote = ` (detected region ${detected.provider}:${detected.name} is not in the cloud table)`;
    }
    if (facts.runnerEnvironment === 'github-hosted') {
        const regions = tables.runnerRegions.map((r) => r.azureRegion);
        const hosted = providerRow(tables, tables.constants.githubHosted.provider)?.name ?? tables.constants.githubHosted.provider;
        return withFallback({
            gCo2ePerKwh: tables.githubRegionAverageGCo2ePerKwh,
            location: 'github-hosted US average',
            kind: 'github-hosted-average',
            status: { status: 'defaulted', reason: `GitHub does not document the runner region: mean of the US ${hosted} regions` },
            source: `mean of the CCF grid factors of the ${hosted} regions GitHub-hosted runners were seen in or listed for (${regions.join(', ')}); GitHub does not document the region ("North America")${detectedNote}`,
        });
    }
    return withFallback({
        gCo2ePerKwh: tables.worldGCo2ePerKwh,
        location: 'world',
        kind: 'world',
        status: { status: 'defaulted', reason: 'no region or country known: world average' },
        source: `world average ${intensity_fmt(tables.worldGCo2ePerKwh)} g/kWh: generation-weighted mean of the Our World in Data / Ember country values (2021–2023) via CodeCarbon global_energy_mix.json (CC BY 4.0); set region or country for a local figure${detectedNote}`,
    });
}

;// CONCATENATED MODULE: ./src/core/provenance.ts
// Per component: was the figure measured, modelled from coefficients, or a fallback (defaulted), and
// why. Computed once from the model, the energy result and the intensity; stored in carbon-gate.json;
// the Components and Model sections both render this table, so they cannot disagree. Pure.

function cpu(model, energy) {
    if (energy.cpu === 'measured') {
        return {
            status: 'measured',
            reason: energy.scope === 'process-tree'
                ? "RAPL package counters: the measured idle floor of the reserved CPUs plus the tree's share of the power above it (METHODOLOGY §1)"
                : 'RAPL package counters, all of it (machine scope)',
        };
    }
    if (model.defaulted?.cpu)
        return { status: 'defaulted', reason: model.defaulted.cpu };
    if (model.id === 'custom')
        return { status: 'modelled', reason: 'inputs cpu-watts-idle / cpu-watts-max on a linear curve' };
    const row = model.sources.find((s) => s.what === 'CPU W per vCPU (idle/max)' || s.what === 'CPU TDP' || s.what === 'CPU curve');
    return { status: 'modelled', reason: row ? `${model.label}: ${row.value} (${row.source})` : model.label };
}
function memory(model, energy) {
    if (energy.ram === 'measured')
        return { status: 'measured', reason: 'RAPL DRAM counters, all of it in both scopes (METHODOLOGY §1)' };
    if (model.defaulted?.memory)
        return { status: 'defaulted', reason: model.defaulted.memory };
    if (model.memoryWattsPerGb === 0)
        return { status: 'modelled', reason: `no separate term: ${model.label} covers the whole machine slice` };
    const row = model.sources.find((s) => s.what === 'memory');
    return { status: 'modelled', reason: row ? `${row.value} (${row.source})` : `${(0,format/* num */.bu)(model.memoryGb, 4)} GiB × ${model.memoryWattsPerGb} W/GiB` };
}
function gpu(energy) {
    switch (energy.gpu) {
        case 'none':
            return { status: 'none', reason: 'no GPU seen' };
        case 'measured':
            return { status: 'measured', reason: 'board power reported by nvidia-smi / rocm-smi' };
        case 'modelled':
            return { status: 'modelled', reason: 'the GPU reported no power: CCF idle/max watts of its model, by its utilisation' };
        default:
            return { status: 'defaulted', reason: 'the GPU reported no power and has no CCF row: its energy is not counted' };
    }
}
function embodied(model) {
    if (!model.embodied)
        return { status: 'none', reason: 'no instance data: not estimated' };
    return { status: 'modelled', reason: model.embodied.source };
}
function pue(model) {
    const row = model.sources.find((s) => s.what === 'PUE');
    const reason = row ? `${row.value}: ${row.source}` : String(model.pue);
    // No facility is known: no overhead is assumed (PUE 1, CodeCarbon's default) — a fallback, not a figure.
    return { status: model.pue === 1 && !model.provider ? 'defaulted' : 'modelled', reason };
}
function intensity(g) {
    // Measured means read on this machine; a grid value (live or annual) is a published estimate for a
    // place, so a live value counts as modelled here. Defaulted: no place was known (world, GitHub average).
    return { status: g.status.status === 'defaulted' ? 'defaulted' : 'modelled', reason: `${g.location}: ${g.source}` };
}
function componentProvenance(model, energy, g) {
    return { cpu: cpu(model, energy), memory: memory(model, energy), gpu: gpu(energy), embodied: embodied(model), pue: pue(model), intensity: intensity(g) };
}

;// CONCATENATED MODULE: ./src/core/report/escape.ts
// Escaping of user-controlled text (job names, branch names, workflow names, notes) for GitHub-flavoured
// markdown that may also contain HTML. Pure.
const HTML_ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    // '@name' would mention (notify) a user or team; '#12' would link an issue.
    '@': '&#64;',
    '#': '&#35;',
};
/**
 * Makes arbitrary text safe to place inline in markdown (including a table cell): HTML special characters
 * become entities, the inline markdown characters (\\ ` * _ [ ] | ~) are backslash-escaped, mentions and
 * issue references are defused,
 * and line breaks / control characters become spaces. Do not put the result inside a code span.
 */
function escapeMarkdown(text) {
    let out = '';
    for (const ch of String(text)) {
        const code = ch.codePointAt(0);
        if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) {
            out += ' ';
        }
        else if (ch in HTML_ENTITIES) {
            out += HTML_ENTITIES[ch];
        }
        else if ('\\`*_[]|~'.includes(ch)) {
            out += '\\' + ch;
        }
        else {
            out += ch;
        }
    }
    return out;
}
/** Cuts text to at most `maxChars` code points, marking the cut with an ellipsis. Apply before escaping. */
function clip(text, maxChars) {
    const chars = Array.from(text);
    return chars.length <= maxChars ? text : chars.slice(0, Math.max(0, maxChars - 1)).join('') + '…';
}
/** Longest marker key kept as is; a longer key is clipped and given a hash of the whole key. */
const MARKER_KEY_MAX_CHARS = 160;
/** FNV-1a 64-bit of the UTF-16 code units, as 16 hex digits: short, stable and pure (no node:crypto). */
function fnv1a64(text) {
    let h = 0xcbf29ce484222325n;
    for (let i = 0; i < text.length; i++)
        h = BigInt.asUintN(64, (h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
    return h.toString(16).padStart(16, '0');
}
/**
 * The text of a hidden marker `<!-- carbon-gate:<key> -->` with the key made safe for an HTML comment
 * (no `--`, no `>`, no line breaks) and for GitHub (no `@`, which would mention someone): anything outside
 * [A-Za-z0-9 ._/:+=,-] is percent-encoded. A key longer than 160 characters (a 70,000-character job-name)
 * is clipped to its first 120 and a hash of the whole key, so the marker stays short and keys stay distinct.
 */
function markerFor(key) {
    const short = key.length > MARKER_KEY_MAX_CHARS ? `${Array.from(key.slice(0, 120)).join('')}~${fnv1a64(key)}` : key;
    const safe = Array.from(short)
        .map((ch) => (/^[A-Za-z0-9 ._/:+=,~-]$/.test(ch) ? ch : encodeURIComponent(ch).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())))
        .join('')
        .replace(/--/g, '-%2D');
    return `<!-- carbon-gate:${safe} -->`;
}

;// CONCATENATED MODULE: ./node_modules/markdown-table/index.js
// To do: next major: remove.
/**
 * @typedef {Options} MarkdownTableOptions
 *   Configuration.
 */

/**
 * @typedef Options
 *   Configuration.
 * @property {boolean | null | undefined} [alignDelimiters=true]
 *   Whether to align the delimiters (default: `true`);
 *   they are aligned by default:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   Pass `false` to make them staggered:
 *
 *   ```markdown
 *   | Alpha | B |
 *   | - | - |
 *   | C | Delta |
 *   ```
 * @property {ReadonlyArray<string | null | undefined> | string | null | undefined} [align]
 *   How to align columns (default: `''`);
 *   one style for all columns or styles for their respective columns;
 *   each style is either `'l'` (left), `'r'` (right), or `'c'` (center);
 *   other values are treated as `''`, which doesn’t place the colon in the
 *   alignment row but does align left;
 *   *only the lowercased first character is used, so `Right` is fine.*
 * @property {boolean | null | undefined} [delimiterEnd=true]
 *   Whether to end each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B
 *   | ----- | -----
 *   | C     | Delta
 *   ```
 * @property {boolean | null | undefined} [fillRows=true]
 *   Whether to fill rows with empty cells up to the most cells in a row
 *   (default: `true`).
 *
 *   When `true`, all rows have as many cells as the longest row:
 *
 *   ```markdown
 *   | Alpha | B    |   |
 *   | ----- | ---- | - |
 *   | C     |      |   |
 *   | D     | Echo | F |
 *   ```
 *
 *   When `false`, rows keep their cells,
 *   and the delimiter row has as many cells as the header row:
 *
 *   ```markdown
 *   | Alpha | B    |
 *   | ----- | ---- |
 *   | C     |
 *   | D     | Echo | F |
 *   ```
 * @property {boolean | null | undefined} [delimiterStart=true]
 *   Whether to begin each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are starting delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no starting delimiters:
 *
 *   ```markdown
 *   Alpha | B     |
 *   ----- | ----- |
 *   C     | Delta |
 *   ```
 * @property {boolean | null | undefined} [padding=true]
 *   Whether to add a space of padding between delimiters and cells
 *   (default: `true`).
 *
 *   When `true`, there is padding:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there is no padding:
 *
 *   ```markdown
 *   |Alpha|B    |
 *   |-----|-----|
 *   |C    |Delta|
 *   ```
 * @property {((value: string) => number) | null | undefined} [stringLength]
 *   Function to detect the length of table cell content (optional);
 *   this is used when aligning the delimiters (`|`) between table cells;
 *   full-width characters and emoji mess up delimiter alignment when viewing
 *   the markdown source;
 *   to fix this, you can pass this function,
 *   which receives the cell content and returns its “visible” size;
 *   note that what is and isn’t visible depends on where the text is displayed.
 *
 *   Without such a function, the following:
 *
 *   ```js
 *   markdownTable([
 *     ['Alpha', 'Bravo'],
 *     ['中文', 'Charlie'],
 *     ['👩‍❤️‍👩', 'Delta']
 *   ])
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo |
 *   | - | - |
 *   | 中文 | Charlie |
 *   | 👩‍❤️‍👩 | Delta |
 *   ```
 *
 *   With [`string-width`](https://github.com/sindresorhus/string-width):
 *
 *   ```js
 *   import stringWidth from 'string-width'
 *
 *   markdownTable(
 *     [
 *       ['Alpha', 'Bravo'],
 *       ['中文', 'Charlie'],
 *       ['👩‍❤️‍👩', 'Delta']
 *     ],
 *     {stringLength: stringWidth}
 *   )
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo   |
 *   | ----- | ------- |
 *   | 中文  | Charlie |
 *   | 👩‍❤️‍👩    | Delta   |
 *   ```
 */

/**
 * Get the length of a cell.
 *
 * @param {string} value
 *   Cell value.
 * @returns {number}
 *   Cell size.
 */
function defaultStringLength(value) {
  return value.length
}

/**
 * Generate a markdown
 * ([GFM](https://docs.github.com/en/github/writing-on-github/working-with-advanced-formatting/organizing-information-with-tables))
 * table.
 *
 * @param {ReadonlyArray<ReadonlyArray<string | null | undefined>>} table
 *   Table data (matrix of strings).
 * @param {Readonly<Options> | null | undefined} [options]
 *   Configuration (optional).
 * @returns {string}
 *   Result.
 */
function markdownTable(table, options) {
  const settings = options || {}
  // To do: next major: change to spread.
  // eslint-disable-next-line unicorn/prefer-spread -- `align` can be a string.
  const align = (settings.align || []).concat()
  const stringLength = settings.stringLength || defaultStringLength
  /** @type {Array<number>} Character codes as symbols for alignment per column. */
  const alignments = []
  /** @type {Array<Array<string>>} Cells per row. */
  const cellMatrix = []
  /** @type {Array<Array<number>>} Sizes of each cell per row. */
  const sizeMatrix = []
  /** @type {Array<number>} */
  const longestCellByColumn = []
  let mostCellsPerRow = 0
  let rowIndex = -1

  // This is a superfluous loop if we don’t align delimiters, but otherwise we’d
  // do superfluous work when aligning, so optimize for aligning.
  while (++rowIndex < table.length) {
    /** @type {Array<string>} */
    const row = []
    /** @type {Array<number>} */
    const sizes = []
    let columnIndex = -1

    if (table[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table[rowIndex].length
    }

    while (++columnIndex < table[rowIndex].length) {
      const cell = serialize(table[rowIndex][columnIndex])

      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell)
        sizes[columnIndex] = size

        if (
          longestCellByColumn[columnIndex] === undefined ||
          size > longestCellByColumn[columnIndex]
        ) {
          longestCellByColumn[columnIndex] = size
        }
      }

      row.push(cell)
    }

    cellMatrix[rowIndex] = row
    sizeMatrix[rowIndex] = sizes
  }

  // Figure out which alignments to use.
  let columnIndex = -1

  if (typeof align === 'object' && 'length' in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex])
    }
  } else {
    const code = toAlignment(align)

    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code
    }
  }

  // Inject the alignment row.
  columnIndex = -1
  /** @type {Array<string>} */
  const row = []
  /** @type {Array<number>} */
  const sizes = []

  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex]
    let before = ''
    let after = ''

    if (code === 99 /* `c` */) {
      before = ':'
      after = ':'
    } else if (code === 108 /* `l` */) {
      before = ':'
    } else if (code === 114 /* `r` */) {
      after = ':'
    }

    // There *must* be at least one hyphen-minus in each alignment cell.
    let size =
      settings.alignDelimiters === false
        ? 1
        : Math.max(
            1,
            longestCellByColumn[columnIndex] - before.length - after.length
          )

    const cell = before + '-'.repeat(size) + after

    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length

      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size
      }

      sizes[columnIndex] = size
    }

    row[columnIndex] = cell
  }

  // Inject the alignment row.
  cellMatrix.splice(1, 0, row)
  sizeMatrix.splice(1, 0, sizes)

  rowIndex = -1
  /** @type {Array<string>} */
  const lines = []

  while (++rowIndex < cellMatrix.length) {
    const row = cellMatrix[rowIndex]
    const sizes = sizeMatrix[rowIndex]
    const cellsInRow =
      settings.fillRows === false
        ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length)
        : mostCellsPerRow
    columnIndex = -1
    /** @type {Array<string>} */
    const line = []

    while (++columnIndex < cellsInRow) {
      const cell = row[columnIndex] || ''
      let before = ''
      let after = ''

      if (settings.alignDelimiters !== false) {
        const size =
          longestCellByColumn[columnIndex] - (sizes[columnIndex] || 0)
        const code = alignments[columnIndex]

        if (code === 114 /* `r` */) {
          before = ' '.repeat(size)
        } else if (code === 99 /* `c` */) {
          const half = size / 2

          if (size % 2) {
            before = ' '.repeat(half + 0.5)
            after = ' '.repeat(half - 0.5)
          } else {
            before = ' '.repeat(half)
            after = before
          }
        } else {
          after = ' '.repeat(size)
        }
      }

      if (settings.delimiterStart !== false && !columnIndex) {
        line.push('|')
      }

      if (
        settings.padding !== false &&
        // Don’t add the opening space if we’re not aligning and the cell is
        // empty: there will be a closing space.
        !(settings.alignDelimiters === false && cell === '') &&
        (settings.delimiterStart !== false || columnIndex)
      ) {
        line.push(' ')
      }

      if (settings.alignDelimiters !== false) {
        line.push(before)
      }

      line.push(cell)

      if (settings.alignDelimiters !== false) {
        line.push(after)
      }

      if (settings.padding !== false) {
        line.push(' ')
      }

      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push('|')
      }
    }

    lines.push(
      settings.delimiterEnd === false
        ? line.join('').replace(/ +$/, '')
        : line.join('')
    )
  }

  return lines.join('\n')
}

/**
 * Serialize a cell value.
 *
 * @param {string | null | undefined} [value]
 *   Value to serialize.
 * @returns {string}
 *   Result.
 */
function serialize(value) {
  return value === null || value === undefined ? '' : String(value)
}

/**
 * Get the alignment character code from a value.
 *
 * @param {string | null | undefined} value
 *   Value.
 * @returns {number}
 *   Alignment.
 */
function toAlignment(value) {
  const code = typeof value === 'string' ? value.codePointAt(0) : 0

  return code === 67 /* `C` */ || code === 99 /* `c` */
    ? 99 /* `c` */
    : code === 76 /* `L` */ || code === 108 /* `l` */
      ? 108 /* `l` */
      : code === 82 /* `R` */ || code === 114 /* `r` */
        ? 114 /* `r` */
        : 0
}

;// CONCATENATED MODULE: ./src/core/report/table.ts
// Markdown tables for every report, through markdown-table (GFM). Cells must already be escaped
// (escapeMarkdown) where they hold user-controlled text; numbers come from core/format.ts.

/** A GFM table: header, then rows; staggered delimiters keep the summary small. Ends with a newline. */
function mdTable(header, rows, align) {
    return markdownTable([header, ...rows], { alignDelimiters: false, ...(align ? { align: [...align] } : {}) }) + '\n';
}

;// CONCATENATED MODULE: ./src/core/report/model-section.ts
// The "Model" section of the job summary: which model, which coefficient rows, which grid
// intensity from where, PUE, operational vs embodied, and per component whether it was measured,
// modelled or defaulted. Pure; every text that comes from inputs or data is escaped.





/** Table-cell text: the shared inline escaping (HTML entities, inline markdown characters, mentions). */
function escapeCell(s) {
    return escapeMarkdown(s);
}
/** Coefficients and quoted data values keep four significant digits (the precision of their sources). */
const model_section_num = (x, digits = 4) => (0,format/* num */.bu)(x, digits);
/** The stored status, with its reason unless the reason is the coefficient rows listed above. */
function provenance(p) {
    return p.status === 'modelled' ? 'modelled (rows above)' : `${p.status}: ${p.reason}`;
}
function renderModelSection(model, intensity, emissions, energy, prov = componentProvenance(model, energy, intensity), band) {
    const out = [];
    out.push('### Model\n');
    out.push(`**${escapeCell(model.label)}** (\`${escapeCell(model.id).replace(/\\/g, '')}\`), ${model.vcpus} vCPU${model.provider ? `, ${model.provider.toUpperCase()}` : ''}\n`);
    const curve = model.cpu.kind === 'linear'
        ? `${model_section_num(model.cpu.idleWatts)} W idle → ${model_section_num(model.cpu.maxWatts)} W at 100 % (linear, whole reserved CPU)`
        : `${model.cpu.points.length}-point curve, ${model_section_num(model.cpu.points[0][1])} W → ${model_section_num(model.cpu.points[model.cpu.points.length - 1][1])} W (linear between points)`;
    const rows = [['CPU power', escapeCell(curve), model.id === 'custom' ? 'inputs cpu-watts-idle / cpu-watts-max' : 'the rows below']];
    for (const s of model.sources)
        rows.push([escapeCell(s.what), escapeCell(s.value), escapeCell(s.source)]);
    const live = intensity.live ? 'live' : intensity.year ? `annual ${intensity.year}` : 'annual';
    rows.push(['Grid intensity', `${model_section_num(intensity.gCo2ePerKwh)} gCO2e/kWh (${escapeCell(live)})`, `${escapeCell(intensity.location)}: ${escapeCell(intensity.source)}`]);
    out.push(mdTable(['What', 'Value', 'Source'], rows));
    out.push('');
    // Component energies are in the summary's Components table; here only where each figure comes from.
    const prows = [
        ['CPU', escapeCell(provenance(prov.cpu))],
        ['Memory', escapeCell(provenance(prov.memory))],
    ];
    if (energy.gpu !== 'none' || energy.gpuCount > 0)
        prows.push([`GPU ×${energy.gpuCount}`, escapeCell(provenance(prov.gpu))]);
    prows.push(['Embodied', escapeCell(provenance(prov.embodied))]);
    prows.push(['PUE', prov.pue.status === 'defaulted' ? 'defaulted (no facility known)' : 'modelled (row above)']);
    prows.push(['Grid intensity', prov.intensity.status === 'defaulted' ? 'defaulted (location unknown)' : 'modelled (row above)']);
    out.push(mdTable(['Component', 'Provenance'], prows));
    out.push('');
    out.push(`Operational: ${(0,format/* energy */.zP)(energy.totalWh)} × PUE ${model_section_num(emissions.pue)} × ${model_section_num(intensity.gCo2ePerKwh)} gCO2e/kWh = **${(0,format/* co2e */.k)(emissions.operationalGCo2e)}**.`);
    if (model.embodied) {
        const e = model.embodied;
        out.push(`Embodied: ${model_section_num(e.totalKgCo2e)} kg CO2e × ${model_section_num(energy.durationSeconds / 3600)} h / ${model_section_num(LIFESPAN_HOURS)} h × ${e.instanceVcpus}/${e.familyMaxVcpus} vCPU = **${(0,format/* co2e */.k)(emissions.embodiedGCo2e)}**.\n`);
    }
    else {
        out.push('Embodied: not estimated (no instance data).\n');
    }
    if (band && band.members.length > 1) {
        out.push('<details><summary>Model band: the same samples under the other published models</summary>\n');
        out.push(mdTable(['Model', 'Energy', 'Total'], band.members.map((m) => [`${escapeCell(m.label)}${m.selected ? ' (selected)' : ''}`, (0,format/* energy */.zP)(m.energyWh), (0,format/* co2e */.k)(m.totalGCo2e)])));
        for (const why of band.skipped)
            out.push(`\nNot applicable: ${escapeCell(why)}.`);
        out.push('\n</details>\n');
    }
    if (model.notes.length) {
        out.push('<details><summary>Model notes</summary>\n');
        for (const n of model.notes)
            out.push(`- ${escapeCell(n)}`);
        out.push('\n</details>\n');
    }
    return out.join('\n') + '\n';
}

// EXTERNAL MODULE: ./src/core/verdict.ts + 2 modules
var core_verdict = __nccwpck_require__(3632);
;// CONCATENATED MODULE: ./src/core/report/baseline-section.ts






const METRIC_LABEL = { gco2e: 'gCO2e', 'energy-wh': 'energy (Wh)', 'cpu-seconds': 'CPU-seconds' };
/** The regression (noise) rule in words, with the actual settings filled in. */
function noiseRule(s) {
    const metric = METRIC_LABEL[s.compareOn];
    const window = `the last ${s.baselineWindow} default-branch run${s.baselineWindow === 1 ? '' : 's'}`;
    if (s.maxIncreasePercent === null) {
        return `This run's ${metric} is compared with the median of ${window}. No \`max-increase\` is set, so the difference is reported but never flagged as a regression.`;
    }
    const gate = s.failOn === 'regression' || s.failOn === 'any'
        ? `A regression fails the build (fail-on: ${s.failOn}) once the window holds at least ${s.minBaselineRuns} run${s.minBaselineRuns === 1 ? '' : 's'} (min-baseline-runs); with fewer it only warns.`
        : `A regression only warns (fail-on: ${s.failOn}).`;
    return (`This run and each run of the window are priced alike: at the newest baseline run's model, PUE and grid intensity, over their wall time less the time measured contention explains (a slower runner is not the code). ` +
        `A regression is flagged when this run's ${metric} is more than ${s.maxIncreasePercent} % above the median of ${window} ` +
        `**and** above the window's 97.5 % prediction bound (what its own spread predicts for unchanged code, the spread taken as at least 3 %). A run within that bound counts as noise, however large the percentage. ` +
        gate);
}
/** "Baseline: median 3.8 mg CO2e of main's last 5 runs (spread 3.5 mg CO2e – 4.1 mg CO2e).", or null without a comparison. */
function deltaLine(verdict, records = []) {
    const r = verdict.regression;
    if (!r)
        return null;
    const t = (x) => (0,core_verdict/* metricText */._l)(r.metric, x);
    const emoji = (0,core_verdict/* bandEmoji */.QX)(r.band);
    const of = records.length ? `${baselineName(records)}’s last ${r.runs} run${r.runs === 1 ? '' : 's'}` : `${r.runs} baseline run${r.runs === 1 ? '' : 's'}`;
    return (`Baseline: median ${t(r.median)} of ${of} (spread ${t(r.spreadLow)} – ${t(r.spreadHigh)}${r.predictedHigh !== undefined ? `, prediction bound ${t(r.predictedHigh)}` : ''}); this run ${(0,format/* percentDelta */.yA)(r.deltaPercent)}${emoji ? ' ' + emoji : ''}` +
        `${r.flagged ? ' — **regression**' : ''}.`);
}
/** "What drove the delta: CPU work +84 %, wall time +96 % (runner 41 % slower), same grid." plus what changed, or []. */
function driverLines(verdict) {
    const c = verdict.regression?.comparison;
    if (!c)
        return [];
    const out = [`What drove the delta: ${escapeMarkdown(c.drivers)}.`];
    if (c.changes.length)
        out.push(`Not counted: ${c.changes.map((x) => escapeMarkdown(x)).join('; ')}.`);
    if (c.legacyRecords > 0)
        out.push(`${c.legacyRecords} window run(s) predate stored terms: priced from their CPU-seconds and duration, without a contention figure.`);
    return out;
}
function runCell(rec, links) {
    const label = `${escapeMarkdown(rec.runId)}${rec.runAttempt > 1 ? ` (attempt ${rec.runAttempt})` : ''}`;
    if (links.serverUrl && links.repository && /^\d+$/.test(rec.runId) && /^[\w.-]+\/[\w.-]+$/.test(links.repository) && /^https?:\/\/[^\s()<>]+$/.test(links.serverUrl)) {
        return `[${label}](${links.serverUrl.replace(/\/+$/, '')}/${links.repository}/actions/runs/${rec.runId})`;
    }
    return label;
}
function dateOf(wallMs) {
    if (!Number.isFinite(wallMs))
        return '';
    const d = new Date(wallMs);
    return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}
/**
 * The window as a markdown table, newest first. `maxRows` bounds the size; the compare-on metric column
 * is marked.
 */
function baselineWindowTable(records, opts = {}) {
    const rows = [...records].sort((a, b) => b.wallMs - a.wallMs).slice(0, opts.maxRows ?? 50);
    const mark = (m, label) => (opts.compareOn === m ? `**${label}**` : label);
    const header = ['Run', 'Commit', 'Date', mark('gco2e', 'CO2e'), mark('energy-wh', 'Energy'), mark('cpu-seconds', 'CPU time'), 'Duration'];
    const cells = rows.map((r) => {
        const sha = /^[0-9a-f]{7,40}$/i.test(r.sha) ? `\`${r.sha.slice(0, 7)}\`` : escapeMarkdown(r.sha.slice(0, 12));
        return [runCell(r, opts), sha, dateOf(r.wallMs), (0,format/* co2e */.k)((0,core_verdict/* metricOf */.ak)(r, 'gco2e')), (0,format/* energy */.zP)(r.energyWh), (0,format/* cpuSeconds */._L)(r.cpuSeconds), (0,format/* duration */.p0)(r.durationSeconds)];
    });
    let text = mdTable(header, cells, ['l', 'l', 'l', 'r', 'r', 'r', 'r']).trimEnd();
    if (records.length > rows.length)
        text += `\n\n_${records.length - rows.length} older run(s) not shown._`;
    return text;
}
/** One sentence on where the baseline stands (found / none / unavailable / disabled). */
function baselineStatusLine(baseline) {
    switch (baseline.status) {
        case 'found':
            return `Baseline: ${baseline.records.length} default-branch run${baseline.records.length === 1 ? '' : 's'} in the window.`;
        case 'none':
            return 'No baseline yet: baselines are saved by pushes to the default branch (and `baseline-branches`), never by pull requests.';
        case 'unavailable':
            return `No baseline: the Actions cache was unavailable${baseline.note ? ` (${escapeMarkdown(baseline.note)})` : ''}. The gate used budgets only.`;
        case 'disabled':
            return 'Baseline comparison is off (`baseline: false`).';
    }
}
/** The whole baseline section of the job summary: the median and spread, the trend chart, and (folded) the window and the rule. */
function renderBaselineSection(args) {
    const out = ['### Against the baseline', ''];
    const r = args.verdict.regression;
    out.push(deltaLine(args.verdict, args.baseline.records) ?? baselineStatusLine(args.baseline));
    const drivers = driverLines(args.verdict);
    if (drivers.length)
        out.push('', drivers.join(' '));
    if (r && args.baseline.records.length > 0 && (args.chart ?? 'mermaid') === 'mermaid') {
        out.push('', renderTrendChart(args.baseline.records, r.current, r.metric, r.median).trimEnd());
    }
    out.push('', '<details><summary>Baseline window and regression rule</summary>', '');
    if (args.baseline.records.length > 0)
        out.push(baselineWindowTable(args.baseline.records, { ...args.links, compareOn: args.settings.compareOn }), '');
    out.push(`**Regression rule.** ${noiseRule(args.settings)}`, '', '</details>');
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/core/report/summary.ts
// The job summary (and the CLI report): markdown, pure. Bounded well under GitHub's 1 MiB per step.
//
// Laid out for the person who opened the run, each fact once:
//   1. the verdict line (what, against which limit, how much headroom, vs the baseline)
//   2. totals and components
//   3. the delta against the baseline, with the trend of the window plus this run
//   4. steps (when given)
//   5. the power chart
//   6. attribution
// then, folded: model and provenance, data quality, files.








const SUMMARY_MAX_BYTES = 900 * 1024;
const MAX_LISTED = 20;
/** The icon of a verdict status (kept for callers that have no RunResult). */
function verdictIcon(v) {
    return VERDICT_ICON[v.status];
}
function capped(items) {
    return items.length <= MAX_LISTED ? items : [...items.slice(0, MAX_LISTED), `… and ${items.length - MAX_LISTED} more`];
}
/** 'build', 'build (ubuntu, 20)': never empty parentheses. */
function jobTitle(label) {
    return escapeMarkdown(label.replace(/\s*\(\s*\)\s*$/, '') || 'job');
}
const DEFAULT_GATE = { maxIncreasePercent: null, minBaselineRuns: 3, compareOn: 'gco2e', failOn: 'budget', baselineWindow: 5 };
function totals(r) {
    const e = r.energy;
    const em = r.emissions;
    const estimated = r.model.embodied !== undefined || em.embodiedGCo2e > 0;
    const embodied = estimated ? (0,format/* co2e */.k)(em.embodiedGCo2e) : 'not estimated';
    const gated = !estimated ? '' : em.gatedGCo2e === em.totalGCo2e ? ' (both gated)' : ' (the gate counts operational only)';
    const util = `${e.avgTreeUtil !== null ? `job’s processes ${(0,format/* share */.uM)(e.avgTreeUtil)}, ` : ''}whole machine ${(0,format/* share */.uM)(e.avgMachineUtil)} of ${r.model.vcpus} vCPU`;
    const rows = [
        ['**CO2e**', `**${(0,format/* co2e */.k)(em.totalGCo2e)}**: operational ${(0,format/* co2e */.k)(em.operationalGCo2e)} + embodied ${embodied}${gated}`],
        ...(r.modelBand && r.modelBand.members.length > 1 ? [['Model band', `${bandText(em.totalGCo2e, r.modelBand)}: the other published models on the same samples (the gate uses the selected one)`]] : []),
        ['Energy', `${(0,format/* energy */.zP)(e.totalWh)} at the machine; × PUE ${(0,format/* num */.bu)(em.pue, 4)} at the data centre`],
        ['Grid intensity', `${(0,format/* intensity */.UW)(em.intensity.gCo2ePerKwh, 4)} (${escapeMarkdown(em.intensity.location)})`],
        ['Duration', (0,format/* duration */.p0)(e.durationSeconds)],
        ['CPU utilisation', `${util}; scope: ${e.scope === 'process-tree' ? 'the job’s process tree' : 'the whole machine'}`],
    ];
    // The stored provenance (the folded Model section gives the reasons).
    const prov = r.provenance ?? componentProvenance(r.model, e, em.intensity);
    const provenance = (p, what) => (p.status === 'measured' ? `measured (${what})` : p.status);
    const comp = [
        ['CPU', (0,format/* energy */.zP)(e.cpuWh), (0,format/* power */.yp)(e.avgCpuWatts), provenance(prov.cpu, 'RAPL package')],
        ['Memory', (0,format/* energy */.zP)(e.ramWh), (0,format/* power */.yp)(e.avgRamWatts), provenance(prov.memory, 'RAPL DRAM')],
    ];
    if (e.gpuCount > 0)
        comp.push([`GPU ×${e.gpuCount} (${escapeMarkdown(e.gpuModels.join(', '))})`, (0,format/* energy */.zP)(e.gpuWh), (0,format/* power */.yp)(e.avgGpuWatts), provenance(prov.gpu, 'nvidia-smi / rocm-smi')]);
    return mdTable(['Total', 'Value'], rows) + '\n' + mdTable(['Component', 'Energy', 'Average power', 'Source'], comp, ['l', 'r', 'r', 'l']);
}
function attribution(r) {
    const e = r.energy;
    const attr = [];
    if (e.treeCpuSeconds !== null)
        attr.push(['CPU time of the job’s process tree', (0,format/* duration */.p0)(e.treeCpuSeconds)]);
    attr.push(['CPU time of the whole machine', (0,format/* duration */.p0)(e.machineCpuSeconds)]);
    if (e.remainderCpuSeconds !== null)
        attr.push(['Machine remainder (other processes, incl. escaped)', (0,format/* duration */.p0)(e.remainderCpuSeconds)]);
    if (e.escapedCpuSeconds > 0)
        attr.push(['Escaped: processes that left the tree alive (daemons)', (0,format/* duration */.p0)(e.escapedCpuSeconds)]);
    if (e.peakTreeRssBytes !== null)
        attr.push(['Peak resident memory of the tree', (0,format/* bytes */.ee)(e.peakTreeRssBytes)]);
    return '### Attribution\n\n' + mdTable(['What', 'Value'], attr, ['l', 'r']);
}
function dataQuality(r) {
    const e = r.energy;
    const q = [`${e.samples} samples over ${(0,format/* duration */.p0)(e.durationSeconds)}`];
    if (e.gaps.length) {
        const total = e.gaps.reduce((s, g) => s + g.seconds, 0);
        q.push(`${e.gaps.length} gap(s) without samples, ${(0,format/* duration */.p0)(total)} in all (CPU counters are cumulative, so no CPU time is lost; only time resolution)`);
        for (const g of capped(e.gaps.map((g) => `gap from ${(0,format/* duration */.p0)(g.fromS)} to ${(0,format/* duration */.p0)(g.toS)}: ${g.reason}`)))
            q.push(`  - ${escapeMarkdown(g)}`);
    }
    else
        q.push('no gaps');
    if (r.quality.skippedLines)
        q.push(`${r.quality.skippedLines} unreadable sample line(s) skipped`);
    if (r.quality.samplerCpuSeconds !== undefined)
        q.push(`sampler's own cost: ${(0,format/* num */.bu)(r.quality.samplerCpuSeconds)} CPU-s${r.quality.samplerMaxRssBytes ? `, peak RSS ${(0,format/* bytes */.ee)(r.quality.samplerMaxRssBytes)}` : ''} (not charged to the job)`);
    if (r.hardware.container?.detected) {
        q.push(`running inside a container (${escapeMarkdown(r.hardware.container.evidence.join('; '))}): the sampler sees this container's processes and the host's CPU and memory counters; ` +
            'processes of other containers are invisible to the tree and count only in the machine remainder');
    }
    for (const w of capped(r.quality.warnings))
        q.push(`⚠️ ${escapeMarkdown(w)}`);
    const warned = r.quality.warnings.length > 0 || r.quality.partial;
    return `<details><summary>Data quality${warned ? ` (${r.quality.warnings.length} warning${r.quality.warnings.length === 1 ? '' : 's'})` : ''}</summary>\n\n${q.map((l) => (l.startsWith('  ') ? l : `- ${l}`)).join('\n')}\n\n</details>\n`;
}
function filesSection(o) {
    const safeUrl = (u) => !!u && /^https?:\/\/[^\s()<>]+$/.test(u);
    if (o.artifact) {
        const name = `\`${o.artifact.name.replace(/`/g, "'")}\``;
        const link = safeUrl(o.artifact.url) ? `[${name}](${o.artifact.url})` : name;
        return `**Files**: the artifact ${link} holds emissions.csv, samples.csv and carbon-gate.json.\n`;
    }
    if (o.files && Object.keys(o.files).length) {
        return '<details><summary>Files</summary>\n\n' + mdTable(['File', 'Path'], Object.entries(o.files).map(([k, v]) => [escapeMarkdown(k), `\`${v.replace(/`/g, "'")}\``])) + '\n</details>\n';
    }
    return '';
}
function renderSummary(r, o) {
    const gate = o.gate ?? DEFAULT_GATE;
    const out = [];
    out.push(`## 🌱 carbon-gate · ${jobTitle(r.job.label)}\n`);
    out.push(`**${escapeMarkdown(verdictLine(r, gate))}**\n`);
    if (r.verdict.status !== 'pass') {
        for (const reason of capped(r.verdict.reasons))
            out.push(`- ${escapeMarkdown(reason)}`);
        if (r.verdict.reasons.length)
            out.push('');
    }
    if (r.quality.partial)
        out.push('> [!WARNING]\n> This report is **partial**: the measurement was interrupted (see Data quality below). Totals cover what was measured.\n');
    out.push(totals(r));
    if (r.baseline.status !== 'disabled')
        out.push(renderBaselineSection({ verdict: r.verdict, baseline: r.baseline, settings: gate, ...(o.links ? { links: o.links } : {}), chart: o.chart }));
    if (o.stepsSection)
        out.push(o.stepsSection.trimEnd() + '\n');
    const chart = renderChart(r.energy.series, o.chart);
    if (chart)
        out.push('### Power over time\n\n' + chart);
    out.push(attribution(r));
    if (o.modelSection)
        out.push(`<details><summary>Model and provenance</summary>\n\n${o.modelSection.trimEnd()}\n\n</details>\n`);
    out.push(dataQuality(r));
    const files = filesSection(o);
    if (files)
        out.push(files);
    out.push(`<sub>carbon-gate ${escapeMarkdown(r.tool.version)} · how each figure is computed: METHODOLOGY.md; every figure at full precision: carbon-gate.json</sub>\n`);
    let text = out.join('\n');
    if (Buffer.byteLength(text) > SUMMARY_MAX_BYTES) {
        text = Buffer.from(text, 'utf8').subarray(0, SUMMARY_MAX_BYTES - 200).toString('utf8').replace(/\uFFFD+$/, '') + '\n\n… summary truncated to stay under the 1 MiB step-summary limit; see carbon-gate.json.\n';
    }
    return text;
}

;// CONCATENATED MODULE: ./src/core/steps/name.ts
/** The local name of one instance. */
function localName(info, id) {
    if (info?.actionRepository)
        return info.actionRef ? `${info.actionRepository}@${info.actionRef}` : info.actionRepository;
    if (info?.script)
        return info.script;
    if (info?.command)
        return info.command;
    if (info?.action)
        return info.action;
    return `step ${id}`;
}
/**
 * Groups instances under local names. Consecutive instances run from one composite action (the same
 * GITHUB_ACTION_PATH) are one step. Repeated names get " (2)", " (3)" so that each is its own row and
 * baselines match them in order.
 */
function nameLocally(instances) {
    const out = [];
    let prevPath;
    for (const i of instances) {
        const path = i.info?.actionPath;
        const last = out[out.length - 1];
        if (path && last && path === prevPath)
            last.instances.push(i);
        else
            out.push({ name: localName(i.info, i.id), source: 'local', instances: [i] });
        prevPath = path;
    }
    return dedupe(out);
}
/** How far after an instance's start an API step may say it started (its times are whole seconds). */
const API_SLACK_MS = 500;
/**
 * Assigns each instance to the API step it ran in: of the steps that started before the instance did
 * (+ ½ s of clock offset) and had not completed by then (the API's times are whole seconds, floored, so
 * a step runs within [started, completed + 1 s)), the one its life overlaps most. When two steps cover
 * it equally (both within the same seconds), instances taken in start order go first to a step that
 * has none yet, then to the earlier one: a short step followed within the same second by the next one
 * keeps its own instance. An instance still running at the end goes to the latest step that had
 * started. A step named after an action (GitHub's default "Run owner/repo@ref") takes only an instance
 * of that action (couldBe), when another step fits. Instances that match no API step keep their local names.
 * An instance's life is cut at the next instance's start: steps run one after another, and an end
 * estimated late (a tick delayed on a loaded machine) must not make it overlap the next step most.
 */
function nameFromApi(instances, api, wallMsOf) {
    const steps = api.filter((s) => s.startedMs !== null).sort((a, b) => a.startedMs - b.startedMs || a.number - b.number);
    const matched = new Map();
    const used = new Set();
    const byStart = [...instances].sort((a, b) => a.startS - b.startS);
    for (const [k, i] of byStart.entries()) {
        // Steps run one after another: an instance ended before the next one started, whatever its end
        // estimate says (the midpoint between two ticks, late by a delayed tick on a loaded machine).
        const next = byStart.slice(k + 1).find((x) => x.startS > i.startS);
        const endS = i.endS === null || !next ? i.endS : Math.min(i.endS, next.startS);
        const m = matchStep({ ...i, endS }, steps, wallMsOf, used);
        if (m) {
            matched.set(i, m);
            used.add(m.number);
        }
    }
    const byNumber = new Map();
    const out = [];
    for (const i of instances) {
        const match = matched.get(i);
        if (!match) {
            out.push({ name: localName(i.info, i.id), source: 'local', instances: [i] });
            continue;
        }
        const g = byNumber.get(match.number);
        if (g)
            g.instances.push(i);
        else {
            const ng = { name: match.name, number: match.number, source: 'api', instances: [i], api: { startedMs: match.startedMs, completedMs: match.completedMs } };
            byNumber.set(match.number, ng);
            out.push(ng);
        }
    }
    return dedupe(out);
}
/** An action reference in a step name: GitHub names a `uses:` step "Run owner/repo@ref" unless it has a name. */
const ACTION_REF = /\b([\w.-]+\/[\w.-]+)(?:\/[^@\s]*)?@[\w./-]+/;
/**
 * False when the instance cannot be that API step: the step's name is an action's default name and the
 * instance is a `run:` script or another action (the API's whole seconds cannot tell two steps of one
 * second apart, and a step too short for the sampler to see would otherwise take the next one's instance).
 */
function couldBe(i, s) {
    const ref = ACTION_REF.exec(s.name);
    if (!ref)
        return true;
    const repo = i.info?.actionRepository;
    if (repo)
        return repo.toLowerCase() === ref[1].toLowerCase();
    return !i.info?.action?.startsWith('__run');
}
function matchStep(i, all, wallMsOf, used) {
    const fitting = all.filter((s) => couldBe(i, s));
    return bestStep(i, fitting, wallMsOf, used) ?? bestStep(i, all, wallMsOf, used);
}
function bestStep(i, steps, wallMsOf, used) {
    const t = wallMsOf(i.startS);
    let match;
    let best = -Infinity;
    for (const s of steps) {
        const started = s.startedMs;
        if (started >= t + API_SLACK_MS)
            break;
        const stepEnd = s.completedMs === null ? Infinity : s.completedMs + 1000;
        if (stepEnd <= t)
            continue;
        if (i.endS === null) {
            match = s;
            continue;
        }
        const overlap = Math.min(wallMsOf(i.endS), stepEnd) - Math.max(t, started);
        // Within a millisecond the overlaps are equal: a step without an instance yet beats one that has one.
        const better = overlap > best + 1 || (overlap >= best - 1 && match !== undefined && used.has(match.number) && !used.has(s.number));
        if (better || match === undefined) {
            best = overlap;
            match = s;
        }
    }
    return match;
}
function dedupe(groups) {
    const seen = new Map();
    for (const g of groups) {
        const n = (seen.get(g.name) ?? 0) + 1;
        seen.set(g.name, n);
        if (n > 1)
            g.name = `${g.name} (${n})`;
    }
    return groups;
}

;// CONCATENATED MODULE: ./src/core/steps/rows.ts
const OUTSIDE = 'outside steps';
function buildStepRows(x) {
    const { energy: e, emissions: em } = x;
    const opPerWh = e.totalWh > 0 ? em.operationalGCo2e / e.totalWh : (em.pue * em.intensity.gCo2ePerKwh) / 1000;
    const embodiedPerS = e.durationSeconds > 0 ? em.embodiedGCo2e / e.durationSeconds : 0;
    const gatedHasEmbodied = em.gatedGCo2e !== em.operationalGCo2e || em.embodiedGCo2e === 0;
    const rows = [];
    const charged = new Map();
    for (const g of x.groups) {
        const sum = (f) => g.instances.reduce((a, i) => a + f(i), 0);
        const cpuWh = sum((i) => i.cpuJ) / 3600;
        const ramWh = sum((i) => i.ramJ) / 3600;
        const gpuWh = sum((i) => i.gpuJ) / 3600;
        const totalWh = cpuWh + ramWh + gpuWh;
        const chargedSeconds = sum((i) => i.chargedSeconds);
        const operationalGCo2e = totalWh * opPerWh;
        const embodiedGCo2e = chargedSeconds * embodiedPerS;
        const start = Math.min(...g.instances.map((i) => i.startS));
        const end = Math.max(...g.instances.map((i) => i.endS ?? x.endS));
        const row = {
            name: g.name,
            kind: 'step',
            ...(g.number !== undefined ? { number: g.number } : {}),
            nameSource: g.source,
            startedWallMs: Math.round(x.wallMsOf(start)),
            endedWallMs: Math.round(x.wallMsOf(end)),
            durationSeconds: sum((i) => Math.max(0, (i.endS ?? x.endS) - i.startS)),
            cpuSeconds: sum((i) => i.cpuSeconds),
            cpuWh,
            ramWh,
            gpuWh,
            totalWh,
            operationalGCo2e,
            embodiedGCo2e,
            totalGCo2e: operationalGCo2e + embodiedGCo2e,
            gatedGCo2e: gatedHasEmbodied ? operationalGCo2e + embodiedGCo2e : operationalGCo2e,
            share: 0,
            instances: g.instances.length,
            ...(g.api?.startedMs != null ? { apiStartOffsetSeconds: (x.wallMsOf(start) - g.api.startedMs) / 1000 } : {}),
        };
        charged.set(row, chargedSeconds);
        rows.push(row);
    }
    const total = (f) => rows.reduce((a, r) => a + f(r), 0);
    const jobCpu = e.treeCpuSeconds ?? e.machineCpuSeconds;
    const chargedSum = [...charged.values()].reduce((a, b) => a + b, 0);
    const outside = {
        name: OUTSIDE,
        kind: 'outside',
        nameSource: 'none',
        startedWallMs: null,
        endedWallMs: null,
        durationSeconds: Math.max(0, e.durationSeconds - chargedSum),
        cpuSeconds: jobCpu - total((r) => r.cpuSeconds),
        cpuWh: e.cpuWh - total((r) => r.cpuWh),
        ramWh: e.ramWh - total((r) => r.ramWh),
        gpuWh: e.gpuWh - total((r) => r.gpuWh),
        totalWh: e.totalWh - total((r) => r.totalWh),
        operationalGCo2e: em.operationalGCo2e - total((r) => r.operationalGCo2e),
        embodiedGCo2e: em.embodiedGCo2e - total((r) => r.embodiedGCo2e),
        totalGCo2e: em.totalGCo2e - total((r) => r.totalGCo2e),
        gatedGCo2e: em.gatedGCo2e - total((r) => r.gatedGCo2e),
        share: 0,
        instances: x.outside?.length ?? 0,
    };
    rows.sort((a, b) => a.startedWallMs - b.startedWallMs);
    rows.push(outside);
    for (const r of rows)
        r.share = em.totalGCo2e > 0 ? r.totalGCo2e / em.totalGCo2e : 0;
    return rows;
}

;// CONCATENATED MODULE: ./src/core/steps/breakdown.ts


/** Rows for the steps the sampler saw, then the outside row; undefined when it saw none. */
function stepBreakdown(acc, energy, emissions, o) {
    const clock = acc.clock();
    const all = acc.instances();
    if (!clock || !all.length)
        return undefined;
    const own = all.filter((i) => o.selfPid !== undefined && i.info?.pid === o.selfPid);
    const instances = all.filter((i) => !own.includes(i));
    const groups = o.api?.length ? nameFromApi(instances, o.api, clock.wallMsOf) : nameLocally(instances);
    return buildStepRows({ groups, energy, emissions, endS: clock.endS, wallMsOf: clock.wallMsOf, outside: own });
}

;// CONCATENATED MODULE: ./src/core/report/steps-section.ts



const BAR_WIDTH = 10;
/** Rows listed in the table; the rest are summed in one line (the CSV and JSON have them all). */
const MAX_ROWS = 40;
/** A bar of `width` cells for a share in 0..1 (█ full, ▏…▉ partial). */
function shareBar(share, width = BAR_WIDTH) {
    const cells = Math.max(0, Math.min(1, Number.isFinite(share) ? share : 0)) * width;
    const full = Math.floor(cells);
    const part = ' ▏▎▍▌▋▊▉'[Math.floor((cells - full) * 8)];
    return ('█'.repeat(full) + (full < width ? part : '')).trimEnd() || '▏';
}
const byEmissions = (a, b) => b.totalGCo2e - a.totalGCo2e || a.name.localeCompare(b.name);
function renderStepsTable(rows) {
    const sorted = [...rows].sort(byEmissions);
    const shown = sorted.slice(0, MAX_ROWS);
    const body = shown.map((r) => {
        const name = r.kind === 'outside' ? '*outside steps*' : escapeMarkdown(r.name);
        return [name, (0,format/* duration */.p0)(r.durationSeconds), (0,format/* cpuSeconds */._L)(r.cpuSeconds), (0,format/* energy */.zP)(r.totalWh), (0,format/* co2e */.k)(r.totalGCo2e), `\`${shareBar(r.share)}\` ${(0,format/* share */.uM)(r.share)}`];
    });
    if (sorted.length > shown.length) {
        const rest = sorted.slice(MAX_ROWS);
        const g = rest.reduce((a, r) => a + r.totalGCo2e, 0);
        body.push([`… ${rest.length} more steps`, '', '', '', (0,format/* co2e */.k)(g), '']);
    }
    return mdTable(['Step', 'Duration', 'CPU', 'Energy', 'Emissions', 'Share'], body, ['l', 'r', 'r', 'r', 'r', 'l']);
}
/** Mermaid gantt text: a step name may not hold ':' or '#' or ';' (they end the task), nor line breaks. */
function ganttLabel(name) {
    return name.replace(/[:#;\n\r]/g, ' ').replace(/[<>"`]/g, "'").slice(0, 60).trim() || 'step';
}
function renderStepsGantt(rows) {
    const steps = rows.filter((r) => r.kind === 'step' && r.startedWallMs !== null && r.endedWallMs !== null).slice(0, MAX_ROWS);
    if (!steps.length)
        return '';
    const t0 = Math.min(...steps.map((r) => r.startedWallMs));
    const out = ['```mermaid', 'gantt', '  title Steps over time (seconds from the first step)', '  dateFormat x', '  axisFormat %M:%S'];
    steps.forEach((r, i) => {
        const from = r.startedWallMs - t0;
        const to = Math.max(from + 1, r.endedWallMs - t0);
        out.push(`  ${ganttLabel(r.name)} (${(0,format/* co2e */.k)(r.totalGCo2e)}) :s${i}, ${from}, ${to}`);
    });
    out.push('```');
    return out.join('\n') + '\n';
}
function renderStepsSection(rows, opts = {}) {
    if (!rows?.length)
        return '';
    const parts = ['### Steps\n', renderStepsTable(rows)];
    const outside = rows.find((r) => r.kind === 'outside');
    const naming = opts.naming ?? (rows.some((r) => r.nameSource === 'api') ? 'api' : 'runner');
    const names = {
        api: 'Names from the Jobs API.',
        runner: 'Names as seen on the runner (grant `actions: read` for the step names of the workflow).',
        cli: 'Steps are the direct children of the command.',
    }[naming];
    const outsideWhat = naming === 'cli' ? 'the command itself and what ran between its children' : "the runner's own work, gaps between steps and carbon-gate's post";
    parts.push(`\n<sub>Each step's CPU is exact (kernel counters of its processes); its energy is the work-driven part split by CPU and the time-driven part by time. ` +
        `${names}${outside ? ` *Outside steps*: ${outsideWhat}.` : ''}</sub>\n`);
    if (opts.gantt !== false) {
        const g = renderStepsGantt(rows);
        if (g)
            parts.push(`\n${g}`);
    }
    return parts.join('');
}

;// CONCATENATED MODULE: ./src/app/compute.ts
// The pure half of finishing a run: integrated energy + model + inputs → RunResult and the summary
// text. No I/O: everything it needs is passed in (links included), so it is tested without files.












function computeRun(c) {
    const { settings, model, energy, baseline } = c;
    const intensity = withInputErrors(() => resolveIntensity({ settings: modelSettingsOf(settings), model, facts: c.facts, tables: c.tables, live: c.live }));
    const emissions = computeEmissions(energy, model, intensity, settings.includeEmbodied);
    const terms = (0,gate_terms/* gateTerms */.XZ)(energy, model, emissions, c.contention.result(), settings.includeEmbodied);
    // Never green on no data: too few valid samples, a lost file or a sampler that never ran is "Not measured".
    const notMeasured = notMeasuredReason({
        samplerStarted: c.samplesPresent || c.marker !== null,
        samplesFilePresent: c.samplesPresent,
        validSamples: c.integrity.accepted,
        ticks: c.marker?.ticks ?? null,
        coveredTicks: c.coveredTicks,
    });
    const verdict = notMeasured
        ? notMeasuredVerdict(notMeasured, settings.requireMeasurement)
        : (0,core_verdict/* computeVerdict */.zG)({
            energyWh: energy.totalWh,
            gatedGCo2e: emissions.gatedGCo2e,
            cpuSeconds: energy.treeCpuSeconds ?? energy.machineCpuSeconds,
            terms,
            settings,
            baseline: baseline.records,
        });
    const provenance = componentProvenance(model, energy, intensity);
    const stepRows = c.steps ? stepBreakdown(c.steps, energy, emissions, { api: c.apiSteps ?? null, selfPid: c.selfPid }) : undefined;
    const result = {
        tool: { name: 'carbon-gate', version: version/* VERSION */.x },
        job: c.info.job,
        hardware: c.facts,
        model,
        energy,
        emissions,
        terms,
        verdict,
        ...(stepRows ? { steps: stepRows } : {}),
        baseline,
        provenance,
        modelBand: c.band.result({ model, energy, emissions }),
        quality: {
            partial: c.partial,
            skippedLines: c.stats.skippedLines,
            warnings: c.warnings,
            ...(c.marker ? { samplerCpuSeconds: c.marker.samplerCpuSeconds, samplerMaxRssBytes: c.marker.samplerMaxRssBytes } : {}),
            ...(notMeasured ? { notMeasured } : {}),
            integrity: c.integrity,
        },
        startedWallMs: c.info.startedWallMs,
        endedWallMs: c.marker?.endedWallMs ?? c.nowMs,
    };
    const summary = renderSummary(result, {
        chart: settings.chart,
        gate: settings,
        links: { serverUrl: c.serverUrl, repository: c.info.job.repository },
        modelSection: renderModelSection(model, intensity, emissions, energy, provenance, result.modelBand),
        stepsSection: renderStepsSection(stepRows, c.apiSteps === undefined ? { naming: 'cli' } : {}),
        ...(c.artifact ? { artifact: c.artifact } : { files: c.fileNames }),
    });
    return { result, summary };
}

;// CONCATENATED MODULE: ./src/core/gate/contention.ts
/** Longest a wait booked across a sample boundary is carried to a neighbouring interval, s. */
const CARRY_SECONDS = 1;
class ContentionAccumulator {
    prev = null;
    c = 0;
    a = 0;
    w = 0;
    st = 0;
    covered = 0;
    anySched = false;
    maxExcess = null;
    /** Runnable time recent active intervals lacked (Δt − R), and waiting booked beyond an interval's length. */
    slack = 0;
    credit = 0;
    firstPressure = null;
    lastPressure = null;
    pressureScope = null;
    /** The next accepted sample; with `skipReason` (from the integrity guard) the interval ending at it is not counted. */
    add(s, skipReason = null) {
        const a = skipReason ? null : this.prev;
        this.prev = s;
        const p = s.contention?.pressureSomeSeconds;
        if (p !== undefined && Number.isFinite(p)) {
            if (this.firstPressure === null)
                this.firstPressure = p;
            this.lastPressure = p;
            this.pressureScope = s.contention?.pressureScope ?? null;
        }
        if (!a)
            return;
        const dt = s.monoS - a.monoS;
        if (!(dt > 0))
            return;
        if (!a.tree || !s.tree || s.tree.rootGone)
            return;
        const dTree = Math.max(0, s.tree.cpuSeconds - a.tree.cpuSeconds);
        const dTotal = s.cpu.totalSeconds - a.cpu.totalSeconds;
        const dSteal = s.cpu.stealSeconds !== undefined && a.cpu.stealSeconds !== undefined ? Math.max(0, s.cpu.stealSeconds - a.cpu.stealSeconds) : 0;
        const g = dTotal + dSteal > 0 ? Math.min(0.95, dSteal / (dTotal + dSteal)) : 0;
        let on = dTree;
        let w = 0;
        if (a.contention && s.contention) {
            const dOn = Math.max(0, s.contention.onCpuSeconds - a.contention.onCpuSeconds);
            let dDelay = Math.max(0, s.contention.runDelaySeconds - a.contention.runDelaySeconds);
            dDelay = this.rebook(dOn, dDelay, dt);
            // The tree's CPU beyond the sampled threads' (worker threads, reaped children) is the growth of the
            // running maximum of (tree CPU − sampled on-CPU): the tree's CPU comes in clock ticks (10 ms), and
            // a per-interval max(Δtree, Δon) would add their rounding up interval after interval.
            const excess = s.tree.cpuSeconds - s.contention.onCpuSeconds;
            const base = this.maxExcess ?? a.tree.cpuSeconds - a.contention.onCpuSeconds;
            const extra = Math.max(0, excess - base);
            this.maxExcess = Math.max(base, excess);
            on = dOn + extra;
            w = dOn > 0 ? (on * dDelay) / dOn : dDelay;
            this.anySched = true;
            this.covered += dt;
        }
        else {
            this.slack = 0;
            this.credit = 0;
        }
        const st = (on * g) / (1 - g);
        const R = on + w + st;
        this.w += w;
        this.st += st;
        if (R <= 0)
            return;
        const n = Math.max(1, s.cpu.logicalCpus || 1);
        const k = Math.max(1, R / dt);
        const c = Math.min(R, dt) - on / Math.min(k, n);
        this.c += Math.min(dt, Math.max(0, c));
        this.a += Math.min(R, dt);
    }
    /**
     * The kernel books a wait when the task next runs, so a wait that spans a sample shows in a neighbouring
     * interval: one shows less runnable time (on-CPU + run delay of the sampled tasks) than its length, the
     * other more. While the sampled tasks used at most one CPU (so more runnable time than the interval is
     * not their parallelism), the excess waiting fills a neighbour's shortfall (either order, carried at most
     * CARRY_SECONDS, reset when the tree idles or uses more than one CPU); a fill for an earlier interval
     * counts as its contention at once. Returns this interval's run delay after the exchange.
     */
    rebook(dOn, dDelay, dt) {
        const runnable = dOn + dDelay;
        if (runnable <= 0 || dOn > dt) {
            this.slack = 0;
            this.credit = 0;
            return dDelay;
        }
        if (runnable > dt) {
            const fill = Math.min(runnable - dt, this.slack, dDelay);
            this.c += fill;
            this.a += fill;
            this.slack -= fill;
            const keep = Math.max(0, Math.min(runnable - fill - dt, dDelay - fill));
            this.credit = Math.min(CARRY_SECONDS, this.credit + keep);
            return dDelay - fill - keep;
        }
        const take = Math.min(dt - runnable, this.credit);
        this.credit -= take;
        this.slack = Math.min(CARRY_SECONDS, this.slack + (dt - runnable - take));
        return dDelay + take;
    }
    result() {
        return {
            contentionSeconds: this.c,
            runDelaySeconds: this.anySched ? this.w : null,
            stealSeconds: this.st,
            pressureSomeSeconds: this.firstPressure !== null && this.lastPressure !== null ? Math.max(0, this.lastPressure - this.firstPressure) : null,
            pressureScope: this.pressureScope,
            coveredSeconds: this.covered,
            runnableSeconds: this.a,
        };
    }
}
/** Runs the accumulator over an array of samples (tests, small files). */
function measureContention(samples) {
    const acc = new ContentionAccumulator();
    for (const s of samples)
        acc.add(s);
    return acc.result();
}

;// CONCATENATED MODULE: ./src/core/report/csv.ts
/** RFC 4180 field: quoted when it holds a comma, quote or line break; formula-leading characters defused. */
function csvField(v) {
    if (v === null || v === undefined)
        return '';
    let s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s))
        s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvLine = (cells) => cells.map(csvField).join(',') + '\n';
const SAMPLES_COLUMNS = [
    'time_s', 'timestamp', 'machine_cpu_util', 'tree_cpu_util', 'tree_cpu_seconds', 'tree_processes', 'tree_rss_bytes',
    'memory_used_bytes', 'cpu_watts', 'ram_watts', 'gpu_watts', 'gpu_count',
];
const samplesCsvHeader = () => csvLine(SAMPLES_COLUMNS);
/** Rounds to `d` decimals without string formatting (the hot path of samples.csv). */
const round = (x, d) => {
    const f = 10 ** d;
    return Math.round(x * f) / f;
};
let minuteKey = NaN;
let minutePrefix = '';
/** ISO 8601 UTC with milliseconds, like Date#toISOString, reusing the 'YYYY-MM-DDTHH:MM:' prefix within a minute. */
function isoTimestamp(ms) {
    const key = Math.floor(ms / 60000);
    if (key !== minuteKey) {
        minuteKey = key;
        minutePrefix = new Date(key * 60000).toISOString().slice(0, 17);
    }
    const msInMinute = ms - key * 60000;
    const secs = Math.floor(msInMinute / 1000);
    const milli = Math.floor(msInMinute - secs * 1000);
    return `${minutePrefix}${secs < 10 ? '0' : ''}${secs}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}
const cell = (x) => (x === undefined || x === null || !Number.isFinite(x) ? '' : String(x));
/**
 * One samples.csv row. Every cell is a number except the ISO timestamp, which holds no character that
 * needs quoting, so the row is built directly (a 6 h job at 10 Hz writes 216,000 rows).
 */
function samplesCsvRow(p, s) {
    const t = s.tree;
    return (`${round(p.tS, 3)},${isoTimestamp(s.wallMs)},${round(p.machineUtil, 4)},${p.treeUtil === null ? '' : round(p.treeUtil, 4)},` +
        `${t ? round(t.cpuSeconds, 2) : ''},${cell(t?.processes)},${cell(t?.rssBytes)},${cell(s.mem.totalBytes - s.mem.availableBytes)},` +
        `${round(p.cpuWatts, 4)},${round(p.ramWatts, 4)},${round(p.gpuWatts, 4)},${s.gpu?.length ?? 0}\n`);
}

;// CONCATENATED MODULE: ./src/core/steps/accumulate.ts
class StepAccumulator {
    live = new Map();
    all = [];
    started = false;
    first = null;
    lastMonoS = 0;
    interval(x) {
        this.lastMonoS = x.s.monoS;
        if (!this.started) {
            this.started = true;
            this.first = { monoS: x.a.monoS, wallMs: x.a.wallMs };
            // Steps already running at the first sample: their values there are the baseline.
            for (const r of x.a.tree?.steps ?? [])
                this.open(r.id, r.info ?? null, r.info ? Math.min(r.info.startS, x.a.monoS) : x.a.monoS, r.cpuSeconds, !!r.ended, x.a.monoS);
        }
        const deltas = new Map();
        for (const r of x.s.tree?.steps ?? []) {
            let l = this.live.get(r.id);
            if (!l) {
                const start = r.info ? Math.min(Math.max(r.info.startS, x.a.monoS), x.s.monoS) : x.a.monoS;
                l = this.open(r.id, r.info ?? null, start, 0, false, null);
            }
            if (l.ended)
                continue;
            deltas.set(l, Math.max(0, r.cpuSeconds - l.value));
            l.value = Math.max(l.value, r.cpuSeconds);
            if (r.ended) {
                l.ended = true;
                l.inst.endS = Math.max(l.inst.startS, (x.a.monoS + x.s.monoS) / 2);
            }
        }
        // Shares of work (by CPU) and of time (by overlap).
        let sumCpu = 0;
        for (const d of deltas.values())
            sumCpu += d;
        const cpuBase = Math.max(x.workCpuSeconds, sumCpu);
        const overlaps = new Map();
        let sumOverlap = 0;
        for (const l of this.live.values()) {
            const from = Math.max(x.a.monoS, l.inst.startS);
            const to = Math.min(x.s.monoS, l.inst.endS ?? x.s.monoS);
            // Steps that ended before this interval take no time in it.
            if (l.ended && !deltas.has(l))
                continue;
            if (to > from) {
                overlaps.set(l, to - from);
                sumOverlap += to - from;
            }
        }
        const timeBase = Math.max(x.dt, sumOverlap);
        // The steps' CPU is scaled down only when their sum exceeds the tree's (a cgroup-corrected tree).
        const cpuScale = x.workCpuSeconds > 0 && sumCpu > x.workCpuSeconds ? x.workCpuSeconds / sumCpu : 1;
        for (const l of this.live.values()) {
            const d = deltas.get(l) ?? 0;
            const workShare = cpuBase > 0 && x.workCpuSeconds > 0 ? d / cpuBase : 0;
            const timeShare = (overlaps.get(l) ?? 0) / timeBase;
            const i = l.inst;
            i.cpuSeconds += d * cpuScale;
            i.chargedSeconds += x.dt * timeShare;
            i.cpuJ += x.work.cpuJ * workShare + x.time.cpuJ * timeShare;
            i.ramJ += x.work.ramJ * workShare + x.time.ramJ * timeShare;
            i.gpuJ += x.work.gpuJ * workShare + x.time.gpuJ * timeShare;
        }
        for (const [id, l] of this.live)
            if (l.ended)
                this.live.delete(id);
    }
    /** The window's clock: ms since the epoch of a monotonic time, and the last sample's monotonic time. Null before any interval. */
    clock() {
        const f = this.first;
        if (!f)
            return null;
        return { wallMsOf: (monoS) => f.wallMs + (monoS - f.monoS) * 1000, endS: this.lastMonoS };
    }
    /** Every step instance seen, in order of discovery. */
    instances() {
        return this.all;
    }
    open(id, info, startS, value, ended, endS) {
        const inst = { id, info, startS, endS: ended ? endS : null, cpuSeconds: 0, chargedSeconds: 0, cpuJ: 0, ramJ: 0, gpuJ: 0 };
        this.all.push(inst);
        const l = { inst, value, ended };
        if (!ended)
            this.live.set(id, l);
        return l;
    }
}

;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
;// CONCATENATED MODULE: ./src/adapters/chunked-file.ts
// Reading and writing large run files in bounded memory: a 6 h job at 10 Hz has ~60 MB of samples.


// Below V8's large-object size (~128 KB), so each chunk's text dies young instead of piling up in
// large-object space until a full GC (4 MB chunks took a 6 h × 10 Hz report from ~60 MB to ~190 MB RSS).
const CHUNK_BYTES = 64 * 1024;
/** Calls `onLine` for every line of the file (without its newline), reading 64 KB at a time. */
function forEachLine(path, onLine) {
    const fd = (0,external_node_fs_.openSync)(path, 'r');
    try {
        const buf = Buffer.allocUnsafe(CHUNK_BYTES);
        const decoder = new external_node_string_decoder_namespaceObject.StringDecoder('utf8');
        let carry = '';
        for (;;) {
            const n = (0,external_node_fs_.readSync)(fd, buf, 0, CHUNK_BYTES, null);
            if (n === 0)
                break;
            const text = carry + decoder.write(buf.subarray(0, n));
            let start = 0;
            for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
                onLine(text.slice(start, nl));
                start = nl + 1;
            }
            carry = text.slice(start);
        }
        carry += decoder.end();
        if (carry)
            onLine(carry);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** The first `bytes` (or the last `bytes` with fromEnd) of a file as text; '' when it cannot be read. */
function readSlice(path, bytes, fromEnd = false) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(path, 'r');
        const size = (0,external_node_fs_.fstatSync)(fd).size;
        const len = Math.min(bytes, size);
        const buf = Buffer.alloc(len);
        (0,external_node_fs_.readSync)(fd, buf, 0, len, fromEnd ? size - len : 0);
        return buf.toString('utf8');
    }
    catch {
        return '';
    }
    finally {
        if (fd !== undefined)
            (0,external_node_fs_.closeSync)(fd);
    }
}
/** Appends strings to a file through 64 KB writes (short-lived, so the rows die young) instead of one joined string. */
class ChunkedWriter {
    fd;
    parts = [];
    size = 0;
    constructor(path) {
        this.fd = (0,external_node_fs_.openSync)(path, 'w');
    }
    write(s) {
        this.parts.push(s);
        this.size += s.length;
        if (this.size >= CHUNK_BYTES)
            this.flush();
    }
    flush() {
        if (this.parts.length)
            (0,external_node_fs_.writeSync)(this.fd, this.parts.join(''));
        this.parts = [];
        this.size = 0;
    }
    close() {
        this.flush();
        (0,external_node_fs_.closeSync)(this.fd);
    }
}

;// CONCATENATED MODULE: ./src/core/integrity.ts
const integrity_MAX_LISTED = 50;
/** Why the interval a → b breaks physics, or null when it is plausible. */
function intervalFault(a, b) {
    const dt = b.monoS - a.monoS;
    if (!(dt > 0))
        return 'clock went backwards';
    const dWall = (b.wallMs - a.wallMs) / 1000;
    if (Math.abs(dWall - dt) > 1 + 0.05 * dt)
        return 'clocks disagree';
    const dBusy = b.cpu.busySeconds - a.cpu.busySeconds;
    const dTotal = b.cpu.totalSeconds - a.cpu.totalSeconds;
    if (dBusy < 0 || dTotal < 0)
        return 'counter went down';
    const tree = a.tree && b.tree && !a.tree.rootGone && !b.tree.rootGone ? b.tree.cpuSeconds - a.tree.cpuSeconds : null;
    if (tree !== null && tree < 0)
        return 'counter went down';
    for (const k of ['packageJoules', 'dramJoules']) {
        const x = a.rapl?.[k];
        const y = b.rapl?.[k];
        if (x !== undefined && y !== undefined && y < x)
            return 'counter went down';
    }
    const cores = Math.max(1, b.cpu.logicalCpus || a.cpu.logicalCpus || 1);
    const bound = cores * (1.25 * dt + 0.25);
    if (dBusy > bound || dTotal > bound || (tree !== null && tree > bound))
        return 'more CPU than cores × time';
    if (dTotal < cores * (0.5 * dt - 1))
        return 'machine CPU time did not advance with the clock';
    return null;
}
class SampleGuard {
    onAccept;
    ref = null;
    suspect = null;
    firstWallMs = null;
    nextSeq = null;
    read = 0;
    acceptedCount = 0;
    rejected = [];
    skipped = [];
    missing = [];
    rejectedCount = 0;
    skippedCount = 0;
    missingCount = 0;
    /** `onAccept(s, skipReason)`: integrate up to s, or (with a reason) skip the interval that ends at s. */
    constructor(onAccept) {
        this.onAccept = onAccept;
    }
    at(s) {
        return this.firstWallMs === null ? 0 : Math.max(0, (s.wallMs - this.firstWallMs) / 1000);
    }
    accept(s, skip) {
        if (skip && this.ref) {
            this.skippedCount++;
            if (this.skipped.length < integrity_MAX_LISTED)
                this.skipped.push({ fromS: this.at(this.ref), toS: this.at(s), reason: skip });
        }
        this.ref = s;
        this.acceptedCount++;
        this.onAccept(s, skip);
    }
    reject(s, reason) {
        this.rejectedCount++;
        if (this.rejected.length < integrity_MAX_LISTED)
            this.rejected.push({ atS: this.at(s), seq: typeof s.seq === 'number' ? s.seq : null, reason });
    }
    trackSeq(s) {
        if (typeof s.seq !== 'number' || !Number.isInteger(s.seq) || s.seq < 0)
            return;
        if (this.nextSeq !== null && s.seq > this.nextSeq)
            this.addMissing(this.nextSeq, s.seq - 1, this.ref ? this.at(this.ref) : 0);
        if (this.nextSeq === null && s.seq > 0)
            this.addMissing(0, s.seq - 1, 0);
        if (this.nextSeq === null || s.seq >= this.nextSeq)
            this.nextSeq = s.seq + 1;
    }
    addMissing(fromSeq, toSeq, atS) {
        this.missingCount += toSeq - fromSeq + 1;
        if (this.missing.length < integrity_MAX_LISTED)
            this.missing.push({ fromSeq, toSeq, atS });
    }
    push(s) {
        this.read++;
        if (this.firstWallMs === null)
            this.firstWallMs = s.wallMs;
        this.trackSeq(s);
        if (!this.ref) {
            this.accept(s, null);
            return;
        }
        // Sequence numbers settle order: a line at or before the reference is a duplicate or out of place.
        if (typeof s.seq === 'number' && typeof this.ref.seq === 'number' && s.seq <= this.ref.seq) {
            this.reject(s, 'clock went backwards');
            return;
        }
        if (this.suspect) {
            const held = this.suspect;
            this.suspect = null;
            if (!intervalFault(this.ref, s)) {
                this.reject(held.s, held.reason);
                this.accept(s, null);
            }
            else if (!intervalFault(held.s, s)) {
                this.accept(held.s, held.reason);
                this.accept(s, null);
            }
            else {
                this.reject(held.s, held.reason);
                this.suspect = { s, reason: intervalFault(this.ref, s) };
            }
            return;
        }
        const fault = intervalFault(this.ref, s);
        if (fault)
            this.suspect = { s, reason: fault };
        else
            this.accept(s, null);
    }
    /**
     * Ends the stream. A suspect still held is rejected. `expectedSamples` (the sampler's own count of the
     * samples it wrote, from its completion marker) reveals lines missing at the end.
     */
    end(expectedSamples) {
        if (this.suspect) {
            this.reject(this.suspect.s, this.suspect.reason);
            this.suspect = null;
        }
        if (typeof expectedSamples === 'number' && this.nextSeq !== null && expectedSamples > this.nextSeq) {
            this.addMissing(this.nextSeq, expectedSamples - 1, this.ref ? this.at(this.ref) : 0);
        }
        // Nothing readable at all while the sampler counted ticks: every line is missing.
        if (typeof expectedSamples === 'number' && expectedSamples > 0 && this.read === 0)
            this.addMissing(0, expectedSamples - 1, 0);
        return {
            samplesRead: this.read,
            accepted: this.acceptedCount,
            rejected: this.rejected,
            skipped: this.skipped,
            missing: this.missing,
            missingSamples: this.missingCount,
            rejectedSamples: this.rejectedCount,
            skippedIntervals: this.skippedCount,
        };
    }
}

;// CONCATENATED MODULE: ./src/core/samples.ts
const samples_num = (x) => typeof x === 'number' && Number.isFinite(x);
/** Returns the sample if the line is a well-formed sample, otherwise null. */
function parseSampleLine(line) {
    if (line.length < 2 || line.charCodeAt(0) !== 123 /* { */)
        return null;
    let s;
    try {
        s = JSON.parse(line);
    }
    catch {
        return null;
    }
    if (!s || s.v !== 1 || !samples_num(s.monoS) || !samples_num(s.wallMs) || !s.cpu || !samples_num(s.cpu.busySeconds) || !samples_num(s.cpu.totalSeconds) || !s.mem)
        return null;
    if (s.tree && !samples_num(s.tree.cpuSeconds))
        delete s.tree;
    if (s.seq !== undefined && !(Number.isInteger(s.seq) && s.seq >= 0))
        delete s.seq;
    return s;
}
/**
 * Feeds lines one by one (from a string or a file read in chunks) and calls `onSample` for each valid
 * sample in clock order, without building an array: a 6 h job at 10 Hz has 216,000 lines.
 * Blank lines are not counted as skipped.
 */
class SampleLineStream {
    onSample;
    opts;
    stats = { lines: 0, skippedLines: 0, outOfOrder: 0 };
    lastMono = -Infinity;
    /**
     * `ordered: false` passes every valid sample on in file order, for a consumer that judges order itself
     * (the integrity guard); by default samples whose clock did not advance are dropped here.
     */
    constructor(onSample, opts = { ordered: true }) {
        this.onSample = onSample;
        this.opts = opts;
    }
    line(raw) {
        const line = raw.trim();
        if (!line)
            return;
        this.stats.lines++;
        const s = parseSampleLine(line);
        if (!s) {
            this.stats.skippedLines++;
            return;
        }
        if (this.opts.ordered && s.monoS <= this.lastMono) {
            this.stats.outOfOrder++;
            return;
        }
        this.lastMono = s.monoS;
        this.onSample(s);
    }
}
/** Calls `onSample` for each valid sample of `text` in order. */
function forEachSample(text, onSample) {
    const stream = new SampleLineStream(onSample);
    let start = 0;
    while (start < text.length) {
        let end = text.indexOf('\n', start);
        if (end < 0)
            end = text.length;
        stream.line(text.slice(start, end));
        start = end + 1;
    }
    return stream.stats;
}
/** Convenience for tests and small files. */
function parseSamples(text) {
    const samples = [];
    const stats = forEachSample(text, (s) => samples.push(s));
    return { samples, ...stats };
}
/**
 * GPU names of the first sample in `text` that carries GPU readings (whole lines only: a cut last line
 * is ignored). Each line is parsed as JSON, so every GPU of the reading is kept.
 */
function firstGpuNames(text) {
    const end = text.lastIndexOf('\n');
    let start = 0;
    while (start < end) {
        const nl = text.indexOf('\n', start);
        const s = parseSampleLine(text.slice(start, nl).trim());
        start = nl + 1;
        if (s?.gpu?.length)
            return s.gpu.map((g) => g.name);
    }
    return [];
}

;// CONCATENATED MODULE: ./src/app/read-samples.ts
// Reads samples.jsonl through the integrity guard into the integrator, and writes samples.csv on the way.
// Nothing here fails a report over its own I/O: a samples.csv that cannot be written is a warning.




/** A writer that never throws: the first error is kept and later writes are dropped. */
class SafeWriter {
    w = null;
    error;
    constructor(file) {
        try {
            this.w = new ChunkedWriter(file);
        }
        catch (e) {
            this.error = e.message;
        }
    }
    write(s) {
        if (!this.w)
            return;
        try {
            this.w.write(s);
        }
        catch (e) {
            this.error = e.message;
            this.close();
        }
    }
    close() {
        const w = this.w;
        this.w = null;
        try {
            w?.close();
        }
        catch (e) {
            this.error ??= e.message;
        }
    }
}
function readSamples(args) {
    const csv = new SafeWriter(args.csvPath);
    csv.write(args.csvHeader);
    const integrator = args.makeIntegrator((p, s) => csv.write(args.csvRow(p, s)));
    const faults = new Map();
    let firstSeq = null;
    let lastSeq = null;
    let lastRead = -1;
    let seenSinceAccept = 0;
    const guard = new SampleGuard((s, skip) => {
        // Seq numbers skipped between two accepted samples and never read at all are missing lines.
        const missing = typeof s.seq === 'number' && lastSeq !== null ? Math.max(0, s.seq - lastSeq - 1 - Math.max(0, seenSinceAccept - 1)) : 0;
        seenSinceAccept = 0;
        integrator.add(s, skip, missing);
        args.onAccept?.(s, skip);
        if (typeof s.seq === 'number') {
            firstSeq ??= s.seq;
            lastSeq = s.seq;
        }
        for (const f of s.faults ?? [])
            faults.set(f, (faults.get(f) ?? 0) + 1);
    });
    const stream = new SampleLineStream((s) => {
        if (typeof s.seq === 'number')
            lastRead = Math.max(lastRead, s.seq);
        seenSinceAccept++;
        guard.push(s);
    }, { ordered: false });
    const present = (0,external_node_fs_.existsSync)(args.samplesPath);
    let readError;
    try {
        if (present)
            forEachLine(args.samplesPath, (line) => stream.line(line));
    }
    catch (e) {
        readError = e.message;
    }
    const closing = args.marker?.closing;
    const closingFromMarker = !!closing && typeof closing.seq === 'number' && closing.seq > lastRead;
    if (closingFromMarker) {
        seenSinceAccept++;
        guard.push(closing);
    }
    const integrity = guard.end(args.marker?.ticks ?? null);
    csv.close();
    const coveredTicks = firstSeq !== null && lastSeq !== null ? lastSeq - firstSeq + 1 : null;
    if (readError)
        faults.set(`samples.jsonl could not be read to the end: ${readError}`, 1);
    return { present, stats: stream.stats, integrity, coveredTicks, faults, closingFromMarker, integrator, ...(csv.error ? { csvError: csv.error } : {}) };
}

;// CONCATENATED MODULE: ./src/app/integrate.ts
// Streams samples.jsonl through the integrity guard into the (pure) energy integrator in bounded memory,
// writing samples.csv row by row as a by-product: a 6 h job at 10 Hz has 216,000 samples, too many to
// hold as objects. Nothing here fails a report over its own I/O (see read-samples.ts).








function integrateSamples(args) {
    const band = new ModelBandTracker(args.band, args.scope, args.intervalSeconds);
    const contention = new ContentionAccumulator();
    const steps = new StepAccumulator();
    const read = readSamples({
        samplesPath: args.samplesPath,
        csvPath: args.samplesCsvPath,
        csvHeader: samplesCsvHeader(),
        csvRow: samplesCsvRow,
        makeIntegrator: (onInterval) => new EnergyIntegrator({ model: args.model, scope: args.scope, intervalSeconds: args.intervalSeconds, onInterval, onSplit: (x) => steps.interval(x) }),
        marker: args.marker,
        onAccept: (s, skip) => {
            band.add(s, skip);
            contention.add(s, skip);
        },
    });
    const { integrator, integrity } = read;
    const marker = args.marker;
    const warnings = [];
    if (read.csvError)
        warnings.push(`samples.csv could not be written (${read.csvError}).`);
    const writeFailures = marker?.writeFailures ? { count: marker.writeFailures.count - (read.closingFromMarker ? 1 : 0), error: marker.writeFailures.error } : null;
    warnings.push(...integrityWarnings(integrity, writeFailures));
    const energy = integrator.result();
    if (energy.samples < 2)
        warnings.push(`Only ${energy.samples} sample(s) were recorded: the job was too short to measure, or the sampler did not run.`);
    if (integrator.gpuCarriedSecondsTotal > 0) {
        warnings.push(`No GPU reading arrived for ${(0,format/* duration */.p0)(integrator.gpuCarriedSecondsTotal)}; the last GPU power was carried forward over that gap.`);
    }
    if (integrator.gpuWithoutPower)
        warnings.push('A GPU reported no power and has no CCF coefficient row; its energy is not counted.');
    if (args.scope === 'process-tree' && integrator.treeMissingSecondsTotal > 0 && energy.samples >= 2) {
        warnings.push(`The process tree could not be read for ${(0,format/* duration */.p0)(integrator.treeMissingSecondsTotal)}; machine utilisation was used there.`);
    }
    for (const [f, n] of read.faults)
        if (!f.startsWith('closing sample'))
            warnings.push(n > 1 ? `${f} (${n} times)` : f);
    return {
        energy,
        band,
        contention,
        steps,
        stats: read.stats,
        integrity,
        samplesPresent: read.present,
        coveredTicks: read.coveredTicks,
        partial: !!marker?.writeFailures || integrity.skippedIntervals > 0 || integrity.missingSamples > 0,
        warnings,
    };
}

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_namespaceObject);
;// CONCATENATED MODULE: ./src/adapters/cloud-metadata.ts
// Optional instance-metadata probe (input detect-cloud, off by default). Asks the link-local metadata
// service of AWS (IMDSv2, IMDSv1 fallback), Azure and GCP in parallel under one deadline (≤ 300 ms)
// and returns the provider, region and instance type, or null. Never throws.
// The endpoint is overridable with CARBON_GATE_IMDS_URL (tests point it at a loopback server).

const IMDS_URL_ENV = 'CARBON_GATE_IMDS_URL';
const DEFAULT_BASE = 'http://169.254.169.254';
const MAX_TIMEOUT_MS = 300;
/** Metadata values are untrusted text: accept only plain identifiers. */
const SAFE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;
const safe = (v) => (typeof v === 'string' && SAFE.test(v.trim()) ? v.trim() : null);
// node:http rather than fetch: it is already loaded, so the 300 ms budget is spent on the network
// and not on initialising fetch's HTTP client.
function get(url, headers, signal, method = 'GET') {
    return new Promise((resolve) => {
        let req;
        try {
            req = external_node_http_default().request(url, { method, headers, signal, agent: false }, (res) => {
                const chunks = [];
                let size = 0;
                res.on('data', (c) => {
                    size += c.length;
                    if (size > 4096)
                        req.destroy();
                    else
                        chunks.push(c);
                });
                res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8').trim() }));
                res.on('error', () => resolve(null));
            });
        }
        catch {
            resolve(null);
            return;
        }
        req.on('error', () => resolve(null));
        req.on('close', () => resolve(null));
        req.end();
    });
}
function cloud_metadata_text(r) {
    return r && r.status >= 200 && r.status < 300 ? r.body : null;
}
async function probeAws(base, signal) {
    const rawToken = cloud_metadata_text(await get(`${base}/latest/api/token`, { 'X-aws-ec2-metadata-token-ttl-seconds': '60' }, signal, 'PUT'));
    const token = rawToken && /^[A-Za-z0-9+/=_-]{1,1024}$/.test(rawToken) ? rawToken : null;
    const headers = token ? { 'X-aws-ec2-metadata-token': token } : {};
    const [type, region] = await Promise.all([
        get(`${base}/latest/meta-data/instance-type`, headers, signal).then(cloud_metadata_text),
        get(`${base}/latest/meta-data/placement/region`, headers, signal).then(cloud_metadata_text),
    ]);
    const instanceType = safe(type);
    if (!instanceType || !/^[a-z0-9-]+\.[a-z0-9-]+$/.test(instanceType))
        return null;
    return { provider: 'aws', region: safe(region), instanceType, source: token ? 'AWS IMDSv2' : 'AWS IMDSv1' };
}
async function probeAzure(base, signal) {
    const body = cloud_metadata_text(await get(`${base}/metadata/instance/compute?api-version=2021-02-01`, { Metadata: 'true' }, signal));
    if (!body)
        return null;
    try {
        const j = JSON.parse(body);
        const instanceType = safe(j.vmSize);
        const region = safe(j.location);
        if (!instanceType && !region)
            return null;
        return { provider: 'azure', region: region?.toLowerCase() ?? null, instanceType, source: 'Azure IMDS' };
    }
    catch {
        return null;
    }
}
async function probeGcp(base, signal) {
    const h = { 'Metadata-Flavor': 'Google' };
    const [mt, zone] = await Promise.all([get(`${base}/computeMetadata/v1/instance/machine-type`, h, signal), get(`${base}/computeMetadata/v1/instance/zone`, h, signal)]);
    // A real GCP metadata server answers with this header; anything else is not GCP.
    if (mt?.headers['metadata-flavor'] !== 'Google')
        return null;
    const instanceType = safe(cloud_metadata_text(mt)?.split('/').pop());
    const z = safe(cloud_metadata_text(zone)?.split('/').pop());
    if (!instanceType)
        return null;
    const region = z && /^[a-z]+-[a-z]+\d+-[a-z]$/.test(z) ? z.replace(/-[a-z]$/, '') : null;
    return { provider: 'gcp', region, instanceType, source: 'GCP metadata server' };
}
/**
 * Probes the three metadata services at once; returns the first that identifies its cloud, or null
 * when none does within `timeoutMs` (capped at 300 ms).
 */
async function detectCloud(opts = {}) {
    return probeClouds(opts.env ?? process.env, Math.min(MAX_TIMEOUT_MS, Math.max(1, opts.timeoutMs ?? MAX_TIMEOUT_MS)));
}
/** The probes under one deadline, uncapped: detectCloud caps it; tests on a loaded machine give more. */
async function probeClouds(env, timeoutMs) {
    const base = (env[IMDS_URL_ENV]?.trim() || DEFAULT_BASE).replace(/\/+$/, '');
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), timeoutMs);
    try {
        const deadline = new Promise((resolve) => ctrl.signal.addEventListener('abort', () => resolve(null), { once: true }));
        const probes = [probeAws(base, ctrl.signal), probeAzure(base, ctrl.signal), probeGcp(base, ctrl.signal)];
        // The first probe that finds something wins; null once all have answered nothing.
        const first = new Promise((resolve) => {
            let pending = probes.length;
            for (const p of probes) {
                p.then((r) => (r ? resolve(r) : --pending === 0 && resolve(null)), () => --pending === 0 && resolve(null));
            }
        });
        return await Promise.race([first, deadline]);
    }
    catch {
        return null;
    }
    finally {
        clearTimeout(timer);
        ctrl.abort();
    }
}

;// CONCATENATED MODULE: ./src/adapters/electricity-maps.ts
// Optional live grid intensity from the Electricity Maps API (input electricity-maps-token).
// One request per run at most: the answer (or the failure) is cached in a file of the run directory.
// 1 s timeout; any failure becomes a LiveIntensity with an error, so the tables are used and the
// report says why. The token is sent only as the auth-token header and never logged or stored.


const ELECTRICITY_MAPS_URL_ENV = 'CARBON_GATE_ELECTRICITY_MAPS_URL';
const electricity_maps_DEFAULT_BASE = 'https://api.electricitymap.org';
const TIMEOUT_MS = 1000;
const CACHE_FILE_NAME = 'electricity-maps.json';
function readCache(file, zone) {
    try {
        const c = JSON.parse(external_node_fs_default().readFileSync(file, 'utf8'));
        if (c.zone !== zone)
            return null;
        const out = { zone: c.zone, gCo2ePerKwh: typeof c.gCo2ePerKwh === 'number' ? c.gCo2ePerKwh : null, cached: true };
        if (c.datetime)
            out.datetime = c.datetime;
        if (c.error)
            out.error = c.error;
        return out;
    }
    catch {
        return null;
    }
}
function writeCache(file, v) {
    try {
        const entry = { ...v, fetchedAtMs: Date.now() };
        delete entry.cached;
        external_node_fs_default().writeFileSync(file, JSON.stringify(entry));
    }
    catch {
        // a cache that cannot be written only costs a second request
    }
}
/** Fetches the latest carbon intensity of `zone`. Never throws; never includes the token in errors. */
async function fetchLiveIntensity(opts) {
    const { zone, token } = opts;
    if (opts.cacheFile) {
        const hit = readCache(opts.cacheFile, zone);
        if (hit)
            return hit;
    }
    const env = opts.env ?? process.env;
    const base = (env[ELECTRICITY_MAPS_URL_ENV]?.trim() || electricity_maps_DEFAULT_BASE).replace(/\/+$/, '');
    const timeoutMs = Math.min(TIMEOUT_MS, Math.max(1, opts.timeoutMs ?? TIMEOUT_MS));
    let result;
    try {
        const res = await fetch(`${base}/v3/carbon-intensity/latest?zone=${encodeURIComponent(zone)}`, {
            headers: { 'auth-token': token, accept: 'application/json' },
            signal: AbortSignal.timeout(timeoutMs),
            redirect: 'error',
        });
        if (!res.ok) {
            await res.body?.cancel().catch(() => undefined);
            result = { zone, gCo2ePerKwh: null, error: `HTTP ${res.status}${res.status === 401 || res.status === 403 ? ' (token rejected)' : ''}` };
        }
        else {
            const j = (await res.json());
            const v = j.carbonIntensity;
            if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 5000) {
                result = { zone, gCo2ePerKwh: v };
                if (typeof j.datetime === 'string' && /^[0-9T:.Z+-]{10,40}$/.test(j.datetime))
                    result.datetime = j.datetime;
            }
            else {
                result = { zone, gCo2ePerKwh: null, error: 'the answer had no usable carbonIntensity' };
            }
        }
    }
    catch (e) {
        const name = e?.name;
        result = { zone, gCo2ePerKwh: null, error: name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${timeoutMs} ms` : 'network error' };
    }
    if (opts.cacheFile)
        writeCache(opts.cacheFile, result);
    return result;
}
/**
 * The live value for this run, or null when no token is set. When a token is set but no zone can be
 * named for the location, returns an error value so the report says why the tables were used.
 */
async function liveIntensityFor(args) {
    const { electricityMapsToken: token, ...modelSettings } = args.settings;
    if (!token || modelSettings.carbonIntensityGPerKwh !== null)
        return null;
    const zone = electricityMapsZone({ settings: modelSettings, model: args.model, tables: args.tables });
    if (!zone)
        return { zone: 'none', gCo2ePerKwh: null, error: 'no Electricity Maps zone is known for this location (set country, or region to an Azure US region)' };
    return fetchLiveIntensity({ zone, token, cacheFile: args.cacheFile ?? null, env: args.env });
}

;// CONCATENATED MODULE: ./src/data/tables.ts
// Reads carbon-gate's reference tables from data/ (synchronously) and builds the typed Tables.
// The data directory is found at run time, not at build time: the bundles (dist/<entry>/index.js)
// and this source file (src/data/tables.ts) both sit two directories below the repository root.
// The path is built from variables so that ncc's asset relocator does not rewrite or copy it.




const DATA_DIR_ENV = 'CARBON_GATE_DATA_DIR';
const DATA_DIR_NAME = ['da', 'ta'].join('');
const MARKER = TABLE_FILES.constants;
function rootAbove(file, p) {
    if (!file)
        return null;
    // file → its directory (src/data or dist/<entry>) → two levels up = repository root
    const dir = p.dirname(file);
    return p.dirname(p.dirname(dir));
}
function moduleFile() {
    try {
        const url = import.meta.url;
        return typeof url === 'string' && url.startsWith('file:') ? (0,external_node_url_.fileURLToPath)(url) : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Candidate data directories, in order: env override, next to this module, next to the entry script.
 * `from` and `p` are for tests (path.win32 for the Windows runner's drive-letter paths).
 */
function dataDirCandidates(env = process.env, from = { moduleFile: moduleFile(), entryScript: process.argv[1] }, p = (external_node_path_default())) {
    const out = [];
    const fromEnv = env[DATA_DIR_ENV]?.trim();
    if (fromEnv)
        return [p.resolve(fromEnv)];
    for (const root of [rootAbove(from.moduleFile, p), rootAbove(from.entryScript ? p.resolve(from.entryScript) : undefined, p)]) {
        if (root)
            out.push(p.join(root, DATA_DIR_NAME));
    }
    return [...new Set(out)];
}
function resolveDataDir(env = process.env) {
    const candidates = dataDirCandidates(env);
    for (const dir of candidates) {
        if (external_node_fs_default().existsSync(external_node_path_default().join(dir, MARKER)))
            return dir;
    }
    throw new Error(`carbon-gate: reference data not found (looked for ${MARKER} in ${candidates.join(', ') || 'no candidate'}); set ${DATA_DIR_ENV} to the data directory`);
}
const cache = new Map();
/**
 * Loads and validates every table of a data directory (the shipped data/, or the copy CARBON_GATE_DATA_DIR
 * names, e.g. with a provider added). Cached per directory for the life of the process.
 */
function loadTables(dataDir) {
    const dir = dataDir ? external_node_path_default().resolve(dataDir) : resolveDataDir();
    const hit = cache.get(dir);
    if (hit)
        return hit;
    const texts = { instances: {} };
    for (const [role, file] of Object.entries(TABLE_FILES)) {
        texts[role] = external_node_fs_default().readFileSync(external_node_path_default().join(dir, file), 'utf8');
    }
    // One instance file per provider, found by name (instance-types-<provider>.csv): a new provider needs no code.
    for (const file of external_node_fs_default().readdirSync(dir).sort()) {
        const m = INSTANCE_FILE.exec(file);
        if (m)
            texts.instances[m[1]] = external_node_fs_default().readFileSync(external_node_path_default().join(dir, file), 'utf8');
    }
    const tables = buildTables(texts);
    cache.set(dir, tables);
    return tables;
}

;// CONCATENATED MODULE: ./src/sampler/linux/procfs.ts
// Minimal synchronous /proc readers for the sampler's hot loop. No allocation-heavy parsing.
// Small /proc files are read through one shared buffer with open/read/close: about 40 % cheaper
// than readFileSync, which first fstat()s the file and allocates a buffer per call.


/** Parses one /proc/<pid>/stat line. comm (field 2) may contain spaces and ')' so split after the last ')'. */
function parseProcStat(text) {
    const close = text.lastIndexOf(')');
    if (close < 0)
        return null;
    const pid = Number.parseInt(text, 10);
    // After ") " the fields start at field 3 (state); index k here is field k+3.
    const f = text.slice(close + 2).split(' ');
    if (f.length < 22 || !Number.isFinite(pid))
        return null;
    return {
        pid,
        state: f[0],
        ppid: Number(f[1]),
        utime: Number(f[11]),
        stime: Number(f[12]),
        cutime: Number(f[13]),
        cstime: Number(f[14]),
        numThreads: Number(f[17]),
        starttime: Number(f[19]),
        rssPages: Number(f[21]),
        comm: text.slice(text.indexOf('(') + 1, close),
    };
}
const shared = Buffer.alloc(8192);
/**
 * Reads a small procfs file (stat, cgroup.procs, cpu.stat) whole through the shared buffer, or null
 * when it cannot be opened (the process is gone). Files larger than the buffer fall back to readFileSync.
 * `oneRecord`: the file is produced whole by one read (a single-record seq_file such as /proc/<pid>/stat or
 * status, or a regular file), so a read that leaves the buffer unfilled has it all and the read that
 * would return 0 is skipped. Not for multi-record files (cgroup.procs, mountinfo), which a read may cut.
 */
function readSmallFile(path, oneRecord = false) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(path, 'r');
    }
    catch {
        return null;
    }
    try {
        let n = 0;
        for (;;) {
            const room = shared.length - n;
            const got = (0,external_node_fs_.readSync)(fd, shared, n, room, null);
            if (got === 0 || (oneRecord && got < room))
                return shared.toString('latin1', 0, n + got);
            n += got;
            if (n === shared.length)
                return (0,external_node_fs_.readFileSync)(path, 'latin1');
        }
    }
    catch {
        return null;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** Node's binding under process.kill: kill(2) returning 0 or a negative errno, without the throw. */
const rawKill = process._kill;
const NO_SUCH_PROCESS = -(external_node_os_namespaceObject.constants.errno.ESRCH ?? 3);
/**
 * Whether /proc/<pid> exists (a process, a zombie, or a thread, whose id it is). It never throws: a
 * failed open throws an Error with a stack trace, which costs the interpreted sampler more than the
 * read itself, and most pids allocated between two ticks of a churning job are gone by then. Under
 * the real /proc, kill(pid, 0) answers the same (EPERM: it exists) without a path look-up, whose
 * failing branch for a gone pid is the costly one (bench/RESULTS.md §6).
 */
function pidExists(procRoot, pid) {
    if (procRoot === '/proc' && rawKill && pid > 0)
        return rawKill(pid, 0) !== NO_SUCH_PROCESS;
    return (0,external_node_fs_.existsSync)(`${procRoot}/${pid}`);
}
/**
 * Machine CPU from the first line of /proc/stat, in clock ticks. steal and guest are left out of busy
 * and total (guest is already in user); steal (time the hypervisor ran something else) is returned apart.
 */
function parseCpuLine(text) {
    const nl = text.indexOf('\n');
    // "cpu  user nice …": split on a string, not a RegExp (interpreted under --jitless); empty fields dropped.
    const first = text.slice(0, nl < 0 ? undefined : nl).split(' ').filter((x) => x !== '');
    const [user, nice, system, idle, iowait, irq, softirq, steal] = first.slice(1, 9).map(Number);
    const busyTicks = user + nice + system + (irq || 0) + (softirq || 0);
    let logicalCpus = 0;
    for (let i = text.indexOf('\ncpu'); i >= 0; i = text.indexOf('\ncpu', i + 1))
        logicalCpus++;
    return { busyTicks, totalTicks: busyTicks + idle + (iowait || 0), logicalCpus, stealTicks: steal || 0 };
}
function parseMeminfo(text) {
    // indexOf instead of a RegExp per key: this runs every tick.
    const kb = (key) => {
        const at = text.startsWith(`${key}:`) ? 0 : text.indexOf(`\n${key}:`);
        if (at < 0)
            return NaN;
        const from = at + key.length + (at === 0 ? 1 : 2);
        const end = text.indexOf('\n', from);
        const n = Number.parseInt(text.slice(from, end < 0 ? undefined : end).trim(), 10);
        return Number.isFinite(n) ? n * 1024 : NaN;
    };
    const total = kb('MemTotal');
    let available = kb('MemAvailable');
    if (Number.isNaN(available))
        available = kb('MemFree') + (kb('Buffers') || 0) + (kb('Cached') || 0);
    return { totalBytes: total, availableBytes: available };
}
function listPids(procRoot) {
    const out = [];
    for (const name of (0,external_node_fs_.readdirSync)(procRoot)) {
        const c = name.charCodeAt(0);
        if (c >= 48 && c <= 57)
            out.push(Number(name));
    }
    return out;
}
/** Children of a process's main thread (/proc/<pid>/task/<pid>/children), or null when the kernel lacks the file. */
function readChildren(procRoot, pid) {
    let text;
    try {
        text = readFileSync(`${procRoot}/${pid}/task/${pid}/children`, 'latin1');
    }
    catch {
        return null;
    }
    const out = [];
    for (const s of text.split(' '))
        if (s)
            out.push(Number(s));
    return out;
}
/** The first `max` pids of a list, as a set: the pids whose descriptors a reader keeps open. */
function firstPids(pids, max) {
    const want = new Set();
    for (const p of pids) {
        if (want.size >= max)
            break;
        want.add(p);
    }
    return want;
}
/**
 * A /proc file kept open and re-read with pread at offset 0 (procfs regenerates it on each read):
 * one syscall per read instead of open+read+close and a path walk. For a /proc/<pid>/… file the
 * descriptor stays bound to that process: once it has exited, reads fail even if the pid is reused.
 * Only for files produced whole by one read (see readSmallFile's `oneRecord`): loadavg, stat, meminfo,
 * schedstat, a PSI file. A read that leaves the buffer unfilled is the whole file: no second read.
 */
class KeptFile {
    path;
    fd = null;
    /** The error code of the last failed open or read (ESRCH: the process this descriptor was bound to is gone). */
    lastError;
    constructor(path) {
        this.path = path;
    }
    /** Whether a descriptor is open (the next read() does not open the file). */
    get isOpen() {
        return this.fd !== null;
    }
    /**
     * The file's text, or null. `until`: only the text before the first occurrence of this marker is
     * decoded (the sampler needs the head of /proc/stat and meminfo: less to allocate, so fewer collections).
     */
    read(until) {
        if (this.fd === null) {
            try {
                this.fd = (0,external_node_fs_.openSync)(this.path, 'r');
            }
            catch (e) {
                this.lastError = e.code;
                return null;
            }
        }
        try {
            let n = 0;
            for (;;) {
                const room = shared.length - n;
                const got = (0,external_node_fs_.readSync)(this.fd, shared, n, room, n);
                if (got < room) {
                    const at = until === undefined ? -1 : shared.indexOf(until, 0, 'latin1');
                    return shared.toString('latin1', 0, at >= 0 && at < n + got ? at : n + got);
                }
                n += got;
                if (n === shared.length) {
                    this.close();
                    return (0,external_node_fs_.readFileSync)(this.path, 'latin1');
                }
            }
        }
        catch (e) {
            this.lastError = e.code;
            this.close();
            return null;
        }
    }
    close() {
        if (this.fd !== null) {
            try {
                (0,external_node_fs_.closeSync)(this.fd);
            }
            catch {
                /* already closed */
            }
            this.fd = null;
        }
    }
}
/**
 * /proc/<pid>/stat reader that keeps descriptors open for the pids it is told to retain (tree
 * members: read every tick). Other pids (candidates) are opened when first read, and their descriptor
 * is kept if the next retain() names them (a new member), else closed there.
 */
class StatReader {
    procRoot;
    maxKept;
    kept = new Map();
    /**
     * Opened by stat() since the last retain(), not yet kept: at most FRESH_MAX (a tick reads at most 32
     * new pids one by one; a full scan reads every pid, and must not hold hundreds of descriptors open).
     */
    fresh = new Map();
    static FRESH_MAX = 32;
    constructor(procRoot, maxKept = 512) {
        this.procRoot = procRoot;
        this.maxKept = maxKept;
    }
    stat(pid) {
        let k = this.kept.get(pid) ?? this.fresh.get(pid);
        if (!k) {
            if (this.fresh.size >= StatReader.FRESH_MAX)
                this.closeFresh();
            k = new KeptFile(`${this.procRoot}/${pid}/stat`);
            this.fresh.set(pid, k);
        }
        const text = k.read();
        if (text === null) {
            k.close();
            this.kept.delete(pid);
            this.fresh.delete(pid);
            return null;
        }
        return parseProcStat(text);
    }
    /** Keeps descriptors for exactly these pids (up to maxKept), closing the rest. */
    retain(pids) {
        const want = firstPids(pids, this.maxKept);
        for (const [pid, k] of this.kept) {
            if (!want.has(pid)) {
                k.close();
                this.kept.delete(pid);
            }
        }
        for (const pid of want) {
            if (this.kept.has(pid))
                continue;
            const f = this.fresh.get(pid);
            this.fresh.delete(pid);
            this.kept.set(pid, f ?? new KeptFile(`${this.procRoot}/${pid}/stat`));
        }
        this.closeFresh();
    }
    closeFresh() {
        for (const k of this.fresh.values())
            k.close();
        this.fresh.clear();
    }
    get keptCount() {
        return this.kept.size;
    }
}
/** The most recently allocated pid of this pid namespace (5th field of /proc/loadavg), or null. */
function parseLastPid(loadavg) {
    // split on a string, not a RegExp: the sampler runs --jitless, where RegExps are interpreted.
    const f = loadavg.trim().split(' ');
    const n = Number(f[4]);
    return f.length >= 5 && f[4] !== '' && Number.isInteger(n) && n >= 0 ? n : null;
}

;// CONCATENATED MODULE: ./src/sampler/linux/cgroup.ts
// cgroup v2 CPU accounting as ground truth for the tree, when (and only while) it is usable.
//
// cpu.stat's usage_usec counts, in microseconds of runtime, everything every process of a cgroup
// (and its sub-cgroups) ever ran, including processes that exited unseen and daemons that were
// re-parented away. It is the tree's exact CPU only when the cgroup holds nothing but the tree:
// on GitHub-hosted runners Runner.Worker shares /system.slice/hosted-compute-agent.service with
// the runner's agent, and on most machines the root's cgroup holds its parent or a login shell.
// So it is checked each tick: every pid in the cgroup must be a tree member (or a new child of
// one, or the sampler, whose own CPU is subtracted), and every member must be in the cgroup.
// A tick that passes after a tick that passed takes its CPU from usage_usec; any other tick takes
// the procfs tracker's delta. The root cgroup ("/") is never used: it is the whole machine.


/** The cgroup v2 path of a process from /proc/<pid>/cgroup text (the `0::<path>` line), or null. */
function parseCgroupV2Path(text) {
    for (const line of text.split('\n')) {
        if (line.startsWith('0::'))
            return line.slice(3).trim() || null;
    }
    return null;
}
/** Mount point and root of the cgroup2 filesystem from /proc/self/mountinfo text, or null. */
function findCgroup2Mount(mountinfo) {
    for (const line of mountinfo.split('\n')) {
        const dash = line.indexOf(' - ');
        if (dash < 0)
            continue;
        const after = line.slice(dash + 3).split(' ');
        if (after[0] !== 'cgroup2')
            continue;
        const before = line.slice(0, dash).split(' ');
        // before: id parent major:minor root mountpoint options [optional fields...]
        return { root: unescapeMount(before[3]), mountPoint: unescapeMount(before[4]) };
    }
    return null;
}
function unescapeMount(s) {
    return s.replace(/\\([0-7]{3})/g, (_, o) => String.fromCharCode(Number.parseInt(o, 8)));
}
/**
 * Directory of a cgroup path under the cgroup2 mount, or null when it cannot be used: the root
 * cgroup (the whole machine), or a path outside what this mount shows (another cgroup namespace).
 */
function cgroupDir(mount, cgroupPath) {
    if (cgroupPath === '/' || cgroupPath.includes('/..'))
        return null;
    const root = mount.root === '/' ? '' : mount.root.replace(/\/$/, '');
    if (root && !(cgroupPath === root || cgroupPath.startsWith(`${root}/`)))
        return null;
    const rel = cgroupPath.slice(root.length);
    if (rel === '' || rel === '/')
        return null;
    return `${mount.mountPoint.replace(/\/$/, '')}${rel}`;
}
/** usage_usec from cpu.stat text, or null. */
function parseUsageUsec(cpuStat) {
    const m = /^usage_usec (\d+)/m.exec(cpuStat);
    return m ? Number(m[1]) : null;
}
function parsePidList(text) {
    const out = [];
    for (const s of text.split('\n'))
        if (s)
            out.push(Number(s));
    return out;
}
/** Pids of a cgroup and all its sub-cgroups, or null when cgroup.procs is unreadable. */
function listCgroupPids(dir) {
    const text = readSmallFile(`${dir}/cgroup.procs`);
    if (text === null)
        return null;
    const out = parsePidList(text);
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true });
    }
    catch {
        return out;
    }
    for (const e of entries) {
        if (!e.isDirectory())
            continue;
        const sub = listCgroupPids(`${dir}/${e.name}`);
        if (sub === null)
            return null;
        out.push(...sub);
    }
    return out;
}
/** The cgroup v2 directory holding `pid`, when cgroup v2 is mounted and the process is not in the root cgroup. */
function findCgroupDir(procRoot, pid) {
    const own = readSmallFile(`${procRoot}/${pid}/cgroup`);
    const mountinfo = readSmallFile(`${procRoot}/self/mountinfo`);
    if (own === null || mountinfo === null)
        return null;
    const path = parseCgroupV2Path(own);
    const mount = findCgroup2Mount(mountinfo);
    return path && mount ? cgroupDir(mount, path) : null;
}
function cgroupSource(dir) {
    return {
        pids: () => listCgroupPids(dir),
        usageUsec: () => {
            const t = readSmallFile(`${dir}/cpu.stat`);
            return t === null ? null : parseUsageUsec(t);
        },
    };
}
/**
 * Combines the procfs reading with the cgroup's usage_usec: cumulative CPU seconds that take each
 * tick's increase from the cgroup when the cgroup held only the tree at both ends of the tick.
 */
class CgroupAccount {
    cg;
    stat;
    clkTck;
    prevUsageUsec = null;
    prevExcludedTicks = 0;
    prevProcfs = null;
    acc = 0;
    reported = 0;
    /** Ticks whose increase came from the cgroup, and all ticks (for the report/diagnostics). */
    cgroupTicks = 0;
    ticks = 0;
    /** Why the last tick could not use the cgroup, if it could not. */
    lastReason = null;
    /** After a process outside the tree is seen in the cgroup, the check pauses for a while (it costs reads). */
    pausedUntilTick = 0;
    static PAUSE_TICKS = 60;
    constructor(cg, stat, clkTck) {
        this.cg = cg;
        this.stat = stat;
        this.clkTck = clkTck;
    }
    /** Call right after the tracker's read() of this tick. */
    combine(procfs, tree) {
        this.ticks++;
        const paused = this.ticks < this.pausedUntilTick;
        const pids = procfs.rootGone || paused ? null : this.cg.pids();
        const usage = pids === null ? null : this.cg.usageUsec();
        let excludedTicks = 0;
        let usable = pids !== null && usage !== null;
        if (usable) {
            const check = this.check(pids, tree);
            usable = check.ok;
            excludedTicks = check.excludedTicks;
            this.lastReason = check.ok ? null : check.reason;
            if (!check.ok && check.foreign)
                this.pausedUntilTick = this.ticks + CgroupAccount.PAUSE_TICKS;
        }
        else if (!paused)
            this.lastReason = 'cgroup files unreadable';
        let method = 'procfs';
        if (this.prevProcfs === null)
            this.acc = procfs.cpuSeconds;
        else if (usable && this.prevUsageUsec !== null) {
            this.acc += (usage - this.prevUsageUsec) / 1e6 - (excludedTicks - this.prevExcludedTicks) / this.clkTck;
            method = 'cgroup';
            this.cgroupTicks++;
        }
        else
            this.acc += procfs.cpuSeconds - this.prevProcfs;
        this.prevProcfs = procfs.cpuSeconds;
        this.prevUsageUsec = usable ? usage : null;
        this.prevExcludedTicks = excludedTicks;
        this.reported = Math.max(this.reported, this.acc);
        return { ...procfs, cpuSeconds: this.reported, method };
    }
    check(pids, tree) {
        const inCgroup = new Set(pids);
        let excludedTicks = 0;
        const stats = new Map();
        const statOf = (pid) => {
            if (!stats.has(pid))
                stats.set(pid, this.stat(pid));
            return stats.get(pid);
        };
        for (const pid of pids) {
            if (tree.isMember(pid))
                continue;
            const known = tree.isKnownOutside(pid);
            if (known === 'excluded') {
                const s = statOf(pid);
                if (s)
                    excludedTicks += s.utime + s.stime + s.cutime + s.cstime;
                continue;
            }
            if (known === 'escaped')
                return { ok: false, reason: `escaped process ${pid} is in the cgroup`, excludedTicks };
            const s = statOf(pid);
            if (!s)
                continue; // exited since the tracker's read
            // Born after the tracker's read: a child of a member (or of another such newcomer) is fine.
            let p = s.ppid;
            for (let hops = 0; !tree.isMember(p) && inCgroup.has(p) && hops < 64; hops++) {
                const ps = statOf(p);
                if (!ps)
                    break;
                p = ps.ppid;
            }
            if (!tree.isMember(p))
                return { ok: false, reason: `process ${pid} (parent ${s.ppid}) in the cgroup is not in the tree`, excludedTicks, foreign: true };
        }
        for (const pid of tree.memberPids()) {
            if (!inCgroup.has(pid) && statOf(pid))
                return { ok: false, reason: `tree process ${pid} is outside the cgroup`, excludedTicks };
        }
        return { ok: true, excludedTicks };
    }
}

;// CONCATENATED MODULE: ./src/sampler/linux/schedstat.ts
// /proc/<pid>/schedstat through kept descriptors, read at most once per tick and shared by the tree's
// refresh (look.ts) and the contention signals (contention.ts). The file holds three numbers for a task
// (here: a process's main thread): time on a CPU (ns), time runnable but waiting on a run queue (ns,
// "run delay") and the number of timeslices (kernel Documentation/scheduler/sched-stats.rst).

/**
 * A read through a kept descriptor failed with ESRCH: the process it was opened for has been reaped.
 * The descriptor was opened while the pid was a tree member (only members are read), so that member is
 * gone too: it was that process, or had died before the pid was taken again.
 */
const GONE = 'gone';
/** Time on CPU and run delay (ns) from /proc/<pid>/schedstat text, or null. */
function parseSchedstat(text) {
    const sp1 = text.indexOf(' ');
    const sp2 = sp1 < 0 ? -1 : text.indexOf(' ', sp1 + 1);
    if (sp2 < 0)
        return null;
    const onCpuNs = Number(text.slice(0, sp1));
    const runDelayNs = Number(text.slice(sp1 + 1, sp2));
    return Number.isFinite(onCpuNs) && Number.isFinite(runDelayNs) && onCpuNs >= 0 && runDelayNs >= 0 ? { onCpuNs, runDelayNs } : null;
}
class SchedstatReader {
    procRoot;
    maxKept;
    entries = new Map();
    tick = 0;
    constructor(procRoot, maxKept = 512) {
        this.procRoot = procRoot;
        this.maxKept = maxKept;
    }
    /** A new tick: the next read of each pid reads its file again. */
    nextTick() {
        this.tick++;
    }
    /**
     * The pid's main thread's counters, read once per tick (the object is reused: copy what must outlive
     * the tick); GONE when its process has been reaped; null when unreadable for another reason.
     */
    read(pid) {
        let e = this.entries.get(pid);
        if (e && e.tick === this.tick)
            return e.value;
        if (!e) {
            e = { file: new KeptFile(`${this.procRoot}/${pid}/schedstat`), tick: -1, value: null, look: { onCpuNs: 0, runDelayNs: 0, opened: false } };
            this.entries.set(pid, e);
        }
        const opened = !e.file.isOpen;
        const text = e.file.read();
        const v = text === null ? null : parseSchedstat(text);
        e.tick = this.tick;
        if (v) {
            e.look.onCpuNs = v.onCpuNs;
            e.look.runDelayNs = v.runDelayNs;
            e.look.opened = opened;
            e.value = e.look;
        }
        else
            e.value = text === null && !opened && e.file.lastError === 'ESRCH' ? GONE : null;
        return e.value;
    }
    /** Keeps descriptors for exactly these pids (up to maxKept), closing the rest. */
    retain(pids) {
        const want = firstPids(pids, this.maxKept);
        for (const [pid, e] of this.entries) {
            if (want.has(pid))
                continue;
            e.file.close();
            this.entries.delete(pid);
        }
    }
    close() {
        this.retain([]);
    }
    get keptCount() {
        return this.entries.size;
    }
}

;// CONCATENATED MODULE: ./src/sampler/linux/contention.ts


/** The "some" total (µs) of a cpu.pressure / /proc/pressure/cpu text, or null. */
function parsePressureSomeTotalUs(text) {
    const at = text.startsWith('some ') ? 0 : text.indexOf('\nsome ');
    if (at < 0)
        return null;
    const t = text.indexOf('total=', at);
    if (t < 0)
        return null;
    const n = Number.parseInt(text.slice(t + 6), 10);
    return Number.isFinite(n) && n >= 0 ? n : null;
}
/** The PSI total is read on one tick in this many (and on the first and the closing one). */
const PRESSURE_EVERY_TICKS = 10;
/** Most tasks read per tick: beyond this the tick stays cheap and the ratio is taken over the first ones. */
const MAX_TASKS_PER_TICK = 256;
class ContentionTracker {
    tasks = new Map();
    onCpuNs = 0;
    runDelayNs = 0;
    ticks = 0;
    pressureReads = 0;
    pressure;
    pressureScope;
    /** Whether the reader is this tracker's own (else the tree's source shares it and turns its ticks). */
    ownReader;
    schedstat;
    constructor(procRoot, cgroupDir, shared) {
        this.pressureScope = cgroupDir ? 'cgroup' : 'machine';
        this.pressure = new KeptFile(cgroupDir ? `${cgroupDir}/cpu.pressure` : `${procRoot}/pressure/cpu`);
        this.ownReader = !shared;
        this.schedstat = shared ?? new SchedstatReader(procRoot);
    }
    /** Reads the given live tree pids; returns the running totals, or undefined when no schedstat is readable. */
    read(pids, final = false) {
        const first = this.ticks++ === 0;
        if (this.ownReader)
            this.schedstat.nextTick();
        const seen = new Set();
        let readable = 0;
        for (const pid of pids) {
            if (seen.size >= MAX_TASKS_PER_TICK)
                break;
            seen.add(pid);
            const v = this.schedstat.read(pid);
            if (!v || v === GONE) {
                // Gone: a pid read again later is another process behind a new descriptor.
                this.tasks.delete(pid);
                continue;
            }
            readable++;
            const t = this.tasks.get(pid);
            if (t && !v.opened && v.onCpuNs >= t.onCpuNs && v.runDelayNs >= t.runDelayNs) {
                this.onCpuNs += v.onCpuNs - t.onCpuNs;
                this.runDelayNs += v.runDelayNs - t.runDelayNs;
            }
            else if (!first) {
                // Born during the job (or a reused pid behind a new descriptor): all of it happened in the job.
                this.onCpuNs += v.onCpuNs;
                this.runDelayNs += v.runDelayNs;
            }
            if (t) {
                t.onCpuNs = v.onCpuNs;
                t.runDelayNs = v.runDelayNs;
            }
            else
                this.tasks.set(pid, { onCpuNs: v.onCpuNs, runDelayNs: v.runDelayNs });
        }
        for (const pid of this.tasks.keys())
            if (!seen.has(pid))
                this.tasks.delete(pid);
        if (this.ownReader)
            this.schedstat.retain(seen);
        if (readable === 0)
            return undefined;
        const out = { runDelaySeconds: this.runDelayNs / 1e9, onCpuSeconds: this.onCpuNs / 1e9, tasks: readable };
        // PSI's total is a cumulative counter of which the gate uses the first and the last value: read on the
        // first reading, every PRESSURE_EVERY_TICKS, and on the closing one (`final`).
        if (this.pressureReads > 0 && !final && this.ticks % PRESSURE_EVERY_TICKS !== 0)
            return out;
        const p = this.pressure?.read();
        const us = p ? parsePressureSomeTotalUs(p) : null;
        if (us !== null && this.pressureScope) {
            out.pressureSomeSeconds = us / 1e6;
            out.pressureScope = this.pressureScope;
            this.pressureReads++;
        }
        return out;
    }
    close() {
        if (this.ownReader)
            this.schedstat.close();
        this.tasks.clear();
        this.pressure?.close();
    }
}

;// CONCATENATED MODULE: ./src/sampler/linux/proc-identity.ts
// What identifies a process beyond its stat line: its environment (the job's marker, a step's
// GITHUB_ACTION*), its command line, and the head of the script a shell step runs. Read once per
// process (a new step, a candidate escaped daemon), never per tick.


/** The environment a process was started with (NUL-separated NAME=value), or null when unreadable. */
function readEnviron(procRoot, pid) {
    try {
        return (0,external_node_fs_.readFileSync)(`${procRoot}/${pid}/environ`, 'latin1');
    }
    catch {
        return null;
    }
}
/** A process's argument vector (/proc/<pid>/cmdline), or null when unreadable or empty (a kernel thread, a zombie). */
function readCmdline(procRoot, pid) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(`${procRoot}/${pid}/cmdline`, 'utf8');
    }
    catch {
        return null;
    }
    if (!text)
        return null;
    const argv = text.split('\0');
    if (argv[argv.length - 1] === '')
        argv.pop();
    return argv.length ? argv : null;
}
/** The first `maxBytes` of a file (a step's script), or null. */
function readHead(file, maxBytes = 4096) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(file, 'r');
    }
    catch {
        return null;
    }
    try {
        const buf = Buffer.alloc(maxBytes);
        const n = (0,external_node_fs_.readSync)(fd, buf, 0, maxBytes, 0);
        return buf.toString('utf8', 0, n);
    }
    catch {
        return null;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** Whether a NUL-separated environ block holds exactly the entry `NAME=value`. */
function environHas(environ, entry) {
    for (let i = environ.indexOf(entry); i >= 0; i = environ.indexOf(entry, i + 1)) {
        const startsEntry = i === 0 || environ.charCodeAt(i - 1) === 0;
        const end = i + entry.length;
        const endsEntry = end === environ.length || environ.charCodeAt(end) === 0;
        if (startsEntry && endsEntry)
            return true;
    }
    return false;
}
/**
 * Whether `pid` is a process (its thread group's leader) and not another thread: thread ids share the
 * pid space, and /proc/<tid>/stat of a thread shows its whole process (so it must never be adopted).
 * False when the pid is gone.
 */
function isThreadGroupLeader(procRoot, pid) {
    const text = readSmallFile(`${procRoot}/${pid}/status`, true);
    if (text === null)
        return false;
    const i = text.indexOf('\nTgid:');
    return i >= 0 && Number.parseInt(text.slice(i + 6), 10) === pid;
}

;// CONCATENATED MODULE: ./src/sampler/linux/sysconf.ts
// USER_HZ and the page size of this machine, from the ELF auxiliary vector the kernel gave this process.

/**
 * AT_CLKTCK (17) and AT_PAGESZ (6) from an ELF auxiliary vector (/proc/self/auxv): the values
 * sysconf(_SC_CLK_TCK) and sysconf(_SC_PAGESIZE) return, without starting `getconf`.
 */
function parseAuxv(buf, wordBytes) {
    const out = {};
    const word = (at) => (wordBytes === 8 ? Number(buf.readBigUInt64LE(at)) : buf.readUInt32LE(at));
    for (let at = 0; at + 2 * wordBytes <= buf.length; at += 2 * wordBytes) {
        const type = word(at);
        if (type === 0)
            break;
        if (type === 17)
            out.clkTck = word(at + wordBytes);
        if (type === 6)
            out.pageBytes = word(at + wordBytes);
    }
    return out;
}
/** USER_HZ and the page size of this machine (100 and 4096 almost everywhere), read once. */
function systemConstants(procRoot = '/proc') {
    let found = {};
    try {
        const wordBytes = process.arch === 'arm' || process.arch === 'ia32' ? 4 : 8;
        if (!(process.arch === 'x64' || process.arch === 'arm64' || wordBytes === 4) || process.platform !== 'linux')
            throw new Error('unknown layout');
        found = parseAuxv((0,external_node_fs_.readFileSync)(`${procRoot}/self/auxv`), wordBytes);
    }
    catch {
        /* fall back below */
    }
    const ok = (n) => typeof n === 'number' && Number.isFinite(n) && n > 0 && n < 1 << 30;
    return { clkTck: ok(found.clkTck) ? found.clkTck : 100, pageBytes: ok(found.pageBytes) ? found.pageBytes : 4096 };
}

;// CONCATENATED MODULE: ./src/sampler/linux/look.ts

/**
 * The member's stat line, null when it is gone, or undefined when it cannot have changed since the last look.
 * `reapable`: its parent ran since the last look (its stat line was read) or vanished, so it may have been
 * reaped: its pid is looked up first, because a read of a reaped process throws, and a throw costs a
 * 1 Hz tick more than a hundred microseconds (cold code).
 */
function lookMember(src, pid, m, force, reapable = false) {
    if (reapable && src.exists?.(pid) === false)
        return null;
    const sched = src.schedstat?.(pid) ?? null;
    // Reaped: the stat read would fail too (a failed read throws, the dearest thing a tick does).
    if (sched === GONE)
        return null;
    if (!force && sched && !sched.opened && m.threads === 1 && m.runNs === sched.onCpuNs)
        return undefined;
    const s = src.stat(pid);
    if (s && s.starttime === m.starttime)
        m.runNs = sched?.onCpuNs;
    return s;
}

;// CONCATENATED MODULE: ./src/sampler/linux/steps.ts
const ENV_KEYS = [
    ['GITHUB_ACTION', 'action'],
    ['GITHUB_ACTION_REPOSITORY', 'actionRepository'],
    ['GITHUB_ACTION_REF', 'actionRef'],
    ['GITHUB_ACTION_PATH', 'actionPath'],
];
const SHELLS = new Set(['bash', 'sh', 'dash', 'zsh', 'ksh', 'pwsh', 'powershell', 'python', 'python3']);
const CLIP = 120;
/** Printable, one line, at most `max` characters (… when clipped). */
function clipText(s, max = CLIP) {
    const one = s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
    return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
function envValue(environ, name) {
    const key = `${name}=`;
    for (let i = environ.indexOf(key); i >= 0; i = environ.indexOf(key, i + 1)) {
        if (i !== 0 && environ.charCodeAt(i - 1) !== 0)
            continue;
        const end = environ.indexOf('\0', i);
        return environ.slice(i + key.length, end < 0 ? undefined : end);
    }
    return undefined;
}
/** First non-empty, non-comment line of a script. */
function firstLine(text) {
    for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (line && !line.startsWith('#'))
            return line;
    }
    return undefined;
}
/** Reads what names a step: its GITHUB_ACTION* variables, its script's first line, its command line. */
function describeStep(probe, pid, startS) {
    const info = { pid, startS };
    const env = probe.environ?.(pid) ?? null;
    if (env) {
        for (const [name, field] of ENV_KEYS) {
            const v = envValue(env, name);
            if (v)
                info[field] = clipText(v);
        }
    }
    const argv = probe.cmdline?.(pid) ?? null;
    if (argv?.length) {
        info.command = clipText(argv.join(' '));
        const prog = (argv[0].split('/').pop() ?? '').replace(/\.exe$/, '');
        if (SHELLS.has(prog)) {
            const c = argv.indexOf('-c');
            let script;
            if (c >= 0 && argv[c + 1] !== undefined)
                script = firstLine(argv[c + 1]);
            else {
                // The runner writes a run: step's script to a temp file and passes its path last (bash -e <file>).
                const file = argv[argv.length - 1];
                if (argv.length > 1 && file.startsWith('/')) {
                    const text = probe.head?.(file);
                    if (text)
                        script = firstLine(text);
                }
            }
            if (script)
                info.script = clipText(script);
        }
    }
    return info;
}
class StepBook {
    probe;
    stepDepth;
    clkTck;
    nowS;
    nextId = 1;
    live = new Map();
    constructor(probe, stepDepth, clkTck, nowS) {
        this.probe = probe;
        this.stepDepth = stepDepth;
        this.clkTck = clkTck;
        this.nowS = nowS;
    }
    /** The depth and step of a process that joins the tree under `parent`. */
    place(s, parent) {
        const depth = parent ? parent.depth + 1 : 0;
        if (parent?.step)
            return { depth, step: parent.step };
        if (depth !== this.stepDepth)
            return { depth, step: null };
        return { depth, step: this.open(s.pid, s.starttime, s.starttime / this.clkTck, false) };
    }
    /**
     * A step parent whose program changed (exec): from now on it is a step of its own. Its own CPU since
     * the last look goes to the new step (the shell's share before the exec is small next to the command
     * it became); what it used before, and the children it reaped, stay outside.
     */
    execed(pid, m, ownTicks) {
        if (m.step || m.depth !== this.stepDepth - 1 || m.depth < 1)
            return;
        m.step = this.open(pid, m.starttime, this.nowS(), true);
        m.base = m.ticks - Math.max(0, ownTicks);
    }
    carried(m, ticks) {
        if (m.step)
            m.step.carried += Math.max(0, ticks - m.base);
    }
    madeUp(a, ticks) {
        // The shortfall was carried by the reaper's step (reaped() below); its child times now hold it.
        if (a.step)
            a.step.carried -= ticks;
    }
    reaped(a, vanished, gotTicks, wantTicks) {
        const foreign = new Map();
        for (const v of vanished) {
            if (!v.step || v.step === a.step)
                continue;
            const f = foreign.get(v.step) ?? { want: 0, weight: Math.max(0, v.step.lastDelta) };
            f.want += v.ticks - v.base;
            foreign.set(v.step, f);
        }
        if (foreign.size) {
            const extra = Math.max(0, gotTicks - wantTicks);
            let weights = 0;
            for (const f of foreign.values())
                weights += f.weight;
            for (const [step, f] of foreign) {
                const credit = f.want + extra * (weights > 0 ? f.weight / weights : 1 / foreign.size);
                step.carried += credit;
                // The reaper's child times now hold this credit: its own step must not count it again.
                if (a.step)
                    a.base += credit;
            }
        }
        if (gotTicks < wantTicks && a.step)
            a.step.carried += wantTicks - gotTicks;
    }
    /** The reading of every live step, and of those whose processes are all gone (then forgotten). */
    reading(members) {
        const sums = new Map();
        for (const m of members)
            if (m.step)
                sums.set(m.step, (sums.get(m.step) ?? 0) + m.ticks - m.base);
        const out = [];
        for (const [id, step] of this.live) {
            const liveTicks = sums.get(step);
            const ticks = Math.max(step.lastTicks, step.carried + (liveTicks ?? 0));
            step.lastDelta = ticks - step.lastTicks;
            step.lastTicks = ticks;
            const r = { id, cpuSeconds: ticks / this.clkTck };
            if (liveTicks === undefined) {
                r.ended = true;
                this.live.delete(id);
            }
            if (!step.announced) {
                r.info = step.info;
                step.announced = true;
            }
            out.push(r);
        }
        return out;
    }
    open(pid, starttime, startS, exec) {
        const info = describeStep(this.probe, pid, startS);
        if (exec)
            info.exec = true;
        const step = { id: this.nextId++, pid, starttime, carried: 0, lastTicks: 0, lastDelta: 0, info, announced: false };
        this.live.set(step.id, step);
        return step;
    }
}

;// CONCATENATED MODULE: ./src/sampler/linux/tree-group.ts
const total = (s) => s.utime + s.stime + s.cutime + s.cstime;
function member(s, depth = 0, step = null) {
    return {
        starttime: s.starttime,
        ticks: total(s),
        prevTicks: total(s),
        childTicks: s.cutime + s.cstime,
        ppid: s.ppid,
        rssPages: s.rssPages,
        depth,
        step,
        base: 0,
        comm: s.comm,
        threads: s.numThreads ?? 0,
        zombie: s.state === 'Z',
    };
}
/**
 * A set of processes whose CPU is conserved: sum() = Σ live members' totals + carried ticks of
 * members that left it (alive, or reaped by a non-member). Used for the tree and for its escapees.
 */
class Group {
    hooks;
    members = new Map();
    carried = 0;
    /** Ticks carried because a vanished member's reaper was not a member (or did not account it). */
    lost = 0;
    /**
     * Shortfalls of the last refresh, per live ancestor. A tick reads members one by one, so a parent read
     * just before it reaped a child shows that child only at the next read: the shortfall carried now
     * is taken back from the carried (and lost) ticks when the ancestor's child times make it up then.
     */
    shortfalls = new Map();
    constructor(hooks) {
        this.hooks = hooks;
    }
    sum() {
        let S = this.carried;
        for (const m of this.members.values())
            S += m.ticks;
        return S;
    }
    /** A member leaves the group alive: `inTreeTicks` (what it used while in it) stay counted here. */
    release(pid, m, inTreeTicks) {
        this.members.delete(pid);
        this.carried += inTreeTicks;
        this.hooks?.carried(m, inTreeTicks);
    }
    /**
     * Re-reads every member. Vanished members must have been reaped into a live member's child times;
     * per nearest live ancestor, the shortfall is carried (and, when `countLoss`, counted as lost).
     * Returns, per live ancestor, the last totals of the vanished members it now holds.
     * `look` returns a member's stat line, null when it is gone, or undefined when it cannot have changed
     * (see look.ts); such a member whose parent vanished or exited has been re-parented, and is read then
     * with `force`. `reapable`: its parent was read this tick (it ran, and may have reaped it) or vanished.
     */
    refresh(look, countLoss) {
        const vanished = new Map();
        const prevChildTicks = new Map();
        const execed = [];
        const unchanged = [];
        const apply = (pid, m, s) => {
            if (!s || s.starttime !== m.starttime) {
                this.members.delete(pid);
                vanished.set(pid, m);
                return;
            }
            prevChildTicks.set(pid, m.childTicks);
            const ownBefore = m.ticks - m.childTicks;
            m.prevTicks = m.ticks;
            m.ticks = total(s);
            m.childTicks = s.cutime + s.cstime;
            m.ppid = s.ppid;
            m.rssPages = s.rssPages;
            m.threads = s.numThreads ?? 0;
            m.zombie = s.state === 'Z';
            if (s.comm !== undefined && s.comm !== m.comm) {
                if (m.comm !== undefined)
                    execed.push([pid, m, m.ticks - m.childTicks - ownBefore]);
                m.comm = s.comm;
            }
        };
        // Members come in order of adoption, parents before their children.
        for (const [pid, m] of this.members) {
            const s = look(pid, m, false, prevChildTicks.has(m.ppid) || vanished.has(m.ppid));
            if (s === undefined)
                unchanged.push([pid, m]);
            else
                apply(pid, m, s);
        }
        for (const [pid, m] of unchanged) {
            if (vanished.has(m.ppid) || this.members.get(m.ppid)?.zombie)
                apply(pid, m, look(pid, m, true, true) ?? null);
            else {
                prevChildTicks.set(pid, m.childTicks);
                m.prevTicks = m.ticks;
            }
        }
        const expected = this.settle(vanished, prevChildTicks, countLoss);
        // After the reaping is settled: a step parent that exec'd starts its step from its current total.
        for (const [pid, m, own] of execed)
            this.hooks?.execed(pid, m, own);
        return expected;
    }
    settle(vanished, prevChildTicks, countLoss) {
        const expected = new Map();
        for (const m of vanished.values()) {
            let a = m.ppid;
            for (let hops = 0; vanished.has(a) && hops < vanished.size; hops++)
                a = vanished.get(a).ppid;
            if (this.members.has(a)) {
                const e = expected.get(a) ?? { want: 0, list: [] };
                e.want += m.ticks;
                e.list.push(m);
                expected.set(a, e);
            }
            else {
                this.carry(m.ticks, countLoss);
                this.hooks?.carried(m, m.ticks);
            }
        }
        const grew = (a) => this.members.get(a).childTicks - (prevChildTicks.get(a) ?? 0);
        // Last refresh's shortfalls, made up by what the ancestor's child times gained beyond this refresh's reaps.
        const pending = this.shortfalls;
        this.shortfalls = new Map();
        const back = new Map();
        for (const [a, owed] of pending) {
            if (!this.members.has(a))
                continue;
            const spare = grew(a) - (expected.get(a)?.want ?? 0);
            const b = Math.min(owed, Math.max(0, spare));
            if (b <= 0)
                continue;
            this.carried -= b;
            this.lost -= b;
            back.set(a, b);
            this.hooks?.madeUp(this.members.get(a), b);
        }
        const wants = new Map();
        for (const [a, { want, list }] of expected) {
            const am = this.members.get(a);
            const got = grew(a);
            if (got < want) {
                this.carry(want - got, true);
                this.shortfalls.set(a, want - got);
            }
            // The step book sees only this refresh's reaps (what was made up is no one's extra).
            this.hooks?.reaped(am, list, got - (back.get(a) ?? 0), want);
            wants.set(a, want);
        }
        return wants;
    }
    carry(ticks, isLoss) {
        this.carried += ticks;
        if (isLoss)
            this.lost += ticks;
    }
}

;// CONCATENATED MODULE: ./src/sampler/linux/tree.ts




/** Above this many pids allocated since the previous tick, one /proc listing is cheaper than reading each. */
const NEW_PIDS_READ_MAX = 32;
/** Missing pids among this many last allocated are looked up again at the next tick (forks in flight). */
const RECHECK_LAST_PIDS = 2;
class TreeTracker {
    src;
    opts;
    /** Per-step accounting; null when `stepDepth` is 0 (off: the bench's peer). */
    steps;
    tree;
    /** Processes that left the tree alive, their descendants, and marked processes found outside it. */
    escaped = new Group();
    /** What escaped members had used when they left (already counted in the tree). */
    escapedBase = 0;
    /** Pids in the previous /proc listing: only pids not in it are read on an ordinary tick. */
    seen = new Set();
    prevLastPid = null;
    /** Pids allocated just before the last look whose process was not there yet (see step()). */
    recheck = [];
    lastS = 0;
    monotoneFix = 0;
    tick = 0;
    rootStart = null;
    rootGone = false;
    exclude;
    /** Members adopted by the last read's discovery. */
    adopted = new Set();
    constructor(src, opts) {
        this.src = src;
        this.opts = opts;
        this.exclude = new Set(opts.excludePids ?? []);
        const nowS = opts.nowS ?? (() => Number(process.hrtime.bigint()) / 1e9);
        const stepDepth = opts.stepDepth ?? 1;
        this.steps = stepDepth > 0 ? new StepBook(src, stepDepth, opts.clkTck, nowS) : null;
        this.tree = new Group(this.steps ?? undefined);
    }
    read(options = {}) {
        const fullScan = options.fullScan ?? this.tick % (this.opts.fullScanEvery ?? 30) === 0;
        this.tick++;
        this.src.beginTick?.();
        this.adopted.clear();
        if (!this.rootGone)
            this.step(fullScan);
        else
            this.escaped.refresh((pid) => this.src.stat(pid), false);
        let S = this.tree.sum() + this.monotoneFix;
        if (S < this.lastS) {
            // No rule explains the drop (should not happen): keep S monotone and count it as lost.
            this.monotoneFix += this.lastS - S;
            S = this.lastS;
        }
        this.lastS = S;
        const steps = this.steps?.reading(this.tree.members.values()) ?? [];
        let rss = 0;
        for (const m of this.tree.members.values())
            rss += m.rssPages;
        const clk = this.opts.clkTck;
        return {
            cpuSeconds: S / clk,
            rssBytes: rss * this.opts.pageBytes,
            processes: this.tree.members.size,
            escapedCpuSeconds: Math.max(0, this.escaped.sum() - this.escapedBase) / clk,
            method: 'procfs',
            ...(this.rootGone ? { rootGone: true } : {}),
            ...(steps.length ? { steps } : {}),
        };
    }
    /** CPU seconds the tree lost track of (members reaped outside the tree between two ticks). */
    get lostCpuSeconds() {
        return (this.tree.lost + this.monotoneFix) / this.opts.clkTck;
    }
    /** Whether a pid is a live member of the tree at the last read (for the cgroup cross-check). */
    isMember(pid) {
        return this.tree.members.has(pid);
    }
    /** Whether a pid is known outside the tree: excluded (the sampler and its helpers) or escaped. */
    isKnownOutside(pid) {
        if (this.exclude.has(pid))
            return 'excluded';
        return this.escaped.members.has(pid) ? 'escaped' : null;
    }
    /** Live pids of the tree (read-only view). */
    memberPids() {
        return this.tree.members.keys();
    }
    /** Live pids of the tree that the last read refreshed (not those its discovery adopted). */
    *refreshedPids() {
        for (const pid of this.tree.members.keys())
            if (!this.adopted.has(pid))
                yield pid;
    }
    step(fullScan) {
        const rootPid = this.opts.rootPid;
        // Read before anything else: a process created after this read moves it for the next tick.
        const lastPid = this.src.lastPid?.() ?? null;
        const created = lastPid === null || this.prevLastPid === null || lastPid !== this.prevLastPid;
        const wrapped = lastPid !== null && this.prevLastPid !== null && lastPid < this.prevLastPid;
        const since = this.prevLastPid;
        this.prevLastPid = lastPid;
        // The root. A different starttime under the same pid means the root is gone and the pid reused.
        // Undefined: it has not run since the last look (look.ts), so it is there and unchanged.
        const known = this.tree.members.get(rootPid);
        const root = known ? lookMember(this.src, rootPid, known, fullScan) : this.src.stat(rootPid);
        if (root === null || (root && this.rootStart !== null && root.starttime !== this.rootStart)) {
            this.rootGone = true;
            const last = this.tree.members.get(rootPid);
            if (last) {
                // Nothing inside the tree reaps the root: keep its last total; its children escape below.
                this.tree.members.delete(rootPid);
                this.tree.carried += last.ticks;
            }
        }
        else if (this.rootStart === null && root) {
            this.rootStart = root.starttime;
            this.tree.members.set(rootPid, member(root));
        }
        const reaped = this.tree.refresh((pid, m, force, reapable) => (pid === rootPid && !force ? root : lookMember(this.src, pid, m, force || fullScan, reapable)), true);
        // Members whose parent is no longer a member have been re-parented away: carry what they used
        // while in the tree (their total at the previous look, plus the members they reaped since, which
        // S held), and follow them (with their descendants) in the escaped group, where the rest of their
        // total counts as escaped. Repeat until stable.
        for (let changed = true; changed;) {
            changed = false;
            for (const [pid, m] of this.tree.members) {
                if (pid === rootPid || this.tree.members.has(m.ppid))
                    continue;
                const inTree = Math.min(m.ticks, m.prevTicks + (reaped.get(pid) ?? 0));
                this.tree.release(pid, m, inTree);
                this.escaped.members.set(pid, m);
                this.escapedBase += inTree;
                changed = true;
            }
        }
        this.escaped.refresh((pid) => this.src.stat(pid), false);
        const recheck = this.recheck;
        this.recheck = [];
        if (this.rootGone || !(fullScan || wrapped || created || recheck.length)) {
            // nothing new to look for
        }
        else if (!fullScan && !wrapped && lastPid !== null && since !== null && lastPid - since <= NEW_PIDS_READ_MAX && this.src.isProcess && this.opts.discovery !== 'list') {
            const pids = [...recheck];
            for (let pid = since + 1; pid <= lastPid; pid++)
                pids.push(pid);
            const missing = this.discover(pids, true, true);
            // A pid is allocated (and shown in loadavg) before its process is attached to it: a fork in flight
            // at the loadavg read has no /proc entry yet. The last few allocated are looked up once more.
            for (const pid of missing)
                if (pid > lastPid - RECHECK_LAST_PIDS && !recheck.includes(pid))
                    this.recheck.push(pid);
        }
        else
            this.discover(this.src.listPids(), fullScan || wrapped, false);
        this.src.retain?.(this.followed());
    }
    *followed() {
        yield* this.tree.members.keys();
        yield* this.escaped.members.keys();
    }
    /**
     * New members (and escaped daemons carrying the marker) among new pids, or among all pids on a full
     * scan. `byPid`: the pids allocated since the previous tick (threads among them are skipped), not a listing.
     */
    discover(pids, fullScan, byPid) {
        const prev = this.seen;
        if (!byPid)
            this.seen = new Set(pids);
        const candidates = [];
        const missing = [];
        for (const pid of pids) {
            if (this.tree.members.has(pid) || this.escaped.members.has(pid) || this.exclude.has(pid))
                continue;
            if (!fullScan && prev.has(pid))
                continue;
            const s = byPid && this.src.exists?.(pid) === false ? null : this.src.stat(pid);
            if (!s)
                missing.push(pid);
            // A stat line with one thread is the process itself; with more, the pid may be one of its threads.
            else if (!byPid || s.numThreads === 1 || this.src.isProcess?.(pid))
                candidates.push(s);
        }
        if (!candidates.length)
            return missing;
        const byParent = new Map();
        for (const s of candidates) {
            const list = byParent.get(s.ppid);
            if (list)
                list.push(s);
            else
                byParent.set(s.ppid, [s]);
        }
        const taken = new Set();
        const adopt = (from, into) => {
            const queue = [...from];
            while (queue.length) {
                for (const s of byParent.get(queue.pop()) ?? []) {
                    if (taken.has(s.pid))
                        continue;
                    taken.add(s.pid);
                    into(s);
                    queue.push(s.pid);
                }
            }
        };
        // Descendants of excluded pids (the sampler's helpers) are excluded too; then the tree; then escapees' children.
        adopt([...this.exclude], (s) => this.exclude.add(s.pid));
        adopt([...this.tree.members.keys()], (s) => {
            const parent = this.tree.members.get(s.ppid);
            const { depth, step } = this.steps?.place(s, parent) ?? { depth: (parent?.depth ?? -1) + 1, step: null };
            this.tree.members.set(s.pid, member(s, depth, step));
            this.adopted.add(s.pid);
        });
        adopt([...this.escaped.members.keys()], (s) => this.escaped.members.set(s.pid, member(s)));
        // Processes outside the tree that carry the job's marker and started after the root: escaped daemons.
        const marker = this.opts.marker;
        if (!marker || !this.src.environ || this.rootStart === null)
            return missing;
        const marked = [];
        for (const s of candidates) {
            if (taken.has(s.pid) || s.starttime < this.rootStart)
                continue;
            const env = this.src.environ(s.pid);
            if (env === null || !environHas(env, marker))
                continue;
            taken.add(s.pid);
            this.escaped.members.set(s.pid, member(s));
            marked.push(s.pid);
        }
        adopt(marked, (s) => this.escaped.members.set(s.pid, member(s)));
        return missing;
    }
}

;// CONCATENATED MODULE: ./src/sampler/linux/readers.ts







/** Environment entries that mark every process a job starts, in order of preference. */
const MARKER_VARIABLES = ['RUNNER_TRACKING_ID', 'CARBON_GATE_TRACKING_ID'];
/** How often the tracker re-reads every pid, whatever the sampling rate (the first read always does). */
const FULL_SCAN_EVERY_MS = 300_000;
function procSource(procRoot) {
    const stats = new StatReader(procRoot);
    const schedstats = new SchedstatReader(procRoot);
    const loadavg = new KeptFile(`${procRoot}/loadavg`);
    return {
        schedstats,
        stat: (pid) => stats.stat(pid),
        schedstat: (pid) => schedstats.read(pid),
        beginTick: () => schedstats.nextTick(),
        listPids: () => listPids(procRoot),
        exists: (pid) => pidExists(procRoot, pid),
        environ: (pid) => readEnviron(procRoot, pid),
        isProcess: (pid) => isThreadGroupLeader(procRoot, pid),
        cmdline: (pid) => readCmdline(procRoot, pid),
        head: (file) => readHead(file),
        lastPid: () => {
            const t = loadavg.read();
            return t === null ? null : parseLastPid(t);
        },
        retain: (pids) => {
            const list = [...pids];
            stats.retain(list);
            schedstats.retain(list);
        },
    };
}
/** The `NAME=value` marker inherited from the job (the sampler is started from inside it), or undefined. */
function jobMarker(env) {
    for (const name of MARKER_VARIABLES) {
        const v = env[name];
        if (v)
            return `${name}=${v}`;
    }
    return undefined;
}
/**
 * `CARBON_GATE_TREE_METHOD=procfs` turns the cgroup cross-check off (used by the benchmark to
 * measure the procfs tracker alone); anything else, or unset, means auto-detect.
 */
function createLinuxReaders(opts) {
    const procRoot = opts.procRoot ?? '/proc';
    const env = opts.env ?? process.env;
    const { clkTck, pageBytes } = systemConstants(procRoot);
    const src = procSource(procRoot);
    const tracker = opts.rootPid
        ? new TreeTracker(src, { rootPid: opts.rootPid, clkTck, pageBytes, excludePids: opts.excludePids, marker: jobMarker(env), stepDepth: opts.stepDepth, discovery: opts.discovery })
        : null;
    const cgDir = opts.rootPid && env.CARBON_GATE_TREE_METHOD !== 'procfs' ? findCgroupDir(procRoot, opts.rootPid) : null;
    const cgroup = tracker && cgDir ? new CgroupAccount(cgroupSource(cgDir), src.stat, clkTck) : null;
    const contention = tracker ? new ContentionTracker(procRoot, cgDir, src.schedstats) : null;
    let lastFullScanMs = -Infinity;
    const procStat = new KeptFile(`${procRoot}/stat`);
    const meminfo = new KeptFile(`${procRoot}/meminfo`);
    return {
        machine() {
            // The cpu lines (before the long intr line), and the first five lines of meminfo.
            const stat = procStat.read('\nintr ');
            const mem = meminfo.read('\nSwapCached:');
            if (stat === null || mem === null)
                throw new Error(`cannot read ${procRoot}/stat or ${procRoot}/meminfo`);
            const cpu = parseCpuLine(stat);
            return {
                cpu: { busySeconds: cpu.busyTicks / clkTck, totalSeconds: cpu.totalTicks / clkTck, logicalCpus: cpu.logicalCpus, stealSeconds: cpu.stealTicks / clkTck },
                mem: parseMeminfo(mem),
            };
        },
        tree: tracker
            ? () => {
                const now = performance.now();
                const fullScan = now - lastFullScanMs >= FULL_SCAN_EVERY_MS;
                if (fullScan)
                    lastFullScanMs = now;
                const r = tracker.read({ fullScan });
                return cgroup ? cgroup.combine(r, tracker) : r;
            }
            : undefined,
        /**
         * Scheduler counters of the tree's live members at the last tree read (call right after tree()). A
         * member adopted by that read is counted from the next (whole: it was born during the job): most
         * processes of a churning job are gone by then, which saves an open and a close of its schedstat.
         */
        contention: tracker && contention ? (final) => contention.read(tracker.refreshedPids(), final) : undefined,
        /** Live pids of the tree at the last read (the GPU source keeps only these). */
        treePids: tracker ? () => new Set(tracker.memberPids()) : undefined,
    };
}

;// CONCATENATED MODULE: ./src/app/load.ts
// The I/O half of finishing a run: everything read from the run directory, /proc, the data tables and
// the network (instance metadata, a live intensity) before the pure computation. Shared by post and the CLI.











/**
 * When the sampler died without its last sample, post reads the machine (and the tree, from scratch)
 * itself so that the totals still reach the end of the job. The tree value cannot be lower than the
 * last recorded one; what re-parented processes used since is not known, hence the partial flag.
 */
function closingSample(info, last) {
    if (process.platform !== 'linux')
        return null;
    try {
        const readers = createLinuxReaders({ rootPid: info.rootPid, excludePids: [process.pid] });
        const { cpu, mem } = readers.machine();
        const s = { v: 1, monoS: Number(process.hrtime.bigint()) / 1e9, wallMs: Date.now(), cpu, mem, faults: ['closing sample taken by post: the sampler had stopped'] };
        const tree = info.rootPid ? readers.tree?.(info.rootPid) : undefined;
        if (tree && !tree.rootGone && last?.tree)
            s.tree = { ...tree, cpuSeconds: Math.max(tree.cpuSeconds, last.tree.cpuSeconds), escapedCpuSeconds: last.tree.escapedCpuSeconds };
        return s;
    }
    catch {
        return null;
    }
}
function lastSampleOf(text) {
    let end = text.length;
    while (end > 0) {
        const nl = text.lastIndexOf('\n', end - 1);
        const s = parseSampleLine(text.slice(nl + 1, end).trim());
        if (s)
            return s;
        end = nl;
        if (nl < 0)
            break;
    }
    return null;
}
function samplerLogWarning(runDir) {
    let log;
    try {
        log = (0,external_node_fs_.readFileSync)(external_node_path_default().join(runDir, LOG_FILE), 'utf8').trim().split('\n').filter((l) => l && !/ note: /.test(l));
    }
    catch {
        return null; // no log: nothing went wrong (or the run directory vanished, which the samples show)
    }
    return log.length ? `The sampler logged ${log.length} problem(s); first: ${log[0].replace(/^\S+ /, '')}` : null;
}
async function loadRun(o) {
    const { runDir, info, settings, env } = o;
    const warnings = [...(o.warnings ?? [])];
    const samplesPath = external_node_path_default().join(runDir, SAMPLES_FILE);
    const hasSamples = (0,external_node_fs_.existsSync)(samplesPath);
    const partial = o.samplerEnded === 'killed' || o.samplerEnded === 'not-running' || (o.samplerEnded === 'saved' && !o.marker);
    if (partial && o.samplerEnded === 'saved') {
        warnings.push('The sampler left no completion marker: it was killed or crashed before the end of the run.');
    }
    else if (partial) {
        warnings.push(o.samplerEnded === 'killed'
            ? 'The sampler did not stop cleanly and was killed; the last interval was closed by post.'
            : 'The sampler was no longer running when post started (killed or crashed); the last interval was closed by post.');
        const tail = hasSamples ? readSlice(samplesPath, 64 * 1024, true) : '';
        const closing = hasSamples ? closingSample(info, lastSampleOf(tail)) : null;
        try {
            if (closing)
                (0,external_node_fs_.appendFileSync)(samplesPath, `${tail && !tail.endsWith('\n') ? '\n' : ''}${JSON.stringify(closing)}\n`);
        }
        catch (e) {
            warnings.push(`The closing sample could not be appended to samples.jsonl (${e.message}).`);
        }
    }
    const logWarning = samplerLogWarning(runDir);
    if (logWarning)
        warnings.push(logWarning);
    // GPUs seen in the samples complete the hardware facts used for model selection. The first GPU
    // reading comes with the first ticks: the head of the file is enough.
    const facts = { ...info.facts, gpus: [...info.facts.gpus] };
    if (hasSamples && !facts.gpus.length)
        facts.gpus.push(...firstGpuNames(readSlice(samplesPath, 1024 * 1024)));
    const tables = loadTables();
    // Network only when asked for: instance metadata (≤ 300 ms) and a live intensity (1 s, cached per run).
    const cloud = o.cloud !== undefined ? o.cloud : settings.detectCloud ? await detectCloud({ env }) : null;
    if (settings.detectCloud && !cloud)
        warnings.push('detect-cloud: no instance metadata service answered within 300 ms; the model uses the inputs and defaults.');
    const model = withInputErrors(() => selectModel({ facts, settings: modelSettingsOf(settings), tables, cloud }));
    const live = o.live !== undefined ? o.live : settings.electricityMapsToken ? await liveIntensityFor({ settings: { ...modelSettingsOf(settings), electricityMapsToken: settings.electricityMapsToken }, model, tables, cacheFile: external_node_path_default().join(runDir, CACHE_FILE_NAME), env }) : null;
    return { samplesPath, hasSamples, partial, warnings, facts, tables, model, live };
}

;// CONCATENATED MODULE: ./src/app/finish.ts
// Turns a run directory into a result and the summary text: load (I/O) → integrate (streamed) →
// compute (pure). Writing the outputs is the output registry's job (app/outputs/). Shared by post and the CLI.







const OUTPUT_FILES = { emissionsCsv: 'emissions.csv', carbonGateCsv: 'carbon-gate.csv', samplesCsv: 'samples.csv', stepsCsv: 'steps.csv', json: 'carbon-gate.json', summary: 'summary.md' };
function outputPaths(runDir) {
    return {
        emissionsCsv: external_node_path_default().join(runDir, OUTPUT_FILES.emissionsCsv),
        carbonGateCsv: external_node_path_default().join(runDir, OUTPUT_FILES.carbonGateCsv),
        samplesCsv: external_node_path_default().join(runDir, OUTPUT_FILES.samplesCsv),
        stepsCsv: external_node_path_default().join(runDir, OUTPUT_FILES.stepsCsv),
        json: external_node_path_default().join(runDir, OUTPUT_FILES.json),
        summary: external_node_path_default().join(runDir, OUTPUT_FILES.summary),
    };
}
async function finishRun(o) {
    const env = o.env ?? process.env;
    const loaded = await loadRun({ ...o, env });
    const files = outputPaths(o.runDir);
    const integrated = integrateSamples({
        samplesPath: loaded.samplesPath,
        samplesCsvPath: files.samplesCsv,
        model: loaded.model,
        band: bandModels({ model: loaded.model, facts: loaded.facts, settings: modelSettingsOf(o.settings), tables: loaded.tables, scope: o.settings.scope }),
        scope: o.settings.scope,
        intervalSeconds: o.settings.sampleIntervalSeconds,
        marker: o.marker,
    });
    const { result, summary } = computeRun({
        info: o.info,
        settings: o.settings,
        facts: loaded.facts,
        tables: loaded.tables,
        model: loaded.model,
        live: loaded.live,
        energy: integrated.energy,
        band: integrated.band,
        contention: integrated.contention,
        steps: integrated.steps,
        apiSteps: o.apiSteps,
        ...(o.selfPid !== undefined ? { selfPid: o.selfPid } : {}),
        stats: integrated.stats,
        integrity: integrated.integrity,
        samplesPresent: integrated.samplesPresent,
        coveredTicks: integrated.coveredTicks,
        partial: loaded.partial || integrated.partial,
        warnings: [...loaded.warnings, ...integrated.warnings],
        marker: o.marker,
        baseline: o.baseline ?? { records: [], status: 'disabled' },
        nowMs: Date.now(),
        serverUrl: env.GITHUB_SERVER_URL,
        ...(o.artifact ? { artifact: o.artifact } : {}),
        fileNames: { 'emissions.csv': files.emissionsCsv, 'carbon-gate.csv': files.carbonGateCsv, 'samples.csv': files.samplesCsv, 'steps.csv': files.stepsCsv, 'carbon-gate.json': files.json },
    });
    return { result, summary, settings: o.settings, runDir: o.runDir, files };
}

;// CONCATENATED MODULE: ./src/core/report/codecarbon-csv.ts

const CODECARBON_COLUMNS = [
    'timestamp', 'project_name', 'run_id', 'experiment_id', 'duration', 'emissions', 'emissions_rate',
    'cpu_power', 'gpu_power', 'ram_power', 'cpu_energy', 'gpu_energy', 'ram_energy', 'energy_consumed', 'water_consumed',
    'country_name', 'country_iso_code', 'region', 'cloud_provider', 'cloud_region', 'os', 'python_version', 'codecarbon_version',
    'cpu_count', 'cpu_model', 'gpu_count', 'gpu_model', 'longitude', 'latitude', 'ram_total_size', 'tracking_mode',
    'cpu_utilization_percent', 'gpu_utilization_percent', 'ram_utilization_percent', 'ram_used_gb', 'on_cloud', 'pue', 'wue',
];
/**
 * Water-usage effectiveness, L/kWh. No source carbon-gate ships gives one for the runner's data
 * centre, so water is 0 with wue 0, CodeCarbon's own default (METHODOLOGY §5).
 */
const WUE_LITRES_PER_KWH = 0;
/** CodeCarbon's "GB" is bytes / 1024³ (B_TO_GB = 1024 * 1024 * 1024 in codecarbon/external/hardware.py). */
const CODECARBON_GB = 1024 ** 3;
const pad = (n) => String(n).padStart(2, '0');
/**
 * CodeCarbon's timestamp: `datetime.now().strftime("%Y-%m-%dT%H:%M:%S")`, local time without zone or
 * fraction. `offsetMinutes` is the local offset from UTC (east positive), so the function stays pure.
 */
function codecarbonTimestamp(wallMs, offsetMinutes) {
    const d = new Date(Math.floor(wallMs / 1000) * 1000 + offsetMinutes * 60_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
/** The local UTC offset at a moment, east positive (the adapter's default for codecarbonTimestamp). */
const localOffsetMinutes = (wallMs) => -new Date(wallMs).getTimezoneOffset();
/** Python's platform.platform() shape: "Linux-6.1.0-x86_64", "macOS-14.0-arm64", "Windows-10.0.26100-AMD64". */
function platformString(os, release, arch) {
    const sys = os === 'linux' ? 'Linux' : os === 'darwin' ? 'macOS' : os === 'win32' ? 'Windows' : os;
    const machine = os === 'win32' ? (arch === 'x64' ? 'AMD64' : arch === 'arm64' ? 'ARM64' : arch) : arch === 'x64' ? 'x86_64' : arch === 'arm64' && os === 'linux' ? 'aarch64' : arch;
    return `${sys}-${release}-${machine}`;
}
function codecarbonRow(r, offsetMinutes) {
    const e = r.energy;
    const em = r.emissions;
    const d = e.durationSeconds;
    const place = em.intensity.place ?? {};
    const pue = em.pue;
    // CodeCarbon multiplies each measured energy by the PUE before writing (energy *= pue).
    const kwh = (whAtMachine) => (whAtMachine / 1000) * pue;
    const energyKwh = kwh(e.cpuWh) + kwh(e.ramWh) + kwh(e.gpuWh);
    const emissionsKg = em.operationalGCo2e / 1000;
    const tree = e.scope === 'process-tree' && e.avgTreeUtil !== null;
    const memTotal = e.avgMemoryTotalBytes ?? r.hardware.memoryBytes;
    return {
        timestamp: codecarbonTimestamp(r.endedWallMs, offsetMinutes),
        project_name: r.job.repository ?? 'carbon-gate',
        run_id: r.job.runId ?? '',
        experiment_id: r.job.key,
        duration: d,
        emissions: emissionsKg,
        emissions_rate: d > 0 ? emissionsKg / d : 0,
        cpu_power: e.avgCpuWatts,
        gpu_power: e.avgGpuWatts,
        ram_power: e.avgRamWatts,
        cpu_energy: kwh(e.cpuWh),
        gpu_energy: kwh(e.gpuWh),
        ram_energy: kwh(e.ramWh),
        energy_consumed: energyKwh,
        water_consumed: energyKwh * WUE_LITRES_PER_KWH,
        country_name: place.countryName ?? '',
        country_iso_code: place.countryIso3 ?? '',
        // CodeCarbon's region is a state, province or city; no shipped table names one for a cloud region.
        region: '',
        cloud_provider: place.cloudProvider ?? r.model.provider ?? '',
        cloud_region: place.cloudRegion ?? '',
        os: platformString(r.hardware.os, r.hardware.osRelease, r.hardware.arch),
        python_version: '',
        codecarbon_version: '',
        cpu_count: r.model.vcpus,
        cpu_model: r.hardware.cpuModel,
        gpu_count: e.gpuCount,
        gpu_model: e.gpuModels.join('; '),
        longitude: '',
        latitude: '',
        ram_total_size: r.hardware.memoryBytes / CODECARBON_GB,
        // CodeCarbon: "machine" measures the whole machine, "process" the tracked process (and children).
        tracking_mode: e.scope === 'process-tree' ? 'process' : 'machine',
        cpu_utilization_percent: (tree ? e.avgTreeUtil : e.avgMachineUtil) * 100,
        gpu_utilization_percent: (e.avgGpuUtil ?? 0) * 100,
        ram_utilization_percent: e.avgMemoryUsedBytes !== undefined && memTotal > 0 ? (e.avgMemoryUsedBytes / memTotal) * 100 : 0,
        ram_used_gb: (e.avgMemoryUsedBytes ?? 0) / CODECARBON_GB,
        on_cloud: place.cloudProvider || r.model.provider ? 'Y' : 'N',
        pue,
        wue: WUE_LITRES_PER_KWH,
    };
}
/** Header and one row; `offsetMinutes` defaults to the local zone, as CodeCarbon's datetime.now(). */
function emissionsCsv(r, offsetMinutes = localOffsetMinutes(r.endedWallMs)) {
    const row = codecarbonRow(r, offsetMinutes);
    return csvLine([...CODECARBON_COLUMNS]) + csvLine(CODECARBON_COLUMNS.map((c) => row[c]));
}

;// CONCATENATED MODULE: ./src/core/report/carbon-gate-csv.ts


const CARBON_GATE_COLUMNS = [
    'timestamp', 'run_id', 'run_attempt', 'job', 'sha', 'ref',
    'operational_gco2e', 'embodied_gco2e', 'total_gco2e', 'gated_gco2e', 'gated_includes_embodied',
    'energy_wh', 'energy_wh_with_pue', 'carbon_intensity_gco2e_per_kwh', 'intensity_location', 'intensity_source',
    'power_model_id', 'power_model', 'model_band_low_gco2e', 'model_band_high_gco2e',
    'cpu_provenance', 'ram_provenance', 'gpu_provenance',
    'scope', 'tree_cpu_seconds', 'machine_cpu_seconds', 'escaped_cpu_seconds', 'samples', 'partial', 'verdict', 'tool_version',
];
function carbonGateRow(r, offsetMinutes) {
    const e = r.energy;
    const em = r.emissions;
    const p = r.provenance;
    return {
        timestamp: codecarbonTimestamp(r.endedWallMs, offsetMinutes),
        run_id: r.job.runId ?? '',
        run_attempt: r.job.runAttempt ?? '',
        job: r.job.label,
        sha: r.job.sha ?? '',
        ref: r.job.ref ?? '',
        operational_gco2e: em.operationalGCo2e,
        embodied_gco2e: em.embodiedGCo2e,
        total_gco2e: em.totalGCo2e,
        gated_gco2e: em.gatedGCo2e,
        gated_includes_embodied: em.gatedGCo2e === em.totalGCo2e && em.embodiedGCo2e > 0,
        energy_wh: e.totalWh,
        energy_wh_with_pue: e.totalWh * em.pue,
        carbon_intensity_gco2e_per_kwh: em.intensity.gCo2ePerKwh,
        intensity_location: em.intensity.location,
        intensity_source: em.intensity.source,
        power_model_id: r.model.id,
        power_model: r.model.label,
        model_band_low_gco2e: r.modelBand?.lowGCo2e ?? null,
        model_band_high_gco2e: r.modelBand?.highGCo2e ?? null,
        cpu_provenance: p?.cpu.status ?? e.cpu,
        ram_provenance: p?.memory.status ?? e.ram,
        gpu_provenance: p?.gpu.status ?? e.gpu,
        scope: e.scope,
        tree_cpu_seconds: e.treeCpuSeconds,
        machine_cpu_seconds: e.machineCpuSeconds,
        escaped_cpu_seconds: e.escapedCpuSeconds,
        samples: e.samples,
        partial: r.quality.partial,
        verdict: r.verdict.status,
        tool_version: r.tool.version,
    };
}
function carbonGateCsv(r, offsetMinutes = localOffsetMinutes(r.endedWallMs)) {
    const row = carbonGateRow(r, offsetMinutes);
    return csvLine([...CARBON_GATE_COLUMNS]) + csvLine(CARBON_GATE_COLUMNS.map((c) => row[c]));
}

;// CONCATENATED MODULE: ./src/app/outputs/files.ts
// emissions.csv, carbon-gate.csv, carbon-gate.json and summary.md in the run directory (samples.csv is streamed while
// the samples are integrated, see app/integrate.ts). The report exists once computed: a file that cannot be
// written (disk full, read-only or vanished directory) is a warning, added to the summary that the job
// summary output writes next, never a lost verdict.




const filesOutput = {
    name: 'files',
    target: 'run-dir',
    enabled: () => true,
    write(finished, sink) {
        const { result, summary, files } = finished;
        const unwritten = [];
        for (const [file, text] of [
            [files.emissionsCsv, () => emissionsCsv(result)],
            [files.carbonGateCsv, () => carbonGateCsv(result)],
            [files.json, () => JSON.stringify(result, null, 2)],
            [files.summary, () => summary],
        ]) {
            try {
                (0,external_node_fs_.writeFileSync)(file, text());
            }
            catch (e) {
                unwritten.push(`${external_node_path_default().basename(file)} (${e.code ?? e.message})`);
            }
        }
        if (!unwritten.length)
            return;
        const w = `Output files could not be written: ${unwritten.join(', ')}.`;
        result.quality.warnings.push(w);
        finished.summary = `${summary}\n> [!WARNING]\n> ${w}\n`;
        sink.warn(w);
    },
};

;// CONCATENATED MODULE: ./src/core/report/steps-csv.ts

const STEPS_COLUMNS = [
    'step', 'kind', 'number', 'name_source', 'started_at', 'ended_at', 'duration_seconds', 'cpu_seconds',
    'cpu_wh', 'ram_wh', 'gpu_wh', 'energy_wh', 'operational_gco2e', 'embodied_gco2e', 'total_gco2e', 'gated_gco2e', 'share', 'processes',
];
const iso = (ms) => (ms === null ? '' : new Date(ms).toISOString());
function stepsCsv(rows) {
    let out = csvLine([...STEPS_COLUMNS]);
    for (const r of rows) {
        out += csvLine([
            r.name, r.kind, r.number ?? '', r.nameSource, iso(r.startedWallMs), iso(r.endedWallMs), r.durationSeconds, r.cpuSeconds,
            r.cpuWh, r.ramWh, r.gpuWh, r.totalWh, r.operationalGCo2e, r.embodiedGCo2e, r.totalGCo2e, r.gatedGCo2e, r.share, r.instances,
        ]);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/app/outputs/steps.ts
// steps.csv in the run directory: one row per step and the outside-steps row (a header only when the
// sampler saw no steps, so the artifact always has the file).


const stepsCsvOutput = {
    name: 'steps.csv',
    target: 'run-dir',
    enabled: () => true,
    write({ result, files }) {
        (0,external_node_fs_.writeFileSync)(files.stepsCsv, stepsCsv(result.steps ?? []));
    },
};

;// CONCATENATED MODULE: ./src/app/outputs/run-dir.ts
// The registry's run-directory outputs: files written next to the samples, by post and the CLI alike.
// A new file output is one module in this directory and one line here.


const RUN_DIR_OUTPUTS = [
    filesOutput,
    stepsCsvOutput,
];

;// CONCATENATED MODULE: ./src/app/outputs/run.ts
/**
 * Runs the enabled outputs of `targets`: run-dir, job and export outputs one after another in list order, then
 * the network outputs side by side (the slowest bounds post, not their sum). Never throws: a failing
 * output becomes a warning naming it.
 */
async function runOutputs(outputs, finished, sink, targets) {
    const chosen = outputs.filter((o) => targets.includes(o.target));
    const guard = async (o) => {
        if (!o.enabled(finished.settings)) {
            if (o.offNote)
                sink.note(o.offNote);
            return;
        }
        try {
            await o.write(finished, sink);
        }
        catch (e) {
            sink.warn(`${o.name} failed: ${e instanceof Error ? e.message : String(e)}`);
        }
    };
    for (const o of chosen.filter((x) => x.target !== 'network'))
        await guard(o);
    await Promise.all(chosen.filter((x) => x.target === 'network').map(guard));
}

;// CONCATENATED MODULE: ./src/app/outputs/exports.ts
// The metric exports (Prometheus Pushgateway, OTLP) as one registry output. Post and the CLI run it
// after the verdict; the engines' own list and their lazy clients stay in export/outputs.ts, so a
// run without an export destination loads none of them. A failed push is a warning, never a failure.

const exportsOutput = {
    name: 'metric export',
    target: 'export',
    enabled: (settings) => exportsEnabled(settings),
    async write({ result, settings }, sink) {
        // The engines' messages already start with "carbon-gate:"; the sink adds its own prefix.
        const bare = (m) => m.replace(/^carbon-gate: /, '');
        await runExports(result, settings, {
            info: (m) => sink.note(m),
            warning: (m) => sink.warn(bare(m)),
            setSecret: (v) => sink.setSecret?.(v),
        });
    },
};

;// CONCATENATED MODULE: ./src/app/job.ts
function jobFromEnv(env, jobName) {
    const workflow = env.GITHUB_WORKFLOW;
    const job = env.GITHUB_JOB;
    const runId = env.GITHUB_RUN_ID;
    const repository = env.GITHUB_REPOSITORY;
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const label = jobName ?? job ?? 'local run';
    return {
        ...(workflow ? { workflow } : {}),
        ...(job ? { job } : {}),
        ...(runId ? { runId } : {}),
        ...(env.GITHUB_RUN_ATTEMPT ? { runAttempt: Number(env.GITHUB_RUN_ATTEMPT) } : {}),
        ...(env.GITHUB_SHA ? { sha: env.GITHUB_SHA } : {}),
        ...(env.GITHUB_REF ? { ref: env.GITHUB_REF } : {}),
        ...(repository ? { repository } : {}),
        ...(repository && runId ? { runUrl: `${server}/${repository}/actions/runs/${runId}` } : {}),
        key: `${workflow ?? 'local'}/${jobName ?? job ?? 'job'}/default`,
        label,
    };
}

;// CONCATENATED MODULE: ./src/app/run-info.ts
// run.json: what post (or `carbon-gate report`) needs to turn a run directory into a report.



const RUN_INFO_FILE = 'run.json';
/** The mkdtemp prefix of a run directory: `carbon-gate-` under the parent, RUNNER_TEMP or the OS temp dir. */
function runDirPrefix(env, parent, p = (external_node_path_default())) {
    return p.join(parent ?? env.RUNNER_TEMP ?? external_node_os_default().tmpdir(), 'carbon-gate-');
}
/** A fresh private directory for this run (mode 0700) under RUNNER_TEMP or the OS temp dir. */
function makeRunDir(env, parent) {
    const dir = (0,external_node_fs_.mkdtempSync)(runDirPrefix(env, parent));
    (0,external_node_fs_.chmodSync)(dir, 0o700);
    return dir;
}
function publicSettings(s) {
    const { token: _t, electricityMapsToken: _e, pushgatewayUrl: _pu, pushgatewayHeaders: _ph, otlpEndpoint: _oe, otlpHeaders: _oh, ...rest } = s;
    return rest;
}
/** The settings saved in run.json, completed with empty secrets and no export destination. */
function savedSettings(info) {
    // run.json files written before the export inputs or require-measurement existed lack them.
    const saved = info.settings;
    return { ...info.settings, requireMeasurement: saved.requireMeasurement ?? false, exportLabels: saved.exportLabels ?? {}, exportRunId: saved.exportRunId ?? false, token: '', electricityMapsToken: null, pushgatewayUrl: null, pushgatewayHeaders: {}, otlpEndpoint: null, otlpHeaders: {} };
}
function writeRunInfo(dir, info) {
    (0,external_node_fs_.writeFileSync)(external_node_path_default().join(dir, RUN_INFO_FILE), JSON.stringify(info, null, 2), { mode: 0o600 });
}
/** Reads run.json; a truncated, corrupt or incomplete file throws an Error that says which. */
function readRunInfo(dir) {
    const file = external_node_path_default().join(dir, RUN_INFO_FILE);
    const text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    let info;
    try {
        info = JSON.parse(text);
    }
    catch (e) {
        throw new Error(`${file} is truncated or corrupt (${e.message})`, { cause: e });
    }
    if (!info || typeof info !== 'object')
        throw new Error(`${file} does not hold a run description`);
    if (info.v !== 1)
        throw new Error(`${file} has an unknown format version ${String(info.v)}`);
    const missing = ['settings', 'facts', 'job'].filter((k) => !info[k] || typeof info[k] !== 'object');
    if (missing.length)
        throw new Error(`${file} is incomplete: no ${missing.join(', ')}`);
    return info;
}

;// CONCATENATED MODULE: ./src/app/out-dir.ts
// The CLI's --out directory: created with care, never someone else's files, one run at a time.
//
// - Under /proc or /sys nothing is ours to write: refused at once. (Node's recursive mkdir loops forever
//   there: procfs answers mkdir("/proc/x") with ENOENT although /proc exists, and mkdirSync({ recursive })
//   takes ENOENT to mean "parent missing", re-creates the parent (EEXIST) and retries the child, at 100 %
//   CPU. Seen with strace on Linux 6.x, Node 20 and 24. So the missing parts are created here one by one.)
// - A directory we did not create (no OWNER_FILE) that holds anything is refused unless --force.
// - A lock file (O_EXCL, holding our pid) keeps a second run off the same directory; a lock whose pid is
//   gone is stale and taken over.



const OWNER_FILE = '.carbon-gate';
const LOCK_FILE = '.carbon-gate.lock';
const FORBIDDEN_ROOTS = ['/proc', '/sys'];
const under = (p, root) => p === root || p.startsWith(`${root}/`);
function refuse(raw, why) {
    throw new InputError('--out', raw, why);
}
/** The nearest existing ancestor of `dir` (or `dir` itself), resolved through symlinks. */
function existingAncestor(dir) {
    const missing = [];
    let p = dir;
    while (!(0,external_node_fs_.existsSync)(p)) {
        missing.unshift(external_node_path_default().basename(p));
        const parent = external_node_path_default().dirname(p);
        if (parent === p)
            break;
        p = parent;
    }
    return { existing: p, missing };
}
function pidAlive(pid) {
    if (!Number.isInteger(pid) || pid <= 1)
        return false;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code === 'EPERM';
    }
}
function takeLock(dir, raw) {
    const lock = external_node_path_default().join(dir, LOCK_FILE);
    for (let attempt = 0; attempt < 2; attempt++) {
        try {
            const fd = (0,external_node_fs_.openSync)(lock, 'wx', 0o600);
            (0,external_node_fs_.writeSync)(fd, String(process.pid));
            (0,external_node_fs_.closeSync)(fd);
            return lock;
        }
        catch (e) {
            if (e.code !== 'EEXIST')
                refuse(raw, `a writable directory (cannot create ${LOCK_FILE}: ${e.code ?? e.message})`);
            let holder = NaN;
            try {
                holder = Number((0,external_node_fs_.readFileSync)(lock, 'utf8').trim());
            }
            catch {
                /* vanished meanwhile: try again */
            }
            if (pidAlive(holder) && holder !== process.pid)
                refuse(raw, `a directory no other carbon-gate run is using (pid ${holder} holds ${LOCK_FILE}; wait for it or choose another --out)`);
            try {
                (0,external_node_fs_.unlinkSync)(lock); // stale: its process is gone
            }
            catch {
                /* someone else removed it */
            }
        }
    }
    return refuse(raw, `a directory no other carbon-gate run is using (${LOCK_FILE} keeps coming back)`);
}
/** Creates or checks --out and locks it. Throws InputError (exit 2) with the reason. */
function prepareOutDir(raw, opts) {
    const dir = external_node_path_default().resolve(raw);
    const { existing, missing } = existingAncestor(dir);
    let real;
    try {
        real = external_node_path_default().join((0,external_node_fs_.realpathSync)(existing), ...missing);
    }
    catch (e) {
        return refuse(raw, `a path that can be resolved (${e.code ?? e.message})`);
    }
    if (FORBIDDEN_ROOTS.some((r) => under(real, r) || under(dir, r)))
        refuse(raw, 'a directory outside /proc and /sys');
    if (!(0,external_node_fs_.statSync)(existing).isDirectory())
        refuse(raw, `a directory path (${existing} is not a directory)`);
    if (missing.length === 0) {
        const entries = (0,external_node_fs_.readdirSync)(dir).filter((n) => n !== LOCK_FILE);
        if (entries.length > 0 && !entries.includes(OWNER_FILE) && !opts.force) {
            refuse(raw, 'a new or empty directory, or the --out of an earlier carbon-gate run; it holds files carbon-gate did not write (add --force to write into it anyway)');
        }
    }
    else {
        try {
            (0,external_node_fs_.accessSync)(existing, external_node_fs_.constants.W_OK);
        }
        catch {
            refuse(raw, `a path under a writable directory (${existing} is not writable)`);
        }
        let p = existing;
        for (const part of missing) {
            p = external_node_path_default().join(p, part);
            try {
                (0,external_node_fs_.mkdirSync)(p, { mode: 0o700 });
            }
            catch (e) {
                refuse(raw, `a path where a directory can be created (mkdir ${p}: ${e.code ?? e.message})`);
            }
        }
    }
    const lock = takeLock(dir, raw);
    try {
        if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(dir, OWNER_FILE)))
            (0,external_node_fs_.writeFileSync)(external_node_path_default().join(dir, OWNER_FILE), 'Written by carbon-gate: this directory holds its run files and may be overwritten by the next run.\n');
    }
    catch (e) {
        (0,external_node_fs_.unlinkSync)(lock);
        refuse(raw, `a writable directory (${e.code ?? e.message})`);
    }
    return {
        dir,
        release: () => {
            try {
                if ((0,external_node_fs_.readFileSync)(lock, 'utf8').trim() === String(process.pid))
                    (0,external_node_fs_.unlinkSync)(lock);
            }
            catch {
                /* gone already */
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/app/signal-relay.ts
// Holds SIGINT/SIGTERM that arrive while the CLI starts the sampler, and hands them to the command once it runs.
/**
 * Signals that arrive while the sampler starts (before the command runs) are held and handed to the
 * command as soon as it exists, so an early Ctrl-C still ends with a report rather than a dead CLI.
 */
class SignalRelay {
    early = [];
    target = null;
    handlers = ['SIGINT', 'SIGTERM'].map((sig) => {
        const h = () => (this.target ? this.target(sig) : void this.early.push(sig));
        process.on(sig, h);
        return [sig, h];
    });
    forwardTo(send) {
        this.target = send;
        for (const sig of this.early.splice(0))
            send(sig);
    }
    close() {
        for (const [sig, h] of this.handlers)
            process.off(sig, h);
    }
}

;// CONCATENATED MODULE: ./src/app/start.ts
// Starting a measurement: hardware facts, the run directory, the detached sampler and run.json.









/**
 * Checks the inputs that need the data tables (region, country, instance type, model) so that a typo
 * fails the first step with a clear message rather than surfacing only in post. Throws InputError.
 */
function validateAgainstTables(settings, facts, env = process.env) {
    const modelSettings = modelSettingsOf(settings);
    const ownData = env[DATA_DIR_ENV]?.trim();
    try {
        const tables = loadTables(resolveDataDir(env));
        withInputErrors(() => {
            const model = selectModel({ facts, settings: modelSettings, tables, cloud: null });
            resolveIntensity({ settings: modelSettings, model, facts, tables, live: null });
        });
    }
    catch (e) {
        // A data directory of the user's own (a provider added as rows) that does not load is their input's fault.
        if (ownData && !(e instanceof InputError))
            throw new InputError(DATA_DIR_ENV, ownData, `a copy of data/ whose tables load (${e.message})`);
        throw e;
    }
}
function startMeasurement(args) {
    const facts = args.facts ?? readHardwareFacts(args.env);
    const runDir = args.runDir ?? makeRunDir(args.env);
    const samplerPid = startSampler(args.samplerScript, {
        rootPid: args.rootPid,
        intervalSeconds: args.settings.sampleIntervalSeconds,
        outDir: runDir,
        gpu: args.settings.gpu,
        rapl: args.settings.rapl,
        ...(args.stepDepth ? { stepDepth: args.stepDepth } : {}),
        ...(args.env.CARBON_GATE_PROC_ROOT ? { procRoot: args.env.CARBON_GATE_PROC_ROOT } : {}),
        ...(args.env.CARBON_GATE_SYSFS_ROOT ? { sysfsRoot: args.env.CARBON_GATE_SYSFS_ROOT } : {}),
        ...(args.exitWithParent ? { parentPid: process.pid } : {}),
        ...(process.platform === 'win32' ? { treeEveryTicks: Math.max(1, Math.round(WIN32_TREE_PERIOD_SECONDS / args.settings.sampleIntervalSeconds)) } : {}),
    }, { detached: args.detached ?? true });
    const info = {
        v: 1,
        settings: publicSettings(args.settings),
        facts,
        job: args.job,
        rootPid: args.rootPid,
        samplerPid,
        samplerScript: args.samplerScript,
        startedWallMs: Date.now(),
        startedMonoS: Number(process.hrtime.bigint()) / 1e9,
        ...(args.instance && args.instance > 1 ? { instance: args.instance } : {}),
    };
    writeRunInfo(runDir, info);
    return { runDir, samplerPid, info };
}

;// CONCATENATED MODULE: ./src/app/cli.ts
// carbon-gate CLI: measure a command locally with the same sampler, model and report as the action.
























const ALIASES = { interval: 'sample-interval', budget: 'budget-gco2e' };
const defaultIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), isTTY: process.stdout.isTTY === true };
const FORMATS = ['text', 'markdown', 'json'];
/** --format, or text on a terminal and markdown when redirected. */
function outputFormat(flag, isTTY) {
    if (flag === undefined)
        return isTTY ? 'text' : 'markdown';
    const f = flag.trim().toLowerCase();
    if (FORMATS.includes(f))
        return f;
    throw new InputError('--format', flag, "'text', 'markdown' or 'json'");
}
/** The report on stdout in the chosen format; colour only for text on a terminal without NO_COLOR. */
function printReport(result, summary, format, io, env) {
    if (format === 'json')
        io.out(JSON.stringify(result, null, 2) + '\n');
    else if (format === 'markdown')
        io.out(summary);
    else
        io.out(markdownToText(summary, { color: io.isTTY === true && !env.NO_COLOR }));
}
/** Splits argv into flags (input name → raw value) and the rest; `help` when -h/--help came before the command. */
function parseFlags(args) {
    const flags = new Map();
    let help = false;
    const known = new Set([...INPUTS.map((i) => i.name), 'out', 'format', 'force']);
    let i = 0;
    for (; i < args.length; i++) {
        const a = args[i];
        if (a === '--') {
            i++;
            break;
        }
        if (isHelpFlag(a)) {
            help = true;
            continue;
        }
        if (!a.startsWith('--'))
            break;
        const eq = a.indexOf('=');
        let name = a.slice(2, eq < 0 ? undefined : eq);
        name = ALIASES[name] ?? name;
        if (!known.has(name) || name === 'token')
            throw new InputError(`--${a.slice(2, eq < 0 ? undefined : eq)}`, a, `one of --${[...known].filter((k) => k !== 'token').join(', --')}, --interval`);
        let value;
        if (name === 'force' && eq < 0)
            value = 'true';
        else if (eq >= 0)
            value = a.slice(eq + 1);
        else {
            value = args[++i];
            if (value === undefined)
                throw new InputError(`--${name}`, '', 'a value after the flag');
        }
        flags.set(name, value);
    }
    return help ? { flags, rest: args.slice(i), help: true } : { flags, rest: args.slice(i) };
}
function runChild(command, relay) {
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(command[0], command.slice(1), { stdio: 'inherit' });
        relay.forwardTo((sig) => child.kill(sig));
        child.on('error', (e) => {
            process.stderr.write(`carbon-gate: cannot run ${JSON.stringify(command[0])}: ${e.message}\n`);
            resolve(127);
        });
        child.on('exit', (code, signal) => {
            // A command killed by a signal exits like a shell reports it: 128 + the signal number.
            resolve(code ?? (signal ? 128 + ((external_node_os_default()).constants.signals[signal] ?? 0) : 1));
        });
    });
}
/** The registry's run-directory outputs (emissions.csv, carbon-gate.json, summary.md, …); problems on stderr. */
async function writeRunDirOutputs(finished, io) {
    await runOutputs(RUN_DIR_OUTPUTS, finished, { warn: (m) => io.err(`carbon-gate: warning: ${m}\n`), note: () => undefined, github: null }, ['run-dir']);
}
async function cmdRun(args, io, env) {
    const { flags, rest, help } = parseFlags(args);
    if (help) {
        io.out(RUN_USAGE);
        return 0;
    }
    if (!rest.length)
        throw new InputError('command', '', 'a command after the options, e.g. carbon-gate run -- npm test');
    const settings = parseSettings((name) => flags.get(name));
    const format = outputFormat(flags.get('format'), io.isTTY === true);
    const facts = readHardwareFacts(env);
    validateAgainstTables(settings, facts, env);
    const force = flags.get('force');
    if (force !== undefined && force !== 'true' && force !== 'false')
        throw new InputError('--force', force, "no value (or 'true' / 'false')");
    const out = prepareOutDir(flags.get('out') ?? 'carbon-gate-report', { force: force === 'true' });
    try {
        return await measureInto({ outDir: out.dir, rest, settings, facts, format }, io, env);
    }
    finally {
        out.release();
    }
}
async function measureInto({ outDir, rest, settings, facts, format }, io, env) {
    for (const f of [SAMPLES_FILE, MARKER_FILE, LOG_FILE, CONFIG_FILE, RUN_INFO_FILE, ...Object.values(OUTPUT_FILES)])
        (0,external_node_fs_.rmSync)(external_node_path_default().join(outDir, f), { force: true });
    const job = { ...jobFromEnv({}, settings.jobName ?? rest.join(' ').slice(0, 80)), key: `local/${settings.jobName ?? external_node_path_default().basename(rest[0])}/default` };
    // Every process the command starts inherits this marker, so a daemon that double-forks out of the tree
    // is still recognised as the command's (shown as escaped CPU), as RUNNER_TRACKING_ID does on a runner.
    process.env.CARBON_GATE_TRACKING_ID ??= (0,external_node_crypto_namespaceObject.randomUUID)();
    const relay = new SignalRelay();
    let code;
    let started;
    try {
        // The command is the CLI's child; its own children are the steps (bash -c 'npm ci && npm test' → two).
        started = startMeasurement({ env, settings, job, rootPid: process.pid, samplerScript: samplerScript(import.meta.url), facts, runDir: outDir, exitWithParent: true, stepDepth: 2 });
        const first = await waitForFirstSample(started.samplerPid, outDir, 5000);
        if (first !== 'written')
            io.err(`carbon-gate: warning: the sampler ${first === 'exited' ? 'exited without writing a sample' : 'has not written a first sample after 5 s'}; measuring anyway.\n`);
        code = await runChild(rest, relay);
    }
    finally {
        relay.close();
    }
    const stop = await stopSampler(started.samplerPid, started.info.samplerScript, outDir);
    const finished = await finishRun({ runDir: outDir, info: started.info, settings, marker: stop.marker, samplerEnded: stop.how, env });
    await writeRunDirOutputs(finished, io);
    const { result, summary, files } = finished;
    printReport(result, summary, format, io, env);
    await runOutputs([exportsOutput], finished, { warn: (m) => io.err(`carbon-gate: warning: ${m}\n`), note: (m) => io.err(`${m}\n`), github: null }, ['export']);
    io.err(`\ncarbon-gate: ${verdictLine(result, settings)}\nfiles: ${files.emissionsCsv}, ${files.carbonGateCsv}, ${files.samplesCsv}, ${files.stepsCsv}, ${files.json}, ${files.summary}\n`);
    if (code !== 0)
        return code;
    return result.verdict.failBuild ? EXIT_GATE_FAILED : 0;
}
async function cmdReport(argv, io, env) {
    if (argv.some(isHelpFlag)) {
        io.out(REPORT_USAGE);
        return 0;
    }
    const { flags, rest: args } = parseFlags(argv);
    if ([...flags.keys()].some((k) => k !== 'format'))
        throw new InputError('report options', argv.join(' '), 'only --format before the run directory');
    const format = outputFormat(flags.get('format'), io.isTTY === true);
    const dir = args[0];
    if (!dir || args.length > 1)
        throw new InputError('run-dir', args.join(' '), 'exactly one run directory (the --out of an earlier `carbon-gate run`, or the action’s run directory)');
    if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(dir, RUN_INFO_FILE)))
        throw new InputError('run-dir', dir, `a directory holding ${RUN_INFO_FILE} and ${SAMPLES_FILE}`);
    let finished;
    try {
        const info = readRunInfo(dir);
        finished = await finishRun({ runDir: dir, info, settings: savedSettings(info), marker: readMarker(dir), samplerEnded: 'saved', cloud: null, live: null });
    }
    catch (e) {
        // A damaged run directory is a usage problem (exit 2), told in one line, not a stack trace.
        io.err(`carbon-gate: cannot report on ${dir}: ${e.message}\n`);
        return EXIT_USAGE;
    }
    await writeRunDirOutputs(finished, io);
    const { result, summary } = finished;
    printReport(result, summary, format, io, env);
    return result.verdict.failBuild ? EXIT_GATE_FAILED : 0;
}
function cliSink(io) {
    return { info: (m) => io.err(`${m}\n`), warning: (m) => io.err(`warning: ${m}\n`), setSecret: () => undefined };
}
/** `carbon-gate export <run-dir>...`: pushes saved results (carbon-gate.json) to the configured engines. */
async function cmdExport(args, io) {
    const { flags, rest, help } = parseFlags(args);
    if (help) {
        io.out(EXPORT_USAGE);
        return 0;
    }
    if (!rest.length)
        throw new InputError('run-dir', '', 'one or more run directories holding carbon-gate.json (an action run directory, a `carbon-gate run --out` directory or a downloaded artifact)');
    const settings = parseSettings((name) => flags.get(name));
    if (!exportsEnabled(settings))
        throw new InputError('--prometheus-pushgateway-url', '', 'a Pushgateway URL and/or --otlp-endpoint: export needs a destination');
    const results = rest.map((dir) => {
        const file = external_node_path_default().join(dir, OUTPUT_FILES.json);
        if (!(0,external_node_fs_.existsSync)(file))
            throw new InputError('run-dir', dir, `a directory holding ${OUTPUT_FILES.json}`);
        return { dir, result: JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8')) };
    });
    let failed = 0;
    for (const { dir, result } of results) {
        io.err(`carbon-gate: exporting ${dir} (${result.job.label})\n`);
        if ((await runExports(result, settings, cliSink(io))).length)
            failed++;
    }
    return failed ? 1 : 0;
}
async function runCli(argv, io = defaultIo, env = process.env) {
    const [cmd, ...args] = argv;
    try {
        if (!cmd) {
            io.out(USAGE);
            return EXIT_USAGE;
        }
        if (isHelpFlag(cmd)) {
            io.out(USAGE);
            return 0;
        }
        if (cmd === 'help') {
            if (args.length > 1 || (args[0] !== undefined && !commandUsage(args[0])))
                throw new InputError('help', args.join(' '), "nothing, 'run', 'report' or 'export'");
            io.out((args[0] !== undefined && commandUsage(args[0])) || USAGE);
            return 0;
        }
        if (isVersionFlag(cmd) || cmd === 'version') {
            io.out(`${version/* VERSION */.x}\n`);
            return 0;
        }
        if (cmd === 'run')
            return await cmdRun(args, io, env);
        if (cmd === 'report')
            return await cmdReport(args, io, env);
        if (cmd === 'export')
            return await cmdExport(args, io);
        throw new InputError('command', cmd, "'run', 'report', 'export', 'help', '--help' or '--version'");
    }
    catch (e) {
        if (e instanceof InputError) {
            io.err(`carbon-gate: ${e.message}\n\n${commandUsage(cmd) ?? USAGE}`);
            return EXIT_USAGE;
        }
        throw e;
    }
}


/***/ }),

/***/ 9789:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ jobSeries),
/* harmony export */   f: () => (/* binding */ groupingPath)
/* harmony export */ });
/* harmony import */ var _verdict_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3632);
// The series one job exports to a metrics engine (Pushgateway or OTLP). Pure: a RunResult in, plain
// data out; the adapters in src/export/ turn it into the text exposition or an OTLP request.
//
// Names follow the Prometheus conventions (https://prometheus.io/docs/practices/naming/): a
// `carbon_gate_` prefix, snake case, the base unit as a suffix (grams, watt_hours, seconds).

const VERDICTS = ['pass', 'warn', 'fail'];
/** `https://github.com/o/r` from the run URL, or from the repository on github.com. */
function repositoryUrl(job) {
    const m = job.runUrl ? /^(.*)\/actions\/runs\//.exec(job.runUrl) : null;
    if (m)
        return m[1];
    return job.repository ? `https://github.com/${job.repository}` : '';
}
/** Grams of the budget on emissions, when one was set. */
function budgetGrams(r) {
    return r.verdict.budget?.find((b) => b.metric === 'gco2e')?.limit ?? null;
}
/** Median of the baseline in grams: the verdict's when it compared grams, else over the records' gated grams. */
function baselineMedianGrams(r) {
    if (r.verdict.regression?.metric === 'gco2e')
        return r.verdict.regression.median;
    const grams = r.baseline.records.map((b) => b.gatedGCo2e).filter((g) => Number.isFinite(g));
    return grams.length ? (0,_verdict_js__WEBPACK_IMPORTED_MODULE_0__/* .median */ .JZ)(grams) : null;
}
function jobSeries(r, o) {
    const job = r.job;
    const grouping = [
        ['job', job.job ?? job.label],
        ['repository', job.repository ?? ''],
        ['workflow', job.workflow ?? ''],
        ['matrix_key', job.matrixKey ?? ''],
    ];
    const labels = {
        ...o.extraLabels,
        ...Object.fromEntries(grouping),
        ref: job.ref ?? '',
        event: job.event ?? '',
        runner_os: r.hardware.os,
        runner_arch: r.hardware.arch,
        region: r.emissions.intensity.location,
        model: r.model.id,
        ...(o.runId && job.runId ? { run_id: job.runAttempt && job.runAttempt > 1 ? `${job.runId}/${job.runAttempt}` : job.runId } : {}),
    };
    const one = (value) => [{ labels: {}, value }];
    const metrics = [
        {
            name: 'carbon_gate_emissions_grams',
            help: 'CO2e emitted by the job in grams, by scope (operational: energy × grid intensity × PUE; embodied: share of the hardware).',
            kind: 'sum',
            unit: 'g',
            points: [
                { labels: { scope: 'operational' }, value: r.emissions.operationalGCo2e },
                { labels: { scope: 'embodied' }, value: r.emissions.embodiedGCo2e },
            ],
        },
        { name: 'carbon_gate_energy_watt_hours', help: 'Energy used by the job in watt-hours (PUE applied).', kind: 'sum', unit: 'W.h', points: one(r.energy.totalWh) },
        { name: 'carbon_gate_cpu_seconds', help: 'CPU seconds of the job (its process tree, or the machine in machine scope).', kind: 'sum', unit: 's', points: one(r.energy.treeCpuSeconds ?? r.energy.machineCpuSeconds) },
        { name: 'carbon_gate_duration_seconds', help: 'Measured duration of the job in seconds.', kind: 'sum', unit: 's', points: one(r.energy.durationSeconds) },
    ];
    const budget = budgetGrams(r);
    if (budget !== null)
        metrics.push({ name: 'carbon_gate_budget_grams', help: 'The budget-gco2e input: the job fails above it.', kind: 'gauge', unit: 'g', points: one(budget) });
    const med = baselineMedianGrams(r);
    if (med !== null)
        metrics.push({ name: 'carbon_gate_baseline_median_grams', help: 'Median gated gCO2e of the default-branch baseline window.', kind: 'gauge', unit: 'g', points: one(med) });
    metrics.push({
        name: 'carbon_gate_verdict',
        help: 'The gate verdict of the job: 1 for the verdict it got, 0 for the others.',
        kind: 'gauge',
        unit: '1',
        points: VERDICTS.map((v) => ({ labels: { verdict: v }, value: r.verdict.status === v ? 1 : 0 })),
    });
    return {
        grouping,
        labels,
        metrics,
        resource: {
            repository: job.repository ?? '',
            workflow: job.workflow ?? '',
            job: job.job ?? job.label,
            ref: job.ref ?? '',
            sha: job.sha ?? '',
            repositoryUrl: repositoryUrl(job),
            runId: job.runId ?? '',
            runUrl: job.runUrl ?? '',
        },
    };
}
/**
 * The Pushgateway path of a grouping key: `/metrics/job/<job>/<label>/<value>…`. A value containing
 * `/`, or empty, goes base64url-encoded as `<label>@base64/<value>` (Pushgateway README, "URL").
 */
function groupingPath(grouping) {
    return ('/metrics' +
        grouping
            .map(([k, v]) => {
            if (v === '' || v.includes('/'))
                return `/${k}@base64/${v === '' ? '=' : Buffer.from(v, 'utf8').toString('base64url')}`;
            return `/${k}/${encodeURIComponent(v)}`;
        })
            .join(''));
}


/***/ }),

/***/ 6228:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KN: () => (/* binding */ percent),
/* harmony export */   NY: () => (/* binding */ energyDelta),
/* harmony export */   SN: () => (/* binding */ unitFor),
/* harmony export */   UW: () => (/* binding */ intensity),
/* harmony export */   _L: () => (/* binding */ cpuSeconds),
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   ee: () => (/* binding */ bytes),
/* harmony export */   jj: () => (/* binding */ massDelta),
/* harmony export */   k: () => (/* binding */ co2e),
/* harmony export */   p0: () => (/* binding */ duration),
/* harmony export */   rd: () => (/* binding */ mass),
/* harmony export */   uM: () => (/* binding */ share),
/* harmony export */   x8: () => (/* binding */ signed),
/* harmony export */   yA: () => (/* binding */ percentDelta),
/* harmony export */   yp: () => (/* binding */ power),
/* harmony export */   zP: () => (/* binding */ energy)
/* harmony export */ });
/* unused harmony export thousands */
// The one number formatter of carbon-gate: every number a person reads (job summary, PR comment, CLI
// text, log lines, model notes) goes through here. CSV and JSON do not: they keep full precision.
//
// Rules:
// - three significant digits by default, trailing zeros dropped (0.0500 → 0.05);
// - never exponent notation (Number#toPrecision and String() switch to it below 1e-6 and above 1e21);
// - quantities take the SI prefix that puts the value in [1, 1000): 3.6 mg CO2e, 12.4 mWh, 1.2 kWh;
//   energies below 1 mWh read in joules (1 mWh = 3.6 J), where a person has an intuition for them;
// - integers of 1000 and more keep every digit, grouped by thousands (1,234 s; no false zeros);
// - percentages carry two significant digits: a percent of a noisy measurement holds no more;
// - a negative sign is the typographic minus (U+2212), as in "−6 %";
// - quoted data values (coefficients, PUE, a grid intensity from a table) may ask for four digits: rounding
//   a source's 366.8 g/kWh to 367 would misquote it.
// No Intl: loading ICU costs ~10 ms of post's start-up.
const MINUS = '−';
/** 1234567 → '1,234,567'. */
function thousands(n) {
    const r = Math.abs(Math.round(n));
    // String() of 1e21 and above is exponent notation; BigInt prints every digit.
    const s = (r >= 1e21 ? BigInt(r).toString() : String(r)).replace(/\B(?=(\d{3})+$)/g, ',');
    return n < 0 && s !== '0' ? `-${s}` : s;
}
/** Decimal text of |x| rounded to `digits` significant digits, without exponent and trailing zeros. */
function plain(a, digits) {
    if (a === 0)
        return '0';
    const magnitude = Math.floor(Math.log10(a));
    const decimals = Math.max(0, digits - 1 - magnitude);
    let s = a.toFixed(Math.min(decimals, 100));
    // Rounding may carry into a new digit (9.996 → "10.00"): one decimal fewer is then enough.
    if (decimals > 0 && Number(s) >= 10 ** (magnitude + 1))
        s = a.toFixed(decimals - 1);
    if (s.includes('.'))
        s = s.replace(/0+$/, '').replace(/\.$/, '');
    if (a >= 10 ** digits)
        return thousands(Number(s));
    return s;
}
/**
 * A plain number: `digits` significant digits (default 3), never in exponent notation. Numbers of
 * 10^digits and more are rounded to an integer and grouped by thousands. Negative numbers get '-' (ASCII:
 * this form also appears next to units in tables); use `signed` for deltas.
 */
function num(x, digits = 3) {
    if (!Number.isFinite(x))
        return 'n/a';
    const s = plain(Math.abs(x), digits);
    return x < 0 && s !== '0' ? `-${s}` : s;
}
/** +1.2 / −0.3 / ±0: a signed number for deltas (typographic minus). */
function signed(x, digits = 3) {
    if (!Number.isFinite(x))
        return 'n/a';
    const s = plain(Math.abs(x), digits);
    if (s === '0')
        return '±0';
    return `${x < 0 ? MINUS : '+'}${s}`;
}
const PREFIXES = [
    { factor: 1e-9, symbol: 'n' },
    { factor: 1e-6, symbol: 'µ' },
    { factor: 1e-3, symbol: 'm' },
    { factor: 1, symbol: '' },
    { factor: 1e3, symbol: 'k' },
    { factor: 1e6, symbol: 'M' },
    { factor: 1e9, symbol: 'G' },
];
/** Picks the prefix that puts |x| (after rounding to `digits`) in [1, 1000), within [min, max]. */
function scaled(x, unit, digits, min = 0, max = PREFIXES.length - 1, sign = num) {
    if (!Number.isFinite(x))
        return 'n/a';
    if (x === 0)
        return `${sign(0, digits)} ${PREFIXES[Math.max(min, 3)].symbol}${unit}`;
    const a = Math.abs(x);
    let i = min;
    // Largest prefix whose rounded value is still ≥ 1.
    for (let j = min; j <= max; j++)
        if (Number(plain(a / PREFIXES[j].factor, digits).replace(/,/g, '')) >= 1)
            i = j;
    return `${sign(x / PREFIXES[i].factor, digits)} ${PREFIXES[i].symbol}${unit}`;
}
const GRAM = 3; // index of the unprefixed unit in PREFIXES
/**
 * The prefix for a whole axis or column whose largest value is `max`: divide by `factor`, label with
 * `unit`. Masses take mg/g/kg/t CO2e, energies mWh/Wh/kWh/MWh (no joules: one unit per axis).
 */
function unitFor(max, kind) {
    const unit = kind === 'co2e' ? 'g' : 'Wh';
    const text = scaled(Number.isFinite(max) && max > 0 ? max : 1, unit, 3, 2, GRAM + (kind === 'co2e' ? 1 : 2));
    const symbol = text.slice(text.indexOf(' ') + 1, -unit.length);
    const p = PREFIXES.find((x) => x.symbol === symbol);
    return { factor: p.factor, unit: `${symbol}${unit}${kind === 'co2e' ? ' CO2e' : ''}` };
}
/** Mass of CO2e from grams: '3.6 mg CO2e', '1.2 g CO2e', '4.5 kg CO2e', '2 t CO2e' (never µg: 0.5 mg reads better). */
function co2e(grams, digits = 3) {
    return `${mass(grams, digits)} CO2e`;
}
/** A mass from grams, without 'CO2e': '5 g', '3.6 mg', '1.2 t'. For "of the 5 g budget". */
function mass(grams, digits = 3) {
    if (Number.isFinite(grams) && Math.abs(grams) >= 1e6)
        return `${num(grams / 1e6, digits)} t`;
    return scaled(grams, 'g', digits, 2, GRAM + 1);
}
/** Signed mass delta from grams: '+0.23 mg', '−1.5 g'. */
function massDelta(grams, digits = 3) {
    return scaled(grams, 'g', digits, 2, GRAM + 1, signed);
}
/** Joules per watt-hour. */
const J_PER_WH = 3600;
/**
 * Energy from watt-hours: mWh, Wh, kWh, MWh; below 1 mWh in joules (mJ, J) — a 0.5 s `true` uses ~0.1 J,
 * which reads better than 0.0278 mWh.
 */
function energy(wh, digits = 3) {
    return energyWith(wh, digits, num);
}
/** Signed energy delta: '+1.2 mWh', '−0.4 J'. */
function energyDelta(wh, digits = 3) {
    return energyWith(wh, digits, signed);
}
function energyWith(wh, digits, sign) {
    if (!Number.isFinite(wh))
        return 'n/a';
    if (wh !== 0 && Math.abs(wh) < 1e-3)
        return scaled(wh * J_PER_WH, 'J', digits, 2, GRAM, sign);
    return scaled(wh, 'Wh', digits, 2, GRAM + 2, sign);
}
/** Power: mW, W, kW. */
function power(watts, digits = 3) {
    return scaled(watts, 'W', digits, 2, GRAM + 1);
}
/** Grid intensity, g/kWh kept as one unit (the convention of every source): '472 gCO2e/kWh'. */
function intensity(gPerKwh, digits = 3) {
    return `${num(gPerKwh, digits)} gCO2e/kWh`;
}
/** A share 0..1 as a percent, two significant digits: 0.347 → '35 %', 0.00072 → '0.072 %'. */
function share(fraction) {
    return percent(fraction * 100);
}
/** A percent value (already ×100), two significant digits, whole above 100: '6.3 %', '124 %'. */
function percent(p) {
    if (!Number.isFinite(p))
        return 'n/a';
    return `${Math.abs(p) >= 100 ? thousands(p) : num(p, 2)} %`;
}
/** A signed relative change in percent: '+12 %', '−6.3 %', '±0 %'. */
function percentDelta(p) {
    if (!Number.isFinite(p))
        return 'n/a';
    if (Math.abs(p) >= 100)
        return `${p < 0 ? MINUS : '+'}${thousands(Math.abs(p))} %`;
    return `${signed(p, 2)} %`;
}
/** CPU time or wall time in seconds: '0.42 s', '12.3 s', '2 min 5 s', '1 h 2 min 3 s'. */
function duration(seconds) {
    if (!Number.isFinite(seconds))
        return 'n/a';
    if (seconds < 60)
        return `${num(seconds)} s`;
    seconds = Math.round(seconds); // round once, so that 119.6 s reads "2 min 0 s", not "1 min 60 s"
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    return h > 0 ? `${h} h ${m} min ${s} s` : `${m} min ${s} s`;
}
/** CPU seconds as a plain quantity (no minutes split: these add up across cores): '1.23 CPU-s'. */
function cpuSeconds(seconds) {
    return `${num(seconds)} CPU-s`;
}
/** Bytes in binary units: KiB, MiB, GiB. */
function bytes(x) {
    if (!Number.isFinite(x))
        return 'n/a';
    if (x >= 1024 ** 3)
        return `${num(x / 1024 ** 3)} GiB`;
    if (x >= 1024 ** 2)
        return `${num(x / 1024 ** 2)} MiB`;
    return `${num(x / 1024)} KiB`;
}


/***/ }),

/***/ 8512:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J6: () => (/* binding */ slowdownOf),
/* harmony export */   NU: () => (/* binding */ codeSeconds),
/* harmony export */   Nr: () => (/* binding */ priceAt),
/* harmony export */   XZ: () => (/* binding */ gateTerms)
/* harmony export */ });
/* unused harmony export workCpuSeconds */
/* harmony import */ var _power_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(982);
// The gated amount split into what the code did and what the clock did (METHODOLOGY.md §10.1). Pure.
//
//   work-driven  workWh = (CPU energy − P_cpu(0) × duration) + (GPU energy − GPU idle × duration)
//                — CPU above idle; for a linear curve exactly (P_max − P_idle) / vCPUs × CPU-seconds
//   time-driven  timeWh = P_cpu(0) × duration + memory + GPU idle × duration  (= total − work)
//   embodied     ∝ duration
//   factors      PUE and grid intensity
// The factors turn any (CPU-seconds, seconds) pair back into Wh and gCO2e, so a run can be priced at
// another run's model and grid (like with like), and at its wall time without contention.

/** The CPU-seconds that drive the work term: the tree's in process-tree scope, the machine's otherwise. */
function workCpuSeconds(energy) {
    return energy.scope === 'process-tree' && energy.treeCpuSeconds !== null ? energy.treeCpuSeconds : energy.machineCpuSeconds;
}
/** Idle watts of the GPUs of the run that have a model row (measured GPUs without a row: their energy is all time-driven). */
function gpuIdleWatts(energy, model) {
    if (energy.gpuCount === 0 || energy.gpuModels.length === 0)
        return 0;
    const table = model.gpuWatts ?? {};
    let sum = 0;
    for (const name of energy.gpuModels) {
        const key = Object.keys(table)
            .filter((k) => name.toLowerCase().includes(k.toLowerCase()))
            .sort((a, b) => b.length - a.length)[0];
        if (!key)
            return null;
        sum += table[key].idleWatts;
    }
    return (sum / energy.gpuModels.length) * energy.gpuCount;
}
function gateTerms(energy, model, emissions, contention, includeEmbodied) {
    const seconds = energy.durationSeconds;
    const hours = seconds / 3600;
    const cpuSeconds = workCpuSeconds(energy);
    const idleW = (0,_power_js__WEBPACK_IMPORTED_MODULE_0__/* .cpuWatts */ .U)(model.cpu, 0);
    const cpuWorkWh = Math.max(0, energy.cpuWh - idleW * hours);
    const gpuIdle = gpuIdleWatts(energy, model);
    const gpuWorkWh = gpuIdle === null ? 0 : Math.max(0, energy.gpuWh - gpuIdle * hours);
    const workWh = Math.min(energy.totalWh, cpuWorkWh + gpuWorkWh);
    const timeWh = Math.max(0, energy.totalWh - workWh);
    const slopeWhPerCpuSecond = ((0,_power_js__WEBPACK_IMPORTED_MODULE_0__/* .cpuWatts */ .U)(model.cpu, 1) - idleW) / Math.max(1, model.vcpus) / 3600;
    const factors = {
        workWhPerCpuSecond: cpuSeconds > 0 ? workWh / cpuSeconds : slopeWhPerCpuSecond,
        timeWatts: seconds > 0 ? timeWh / hours : idleW + model.memoryGb * model.memoryWattsPerGb,
        embodiedGPerHour: seconds > 0 ? emissions.embodiedGCo2e / hours : 0,
        includeEmbodied,
        pue: emissions.pue,
        gCo2ePerKwh: emissions.intensity.gCo2ePerKwh,
        model: model.label,
        grid: `${emissions.intensity.location} (${emissions.intensity.source})`,
    };
    const signals = {
        runDelaySeconds: contention?.runDelaySeconds ?? null,
        stealSeconds: contention?.stealSeconds ?? 0,
        pressureSomeSeconds: contention?.pressureSomeSeconds ?? null,
        foreignCpuSeconds: energy.scope === 'process-tree' ? energy.remainderCpuSeconds : null,
    };
    return {
        v: 1,
        cpuSeconds,
        durationSeconds: seconds,
        contentionSeconds: Math.min(seconds, contention?.contentionSeconds ?? 0),
        runnableSeconds: Math.min(seconds, contention?.runnableSeconds ?? seconds),
        workWh,
        timeWh,
        embodiedGCo2e: emissions.embodiedGCo2e,
        factors,
        signals,
    };
}
/** Energy and gated gCO2e of `cpuSeconds` of work over `seconds` of wall time at the given factors. */
function priceAt(cpuSeconds, seconds, f) {
    const energyWh = f.workWhPerCpuSecond * cpuSeconds + (f.timeWatts * seconds) / 3600;
    const operational = (energyWh / 1000) * f.pue * f.gCo2ePerKwh;
    const embodied = f.includeEmbodied ? (f.embodiedGPerHour * seconds) / 3600 : 0;
    return { energyWh, gCo2e: operational + embodied };
}
/** Wall time that was the code's: the duration less the time explained by contention. */
function codeSeconds(t) {
    return Math.max(0, t.durationSeconds - t.contentionSeconds);
}
/**
 * Runner slowdown: the wall time the tree had something runnable over that time less contention
 * (1 = no contention). Sleep and waits are left out, so adding a sleep does not make the runner look
 * faster; without the runnable time (older records), the whole wall time stands for it.
 */
function slowdownOf(t) {
    const busy = Math.max(t.runnableSeconds ?? t.durationSeconds, t.contentionSeconds);
    const uncontended = busy - t.contentionSeconds;
    return uncontended > 0 ? busy / uncontended : 1;
}


/***/ }),

/***/ 982:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ gpuModelWatts),
/* harmony export */   U: () => (/* binding */ cpuWatts)
/* harmony export */ });
const clamp01 = (x) => (x < 0 ? 0 : x > 1 ? 1 : Number.isFinite(x) ? x : 0);
/** Whole-CPU power (W) of the reserved vCPUs at utilisation `util` (0..1, clamped). */
function cpuWatts(curve, util) {
    const u = Math.min(1, Math.max(0, Number.isFinite(util) ? util : 0));
    if (curve.kind === 'linear')
        return curve.idleWatts + u * (curve.maxWatts - curve.idleWatts);
    const pts = curve.points;
    if (u <= pts[0][0])
        return pts[0][1];
    for (let i = 1; i < pts.length; i++) {
        const [u1, w1] = pts[i];
        if (u <= u1) {
            const [u0, w0] = pts[i - 1];
            return w0 + ((u - u0) / (u1 - u0)) * (w1 - w0);
        }
    }
    return pts[pts.length - 1][1];
}
/** A GPU's board power: measured, or idle + util × (max − idle) from the model's row for its name (longest match). */
function gpuModelWatts(model, g) {
    if (g.watts !== null && Number.isFinite(g.watts))
        return { watts: g.watts, modelled: false };
    const table = model.gpuWatts ?? {};
    const name = g.name.toLowerCase();
    const key = Object.keys(table)
        .filter((k) => name.includes(k.toLowerCase()))
        .sort((a, b) => b.length - a.length)[0];
    if (!key)
        return null;
    const { idleWatts, maxWatts } = table[key];
    return { watts: idleWatts + clamp01((g.utilPercent ?? 0) / 100) * (maxWatts - idleWatts), modelled: true };
}


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  QX: () => (/* binding */ bandEmoji),
  zG: () => (/* binding */ computeVerdict),
  JZ: () => (/* reexport */ median),
  ak: () => (/* binding */ metricOf),
  _l: () => (/* binding */ metricText)
});

// UNUSED EXPORTS: ALARM_PERCENT, WARN_PERCENT, deltaBand, metricUnit

// EXTERNAL MODULE: ./src/core/format.ts
var format = __nccwpck_require__(6228);
;// CONCATENATED MODULE: ./src/core/gate/rule.ts
// The regression rule's statistics (METHODOLOGY.md §10.3). Pure, no imports, so the benchmark
// (bench/gate.mjs) runs this very file.
//
// A run is a regression when it is BOTH
//   (a) more than max-increase above the window's median, and
//   (b) above what the window's own spread predicts for one more run of unchanged code: the upper
//       one-sided 97.5 % prediction bound on the log scale,
//         high = exp( mean(ln x) + t(0.975; n − 1) × max(sd(ln x), 0.03) × √(1 + 1/n) )
//       with sd the sample standard deviation of ln x over the n runs of the window. The floor 0.03 (≈ 3 %)
//       stands for the noise a handful of equal runs cannot show; a one-run window uses the floor with
//       the normal quantile 1.96.
// Log scale: the noise of a job is relative (a slower runner stretches all of it), and the bound stays
// positive.
const PREDICTION_LEVEL = 0.975;
/** Floor on the window's spread: standard deviation of ln(value). */
const SPREAD_FLOOR = 0.03;
/** One-sided 97.5 % quantiles of Student's t for 1…49 degrees of freedom (scipy.stats.t.ppf(0.975, df)). */
const T_975 = [
    12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.093, 2.086,
    2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423, 2.0395, 2.0369, 2.0345, 2.0322, 2.0301, 2.0281, 2.0262, 2.0244, 2.0227, 2.0211,
    2.0195, 2.0181, 2.0167, 2.0154, 2.0141, 2.0129, 2.0117, 2.0106, 2.0096,
];
const Z_975 = 1.96;
/** t(0.975; df); the normal quantile for df = 0 (no spread known) and beyond the table. */
function tQuantile(df) {
    if (df < 1)
        return Z_975;
    return T_975[Math.min(df, T_975.length) - 1];
}
/** Median of a non-empty list (mean of the two middle values for an even count). */
function median(values) {
    if (values.length === 0)
        throw new Error('median of an empty list');
    const s = [...values].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
/** Spread of a window: the sample standard deviation of ln(value), before the floor; 0 for one run. */
function logSpread(values) {
    const n = values.length;
    if (n < 2)
        return 0;
    const logs = values.map((v) => Math.log(v));
    const mean = logs.reduce((a, b) => a + b, 0) / n;
    return Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
}
/** The upper prediction bound (b) for a window of positive values; null when a value is not positive. */
function predictedHigh(values) {
    const n = values.length;
    if (n === 0 || values.some((v) => !(v > 0) || !Number.isFinite(v)))
        return null;
    const mean = values.reduce((a, v) => a + Math.log(v), 0) / n;
    const sd = Math.max(logSpread(values), SPREAD_FLOOR);
    return Math.exp(mean + tQuantile(n - 1) * sd * Math.sqrt(1 + 1 / n));
}
/** Conditions (a) and (b) for `current` against the window; never flagged without max-increase. */
function regressionRule(current, window, maxIncreasePercent) {
    const med = median(window);
    const threshold = maxIncreasePercent === null ? null : med * (1 + maxIncreasePercent / 100);
    const high = predictedHigh(window);
    const flagged = threshold !== null && current > threshold && (high === null ? current > Math.max(...window) : current > high);
    return { median: med, threshold, predictedHigh: high, flagged };
}

// EXTERNAL MODULE: ./src/core/gate/terms.ts
var terms = __nccwpck_require__(8512);
;// CONCATENATED MODULE: ./src/core/gate/compare.ts



/** A record's point; a record written before terms were stored has no contention figure (0). */
function pointOf(r) {
    return r.terms
        ? {
            cpuSeconds: r.terms.cpuSeconds,
            durationSeconds: r.terms.durationSeconds,
            contentionSeconds: r.terms.contentionSeconds,
            ...(r.terms.runnableSeconds !== undefined ? { runnableSeconds: r.terms.runnableSeconds } : {}),
        }
        : { cpuSeconds: r.cpuSeconds, durationSeconds: r.durationSeconds, contentionSeconds: 0 };
}
/** The compared metric of a point at the reference factors, over the code's wall time. */
function metricAt(p, f, metric) {
    if (metric === 'cpu-seconds')
        return p.cpuSeconds;
    const priced = (0,terms/* priceAt */.Nr)(p.cpuSeconds, (0,terms/* codeSeconds */.NU)(p), f);
    return metric === 'energy-wh' ? priced.energyWh : priced.gCo2e;
}
/** The factors the window is compared at: the newest record that has them, else this run's. */
function referenceFactors(current, records) {
    const newest = [...records].sort((a, b) => b.wallMs - a.wallMs).find((r) => r.terms);
    return newest?.terms ? { factors: newest.terms.factors, fromBaseline: true } : { factors: current.factors, fromBaseline: false };
}
const near = (a, b) => Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));
/** Model and grid changes between this run's factors and the reference, in words. */
function factorChanges(own, ref) {
    const model = own.model !== ref.model ? `model ${own.model} (baseline: ${ref.model})` : null;
    const gridMoved = own.grid !== ref.grid || !near(own.gCo2ePerKwh, ref.gCo2ePerKwh) || !near(own.pue, ref.pue);
    const grid = gridMoved ? `grid ${own.grid}, ${(0,format/* intensity */.UW)(own.gCo2ePerKwh, 4)}, PUE ${(0,format/* num */.bu)(own.pue, 4)} (baseline: ${ref.grid}, ${(0,format/* intensity */.UW)(ref.gCo2ePerKwh, 4)}, PUE ${(0,format/* num */.bu)(ref.pue, 4)})` : null;
    return { model, grid };
}
/** Prices this run and the window alike and explains the difference. Needs a non-empty window. */
function compareWithWindow(current, records, metric) {
    const { factors } = referenceFactors(current, records);
    const points = records.map(pointOf);
    const window = points.map((p) => metricAt(p, factors, metric));
    const value = metricAt(current, factors, metric);
    const own = metric === 'cpu-seconds' ? current.cpuSeconds : metric === 'energy-wh' ? (0,terms/* priceAt */.Nr)(current.cpuSeconds, current.durationSeconds, current.factors).energyWh : (0,terms/* priceAt */.Nr)(current.cpuSeconds, current.durationSeconds, current.factors).gCo2e;
    const changes = [];
    const ch = factorChanges(current.factors, factors);
    if (ch.model)
        changes.push(ch.model);
    if (ch.grid)
        changes.push(ch.grid);
    const mixed = records.filter((r) => r.terms && (r.terms.factors.model !== factors.model || r.terms.factors.grid !== factors.grid || !near(r.terms.factors.gCo2ePerKwh, factors.gCo2ePerKwh)));
    if (mixed.length > 0)
        changes.push(`${mixed.length} window run(s) had another model or grid; all are priced at the newest run's`);
    const slowdown = (0,terms/* slowdownOf */.J6)(current);
    const baselineSlowdown = median(points.map((p) => (0,terms/* slowdownOf */.J6)(p)));
    const comparison = {
        ownValue: own,
        changes,
        legacyRecords: records.filter((r) => !r.terms).length,
        drivers: driversLine(current, points, slowdown / baselineSlowdown - 1, { model: ch.model !== null, grid: ch.grid !== null }),
        slowdown,
        baselineSlowdown,
    };
    return { current: value, window, comparison };
}
/**
 * "CPU work +84 %, wall time +96 % (runner 41 % slower), same grid": the CPU work and the wall time
 * against the window's medians, led by what the code changed — its CPU work, or its own wall time (less
 * contention) beyond what the CPU work explains — then what the runner and the grid did (neither counted).
 */
function driversLine(current, window, runnerChange, changed) {
    const cpuMed = median(window.map((p) => p.cpuSeconds));
    const wallMed = median(window.map((p) => p.durationSeconds));
    const codeMed = median(window.map((p) => (0,terms/* codeSeconds */.NU)(p)));
    const rel = (x, m) => (m > 0 ? x / m - 1 : 0);
    const runner = Math.abs(runnerChange) < 0.05 ? 'runner as fast' : `runner ${(0,format/* percent */.KN)(Math.abs(runnerChange) * 100)} ${runnerChange > 0 ? 'slower' : 'faster'}`;
    const cpuChange = rel(current.cpuSeconds, cpuMed);
    const work = `CPU work ${(0,format/* percentDelta */.yA)(cpuChange * 100)}`;
    const wall = `wall time ${(0,format/* percentDelta */.yA)(rel(current.durationSeconds, wallMed) * 100)} (${runner})`;
    // More CPU work lengthens the code's own wall time too: wall time leads only when the code's wall time
    // changed more than the CPU work AND mostly not with it (a sleep, a wait): it moved apart from the CPU
    // work by more than the CPU work moved.
    const codeChange = rel((0,terms/* codeSeconds */.NU)(current), codeMed);
    const wallLeads = Math.abs(codeChange) > Math.abs(cpuChange) && Math.abs(codeChange - cpuChange) > Math.abs(cpuChange);
    const parts = wallLeads ? [wall, work] : [work, wall];
    parts.push(changed.model && changed.grid ? 'model and grid changed (not counted)' : changed.model ? 'model changed (not counted)' : changed.grid ? 'grid changed (not counted)' : 'same grid');
    const line = parts.join(', ');
    return line.charAt(0).toUpperCase() + line.slice(1);
}

;// CONCATENATED MODULE: ./src/core/verdict.ts
// The gate: a pure function from this run's totals and terms, the settings and the baseline window to a
// Verdict.
//
// Rules (stated in the summary and the comment by baseline-section.ts; numbers in METHODOLOGY.md §10):
// - Budgets are absolute and per job: exceeded when the actual value is strictly above the limit.
// - Regression: this run and each run of the window are priced alike (gate/compare.ts): at the newest
//   baseline run's model, PUE and grid, over their wall time without contention. The run is flagged when
//   BOTH it is more than max-increase above the window's median AND above the window's prediction bound
//   (gate/rule.ts). With max-increase empty the delta is reported but never flagged.
// - A flagged regression can fail the build only when the window has at least min-baseline-runs runs;
//   below that it only warns.
// - fail-on: budget | regression | any | never ('never' only warns).
// - Delta band (display): alarm ≥ 20 %, warn ≥ 10 %, better < 0 %, ok otherwise.




const ALARM_PERCENT = 20;
const WARN_PERCENT = 10;
/** Band of a relative change in percent: alarm ≥ 20, warn ≥ 10, better < 0, ok otherwise. */
function deltaBand(deltaPercent) {
    if (deltaPercent >= ALARM_PERCENT)
        return 'alarm';
    if (deltaPercent >= WARN_PERCENT)
        return 'warn';
    if (deltaPercent < 0)
        return 'better';
    return 'ok';
}
function bandEmoji(band) {
    switch (band) {
        case 'alarm':
            return '🚨';
        case 'warn':
            return '⚠️';
        case 'better':
            return '✅';
        case 'ok':
            return '';
    }
}
/** The value of the compare-on metric in a baseline record. */
function metricOf(record, metric) {
    switch (metric) {
        case 'gco2e':
            return record.gatedGCo2e;
        case 'energy-wh':
            return record.energyWh;
        case 'cpu-seconds':
            return record.cpuSeconds;
    }
}
function metricUnit(metric) {
    switch (metric) {
        case 'gco2e':
            return 'gCO2e';
        case 'energy-wh':
            return 'Wh';
        case 'cpu-seconds':
            return 'CPU-s';
    }
}
/** A value of the compare-on metric with its unit, through the one formatter: '3.6 mg CO2e', '12 mWh', '1.2 CPU-s'. */
function metricText(metric, x) {
    switch (metric) {
        case 'gco2e':
            return (0,format/* co2e */.k)(x);
        case 'energy-wh':
            return (0,format/* energy */.zP)(x);
        case 'cpu-seconds':
            return (0,format/* cpuSeconds */._L)(x);
    }
}
const budgetFails = (f) => f === 'budget' || f === 'any';
const regressionFails = (f) => f === 'regression' || f === 'any';
function computeVerdict(args) {
    const { settings: s } = args;
    const reasons = [];
    // Budgets.
    const budget = [];
    if (s.budgetGCo2e !== null) {
        budget.push({ metric: 'gco2e', limit: s.budgetGCo2e, actual: args.gatedGCo2e, exceeded: args.gatedGCo2e > s.budgetGCo2e });
    }
    if (s.budgetWh !== null) {
        budget.push({ metric: 'energy-wh', limit: s.budgetWh, actual: args.energyWh, exceeded: args.energyWh > s.budgetWh });
    }
    const exceeded = budget.filter((b) => b.exceeded);
    for (const b of exceeded) {
        const m = b.metric === 'gco2e' ? 'gco2e' : 'energy-wh';
        reasons.push(`Budget exceeded: ${metricText(m, b.actual)} > ${metricText(m, b.limit)} (budget-${b.metric === 'gco2e' ? 'gco2e' : 'wh'}).`);
    }
    const budgetFail = exceeded.length > 0 && budgetFails(s.failOn);
    // Regression against the baseline window, like with like.
    let regression;
    const unit = metricUnit(s.compareOn);
    if (args.baseline.length > 0) {
        const { current, window, comparison } = compareWithWindow(args.terms, args.baseline, s.compareOn);
        const rule = regressionRule(current, window, s.maxIncreasePercent);
        const med = rule.median;
        const runs = window.length;
        if (med > 0) {
            const deltaPercent = ((current - med) / med) * 100;
            const enough = runs >= s.minBaselineRuns;
            const enforced = s.maxIncreasePercent !== null && enough && regressionFails(s.failOn);
            regression = {
                metric: s.compareOn,
                current,
                median: med,
                deltaPercent,
                band: deltaBand(deltaPercent),
                spreadLow: Math.min(...window),
                spreadHigh: Math.max(...window),
                runs,
                flagged: rule.flagged,
                enforced,
                predictedHigh: rule.predictedHigh ?? undefined,
                threshold: rule.threshold,
                comparison,
            };
            if (rule.flagged) {
                const t = (x) => metricText(s.compareOn, x);
                let r = `Regression: ${t(current)} is ${(0,format/* percentDelta */.yA)(deltaPercent)} over the baseline median ${t(med)} (max-increase ${s.maxIncreasePercent}%) and above ${t(rule.predictedHigh ?? Math.max(...window))}, the most the window's own spread predicts.`;
                if (!enough)
                    r += ` Only ${runs} of ${s.minBaselineRuns} baseline runs (min-baseline-runs): reported, not enforced.`;
                reasons.push(r);
            }
        }
        else {
            reasons.push(`The baseline median of ${unit} is 0, so no relative comparison is possible.`);
        }
    }
    const regressionFail = regression !== undefined && regression.flagged && regression.enforced;
    const failBuild = budgetFail || regressionFail;
    const anyProblem = exceeded.length > 0 || (regression?.flagged ?? false);
    const status = failBuild ? 'fail' : anyProblem ? 'warn' : 'pass';
    if (anyProblem && !failBuild) {
        reasons.push(s.failOn === 'never' ? 'fail-on is never: this only warns.' : `fail-on is ${s.failOn}: this only warns.`);
    }
    const headline = makeHeadline(status, exceeded.length > 0, regression);
    return { status, failBuild, headline, reasons, ...(budget.length > 0 ? { budget } : {}), ...(regression ? { regression } : {}) };
}
function makeHeadline(status, overBudget, regression) {
    const icon = status === 'fail' ? '❌' : status === 'warn' ? '⚠️' : '✅';
    const parts = [];
    if (overBudget)
        parts.push('over budget');
    if (regression?.flagged)
        parts.push(`regression ${(0,format/* percentDelta */.yA)(regression.deltaPercent)} vs baseline`);
    if (parts.length === 0) {
        if (regression)
            parts.push(`${(0,format/* percentDelta */.yA)(regression.deltaPercent)} vs baseline median`);
        else
            parts.push('within limits');
    }
    const word = status === 'fail' ? 'Failed' : status === 'warn' ? 'Warning' : 'Passed';
    return `${icon} ${word}: ${parts.join(', ')}`;
}


/***/ }),

/***/ 3546:
/***/ ((module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _adapters_direct_run_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6323);
/* harmony import */ var _app_cli_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(961);


/** The `carbon-gate` command. Exported so that the CLI can be driven in-process; sets process.exitCode. */
async function run(argv = process.argv.slice(2)) {
    process.exitCode = await (0,_app_cli_js__WEBPACK_IMPORTED_MODULE_1__/* .runCli */ .ak)(argv);
}
if ((0,_adapters_direct_run_js__WEBPACK_IMPORTED_MODULE_0__/* .isDirectRun */ .d)(import.meta.url))
    await run();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** Kept equal to package.json's version (a test checks it). */
const VERSION = '0.1.0';


/***/ }),

/***/ 9907:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("cluster");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2987:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("perf_hooks");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 1493:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("v8");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(3546);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ var __webpack_exports__run = __webpack_exports__.e;
/******/ export { __webpack_exports__run as run };
/******/ 
