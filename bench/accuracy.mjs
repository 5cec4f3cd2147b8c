// Attribution accuracy: workloads A (steady), B (2,000 short-lived processes) and C (a double-forked
// daemon) under the real sampler at 1 Hz, against the kernel's own accounting of the workload:
// its cgroup's cpu.stat when cgroup v2 is writable here, and always the rusage of the workload's
// root as seen by its parent (cutime+cstime once the root has been waited for, like /usr/bin/time).
// A naive psutil-style sampler watches the same workload in the same run.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLK_TCK, makeCgroup, sleep, waitFor } from './lib/proc.mjs';
import { preNodeFlags, startSampler } from './lib/sampler.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const burn = join(here, 'workloads/burn.mjs');
const node = process.execPath;

/** Deterministic pseudo-random integers (LCG), so every run spawns the same processes. */
function lcg(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** dash busy loop of about `ms` milliseconds of CPU (≈ 620 iterations per ms on a 2020s x86 core). */
const dashBurn = (iterations) => `i=0; while [ $i -lt ${iterations} ]; do i=$((i+1)); done`;

export const WORKLOADS = {
  A: {
    title: 'A: steady, 2 processes × 10 s',
    script: () => `"${node}" "${burn}" --wall-seconds 10 & "${node}" "${burn}" --wall-seconds 10 & wait`,
  },
  B: {
    title: 'B: 2,000 short-lived processes of 10–30 ms',
    script: (dir) => {
      const rnd = lcg(2026);
      for (const lane of ['1', '2']) {
        const lines = [];
        for (let k = 0; k < 1000; k++) lines.push(`sh -c '${dashBurn(Math.round((10 + 20 * rnd()) * 620))}'`);
        writeFileSync(join(dir, `lane${lane}.sh`), `${lines.join('\n')}\n`);
      }
      return `sh "${dir}/lane1.sh" & sh "${dir}/lane2.sh" & wait`;
    },
  },
  C: {
    title: 'C: double-forked daemon burning 3 s (+ 1 s inside the tree)',
    script: (dir) =>
      [
        `( "${node}" "${burn}" --cpu-seconds 3 --report "${dir}/daemon.json" & )`,
        `"${node}" "${burn}" --cpu-seconds 1`,
        `while [ ! -e "${dir}/daemon.json" ]; do sleep 0.2; done`,
      ].join('\n'),
  },
};

/** Runs one workload under our sampler (method 'procfs' forces the procfs tracker; 'auto' lets it use the cgroup) and the naive one. */
export async function runWorkload({ dist, work, name, method }) {
  const wl = WORKLOADS[name];
  const dir = join(work, `accuracy-${name}-${method}`);
  mkdirSync(dir, { recursive: true });
  const cg = makeCgroup(`${name}-${method}`);
  const marker = `bench-${process.pid}-${name}-${method}`;
  writeFileSync(
    join(dir, 'root.sh'),
    [
      cg ? `echo $$ > "${cg.dir}/cgroup.procs"` : ':',
      'echo root $$',
      'read go',
      wl.script(dir),
      'echo done',
      'read x',
      '',
    ].join('\n'),
  );
  // P (the parent) waits for the root and prints its own stat: cutime+cstime = the root's rusage.
  const parent = spawn('/bin/sh', ['-c', `sh "${dir}/root.sh"; cat /proc/$$/stat`], {
    env: { ...process.env, CARBON_GATE_TRACKING_ID: marker },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  parent.stdout.on('data', (d) => (out += d.toString()));
  const parentExit = new Promise((r) => parent.on('exit', r));
  const rootPid = await waitFor(() => Number(/root (\d+)/.exec(out)?.[1]), 10000, 'workload root');

  const env = { CARBON_GATE_TRACKING_ID: marker, ...(method === 'procfs' ? { CARBON_GATE_TREE_METHOD: 'procfs' } : {}) };
  const sampler = startSampler({ dist, outDir: join(dir, 'run'), rootPid, intervalSeconds: 1, env, nodeArgs: preNodeFlags(join(here, '..')) });
  const naiveOut = join(dir, 'naive.json');
  const naive = spawn(node, [join(here, 'naive-sampler.mjs'), String(rootPid), '1', naiveOut], { stdio: 'ignore' });
  const naiveExit = new Promise((r) => naive.on('exit', r));
  await sampler.waitSamples(2);
  const cg0 = cg?.usageSeconds();
  const t0 = Date.now();
  parent.stdin.write('go\n');
  await waitFor(() => out.includes('done'), 600000, `workload ${name}`);
  const wallSeconds = (Date.now() - t0) / 1000;
  const n = sampler.samples().length;
  await sampler.waitSamples(n + 1);
  const cg1 = cg?.usageSeconds();
  naive.kill('SIGTERM');
  await naiveExit;
  const { samples, marker: done } = await sampler.stop();
  parent.stdin.end('x\n');
  await parentExit;
  const parentStatLine = out.trim().split('\n').pop();
  const pf = parentStatLine.slice(parentStatLine.lastIndexOf(')') + 2).split(' ');
  const rusageSeconds = (Number(pf[13]) + Number(pf[14])) / CLK_TCK;
  const daemon = existsSync(join(dir, 'daemon.json')) ? JSON.parse(readFileSync(join(dir, 'daemon.json'), 'utf8')) : null;
  if (cg) {
    await waitFor(() => cg.pids().length === 0, 10000, 'empty cgroup').catch(() => undefined);
    cg.remove();
  }
  const first = samples[0];
  const last = samples[samples.length - 1];
  const treeSeconds = last.tree.cpuSeconds - first.tree.cpuSeconds;
  const machineBusySeconds = last.cpu.busySeconds - first.cpu.busySeconds;
  const methods = {};
  for (const s of samples) if (s.tree) methods[s.tree.method] = (methods[s.tree.method] ?? 0) + 1;
  return {
    name,
    title: wl.title,
    method,
    wallSeconds,
    samples: samples.length,
    methods,
    completed: done?.reason ?? 'no marker',
    treeSeconds,
    escapedSeconds: (last.tree.escapedCpuSeconds ?? 0) - (first.tree.escapedCpuSeconds ?? 0),
    machineBusySeconds,
    remainderSeconds: machineBusySeconds - treeSeconds,
    naiveSeconds: JSON.parse(readFileSync(naiveOut, 'utf8')).cpuSeconds,
    rusageSeconds,
    cgroupSeconds: cg ? cg1 - cg0 : null,
    daemonSeconds: daemon ? daemon.statTicks / CLK_TCK : null,
  };
}

// Run alone: node bench/accuracy.mjs <dist> <workdir> [A|B|C] [procfs|auto]
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [dist = 'dist', work = '/tmp/carbon-gate-bench', only, method = 'procfs'] = process.argv.slice(2);
  for (const name of only ? [only] : ['A', 'B', 'C']) {
    console.log(JSON.stringify(await runWorkload({ dist, work, name, method })));
    await sleep(200);
  }
}
