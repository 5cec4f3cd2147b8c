// pidExists answers with kill(pid, 0) under the real /proc: the same answer as the path look-up it
// replaces (existsSync of /proc/<pid>), for every kind of pid discovery meets.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pidExists } from '../../src/sampler/linux/procfs.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** The first child of `pid` once it is a zombie. */
const zombieOf = (pid: number): number | undefined => {
  const child = Number(readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ')[0]);
  return child && readFileSync(`/proc/${child}/stat`, 'utf8').split(') ')[1]?.[0] === 'Z' ? child : undefined;
};
/** A thread of `pid` other than its first. */
const threadOf = (pid: number): number | undefined => readdirSync(`/proc/${pid}/task`).map(Number).find((t) => t !== pid);

describe('pidExists', () => {
  let zombieParent: ChildProcess;
  let threaded: ChildProcess;
  let reaped: ChildProcess;
  beforeAll(async () => {
    // `sleep 0.1` ends and stays a zombie: its parent (exec'd into `sleep 30`) never waits.
    zombieParent = spawn('/bin/sh', ['-c', 'sleep 0.1 & exec sleep 30'], { stdio: 'ignore' });
    threaded = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    reaped = spawn('/bin/true', { stdio: 'ignore' });
    await new Promise((r) => reaped.on('exit', r));
    // Ready when the zombie and the second thread exist (a loaded machine may take a while).
    for (let i = 0; i < 200 && !(zombieOf(zombieParent.pid!) && threadOf(threaded.pid!)); i++) await sleep(50);
  }, 20_000);
  afterAll(() => {
    zombieParent.kill('SIGKILL');
    threaded.kill('SIGKILL');
  });

  const kinds = (): Array<[string, number]> => {
    const zombie = zombieOf(zombieParent.pid!);
    const thread = threadOf(threaded.pid!);
    expect(zombie).toBeDefined();
    expect(thread).toBeDefined();
    return [
      ['a live process', threaded.pid!],
      ['pid 1 (not ours: EPERM when unprivileged)', 1],
      ['a zombie', zombie!],
      ['a thread that is not its process', thread!],
      ['a reaped process', reaped.pid!],
      ['a pid never allocated', 4_194_303],
    ];
  };

  test('under the real /proc, the same answer as the path look-up', () => {
    const seen = kinds().map(([what, pid]) => [what, pidExists('/proc', pid), existsSync(`/proc/${pid}`)]);
    expect(seen.map(([what, , path]) => [what, path])).toEqual(seen.map(([what, fast]) => [what, fast]));
    // Both answers are exercised: three kinds exist and the last two do not.
    expect(seen.map(([, fast]) => fast)).toEqual([true, true, true, true, false, false]);
  });

  test('under any other root (recorded trees), the path decides', () => {
    const root = mkdtempSync(join(tmpdir(), 'cg-exists-'));
    try {
      mkdirSync(join(root, '4242'));
      expect(pidExists(root, 4242)).toBe(true);
      // A pid that is live on this machine but absent from the recorded tree.
      expect(pidExists(root, process.pid)).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
