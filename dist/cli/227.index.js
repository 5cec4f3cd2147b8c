export const id = 227;
export const ids = [227];
export const modules = {

/***/ 6227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   exportOtlp: () => (/* binding */ exportOtlp)
/* harmony export */ });
/* unused harmony export resourceAttributes */
/* harmony import */ var _opentelemetry_core__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5931);
/* harmony import */ var _opentelemetry_exporter_metrics_otlp_proto__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7651);
/* harmony import */ var _opentelemetry_resources__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5241);
/* harmony import */ var _opentelemetry_sdk_metrics__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6700);
/* harmony import */ var _opentelemetry_sdk_metrics__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9778);
/* harmony import */ var _opentelemetry_sdk_metrics__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1694);
/* harmony import */ var _opentelemetry_semantic_conventions__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2123);
/* harmony import */ var _opentelemetry_semantic_conventions_incubating__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7566);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(311);
// Exports one job's series over OTLP/HTTP (protobuf) with the official OpenTelemetry JS SDK:
// instruments recorded once on a MeterProvider, collected by a one-shot reader, sent by
// OTLPMetricExporter to `<endpoint>/v1/metrics`, then flushed and shut down. Loaded only when
// otlp-endpoint is set.
//
// Amounts (grams, Wh, CPU seconds, duration) are monotonic counters with DELTA temporality: each job
// adds its own amount once, so a backend sums jobs over time (GUIDE §5). Levels (budget, baseline
// median, verdict) are gauges.







/** Collects on demand only: the one export per job is explicit. */
class OneShotReader extends _opentelemetry_sdk_metrics__WEBPACK_IMPORTED_MODULE_0__/* .MetricReader */ .s {
    onForceFlush() {
        return Promise.resolve();
    }
    onShutdown() {
        return Promise.resolve();
    }
}
/**
 * Resource attributes from the OpenTelemetry semantic conventions (CI/CD and VCS, incubating).
 * The run id and run URL are added only with `runId`: the spec says the pipeline-run resource on
 * metrics is high cardinality and must be opt-in.
 */
function resourceAttributes(set, runId) {
    const r = set.resource;
    const ref = /^refs\/(heads|tags)\/(.+)$/.exec(r.ref);
    const attrs = {
        [_opentelemetry_semantic_conventions__WEBPACK_IMPORTED_MODULE_1__/* .ATTR_SERVICE_NAME */ .UX4]: 'carbon-gate',
        [_opentelemetry_semantic_conventions__WEBPACK_IMPORTED_MODULE_1__/* .ATTR_SERVICE_VERSION */ .HZt]: _version_js__WEBPACK_IMPORTED_MODULE_2__/* .VERSION */ .x,
        [_opentelemetry_semantic_conventions_incubating__WEBPACK_IMPORTED_MODULE_3__/* .ATTR_CICD_PIPELINE_NAME */ .pbI]: r.workflow,
        [_opentelemetry_semantic_conventions_incubating__WEBPACK_IMPORTED_MODULE_3__/* .ATTR_CICD_PIPELINE_TASK_NAME */ .ROt]: r.job,
        [_opentelemetry_semantic_conventions_incubating__WEBPACK_IMPORTED_MODULE_3__/* .ATTR_VCS_REPOSITORY_URL_FULL */ .oTB]: r.repositoryUrl,
        [_opentelemetry_semantic_conventions_incubating__WEBPACK_IMPORTED_MODULE_3__/* .ATTR_VCS_REPOSITORY_NAME */ .YhU]: r.repository.split('/').pop() ?? '',
        [_opentelemetry_semantic_conventions_incubating__WEBPACK_IMPORTED_MODULE_3__/* .ATTR_VCS_PROVIDER_NAME */ .zGQ]: r.repositoryUrl.startsWith('https://github.com/') ? 'github' : '',
        [_opentelemetry_semantic_conventions_incubating__WEBPACK_IMPORTED_MODULE_3__/* .ATTR_VCS_REF_HEAD_NAME */ .E$N]: ref ? ref[2] : r.ref,
        [_opentelemetry_semantic_conventions_incubating__WEBPACK_IMPORTED_MODULE_3__/* .ATTR_VCS_REF_HEAD_TYPE */ .rar]: ref ? (ref[1] === 'heads' ? 'branch' : 'tag') : '',
        [_opentelemetry_semantic_conventions_incubating__WEBPACK_IMPORTED_MODULE_3__/* .ATTR_VCS_REF_HEAD_REVISION */ .SxW]: r.sha,
        ...(runId ? { [_opentelemetry_semantic_conventions_incubating__WEBPACK_IMPORTED_MODULE_3__/* .ATTR_CICD_PIPELINE_RUN_ID */ .Jhh]: r.runId, [_opentelemetry_semantic_conventions_incubating__WEBPACK_IMPORTED_MODULE_3__/* .ATTR_CICD_PIPELINE_RUN_URL_FULL */ .LfM]: r.runUrl } : {}),
    };
    return Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== ''));
}
function withDeadline(p, deadlineMs, what) {
    let timer;
    const late = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no answer within the export deadline`)), Math.max(0, deadlineMs - Date.now()));
    });
    return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
async function exportOtlp(set, endpoint, headers, deadlineMs, runId) {
    const reader = new OneShotReader({ aggregationTemporalitySelector: () => _opentelemetry_sdk_metrics__WEBPACK_IMPORTED_MODULE_4__/* .AggregationTemporality */ .h.DELTA });
    const provider = new _opentelemetry_sdk_metrics__WEBPACK_IMPORTED_MODULE_5__/* .MeterProvider */ .r({ resource: (0,_opentelemetry_resources__WEBPACK_IMPORTED_MODULE_6__/* .resourceFromAttributes */ .QZ)(resourceAttributes(set, runId)), readers: [reader] });
    const meter = provider.getMeter('carbon-gate', _version_js__WEBPACK_IMPORTED_MODULE_2__/* .VERSION */ .x);
    let points = 0;
    for (const m of set.metrics) {
        const opts = { description: m.help, unit: m.unit };
        const instrument = m.kind === 'sum' ? meter.createCounter(m.name, opts) : meter.createGauge(m.name, opts);
        for (const p of m.points) {
            const attrs = { ...set.labels, ...p.labels };
            if (m.kind === 'sum')
                instrument.add(p.value, attrs);
            else
                instrument.record(p.value, attrs);
            points++;
        }
    }
    const exporter = new _opentelemetry_exporter_metrics_otlp_proto__WEBPACK_IMPORTED_MODULE_7__/* .OTLPMetricExporter */ .r({ url: `${endpoint}/v1/metrics`, headers, timeoutMillis: Math.max(100, deadlineMs - Date.now() - 100) });
    try {
        const { resourceMetrics } = await reader.collect();
        const result = await withDeadline(new Promise((resolve) => exporter.export(resourceMetrics, resolve)), deadlineMs, 'OTLP export');
        await withDeadline(exporter.forceFlush(), deadlineMs, 'OTLP flush');
        if (result.code !== _opentelemetry_core__WEBPACK_IMPORTED_MODULE_8__/* .ExportResultCode */ .V.SUCCESS)
            return { ok: false, points, error: safeError(result.error) };
        return { ok: true, points };
    }
    catch (e) {
        return { ok: false, points, error: safeError(e) };
    }
    finally {
        // Shutdown is bounded too: a hanging endpoint must not hold post.
        await withDeadline(Promise.allSettled([exporter.shutdown(), provider.shutdown()]), deadlineMs + 300, 'OTLP shutdown').catch(() => undefined);
    }
}
/** The error's kind, status code or errno only: OTLP errors may quote the response body or the request. */
function safeError(e) {
    const err = e;
    if (!err)
        return 'export failed';
    if (typeof err.code === 'number')
        return `HTTP ${err.code}`;
    const msg = err.message ?? '';
    const errno = /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH)\b/.exec(msg);
    if (errno)
        return errno[1] === 'ECONNREFUSED' ? 'connection refused' : `network error ${errno[1]}`;
    if (/timeout|deadline|timed out/i.test(msg))
        return 'no answer within the export deadline';
    return err.name && err.name !== 'Error' ? err.name : 'export failed';
}


/***/ })

};
