// Small /proc and cgroup helpers for the benchmark (plain Node, no dependencies).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

export function statOf(pid) {
  try {
    const t = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const f = t.slice(t.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), utime: Number(f[11]), stime: Number(f[12]), cutime: Number(f[13]), cstime: Number(f[14]), starttime: Number(f[19]) };
  } catch {
    return null;
  }
}

/** CPU seconds of a live process and of everything it has waited for. */
export function totalCpuSeconds(pid) {
  const s = statOf(pid);
  return s ? (s.utime + s.stime + s.cutime + s.cstime) / CLK_TCK : null;
}

/** Σ sum_exec_runtime of a process's live threads (ns precision), seconds. */
export function threadsRuntimeSeconds(pid) {
  let ns = 0;
  try {
    for (const t of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${t}/schedstat`, 'latin1').split(' ')[0]);
      } catch {
        /* thread gone */
      }
    }
  } catch {
    return null;
  }
  return ns / 1e9;
}

/** Peak RSS (VmHWM) of a live process, bytes. */
export function peakRssBytes(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** The cgroup v2 mount point, when cgroup v2 is mounted. */
export function cgroup2Mount() {
  try {
    for (const line of readFileSync('/proc/self/mountinfo', 'latin1').split('\n')) {
      const dash = line.indexOf(' - ');
      if (dash > 0 && line.slice(dash + 3).startsWith('cgroup2 ')) return line.slice(0, dash).split(' ')[4];
    }
  } catch {
    /* no /proc */
  }
  return null;
}

/**
 * Creates a fresh cgroup v2 directory for the benchmark, or null when cgroup v2 is absent or not
 * writable here (then the benchmark falls back to the kernel's rusage accounting).
 */
export function makeCgroup(name) {
  const mount = cgroup2Mount();
  if (!mount) return null;
  const dir = `${mount}/carbon-gate-bench-${process.pid}-${name}`;
  try {
    if (!existsSync(dir)) mkdirSync(dir);
    readFileSync(`${dir}/cpu.stat`, 'latin1');
  } catch {
    return null;
  }
  return {
    dir,
    usageSeconds: () => Number(/^usage_usec (\d+)/m.exec(readFileSync(`${dir}/cpu.stat`, 'latin1'))[1]) / 1e6,
    pids: () => readFileSync(`${dir}/cgroup.procs`, 'latin1').split('\n').filter(Boolean).map(Number),
    add: (pid) => writeFileSync(`${dir}/cgroup.procs`, String(pid)),
    remove: () => {
      for (let i = 0; i < 50; i++) {
        try {
          rmdirSync(dir);
          return;
        } catch {
          execFileSync('sleep', ['0.1']);
        }
      }
    },
  };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function waitFor(pred, timeoutMs, what) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = pred();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}
