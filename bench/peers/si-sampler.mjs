// A sampler built on the `systeminformation` package, as Node-based peers do: every tick it asks
// for the machine load (currentLoad) and the process list (processes), and appends a JSON line.
// Usage: node si-sampler.mjs <interval-seconds> <out-file>   (stop with SIGTERM)
import { appendFileSync } from 'node:fs';
import si from 'systeminformation';

const intervalMs = Number(process.argv[2] ?? 1) * 1000;
const out = process.argv[3] ?? '/dev/null';
let stopping = false;
process.on('SIGTERM', () => {
  stopping = true;
  process.exit(0);
});
const start = performance.now();
for (let k = 1; !stopping; k++) {
  const load = await si.currentLoad();
  const procs = await si.processes();
  appendFileSync(out, `${JSON.stringify({ t: Date.now(), load: load.currentLoad, procs: procs.all, cpu: procs.list.reduce((a, p) => a + (p.cpu || 0), 0) })}\n`);
  const wait = start + k * intervalMs - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}
