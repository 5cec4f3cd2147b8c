// The naive peer: what psutil-based tools do. Every tick it lists the processes under the root,
// asks each for its CPU percentage since the previous tick (psutil's cpu_percent(): 0 on the first
// call for a process) and adds Σ percent × interval. Processes that start and end between two
// ticks, and the last partial interval of every process that exits, are never seen.
// Usage: node naive-sampler.mjs <rootPid> <intervalSeconds> <outFile>   (stop with SIGTERM)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const [rootPid, intervalSeconds, outFile] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4]];
const clk = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const stat = (pid) => {
  try {
    const t = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const f = t.slice(t.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / clk, start: f[19] };
  } catch {
    return null;
  }
};
let prev = new Map(); // key pid:start → cpu seconds at the previous tick
let prevT = performance.now();
let cpuSeconds = 0;
let ticks = 0;
const tick = () => {
  const now = performance.now();
  const dt = (now - prevT) / 1000;
  prevT = now;
  const all = [];
  for (const n of readdirSync('/proc')) if (n.charCodeAt(0) >= 48 && n.charCodeAt(0) <= 57) {
    const s = stat(Number(n));
    if (s) all.push(s);
  }
  const kids = new Map();
  for (const s of all) (kids.get(s.ppid) ?? kids.set(s.ppid, []).get(s.ppid)).push(s);
  const tree = [];
  const root = all.find((s) => s.pid === rootPid);
  const queue = root ? [root] : [];
  while (queue.length) {
    const s = queue.pop();
    tree.push(s);
    queue.push(...(kids.get(s.pid) ?? []));
  }
  const next = new Map();
  let percentSum = 0;
  for (const s of tree) {
    const key = `${s.pid}:${s.start}`;
    const before = prev.get(key);
    if (before !== undefined && dt > 0) percentSum += ((s.cpu - before) / dt) * 100;
    next.set(key, s.cpu);
  }
  prev = next;
  cpuSeconds += (percentSum / 100) * dt;
  ticks++;
};
const timer = setInterval(tick, intervalSeconds * 1000);
tick();
process.on('SIGTERM', () => {
  clearInterval(timer);
  tick();
  writeFileSync(outFile, JSON.stringify({ cpuSeconds, ticks }));
  process.exit(0);
});
