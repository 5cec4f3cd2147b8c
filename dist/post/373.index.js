export const id = 373;
export const ids = [373];
export const modules = {

/***/ 61373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pushToGateway: () => (/* binding */ pushToGateway)
});

// UNUSED EXPORTS: exposition

// EXTERNAL MODULE: ./node_modules/prom-client/index.js
var prom_client = __webpack_require__(95222);
// EXTERNAL MODULE: ./src/core/export/series.ts
var export_series = __webpack_require__(79789);
// EXTERNAL MODULE: ./src/core/format.ts
var format = __webpack_require__(96228);
;// CONCATENATED MODULE: ./src/export/http.ts
// One bounded HTTP call for the exports: a hard deadline (AbortSignal) and one retry on a 5xx answer
// when time is left. Never throws; never puts a header or a URL credential in its message.

function describe(e, waitedMs) {
    const err = e;
    if (err?.name === 'TimeoutError' || err?.name === 'AbortError')
        return `no answer within ${(0,format/* duration */.p0)(waitedMs / 1000)}`;
    const code = err?.cause?.code;
    if (code === 'ECONNREFUSED')
        return 'connection refused';
    if (code)
        return `network error ${code}`;
    return 'network error';
}
async function boundedRequest(req) {
    let attempts = 0;
    let last = { ok: false, status: null, attempts: 0, error: 'not tried: no time left' };
    while (attempts < 2) {
        const leftMs = req.deadlineMs - Date.now();
        if (leftMs < 50)
            break;
        attempts++;
        const t0 = Date.now();
        try {
            const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: AbortSignal.timeout(leftMs) });
            // Drain the body so the connection is released (a few bytes from either server).
            await res.arrayBuffer().catch(() => undefined);
            if (res.ok)
                return { ok: true, status: res.status, attempts };
            last = { ok: false, status: res.status, attempts, error: `HTTP ${res.status}` };
            if (res.status < 500)
                break;
        }
        catch (e) {
            last = { ok: false, status: null, attempts, error: describe(e, Date.now() - t0) };
            break;
        }
    }
    return last;
}

;// CONCATENATED MODULE: ./src/export/pushgateway.ts
// Pushes one job's series to a Prometheus Pushgateway: the text exposition format built with
// prom-client's Registry, sent with PUT to the job's group so that a re-run replaces its own group
// (and only it). Loaded only when prometheus-pushgateway-url is set.



/** The text exposition of the series, without the grouping labels (the group's path carries them). */
async function exposition(set) {
    const registry = new prom_client.Registry();
    const grouped = new Set(set.grouping.map(([k]) => k));
    const common = Object.fromEntries(Object.entries(set.labels).filter(([k]) => !grouped.has(k)));
    let series = 0;
    for (const m of set.metrics) {
        const labelNames = [...new Set([...Object.keys(common), ...m.points.flatMap((p) => Object.keys(p.labels))])];
        const gauge = new prom_client.Gauge({ name: m.name, help: m.help, labelNames, registers: [registry] });
        for (const p of m.points) {
            gauge.set({ ...common, ...p.labels }, p.value);
            series++;
        }
    }
    return { body: await registry.metrics(), contentType: registry.contentType, series };
}
async function pushToGateway(set, baseUrl, headers, deadlineMs) {
    const { body, contentType, series } = await exposition(set);
    const path = (0,export_series/* groupingPath */.f)(set.grouping);
    const out = await boundedRequest({ url: `${baseUrl}${path}`, method: 'PUT', headers: { ...headers, 'Content-Type': contentType }, body, deadlineMs });
    return { ...out, series, path };
}


/***/ })

};
