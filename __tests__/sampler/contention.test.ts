// Scheduler counters for the contention signals: parsers on literal kernel text, the tracker over a
// recorded /proc tree in a temp dir (deltas, newcomers, vanished tasks) and over this machine's /proc.
import { describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ContentionTracker, parsePressureSomeTotalUs } from '../../src/sampler/linux/contention.js';
import { parseSchedstat } from '../../src/sampler/linux/schedstat.js';

describe('parsers', () => {
  test('schedstat: on-CPU ns, run delay ns', () => {
    expect(parseSchedstat('288877073 654241172 144\n')).toEqual({ onCpuNs: 288877073, runDelayNs: 654241172 });
    expect(parseSchedstat('12\n')).toBeNull();
    expect(parseSchedstat('x y z')).toBeNull();
  });
  test('pressure: the some line’s total (µs), also when some is not first', () => {
    expect(parsePressureSomeTotalUs('some avg10=96.76 avg60=93.19 avg300=56.63 total=261731095\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n')).toBe(261731095);
    expect(parsePressureSomeTotalUs('full avg10=0 total=5\nsome avg10=1.00 total=42\n')).toBe(42);
    expect(parsePressureSomeTotalUs('full avg10=0 total=5\n')).toBeNull();
  });
});

describe('ContentionTracker over a recorded /proc', () => {
  test('first tick sets the base; later deltas add up; a newcomer counts whole; a task that left is dropped', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cg-sched-'));
    try {
      const put = (pid: number, on: number, delay: number): void => {
        mkdirSync(path.join(root, String(pid)), { recursive: true });
        writeFileSync(path.join(root, String(pid), 'schedstat'), `${on} ${delay} 7\n`);
      };
      mkdirSync(path.join(root, 'pressure'));
      writeFileSync(path.join(root, 'pressure', 'cpu'), 'some avg10=0.00 avg60=0.00 avg300=0.00 total=1000000\n');
      put(10, 5e9, 1e9);
      const t = new ContentionTracker(root, null);
      expect(t.read([10])).toEqual({ onCpuSeconds: 0, runDelaySeconds: 0, tasks: 1, pressureSomeSeconds: 1, pressureScope: 'machine' });
      put(10, 5.5e9, 1.25e9);
      put(11, 0.1e9, 0.2e9); // born after the first tick
      writeFileSync(path.join(root, 'pressure', 'cpu'), 'some avg10=0.00 avg60=0.00 avg300=0.00 total=3500000\n');
      const r = t.read([10, 11]);
      expect(r?.onCpuSeconds).toBeCloseTo(0.6, 12);
      expect(r?.runDelaySeconds).toBeCloseTo(0.45, 12);
      expect(r?.tasks).toBe(2);
      // PSI is read on the first reading, every PRESSURE_EVERY_TICKS, and on the closing one.
      expect(r?.pressureSomeSeconds).toBeUndefined();
      expect(t.read([10, 11], true)?.pressureSomeSeconds).toBeCloseTo(3.5, 12);
      // 10 left the tree (no longer a member): not read, its descriptor closed.
      put(11, 0.3e9, 0.2e9);
      const r2 = t.read([11]);
      expect(r2?.onCpuSeconds).toBeCloseTo(0.8, 12);
      expect(r2?.tasks).toBe(1);
      expect(t.read([99])).toBeUndefined();
      // Readings 1 (the first) and 3 (the closing one) had PSI; the 10th reading has it again.
      const withPressure: number[] = [];
      for (let k = 6; k <= 21; k++) if (t.read([11])?.pressureSomeSeconds !== undefined) withPressure.push(k);
      expect(withPressure).toEqual([10, 20]);
      t.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('ContentionTracker over this machine', () => {
  test('a busy child accumulates on-CPU time', async () => {
    // The child spins until killed; the test waits for 0.2 s of its CPU time, however loaded the machine.
    const child = spawn(process.execPath, ['-e', 'let x=0; for(;;) x+=Math.sqrt(x+1)'], { stdio: 'ignore' });
    try {
      const t = new ContentionTracker('/proc', null);
      expect(t.read([child.pid!])?.onCpuSeconds).toBe(0);
      let r = t.read([child.pid!]);
      while ((r?.onCpuSeconds ?? 0) < 0.2) {
        await new Promise((res) => setTimeout(res, 50));
        r = t.read([child.pid!]);
      }
      expect(r?.onCpuSeconds).toBeGreaterThanOrEqual(0.2);
      expect(r?.runDelaySeconds).toBeGreaterThanOrEqual(0);
      expect(r?.tasks).toBe(1);
      t.close();
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
