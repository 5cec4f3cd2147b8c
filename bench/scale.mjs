// Post-step scale: synthetic samples.jsonl for a 1 h and a 6 h job at 1 Hz and 10 Hz, re-rendered
// with the lead's CLI (`carbon-gate report <run-dir>`: read, integrate, render every file). Time and
// peak RSS (GNU time's %M) per size, median of repeated runs.
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Writes n samples like the sampler's: a busy job on 4 CPUs, a tree of a few processes. */
export function writeSynthetic(dir, { hours, hz, startMonoS, startWallMs }) {
  const n = Math.round(hours * 3600 * hz);
  const dt = 1 / hz;
  const fd = openSync(join(dir, 'samples.jsonl'), 'w');
  let busy = 1000;
  let total = 4000;
  let tree = 50;
  let seed = 7;
  const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  let chunk = '';
  for (let k = 0; k < n; k++) {
    const util = 0.2 + 0.7 * rnd();
    total += 4 * dt;
    busy += 4 * dt * util;
    tree += 4 * dt * util * 0.9;
    const s = {
      v: 1,
      monoS: Number((startMonoS + k * dt).toFixed(3)),
      wallMs: Math.round(startWallMs + k * dt * 1000),
      cpu: { busySeconds: Number(busy.toFixed(2)), totalSeconds: Number(total.toFixed(2)), logicalCpus: 4 },
      mem: { totalBytes: 16 * 1024 ** 3, availableBytes: Math.round((8 + 4 * rnd()) * 1024 ** 3) },
      tree: { cpuSeconds: Number(tree.toFixed(2)), rssBytes: Math.round((1 + rnd()) * 1024 ** 3), processes: 5 + Math.floor(20 * rnd()), escapedCpuSeconds: 0, method: 'procfs' },
    };
    chunk += `${JSON.stringify(s)}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
  writeFileSync(join(dir, 'sampler-done.json'), JSON.stringify({ reason: 'sigterm', samples: n, samplerCpuSeconds: 1, samplerMaxRssBytes: 45e6, endedWallMs: Math.round(startWallMs + n * dt * 1000) }));
  return n;
}

export async function scale({ dist, work, repeats = 3 }) {
  const cli = join(dist, 'cli/index.js');
  if (!existsSync(cli)) return { problems: [`${cli} is missing`], rows: [] };
  if (!existsSync('/usr/bin/time')) return { problems: ['/usr/bin/time (GNU time) is missing: apt-get install -y time'], rows: [] };
  // A real run directory (run.json with real settings and facts) from the CLI itself.
  const base = join(work, 'scale-base');
  rmSync(base, { recursive: true, force: true });
  const made = spawnSync(process.execPath, [cli, 'run', '--out', base, '--carbon-intensity', '400', '--', 'true'], { encoding: 'utf8', timeout: 60000 });
  if (!existsSync(join(base, 'run.json'))) return { problems: [`carbon-gate run did not write run.json (exit ${made.status}): ${(made.stderr || '').slice(-300)}`], rows: [] };
  const info = JSON.parse(readFileSync(join(base, 'run.json'), 'utf8'));
  const rows = [];
  const problems = [];
  for (const [hours, hz] of [[1, 1], [1, 10], [6, 1], [6, 10]]) {
    const dir = join(work, `scale-${hours}h-${hz}hz`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(base, 'run.json'), join(dir, 'run.json'));
    const samples = writeSynthetic(dir, { hours, hz, startMonoS: info.startedMonoS, startWallMs: info.startedWallMs });
    const bytes = readFileSync(join(dir, 'samples.jsonl')).length;
    const secs = [];
    const rss = [];
    for (let i = 0; i < repeats; i++) {
      const r = spawnSync('/usr/bin/time', ['-f', 'CGTIME %e %M', process.execPath, cli, 'report', dir], { encoding: 'utf8', timeout: 300000, maxBuffer: 64 << 20 });
      const m = /CGTIME ([\d.]+) (\d+)/.exec(r.stderr ?? '');
      if (!m || (r.status !== 0 && r.status !== 2)) {
        problems.push(`report ${hours}h ${hz}Hz exited ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' | ')}`);
        break;
      }
      secs.push(Number(m[1]));
      rss.push(Number(m[2]) * 1024);
    }
    rows.push({ hours, hz, samples, megabytes: bytes / 1e6, seconds: secs.length ? median(secs) : null, peakRssBytes: rss.length ? Math.max(...rss) : null, runs: secs.length });
    rmSync(join(dir, 'samples.jsonl'), { force: true });
  }
  return { rows, problems };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [dist = 'dist', work = '/tmp/carbon-gate-bench'] = process.argv.slice(2);
  console.log(JSON.stringify(await scale({ dist, work, repeats: 1 }), null, 1));
}
