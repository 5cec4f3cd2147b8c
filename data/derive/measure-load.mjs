#!/usr/bin/env node
// Measures how long loadTables() takes in a fresh Node process (the figure in data/README.md).
// Compiles src/data/tables.ts and its imports with tsc into a temp dir, then runs N cold processes.
// Usage: node data/derive/measure-load.mjs [runs=9]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runs = Number(process.argv[2] ?? 9);
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-measure-'));
try {
  execFileSync(
    path.join(root, 'node_modules/.bin/tsc'),
    ['--ignoreConfig', 'src/data/tables.ts', 'src/core/model/select.ts', '--outDir', path.join(out, 'src'), '--rootDir', 'src', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--types', 'node'],
    { cwd: root, stdio: 'inherit' },
  );
  fs.writeFileSync(path.join(out, 'package.json'), '{"type":"module"}');
  fs.writeFileSync(
    path.join(out, 'probe.mjs'),
    `import { performance } from 'node:perf_hooks';
const { loadTables } = await import('./src/data/tables.js');
const { parseAllTables } = await import('./src/core/model/tables.js');
const { selectModel } = await import('./src/core/model/select.js');
const dir = process.argv[2];
const c0 = process.cpuUsage();
const t0 = performance.now();
const t = loadTables(dir);
const t1 = performance.now();
const c1 = process.cpuUsage(c0);
const cpuMs = (c) => (c.user + c.system) / 1000;
selectModel({ tables: t, facts: { cpuModel: 'AMD EPYC 7763 64-Core Processor', logicalCpus: 4, memoryBytes: 16 * 2 ** 30, os: 'linux', osRelease: '', arch: 'x64', runnerEnvironment: 'github-hosted', gpus: [] },
  settings: { powerModel: 'auto', cpuWattsIdle: null, cpuWattsMax: null, tdpWatts: null, cloudProvider: null, instanceType: null, region: null, country: null, carbonIntensityGPerKwh: null } });
const t2 = performance.now();
const c2 = process.cpuUsage(c0);
parseAllTables(t);
const t3 = performance.now();
const c3 = process.cpuUsage(c0);
console.log(JSON.stringify({ load: t1 - t0, loadCpu: cpuMs(c1), githubSelect: t2 - t1, githubSelectCpu: cpuMs(c2) - cpuMs(c1), restOfTables: t3 - t2, restOfTablesCpu: cpuMs(c3) - cpuMs(c2) }));
`,
  );
  const rows = [];
  for (let i = 0; i < runs; i++) rows.push(JSON.parse(execFileSync(process.execPath, [path.join(out, 'probe.mjs'), path.join(root, 'data')], { encoding: 'utf8' })));
  const median = (k) => rows.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(rows.length / 2)];
  const max = (k) => Math.max(...rows.map((r) => r[k]));
  for (const k of ['load', 'loadCpu', 'githubSelect', 'githubSelectCpu', 'restOfTables', 'restOfTablesCpu']) console.log(`${k}: median ${median(k).toFixed(1)} ms, max ${max(k).toFixed(1)} ms over ${runs} cold runs`);
  console.log(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), load average ${os.loadavg()[0].toFixed(2)}`);
} finally {
  fs.rmSync(out, { recursive: true, force: true });
}
