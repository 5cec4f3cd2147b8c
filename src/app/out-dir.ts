// The CLI's --out directory: created with care, never someone else's files, one run at a time.
//
// - Under /proc or /sys nothing is ours to write: refused at once. (Node's recursive mkdir loops forever
//   there: procfs answers mkdir("/proc/x") with ENOENT although /proc exists, and mkdirSync({ recursive })
//   takes ENOENT to mean "parent missing", re-creates the parent (EEXIST) and retries the child, at 100 %
//   CPU. Seen with strace on Linux 6.x, Node 20 and 24. So the missing parts are created here one by one.)
// - A directory we did not create (no OWNER_FILE) that holds anything is refused unless --force.
// - A lock file (O_EXCL, holding our pid) keeps a second run off the same directory; a lock whose pid is
//   gone is stale and taken over.
import { accessSync, constants, existsSync, mkdirSync, openSync, readFileSync, readdirSync, realpathSync, statSync, unlinkSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../settings/inputs.js';

export const OWNER_FILE = '.carbon-gate';
export const LOCK_FILE = '.carbon-gate.lock';

const FORBIDDEN_ROOTS = ['/proc', '/sys'];

const under = (p: string, root: string): boolean => p === root || p.startsWith(`${root}/`);

function refuse(raw: string, why: string): never {
  throw new InputError('--out', raw, why);
}

/** The nearest existing ancestor of `dir` (or `dir` itself), resolved through symlinks. */
function existingAncestor(dir: string): { existing: string; missing: string[] } {
  const missing: string[] = [];
  let p = dir;
  while (!existsSync(p)) {
    missing.unshift(path.basename(p));
    const parent = path.dirname(p);
    if (parent === p) break;
    p = parent;
  }
  return { existing: p, missing };
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 1) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function takeLock(dir: string, raw: string): string {
  const lock = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return lock;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') refuse(raw, `a writable directory (cannot create ${LOCK_FILE}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      let holder = NaN;
      try {
        holder = Number(readFileSync(lock, 'utf8').trim());
      } catch {
        /* vanished meanwhile: try again */
      }
      if (pidAlive(holder) && holder !== process.pid) refuse(raw, `a directory no other carbon-gate run is using (pid ${holder} holds ${LOCK_FILE}; wait for it or choose another --out)`);
      try {
        unlinkSync(lock); // stale: its process is gone
      } catch {
        /* someone else removed it */
      }
    }
  }
  return refuse(raw, `a directory no other carbon-gate run is using (${LOCK_FILE} keeps coming back)`);
}

export interface OutDir {
  dir: string;
  /** Removes the lock (only if it is still ours). Never throws. */
  release(): void;
}

/** Creates or checks --out and locks it. Throws InputError (exit 2) with the reason. */
export function prepareOutDir(raw: string, opts: { force: boolean }): OutDir {
  const dir = path.resolve(raw);
  const { existing, missing } = existingAncestor(dir);
  let real: string;
  try {
    real = path.join(realpathSync(existing), ...missing);
  } catch (e) {
    return refuse(raw, `a path that can be resolved (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (FORBIDDEN_ROOTS.some((r) => under(real, r) || under(dir, r))) refuse(raw, 'a directory outside /proc and /sys');
  if (!statSync(existing).isDirectory()) refuse(raw, `a directory path (${existing} is not a directory)`);
  if (missing.length === 0) {
    const entries = readdirSync(dir).filter((n) => n !== LOCK_FILE);
    if (entries.length > 0 && !entries.includes(OWNER_FILE) && !opts.force) {
      refuse(raw, 'a new or empty directory, or the --out of an earlier carbon-gate run; it holds files carbon-gate did not write (add --force to write into it anyway)');
    }
  } else {
    try {
      accessSync(existing, constants.W_OK);
    } catch {
      refuse(raw, `a path under a writable directory (${existing} is not writable)`);
    }
    let p = existing;
    for (const part of missing) {
      p = path.join(p, part);
      try {
        mkdirSync(p, { mode: 0o700 });
      } catch (e) {
        refuse(raw, `a path where a directory can be created (mkdir ${p}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
    }
  }
  const lock = takeLock(dir, raw);
  try {
    if (!existsSync(path.join(dir, OWNER_FILE))) writeFileSync(path.join(dir, OWNER_FILE), 'Written by carbon-gate: this directory holds its run files and may be overwritten by the next run.\n');
  } catch (e) {
    unlinkSync(lock);
    refuse(raw, `a writable directory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return {
    dir,
    release: () => {
      try {
        if (readFileSync(lock, 'utf8').trim() === String(process.pid)) unlinkSync(lock);
      } catch {
        /* gone already */
      }
    },
  };
}
