// Minimal synchronous /proc readers for the sampler's hot loop. No allocation-heavy parsing.
// Small /proc files are read through one shared buffer with open/read/close: about 40 % cheaper
// than readFileSync, which first fstat()s the file and allocates a buffer per call.
import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs';
import { constants } from 'node:os';

/** Fields of /proc/<pid>/stat the sampler uses. Times in clock ticks, rss in pages. */
export interface ProcStat {
  pid: number;
  state: string;
  ppid: number;
  utime: number;
  stime: number;
  cutime: number;
  cstime: number;
  starttime: number;
  rssPages: number;
  /** Threads in the process (field 20). 1 means the pid is the process itself, not one of its threads. */
  numThreads?: number;
  /** Program name (field 2, without the parentheses; it changes on exec). */
  comm?: string;
}

/** Parses one /proc/<pid>/stat line. comm (field 2) may contain spaces and ')' so split after the last ')'. */
export function parseProcStat(text: string): ProcStat | null {
  const close = text.lastIndexOf(')');
  if (close < 0) return null;
  const pid = Number.parseInt(text, 10);
  // After ") " the fields start at field 3 (state); index k here is field k+3.
  const f = text.slice(close + 2).split(' ');
  if (f.length < 22 || !Number.isFinite(pid)) return null;
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
export function readSmallFile(path: string, oneRecord = false): string | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    let n = 0;
    for (;;) {
      const room = shared.length - n;
      const got = readSync(fd, shared, n, room, null);
      if (got === 0 || (oneRecord && got < room)) return shared.toString('latin1', 0, n + got);
      n += got;
      if (n === shared.length) return readFileSync(path, 'latin1');
    }
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Node's binding under process.kill: kill(2) returning 0 or a negative errno, without the throw. */
const rawKill = (process as unknown as { _kill?: (pid: number, signal: number) => number })._kill;
const NO_SUCH_PROCESS = -(constants.errno.ESRCH ?? 3);

/**
 * Whether /proc/<pid> exists (a process, a zombie, or a thread, whose id it is). It never throws: a
 * failed open throws an Error with a stack trace, which costs the interpreted sampler more than the
 * read itself, and most pids allocated between two ticks of a churning job are gone by then. Under
 * the real /proc, kill(pid, 0) answers the same (EPERM: it exists) without a path look-up, whose
 * failing branch for a gone pid is the costly one (bench/RESULTS.md §6).
 */
export function pidExists(procRoot: string, pid: number): boolean {
  if (procRoot === '/proc' && rawKill && pid > 0) return rawKill(pid, 0) !== NO_SUCH_PROCESS;
  return existsSync(`${procRoot}/${pid}`);
}

/**
 * Machine CPU from the first line of /proc/stat, in clock ticks. steal and guest are left out of busy
 * and total (guest is already in user); steal (time the hypervisor ran something else) is returned apart.
 */
export function parseCpuLine(text: string): { busyTicks: number; totalTicks: number; logicalCpus: number; stealTicks: number } {
  const nl = text.indexOf('\n');
  // "cpu  user nice …": split on a string, not a RegExp (interpreted under --jitless); empty fields dropped.
  const first = text.slice(0, nl < 0 ? undefined : nl).split(' ').filter((x) => x !== '');
  const [user, nice, system, idle, iowait, irq, softirq, steal] = first.slice(1, 9).map(Number);
  const busyTicks = user + nice + system + (irq || 0) + (softirq || 0);
  let logicalCpus = 0;
  for (let i = text.indexOf('\ncpu'); i >= 0; i = text.indexOf('\ncpu', i + 1)) logicalCpus++;
  return { busyTicks, totalTicks: busyTicks + idle + (iowait || 0), logicalCpus, stealTicks: steal || 0 };
}

export function parseMeminfo(text: string): { totalBytes: number; availableBytes: number } {
  // indexOf instead of a RegExp per key: this runs every tick.
  const kb = (key: string): number => {
    const at = text.startsWith(`${key}:`) ? 0 : text.indexOf(`\n${key}:`);
    if (at < 0) return NaN;
    const from = at + key.length + (at === 0 ? 1 : 2);
    const end = text.indexOf('\n', from);
    const n = Number.parseInt(text.slice(from, end < 0 ? undefined : end).trim(), 10);
    return Number.isFinite(n) ? n * 1024 : NaN;
  };
  const total = kb('MemTotal');
  let available = kb('MemAvailable');
  if (Number.isNaN(available)) available = kb('MemFree') + (kb('Buffers') || 0) + (kb('Cached') || 0);
  return { totalBytes: total, availableBytes: available };
}

export function listPids(procRoot: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync(procRoot)) {
    const c = name.charCodeAt(0);
    if (c >= 48 && c <= 57) out.push(Number(name));
  }
  return out;
}

/** Children of a process's main thread (/proc/<pid>/task/<pid>/children), or null when the kernel lacks the file. */
export function readChildren(procRoot: string, pid: number): number[] | null {
  let text: string;
  try {
    text = readFileSync(`${procRoot}/${pid}/task/${pid}/children`, 'latin1');
  } catch {
    return null;
  }
  const out: number[] = [];
  for (const s of text.split(' ')) if (s) out.push(Number(s));
  return out;
}

/** The first `max` pids of a list, as a set: the pids whose descriptors a reader keeps open. */
export function firstPids(pids: Iterable<number>, max: number): Set<number> {
  const want = new Set<number>();
  for (const p of pids) {
    if (want.size >= max) break;
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
export class KeptFile {
  private fd: number | null = null;
  /** The error code of the last failed open or read (ESRCH: the process this descriptor was bound to is gone). */
  lastError: string | undefined;
  constructor(readonly path: string) {}

  /** Whether a descriptor is open (the next read() does not open the file). */
  get isOpen(): boolean {
    return this.fd !== null;
  }

  /**
   * The file's text, or null. `until`: only the text before the first occurrence of this marker is
   * decoded (the sampler needs the head of /proc/stat and meminfo: less to allocate, so fewer collections).
   */
  read(until?: string): string | null {
    if (this.fd === null) {
      try {
        this.fd = openSync(this.path, 'r');
      } catch (e) {
        this.lastError = (e as NodeJS.ErrnoException).code;
        return null;
      }
    }
    try {
      let n = 0;
      for (;;) {
        const room = shared.length - n;
        const got = readSync(this.fd, shared, n, room, n);
        if (got < room) {
          const at = until === undefined ? -1 : shared.indexOf(until, 0, 'latin1');
          return shared.toString('latin1', 0, at >= 0 && at < n + got ? at : n + got);
        }
        n += got;
        if (n === shared.length) {
          this.close();
          return readFileSync(this.path, 'latin1');
        }
      }
    } catch (e) {
      this.lastError = (e as NodeJS.ErrnoException).code;
      this.close();
      return null;
    }
  }

  close(): void {
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
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
export class StatReader {
  private readonly kept = new Map<number, KeptFile>();
  /**
   * Opened by stat() since the last retain(), not yet kept: at most FRESH_MAX (a tick reads at most 32
   * new pids one by one; a full scan reads every pid, and must not hold hundreds of descriptors open).
   */
  private readonly fresh = new Map<number, KeptFile>();
  static readonly FRESH_MAX = 32;
  constructor(
    private readonly procRoot: string,
    private readonly maxKept = 512,
  ) {}

  stat(pid: number): ProcStat | null {
    let k = this.kept.get(pid) ?? this.fresh.get(pid);
    if (!k) {
      if (this.fresh.size >= StatReader.FRESH_MAX) this.closeFresh();
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
  retain(pids: Iterable<number>): void {
    const want = firstPids(pids, this.maxKept);
    for (const [pid, k] of this.kept) {
      if (!want.has(pid)) {
        k.close();
        this.kept.delete(pid);
      }
    }
    for (const pid of want) {
      if (this.kept.has(pid)) continue;
      const f = this.fresh.get(pid);
      this.fresh.delete(pid);
      this.kept.set(pid, f ?? new KeptFile(`${this.procRoot}/${pid}/stat`));
    }
    this.closeFresh();
  }

  private closeFresh(): void {
    for (const k of this.fresh.values()) k.close();
    this.fresh.clear();
  }

  get keptCount(): number {
    return this.kept.size;
  }
}

/** The most recently allocated pid of this pid namespace (5th field of /proc/loadavg), or null. */
export function parseLastPid(loadavg: string): number | null {
  // split on a string, not a RegExp: the sampler runs --jitless, where RegExps are interpreted.
  const f = loadavg.trim().split(' ');
  const n = Number(f[4]);
  return f.length >= 5 && f[4] !== '' && Number.isInteger(n) && n >= 0 ? n : null;
}
