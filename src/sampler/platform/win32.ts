// Windows: machine CPU/memory from the os module; the job's tree from Win32_Process, read by ONE
// long-running Windows PowerShell child that prints the process table as CSV every period
// (WIN32_TREE_PERIOD_SECONDS), each block ended by a "#END" line. Starting PowerShell costs far more than one
// CIM query, so it is started once, not per read. The child exits by itself when the sampler is gone.
//
// Kernel/UserModeTime are in 100 ns units and, like macOS ps, exclude exited children: see
// platform/tree.ts. WorkingSetSize is in bytes. The tree reading is up to one period old.

import { spawn, type ChildProcess } from 'node:child_process';
import { WIN32_TREE_PERIOD_SECONDS } from '../../core/constants.js';
import type { TreeReading } from '../../core/types.js';
import { LineSplitter } from '../gpu/parse.js';
import type { PlatformReader } from '../types.js';
import { osMachine } from './machine.js';
import { SnapshotTreeTracker, type ProcRow } from './tree.js';

const FIELDS = ['ProcessId', 'ParentProcessId', 'KernelModeTime', 'UserModeTime', 'WorkingSetSize'] as const;
const HUNDRED_NS_PER_SECOND = 1e7;

function splitCsvLine(line: string): string[] {
  // ConvertTo-Csv quotes every field ("1234"); values here never contain commas or quotes.
  return line.split(',').map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
}

/**
 * Rows of `Get-CimInstance Win32_Process | Select-Object ProcessId,ParentProcessId,KernelModeTime,
 * UserModeTime,WorkingSetSize | ConvertTo-Csv -NoTypeInformation`: a header line, then one quoted
 * line per process. Columns are found by header name. Lines that do not parse are counted.
 */
export function parseWin32ProcessCsv(text: string): { rows: ProcRow[]; skipped: number } {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const rows: ProcRow[] = [];
  let skipped = 0;
  let col: number[] | undefined;
  for (const line of lines) {
    const f = splitCsvLine(line);
    if (f[0] === 'ProcessId' || f.includes('ProcessId')) {
      col = FIELDS.map((name) => f.indexOf(name));
      if (col.some((c) => c < 0)) throw new Error(`Win32_Process CSV header lacks a column: ${line.slice(0, 200)}`);
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
export function win32LoopScript(parentPid: number, periodMs: number): string {
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

export function encodePowerShell(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}

export interface Win32ReaderOptions {
  excludePids?: number[];
  /** Seconds between two process-table reads by the PowerShell loop. Default WIN32_TREE_PERIOD_SECONDS. */
  treePeriodSeconds?: number;
  /** Default "powershell.exe" (Windows PowerShell 5.1, on every hosted Windows image). */
  command?: string;
  env?: NodeJS.ProcessEnv;
  /** Restarts of the PowerShell child after it dies. Default 3. */
  maxRestarts?: number;
  restartDelayMs?: number;
}

export function createWin32Reader(opts: Win32ReaderOptions = {}): PlatformReader {
  const periodMs = Math.max(1, opts.treePeriodSeconds ?? WIN32_TREE_PERIOD_SECONDS) * 1000;
  const maxRestarts = opts.maxRestarts ?? 3;
  const faults: string[] = [];
  const fault = (m: string): void => {
    if (faults.length < 50) faults.push(m);
  };
  let child: ChildProcess | undefined;
  let started = false;
  let stopped = false;
  let restarts = 0;
  let pendingBlock: string | undefined;
  let tracker: SnapshotTreeTracker | undefined;
  let trackerRoot = 0;
  let last: TreeReading | undefined;
  let restartTimer: NodeJS.Timeout | undefined;

  const launch = (): void => {
    const args = ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encodePowerShell(win32LoopScript(process.pid, periodMs))];
    const splitter = new LineSplitter(4 * 1024 * 1024);
    let block: string[] = [];
    let proc: ChildProcess;
    try {
      proc = spawn(opts.command ?? 'powershell.exe', args, { env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    } catch (err) {
      fault(`PowerShell could not start (${(err as Error).message}): no process tree`);
      return;
    }
    child = proc;
    proc.stdout?.setEncoding('utf8');
    proc.stdout?.on('data', (chunk: string) => {
      for (const line of splitter.push(chunk)) {
        if (line.startsWith('#END')) {
          pendingBlock = block.join('\n');
          block = [];
        } else if (line.startsWith('#ERROR')) {
          fault(`Win32_Process query failed: ${line.slice(7, 200)}`);
        } else if (block.length < 200000) {
          block.push(line);
        }
      }
    });
    proc.stderr?.resume();
    proc.on('error', (err) => {
      if (child !== proc) return;
      child = undefined;
      fault(`PowerShell could not run (${err.message}): no process tree`);
      restarts = maxRestarts; // a missing executable does not come back
    });
    proc.on('close', (code) => {
      if (child !== proc) return;
      child = undefined;
      if (stopped) return;
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
    tree(rootPid: number): TreeReading | undefined {
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
          if (skipped > 0) fault(`Win32_Process: ${skipped} unreadable line(s) skipped`);
          if (rows.length > 0) last = tracker.update(rows);
        } catch (err) {
          fault((err as Error).message);
        }
      }
      return last;
    },
    takeFaults: () => faults.splice(0, faults.length),
    stop(): void {
      stopped = true;
      if (restartTimer) clearTimeout(restartTimer);
      child?.kill();
      child = undefined;
    },
  };
}
