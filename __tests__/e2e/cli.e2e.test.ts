// The same flow through the bundled CLI: `carbon-gate run -- <workload>` and `carbon-gate report <dir>`.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NODE, ROOT } from '../helpers/action-runner.js';
import { parseCsvRows } from '../../src/core/csv.js';
import type { RunResult } from '../../src/core/types.js';

const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cg-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

// Two burners of 1.5 CPU-seconds each and 100 short-lived processes; bash's `times` prints the kernel's accounting of the
// shell and every child it waited for, to stdout after the workload.
const BURN = `node -e "let x=0;while(process.cpuUsage().user<1.5e6){for(let i=0;i<1e5;i++)x+=Math.sqrt(x+i)}"`;
const WORKLOAD = `${BURN} & ${BURN} & i=0; while [ $i -lt 100 ]; do /bin/true; i=$((i+1)); done; wait; times >&2`;

function timesTotal(stderr: string): number {
  const secs = [...stderr.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (secs.length !== 4) throw new Error(`no times output in: ${stderr}`);
  return secs.reduce((a, b) => a + b, 0);
}

describe('carbon-gate CLI (bundled)', () => {
  it('runs a command under the sampler, prints the report and writes the files', async () => {
    const out = path.join(tmp, 'run1');
    const r = await cli(['run', '--interval', '0.25', '--carbon-intensity', '300', '--out', out, '--', 'bash', '-c', WORKLOAD]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/## 🌱 carbon-gate/);
    expect(r.stdout).toMatch(/300 gCO2e\/kWh/);
    const result = JSON.parse(readFileSync(path.join(out, 'carbon-gate.json'), 'utf8')) as RunResult;
    expect(result.energy.totalWh).toBeGreaterThan(0);
    const truth = timesTotal(r.stderr);
    expect(truth).toBeGreaterThan(2.5);
    // Tree rooted at the CLI: the command and everything it spawned, within 5 % of the kernel's accounting.
    expect(Math.abs((result.energy.treeCpuSeconds as number) - truth) / truth).toBeLessThan(0.05);
    const rows = parseCsvRows(readFileSync(path.join(out, 'emissions.csv'), 'utf8'));
    expect(rows).toHaveLength(2);
    expect(parseCsvRows(readFileSync(path.join(out, 'samples.csv'), 'utf8')).length).toBeGreaterThan(5);

    // `report` re-renders the same totals from the saved samples.
    const again = await cli(['report', out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/## 🌱 carbon-gate/);
    const rerendered = JSON.parse(readFileSync(path.join(out, 'carbon-gate.json'), 'utf8')) as RunResult;
    expect(rerendered.energy.totalWh).toBeCloseTo(result.energy.totalWh, 12);
    expect(rerendered.emissions.totalGCo2e).toBeCloseTo(result.emissions.totalGCo2e, 12);
  });

  it('shows a double-forked daemon as escaped CPU, outside the tree and in the machine remainder', async () => {
    const out = path.join(tmp, 'daemon');
    const done = path.join(tmp, 'daemon-done');
    // The daemon burns 1 CPU-second, then flags it and idles 2 s, so the sampler still sees it alive with its
    // whole CPU; the command waits for the flag, not a fixed time (on a loaded machine 1 CPU-second takes long).
    const daemon = `node -e "let x=0;while(process.cpuUsage().user<1e6){for(let i=0;i<1e5;i++)x+=Math.sqrt(x+i)}require('fs').writeFileSync(process.argv[1],'');setTimeout(()=>{},2000)" '${done}'`;
    // The subshell exits at once, so the daemon is re-parented away before any sample can see it.
    const wait = `while [ ! -e '${done}' ]; do sleep 0.1; done; sleep 1`;
    const r = await cli(['run', '--interval', '0.25', '--out', out, '--', 'bash', '-c', `( ${daemon} & ) ; ${wait}`]);
    expect(r.code).toBe(0);
    const result = JSON.parse(readFileSync(path.join(out, 'carbon-gate.json'), 'utf8')) as RunResult;
    expect(result.energy.escapedCpuSeconds).toBeGreaterThan(0.8);
    expect(result.energy.treeCpuSeconds as number).toBeLessThan(0.8);
    expect(result.energy.remainderCpuSeconds as number).toBeGreaterThanOrEqual(result.energy.escapedCpuSeconds * 0.9);
    expect(r.stdout).toMatch(/Escaped: processes that left the tree alive/);
  });

  it('runs from a copy of the package under a directory whose name has a space', async () => {
    // URL#pathname would keep "%20" in the sampler's path: the sampler never started there (0 samples).
    const pkg = path.join(tmp, 'dir with space', 'carbon gate');
    mkdirSync(pkg, { recursive: true });
    for (const part of ['dist', 'data', 'package.json']) cpSync(path.join(ROOT, part), path.join(pkg, part), { recursive: true });
    const out = path.join(tmp, 'dir with space', 'report out');
    const r = await new Promise<{ code: number; stderr: string }>((resolve, reject) => {
      const child = spawn(NODE, [path.join(pkg, 'dist', 'cli', 'index.js'), 'run', '--interval', '0.25', '--out', out, '--', 'bash', '-c', BURN], {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { PATH: process.env.PATH, HOME: process.env.HOME },
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
    });
    expect(r.stderr).not.toMatch(/has not written a first sample/);
    expect(r.code).toBe(0);
    const result = JSON.parse(readFileSync(path.join(out, 'carbon-gate.json'), 'utf8')) as RunResult;
    expect(result.energy.samples).toBeGreaterThan(3);
    expect(result.energy.treeCpuSeconds as number).toBeGreaterThan(1.2);
  });

  it('exits with the command’s own code when the command fails', async () => {
    const r = await cli(['run', '--interval', '0.2', '--out', path.join(tmp, 'run2'), '--', 'bash', '-c', 'exit 7']);
    expect(r.code).toBe(7);
    expect(r.stdout).toMatch(/carbon-gate/);
  });

  it('exits 86 when the command succeeded but the budget was exceeded', async () => {
    const r = await cli(['run', '--interval', '0.2', '--budget-gco2e', '0.0000001', '--out', path.join(tmp, 'run3'), '--', 'bash', '-c', `${BURN}`]);
    expect(r.code).toBe(86);
    expect(r.stderr).toMatch(/budget/i);
  });

  it('rejects a bad input with exit code 2, naming the input, the value and what is accepted', async () => {
    const r = await cli(['run', '--scope', 'galaxy', '--', 'true']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/'scope'.*"galaxy".*'process-tree', 'machine'/);
  });

  it('reports the command’s direct children as steps: bash -c \'a && b\' gives two rows', async () => {
    const out = path.join(tmp, 'steps');
    const a = `node -e "let x=0;while(process.cpuUsage().user<0.4e6){for(let i=0;i<1e5;i++)x+=Math.sqrt(x+i)}"`;
    const b = `node -e "let x=0;while(process.cpuUsage().user<0.8e6){for(let i=0;i<1e5;i++)x+=Math.sqrt(x+i)}"`;
    const r = await cli(['run', '--interval', '0.25', '--out', out, '--', 'bash', '-c', `${a} && ${b}`]);
    expect(r.code).toBe(0);
    const result = JSON.parse(readFileSync(path.join(out, 'carbon-gate.json'), 'utf8')) as RunResult;
    const steps = (result.steps ?? []).filter((s) => s.kind === 'step');
    // bash runs the first and execs the last: both are steps, named by their command lines.
    expect(steps.map((s) => s.name)).toEqual([expect.stringContaining('0.4e6'), expect.stringContaining('0.8e6')]);
    expect(steps[0].cpuSeconds).toBeGreaterThan(0.38);
    expect(steps[1].cpuSeconds).toBeGreaterThan(0.7);
    expect(r.stdout).toContain('### Steps');
    expect(parseCsvRows(readFileSync(path.join(out, 'steps.csv'), 'utf8'))).toHaveLength(4);
  }, 180_000);
});
