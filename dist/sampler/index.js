import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
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
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_namespaceObject);
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/adapters/direct-run.ts
// Is this module the program node was started with? Each entry (dist/<entry>/index.js) runs itself
// when the runner starts it (`node dist/pre/index.js`) or when the npm bin link to it is run, and only
// exports run() when another program imports it: GitHub's @github/local-action imports an entry and
// calls its run() (its src/commands/run.ts), which must not start the stage a second time.
// Light on purpose: the sampler entry uses it.



function realOrResolved(file) {
    try {
        return (0,external_node_fs_namespaceObject.realpathSync)(file);
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
    const self = realOrResolved((0,external_node_url_namespaceObject.fileURLToPath)(moduleUrl));
    if (!self)
        return false;
    const asked = external_node_path_default().resolve(argv1);
    return [asked, `${asked}.js`, external_node_path_default().join(asked, 'index.js')].some((candidate) => realOrResolved(candidate) === self);
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
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
        fd = (0,external_node_fs_namespaceObject.openSync)(path, 'r');
    }
    catch {
        return null;
    }
    try {
        let n = 0;
        for (;;) {
            const room = shared.length - n;
            const got = (0,external_node_fs_namespaceObject.readSync)(fd, shared, n, room, null);
            if (got === 0 || (oneRecord && got < room))
                return shared.toString('latin1', 0, n + got);
            n += got;
            if (n === shared.length)
                return (0,external_node_fs_namespaceObject.readFileSync)(path, 'latin1');
        }
    }
    catch {
        return null;
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
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
    return (0,external_node_fs_namespaceObject.existsSync)(`${procRoot}/${pid}`);
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
    for (const name of (0,external_node_fs_namespaceObject.readdirSync)(procRoot)) {
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
                this.fd = (0,external_node_fs_namespaceObject.openSync)(this.path, 'r');
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
                const got = (0,external_node_fs_namespaceObject.readSync)(this.fd, shared, n, room, n);
                if (got < room) {
                    const at = until === undefined ? -1 : shared.indexOf(until, 0, 'latin1');
                    return shared.toString('latin1', 0, at >= 0 && at < n + got ? at : n + got);
                }
                n += got;
                if (n === shared.length) {
                    this.close();
                    return (0,external_node_fs_namespaceObject.readFileSync)(this.path, 'latin1');
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
                (0,external_node_fs_namespaceObject.closeSync)(this.fd);
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
        entries = (0,external_node_fs_namespaceObject.readdirSync)(dir, { withFileTypes: true });
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
        return (0,external_node_fs_namespaceObject.readFileSync)(`${procRoot}/${pid}/environ`, 'latin1');
    }
    catch {
        return null;
    }
}
/** A process's argument vector (/proc/<pid>/cmdline), or null when unreadable or empty (a kernel thread, a zombie). */
function readCmdline(procRoot, pid) {
    let text;
    try {
        text = (0,external_node_fs_namespaceObject.readFileSync)(`${procRoot}/${pid}/cmdline`, 'utf8');
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
        fd = (0,external_node_fs_namespaceObject.openSync)(file, 'r');
    }
    catch {
        return null;
    }
    try {
        const buf = Buffer.alloc(maxBytes);
        const n = (0,external_node_fs_namespaceObject.readSync)(fd, buf, 0, maxBytes, 0);
        return buf.toString('utf8', 0, n);
    }
    catch {
        return null;
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
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
        found = parseAuxv((0,external_node_fs_namespaceObject.readFileSync)(`${procRoot}/self/auxv`), wordBytes);
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

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/sampler/platform/machine.ts
// Machine CPU and memory without /proc: os.cpus() times and os.totalmem()/os.freemem().
// os.cpus() reports, per logical CPU, cumulative milliseconds in user, nice, sys, idle and irq
// since boot; Sample['cpu'] wants cumulative busy and total seconds, so summing is enough.

/** Cumulative busy/total CPU seconds over all logical CPUs, from os.cpus()-shaped data. */
function cpuFromTimes(cpus) {
    let busyMs = 0;
    let totalMs = 0;
    for (const { times } of cpus) {
        const busy = times.user + times.nice + times.sys + times.irq;
        busyMs += busy;
        totalMs += busy + times.idle;
    }
    return { busySeconds: busyMs / 1000, totalSeconds: totalMs / 1000, logicalCpus: cpus.length };
}
/**
 * Machine reading from the os module. On macOS os.freemem() is the kernel's free page count
 * (inactive and purgeable pages not included), so availableBytes is a lower bound there; on
 * Windows it is the available physical memory (ullAvailPhys).
 */
function osMachine() {
    return {
        cpu: cpuFromTimes(external_node_os_default().cpus()),
        mem: { totalBytes: external_node_os_default().totalmem(), availableBytes: external_node_os_default().freemem() },
    };
}

;// CONCATENATED MODULE: ./src/sampler/platform/tree.ts
// Process-tree accounting from whole process-table snapshots (macOS `ps`, Windows
// Win32_Process), for platforms without /proc.
//
// Unlike Linux's cutime/cstime, neither `ps time` on macOS nor Win32_Process Kernel/UserModeTime
// include the CPU of children that have exited. So the tree's CPU is
//   Σ live members' own CPU + the last CPU seen of members that have exited
//   + what members that left the tree alive had used while in it (carried),
// which loses (a) the CPU a member used between the last snapshot and its exit and (b) every
// process that lived entirely between two snapshots. docs/platforms.md quantifies this.
//
// Membership: the root, and every process whose parent is a member. On macOS an orphan is
// re-parented to launchd (pid 1), so it leaves the tree (escaped). On Windows the parent id of an
// orphan keeps pointing at its dead parent, so dead members still count as parents there
// (orphansKeepParent) until their pid shows up again as an unrelated live process.
// Pid reuse is caught when a known pid's CPU time goes backwards.
/** A pid whose CPU fell by more than this is a new process with a reused pid. */
const REUSE_TOLERANCE_SECONDS = 0.05;
class SnapshotTreeTracker {
    opts;
    members = new Map();
    escaped = new Map();
    deadParents = new Set();
    exclude;
    carriedSeconds = 0;
    exitedSeconds = 0;
    escapedSeconds = 0;
    lastS = 0;
    rootGone = false;
    constructor(opts) {
        this.opts = opts;
        this.exclude = new Set(opts.excludePids ?? []);
    }
    update(rows) {
        const byPid = new Map();
        for (const r of rows)
            byPid.set(r.pid, r);
        const { rootPid } = this.opts;
        // 1. Refresh members; those gone (or whose pid was reused) have exited.
        for (const [pid, m] of this.members) {
            const row = byPid.get(pid);
            if (!row || row.cpuSeconds < m.cpu - REUSE_TOLERANCE_SECONDS) {
                this.exitedSeconds += m.cpu;
                this.members.delete(pid);
                if (this.opts.orphansKeepParent && !row)
                    this.deadParents.add(pid);
                if (pid === rootPid)
                    this.rootGone = true;
                continue;
            }
            m.cpu = row.cpuSeconds;
            m.ppid = row.ppid;
        }
        if (!this.rootGone && !this.members.has(rootPid)) {
            const root = byPid.get(rootPid);
            if (root)
                this.members.set(rootPid, { cpu: root.cpuSeconds, ppid: root.ppid });
            else
                this.rootGone = true;
        }
        // A dead member's pid now used by a live process is not a parent of the tree any more.
        for (const pid of this.deadParents)
            if (byPid.has(pid) && !this.members.has(pid))
                this.deadParents.delete(pid);
        // 2. Members whose parent is no longer in the tree left it alive: carry their CPU so far.
        const isParent = (pid) => this.members.has(pid) || this.deadParents.has(pid);
        for (let changed = true; changed;) {
            changed = false;
            for (const [pid, m] of this.members) {
                if (pid === rootPid || isParent(m.ppid))
                    continue;
                this.members.delete(pid);
                this.carriedSeconds += m.cpu;
                this.escaped.set(pid, m.cpu);
                changed = true;
            }
        }
        // 3. New members: children of members (and, on Windows, of dead members).
        if (!this.rootGone) {
            const byParent = new Map();
            for (const r of rows) {
                if (this.members.has(r.pid) || this.exclude.has(r.pid) || this.escaped.has(r.pid) || r.pid === r.ppid)
                    continue;
                const list = byParent.get(r.ppid);
                if (list)
                    list.push(r);
                else
                    byParent.set(r.ppid, [r]);
            }
            const queue = [...this.members.keys(), ...this.deadParents];
            while (queue.length) {
                const pid = queue.pop();
                for (const r of byParent.get(pid) ?? []) {
                    if (this.members.has(r.pid))
                        continue;
                    this.members.set(r.pid, { cpu: r.cpuSeconds, ppid: r.ppid });
                    queue.push(r.pid);
                }
            }
        }
        // 4. Escaped processes: what they use after leaving.
        for (const [pid, cpu] of this.escaped) {
            const row = byPid.get(pid);
            if (!row || row.cpuSeconds < cpu - REUSE_TOLERANCE_SECONDS) {
                this.escaped.delete(pid);
                continue;
            }
            if (row.cpuSeconds > cpu)
                this.escapedSeconds += row.cpuSeconds - cpu;
            this.escaped.set(pid, row.cpuSeconds);
        }
        let S = this.carriedSeconds + this.exitedSeconds;
        let rss = 0;
        for (const [pid, m] of this.members) {
            S += m.cpu;
            rss += byPid.get(pid)?.rssBytes ?? 0;
        }
        if (S < this.lastS)
            S = this.lastS; // rounding of the tool's time column; keep it monotone
        this.lastS = S;
        return {
            cpuSeconds: S,
            rssBytes: rss,
            processes: this.members.size,
            escapedCpuSeconds: this.escapedSeconds,
            method: this.opts.method,
            ...(this.rootGone ? { rootGone: true } : {}),
        };
    }
}

;// CONCATENATED MODULE: ./src/sampler/platform/darwin.ts
// macOS: machine CPU/memory from the os module, the job's tree from one
// `ps -A -o pid=,ppid=,time=,rss=` per tree read (a synchronous spawn, so the tree reading
// belongs to the same instant as the machine reading of that tick).
//
// Accuracy: `time` is the process's own user+system CPU; macOS ps does not add reaped children
// to it, so see platform/tree.ts for what is lost. rss is in KiB.



/**
 * `ps` cumulative CPU time: [[dd-]hh:]mm:ss[.cc]. macOS prints minutes:seconds.hundredths with
 * unbounded minutes ("123:45.67"); procps and newer BSDs print "[dd-]hh:mm:ss". The decimal mark
 * follows the locale (we run ps with LC_ALL=C, but accept "," too). Returns NaN when malformed.
 */
function parsePsTime(text) {
    const m = /^(?:(\d+)-)?(?:(\d+):)?(\d+):(\d+(?:[.,]\d+)?)$/.exec(text.trim());
    if (!m)
        return NaN;
    const [, days, hours, minutes, seconds] = m;
    return (Number(days ?? 0) * 24 + Number(hours ?? 0)) * 3600 + Number(minutes) * 60 + Number(seconds.replace(',', '.'));
}
/** Rows of `ps -A -o pid=,ppid=,time=,rss=` (no header). Malformed lines are skipped and counted. */
function parsePsOutput(text) {
    const rows = [];
    let skipped = 0;
    for (const line of text.split(/\r?\n/)) {
        if (line.trim() === '')
            continue;
        const f = line.trim().split(/\s+/);
        const pid = Number(f[0]);
        const ppid = Number(f[1]);
        const cpu = parsePsTime(f[2] ?? '');
        const rssKiB = Number(f[3]);
        if (f.length !== 4 || !Number.isInteger(pid) || !Number.isInteger(ppid) || !Number.isFinite(cpu) || !Number.isFinite(rssKiB)) {
            skipped++;
            continue;
        }
        rows.push({ pid, ppid, cpuSeconds: cpu, rssBytes: rssKiB * 1024 });
    }
    return { rows, skipped };
}
function createDarwinReader(opts = {}) {
    const excludePids = opts.excludePids ?? [];
    let tracker;
    let trackerRoot = 0;
    const faults = [];
    return {
        machine: osMachine,
        tree(rootPid) {
            if (!tracker || trackerRoot !== rootPid) {
                tracker = new SnapshotTreeTracker({ rootPid, method: 'ps', excludePids });
                trackerRoot = rootPid;
            }
            const res = (0,external_node_child_process_namespaceObject.spawnSync)(opts.psCommand ?? 'ps', ['-A', '-o', 'pid=,ppid=,time=,rss='], {
                encoding: 'utf8',
                timeout: opts.timeoutMs ?? 5000,
                stdio: ['ignore', 'pipe', 'pipe'],
                env: { ...(opts.env ?? process.env), LC_ALL: 'C' },
                maxBuffer: 16 * 1024 * 1024,
            });
            if (res.error || res.status !== 0) {
                const why = res.error?.message ?? `exit ${res.status ?? res.signal}: ${(res.stderr ?? '').trim().slice(0, 200)}`;
                throw new Error(`ps failed (${why})`);
            }
            const { rows, skipped } = parsePsOutput(res.stdout);
            if (rows.length === 0)
                throw new Error('ps printed no process');
            if (skipped > 0 && faults.length < 20)
                faults.push(`ps: ${skipped} unreadable line(s) skipped`);
            return tracker.update(rows);
        },
        takeFaults: () => faults.splice(0, faults.length),
    };
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

;// CONCATENATED MODULE: ./src/sampler/gpu/parse.ts
// Pure parsers for the GPU tools' output. No I/O here.
//
// Formats, checked against real output quoted in public issues:
// - nvidia-smi `--query-gpu=… --format=csv,noheader,nounits`: one line per GPU, fields joined by
//   ", ", unsupported fields printed as "[N/A]" or "[Not Supported]" (e.g. kylemcdonald/nvidia-co2#1,
//   tutulino/Megaminer#235 "GeForce GTX 770, [Not Supported], …", plambe/zabbix-nvidia-smi-multi-gpu#17
//   "NVIDIA GeForce RTX 3080, …, [N/A], …"). With -lms the same block repeats every period.
// - nvidia-smi `--query-compute-apps=gpu_uuid,pid,used_memory …,noheader,nounits`: one line per
//   process ("GPU-8fe3a97d-…, 12345, 1024"), empty output when no process uses a GPU.
// - rocm-smi `--showpower --showuse [--showmeminfo vram] --json`: one object keyed "card0", "card1",
//   … with string values, e.g. henrygd/beszel#414:
//   {"card0": {"Average Graphics Package Power (W)": "19.0", "GPU use (%)": "0",
//    "VRAM Total Memory (B)": "25753026560", "VRAM Total Used Memory (B)": "794341376"}}
//   Newer ROCm / APUs / MI300 print "Current Socket Graphics Package Power (W)" instead
//   (ROCm/rocm_smi_lib#149), and a secondary die of an MI250 prints "N/A (Secondary die)"
//   (ROCm/rocm_smi_lib#160). Some versions print a WARNING line before the JSON.
// - rocm-smi `--showproductname --json`: "Card series"/"Card Series", "Card model", "Card SKU" per card.
/** A number, or null for "[N/A]", "[Not Supported]", "N/A (Secondary die)", empty and other non-numbers. */
function parseGpuNumber(field) {
    if (field === undefined || field === null)
        return null;
    if (typeof field === 'number')
        return Number.isFinite(field) ? field : null;
    const text = field.trim();
    if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text))
        return null;
    const value = Number(text);
    return Number.isFinite(value) ? value : null;
}
/** The fields of the streamed nvidia-smi query, in order. */
const NVIDIA_QUERY_FIELDS = ['index', 'name', 'power.draw', 'utilization.gpu', 'memory.used', 'memory.total'];
/**
 * One line of `--query-gpu=index,name,power.draw,utilization.gpu,memory.used,memory.total
 * --format=csv,noheader,nounits`. Returns undefined for a line that is not such a row
 * (an error message, a blank line, a truncated line).
 */
function parseNvidiaGpuLine(line) {
    const fields = line.split(',').map((f) => f.trim());
    if (fields.length < NVIDIA_QUERY_FIELDS.length)
        return undefined;
    // The name is the only free-text field; take the numbers from both ends so a comma in a
    // name cannot shift them.
    const index = parseGpuNumber(fields[0]);
    if (index === null || !Number.isInteger(index) || index < 0)
        return undefined;
    const tail = fields.slice(-4);
    const name = fields.slice(1, fields.length - 4).join(', ');
    if (name === '')
        return undefined;
    const [watts, util, memUsed, memTotal] = tail.map(parseGpuNumber);
    // A truncated line ("0, Tesla T4, 27.") would still parse; require the last field to be a
    // complete token: a number or a bracketed marker.
    const last = tail[3];
    if (last === '' || (memTotal === null && !/^\[.*\]$|^N\/A$/.test(last)))
        return undefined;
    return {
        index,
        name,
        watts: watts !== null && watts >= 0 ? watts : null,
        utilPercent: util,
        memoryUsedMiB: memUsed,
        memoryTotalMiB: memTotal,
        vendor: 'nvidia',
    };
}
/** Output of `--query-compute-apps=gpu_uuid,pid,used_memory --format=csv,noheader,nounits`. */
function parseNvidiaComputeApps(text) {
    const apps = [];
    for (const line of text.split(/\r?\n/)) {
        const fields = line.split(',').map((f) => f.trim());
        if (fields.length < 3)
            continue;
        const pid = parseGpuNumber(fields[1]);
        if (pid === null || !Number.isInteger(pid) || pid <= 0)
            continue;
        apps.push({ gpuUuid: fields[0], pid, usedMemoryMiB: parseGpuNumber(fields[2]) });
    }
    return apps;
}
/** Output of the one-off probe `--query-gpu=index,uuid,name --format=csv,noheader,nounits`. */
function parseNvidiaProbe(text) {
    const gpus = [];
    for (const line of text.split(/\r?\n/)) {
        const fields = line.split(',').map((f) => f.trim());
        if (fields.length < 3)
            continue;
        const index = parseGpuNumber(fields[0]);
        if (index === null || !Number.isInteger(index))
            continue;
        gpus.push({ index, uuid: fields[1], name: fields.slice(2).join(', ') });
    }
    return gpus;
}
/** Cuts a byte stream into lines; keeps a partial last line until its newline arrives. */
class LineSplitter {
    maxLineChars;
    rest = '';
    /** Bound on a line without newline, so garbage without newlines cannot grow memory. */
    constructor(maxLineChars = 64 * 1024) {
        this.maxLineChars = maxLineChars;
    }
    push(chunk) {
        const text = this.rest + chunk;
        const parts = text.split(/\r?\n/);
        this.rest = parts.pop() ?? '';
        if (this.rest.length > this.maxLineChars)
            this.rest = '';
        return parts.filter((p) => p.trim() !== '');
    }
    /** The unterminated remainder (for messages when the stream ends). */
    pending() {
        return this.rest;
    }
}
/** Averages the readings received between two take() calls, per GPU index. */
class GpuAggregator {
    acc = new Map();
    add(r) {
        const a = this.acc.get(r.index) ?? { last: r, wattsSum: 0, wattsN: 0, utilSum: 0, utilN: 0, lines: 0 };
        a.last = r;
        a.lines += 1;
        if (r.watts !== null) {
            a.wattsSum += r.watts;
            a.wattsN += 1;
        }
        if (r.utilPercent !== null) {
            a.utilSum += r.utilPercent;
            a.utilN += 1;
        }
        this.acc.set(r.index, a);
    }
    get size() {
        return this.acc.size;
    }
    /** Mean power and utilisation per GPU (null when every line said N/A), last memory and name; resets. */
    drain() {
        if (this.acc.size === 0)
            return undefined;
        const out = [...this.acc.values()]
            .map((a) => ({
            ...a.last,
            watts: a.wattsN > 0 ? a.wattsSum / a.wattsN : null,
            utilPercent: a.utilN > 0 ? a.utilSum / a.utilN : null,
        }))
            .sort((x, y) => x.index - y.index);
        this.acc.clear();
        return out;
    }
}
const ROCM_POWER_KEYS = [
    'Average Graphics Package Power (W)',
    'Current Socket Graphics Package Power (W)',
    'Average Graphics Package Power(W)',
];
const ROCM_UTIL_KEYS = ['GPU use (%)', 'GPU Utilization (%)'];
const ROCM_NAME_KEYS = ['card series', 'card model', 'device name', 'card sku'];
const BYTES_PER_MIB = 1024 * 1024;
/** Extracts the JSON object from rocm-smi output that may carry warning lines around it. */
function extractJsonObject(text) {
    const start = text.indexOf('{');
    const end = text.lastIndexOf('}');
    if (start < 0 || end < start)
        throw new Error('no JSON object in rocm-smi output');
    return JSON.parse(text.slice(start, end + 1));
}
function cards(doc) {
    if (doc === null || typeof doc !== 'object')
        throw new Error('rocm-smi JSON is not an object');
    const out = [];
    for (const [key, value] of Object.entries(doc)) {
        const m = /^card(\d+)$/i.exec(key);
        if (!m || value === null || typeof value !== 'object')
            continue;
        out.push([Number(m[1]), value]);
    }
    return out.sort((a, b) => a[0] - b[0]);
}
function pick(card, keys) {
    for (const k of keys)
        if (k in card)
            return card[k];
    return undefined;
}
/** Card names from `rocm-smi --showproductname --json`, by card index. */
function parseRocmProductNames(text) {
    const names = new Map();
    for (const [index, card] of cards(extractJsonObject(text))) {
        const lower = new Map(Object.entries(card).map(([k, v]) => [k.toLowerCase(), v]));
        for (const k of ROCM_NAME_KEYS) {
            const v = lower.get(k);
            if (typeof v === 'string' && v.trim() !== '' && v.trim() !== 'N/A') {
                names.set(index, v.trim());
                break;
            }
        }
    }
    return names;
}
/** Readings from `rocm-smi --showpower --showuse [--showmeminfo vram] --json`. Throws on non-JSON. */
function parseRocmSmiJson(text, names = new Map()) {
    return cards(extractJsonObject(text)).map(([index, card]) => {
        const totalB = parseGpuNumber(card['VRAM Total Memory (B)']);
        const usedB = parseGpuNumber(card['VRAM Total Used Memory (B)']);
        const watts = parseGpuNumber(pick(card, ROCM_POWER_KEYS));
        return {
            index,
            name: names.get(index) ?? `AMD GPU ${index}`,
            watts: watts !== null && watts >= 0 ? watts : null,
            utilPercent: parseGpuNumber(pick(card, ROCM_UTIL_KEYS)),
            memoryUsedMiB: usedB === null ? null : usedB / BYTES_PER_MIB,
            memoryTotalMiB: totalB === null ? null : totalB / BYTES_PER_MIB,
            vendor: 'amd',
        };
    });
}

;// CONCATENATED MODULE: ./src/sampler/platform/win32.ts
// Windows: machine CPU/memory from the os module; the job's tree from Win32_Process, read by ONE
// long-running Windows PowerShell child that prints the process table as CSV every period
// (WIN32_TREE_PERIOD_SECONDS), each block ended by a "#END" line. Starting PowerShell costs far more than one
// CIM query, so it is started once, not per read. The child exits by itself when the sampler is gone.
//
// Kernel/UserModeTime are in 100 ns units and, like macOS ps, exclude exited children: see
// platform/tree.ts. WorkingSetSize is in bytes. The tree reading is up to one period old.





const FIELDS = ['ProcessId', 'ParentProcessId', 'KernelModeTime', 'UserModeTime', 'WorkingSetSize'];
const HUNDRED_NS_PER_SECOND = 1e7;
function splitCsvLine(line) {
    // ConvertTo-Csv quotes every field ("1234"); values here never contain commas or quotes.
    return line.split(',').map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
}
/**
 * Rows of `Get-CimInstance Win32_Process | Select-Object ProcessId,ParentProcessId,KernelModeTime,
 * UserModeTime,WorkingSetSize | ConvertTo-Csv -NoTypeInformation`: a header line, then one quoted
 * line per process. Columns are found by header name. Lines that do not parse are counted.
 */
function parseWin32ProcessCsv(text) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
    const rows = [];
    let skipped = 0;
    let col;
    for (const line of lines) {
        const f = splitCsvLine(line);
        if (f[0] === 'ProcessId' || f.includes('ProcessId')) {
            col = FIELDS.map((name) => f.indexOf(name));
            if (col.some((c) => c < 0))
                throw new Error(`Win32_Process CSV header lacks a column: ${line.slice(0, 200)}`);
            continue;
        }
        if (!col) {
            skipped++;
            continue;
        }
        const [pid, ppid, kernel, user, ws] = col.map((c) => (f[c] === '' ? NaN : Number(f[c])));
        if (![pid, ppid, kernel, user, ws].every(Number.isFinite)) {
            skipped++;
            continue;
        }
        rows.push({ pid, ppid, cpuSeconds: (kernel + user) / HUNDRED_NS_PER_SECOND, rssBytes: ws });
    }
    return { rows, skipped };
}
/** The PowerShell loop, for -EncodedCommand (UTF-16LE base64, immune to Windows argument quoting). */
function win32LoopScript(parentPid, periodMs) {
    const props = FIELDS.join(',');
    return [
        "$ErrorActionPreference = 'Stop'",
        'while ($true) {',
        `  if (-not (Get-Process -Id ${parentPid} -ErrorAction SilentlyContinue)) { exit 0 }`,
        '  try {',
        `    Get-CimInstance -ClassName Win32_Process -Property ${props} | Select-Object ${props} | ConvertTo-Csv -NoTypeInformation`,
        '  } catch { "#ERROR $($_.Exception.Message)" }',
        "  '#END'",
        `  Start-Sleep -Milliseconds ${Math.round(periodMs)}`,
        '}',
    ].join('\n');
}
function encodePowerShell(script) {
    return Buffer.from(script, 'utf16le').toString('base64');
}
function createWin32Reader(opts = {}) {
    const periodMs = Math.max(1, opts.treePeriodSeconds ?? WIN32_TREE_PERIOD_SECONDS) * 1000;
    const maxRestarts = opts.maxRestarts ?? 3;
    const faults = [];
    const fault = (m) => {
        if (faults.length < 50)
            faults.push(m);
    };
    let child;
    let started = false;
    let stopped = false;
    let restarts = 0;
    let pendingBlock;
    let tracker;
    let trackerRoot = 0;
    let last;
    let restartTimer;
    const launch = () => {
        const args = ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encodePowerShell(win32LoopScript(process.pid, periodMs))];
        const splitter = new LineSplitter(4 * 1024 * 1024);
        let block = [];
        let proc;
        try {
            proc = (0,external_node_child_process_namespaceObject.spawn)(opts.command ?? 'powershell.exe', args, { env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
        }
        catch (err) {
            fault(`PowerShell could not start (${err.message}): no process tree`);
            return;
        }
        child = proc;
        proc.stdout?.setEncoding('utf8');
        proc.stdout?.on('data', (chunk) => {
            for (const line of splitter.push(chunk)) {
                if (line.startsWith('#END')) {
                    pendingBlock = block.join('\n');
                    block = [];
                }
                else if (line.startsWith('#ERROR')) {
                    fault(`Win32_Process query failed: ${line.slice(7, 200)}`);
                }
                else if (block.length < 200000) {
                    block.push(line);
                }
            }
        });
        proc.stderr?.resume();
        proc.on('error', (err) => {
            if (child !== proc)
                return;
            child = undefined;
            fault(`PowerShell could not run (${err.message}): no process tree`);
            restarts = maxRestarts; // a missing executable does not come back
        });
        proc.on('close', (code) => {
            if (child !== proc)
                return;
            child = undefined;
            if (stopped)
                return;
            if (restarts >= maxRestarts) {
                fault(`PowerShell process list exited (code ${code}); gave up after ${restarts} restart(s): tree readings stop (gap)`);
                return;
            }
            restarts++;
            fault(`PowerShell process list exited (code ${code}); restart ${restarts} of ${maxRestarts}`);
            restartTimer = setTimeout(() => !stopped && launch(), opts.restartDelayMs ?? 2000);
            restartTimer.unref();
        });
    };
    return {
        machine: osMachine,
        tree(rootPid) {
            if (!started) {
                started = true;
                launch();
            }
            if (!tracker || trackerRoot !== rootPid) {
                tracker = new SnapshotTreeTracker({ rootPid, method: 'wmi', excludePids: opts.excludePids, orphansKeepParent: true });
                trackerRoot = rootPid;
                last = undefined;
            }
            if (pendingBlock !== undefined) {
                const text = pendingBlock;
                pendingBlock = undefined;
                try {
                    const { rows, skipped } = parseWin32ProcessCsv(text);
                    if (skipped > 0)
                        fault(`Win32_Process: ${skipped} unreadable line(s) skipped`);
                    if (rows.length > 0)
                        last = tracker.update(rows);
                }
                catch (err) {
                    fault(err.message);
                }
            }
            return last;
        },
        takeFaults: () => faults.splice(0, faults.length),
        stop() {
            stopped = true;
            if (restartTimer)
                clearTimeout(restartTimer);
            child?.kill();
            child = undefined;
        },
    };
}

;// CONCATENATED MODULE: ./src/sampler/platform/index.ts
// Machine and tree readers for platforms without /proc. Linux is served by src/sampler/linux/.


/**
 * The reader for `platform`, or undefined on Linux (use the /proc readers there).
 * macOS and the BSDs use `ps`, whose `-A -o pid=,ppid=,time=,rss=` they all accept; Windows uses
 * Win32_Process through one long-running PowerShell.
 */
function createPlatformReader(platform, opts = {}) {
    if (platform === 'linux')
        return undefined;
    if (platform === 'win32')
        return createWin32Reader({ excludePids: opts.excludePids, env: opts.env, treePeriodSeconds: opts.win32TreePeriodSeconds });
    return createDarwinReader({ excludePids: opts.excludePids, env: opts.env });
}

;// CONCATENATED MODULE: ./src/sampler/which.ts
// Finds an executable on PATH without spawning anything (the sampler must stay cheap).


/** Full path of an executable found on PATH (with PATHEXT on Windows), or undefined. Synchronous. */
function findOnPath(name, env, platform = process.platform) {
    const pathVar = env.PATH ?? env.Path ?? '';
    const exts = platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean)] : [''];
    const delimiter = platform === 'win32' ? ';' : ':';
    for (const dir of pathVar.split(delimiter)) {
        if (!dir)
            continue;
        for (const ext of exts) {
            const candidate = external_node_path_default().join(dir, name + ext);
            try {
                external_node_fs_default().accessSync(candidate, platform === 'win32' ? (external_node_fs_default()).constants.F_OK : (external_node_fs_default()).constants.X_OK);
                if (external_node_fs_default().statSync(candidate).isFile())
                    return candidate;
            }
            catch {
                // not in this directory
            }
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/sampler/gpu/source-state.ts
// What the nvidia-smi and rocm-smi sources share: the fault list (capped, drained each tick), giving
// up once, the "no power reading" note once per GPU, and holding the last readings for a short while
// when a tick gets none (a tool that prints late must not read as a 0 W gap).

const MAX_FAULTS = 100;
class GpuSourceState {
    tool;
    holdMs;
    faults = [];
    aggregator = new GpuAggregator();
    naReported = new Set();
    lastTaken;
    lastReadingAtMs = 0;
    gaveUp = false;
    /** @param tool the command's name, for messages. @param holdMs how long the last readings stand in for missing ones. */
    constructor(tool, holdMs) {
        this.tool = tool;
        this.holdMs = holdMs;
    }
    fault(msg) {
        if (this.faults.length < MAX_FAULTS)
            this.faults.push(msg);
    }
    /** Stops for good (once): no GPU readings from now on, recorded as a gap. Returns false if it had already given up. */
    giveUp(why) {
        if (this.gaveUp)
            return false;
        this.gaveUp = true;
        this.fault(`${why}; gave up: no GPU readings from now on (gap)`);
        return true;
    }
    /** One parsed reading from the tool. */
    add(reading) {
        this.lastReadingAtMs = Date.now();
        if (reading.watts === null && !this.naReported.has(reading.index)) {
            this.naReported.add(reading.index);
            this.fault(`${this.tool} reports no power draw for GPU ${reading.index} (${reading.name}): its power is modelled from utilisation`);
        }
        this.aggregator.add(reading);
    }
    /** Readings aggregated since the last call; else the last ones while still fresh (copies), else undefined. */
    take() {
        const readings = this.aggregator.drain();
        if (readings) {
            this.lastTaken = readings;
            return readings;
        }
        if (!this.gaveUp && this.lastTaken && Date.now() - this.lastReadingAtMs <= this.holdMs)
            return this.lastTaken.map((r) => ({ ...r }));
        return undefined;
    }
    drainFaults() {
        return this.faults.splice(0, this.faults.length);
    }
}

;// CONCATENATED MODULE: ./src/sampler/gpu/nvidia.ts
// NVIDIA GPUs through ONE long-running `nvidia-smi --query-gpu=… -lms <interval>` child, read as a
// stream. A second, short `--query-compute-apps` query runs every few ticks (async, never two at
// once) to learn which pids use which GPU. The child never inherits the sampler's stdio.
// nvidia-smi's loop mode writes each block as it is taken, so a pipe delivers lines promptly:
// production monitors read it this way (e.g. henrygd/beszel's agent streams `nvidia-smi -l 4
// --query-gpu=… --format=csv,noheader,nounits` line by line).




function nvidia_firstLine(text) {
    return (text ?? '').split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '')?.slice(0, 200) ?? '';
}
/** One synchronous `nvidia-smi --query-gpu=index,uuid,name` at start: is there a driver and which GPUs. */
function probeNvidia(env, timeoutMs = 15000) {
    const command = findOnPath('nvidia-smi', env);
    if (!command)
        return { ok: false, found: false, gpus: [], note: 'nvidia-smi not found on PATH: no NVIDIA GPU measured' };
    const res = (0,external_node_child_process_namespaceObject.spawnSync)(command, ['--query-gpu=index,uuid,name', '--format=csv,noheader,nounits'], {
        env,
        encoding: 'utf8',
        timeout: timeoutMs,
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
    });
    if (res.error) {
        return { ok: false, found: true, command, gpus: [], note: `nvidia-smi could not run (${res.error.message}): no NVIDIA GPU measured` };
    }
    const gpus = res.status === 0 ? parseNvidiaProbe(res.stdout) : [];
    if (gpus.length === 0) {
        const why = nvidia_firstLine(res.stdout) || nvidia_firstLine(res.stderr) || 'no GPU listed';
        return { ok: false, found: true, command, gpus: [], note: `nvidia-smi exited with code ${res.status ?? res.signal}: ${why}; no NVIDIA GPU measured` };
    }
    return { ok: true, found: true, command, gpus, note: '' };
}
function startNvidiaSource(opts) {
    const command = opts.command ?? findOnPath('nvidia-smi', opts.env) ?? 'nvidia-smi';
    const restartDelays = opts.restartDelaysMs ?? [1000, 2000, 4000];
    const appsEvery = opts.appsEveryTakes ?? 10;
    const holdMs = (opts.holdIntervals ?? 2.5) * opts.intervalMs;
    const uuidToIndex = new Map(opts.gpus.map((g) => [g.uuid, g.index]));
    const state = new GpuSourceState('nvidia-smi', holdMs);
    let child;
    let appsChild;
    let restartTimer;
    let restarts = 0;
    let stopped = false;
    let takes = 0;
    let appsFailures = 0;
    /** GPU index → pids from the latest successful compute-apps query; undefined until one succeeded. */
    let appPids;
    const fault = (msg) => state.fault(msg);
    const launch = () => {
        const args = [`--query-gpu=${NVIDIA_QUERY_FIELDS.join(',')}`, '--format=csv,noheader,nounits', '-lms', String(Math.max(100, Math.round(opts.intervalMs)))];
        const splitter = new LineSplitter();
        let stderrTail = '';
        let badLines = 0;
        let linesThisRun = 0;
        let proc;
        try {
            proc = (0,external_node_child_process_namespaceObject.spawn)(command, args, { env: opts.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
        }
        catch (err) {
            giveUp(`nvidia-smi could not start (${err.message})`);
            return;
        }
        child = proc;
        proc.stdout?.setEncoding('utf8');
        proc.stderr?.setEncoding('utf8');
        proc.stdout?.on('data', (chunk) => {
            for (const line of splitter.push(chunk)) {
                const reading = parseNvidiaGpuLine(line);
                if (!reading) {
                    if (badLines++ === 0)
                        fault(`nvidia-smi printed an unexpected line: ${line.slice(0, 200)}`);
                    continue;
                }
                linesThisRun++;
                state.add(reading);
            }
        });
        proc.stderr?.on('data', (chunk) => {
            stderrTail = (stderrTail + chunk).slice(-500);
        });
        proc.on('error', (err) => {
            if (child !== proc)
                return;
            child = undefined;
            if (err.code === 'ENOENT')
                giveUp('nvidia-smi not found');
            else
                onExit(`could not run (${err.message})`);
        });
        proc.on('close', (code, signal) => {
            if (child !== proc)
                return;
            child = undefined;
            const why = nvidia_firstLine(stderrTail) || nvidia_firstLine(splitter.pending());
            onExit(`exited (${signal ?? `code ${code}`}) after ${linesThisRun} line(s)${why ? `: ${why}` : ''}`);
        });
    };
    const giveUp = (why) => {
        state.giveUp(why);
    };
    const onExit = (what) => {
        if (stopped)
            return;
        if (restarts >= restartDelays.length) {
            giveUp(`nvidia-smi ${what}; ${restarts} restart(s) used`);
            return;
        }
        const delay = restartDelays[restarts];
        restarts++;
        fault(`nvidia-smi ${what}; restarting in ${delay} ms (restart ${restarts} of ${restartDelays.length})`);
        restartTimer = setTimeout(() => {
            restartTimer = undefined;
            if (!stopped)
                launch();
        }, delay);
        restartTimer.unref();
    };
    const queryApps = () => {
        if (appsChild || state.gaveUp || stopped || appsFailures >= 3)
            return;
        const proc = (0,external_node_child_process_namespaceObject.execFile)(command, ['--query-compute-apps=gpu_uuid,pid,used_memory', '--format=csv,noheader,nounits'], { env: opts.env, timeout: 10000, windowsHide: true, maxBuffer: 1024 * 1024 }, (err, stdout) => {
            appsChild = undefined;
            if (stopped)
                return;
            if (err) {
                appsFailures++;
                if (appsFailures === 3)
                    fault(`nvidia-smi --query-compute-apps failed 3 times (${err.message.split('\n')[0]}); GPU processes are not recorded from now on`);
                return;
            }
            const tree = opts.treePids?.();
            const byIndex = new Map();
            for (const app of parseNvidiaComputeApps(stdout)) {
                if (tree && !tree.has(app.pid))
                    continue;
                // Without a uuid match (unknown uuid) a single-GPU machine still maps unambiguously.
                const index = uuidToIndex.get(app.gpuUuid) ?? (opts.gpus.length === 1 ? opts.gpus[0].index : undefined);
                if (index === undefined)
                    continue;
                const list = byIndex.get(index) ?? [];
                if (!list.includes(app.pid))
                    list.push(app.pid);
                byIndex.set(index, list);
            }
            appPids = byIndex;
        });
        appsChild = proc;
    };
    launch();
    return {
        take() {
            takes++;
            if (appsEvery > 0 && (takes - 1) % appsEvery === 0)
                queryApps();
            const readings = state.take();
            if (!readings)
                return undefined;
            if (!appPids)
                return readings.map((r) => ({ ...r }));
            const pids = appPids;
            return readings.map((r) => ({ ...r, treePids: [...(pids.get(r.index) ?? [])].sort((a, b) => a - b) }));
        },
        takeFaults() {
            return state.drainFaults();
        },
        stop() {
            stopped = true;
            if (restartTimer)
                clearTimeout(restartTimer);
            restartTimer = undefined;
            child?.kill();
            appsChild?.kill();
            child = undefined;
            appsChild = undefined;
        },
    };
}

;// CONCATENATED MODULE: ./src/sampler/gpu/rocm.ts
// AMD GPUs through `rocm-smi --showpower --showuse --showmeminfo vram --json`, run at the sample
// rate with async execFile, never two runs at once (a slow run makes the next tick skip).
// rocm-smi has no streaming mode; it is a Python program, so each run costs noticeable CPU (see
// docs/platforms.md), and the period never goes below 1 s.




function rocm_firstLine(text) {
    return (text ?? '').split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '')?.slice(0, 200) ?? '';
}
/** One synchronous `rocm-smi --showproductname --json` at start: is there a GPU, and its names. */
function probeRocm(env, timeoutMs = 20000) {
    const command = findOnPath('rocm-smi', env);
    const none = new Map();
    if (!command)
        return { ok: false, found: false, cards: 0, names: none, note: 'rocm-smi not found on PATH: no AMD GPU measured' };
    const res = (0,external_node_child_process_namespaceObject.spawnSync)(command, ['--showproductname', '--json'], {
        env,
        encoding: 'utf8',
        timeout: timeoutMs,
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
    });
    if (res.error)
        return { ok: false, found: true, command, cards: 0, names: none, note: `rocm-smi could not run (${res.error.message}): no AMD GPU measured` };
    let cards;
    let names = none;
    try {
        const doc = extractJsonObject(res.stdout);
        cards = Object.keys(doc).filter((k) => /^card\d+$/i.test(k)).length;
        names = parseRocmProductNames(res.stdout);
    }
    catch {
        cards = 0;
    }
    if (res.status !== 0 || cards === 0) {
        const why = rocm_firstLine(res.stderr) || rocm_firstLine(res.stdout) || 'no card listed';
        return { ok: false, found: true, command, cards: 0, names: none, note: `rocm-smi exited with code ${res.status ?? res.signal}: ${why}; no AMD GPU measured` };
    }
    return { ok: true, found: true, command, cards, names, note: '' };
}
function startRocmSource(opts) {
    const command = opts.command ?? findOnPath('rocm-smi', opts.env) ?? 'rocm-smi';
    const periodMs = Math.max(opts.minPeriodMs ?? 1000, opts.intervalMs);
    const maxFailures = opts.maxConsecutiveFailures ?? 3;
    const holdMs = (opts.holdIntervals ?? 2.5) * periodMs;
    const state = new GpuSourceState('rocm-smi', holdMs);
    let running;
    let failures = 0;
    let skipped = 0;
    let stopped = false;
    const fault = (msg) => state.fault(msg);
    const giveUp = (why) => {
        if (state.giveUp(why))
            clearInterval(timer);
    };
    const runOnce = () => {
        if (stopped || state.gaveUp)
            return;
        if (running) {
            if (skipped++ === 0)
                fault(`rocm-smi took longer than the ${periodMs} ms period; runs are skipped while one is in progress`);
            return;
        }
        running = (0,external_node_child_process_namespaceObject.execFile)(command, ['--showpower', '--showuse', '--showmeminfo', 'vram', '--json'], { env: opts.env, timeout: Math.max(10000, 3 * periodMs), windowsHide: true, maxBuffer: 1024 * 1024 }, (err, stdout) => {
            running = undefined;
            if (stopped)
                return;
            if (err && err.code === 'ENOENT') {
                giveUp('rocm-smi not found');
                return;
            }
            let readings = [];
            let problem = err ? `exited: ${rocm_firstLine(err.message)}` : '';
            if (!err) {
                try {
                    readings = parseRocmSmiJson(stdout, opts.names);
                    if (readings.length === 0)
                        problem = 'listed no card';
                }
                catch (parseErr) {
                    problem = `printed unreadable output (${parseErr.message})`;
                }
            }
            if (problem) {
                failures++;
                if (failures >= maxFailures)
                    giveUp(`rocm-smi ${problem}; ${failures} failed runs in a row`);
                else
                    fault(`rocm-smi ${problem} (failure ${failures} of ${maxFailures} in a row)`);
                return;
            }
            failures = 0;
            for (const r of readings)
                state.add(r);
        });
    };
    const timer = setInterval(runOnce, periodMs);
    timer.unref();
    runOnce();
    return {
        take() {
            return state.take();
        },
        takeFaults() {
            return state.drainFaults();
        },
        stop() {
            stopped = true;
            clearInterval(timer);
            running?.kill();
            running = undefined;
        },
    };
}

;// CONCATENATED MODULE: ./src/sampler/rapl.ts
// RAPL energy counters from the Linux powercap sysfs tree:
//   <root>/class/powercap/intel-rapl:N/      name = "package-N" (or "psys": the platform, not summed)
//   <root>/class/powercap/intel-rapl:N:M/    name = "core" | "uncore" | "dram"
// each with energy_uj (a counter in µJ that wraps at max_energy_range_uj). The reader returns
// cumulative joules since it was opened, wrap-around unfolded, packages summed. The counters are
// root-only since Linux 5.10 (CVE-2020-8694), so on most machines this ends in a note.


function readText(p) {
    return external_node_fs_default().readFileSync(p, 'utf8').trim();
}
function readUj(p) {
    const text = readText(p);
    // Number('') is 0: an empty read must not pass for a counter that wrapped to zero.
    if (!/^\d+$/.test(text))
        throw new Error(`not a counter value (${JSON.stringify(text.slice(0, 30))}) in ${p}`);
    return Number(text);
}
/**
 * Energy in µJ between two raw readings of a counter that wraps at maxRangeUj, or null when the
 * pair cannot be a wrap: a wrap between two ticks (≤ 60 s) consumes far less than half the range
 * (≈131 kJ for a package), so a larger unfolded delta is a counter reset or a bad read.
 */
function unfoldDeltaUj(previousUj, currentUj, maxRangeUj) {
    if (currentUj >= previousUj)
        return currentUj - previousUj;
    if (maxRangeUj <= previousUj)
        return null;
    const unfolded = maxRangeUj - previousUj + currentUj;
    return unfolded <= maxRangeUj / 2 ? unfolded : null;
}
/** Opens the RAPL domains under `<sysfsRoot>/class/powercap`. Never throws: problems become notes. */
function openRapl(sysfsRoot) {
    const base = external_node_path_default().join(sysfsRoot, 'class', 'powercap');
    let entries;
    try {
        entries = external_node_fs_default().readdirSync(base);
    }
    catch {
        return { notes: [`RAPL: no ${base} on this machine: CPU and RAM energy are modelled, not measured`] };
    }
    const zones = entries.filter((e) => /^intel-rapl:\d+(:\d+)?$/.test(e)).sort();
    if (zones.length === 0)
        return { notes: [`RAPL: no intel-rapl zone under ${base}: CPU and RAM energy are modelled, not measured`] };
    const domains = [];
    const notes = [];
    for (const zone of zones) {
        const dir = external_node_path_default().join(base, zone);
        let name;
        try {
            name = readText(external_node_path_default().join(dir, 'name'));
        }
        catch {
            continue;
        }
        const top = /^intel-rapl:\d+$/.test(zone);
        const kind = top && name.startsWith('package') ? 'package' : name === 'dram' ? 'dram' : undefined;
        if (!kind)
            continue;
        const energyPath = external_node_path_default().join(dir, 'energy_uj');
        let raw;
        try {
            raw = readUj(energyPath);
        }
        catch (err) {
            const code = err.code;
            const why = code === 'EACCES' || code === 'EPERM'
                ? 'permission denied (energy_uj is root-only since Linux 5.10)'
                : err.message;
            return { notes: [`RAPL: ${energyPath} is not readable: ${why}. CPU and RAM energy are modelled, not measured`] };
        }
        let maxRangeUj = 0;
        try {
            maxRangeUj = readUj(external_node_path_default().join(dir, 'max_energy_range_uj'));
        }
        catch {
            notes.push(`RAPL: ${zone} has no readable max_energy_range_uj: a wrap-around of its counter cannot be unfolded (that interval is not counted)`);
        }
        domains.push({ label: `${zone} (${name})`, kind, energyPath, maxRangeUj, lastRawUj: raw, totalUj: 0 });
    }
    if (!domains.some((d) => d.kind === 'package')) {
        return { notes: [`RAPL: no package domain under ${base}: CPU and RAM energy are modelled, not measured`] };
    }
    const labels = domains.map((d) => d.label);
    notes.push(`RAPL: measuring ${labels.join(', ')}`);
    const faults = [];
    const failed = new Set();
    const reader = {
        domains: labels,
        read() {
            const ok = { package: true, dram: true };
            for (const d of domains) {
                try {
                    const raw = readUj(d.energyPath);
                    const previous = d.lastRawUj;
                    const delta = unfoldDeltaUj(previous, raw, d.maxRangeUj);
                    d.lastRawUj = raw;
                    if (delta === null) {
                        // Not counted: the energy of this one interval is lost for this domain, and said so.
                        faults.push(`RAPL: ${d.label} went from ${previous} to ${raw} µJ, which is no wrap-around; interval not counted`);
                    }
                    else {
                        d.totalUj += delta;
                    }
                }
                catch (err) {
                    ok[d.kind] = false;
                    if (!failed.has(d.label)) {
                        failed.add(d.label);
                        faults.push(`RAPL: reading ${d.energyPath} failed (${err.message})`);
                    }
                }
            }
            const sum = (kind) => {
                const ds = domains.filter((d) => d.kind === kind);
                if (ds.length === 0 || !ok[kind])
                    return undefined;
                return ds.reduce((s, d) => s + d.totalUj, 0) / 1e6;
            };
            const reading = {};
            const pkg = sum('package');
            const dram = sum('dram');
            if (pkg !== undefined)
                reading.packageJoules = pkg;
            if (dram !== undefined)
                reading.dramJoules = dram;
            return reading;
        },
        takeFaults() {
            return faults.splice(0, faults.length);
        },
    };
    return { reader, notes };
}

;// CONCATENATED MODULE: ./src/sampler/sources.ts
// The factory of the sampler's optional sources: GPU (nvidia-smi / rocm-smi), RAPL energy counters, and the
// machine/tree readers of platforms without /proc. The loop (loop.ts) calls these once per tick;
// everything here is cheap, never writes to stdout, and never throws out of a tick.




/**
 * Starts what is available and asked for. Never throws: what cannot be used becomes a note.
 * 'auto' tries nvidia-smi, then rocm-smi; 'nvidia'/'amd' try only that tool (a missing tool is a note).
 */
function startOptionalSources(cfg) {
    const notes = [];
    let gpu;
    try {
        gpu = startGpu(cfg, notes);
    }
    catch (err) {
        notes.push(`GPU source failed to start: ${err.message}`);
    }
    let rapl;
    if (cfg.rapl) {
        const root = cfg.sysfsRoot ?? cfg.env.CARBON_GATE_SYSFS_ROOT ?? '/sys';
        const opened = openRapl(root);
        notes.push(...opened.notes);
        rapl = opened.reader;
    }
    return { gpu, rapl, notes };
}
function startGpu(cfg, notes) {
    if (cfg.gpu === 'off')
        return undefined;
    const intervalMs = Math.max(100, Math.round(cfg.intervalSeconds * 1000));
    const tryNvidia = cfg.gpu === 'auto' || cfg.gpu === 'nvidia';
    const tryAmd = cfg.gpu === 'auto' || cfg.gpu === 'amd';
    const missing = [];
    if (tryNvidia) {
        const probe = probeNvidia(cfg.env);
        if (probe.ok) {
            notes.push(`GPU: nvidia-smi lists ${probe.gpus.length} GPU(s): ${probe.gpus.map((g) => g.name).join(', ')}`);
            return startNvidiaSource({ intervalMs, env: cfg.env, gpus: probe.gpus, command: probe.command, treePids: cfg.treePids });
        }
        if (probe.found || cfg.gpu === 'nvidia')
            notes.push(`GPU: ${probe.note}`);
        else
            missing.push('nvidia-smi');
    }
    if (tryAmd) {
        const probe = probeRocm(cfg.env);
        if (probe.ok) {
            notes.push(`GPU: rocm-smi lists ${probe.cards} GPU(s)${probe.names.size ? `: ${[...probe.names.values()].join(', ')}` : ''}`);
            return startRocmSource({ intervalMs, env: cfg.env, names: probe.names, command: probe.command });
        }
        if (probe.found || cfg.gpu === 'amd')
            notes.push(`GPU: ${probe.note}`);
        else
            missing.push('rocm-smi');
    }
    if (missing.length === 2)
        notes.push('GPU: neither nvidia-smi nor rocm-smi is on PATH: no GPU measured');
    return undefined;
}

;// CONCATENATED MODULE: ./src/sampler/config.ts
const CONFIG_FILE = 'sampler-config.json';
const SAMPLES_FILE = 'samples.jsonl';
const MARKER_FILE = 'sampler-done.json';
const LOG_FILE = 'sampler.log';

;// CONCATENATED MODULE: ./src/sampler/loop.ts
// The detached sampler: one JSON line per tick into samples.jsonl, a completion marker on SIGTERM.
// It never writes to stdout/stderr (the runner waits for inherited pipes); problems go to sampler.log.





/** After the root has been gone this long, nothing is left to measure and the sampler exits by itself. */
const ROOT_GONE_EXIT_SECONDS = 600;
/** Failed sample writes: how many, the first error, and the seq ranges (at most 20) that were lost. */
class WriteFailures {
    count = 0;
    error = '';
    /** True after a failure: the next line starts with a newline, in case half a line was written. */
    pending = false;
    seqs = [];
    add(seq, error) {
        this.count++;
        this.pending = true;
        if (!this.error)
            this.error = error;
        const last = this.seqs[this.seqs.length - 1];
        if (last && last[1] === seq - 1)
            last[1] = seq;
        else if (this.seqs.length < 20)
            this.seqs.push([seq, seq]);
    }
    toJSON() {
        return { count: this.count, error: this.error, seqs: this.seqs };
    }
}
function monoSeconds() {
    return Number(process.hrtime.bigint()) / 1e9;
}
function runSampler(configPath) {
    const cfg = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(configPath, 'utf8'));
    const log = (msg) => {
        try {
            (0,external_node_fs_namespaceObject.appendFileSync)(`${cfg.outDir}/${LOG_FILE}`, `${new Date().toISOString()} ${msg}\n`);
        }
        catch {
            /* nowhere left to report */
        }
    };
    process.on('uncaughtException', (e) => log(`uncaught: ${e.stack ?? e}`));
    const excludePids = [process.pid];
    const readers = process.platform === 'linux'
        ? createLinuxReaders({ procRoot: cfg.procRoot, rootPid: cfg.rootPid, excludePids, stepDepth: cfg.stepDepth, discovery: cfg.discovery })
        : createPlatformReader(process.platform, { excludePids });
    if (!readers)
        throw new Error(`no readers for platform ${process.platform}`);
    const treePids = readers.treePids?.bind(readers);
    const sources = startOptionalSources({
        gpu: cfg.gpu,
        rapl: cfg.rapl,
        intervalSeconds: cfg.intervalSeconds,
        sysfsRoot: cfg.sysfsRoot,
        env: process.env,
        ...(treePids ? { treePids } : {}),
    });
    for (const n of sources.notes)
        log(`note: ${n}`);
    const fd = (0,external_node_fs_namespaceObject.openSync)(`${cfg.outDir}/${SAMPLES_FILE}`, 'a', 0o600);
    let count = 0;
    let seq = 0;
    // A failed write (EFBIG, ENOSPC) loses that line, not the run: the next tick tries again, starting on a
    // fresh line in case the failed write left half a line behind. Post sees the hole in `seq` and the marker.
    const failures = new WriteFailures();
    let closing;
    let rootGoneSince = null;
    let treeEvery = cfg.treeEveryTicks ?? 1;
    let lastTree;
    let lastContention;
    const sample = (final = false) => {
        const faults = [];
        let tree;
        let freshTree = false;
        try {
            if (readers.tree && cfg.rootPid && rootGoneSince === null && count % treeEvery === 0) {
                tree = readers.tree(cfg.rootPid);
                lastTree = tree;
                freshTree = tree !== undefined && !tree.rootGone;
            }
            else
                tree = lastTree;
        }
        catch (e) {
            faults.push(`tree: ${e.message}`);
        }
        if (freshTree && readers.contention) {
            try {
                lastContention = readers.contention(final);
            }
            catch (e) {
                faults.push(`contention: ${e.message}`);
            }
        }
        const contention = lastContention;
        const { cpu, mem } = readers.machine();
        const s = { v: 1, seq: seq++, monoS: monoSeconds(), wallMs: Date.now(), cpu, mem };
        if (tree)
            s.tree = tree;
        if (contention)
            s.contention = contention;
        const gpu = sources.gpu?.take();
        if (gpu)
            s.gpu = gpu;
        if (sources.gpu)
            faults.push(...sources.gpu.takeFaults());
        if (readers.takeFaults)
            faults.push(...readers.takeFaults());
        if (sources.rapl) {
            try {
                s.rapl = sources.rapl.read();
            }
            catch (e) {
                faults.push(`rapl: ${e.message}`);
            }
            faults.push(...(sources.rapl.takeFaults?.() ?? []));
        }
        if (faults.length)
            s.faults = faults;
        const text = `${failures.pending ? '\n' : ''}${JSON.stringify(s)}\n`;
        try {
            (0,external_node_fs_namespaceObject.writeSync)(fd, text);
            failures.pending = false;
            count++;
        }
        catch (e) {
            if (failures.count === 0)
                log(`cannot write samples: ${e.message}`);
            failures.add(s.seq, e.code ?? e.message);
            closing = s;
            return;
        }
        closing = undefined;
        if (tree?.rootGone && rootGoneSince === null) {
            rootGoneSince = s.monoS;
            treeEvery = Number.MAX_SAFE_INTEGER;
            log('root process is gone; sampling the machine only');
        }
    };
    let timer;
    let stopping = false;
    const stop = (reason, error) => {
        if (stopping)
            return;
        stopping = true;
        if (timer)
            clearTimeout(timer);
        try {
            sample(true);
        }
        catch (e) {
            log(`last sample failed: ${e.message}`);
        }
        sources.gpu?.stop();
        readers.stop?.();
        (0,external_node_fs_namespaceObject.closeSync)(fd);
        const usage = process.cpuUsage();
        const marker = {
            reason,
            samples: count,
            samplerCpuSeconds: (usage.user + usage.system) / 1e6,
            samplerMaxRssBytes: process.resourceUsage().maxRSS * 1024,
            endedWallMs: Date.now(),
            ...(error ? { error } : {}),
            ticks: seq,
            ...(failures.count ? { writeFailures: failures.toJSON() } : {}),
            // The closing sample could not be appended: keep it here, so that the end of the job still counts.
            ...(closing ? { closing } : {}),
        };
        try {
            (0,external_node_fs_namespaceObject.writeFileSync)(`${cfg.outDir}/${MARKER_FILE}`, JSON.stringify(marker));
        }
        catch (e) {
            log(`cannot write the completion marker: ${e.message}`);
        }
        process.exit(0);
    };
    process.on('SIGTERM', () => stop('sigterm'));
    process.on('SIGINT', () => stop('sigint'));
    process.on('SIGHUP', () => undefined);
    // Drift-corrected schedule: tick k is due at start + k × interval, whatever each tick cost.
    const intervalMs = cfg.intervalSeconds * 1000;
    const start = performance.now();
    let k = 0;
    const loop = () => {
        try {
            sample();
        }
        catch (e) {
            log(`sample failed: ${e.stack ?? e}`);
        }
        if (rootGoneSince !== null && monoSeconds() - rootGoneSince > ROOT_GONE_EXIT_SECONDS)
            return stop('root-exit');
        // The CLI's sampler ends with its CLI: re-parented means the CLI is gone (even SIGKILLed).
        if (cfg.parentPid !== undefined && process.ppid !== cfg.parentPid)
            return stop('parent-exit');
        k++;
        let due = start + k * intervalMs;
        const now = performance.now();
        if (due < now) {
            // Overran (suspended machine, very slow tick): skip missed ticks rather than bursting.
            k = Math.ceil((now - start) / intervalMs);
            due = start + k * intervalMs;
        }
        timer = setTimeout(loop, due - now);
    };
    loop();
}

;// CONCATENATED MODULE: ./src/entries/sampler.ts


/** The detached sampler; its only argument is the path of its config file. */
function run(configPath = process.argv[2]) {
    runSampler(configPath);
}
if (isDirectRun(import.meta.url))
    run();

var __webpack_exports__run = __webpack_exports__.e;
export { __webpack_exports__run as run };
