import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 323:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ isDirectRun)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(136);
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

/***/ 73:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  VN: () => (/* binding */ runMain)
});

// UNUSED EXPORTS: STATE_RUN_DIR, STATE_SAMPLER_PID, rootPidFrom, startFromAction

;// CONCATENATED MODULE: ./src/core/format.ts
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(24);
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_);
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/adapters/runner.ts
// The runner's file and workflow commands, written directly so that pre and main load nothing heavy.
// Same protocol as @actions/core: state and outputs as `name<<DELIMITER` blocks in $GITHUB_STATE /
// $GITHUB_OUTPUT, the step summary appended to $GITHUB_STEP_SUMMARY, commands as `::name::message`.


/** Percent-encodes what would break a workflow command (same escapes as the toolkit). */
function escapeCommandData(s) {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function fileCommand(file, name, value) {
    if (!file)
        return false;
    const delim = `ghadelimiter_${(0,external_node_crypto_namespaceObject.randomUUID)()}`;
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delim}\n${value}\n${delim}\n`, 'utf8');
    return true;
}
function createRunner(env = process.env, write = (s) => process.stdout.write(s)) {
    const cmd = (name, msg) => write(`::${name}::${escapeCommandData(msg)}\n`);
    return {
        info: (msg) => write(`${msg}\n`),
        warning: (msg) => cmd('warning', msg),
        error: (msg) => cmd('error', msg),
        group: (title) => write(`::group::${escapeCommandData(title)}\n`),
        endGroup: () => write('::endgroup::\n'),
        saveState: (name, value) => {
            if (!fileCommand(env.GITHUB_STATE, name, value))
                write(`::save-state name=${name}::${escapeCommandData(value)}\n`);
        },
        getState: (name) => env[`STATE_${name}`] ?? '',
        setOutput: (name, value) => {
            fileCommand(env.GITHUB_OUTPUT, name, value);
        },
        appendSummary: (markdown) => {
            if (!env.GITHUB_STEP_SUMMARY)
                return false;
            (0,external_node_fs_.appendFileSync)(env.GITHUB_STEP_SUMMARY, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
            return true;
        },
        setSecret: (value) => {
            if (value)
                write(`::add-mask::${escapeCommandData(value)}\n`);
        },
        fail: (msg) => {
            cmd('error', msg);
            process.exitCode = 1;
        },
    };
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:timers/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(136);
;// CONCATENATED MODULE: ./src/sampler/config.ts
const CONFIG_FILE = 'sampler-config.json';
const SAMPLES_FILE = 'samples.jsonl';
const config_MARKER_FILE = 'sampler-done.json';
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
        return JSON.parse(readFileSync(path.join(runDir, MARKER_FILE), 'utf8'));
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
        await sleep(20);
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

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
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
function inputs_num(name, raw, min, max, opts = {}) {
    const v = raw.trim();
    const n = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v) ? Number(v) : NaN;
    const tooLow = opts.exclusiveMin ? n <= min : n < min;
    const what = `${opts.integer ? 'a whole number' : 'a number'} ${opts.exclusiveMin ? 'greater than' : 'from'} ${min}${opts.exclusiveMin ? ` and at most ${max}` : ` to ${max}`}`;
    if (!Number.isFinite(n) || tooLow || n > max || (opts.integer && !Number.isInteger(n)))
        throw new InputError(name, raw, what);
    return n;
}
function optNum(name, raw, min, max, opts = {}) {
    return raw.trim() === '' ? null : inputs_num(name, raw, min, max, opts);
}
function inputs_percent(name, raw) {
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
        sampleIntervalSeconds: inputs_num('sample-interval', get('sample-interval'), 0.1, 60),
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
        maxIncreasePercent: inputs_percent('max-increase', get('max-increase')),
        failOn: oneOf('fail-on', get('fail-on'), ['budget', 'regression', 'any', 'never']),
        requireMeasurement: bool('require-measurement', get('require-measurement')),
        minBaselineRuns: inputs_num('min-baseline-runs', get('min-baseline-runs'), 1, 100, { integer: true }),
        compareOn: oneOf('compare-on', get('compare-on'), ['gco2e', 'energy-wh', 'cpu-seconds']),
        baseline: bool('baseline', get('baseline')),
        baselineBranches: get('baseline-branches')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        baselineKey: optString(get('baseline-key')),
        baselineWindow: inputs_num('baseline-window', get('baseline-window'), 1, 50, { integer: true }),
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

;// CONCATENATED MODULE: ./src/app/instances.ts
// Two carbon-gate instances in one job (the action used twice). Each has its own run directory under
// RUNNER_TEMP; the second one finds the first there (same run id, sampler still alive). When both would
// report under the same key (same job-name and baseline-key), the second asks for distinct job-name
// values and reports as "instance 2" under a key of its own, so neither overwrites the other's comment,
// baseline or artifact.




/** Live carbon-gate runs of this workflow run under `parent` (RUNNER_TEMP), with the same report key. */
function liveInstances(parent, self) {
    let names;
    try {
        names = (0,external_node_fs_.readdirSync)(parent).filter((n) => n.startsWith('carbon-gate-'));
    }
    catch {
        return [];
    }
    const out = [];
    for (const n of names) {
        const runDir = external_node_path_default().join(parent, n);
        try {
            const info = readRunInfo(runDir);
            if (info.job.runId !== self.runId)
                continue;
            if ((info.settings.jobName ?? null) !== self.jobName || (info.settings.baselineKey ?? null) !== self.baselineKey)
                continue;
            if (!isOurSampler(info.samplerPid, info.samplerScript, runDir))
                continue;
            out.push({ runDir, samplerPid: info.samplerPid, jobName: info.settings.jobName ?? null });
        }
        catch {
            /* not a run directory, or one being written: not an instance to count */
        }
    }
    return out;
}
/** The key parts of instance n > 1: its own baseline key (and so its own comment marker and artifact). */
function instanceKeys(ctx, instance) {
    if (instance <= 1)
        return { legKey: ctx.legKey, jobKey: `${ctx.workflow}/${ctx.job}/${ctx.legKey}`, jobLabel: ctx.jobLabel };
    const legKey = `${ctx.legKey}-i${instance}`;
    return { legKey, jobKey: `${ctx.workflow}/${ctx.job}/${legKey}`, jobLabel: `${ctx.jobLabel} (instance ${instance})` };
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

;// CONCATENATED MODULE: ./src/core/model/model-kind.ts
// The one interface every kind of power model implements (CCF cloud, TDP, Eco CI curve, GitHub-hosted),
// in the shape of Cloud Carbon Footprint's estimators: pure, with the machine, the inputs and the
// constants (tables, provider row) passed in. A leaf: the kinds import it, it imports none of them.

// Memory is counted in GiB (2^30 bytes) throughout, and labelled so: CCF's 0.392 W per "GB" is applied
// to cloud instance memory, which AWS and Azure size in GiB, and comes from DIMM power per capacity
// (Crucial, Micron), which is binary too; CodeCarbon's "GB" is bytes / 1024³ as well.
const GIB = 1024 ** 3;
const fmt = (x, digits = 4) => num(x, digits);
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
const lookups_instanceKeys = new WeakMap();
function instanceRow(tables, p, instanceType) {
    let byProvider = lookups_instanceKeys.get(tables);
    if (!byProvider)
        lookups_instanceKeys.set(tables, (byProvider = new Map()));
    let idx = byProvider.get(p);
    if (!idx)
        byProvider.set(p, (idx = new Map(tables.instancesOf(p).map((r) => [r.key, r]))));
    return idx.get(normaliseInstanceType(instanceType, providerRow(tables, p)?.instancePrefixes)) ?? null;
}
function gridFactor(tables, p, region) {
    return tables.gridIndex.get(`${p}:${region.trim().toLowerCase()}`) ?? null;
}
function lookups_countryRow(tables, code) {
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




;// CONCATENATED MODULE: ./src/core/model/intensity.ts
// Grid intensity resolution (pure). Order: input carbon-intensity; live Electricity Maps value
// (when a token gave one); input region (cloud table); input country (country table); the region
// found by instance metadata; for GitHub-hosted runners the average of their documented US regions;
// the OWID world average. Unknown region/country inputs are errors listing the nearest names.




const intensity_fmt = (x) => num(x, 4);
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
    const c = lookups_countryRow(tables, code);
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
        const c = lookups_countryRow(tables, settings.country);
        if (!c) {
            const names = tables.countries.flatMap((r) => (r.iso2 ? [r.iso2, r.iso3] : [r.iso3]));
            const near = nearestNames(names.filter((x) => x.length === settings.country.length), settings.country).map((code) => `${code} (${lookups_countryRow(tables, code)?.country})`);
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

;// CONCATENATED MODULE: ./src/app/action-start.ts
// pre (and main, when GitHub skipped pre for a local `uses: ./` action): validate inputs, start sampling.









const STATE_RUN_DIR = 'run-dir';
const STATE_SAMPLER_PID = 'sampler-pid';
/** The measured tree's root: the runner's worker (this step's parent), unless overridden. */
function rootPidFrom(env) {
    const o = env.CARBON_GATE_ROOT_PID;
    if (o !== undefined && o !== '') {
        const n = Number(o);
        if (!Number.isInteger(n) || n <= 1)
            throw new InputError('CARBON_GATE_ROOT_PID', o, 'a process id greater than 1');
        return n;
    }
    return process.ppid;
}
async function startFromAction(stage, entryUrl, env = process.env, runner = createRunner(env)) {
    const t0 = performance.now();
    let settings;
    let facts;
    try {
        settings = parseSettings(envLookup(env));
        facts = readHardwareFacts(env);
        validateAgainstTables(settings, facts, env);
    }
    catch (e) {
        if (e instanceof InputError) {
            runner.fail(`carbon-gate: ${e.message}`);
            return;
        }
        runner.warning(`carbon-gate could not check its inputs against the data tables (${e.message}); measuring anyway.`);
        settings = settings ?? null;
    }
    if (!settings || !facts)
        return;
    try {
        // Another instance in this job under the same key would overwrite this one's comment and baseline.
        const others = liveInstances(env.RUNNER_TEMP ?? external_node_os_default().tmpdir(), { runId: env.GITHUB_RUN_ID, jobName: settings.jobName, baselineKey: settings.baselineKey });
        const instance = others.length + 1;
        if (others.length) {
            runner.warning(`carbon-gate: ${others.length === 1 ? 'another carbon-gate instance is' : `${others.length} other carbon-gate instances are`} measuring this job under the same job-name ` +
                `(sampler pid ${others.map((o) => o.samplerPid).join(', ')}). Give each use of the action a distinct \`job-name\` input; ` +
                `until then this one reports as instance ${instance}, with its own comment, baseline and artifact.`);
        }
        const started = startMeasurement({
            env,
            settings,
            job: jobFromEnv(env, settings.jobName),
            rootPid: rootPidFrom(env),
            samplerScript: samplerScript(entryUrl),
            facts,
            instance,
        });
        runner.saveState(STATE_RUN_DIR, started.runDir);
        runner.saveState(STATE_SAMPLER_PID, String(started.samplerPid));
        runner.info(`carbon-gate: sampling every ${settings.sampleIntervalSeconds} s (scope ${settings.scope}) — ${facts.cpuModel}, ${facts.logicalCpus} logical CPUs, ` +
            `${bytes(facts.memoryBytes)}, ${facts.os}/${facts.arch}, ${facts.runnerEnvironment}. ` +
            `Sampler pid ${started.samplerPid}, root pid ${started.info.rootPid}, data in ${started.runDir} (${stage}, ${num(performance.now() - t0)} ms).`);
        // A sampler that cannot start or cannot write is reported now, not discovered in post.
        const first = await waitForFirstSample(started.samplerPid, started.runDir);
        if (first !== 'written') {
            runner.warning(`carbon-gate: the sampler ${first === 'exited' ? 'exited' : 'has not written'} its first sample ${first === 'exited' ? 'without writing a sample' : 'after 5 s'} ` +
                `(see ${started.runDir}/sampler.log). Unless it recovers, this job will be reported as Not measured.`);
        }
    }
    catch (e) {
        runner.warning(`carbon-gate could not start its sampler (${e.message}); this job will not be measured. The build is not failed for this.`);
    }
}
async function runMain(entryUrl, env = process.env) {
    const runner = createRunner(env);
    const dir = runner.getState(STATE_RUN_DIR);
    if (dir) {
        runner.info(`carbon-gate: sampling is running (sampler pid ${runner.getState(STATE_SAMPLER_PID)}, data in ${dir}). The report is written by the post step.`);
        return;
    }
    runner.info('carbon-gate: no pre step ran (local `uses: ./` actions skip pre): starting the sampler now.');
    await startFromAction('main', entryUrl, env, runner);
}


/***/ }),

/***/ 719:
/***/ ((module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _adapters_direct_run_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(323);
/* harmony import */ var _app_action_start_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(73);


/** The main step. Exported for GitHub's local-action, which imports the entry and calls run(). */
async function run() {
    await (0,_app_action_start_js__WEBPACK_IMPORTED_MODULE_1__/* .runMain */ .VN)(import.meta.url);
}
if ((0,_adapters_direct_run_js__WEBPACK_IMPORTED_MODULE_0__/* .isDirectRun */ .d)(import.meta.url))
    await run();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 24:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

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
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(719);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ var __webpack_exports__run = __webpack_exports__.e;
/******/ export { __webpack_exports__run as run };
/******/ 
