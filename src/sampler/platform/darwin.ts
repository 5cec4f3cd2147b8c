// macOS: machine CPU/memory from the os module, the job's tree from one
// `ps -A -o pid=,ppid=,time=,rss=` per tree read (a synchronous spawn, so the tree reading
// belongs to the same instant as the machine reading of that tick).
//
// Accuracy: `time` is the process's own user+system CPU; macOS ps does not add reaped children
// to it, so see platform/tree.ts for what is lost. rss is in KiB.

import { spawnSync } from 'node:child_process';
import type { PlatformReader } from '../types.js';
import { osMachine } from './machine.js';
import { SnapshotTreeTracker, type ProcRow } from './tree.js';

/**
 * `ps` cumulative CPU time: [[dd-]hh:]mm:ss[.cc]. macOS prints minutes:seconds.hundredths with
 * unbounded minutes ("123:45.67"); procps and newer BSDs print "[dd-]hh:mm:ss". The decimal mark
 * follows the locale (we run ps with LC_ALL=C, but accept "," too). Returns NaN when malformed.
 */
export function parsePsTime(text: string): number {
  const m = /^(?:(\d+)-)?(?:(\d+):)?(\d+):(\d+(?:[.,]\d+)?)$/.exec(text.trim());
  if (!m) return NaN;
  const [, days, hours, minutes, seconds] = m;
  return (Number(days ?? 0) * 24 + Number(hours ?? 0)) * 3600 + Number(minutes) * 60 + Number(seconds.replace(',', '.'));
}

/** Rows of `ps -A -o pid=,ppid=,time=,rss=` (no header). Malformed lines are skipped and counted. */
export function parsePsOutput(text: string): { rows: ProcRow[]; skipped: number } {
  const rows: ProcRow[] = [];
  let skipped = 0;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
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

export interface DarwinReaderOptions {
  excludePids?: number[];
  /** The ps executable. Default "ps" (from PATH: /bin/ps on macOS). */
  psCommand?: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export function createDarwinReader(opts: DarwinReaderOptions = {}): PlatformReader {
  const excludePids = opts.excludePids ?? [];
  let tracker: SnapshotTreeTracker | undefined;
  let trackerRoot = 0;
  const faults: string[] = [];
  return {
    machine: osMachine,
    tree(rootPid: number) {
      if (!tracker || trackerRoot !== rootPid) {
        tracker = new SnapshotTreeTracker({ rootPid, method: 'ps', excludePids });
        trackerRoot = rootPid;
      }
      const res = spawnSync(opts.psCommand ?? 'ps', ['-A', '-o', 'pid=,ppid=,time=,rss='], {
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
      if (rows.length === 0) throw new Error('ps printed no process');
      if (skipped > 0 && faults.length < 20) faults.push(`ps: ${skipped} unreadable line(s) skipped`);
      return tracker.update(rows);
    },
    takeFaults: () => faults.splice(0, faults.length),
  };
}
