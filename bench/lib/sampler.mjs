// Runs the built sampler (dist/sampler/index.js) the way pre does: a config file in a run
// directory, stdio ignored, stopped with SIGTERM; then reads samples.jsonl and the marker.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep, waitFor } from './proc.mjs';

/**
 * The Node flags pre uses to spawn the sampler (SAMPLER_NODE_FLAGS in src/adapters/sampler-process.ts),
 * so the bench runs the sampler exactly as the action does; [] when the constant is not found.
 */
export function preNodeFlags(repo) {
  try {
    const src = readFileSync(join(repo, 'src/adapters/sampler-process.ts'), 'utf8');
    const m = /SAMPLER_NODE_FLAGS\s*=\s*\[([^\]]*)\]/.exec(src);
    return m ? [...m[1].matchAll(/'([^']+)'|"([^"]+)"/g)].map((x) => x[1] ?? x[2]) : [];
  } catch {
    return [];
  }
}

export function startSampler({ dist, outDir, rootPid, intervalSeconds, env = {}, nodeArgs = [] }) {
  mkdirSync(outDir, { recursive: true });
  const config = join(outDir, 'sampler-config.json');
  writeFileSync(config, JSON.stringify({ rootPid, intervalSeconds, outDir, gpu: 'off', rapl: false }));
  const child = spawn(process.execPath, [...nodeArgs, join(dist, 'sampler/index.js'), config], {
    stdio: 'ignore',
    env: { ...process.env, ...env },
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const samplesFile = join(outDir, 'samples.jsonl');
  const samples = () => (existsSync(samplesFile) ? readFileSync(samplesFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []);
  return {
    pid: child.pid,
    samples,
    waitSamples: (n, timeoutMs = 30000) => waitFor(() => samples().length >= n, timeoutMs, `${n} samples in ${outDir}`),
    async stop() {
      child.kill('SIGTERM');
      const r = await Promise.race([exited, sleep(10000).then(() => null)]);
      if (!r) child.kill('SIGKILL');
      const markerFile = join(outDir, 'sampler-done.json');
      return { samples: samples(), marker: existsSync(markerFile) ? JSON.parse(readFileSync(markerFile, 'utf8')) : null };
    },
  };
}
