// AMD GPUs through `rocm-smi --showpower --showuse --showmeminfo vram --json`, run at the sample
// rate with async execFile, never two runs at once (a slow run makes the next tick skip).
// rocm-smi has no streaming mode; it is a Python program, so each run costs noticeable CPU (see
// docs/platforms.md), and the period never goes below 1 s.

import { execFile, spawnSync, type ChildProcess } from 'node:child_process';
import type { GpuReading } from '../../core/types.js';
import type { GpuSource } from '../types.js';
import { findOnPath } from '../which.js';
import { GpuSourceState } from './source-state.js';
import { extractJsonObject, parseRocmProductNames, parseRocmSmiJson } from './parse.js';

export interface RocmProbe {
  ok: boolean;
  found: boolean;
  command?: string;
  /** Number of cards listed. */
  cards: number;
  names: Map<number, string>;
  note: string;
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '')?.slice(0, 200) ?? '';
}

/** One synchronous `rocm-smi --showproductname --json` at start: is there a GPU, and its names. */
export function probeRocm(env: NodeJS.ProcessEnv, timeoutMs = 20000): RocmProbe {
  const command = findOnPath('rocm-smi', env);
  const none = new Map<number, string>();
  if (!command) return { ok: false, found: false, cards: 0, names: none, note: 'rocm-smi not found on PATH: no AMD GPU measured' };
  const res = spawnSync(command, ['--showproductname', '--json'], {
    env,
    encoding: 'utf8',
    timeout: timeoutMs,
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  if (res.error) return { ok: false, found: true, command, cards: 0, names: none, note: `rocm-smi could not run (${res.error.message}): no AMD GPU measured` };
  let cards: number;
  let names = none;
  try {
    const doc = extractJsonObject(res.stdout) as Record<string, unknown>;
    cards = Object.keys(doc).filter((k) => /^card\d+$/i.test(k)).length;
    names = parseRocmProductNames(res.stdout);
  } catch {
    cards = 0;
  }
  if (res.status !== 0 || cards === 0) {
    const why = firstLine(res.stderr) || firstLine(res.stdout) || 'no card listed';
    return { ok: false, found: true, command, cards: 0, names: none, note: `rocm-smi exited with code ${res.status ?? res.signal}: ${why}; no AMD GPU measured` };
  }
  return { ok: true, found: true, command, cards, names, note: '' };
}

export interface RocmSourceOptions {
  intervalMs: number;
  env: NodeJS.ProcessEnv;
  names: Map<number, string>;
  command?: string;
  /** Give up after this many failed runs in a row. Default 3. */
  maxConsecutiveFailures?: number;
  /** Shortest period between runs. Default 1000 ms. */
  minPeriodMs?: number;
  holdIntervals?: number;
}

export function startRocmSource(opts: RocmSourceOptions): GpuSource {
  const command = opts.command ?? findOnPath('rocm-smi', opts.env) ?? 'rocm-smi';
  const periodMs = Math.max(opts.minPeriodMs ?? 1000, opts.intervalMs);
  const maxFailures = opts.maxConsecutiveFailures ?? 3;
  const holdMs = (opts.holdIntervals ?? 2.5) * periodMs;
  const state = new GpuSourceState('rocm-smi', holdMs);
  let running: ChildProcess | undefined;
  let failures = 0;
  let skipped = 0;
  let stopped = false;

  const fault = (msg: string): void => state.fault(msg);
  const giveUp = (why: string): void => {
    if (state.giveUp(why)) clearInterval(timer);
  };

  const runOnce = (): void => {
    if (stopped || state.gaveUp) return;
    if (running) {
      if (skipped++ === 0) fault(`rocm-smi took longer than the ${periodMs} ms period; runs are skipped while one is in progress`);
      return;
    }
    running = execFile(
      command,
      ['--showpower', '--showuse', '--showmeminfo', 'vram', '--json'],
      { env: opts.env, timeout: Math.max(10000, 3 * periodMs), windowsHide: true, maxBuffer: 1024 * 1024 },
      (err, stdout) => {
        running = undefined;
        if (stopped) return;
        if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') {
          giveUp('rocm-smi not found');
          return;
        }
        let readings: GpuReading[] = [];
        let problem = err ? `exited: ${firstLine(err.message)}` : '';
        if (!err) {
          try {
            readings = parseRocmSmiJson(stdout, opts.names);
            if (readings.length === 0) problem = 'listed no card';
          } catch (parseErr) {
            problem = `printed unreadable output (${(parseErr as Error).message})`;
          }
        }
        if (problem) {
          failures++;
          if (failures >= maxFailures) giveUp(`rocm-smi ${problem}; ${failures} failed runs in a row`);
          else fault(`rocm-smi ${problem} (failure ${failures} of ${maxFailures} in a row)`);
          return;
        }
        failures = 0;
        for (const r of readings) state.add(r);
      },
    );
  };

  const timer = setInterval(runOnce, periodMs);
  timer.unref();
  runOnce();

  return {
    take(): GpuReading[] | undefined {
      return state.take();
    },
    takeFaults(): string[] {
      return state.drainFaults();
    },
    stop(): void {
      stopped = true;
      clearInterval(timer);
      running?.kill();
      running = undefined;
    },
  };
}
