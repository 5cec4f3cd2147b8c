// Issue 11's two sampler rows: what per-step tracking costs the 1 Hz sampler, and what it costs on a
// job that keeps starting short processes (churn). Each row compares two contenders in the same run,
// one after the other against the same job, in alternating rounds (A B A B …), each alone for its
// window, with overhead.mjs's method (own cgroup when writable, else Σ thread runtime + reaped children).
//
//   node bench/steps.mjs [--window 60] [--rounds 2] [--dist dist] [--work /tmp/carbon-gate-bench-steps] [--only steps,churn]
//
// Alone it writes its block into bench/RESULTS.md between the `steps-bench` markers (bench/run.mjs
// keeps that block, and rewrites it when run with --only …,steps); with --only one row it prints the
// block and writes nothing.
//
// 1. steps: a job of ~200 processes (a root shell, 4 step shells, 49 sleepers under each) followed by
//    the sampler with per-step tracking (`stepDepth` 1, the default) and without it (`stepDepth` 0).
//    Target: ≤ 10 % more sampler CPU with it.
// 2. churn: a job whose step is the Eco CI-style bash loop (peers/ecoci-style-loop.sh: sed, date ×2,
//    sleep, awk ×2 each second, ~6 short processes a second, as CI jobs and Eco CI's own sampler do),
//    with ~200 sleepers elsewhere on the machine; the sampler with today's discovery (the stat of the
//    few pids allocated since the previous tick, from /proc/loadavg's last pid, instead of a /proc
//    listing) against the previous one (`discovery: 'list'`: a listing whenever the last allocated pid
//    moved). Target: ≤ 0.10 % of a core.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startContender } from './overhead.mjs';
import { sleep } from './lib/proc.mjs';
import { preNodeFlags } from './lib/sampler.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');

/** A detached job (its own process group, killed whole at the end) running `script` under sh; resolves once `ready()` holds. */
async function startJob(script, ready, timeoutMs = 30_000) {
  const job = spawn('/bin/sh', ['-c', script], { stdio: 'ignore', detached: true });
  for (const end = Date.now() + timeoutMs; !ready(job.pid); await sleep(100)) if (Date.now() > end) throw new Error(`bench job not ready within ${timeoutMs} ms`);
  return {
    pid: job.pid,
    stop() {
      try {
        process.kill(-job.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    },
  };
}

/** Processes in the tree under `root` (a /proc walk, for the bench's own check of the job's size). */
function treeSize(root) {
  const children = new Map();
  for (const name of readdirPids()) {
    try {
      const t = readFileSync(`/proc/${name}/stat`, 'latin1');
      const ppid = Number(t.slice(t.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      /* gone */
    }
  }
  let n = 0;
  for (const queue = [root]; queue.length; n++) queue.push(...(children.get(queue.pop()) ?? []));
  return n;
}

function readdirPids() {
  return readdirSync('/proc').filter((x) => /^\d+$/.test(x));
}

/** Runs the contenders in alternating rounds; per contender, the window-weighted CPU share and every round's figure. */
async function rounds({ contenders, rounds: n, windowSeconds, warmupSeconds }) {
  const per = new Map(contenders.map((c) => [c.key, { ...c, cpuSeconds: 0, seconds: 0, rounds: [], peakRssBytes: null, cgroup: false }]));
  for (let r = 0; r < n; r++) {
    // A B, then B A: neither contender always runs first after the job settled.
    const order = r % 2 === 0 ? contenders : [...contenders].reverse();
    for (const c of order) {
      const run = startContender(`${c.key}-${r}`, c.argv);
      try {
        await sleep(warmupSeconds * 1000);
        const t0 = performance.now();
        const c0 = run.cpuSeconds();
        await sleep(windowSeconds * 1000);
        const seconds = (performance.now() - t0) / 1000;
        const cpu = run.cpuSeconds() - c0;
        const p = per.get(c.key);
        p.cpuSeconds += cpu;
        p.seconds += seconds;
        p.rounds.push((cpu / seconds) * 100);
        p.peakRssBytes = Math.max(p.peakRssBytes ?? 0, run.peakRss() ?? 0) || null;
        p.cgroup = run.cgroup;
      } finally {
        await run.stop();
      }
    }
  }
  return [...per.values()].map((p) => ({ key: p.key, name: p.name, windowSeconds: p.seconds, cpuSeconds: p.cpuSeconds, percentOfOneCore: (p.cpuSeconds / p.seconds) * 100, cpuSecondsPerHour: (p.cpuSeconds / p.seconds) * 3600, roundsPercent: p.rounds, peakRssBytes: p.peakRssBytes, cgroup: p.cgroup }));
}

function samplerArgv({ dist, dir, name, rootPid, extra, node, flags }) {
  const outDir = join(dir, name);
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'sampler-config.json');
  writeFileSync(file, JSON.stringify({ rootPid, intervalSeconds: 1, outDir, gpu: 'off', rapl: false, ...extra }));
  return [node, ...flags, join(dist, 'sampler/index.js'), file];
}

/** Row 1: per-step tracking on and off, on a job of ~200 processes in 4 steps. */
export async function stepsOverhead({ dist, work, windowSeconds = 60, rounds: n = 2, warmupSeconds = 5, node = process.execPath }) {
  const dir = join(work, 'steps-overhead');
  mkdirSync(dir, { recursive: true });
  const perStep = 49;
  const job = await startJob(`for s in 1 2 3 4; do sh -c 'for i in $(seq ${perStep}); do sleep 3600 & done; wait' & done; wait`, (pid) => treeSize(pid) >= 1 + 4 * (perStep + 1));
  try {
    const jobProcesses = treeSize(job.pid);
    const flags = preNodeFlags(repo);
    const rows = await rounds({
      rounds: n,
      windowSeconds,
      warmupSeconds,
      contenders: [
        { key: 'with', name: 'per-step tracking on (default, stepDepth 1)', argv: samplerArgv({ dist, dir, name: 'with', rootPid: job.pid, extra: {}, node, flags }) },
        { key: 'without', name: 'per-step tracking off (stepDepth 0)', argv: samplerArgv({ dist, dir, name: 'without', rootPid: job.pid, extra: { stepDepth: 0 }, node, flags }) },
      ],
    });
    const by = (k) => rows.find((r) => r.key === k);
    return { jobProcesses, flags, rows, ratio: by('with').cpuSeconds / by('with').windowSeconds / (by('without').cpuSeconds / by('without').windowSeconds) };
  } finally {
    job.stop();
  }
}

/** Row 2: a churning job (~6 short processes a second), today's discovery against the previous one. */
export async function churnOverhead({ dist, work, windowSeconds = 60, rounds: n = 2, warmupSeconds = 5, background = 200, node = process.execPath }) {
  const dir = join(work, 'churn');
  mkdirSync(dir, { recursive: true });
  const sleepers = [];
  for (let i = 0; i < background; i++) sleepers.push(spawn('sleep', ['3600'], { stdio: 'ignore' }));
  const loop = join(here, 'peers/ecoci-style-loop.sh');
  const job = await startJob(`bash "${loop}" 1 /dev/null & wait`, (pid) => treeSize(pid) >= 2);
  try {
    // The job's process creation rate, measured: new pids under its step over 10 s (from /proc/loadavg's
    // last pid, which also counts other processes on the machine: an upper bound).
    const lastPid = () => Number(readFileSync('/proc/loadavg', 'latin1').trim().split(' ').pop());
    const p0 = lastPid();
    const t0 = performance.now();
    await sleep(10_000);
    const pidsPerSecond = (lastPid() - p0) / ((performance.now() - t0) / 1000);
    const processesOnMachine = readdirSync('/proc').filter((x) => /^\d+$/.test(x)).length;
    const flags = preNodeFlags(repo);
    const rows = await rounds({
      rounds: n,
      windowSeconds,
      warmupSeconds,
      contenders: [
        { key: 'range', name: 'discovery by the new pids (today)', argv: samplerArgv({ dist, dir, name: 'range', rootPid: job.pid, extra: {}, node, flags }) },
        { key: 'list', name: "listing whenever the last pid moved (before; discovery: 'list')", argv: samplerArgv({ dist, dir, name: 'list', rootPid: job.pid, extra: { discovery: 'list' }, node, flags }) },
      ],
    });
    job.stop();
    // The floor: the same sampler and background, the job's step a plain sleep (no churn), measured next.
    const quiet = await startJob('sleep 3600 & wait', (pid) => treeSize(pid) >= 2);
    try {
      rows.push(
        ...(await rounds({
          rounds: n,
          windowSeconds,
          warmupSeconds,
          contenders: [
            { key: 'floor', name: 'floor: the same sampler, the job without churn (measured after the two above)', argv: samplerArgv({ dist, dir, name: 'floor', rootPid: quiet.pid, extra: {}, node, flags }) },
            // A reference for this machine's speed today: the same Node and flags waking once a second to do nothing.
            { key: 'timer', name: 'reference: a bare 1 Hz timer (the same Node and flags, `setInterval(() => {}, 1000)`)', argv: [node, ...flags, '-e', 'setInterval(() => {}, 1000)'] },
          ],
        })),
      );
    } finally {
      quiet.stop();
    }
    const by = (k) => rows.find((r) => r.key === k);
    return { pidsPerSecond, processesOnMachine, flags, rows, ratio: by('range').percentOfOneCore / by('list').percentOfOneCore };
  } finally {
    job.stop();
    for (const s of sleepers) s.kill('SIGKILL');
  }
}

const f = (x, d = 2) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d));
const mark = (ok) => (ok ? '✅' : '❌');

export function stepsTargets({ steps, churn }) {
  const t = [];
  if (steps) t.push(['per-step tracking: ≤ 10 % more 1 Hz sampler CPU on a ~200-process job', `${f((steps.ratio - 1) * 100, 1)} % (${f(steps.rows[0].percentOfOneCore, 3)} vs ${f(steps.rows[1].percentOfOneCore, 3)} % of one core)`, mark(steps.ratio <= 1.1)]);
  if (churn) {
    const count = churn.rows.find((r) => r.key === 'range');
    t.push(['churn (~6 short processes/s): 1 Hz sampler ≤ 0.10 % of one core', `${f(count.percentOfOneCore, 3)} % (${f(churn.ratio, 2)}× the previous discovery)`, mark(count.percentOfOneCore <= 0.1)]);
  }
  return t;
}

export function stepsSection({ steps, churn, windowSeconds, rounds: n, loadBefore, loadAfter, commit }) {
  const row = (r) => `| ${r.name} | ${f(r.windowSeconds, 0)} | ${r.roundsPercent.map((x) => f(x, 3)).join(' / ')} | ${f(r.cpuSecondsPerHour)} | ${f(r.percentOfOneCore, 3)} | ${r.peakRssBytes ? (r.peakRssBytes / 1e6).toFixed(1) : '–'} |`;
  const head = ['| sampler (1 Hz, as pre spawns it) | window s (Σ) | % of one core per round | CPU-s per hour | % of one core | peak RSS MB |', '|---|---|---|---|---|---|'];
  const out = [
    '<!-- steps-bench:start -->',
    '## 6. Per-step tracking and process churn (issue 11)',
    '',
    `Written by \`node bench/steps.mjs --window ${windowSeconds} --rounds ${n}\` (or \`npm run bench\`), ${new Date().toISOString().slice(0, 16)} UTC, commit ${commit}:`,
    `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} logical CPUs, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Linux ${os.release()}, Node ${process.version};`,
    `load average ${loadBefore} at the start and ${loadAfter} at the end. Each row's two contenders run one after the other`,
    `(alternating order, ${n} rounds of ${windowSeconds} s after 5 s of warm-up each) against the same job; the ratio compares them within this run.`,
    '',
  ];
  if (steps) {
    out.push(
      `**Per-step tracking** — a job of ${steps.jobProcesses} processes (root shell, 4 step shells, 49 sleepers each), the sampler with`,
      'per-step tracking (`stepDepth` 1) and without it (`stepDepth` 0, a sampler config field used only here).',
      `With it: **${f((steps.ratio - 1) * 100, 1)} %** CPU (target ≤ 10 %).`,
      '',
      ...head,
      ...steps.rows.map(row),
      '',
    );
  }
  if (churn) {
    const count = churn.rows.find((r) => r.key === 'range');
    out.push(
      `**Churn** — the job's step is the Eco CI-style loop (sed, date ×2, sleep, awk ×2 per second); pids allocated on the machine`,
      `meanwhile: ${f(churn.pidsPerSecond, 1)} per second (the job's plus everything else this shared machine started); ${churn.processesOnMachine} processes`,
      'on the machine (≈200 sleepers started by the bench). Today\'s discovery looks up the pids allocated since the previous tick',
      '(from /proc/loadavg\'s last pid; an existence check, then the stat of those still there; a /proc listing when more than 32 were);',
      'the previous one listed /proc whenever the last pid moved. The sampler runs with the Node flags pre uses: ' + churn.flags.join(' ') + '.',
      `Today: **${f(count.percentOfOneCore, 3)} %** of one core (target ≤ 0.10 %), ${f(churn.ratio, 2)}× the previous discovery;`,
      `the same sampler on the same machine without churn in its job (the floor row): ${f(churn.rows.find((r) => r.key === 'floor')?.percentOfOneCore, 3)} %;`,
      `a Node process that only wakes once a second (the reference row, for comparing runs on machines of different speed): ${f(churn.rows.find((r) => r.key === 'timer')?.percentOfOneCore, 3)} %.`,
      '',
      ...head,
      ...churn.rows.map(row),
      '',
    );
  }
  out.push('<!-- steps-bench:end -->');
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const argv = process.argv.slice(2);
  const opt = (name, dflt) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : dflt);
  const windowSeconds = Number(opt('window', '60'));
  const n = Number(opt('rounds', '2'));
  const dist = resolve(opt('dist', join(repo, 'dist')));
  const work = opt('work', join(os.tmpdir(), 'carbon-gate-bench-steps'));
  const only = new Set(opt('only', 'steps,churn').split(','));
  const { execFileSync } = await import('node:child_process');
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
  } catch {
    /* not a checkout */
  }
  const loadBefore = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  const steps = only.has('steps') ? await stepsOverhead({ dist, work, windowSeconds, rounds: n }) : null;
  const churn = only.has('churn') ? await churnOverhead({ dist, work, windowSeconds, rounds: n }) : null;
  const loadAfter = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  const block = stepsSection({ steps, churn, windowSeconds, rounds: n, loadBefore, loadAfter, commit });
  console.log(block);
  console.log(JSON.stringify({ steps, churn }, null, 1));
  // Section 6 holds both rows: a run of one row (--only) prints its block and leaves RESULTS.md alone,
  // rather than replacing the section with half of it.
  if (!steps || !churn) {
    console.error('bench/RESULTS.md left unchanged: only a run of both rows writes section 6');
    process.exit(0);
  }
  const results = join(here, 'RESULTS.md');
  const text = existsSync(results) ? readFileSync(results, 'utf8') : '# carbon-gate benchmark results\n';
  const a = text.indexOf('<!-- steps-bench:start -->');
  const b = text.indexOf('<!-- steps-bench:end -->');
  writeFileSync(results, a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + '<!-- steps-bench:end -->'.length) : `${text.trimEnd()}\n\n${block}\n`);
  console.error('bench/RESULTS.md: steps-bench block written');
}
