// Burns CPU on one core: `--wall-seconds N` (busy for N s of wall time) or `--cpu-seconds N`
// (until this process has used N s of CPU). With `--report file`, writes at exit what the kernel
// charged this process (/proc/self/stat utime+stime, clock ticks) and process.cpuUsage().
import { readFileSync, writeFileSync } from 'node:fs';

const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const wall = Number(arg('--wall-seconds') ?? 0);
const cpu = Number(arg('--cpu-seconds') ?? 0);
const report = arg('--report');
const endWall = Date.now() + wall * 1000;
let x = 0;
for (;;) {
  for (let i = 0; i < 1e5; i++) x = (x * 1103515245 + 12345) >>> 0;
  if (wall && Date.now() >= endWall) break;
  if (cpu) {
    const u = process.cpuUsage();
    if ((u.user + u.system) / 1e6 >= cpu) break;
  }
  if (!wall && !cpu) break;
}
if (report) {
  const f = readFileSync('/proc/self/stat', 'latin1').slice(readFileSync('/proc/self/stat', 'latin1').lastIndexOf(')') + 2).split(' ');
  const u = process.cpuUsage();
  writeFileSync(report, JSON.stringify({ pid: process.pid, statTicks: Number(f[11]) + Number(f[12]), cpuUsageSeconds: (u.user + u.system) / 1e6, x }));
}
