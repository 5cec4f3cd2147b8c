// Faults around the bundled CLI: its signals, --out, and damaged run directories.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { NODE, ROOT, pidAlive } from '../helpers/action-runner.js';

const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cg-cli-faults-'));
const leftovers: number[] = [];
afterAll(() => {
  for (const pid of leftovers) if (pidAlive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts the CLI in its own process group (so a test can kill it with its command). */
function start(args: string[], timeoutMs = 60_000): Run {
  const child = spawn(NODE, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { PATH: process.env.PATH, HOME: process.env.HOME } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return { child, done };
}

async function until(ok: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(50);
  }
}

const samplerPidIn = (dir: string): number => (JSON.parse(readFileSync(path.join(dir, 'run.json'), 'utf8')) as { samplerPid: number }).samplerPid;
const sampling = (dir: string): boolean => existsSync(path.join(dir, 'run.json')) && existsSync(path.join(dir, 'samples.jsonl')) && readFileSync(path.join(dir, 'samples.jsonl'), 'utf8').includes('\n');

describe('CLI signals', () => {
  it('the sampler exits as soon as its CLI is SIGKILLed (not 600 s later)', async () => {
    const out = path.join(tmp, 'killed');
    const run = start(['run', '--interval', '0.2', '--out', out, '--', 'sleep', '30']);
    await until(() => sampling(out));
    const sampler = samplerPidIn(out);
    leftovers.push(sampler);
    process.kill(-(run.child.pid as number), 'SIGKILL'); // the CLI and its command, not the detached sampler
    await run.done;
    await until(() => !pidAlive(sampler), 15_000);
    const marker = JSON.parse(readFileSync(path.join(out, 'sampler-done.json'), 'utf8')) as { reason: string };
    expect(marker.reason).toBe('parent-exit');
  });

  it('SIGINT stops the command, the report is still written, the exit code is 130', async () => {
    const out = path.join(tmp, 'interrupted');
    const run = start(['run', '--interval', '0.2', '--out', out, '--', 'sleep', '30']);
    await until(() => sampling(out));
    const sampler = samplerPidIn(out);
    run.child.kill('SIGINT');
    const r = await run.done;
    expect(r.code).toBe(130);
    expect(existsSync(path.join(out, 'carbon-gate.json'))).toBe(true);
    expect(pidAlive(sampler)).toBe(false);
  });
});

describe('CLI --out', () => {
  it('--out /proc/x exits 2 with a message at once (it once spun at 100 % CPU forever)', async () => {
    const r = await start(['run', '--out', '/proc/x', '--', 'true'], 20_000).done;
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Input '--out' has the value "\/proc\/x"; accepted: a directory outside \/proc and \/sys/);
  });

  it('--out under a file (unwritable) exits 2 with the reason', async () => {
    writeFileSync(path.join(tmp, 'a-file'), 'x');
    const r = await start(['run', '--out', path.join(tmp, 'a-file', 'out'), '--', 'true']).done;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a directory/);
  });

  it('a non-empty directory carbon-gate did not create is refused; --force writes into it and keeps other files', async () => {
    const dir = path.join(tmp, 'mine');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'notes.txt'), 'keep me');
    const refused = await start(['run', '--out', dir, '--', 'true']).done;
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/add --force/);
    expect(existsSync(path.join(dir, 'samples.jsonl'))).toBe(false);
    const forced = await start(['run', '--force', '--out', dir, '--', 'true']).done;
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
    expect(existsSync(path.join(dir, 'carbon-gate.json'))).toBe(true);
  });

  it('a second run on the same --out while the first runs is refused with exit 2', async () => {
    const out = path.join(tmp, 'shared');
    // The first run's command waits (bounded) until the test releases it, so the second run meets it
    // running however slowly the machine starts processes.
    const release = path.join(tmp, 'shared-release');
    const first = start(['run', '--interval', '0.2', '--out', out, '--', 'sh', '-c', `i=0; while [ ! -e '${release}' ] && [ $i -lt 1200 ]; do sleep 0.05; i=$((i+1)); done`]);
    await until(() => sampling(out));
    const second = await start(['run', '--out', out, '--', 'true']).done;
    writeFileSync(release, '');
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`pid ${first.child.pid} holds`));
    expect((await first.done).code).toBe(0);
    // The lock is gone with the first run: the directory is usable again.
    expect((await start(['run', '--out', out, '--', 'true']).done).code).toBe(0);
  });
});

describe('CLI report on a damaged run directory', () => {
  it('a truncated run.json exits 2 with a message, not 1 with a stack', async () => {
    const out = path.join(tmp, 'damaged');
    expect((await start(['run', '--out', out, '--', 'true']).done).code).toBe(0);
    const info = readFileSync(path.join(out, 'run.json'), 'utf8');
    writeFileSync(path.join(out, 'run.json'), info.slice(0, Math.floor(info.length / 2)));
    const r = await start(['report', out]).done;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot report on .*run\.json is truncated or corrupt/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a run.json without its sections exits 2 naming what is missing', async () => {
    const out = path.join(tmp, 'hollow');
    mkdirSync(out);
    writeFileSync(path.join(out, 'run.json'), '{"v":1}');
    const r = await start(['report', out]).done;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/run\.json is incomplete: no settings, facts, job/);
  });

  it('garbage in samples.jsonl: the report still comes out (exit 0), the bad lines counted', async () => {
    const out = path.join(tmp, 'garbage');
    expect((await start(['run', '--interval', '0.2', '--out', out, '--', 'sleep', '1']).done).code).toBe(0);
    const lines = readFileSync(path.join(out, 'samples.jsonl'), 'utf8').split('\n').filter(Boolean);
    writeFileSync(path.join(out, 'samples.jsonl'), [lines[0], '{"v":1,"monoS":', '\u0000\u0000garbage', ...lines.slice(1)].join('\n') + '\n');
    const r = await start(['report', out]).done;
    expect(r.code).toBe(0);
    const result = JSON.parse(readFileSync(path.join(out, 'carbon-gate.json'), 'utf8')) as { quality: { skippedLines: number } };
    expect(result.quality.skippedLines).toBe(2);
  });
});
