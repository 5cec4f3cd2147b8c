// The CLI's --out directory on a real file system: refusals are InputErrors (exit 2) with the reason.
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOCK_FILE, OWNER_FILE, prepareOutDir } from '../../src/app/out-dir.js';
import { InputError } from '../../src/settings/inputs.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cg-outdir-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function refusal(raw: string, force = false): InputError {
  try {
    prepareOutDir(raw, { force }).release();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`prepareOutDir(${raw}) was accepted`);
}

describe('prepareOutDir', () => {
  test('creates a new nested directory, marks it as ours, locks it and releases the lock', () => {
    const dir = path.join(tmp, 'a', 'b', 'c');
    const out = prepareOutDir(dir, { force: false });
    expect(out.dir).toBe(dir);
    expect(existsSync(path.join(dir, OWNER_FILE))).toBe(true);
    expect(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    out.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    // Ours now: a second run reuses it.
    prepareOutDir(dir, { force: false }).release();
  });

  test('refuses a non-empty directory it did not create, unless --force', () => {
    const dir = path.join(tmp, 'users-own');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'thesis.tex'), 'precious');
    const e = refusal(dir);
    expect(e.input).toBe('--out');
    expect(e.message).toMatch(/holds files carbon-gate did not write \(add --force/);
    const out = prepareOutDir(dir, { force: true });
    out.release();
    expect(readFileSync(path.join(dir, 'thesis.tex'), 'utf8')).toBe('precious');
  });

  test('an existing empty directory is accepted', () => {
    const dir = path.join(tmp, 'empty');
    mkdirSync(dir);
    prepareOutDir(dir, { force: false }).release();
  });

  test('a second run on a locked directory is refused, naming the pid that holds it', async () => {
    const dir = path.join(tmp, 'locked');
    // A live process other than this one holds the lock (as a concurrent `carbon-gate run` would).
    const holder = spawn('sleep', ['60']);
    try {
      prepareOutDir(dir, { force: false }).release();
      writeFileSync(path.join(dir, LOCK_FILE), String(holder.pid));
      expect(refusal(dir).message).toMatch(new RegExp(`no other carbon-gate run is using \\(pid ${holder.pid} holds`));
      expect(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toBe(String(holder.pid));
    } finally {
      holder.kill('SIGKILL');
    }
  });

  test('a stale lock (its process is gone) is taken over', async () => {
    const dir = path.join(tmp, 'stale');
    prepareOutDir(dir, { force: false }).release();
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = child.pid as number;
    await new Promise((r) => child.on('exit', r));
    writeFileSync(path.join(dir, LOCK_FILE), String(deadPid));
    const out = prepareOutDir(dir, { force: false });
    expect(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    out.release();
  });

  test.each([['/proc/x'], ['/proc/self/x/y'], ['/sys/carbon'], ['/proc']])('%s is refused at once (no 100 %% CPU loop)', (raw) => {
    expect(refusal(raw).message).toMatch(/outside \/proc and \/sys/);
  });

  test('a symlink into /proc is refused too', () => {
    const link = path.join(tmp, 'to-proc');
    symlinkSync('/proc', link);
    expect(refusal(path.join(link, 'x')).message).toMatch(/outside \/proc and \/sys/);
  });

  test('an unwritable path is refused with the system error: a path under a file, and under /dev/full', () => {
    const file = path.join(tmp, 'plain-file');
    writeFileSync(file, 'x');
    expect(refusal(path.join(file, 'out')).message).toMatch(/is not a directory/);
    expect(refusal('/dev/full/out').message).toMatch(/\/dev\/full is not a directory/);
  });
});
