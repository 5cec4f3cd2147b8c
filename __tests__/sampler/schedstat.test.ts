// The shared schedstat reader on this machine's /proc: kept descriptors, one read per pid and tick,
// `opened` on the read that opened the file, and GONE (ESRCH) once the process it was opened for is reaped.
import { describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { GONE, SchedstatReader } from '../../src/sampler/linux/schedstat.js';

describe('SchedstatReader', () => {
  test('opened once, cached within a tick, GONE after the reap, null for a pid that was never there', async () => {
    const child = spawn('sleep', ['0.3'], { stdio: 'ignore' });
    const exited = new Promise((r) => child.once('exit', r));
    const reader = new SchedstatReader('/proc');
    try {
      const first = reader.read(child.pid!);
      expect(first).toMatchObject({ opened: true });
      expect(reader.read(child.pid!)).toBe(first);
      reader.nextTick();
      const second = reader.read(child.pid!);
      expect(second).toMatchObject({ opened: false });
      expect(second !== null && second !== GONE && second.onCpuNs).toBeGreaterThan(0);
      // Node reaps its child (libuv's SIGCHLD handler) before 'exit' is emitted.
      await exited;
      reader.nextTick();
      expect(reader.read(child.pid!)).toBe(GONE);
      expect(reader.read(2 ** 22 + 1)).toBeNull();
      reader.retain([]);
      expect(reader.keptCount).toBe(0);
    } finally {
      child.kill('SIGKILL');
      reader.close();
    }
  });
});
