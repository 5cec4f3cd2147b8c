// NVIDIA GPUs through ONE long-running `nvidia-smi --query-gpu=… -lms <interval>` child, read as a
// stream. A second, short `--query-compute-apps` query runs every few ticks (async, never two at
// once) to learn which pids use which GPU. The child never inherits the sampler's stdio.
// nvidia-smi's loop mode writes each block as it is taken, so a pipe delivers lines promptly:
// production monitors read it this way (e.g. henrygd/beszel's agent streams `nvidia-smi -l 4
// --query-gpu=… --format=csv,noheader,nounits` line by line).

import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import type { GpuReading } from '../../core/types.js';
import type { GpuSource } from '../types.js';
import { findOnPath } from '../which.js';
import { GpuSourceState } from './source-state.js';
import { LineSplitter, NVIDIA_QUERY_FIELDS, parseNvidiaComputeApps, parseNvidiaGpuLine, parseNvidiaProbe } from './parse.js';

export interface NvidiaGpuInfo {
  index: number;
  uuid: string;
  name: string;
}

export interface NvidiaProbe {
  /** nvidia-smi answered and listed at least one GPU. */
  ok: boolean;
  /** nvidia-smi is on PATH (it may still fail: no driver, no device). */
  found: boolean;
  command?: string;
  gpus: NvidiaGpuInfo[];
  note: string;
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '')?.slice(0, 200) ?? '';
}

/** One synchronous `nvidia-smi --query-gpu=index,uuid,name` at start: is there a driver and which GPUs. */
export function probeNvidia(env: NodeJS.ProcessEnv, timeoutMs = 15000): NvidiaProbe {
  const command = findOnPath('nvidia-smi', env);
  if (!command) return { ok: false, found: false, gpus: [], note: 'nvidia-smi not found on PATH: no NVIDIA GPU measured' };
  const res = spawnSync(command, ['--query-gpu=index,uuid,name', '--format=csv,noheader,nounits'], {
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
    const why = firstLine(res.stdout) || firstLine(res.stderr) || 'no GPU listed';
    return { ok: false, found: true, command, gpus: [], note: `nvidia-smi exited with code ${res.status ?? res.signal}: ${why}; no NVIDIA GPU measured` };
  }
  return { ok: true, found: true, command, gpus, note: '' };
}

export interface NvidiaSourceOptions {
  intervalMs: number;
  env: NodeJS.ProcessEnv;
  /** From the probe: index → uuid for the compute-apps mapping. */
  gpus: NvidiaGpuInfo[];
  treePids?: () => ReadonlySet<number> | undefined;
  /** Path of nvidia-smi; found on PATH when absent. */
  command?: string;
  /** Delays before restart 1, 2, 3…; its length bounds the number of restarts. Default 1 s, 2 s, 4 s. */
  restartDelaysMs?: number[];
  /** Query compute apps on take() number 1, 1+n, 1+2n… Default 10. 0 disables. */
  appsEveryTakes?: number;
  /** A take() with no new line repeats the last reading if it is younger than this many intervals. Default 2.5. */
  holdIntervals?: number;
}

export function startNvidiaSource(opts: NvidiaSourceOptions): GpuSource {
  const command = opts.command ?? findOnPath('nvidia-smi', opts.env) ?? 'nvidia-smi';
  const restartDelays = opts.restartDelaysMs ?? [1000, 2000, 4000];
  const appsEvery = opts.appsEveryTakes ?? 10;
  const holdMs = (opts.holdIntervals ?? 2.5) * opts.intervalMs;
  const uuidToIndex = new Map(opts.gpus.map((g) => [g.uuid, g.index]));

  const state = new GpuSourceState('nvidia-smi', holdMs);
  let child: ChildProcess | undefined;
  let appsChild: ChildProcess | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  let restarts = 0;
  let stopped = false;
  let takes = 0;
  let appsFailures = 0;
  /** GPU index → pids from the latest successful compute-apps query; undefined until one succeeded. */
  let appPids: Map<number, number[]> | undefined;

  const fault = (msg: string): void => state.fault(msg);

  const launch = (): void => {
    const args = [`--query-gpu=${NVIDIA_QUERY_FIELDS.join(',')}`, '--format=csv,noheader,nounits', '-lms', String(Math.max(100, Math.round(opts.intervalMs)))];
    const splitter = new LineSplitter();
    let stderrTail = '';
    let badLines = 0;
    let linesThisRun = 0;
    let proc: ChildProcess;
    try {
      proc = spawn(command, args, { env: opts.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    } catch (err) {
      giveUp(`nvidia-smi could not start (${(err as Error).message})`);
      return;
    }
    child = proc;
    proc.stdout?.setEncoding('utf8');
    proc.stderr?.setEncoding('utf8');
    proc.stdout?.on('data', (chunk: string) => {
      for (const line of splitter.push(chunk)) {
        const reading = parseNvidiaGpuLine(line);
        if (!reading) {
          if (badLines++ === 0) fault(`nvidia-smi printed an unexpected line: ${line.slice(0, 200)}`);
          continue;
        }
        linesThisRun++;
        state.add(reading);
      }
    });
    proc.stderr?.on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-500);
    });
    proc.on('error', (err: NodeJS.ErrnoException) => {
      if (child !== proc) return;
      child = undefined;
      if (err.code === 'ENOENT') giveUp('nvidia-smi not found');
      else onExit(`could not run (${err.message})`);
    });
    proc.on('close', (code, signal) => {
      if (child !== proc) return;
      child = undefined;
      const why = firstLine(stderrTail) || firstLine(splitter.pending());
      onExit(`exited (${signal ?? `code ${code}`}) after ${linesThisRun} line(s)${why ? `: ${why}` : ''}`);
    });
  };

  const giveUp = (why: string): void => {
    state.giveUp(why);
  };

  const onExit = (what: string): void => {
    if (stopped) return;
    if (restarts >= restartDelays.length) {
      giveUp(`nvidia-smi ${what}; ${restarts} restart(s) used`);
      return;
    }
    const delay = restartDelays[restarts];
    restarts++;
    fault(`nvidia-smi ${what}; restarting in ${delay} ms (restart ${restarts} of ${restartDelays.length})`);
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      if (!stopped) launch();
    }, delay);
    restartTimer.unref();
  };

  const queryApps = (): void => {
    if (appsChild || state.gaveUp || stopped || appsFailures >= 3) return;
    const proc = execFile(
      command,
      ['--query-compute-apps=gpu_uuid,pid,used_memory', '--format=csv,noheader,nounits'],
      { env: opts.env, timeout: 10000, windowsHide: true, maxBuffer: 1024 * 1024 },
      (err, stdout) => {
        appsChild = undefined;
        if (stopped) return;
        if (err) {
          appsFailures++;
          if (appsFailures === 3) fault(`nvidia-smi --query-compute-apps failed 3 times (${err.message.split('\n')[0]}); GPU processes are not recorded from now on`);
          return;
        }
        const tree = opts.treePids?.();
        const byIndex = new Map<number, number[]>();
        for (const app of parseNvidiaComputeApps(stdout)) {
          if (tree && !tree.has(app.pid)) continue;
          // Without a uuid match (unknown uuid) a single-GPU machine still maps unambiguously.
          const index = uuidToIndex.get(app.gpuUuid) ?? (opts.gpus.length === 1 ? opts.gpus[0].index : undefined);
          if (index === undefined) continue;
          const list = byIndex.get(index) ?? [];
          if (!list.includes(app.pid)) list.push(app.pid);
          byIndex.set(index, list);
        }
        appPids = byIndex;
      },
    );
    appsChild = proc;
  };

  launch();

  return {
    take(): GpuReading[] | undefined {
      takes++;
      if (appsEvery > 0 && (takes - 1) % appsEvery === 0) queryApps();
      const readings = state.take();
      if (!readings) return undefined;
      if (!appPids) return readings.map((r) => ({ ...r }));
      const pids = appPids;
      return readings.map((r) => ({ ...r, treePids: [...(pids.get(r.index) ?? [])].sort((a, b) => a - b) }));
    },
    takeFaults(): string[] {
      return state.drainFaults();
    },
    stop(): void {
      stopped = true;
      if (restartTimer) clearTimeout(restartTimer);
      restartTimer = undefined;
      child?.kill();
      appsChild?.kill();
      child = undefined;
      appsChild = undefined;
    },
  };
}
