// Starting and stopping the detached sampler process.
import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompletionMarker } from '../core/types.js';
import { CONFIG_FILE, MARKER_FILE, SAMPLES_FILE, type SamplerConfig } from '../sampler/config.js';

/**
 * dist/sampler/index.js, found next to the running bundle (dist/<entry>/index.js). fileURLToPath, not
 * URL#pathname: the latter keeps percent-escapes ("my%20dir") and a leading slash before Windows drives.
 */
export function samplerScript(entryUrl: string, p: path.PlatformPath = path): string {
  // `p` is path.win32 in tests of the Windows runner's paths (drive letters, UNC shares, spaces).
  const here = p.dirname(fileURLToPath(entryUrl, { windows: p === path.win32 }));
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
export const SAMPLER_NODE_FLAGS = ['--jitless', '--max-semi-space-size=1', '--no-memory-reducer', '--single-threaded-gc', '--no-lazy-feedback-allocation'];

/** Spawns the sampler detached with no stdio (a child holding the step's stdout makes the runner wait). */
export function startSampler(script: string, cfg: SamplerConfig, opts: { detached: boolean } = { detached: true }): number {
  const configPath = path.join(cfg.outDir, CONFIG_FILE);
  writeFileSync(configPath, JSON.stringify(cfg), { mode: 0o600 });
  const child = spawn(process.execPath, [...SAMPLER_NODE_FLAGS, script, configPath], { detached: opts.detached, stdio: 'ignore', windowsHide: true });
  if (!child.pid) throw new Error('the sampler process did not start');
  if (opts.detached) child.unref();
  return child.pid;
}

/**
 * True only for a live process that is our sampler. Guards against pid 0 / empty state (which would
 * signal the whole process group) and against a reused pid.
 */
export function isOurSampler(pid: number, script: string, runDir: string): boolean {
  if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid) return false;
  if (process.platform === 'linux') {
    try {
      // filter(Boolean): the trailing NUL leaves an empty argument, which an empty `script` would match.
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      return cmdline.some((a) => (script !== '' && a === script) || a.endsWith(`${path.sep}sampler${path.sep}index.js`)) && cmdline.some((a) => a.startsWith(runDir));
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * False once the process is gone or a zombie: a sampler that has exited stays a zombie until its new
 * parent (pid 1 after pre exits) reaps it, and signal 0 still succeeds on a zombie.
 */
function alive(pid: number): boolean {
  if (process.platform === 'linux') {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface StopOutcome {
  marker: CompletionMarker | null;
  /** How it ended: clean stop, had to be killed, or was already gone (crashed or killed). */
  how: 'stopped' | 'killed' | 'not-running';
}

/** The sampler's completion marker in a run directory, or null when it never wrote one (killed, crashed). */
export function readMarker(runDir: string): CompletionMarker | null {
  try {
    return JSON.parse(readFileSync(path.join(runDir, MARKER_FILE), 'utf8')) as CompletionMarker;
  } catch {
    return null;
  }
}

/** SIGTERM, wait up to `waitMs` for the completion marker and the exit, then SIGKILL. Never throws. */
export async function stopSampler(pid: number, script: string, runDir: string, waitMs = 4000): Promise<StopOutcome> {
  if (!isOurSampler(pid, script, runDir)) return { marker: readMarker(runDir), how: 'not-running' };
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return { marker: readMarker(runDir), how: 'not-running' };
  }
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    const m = readMarker(runDir);
    if (m && !alive(pid)) return { marker: m, how: 'stopped' };
    await sleep(20);
  }
  if (alive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
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
export async function waitForFirstSample(pid: number, runDir: string, ms = 5000): Promise<'written' | 'exited' | 'timeout'> {
  const file = path.join(runDir, SAMPLES_FILE);
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      if (statSync(file).size > 0) return 'written';
    } catch {
      /* not created yet */
    }
    if (!alive(pid)) return 'exited';
    if (Date.now() >= deadline) return 'timeout';
    await sleep(20);
  }
}
