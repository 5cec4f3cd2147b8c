// Sampler overhead: the CPU each sampler costs per hour and its peak RSS, all running side by side
// in the same window with about 200 processes on the machine. Each contender runs in its own
// cgroup when cgroup v2 is writable (usage_usec: µs, includes the processes it starts and threads
// that ended); otherwise its CPU is the Σ of its threads' runtime plus its reaped children's time.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLK_TCK, makeCgroup, peakRssBytes, sleep, statOf, threadsRuntimeSeconds } from './lib/proc.mjs';
import { preNodeFlags } from './lib/sampler.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Starts `argv` inside a fresh cgroup (from its first instruction) when possible. */
export function startContender(name, argv, env = {}) {
  const cg = makeCgroup(`overhead-${name}`);
  const shell = cg ? `echo $$ > "${cg.dir}/cgroup.procs"; exec "$@"` : 'exec "$@"';
  const child = spawn('/bin/sh', ['-c', shell, 'sh', ...argv], { stdio: 'ignore', env: { ...process.env, ...env } });
  const exited = new Promise((r) => child.on('exit', r));
  const cpuSeconds = () => {
    if (cg) return cg.usageSeconds();
    const s = statOf(child.pid);
    const threads = threadsRuntimeSeconds(child.pid);
    return s && threads !== null ? threads + (s.cutime + s.cstime) / CLK_TCK : null;
  };
  return {
    name,
    pid: child.pid,
    cgroup: Boolean(cg),
    cpuSeconds,
    peakRss: () => peakRssBytes(child.pid),
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (cg) {
        for (const pid of cg.pids()) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            /* gone */
          }
        }
        await sleep(200);
        cg.remove();
      }
    },
  };
}

/**
 * `node` runs our sampler and the systeminformation peer (default: this node); `keys` picks contenders
 * (default: all), e.g. ['ours', 'plain'] for bench/node-versions.mjs.
 */
export async function overhead({ dist, work, windowSeconds = 120, warmupSeconds = 5, background = 200, node = process.execPath, keys = null }) {
  const dir = join(work, 'overhead');
  mkdirSync(dir, { recursive: true });
  // ~200 processes: sleepers, plus a small job tree for our sampler to follow.
  const sleepers = [];
  for (let i = 0; i < background; i++) sleepers.push(spawn('sleep', ['3600'], { stdio: 'ignore' }));
  // Its own process group, so that the whole job tree is stopped at the end (not only the shell).
  const job = spawn('/bin/sh', ['-c', 'sleep 3600 & sleep 3600 & sleep 3600 & wait'], { stdio: 'ignore', detached: true });
  await sleep(500);
  const processesOnMachine = readdirSync('/proc').filter((n) => /^\d+$/.test(n)).length;

  const cfg = (name, hz) => {
    const outDir = join(dir, name);
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, 'sampler-config.json');
    return { outDir, file, body: JSON.stringify({ rootPid: job.pid, intervalSeconds: 1 / hz, outDir, gpu: 'off', rapl: false }) };
  };
  const ours1 = cfg('ours-1hz', 1);
  const ours10 = cfg('ours-10hz', 10);
  writeFileSync(ours1.file, ours1.body);
  writeFileSync(ours10.file, ours10.body);
  const oursFlags = cfg('ours-1hz-flags', 1);
  writeFileSync(oursFlags.file, oursFlags.body);
  // Each contender runs alone (one after the other) against the same background, so that no
  // contender's forks or cache pressure is billed to another; all in this one run of the bench.
  const flags = preNodeFlags(join(here, '..'));
  const shown = flags.length ? `node ${flags.join(' ')}` : 'plain node';
  const plan = [
    { name: `carbon-gate 1 Hz, as pre spawns it (${shown})`, key: 'ours', seconds: windowSeconds, argv: [node, ...flags, join(dist, 'sampler/index.js'), ours1.file] },
    { name: 'carbon-gate 1 Hz, plain node (no flags)', key: 'plain', seconds: windowSeconds, argv: [node, join(dist, 'sampler/index.js'), oursFlags.file] },
    { name: `carbon-gate 10 Hz, as pre spawns it`, key: 'ours10', seconds: windowSeconds / 2, argv: [node, ...flags, join(dist, 'sampler/index.js'), ours10.file] },
    { name: 'Eco CI-style bash loop 1 Hz', key: 'eco', seconds: windowSeconds / 2, argv: ['bash', join(here, 'peers/ecoci-style-loop.sh'), '1', join(dir, 'ecoci.txt')] },
    { name: 'minimal bash loop 1 Hz', key: 'bashmin', seconds: windowSeconds / 2, argv: ['bash', join(here, 'peers/bash-minimal-loop.sh'), '1', join(dir, 'bash-min.txt')] },
    { name: 'systeminformation 1 Hz', key: 'si', seconds: windowSeconds / 3, argv: [node, join(here, 'peers/si-sampler.mjs'), '1', join(dir, 'si.jsonl')] },
  ];
  const rows = [];
  try {
    for (const p of keys ? plan.filter((x) => keys.includes(x.key)) : plan) {
      const c = startContender(p.name, p.argv);
      try {
        await sleep(warmupSeconds * 1000);
        const t0 = performance.now();
        const c0 = c.cpuSeconds();
        await sleep(p.seconds * 1000);
        const seconds = (performance.now() - t0) / 1000;
        const c1 = c.cpuSeconds();
        rows.push({
          name: p.name,
          key: p.key,
          cgroup: c.cgroup,
          windowSeconds: seconds,
          startupCpuSeconds: c0,
          cpuSeconds: c1 - c0,
          cpuSecondsPerHour: ((c1 - c0) / seconds) * 3600,
          percentOfOneCore: ((c1 - c0) / seconds) * 100,
          peakRssBytes: c.peakRss(),
        });
      } finally {
        await c.stop();
      }
    }
    return { warmupSeconds, processesOnMachine, flags, rows };
  } finally {
    try {
      process.kill(-job.pid, 'SIGKILL');
    } catch {
      job.kill('SIGKILL');
    }
    for (const s of sleepers) s.kill('SIGKILL');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [dist = 'dist', work = '/tmp/carbon-gate-bench', windowSeconds = '120'] = process.argv.slice(2);
  console.log(JSON.stringify(await overhead({ dist, work, windowSeconds: Number(windowSeconds) }), null, 1));
}
