// Stopping the sampler safely, with real processes: never signal pid 0/1 or a stranger; tokens never
// reach the run directory.
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isOurSampler, stopSampler, waitForFirstSample } from '../../src/adapters/sampler-process.js';
import { publicSettings, writeRunInfo, RUN_INFO_FILE, type RunInfo } from '../../src/app/run-info.js';
import { parseSettings } from '../../src/settings/inputs.js';
import { pidAlive } from '../helpers/action-runner.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cg-sp-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('isOurSampler / stopSampler', () => {
  test('pid 0, 1, NaN (an empty state) and our own pid are never our sampler: no process-group kill', async () => {
    for (const pid of [0, 1, Number(''), Number('abc'), -5, process.pid]) expect(isOurSampler(pid, '/x/sampler/index.js', tmp)).toBe(false);
    const out = await stopSampler(0, '/x/sampler/index.js', tmp, 100);
    expect(out.how).toBe('not-running');
  });

  test('a live process that is not our sampler (a reused pid) is left alone', async () => {
    const stranger = spawn('sleep', ['30']);
    try {
      const out = await stopSampler(stranger.pid as number, '/x/sampler/index.js', tmp, 100);
      expect(out.how).toBe('not-running');
      expect(pidAlive(stranger.pid as number)).toBe(true);
    } finally {
      stranger.kill('SIGKILL');
    }
  });

  test('an empty script path matches no process (the trailing NUL of /proc/<pid>/cmdline is not an argument)', () => {
    const stranger = spawn('sleep', ['30', tmp]);
    try {
      expect(isOurSampler(stranger.pid as number, '', tmp)).toBe(false);
    } finally {
      stranger.kill('SIGKILL');
    }
  });

  test('waitForFirstSample says "exited" at once when the sampler died without writing', async () => {
    const dead = spawn(process.execPath, ['-e', 'process.exit(3)']);
    await new Promise((r) => dead.on('exit', r));
    const t0 = Date.now();
    expect(await waitForFirstSample(dead.pid as number, tmp, 10_000)).toBe('exited');
    expect(Date.now() - t0).toBeLessThan(9_000);
  });
});

describe('run.json', () => {
  test('never holds the tokens (token, electricity-maps-token)', () => {
    const settings = parseSettings((n) => ({ token: 'ghs_SECRET_comment_token', 'electricity-maps-token': 'em_SECRET_token' })[n]);
    const info = { v: 1, settings: publicSettings(settings), facts: {}, job: { key: 'k', label: 'l' }, rootPid: null, samplerPid: 2, samplerScript: 'x', startedWallMs: 0, startedMonoS: 0 } as unknown as RunInfo;
    writeRunInfo(tmp, info);
    const text = readFileSync(path.join(tmp, RUN_INFO_FILE), 'utf8');
    expect(text).not.toContain('SECRET');
  });
});
