// The detached sampler: one JSON line per tick into samples.jsonl, a completion marker on SIGTERM.
// It never writes to stdout/stderr (the runner waits for inherited pipes); problems go to sampler.log.
import { appendFileSync, closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import type { CompletionMarker, Sample, TreeReading } from '../core/types.js';
import { createLinuxReaders } from './linux/readers.js';
import { createPlatformReader } from './platform/index.js';
import { startOptionalSources } from './sources.js';
import type { PlatformReader } from './types.js';
import { SAMPLES_FILE, MARKER_FILE, LOG_FILE, type SamplerConfig } from './config.js';

/** After the root has been gone this long, nothing is left to measure and the sampler exits by itself. */
const ROOT_GONE_EXIT_SECONDS = 600;

/** Failed sample writes: how many, the first error, and the seq ranges (at most 20) that were lost. */
export class WriteFailures {
  count = 0;
  error = '';
  /** True after a failure: the next line starts with a newline, in case half a line was written. */
  pending = false;
  private readonly seqs: Array<[number, number]> = [];

  add(seq: number, error: string): void {
    this.count++;
    this.pending = true;
    if (!this.error) this.error = error;
    const last = this.seqs[this.seqs.length - 1];
    if (last && last[1] === seq - 1) last[1] = seq;
    else if (this.seqs.length < 20) this.seqs.push([seq, seq]);
  }

  toJSON(): { count: number; error: string; seqs: Array<[number, number]> } {
    return { count: this.count, error: this.error, seqs: this.seqs };
  }
}

export function monoSeconds(): number {
  return Number(process.hrtime.bigint()) / 1e9;
}

export function runSampler(configPath: string): void {
  const cfg = JSON.parse(readFileSync(configPath, 'utf8')) as SamplerConfig;
  const log = (msg: string): void => {
    try {
      appendFileSync(`${cfg.outDir}/${LOG_FILE}`, `${new Date().toISOString()} ${msg}\n`);
    } catch {
      /* nowhere left to report */
    }
  };
  process.on('uncaughtException', (e) => log(`uncaught: ${e.stack ?? e}`));

  const excludePids = [process.pid];
  const readers: PlatformReader | undefined =
    process.platform === 'linux'
      ? createLinuxReaders({ procRoot: cfg.procRoot, rootPid: cfg.rootPid, excludePids, stepDepth: cfg.stepDepth, discovery: cfg.discovery })
      : createPlatformReader(process.platform, { excludePids });
  if (!readers) throw new Error(`no readers for platform ${process.platform}`);
  const treePids = readers.treePids?.bind(readers);
  const sources = startOptionalSources({
    gpu: cfg.gpu,
    rapl: cfg.rapl,
    intervalSeconds: cfg.intervalSeconds,
    sysfsRoot: cfg.sysfsRoot,
    env: process.env,
    ...(treePids ? { treePids } : {}),
  });
  for (const n of sources.notes) log(`note: ${n}`);

  const fd = openSync(`${cfg.outDir}/${SAMPLES_FILE}`, 'a', 0o600);
  let count = 0;
  let seq = 0;
  // A failed write (EFBIG, ENOSPC) loses that line, not the run: the next tick tries again, starting on a
  // fresh line in case the failed write left half a line behind. Post sees the hole in `seq` and the marker.
  const failures = new WriteFailures();
  let closing: Sample | undefined;
  let rootGoneSince: number | null = null;
  let treeEvery = cfg.treeEveryTicks ?? 1;
  let lastTree: TreeReading | undefined;
  let lastContention: Sample['contention'];

  const sample = (final = false): void => {
    const faults: string[] = [];
    let tree: TreeReading | undefined;
    let freshTree = false;
    try {
      if (readers.tree && cfg.rootPid && rootGoneSince === null && count % treeEvery === 0) {
        tree = readers.tree(cfg.rootPid);
        lastTree = tree;
        freshTree = tree !== undefined && !tree.rootGone;
      } else tree = lastTree;
    } catch (e) {
      faults.push(`tree: ${(e as Error).message}`);
    }
    if (freshTree && readers.contention) {
      try {
        lastContention = readers.contention(final);
      } catch (e) {
        faults.push(`contention: ${(e as Error).message}`);
      }
    }
    const contention = lastContention;
    const { cpu, mem } = readers.machine();
    const s: Sample = { v: 1, seq: seq++, monoS: monoSeconds(), wallMs: Date.now(), cpu, mem };
    if (tree) s.tree = tree;
    if (contention) s.contention = contention;
    const gpu = sources.gpu?.take();
    if (gpu) s.gpu = gpu;
    if (sources.gpu) faults.push(...sources.gpu.takeFaults());
    if (readers.takeFaults) faults.push(...readers.takeFaults());
    if (sources.rapl) {
      try {
        s.rapl = sources.rapl.read();
      } catch (e) {
        faults.push(`rapl: ${(e as Error).message}`);
      }
      faults.push(...(sources.rapl.takeFaults?.() ?? []));
    }
    if (faults.length) s.faults = faults;
    const text = `${failures.pending ? '\n' : ''}${JSON.stringify(s)}\n`;
    try {
      writeSync(fd, text);
      failures.pending = false;
      count++;
    } catch (e) {
      if (failures.count === 0) log(`cannot write samples: ${(e as Error).message}`);
      failures.add(s.seq as number, (e as NodeJS.ErrnoException).code ?? (e as Error).message);
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

  let timer: NodeJS.Timeout | undefined;
  let stopping = false;
  const stop = (reason: CompletionMarker['reason'], error?: string): void => {
    if (stopping) return;
    stopping = true;
    if (timer) clearTimeout(timer);
    try {
      sample(true);
    } catch (e) {
      log(`last sample failed: ${(e as Error).message}`);
    }
    sources.gpu?.stop();
    readers.stop?.();
    closeSync(fd);
    const usage = process.cpuUsage();
    const marker: CompletionMarker = {
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
      writeFileSync(`${cfg.outDir}/${MARKER_FILE}`, JSON.stringify(marker));
    } catch (e) {
      log(`cannot write the completion marker: ${(e as Error).message}`);
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
  const loop = (): void => {
    try {
      sample();
    } catch (e) {
      log(`sample failed: ${(e as Error).stack ?? e}`);
    }
    if (rootGoneSince !== null && monoSeconds() - rootGoneSince > ROOT_GONE_EXIT_SECONDS) return stop('root-exit');
    // The CLI's sampler ends with its CLI: re-parented means the CLI is gone (even SIGKILLed).
    if (cfg.parentPid !== undefined && process.ppid !== cfg.parentPid) return stop('parent-exit');
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
