// Sampler variants side by side on one churn job, for same-run comparisons of a change to the tick.
// Usage: node bench/side-by-side.mjs WINDOW_S ROUNDS name=DIST[@flag,flag…] … [bare]
//   DIST is a directory holding sampler/index.js (a build's dist/, or a patched copy of it); the flags
//   default to those pre uses. `bare` adds a Node process that only wakes once a second.
// All contenders run at once (each in its own cgroup when possible) and their starts are spread over
// one second, so that their ticks do not line up: a tick that follows another's finds its code warm.
// The first contender is the baseline of the printed ratios.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startContender } from './overhead.mjs';
import { sleep } from './lib/proc.mjs';
import { preNodeFlags } from './lib/sampler.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const [windowArg, roundsArg, ...specs] = process.argv.slice(2);
const windowSeconds = Number(windowArg);
const rounds = Number(roundsArg);
if (!(windowSeconds > 0) || !(rounds > 0) || !specs.length) {
  console.error('usage: node bench/side-by-side.mjs WINDOW_S ROUNDS name=DIST[@flag,flag…] … [bare]');
  process.exit(2);
}
const flags = preNodeFlags(repo);
const variants = specs.map((spec) => {
  const at = spec.indexOf('=');
  const name = at < 0 ? spec : spec.slice(0, at);
  const [dist, flagList] = at < 0 ? [] : spec.slice(at + 1).split('@');
  return { name, dist, flags: flagList ? flagList.split(',') : flags };
});
const dir = join(tmpdir(), 'carbon-gate-side-by-side');
mkdirSync(dir, { recursive: true });
const sleepers = Array.from({ length: 200 }, () => spawn('sleep', ['3600'], { stdio: 'ignore' }));
const loop = fileURLToPath(new URL('peers/ecoci-style-loop.sh', import.meta.url));
const job = spawn('/bin/sh', ['-c', `bash "${loop}" 1 /dev/null & wait`], { stdio: 'ignore', detached: true });
await sleep(500);

const argv = (v) => {
  if (v.name === 'bare') return [process.execPath, ...v.flags, '-e', 'setInterval(() => {}, 1000)'];
  const out = join(dir, v.name);
  mkdirSync(out, { recursive: true });
  const file = join(out, 'sampler-config.json');
  writeFileSync(file, JSON.stringify({ intervalSeconds: 1, outDir: out, gpu: 'off', rapl: false, rootPid: job.pid }));
  return [process.execPath, ...v.flags, join(v.dist, 'sampler/index.js'), file];
};
const percent = new Map(variants.map((v) => [v.name, []]));
const rss = new Map();
try {
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? [...variants].reverse() : variants;
    const running = [];
    for (const v of order) {
      running.push([v.name, startContender(`sbs-${v.name}-${r}`, argv(v))]);
      await sleep(1000 / variants.length);
    }
    await sleep(5000);
    const c0 = running.map(([, c]) => c.cpuSeconds());
    const t0 = performance.now();
    await sleep(windowSeconds * 1000);
    const seconds = (performance.now() - t0) / 1000;
    running.forEach(([name, c], i) => {
      percent.get(name).push(((c.cpuSeconds() - c0[i]) / seconds) * 100);
      rss.set(name, Math.max(rss.get(name) ?? 0, c.peakRss() ?? 0));
    });
    await Promise.all(running.map(([, c]) => c.stop()));
    console.error(`round ${r + 1}: ${running.map(([name]) => `${name} ${percent.get(name).at(-1).toFixed(3)} %`).join(', ')}`);
  }
} finally {
  try {
    process.kill(-job.pid, 'SIGKILL');
  } catch {
    /* gone */
  }
  for (const s of sleepers) s.kill('SIGKILL');
}
const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
const base = mean(percent.get(variants[0].name));
for (const v of variants) {
  const p = percent.get(v.name);
  console.log(`${v.name.padEnd(12)} ${p.map((x) => x.toFixed(3)).join(' / ')} % of one core, mean ${mean(p).toFixed(3)} %, ×${(mean(p) / base).toFixed(3)}, peak RSS ${((rss.get(v.name) ?? 0) / 1e6).toFixed(1)} MB`);
}
