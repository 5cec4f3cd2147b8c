// The package as a user installs it: `npm pack`, then `npm install <tarball>` into an empty directory with
// no node_modules above it (one plain, one whose name has a space), then the installed `carbon-gate` bin.
// Node for the bin and for npm is whatever `node` PATH finds first (.ci/run puts Node 24 first for its
// second e2e pass), as on a user's machine.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NODE, ROOT } from '../helpers/action-runner.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cg-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Only what a user's shell would have: no npm_* variables from the `npm test` that runs jest. The node that
// runs the bundles (CARBON_GATE_TEST_NODE) goes first on PATH, so the bin's `#!/usr/bin/env node` finds it.
const env: NodeJS.ProcessEnv = { PATH: `${path.dirname(NODE)}${path.delimiter}${process.env.PATH}`, HOME: process.env.HOME ?? tmp, LANG: 'C.UTF-8' };

function sh(cmd: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Installed packages, as npm lays them out (scoped ones count one each). */
function installedPackages(dir: string): string[] {
  const nm = path.join(dir, 'node_modules');
  return readdirSync(nm)
    .filter((n) => !n.startsWith('.'))
    .flatMap((n) => (n.startsWith('@') ? readdirSync(path.join(nm, n)).map((m) => `${n}/${m}`) : [n]));
}

function noNodeModulesAbove(dir: string): boolean {
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'node_modules'))) return false;
    if (path.dirname(d) === d) return true;
  }
}

let tarball = '';
beforeAll(async () => {
  const r = await sh('npm', ['pack', '--json', '--pack-destination', tmp], ROOT);
  expect(r.code).toBe(0);
  const [info] = JSON.parse(r.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(tmp, info.filename);
  const files = info.files.map((f) => f.path);
  // The README's links and the runtime pieces are in the tarball.
  for (const f of ['LICENSE', 'README.md', 'action.yml', 'METHODOLOGY.md', 'dist/cli/index.js', 'dist/sampler/index.js', 'data/README.md', 'docs/platforms.md', 'bench/RESULTS.md', 'examples/workflow-run-comment.yml']) {
    expect(files).toContain(f);
  }
  expect(files.some((f) => f.startsWith('src/') || f.startsWith('__tests__/') || f.startsWith('node_modules/'))).toBe(false);
}, 120_000);

describe.each([['plain', 'cg-user-'], ['with a space', 'cg user dir ']])('the packed CLI installed into an empty directory (%s)', (_label, prefix) => {
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmp, prefix));
    expect(noNodeModulesAbove(dir)).toBe(true);
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'user-project', version: '1.0.0', private: true }));
    const r = await sh('npm', ['install', '--no-audit', '--no-fund', '--json', tarball], dir);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { added: number }).added).toBeLessThanOrEqual(5);
  }, 120_000);

  it('adds at most 5 packages (the runtime is bundled in dist/)', () => {
    const pkgs = installedPackages(dir);
    expect(pkgs).toContain('carbon-gate');
    expect(pkgs.length).toBeLessThanOrEqual(5);
  });

  it('npx carbon-gate --version and carbon-gate run --help', async () => {
    const v = await sh('npx', ['carbon-gate', '--version'], dir);
    expect(v).toEqual({ code: 0, stdout: `${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`, stderr: '' });
    const h = await sh(path.join(dir, 'node_modules', '.bin', 'carbon-gate'), ['run', '--help'], dir);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/^Usage: carbon-gate run/);
  });

  it('carbon-gate run -- true writes a report, and carbon-gate report re-renders it', async () => {
    const bin = path.join(dir, 'node_modules', '.bin', 'carbon-gate');
    const cwd = path.join(dir, 'work dir');
    mkdirSync(cwd);
    const r = await sh(bin, ['run', '--interval', '0.2', '--out', 'my report', '--', 'true'], cwd);
    expect(r.stderr).not.toMatch(/sampler has not written a first sample/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/## 🌱 carbon-gate/);
    const out = path.join(cwd, 'my report');
    for (const f of ['emissions.csv', 'samples.csv', 'carbon-gate.json', 'summary.md']) expect(existsSync(path.join(out, f))).toBe(true);
    const result = JSON.parse(readFileSync(path.join(out, 'carbon-gate.json'), 'utf8')) as { energy: { totalWh: number } };
    expect(result.energy.totalWh).toBeGreaterThan(0);
    const again = await sh(bin, ['report', out], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/## 🌱 carbon-gate/);
  }, 60_000);
});
