// The /proc parsers on recorded text, the cgroup helpers, and the tracker on the real /proc of
// this machine against the kernel's own accounting of the same processes.
import { describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environHas } from '../../src/sampler/linux/proc-identity.js';
import { KeptFile, StatReader, parseCpuLine, parseLastPid, parseMeminfo, parseProcStat, readSmallFile } from '../../src/sampler/linux/procfs.js';
import { parseAuxv, systemConstants } from '../../src/sampler/linux/sysconf.js';
import { CgroupAccount, cgroupDir, findCgroup2Mount, parseCgroupV2Path, parseUsageUsec, type CgroupSource } from '../../src/sampler/linux/cgroup.js';
import { jobMarker, procSource } from '../../src/sampler/linux/readers.js';
import { TreeTracker } from '../../src/sampler/linux/tree.js';
import type { ProcStat } from '../../src/sampler/linux/procfs.js';
import type { TreeReading } from '../../src/core/types.js';

// Recorded on Linux 6.18 (process_api is pid 1 in this sandbox).
const INIT_STAT = '1 (process_api) S 0 0 0 0 -1 4194560 66540 359127 0 177 73 328 902 569 10 -10 13 0 24 44920832 3556 18446744073709551615 1 1 0 0 0 0 0 4096 1256 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0\n';

describe('procfs parsers', () => {
  test('parseProcStat reads utime, stime, cutime, cstime, num_threads, starttime and rss (fields 14-17, 20, 22, 24)', () => {
    expect(parseProcStat(INIT_STAT)).toEqual({ pid: 1, state: 'S', ppid: 0, utime: 73, stime: 328, cutime: 902, cstime: 569, numThreads: 13, starttime: 24, rssPages: 3556, comm: 'process_api' });
  });

  test('parseProcStat survives a comm with spaces and parentheses', () => {
    const line = INIT_STAT.replace('(process_api)', '(we ird) (x) )').replace(/^1 /, '4242 ');
    const s = parseProcStat(line) as ProcStat;
    expect(s.pid).toBe(4242);
    expect(s.utime).toBe(73);
    expect(s.starttime).toBe(24);
  });

  test('parseProcStat rejects truncated lines', () => {
    expect(parseProcStat('12 (sh) S 1 2 3')).toBeNull();
    expect(parseProcStat('garbage')).toBeNull();
  });

  test('parseCpuLine: busy = user+nice+system+irq+softirq, total adds idle+iowait, steal (field 8) apart, one cpuN line per logical CPU', () => {
    const text = 'cpu  13262 5 4380 105290 164 7 61 157 0 0\ncpu0 5584 0 2028 53908 19 0 16 81 0 0\ncpu1 7677 0 2352 51381 144 0 44 76 0 0\nintr 1 2 3\n';
    expect(parseCpuLine(text)).toEqual({ busyTicks: 13262 + 5 + 4380 + 7 + 61, totalTicks: 13262 + 5 + 4380 + 7 + 61 + 105290 + 164, logicalCpus: 2, stealTicks: 157 });
  });

  test('parseMeminfo uses MemAvailable, or free+buffers+cached on old kernels', () => {
    expect(parseMeminfo('MemTotal:       8000 kB\nMemFree:  100 kB\nMemAvailable:   5000 kB\n')).toEqual({ totalBytes: 8000 * 1024, availableBytes: 5000 * 1024 });
    expect(parseMeminfo('MemTotal: 8000 kB\nMemFree: 100 kB\nBuffers: 20 kB\nCached: 30 kB\n')).toEqual({ totalBytes: 8000 * 1024, availableBytes: 150 * 1024 });
  });

  test('parseMeminfo on this machine agrees with os.totalmem() and finds a plausible MemAvailable', async () => {
    const os = await import('node:os');
    const m = parseMeminfo(readSmallFile('/proc/meminfo') as string);
    expect(m.totalBytes).toBe(os.totalmem());
    expect(m.availableBytes).toBeGreaterThan(0);
    expect(m.availableBytes).toBeLessThanOrEqual(m.totalBytes);
  });

  test('environHas matches whole NAME=value entries only', () => {
    const env = 'PATH=/bin\0RUNNER_TRACKING_ID=github_abc\0X=RUNNER_TRACKING_ID=github_abc9\0';
    expect(environHas(env, 'RUNNER_TRACKING_ID=github_abc')).toBe(true);
    expect(environHas('RUNNER_TRACKING_ID=github_abcd\0', 'RUNNER_TRACKING_ID=github_abc')).toBe(false);
    expect(environHas('XRUNNER_TRACKING_ID=github_abc\0', 'RUNNER_TRACKING_ID=github_abc')).toBe(false);
    expect(environHas('RUNNER_TRACKING_ID=github_abc', 'RUNNER_TRACKING_ID=github_abc')).toBe(true);
  });

  test('jobMarker prefers the runner\'s tracking id', () => {
    expect(jobMarker({ RUNNER_TRACKING_ID: 'github_1', CARBON_GATE_TRACKING_ID: 'x' })).toBe('RUNNER_TRACKING_ID=github_1');
    expect(jobMarker({ CARBON_GATE_TRACKING_ID: 'x' })).toBe('CARBON_GATE_TRACKING_ID=x');
    expect(jobMarker({})).toBeUndefined();
  });

  test('readSmallFile reads files larger than its buffer whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-procfs-'));
    try {
      const big = 'x'.repeat(20000) + 'END';
      writeFileSync(join(dir, 'big'), big);
      expect(readSmallFile(join(dir, 'big'))).toBe(big);
      expect(readSmallFile(join(dir, 'missing'))).toBeNull();
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('system constants and kept files', () => {
  test('kept files and one-record reads return the whole file at every size around the 8 KiB buffer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-procfs-'));
    try {
      const file = join(dir, 'f');
      writeFileSync(file, '');
      const kept = new KeptFile(file);
      for (const size of [0, 1, 8191, 8192, 8193, 20000, 3]) {
        const body = 'abcdefghij'.repeat(Math.ceil(size / 10)).slice(0, size);
        writeFileSync(file, body);
        expect(readSmallFile(file, true)).toBe(body);
        expect(readSmallFile(file)).toBe(body);
        expect(kept.read()).toBe(body);
      }
      kept.close();
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  test('a kept file decodes only the text before a marker (the head of /proc/stat, of meminfo), and all of it without one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-until-'));
    try {
      const long = join(dir, 'long');
      const short = join(dir, 'short');
      writeFileSync(long, `cpu  1 2 3\ncpu0 1 2 3\ncpu1 0 0 0\n${'x'.repeat(300)}\nintr 5 6 7\nctxt 9\n`);
      writeFileSync(short, 'cpu  4 5 6\ncpu0 4 5 6\n');
      expect(new KeptFile(long).read('\nintr ')).toBe(`cpu  1 2 3\ncpu0 1 2 3\ncpu1 0 0 0\n${'x'.repeat(300)}`);
      // The shared buffer still holds the long file's "\nintr " past the short file's end: not a match.
      expect(new KeptFile(short).read('\nintr ')).toBe('cpu  4 5 6\ncpu0 4 5 6\n');
      // This machine's: every cpu line, none of the rest (the counters themselves move between two reads).
      const head = new KeptFile('/proc/stat').read('\nintr ') as string;
      expect(head.split('\n').every((l) => l.startsWith('cpu'))).toBe(true);
      expect(parseCpuLine(head).logicalCpus).toBe(parseCpuLine(readSmallFile('/proc/stat') as string).logicalCpus);
      const mem = new KeptFile('/proc/meminfo').read('\nSwapCached:') as string;
      expect(mem.split('\n')).toHaveLength(5);
      expect(parseMeminfo(mem).totalBytes).toBe(parseMeminfo(readSmallFile('/proc/meminfo') as string).totalBytes);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('candidates read before retain() hold at most FRESH_MAX descriptors, and retain() closes all but its own', async () => {
    const children = Array.from({ length: 2 * StatReader.FRESH_MAX + 5 }, () => spawn('sleep', ['30'], { stdio: 'ignore' }));
    try {
      const fds = (): number => readdirSync('/proc/self/fd').length;
      const reader = new StatReader('/proc');
      const before = fds();
      for (const c of children) expect(reader.stat(c.pid as number)?.pid).toBe(c.pid);
      expect(fds() - before).toBeLessThanOrEqual(StatReader.FRESH_MAX);
      expect(fds() - before).toBeGreaterThan(0);
      reader.retain([children[children.length - 1].pid as number]);
      expect(reader.keptCount).toBe(1);
      expect(fds() - before).toBe(1);
      reader.retain([]);
      expect(fds()).toBe(before);
    } finally {
      for (const c of children) c.kill('SIGKILL');
    }
  });

  test('the stat line gives the thread count: this process has as many as /proc/self/task lists', () => {
    // Between two stat lines that agree (no thread started or ended meanwhile).
    const threads = (): number | undefined => parseProcStat(readSmallFile('/proc/self/stat', true) as string)?.numThreads;
    let seen: [number | undefined, number, number | undefined] = [undefined, -1, undefined];
    for (let i = 0; i < 5 && !(seen[0] !== undefined && seen[0] === seen[2]); i++) seen = [threads(), readdirSync('/proc/self/task').length, threads()];
    expect(seen[0]).toBe(seen[2]);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[0]).toBeGreaterThan(1);
  });

  test('parseAuxv finds AT_CLKTCK and AT_PAGESZ in 64- and 32-bit vectors', () => {
    // Recorded from /proc/self/auxv on x86-64 (first pairs: AT_SYSINFO_EHDR, AT_MINSIGSTKSZ, AT_HWCAP, AT_PAGESZ, AT_CLKTCK).
    const hex = '2100000000000000' + '0010bd60ce7f0000' + '3300000000000000' + '300d000000000000' + '1000000000000000' + 'fffb8b1700000000' + '0600000000000000' + '0010000000000000' + '1100000000000000' + '6400000000000000' + '0000000000000000' + '0000000000000000';
    expect(parseAuxv(Buffer.from(hex, 'hex'), 8)).toEqual({ clkTck: 100, pageBytes: 4096 });
    const w32 = Buffer.alloc(32);
    [6, 16384, 17, 250, 0, 0].forEach((v, i) => w32.writeUInt32LE(v, i * 4));
    expect(parseAuxv(w32, 4)).toEqual({ clkTck: 250, pageBytes: 16384 });
  });

  test('systemConstants agrees with getconf on this machine', async () => {
    const { execFileSync } = await import('node:child_process');
    const c = systemConstants();
    expect(c.clkTck).toBe(Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()));
    expect(c.pageBytes).toBe(Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()));
  });

  test('parseLastPid reads the 5th field of /proc/loadavg', () => {
    expect(parseLastPid('0.38 1.72 2.61 2/311 30123\n')).toBe(30123);
    expect(parseLastPid('0.38 1.72')).toBeNull();
    expect(parseLastPid('0.38 1.72 2.61 2/311\n')).toBeNull();
    expect(parseLastPid('0.38 1.72 2.61 2/311 \n')).toBeNull();
    expect(parseLastPid('0.00 0.01 0.05 1/64 7\n')).toBe(7);
  });

  test('a kept /proc/<pid>/stat stops reading once its process has exited (no pid-reuse confusion)', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    const pid = child.pid as number;
    const reader = new StatReader('/proc');
    // Read first as a candidate (this process's own stat too, not retained: its descriptor is closed).
    expect(reader.stat(pid)?.pid).toBe(pid);
    expect(reader.stat(process.pid)?.pid).toBe(process.pid);
    expect(reader.keptCount).toBe(0);
    reader.retain([pid]);
    expect(reader.keptCount).toBe(1);
    expect(reader.stat(pid)?.pid).toBe(pid);
    const gone = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await gone;
    expect(reader.stat(pid)).toBeNull();
    expect(reader.keptCount).toBe(0);
    const f = new KeptFile('/proc/self/stat');
    expect(parseProcStat(f.read() as string)?.pid).toBe(process.pid);
    expect(parseProcStat(f.read() as string)?.pid).toBe(process.pid);
    f.close();
  });
});

describe('cgroup v2 helpers', () => {
  const MOUNTINFO = [
    '31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755',
    '32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu',
    '41 31 0:38 / /sys/fs/cgroup/unified rw,relatime shared:9 - cgroup2 cgroup2 rw',
  ].join('\n');

  test('finds the cgroup2 mount in a hybrid layout and maps a path under it', () => {
    const m = findCgroup2Mount(MOUNTINFO);
    expect(m).toEqual({ root: '/', mountPoint: '/sys/fs/cgroup/unified' });
    expect(cgroupDir(m as { root: string; mountPoint: string }, '/job/a')).toBe('/sys/fs/cgroup/unified/job/a');
  });

  test('the root cgroup and paths outside a namespaced mount are refused', () => {
    expect(cgroupDir({ root: '/', mountPoint: '/sys/fs/cgroup' }, '/')).toBeNull();
    expect(cgroupDir({ root: '/kubepods/pod1', mountPoint: '/sys/fs/cgroup' }, '/kubepods/pod2/x')).toBeNull();
    expect(cgroupDir({ root: '/kubepods/pod1', mountPoint: '/sys/fs/cgroup' }, '/kubepods/pod1/x')).toBe('/sys/fs/cgroup/x');
    expect(cgroupDir({ root: '/', mountPoint: '/sys/fs/cgroup' }, '/../other')).toBeNull();
  });

  test('parses the v2 line of /proc/<pid>/cgroup (hybrid and pure v2) and usage_usec', () => {
    expect(parseCgroupV2Path('4:memory:/x\n1:cpu:/\n0::/system.slice/hosted-compute-agent.service\n')).toBe('/system.slice/hosted-compute-agent.service');
    expect(parseCgroupV2Path('4:memory:/x\n')).toBeNull();
    expect(parseUsageUsec('usage_usec 97005541\nuser_usec 64476679\n')).toBe(97005541);
    expect(parseUsageUsec('user_usec 1\n')).toBeNull();
  });

  const view = (members: number[], excluded: number[] = [], escaped: number[] = []) => ({
    isMember: (p: number) => members.includes(p),
    isKnownOutside: (p: number) => (excluded.includes(p) ? ('excluded' as const) : escaped.includes(p) ? ('escaped' as const) : null),
    memberPids: () => members,
  });
  const reading = (cpuSeconds: number): TreeReading => ({ cpuSeconds, rssBytes: 0, processes: 1, method: 'procfs' });

  test('takes the increase from usage_usec only while the cgroup holds just the tree, procfs otherwise', () => {
    let pids = [100, 101];
    let usage = 5_000_000;
    const cg: CgroupSource = { pids: () => pids, usageUsec: () => usage };
    const stats: Record<number, ProcStat> = {
      50: { pid: 50, state: 'S', ppid: 1, utime: 0, stime: 0, cutime: 0, cstime: 0, starttime: 1, rssPages: 0 },
    };
    const acc = new CgroupAccount(cg, (p) => stats[p] ?? null, 100);
    const tree = view([100, 101]);
    expect(acc.combine(reading(2), tree)).toMatchObject({ cpuSeconds: 2, method: 'procfs' }); // baseline
    usage = 6_234_000;
    expect(acc.combine(reading(3.2), tree)).toMatchObject({ cpuSeconds: 3.234, method: 'cgroup' });
    // A foreign process joins: this tick and the next fall back to procfs deltas.
    pids = [100, 101, 50];
    usage = 9_000_000;
    expect(acc.combine(reading(3.5), tree)).toMatchObject({ method: 'procfs' });
    expect(acc.lastReason).toMatch(/50/);
    // The check then pauses (it costs reads each tick) and procfs deltas are used meanwhile.
    pids = [100, 101];
    usage = 9_500_000;
    const r = acc.combine(reading(4.0), tree);
    expect(r.method).toBe('procfs');
    expect(r.cpuSeconds).toBeCloseTo(3.234 + 0.3 + 0.5, 10);
    for (let k = 2; k < CgroupAccount.PAUSE_TICKS; k++) expect(acc.combine(reading(4.0), tree).method).toBe('procfs');
    usage = 9_800_000;
    expect(acc.combine(reading(4.1), tree).method).toBe('procfs'); // first check after the pause: baseline
    usage = 10_000_000;
    const back = acc.combine(reading(4.4), tree);
    expect(back.method).toBe('cgroup');
    expect(back.cpuSeconds).toBeCloseTo(4.034 + 0.1 + 0.2, 10);
  });

  test('a tree process outside the cgroup, or an escaped one inside it, makes the cgroup unusable', () => {
    const stats: Record<number, ProcStat> = { 101: { pid: 101, state: 'S', ppid: 100, utime: 1, stime: 0, cutime: 0, cstime: 0, starttime: 5, rssPages: 0 } };
    const outside = new CgroupAccount({ pids: () => [100], usageUsec: () => 1 }, (p) => stats[p] ?? null, 100);
    outside.combine(reading(1), view([100, 101]));
    expect(outside.combine(reading(2), view([100, 101])).method).toBe('procfs');
    expect(outside.lastReason).toMatch(/outside/);
    const escaped = new CgroupAccount({ pids: () => [100, 300], usageUsec: () => 1 }, () => null, 100);
    escaped.combine(reading(1), view([100], [], [300]));
    expect(escaped.combine(reading(2), view([100], [], [300])).method).toBe('procfs');
  });

  test('the sampler inside the cgroup is subtracted; a child born after the tracker read is accepted', () => {
    let samplerTicks = 10;
    const stats: Record<number, ProcStat> = {
      900: { pid: 900, state: 'S', ppid: 1, utime: 0, stime: 0, cutime: 0, cstime: 0, starttime: 1, rssPages: 0 },
      102: { pid: 102, state: 'R', ppid: 100, utime: 0, stime: 0, cutime: 0, cstime: 0, starttime: 9, rssPages: 0 },
    };
    let usage = 1_000_000;
    const acc = new CgroupAccount({ pids: () => [100, 900, 102], usageUsec: () => usage }, (p) => (p === 900 ? { ...stats[900], utime: samplerTicks } : stats[p] ?? null), 100);
    acc.combine(reading(1), view([100], [900]));
    usage = 2_000_000;
    samplerTicks = 30;
    const r = acc.combine(reading(1.5), view([100], [900]));
    expect(r.method).toBe('cgroup');
    expect(r.cpuSeconds).toBeCloseTo(1 + 1 - 0.2, 10);
  });
});

/** utime+stime+cutime+cstime of a live process, in ticks. */
const ticksOf = (pid: number): number => {
  // A marked process (the daemon's short sleeps) may exit between the listing and this read: it then
  // has nothing left to count here (its time went into its reaper's cutime, read with the reaper).
  const text = readSmallFile(`/proc/${pid}/stat`, true);
  const s = text === null ? null : parseProcStat(text);
  return s ? s.utime + s.stime + s.cutime + s.cstime : 0;
};

describe('TreeTracker on the real /proc', () => {
  test('attributes exactly what the kernel charges the workload, and shows a double-forked daemon as escaped', async () => {
    const { clkTck, pageBytes } = systemConstants();
    const dir = mkdtempSync(join(tmpdir(), 'cg-tree-'));
    const hold = join(dir, 'hold');
    const burnt = join(dir, 'burnt');
    writeFileSync(hold, '');
    const marker = `cg-test-${process.pid}-${Date.now()}`;
    // Busy loops in dash: two in parallel, 25 short-lived ones in sequence, and a daemon that double
    // forks away, burns once it has left the tree (its parent exits at once; what a process uses
    // while still in the tree is the tree's), then idles until the test removes the hold file. The
    // root says "done" only once the daemon has finished burning, so the last reads see it idle.
    const burn = (n: number): string => `i=0; while [ $i -lt ${n} ]; do i=$((i+1)); done`;
    const script = [
      `( ( sleep 0.2; ${burn(60000)}; : > '${burnt}'; n=0; while [ -e '${hold}' ] && [ $n -lt 600 ]; do sleep 0.05; n=$((n+1)); done ) & ) `,
      `${burn(150000)} & ${burn(150000)} & wait`,
      `for k in $(seq 1 25); do sh -c '${burn(8000)}'; done`,
      `while [ ! -e '${burnt}' ]; do sleep 0.05; done`,
      'echo done',
      'read x',
    ].join('\n');
    // The workload's root W runs under a parent P that only waits for it and then prints its own
    // /proc/<P>/stat: P's cutime+cstime is the kernel's account of W and everything W waited for
    // (what getrusage(RUSAGE_CHILDREN) returns). The test process itself is not used as the reaper:
    // jest may have other children of its own.
    const parent = `echo $$; sh -c "$CG_W"; cat /proc/$$/stat`;
    const child = spawn('/bin/sh', ['-c', parent], { env: { ...process.env, CARBON_GATE_TRACKING_ID: marker, CG_W: `echo root $$\n${script}` }, stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const done = new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('done')) resolve();
    }));
    const rootPid = await new Promise<number>((resolve) => {
      const look = (): void => {
        const m = /root (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
        else setTimeout(look, 2);
      };
      look();
    });
    // Whatever fails below, nothing started here may outlive the test.
    const cleanup = (): void => {
      rmSync(dir, { recursive: true, force: true });
      if (child.exitCode === null) child.stdin.end('\n');
    };
    let last: TreeReading;
    let readings: TreeReading[];
    let daemonPids: number[];
    let daemonTicks: number;
    let truthTicks: number;
    let tracker: TreeTracker;
    try {
      tracker = new TreeTracker(procSource('/proc'), { rootPid, clkTck, pageBytes, marker: `CARBON_GATE_TRACKING_ID=${marker}`, fullScanEvery: 10 });
      last = tracker.read();
      let finished = false;
      void done.then(() => (finished = true));
      readings = [last];
      const giveUp = Date.now() + 45_000; // bounded: a stuck workload fails the test instead of hanging it
      while (!finished && Date.now() < giveUp) {
        await new Promise((r) => setTimeout(r, 20));
        last = tracker.read();
        readings.push(last);
      }
      expect(finished).toBe(true);
      last = tracker.read();
      readings.push(last);
      // The daemon is still alive (held): its own counters, read directly, against what we called escaped.
      daemonPids = procSource('/proc').listPids().filter((p) => {
        const env = procSource('/proc').environ?.(p);
        return env?.includes(`CARBON_GATE_TRACKING_ID=${marker}`) && p !== rootPid && p !== child.pid;
      });
      daemonTicks = daemonPids.reduce((a, p) => a + ticksOf(p), 0);
      rmSync(hold);
      child.stdin.end('\n');
      await exited;
      await new Promise((r) => setTimeout(r, 100)); // let the daemon notice the hold file is gone
      const parentStat = parseProcStat(out.slice(out.lastIndexOf('\n', out.length - 2) + 1)) as ProcStat;
      expect(parentStat.pid).toBe(child.pid);
      truthTicks = parentStat.cutime + parentStat.cstime;
    } finally {
      cleanup();
    }

    for (let i = 1; i < readings.length; i++) expect(readings[i].cpuSeconds).toBeGreaterThanOrEqual(readings[i - 1].cpuSeconds);
    // The workload burns about a second of CPU.
    expect(truthTicks).toBeGreaterThan(clkTck / 2);
    // /proc counts whole ticks per counter, and the wrapper still spends a little CPU reading stdin
    // and exiting after our last read: allow 3 ticks, plus 1 % for the utime/stime split rounding.
    expect(Math.abs(last.cpuSeconds * clkTck - truthTicks)).toBeLessThanOrEqual(3 + truthTicks * 0.01);
    // The daemon was never waited for by the tree: not in the truth, not in the tree, but escaped.
    expect(daemonPids.length).toBeGreaterThanOrEqual(1);
    expect(last.escapedCpuSeconds).toBeGreaterThan(0);
    expect(Math.abs((last.escapedCpuSeconds as number) * clkTck - daemonTicks)).toBeLessThanOrEqual(2);
    expect(tracker.lostCpuSeconds).toBe(0);
  });
});
