// Start-up: wall time of `node dist/pre/index.js` (validate inputs, read hardware facts, spawn the
// sampler, save state) and of `node dist/post/index.js` without network (baseline, comment and
// artifact off; the API URL points at a closed loopback port). Repeated runs, medians.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionEnv, readStateFile } from './lib/action-env.mjs';
import { sleep } from './lib/proc.mjs';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function timed(argv, env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { env, encoding: 'utf8', timeout: 60000 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

function stopSamplerFrom(state) {
  const pid = Number(state['sampler-pid']);
  if (!Number.isInteger(pid) || pid <= 1) return;
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
    if (cmd.includes('sampler') && (!state['run-dir'] || cmd.includes(state['run-dir']))) process.kill(pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

export async function startup({ dist, work, runs = 11, actionYml = 'action.yml' }) {
  const pre = join(dist, 'pre/index.js');
  const post = join(dist, 'post/index.js');
  const nodeOnly = [];
  const preMs = [];
  const postMs = [];
  const problems = [];
  for (let i = 0; i < 3; i++) timed([process.execPath, '-e', '0'], process.env); // warm the page cache
  for (let i = 0; i < runs; i++) nodeOnly.push(timed([process.execPath, '-e', '0'], process.env).ms);
  if (!existsSync(pre)) problems.push(`${pre} is missing`);
  const offline = { baseline: 'false', comment: 'never', artifact: 'false', 'detect-cloud': 'false', gpu: 'off', 'carbon-intensity': '400' };
  for (let i = 0; existsSync(pre) && i < runs + 1; i++) {
    const root = join(work, `startup-${i}`);
    rmSync(root, { recursive: true, force: true });
    const env = actionEnv({ root, actionYml, overrides: offline });
    const r = timed([process.execPath, pre], env);
    const state = readStateFile(env.GITHUB_STATE);
    if (r.status !== 0 || !state['sampler-pid']) {
      problems.push(`pre run ${i} exited ${r.status}: ${r.out.trim().split('\n').slice(-3).join(' | ')}`);
      stopSamplerFrom(state);
      continue;
    }
    if (i > 0) preMs.push(r.ms); // the first run warms the page cache
    await sleep(1200); // let the sampler write a sample or two, as in a real job
    if (existsSync(post)) {
      const envPost = actionEnv({ root: join(root, 'post'), actionYml, overrides: offline, state });
      const p = timed([process.execPath, post], envPost);
      if (p.status !== 0) problems.push(`post run ${i} exited ${p.status}: ${p.out.trim().split('\n').slice(-3).join(' | ')}`);
      else if (i > 0) postMs.push(p.ms);
    }
    stopSamplerFrom(state);
  }
  if (!existsSync(post)) problems.push(`${post} is missing`);
  return {
    runs,
    nodeOnlyMs: median(nodeOnly),
    preMedianMs: preMs.length ? median(preMs) : null,
    preMinMs: preMs.length ? Math.min(...preMs) : null,
    preMaxMs: preMs.length ? Math.max(...preMs) : null,
    postMedianMs: postMs.length ? median(postMs) : null,
    postMinMs: postMs.length ? Math.min(...postMs) : null,
    postMaxMs: postMs.length ? Math.max(...postMs) : null,
    problems: [...new Set(problems)].slice(0, 5),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [dist = 'dist', work = '/tmp/carbon-gate-bench'] = process.argv.slice(2);
  console.log(JSON.stringify(await startup({ dist, work, runs: 5 }), null, 1));
}
