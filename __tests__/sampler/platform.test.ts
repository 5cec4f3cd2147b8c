import { afterEach, describe, expect, test } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDarwinReader, parsePsOutput, parsePsTime } from '../../src/sampler/platform/darwin.js';
import { createPlatformReader } from '../../src/sampler/platform/index.js';
import { cpuFromTimes, osMachine } from '../../src/sampler/platform/machine.js';
import { SnapshotTreeTracker, type ProcRow } from '../../src/sampler/platform/tree.js';
import { createWin32Reader, encodePowerShell, parseWin32ProcessCsv, win32LoopScript } from '../../src/sampler/platform/win32.js';
import type { PlatformReader } from '../../src/sampler/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, '..', 'fixtures', 'platform');
const fakeBin = path.join(here, '..', 'fixtures', 'bin');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');

async function waitFor<T>(what: string, fn: () => T | undefined | false, timeoutMs = 8000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('ps output (macOS and procps)', () => {
  test('time column: macOS minutes:seconds.hundredths, procps [dd-]hh:mm:ss, comma decimals', () => {
    expect(parsePsTime('0:00.03')).toBeCloseTo(0.03, 9);
    expect(parsePsTime('123:45.67')).toBeCloseTo(123 * 60 + 45.67, 9);
    expect(parsePsTime('01:02:03')).toBe(3723);
    expect(parsePsTime('2-01:00:00')).toBe(2 * 86400 + 3600);
    expect(parsePsTime('0:01,50')).toBeCloseTo(1.5, 9);
    expect(parsePsTime('12')).toBeNaN();
    expect(parsePsTime('a:bc')).toBeNaN();
  });

  test('a recorded macOS-format listing', () => {
    const { rows, skipped } = parsePsOutput(fixture('darwin-ps-1.txt'));
    expect(skipped).toBe(0);
    expect(rows).toHaveLength(12);
    expect(rows.find((r) => r.pid === 301)).toEqual({ pid: 301, ppid: 1, cpuSeconds: 123 * 60 + 45.67, rssBytes: 145920 * 1024 });
    expect(rows.find((r) => r.pid === 1703)?.cpuSeconds).toBeCloseTo(62.1, 9);
  });

  test('a listing recorded on this Linux machine (procps-ng 4.0.2)', () => {
    const { rows, skipped } = parsePsOutput(fixture('linux-procps-ps.txt'));
    expect(skipped).toBe(0);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows[0]).toMatchObject({ pid: 1, ppid: 0 });
    expect(rows.every((r) => Number.isFinite(r.cpuSeconds) && r.rssBytes >= 0)).toBe(true);
  });

  test('garbage lines are skipped and counted', () => {
    const { rows, skipped } = parsePsOutput('  10   1 0:00.10 100\nps: some warning\n  11  10 0:00.20\n');
    expect(rows.map((r) => r.pid)).toEqual([10]);
    expect(skipped).toBe(2);
  });
});

describe('Win32_Process CSV', () => {
  test('a recorded-format listing: 100 ns units, bytes, quoted CRLF lines', () => {
    const { rows, skipped } = parseWin32ProcessCsv(fixture('win32-processes-1.csv'));
    expect(skipped).toBe(0);
    expect(rows).toHaveLength(11);
    expect(rows.find((r) => r.pid === 5200)).toEqual({ pid: 5200, ppid: 5100, cpuSeconds: 31.25, rssBytes: 157286400 });
  });

  test('columns are found by header name, in any order; empty values are skipped', () => {
    const text = '"WorkingSetSize","UserModeTime","KernelModeTime","ParentProcessId","ProcessId"\n"4096","10000000","0","1","77"\n"","","","1","78"\n';
    const { rows, skipped } = parseWin32ProcessCsv(text);
    expect(rows).toEqual([{ pid: 77, ppid: 1, cpuSeconds: 1, rssBytes: 4096 }]);
    expect(skipped).toBe(1);
    expect(() => parseWin32ProcessCsv('"ProcessId","Name"\n')).toThrow(/lacks a column/);
  });

  test('the PowerShell loop script queries Win32_Process and watches its parent', () => {
    const script = win32LoopScript(4242, 5000);
    expect(script).toContain('Get-CimInstance -ClassName Win32_Process -Property ProcessId,ParentProcessId,KernelModeTime,UserModeTime,WorkingSetSize');
    expect(script).toContain('ConvertTo-Csv -NoTypeInformation');
    expect(script).toContain('Get-Process -Id 4242');
    expect(script).toContain('Start-Sleep -Milliseconds 5000');
    expect(Buffer.from(encodePowerShell(script), 'base64').toString('utf16le')).toBe(script);
  });
});

describe('snapshot tree accounting', () => {
  test('macOS: discovery, an exited child keeps its CPU, an orphan re-parented to launchd escapes', () => {
    const t = new SnapshotTreeTracker({ rootPid: 1601, method: 'ps', excludePids: [1650] });
    const first = t.update(parsePsOutput(fixture('darwin-ps-1.txt')).rows);
    // 1601 8.50 + 1702 0.04 + 1703 62.10 + 1704 5.00 + 1710 1.00
    expect(first.cpuSeconds).toBeCloseTo(76.64, 9);
    expect(first.processes).toBe(5);
    expect(first.rssBytes).toBe((187392 + 3216 + 412672 + 88064 + 20480) * 1024);
    expect(first.method).toBe('ps');
    expect(first.rootGone).toBeUndefined();

    const secondRows = parsePsOutput(fixture('darwin-ps-2.txt')).rows;
    const second = t.update(secondRows);
    // live 1601 9.00 + 1702 0.05 + 1703 90.00 + new 1720 2.00; exited 1704 5.00; escaped 1710 carried 4.00
    expect(second.cpuSeconds).toBeCloseTo(110.05, 9);
    expect(second.processes).toBe(4);
    expect(second.escapedCpuSeconds).toBe(0);
    expect(second.rssBytes).toBe((190464 + 3216 + 431104 + 65536) * 1024);

    const third = t.update(secondRows.map((r) => (r.pid === 1710 ? { ...r, cpuSeconds: 6.5 } : r)));
    expect(third.escapedCpuSeconds).toBeCloseTo(2.5, 9);
    expect(third.cpuSeconds).toBeCloseTo(110.05, 9);
  });

  test('Windows: orphans keep their dead parent id and stay in the tree; the sampler is excluded', () => {
    const t = new SnapshotTreeTracker({ rootPid: 5200, method: 'wmi', excludePids: [5400], orphansKeepParent: true });
    const first = t.update(parseWin32ProcessCsv(fixture('win32-processes-1.csv')).rows);
    // 5200 31.25 + 5250 6.25 + 5300 1.25 + 5301 20 + 5302 0.46875
    expect(first.cpuSeconds).toBeCloseTo(59.21875, 9);
    expect(first.processes).toBe(5);
    expect(first.rssBytes).toBe(157286400 + 52428800 + 73400320 + 94371840 + 4194304);
    const second = t.update(parseWin32ProcessCsv(fixture('win32-processes-2.csv')).rows);
    // exited 6.25 + 1.25 + 0.46875; live 5200 32.8125 + orphan 5301 30 + its new child 5310 3
    expect(second.cpuSeconds).toBeCloseTo(73.78125, 9);
    expect(second.processes).toBe(3);
    expect(second.rssBytes).toBe(157286400 + 98566144 + 8388608);
    expect(second.method).toBe('wmi');
  });

  test('Windows without the exclusion would count the sampler (whose parent, the pre step, died)', () => {
    const t = new SnapshotTreeTracker({ rootPid: 5200, method: 'wmi', orphansKeepParent: true });
    t.update(parseWin32ProcessCsv(fixture('win32-processes-1.csv')).rows);
    expect(t.update(parseWin32ProcessCsv(fixture('win32-processes-2.csv')).rows).processes).toBe(5);
  });

  const row = (pid: number, ppid: number, cpuSeconds: number): ProcRow => ({ pid, ppid, cpuSeconds, rssBytes: 1 });

  test('a reused pid (CPU went backwards) is a new process; a dead parent pid reused elsewhere stops adopting', () => {
    const t = new SnapshotTreeTracker({ rootPid: 10, method: 'wmi', orphansKeepParent: true });
    t.update([row(10, 1, 1), row(11, 10, 5)]);
    // 11 died; its pid now belongs to an unrelated process (parent 99) with a child 12
    const r = t.update([row(10, 1, 1), row(11, 99, 0.5), row(12, 11, 3), row(99, 1, 0)]);
    expect(r.processes).toBe(1);
    expect(r.cpuSeconds).toBeCloseTo(6, 9);
  });

  test('macOS: the whole subtree of an escaped process leaves with it', () => {
    const t = new SnapshotTreeTracker({ rootPid: 10, method: 'ps' });
    t.update([row(10, 1, 1), row(20, 10, 1), row(30, 20, 2), row(40, 30, 3)]);
    const r = t.update([row(10, 1, 1), row(30, 1, 2), row(40, 30, 4)]);
    // 20 exited (1), 30 and 40 left alive (2 + 4 carried), root 1
    expect(r.processes).toBe(1);
    expect(r.cpuSeconds).toBeCloseTo(8, 9);
    const r2 = t.update([row(10, 1, 1), row(30, 1, 2.5), row(40, 30, 5)]);
    expect(r2.escapedCpuSeconds).toBeCloseTo(1.5, 9);
  });

  test('root gone is reported and the total never decreases', () => {
    const t = new SnapshotTreeTracker({ rootPid: 10, method: 'ps' });
    const a = t.update([row(10, 1, 2), row(11, 10, 1)]);
    const b = t.update([row(11, 1, 1.2)]);
    expect(b.rootGone).toBe(true);
    expect(b.cpuSeconds).toBeGreaterThanOrEqual(a.cpuSeconds);
    expect(t.update([]).rootGone).toBe(true);
  });
});

describe('machine readings from the os module', () => {
  test('cpuFromTimes sums busy (user+nice+sys+irq) and total over CPUs, in seconds', () => {
    const cpu = cpuFromTimes([
      { times: { user: 1000, nice: 500, sys: 250, idle: 8000, irq: 250 } },
      { times: { user: 3000, nice: 0, sys: 1000, idle: 6000, irq: 0 } },
    ]);
    expect(cpu).toEqual({ busySeconds: 6, totalSeconds: 20, logicalCpus: 2 });
  });

  test('osMachine on this machine: cumulative counters that advance under load', () => {
    const a = osMachine();
    expect(a.cpu.logicalCpus).toBe(os.cpus().length);
    expect(a.mem.totalBytes).toBe(os.totalmem());
    expect(a.mem.availableBytes).toBeGreaterThan(0);
    expect(a.mem.availableBytes).toBeLessThanOrEqual(a.mem.totalBytes);
    const until = Date.now() + 300;
    while (Date.now() < until) Math.sqrt(Math.random());
    const b = osMachine();
    expect(b.cpu.busySeconds - a.cpu.busySeconds).toBeGreaterThan(0.1);
    expect(b.cpu.totalSeconds).toBeGreaterThan(a.cpu.totalSeconds);
  });
});

describe('readers with real processes', () => {
  test('ps reader follows a real tree on this machine (procps accepts the same ps arguments)', async () => {
    // root: sh → (node burning 1.2 s of CPU, however loaded the machine) and sleep
    const burn = 'while(process.cpuUsage().user<1.2e6);';
    const root: ChildProcess = spawn('sh', ['-c', `"${process.execPath}" -e "${burn}" & sleep 8 & wait`], { stdio: 'ignore', detached: true });
    // its own process group, so the whole tree (sleep included) is killed at the end
    const killGroup = () => {
      try {
        process.kill(-root.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    cleanups.push(killGroup);
    const reader = createDarwinReader({ excludePids: [process.pid] });
    const first = await waitFor('the children', () => {
      const r = reader.tree!(root.pid!);
      return r && r.processes >= 3 ? r : undefined;
    });
    expect(first.method).toBe('ps');
    // procps prints whole seconds: wait until the spinner has shown ≥ 1 s
    const later = await waitFor('CPU seconds of the spinner', () => {
      const r = reader.tree!(root.pid!);
      return r && r.cpuSeconds >= 1 ? r : undefined;
    }, 20000);
    expect(later.rssBytes).toBeGreaterThan(0);
    killGroup();
    const gone = await waitFor('root gone', () => {
      const r = reader.tree!(root.pid!);
      return r?.rootGone ? r : undefined;
    });
    expect(gone.cpuSeconds).toBeGreaterThanOrEqual(later.cpuSeconds);
  });

  test('ps reader: a failing ps is an error naming ps', () => {
    const reader = createDarwinReader({ psCommand: '/nonexistent/ps' });
    expect(() => reader.tree!(1)).toThrow(/ps failed \(spawnSync \/nonexistent\/ps ENOENT\)/);
  });

  test('Windows reader streams Win32_Process blocks from one long-running PowerShell', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-ps-'));
    const scriptLog = path.join(dir, 'script.ps1');
    const env = {
      PATH: `${fakeBin}${path.delimiter}${path.dirname(process.execPath)}`,
      FAKE_POWERSHELL_BLOCKS: `${path.join(fixtures, 'win32-processes-1.csv')},${path.join(fixtures, 'win32-processes-2.csv')}`,
      FAKE_POWERSHELL_PERIOD_MS: '300',
      FAKE_POWERSHELL_SCRIPT_LOG: scriptLog,
    };
    const reader: PlatformReader = createWin32Reader({ excludePids: [5400], command: path.join(fakeBin, 'powershell'), env, treePeriodSeconds: 1 });
    cleanups.push(() => reader.stop?.());
    expect(reader.tree!(5200)).toBeUndefined(); // starts the loop; nothing read yet
    const first = await waitFor('first block', () => reader.tree!(5200));
    expect(first.cpuSeconds).toBeCloseTo(59.21875, 9);
    const second = await waitFor('second block', () => {
      const r = reader.tree!(5200);
      return r && r.processes === 3 ? r : undefined;
    });
    expect(second.cpuSeconds).toBeCloseTo(73.78125, 9);
    const script = fs.readFileSync(scriptLog, 'utf8');
    expect(script).toContain(`Get-Process -Id ${process.pid}`);
    expect(script).toContain('Start-Sleep -Milliseconds 1000');
    expect(reader.takeFaults!()).toEqual([]);
    expect(reader.machine().cpu.logicalCpus).toBe(os.cpus().length);
  });

  test('Windows reader: a dying PowerShell is restarted a bounded number of times', async () => {
    const env = {
      PATH: `${fakeBin}${path.delimiter}${path.dirname(process.execPath)}`,
      FAKE_POWERSHELL_BLOCKS: path.join(fixtures, 'win32-processes-1.csv'),
      FAKE_POWERSHELL_EXIT_AFTER: '1',
    };
    const reader = createWin32Reader({ excludePids: [5400], command: path.join(fakeBin, 'powershell'), env, maxRestarts: 2, restartDelayMs: 20 });
    cleanups.push(() => reader.stop?.());
    reader.tree!(5200);
    const faults: string[] = [];
    await waitFor('give up', () => {
      faults.push(...reader.takeFaults!());
      return faults.some((f) => f.includes('gave up'));
    });
    expect(faults.filter((f) => /restart \d of 2/.test(f))).toHaveLength(2);
    expect(faults.at(-1)).toMatch(/exited \(code 1\); gave up after 2 restart\(s\): tree readings stop \(gap\)/);
    expect(reader.tree!(5200)?.processes).toBe(5);
  });

  test('Windows reader: no PowerShell is a fault, the machine reading still works', async () => {
    const reader = createWin32Reader({ command: '/nonexistent/powershell.exe' });
    cleanups.push(() => reader.stop?.());
    expect(reader.tree!(1)).toBeUndefined();
    const faults = await waitFor('fault', () => {
      const f = reader.takeFaults!();
      return f.length ? f : undefined;
    });
    expect(faults[0]).toMatch(/PowerShell could not run .*ENOENT.*no process tree/);
    expect(reader.machine().mem.totalBytes).toBe(os.totalmem());
  });
});

describe('createPlatformReader', () => {
  test('undefined on linux; a ps reader on darwin; a Win32_Process reader on win32', () => {
    expect(createPlatformReader('linux')).toBeUndefined();
    const darwin = createPlatformReader('darwin', { excludePids: [process.pid] });
    expect(typeof darwin?.tree).toBe('function');
    expect(darwin?.machine().cpu.logicalCpus).toBe(os.cpus().length);
    const win = createPlatformReader('win32');
    expect(typeof win?.tree).toBe('function');
    expect(typeof win?.stop).toBe('function');
    win?.stop?.();
  });
});
