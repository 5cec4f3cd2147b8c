// The README demo workload: two processes burning CPU for a few seconds and 200 short-lived processes,
// like a small test suite. Usage: node bench/workloads/sample-workload.mjs [burnSeconds] [shortLived]
import { spawn, spawnSync } from 'node:child_process';

const burnSeconds = Number(process.argv[2] ?? 3);
const shortLived = Number(process.argv[3] ?? 200);
// Each burner stops after burnSeconds of its own CPU time, so the workload is the same on a busy machine.
const burn = `let x = 0; while (process.cpuUsage().user < ${burnSeconds * 1e6}) for (let i = 0; i < 1e5; i++) x += Math.sqrt(x + i);`;

const t0 = Date.now();
const burners = [0, 1].map(() => new Promise((resolve) => spawn(process.execPath, ['-e', burn], { stdio: 'ignore' }).on('exit', resolve)));
for (let i = 0; i < shortLived; i++) spawnSync(process.platform === 'win32' ? 'cmd' : 'true', process.platform === 'win32' ? ['/c', 'exit'] : [], { stdio: 'ignore' });
await Promise.all(burners);
const usage = process.resourceUsage();
process.stderr.write(
  `sample workload: 2 burners × ${burnSeconds} CPU-s + ${shortLived} short-lived processes in ${((Date.now() - t0) / 1000).toFixed(1)} s ` +
    `(the driver itself used ${((usage.userCPUTime + usage.systemCPUTime) / 1e6).toFixed(2)} CPU-s)\n`,
);
