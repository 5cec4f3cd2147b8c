export const id = 28;
export const ids = [28];
export const modules = {

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
