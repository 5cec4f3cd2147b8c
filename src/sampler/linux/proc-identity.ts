// What identifies a process beyond its stat line: its environment (the job's marker, a step's
// GITHUB_ACTION*), its command line, and the head of the script a shell step runs. Read once per
// process (a new step, a candidate escaped daemon), never per tick.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { readSmallFile } from './procfs.js';

/** The environment a process was started with (NUL-separated NAME=value), or null when unreadable. */
export function readEnviron(procRoot: string, pid: number): string | null {
  try {
    return readFileSync(`${procRoot}/${pid}/environ`, 'latin1');
  } catch {
    return null;
  }
}

/** A process's argument vector (/proc/<pid>/cmdline), or null when unreadable or empty (a kernel thread, a zombie). */
export function readCmdline(procRoot: string, pid: number): string[] | null {
  let text: string;
  try {
    text = readFileSync(`${procRoot}/${pid}/cmdline`, 'utf8');
  } catch {
    return null;
  }
  if (!text) return null;
  const argv = text.split('\0');
  if (argv[argv.length - 1] === '') argv.pop();
  return argv.length ? argv : null;
}

/** The first `maxBytes` of a file (a step's script), or null. */
export function readHead(file: string, maxBytes = 4096): string | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const buf = Buffer.alloc(maxBytes);
    const n = readSync(fd, buf, 0, maxBytes, 0);
    return buf.toString('utf8', 0, n);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Whether a NUL-separated environ block holds exactly the entry `NAME=value`. */
export function environHas(environ: string, entry: string): boolean {
  for (let i = environ.indexOf(entry); i >= 0; i = environ.indexOf(entry, i + 1)) {
    const startsEntry = i === 0 || environ.charCodeAt(i - 1) === 0;
    const end = i + entry.length;
    const endsEntry = end === environ.length || environ.charCodeAt(end) === 0;
    if (startsEntry && endsEntry) return true;
  }
  return false;
}

/**
 * Whether `pid` is a process (its thread group's leader) and not another thread: thread ids share the
 * pid space, and /proc/<tid>/stat of a thread shows its whole process (so it must never be adopted).
 * False when the pid is gone.
 */
export function isThreadGroupLeader(procRoot: string, pid: number): boolean {
  const text = readSmallFile(`${procRoot}/${pid}/status`, true);
  if (text === null) return false;
  const i = text.indexOf('\nTgid:');
  return i >= 0 && Number.parseInt(text.slice(i + 6), 10) === pid;
}
