// What `carbon-gate run -- true` prints, through the bundled CLI: plain text on a terminal (a real
// pseudo-terminal from util-linux `script`), markdown when piped, JSON with --format json.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers/action-runner.js';
import type { RunResult } from '../../src/core/types.js';

const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cg-cli-out-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
/** Runs the CLI under a pseudo-terminal: `script -qec <command> /dev/null` gives it a tty for stdout. */
function underPty(args: string[], env: Record<string, string> = {}) {
  return run('script', ['-qec', [process.execPath, CLI, ...args].map(shellQuote).join(' '), '/dev/null'], env);
}

const TABLE_ROW = /^\s*\|.*\|\s*$/m;
const ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i;
// (not a hex colour such as #6e7781)
const EXPONENT = /(?<![#\w.])\d+(?:\.\d+)?[eE][-+]?\d/;
const ANSI = /\u001b\[[0-9;]*m/g;

describe('carbon-gate run -- true: output formats', () => {
  it('under a pseudo-terminal: plain text, aligned, no table pipes, no HTML entities, the verdict in colour', async () => {
    const r = await underPty(['run', '--interval', '0.2', '--out', path.join(tmp, 'tty'), '--', 'true']);
    expect(r.code).toBe(0);
    const text = r.stdout.replace(/\r/g, '');
    expect(text).toContain('carbon-gate · true');
    expect(text).toMatch(/Measured only: no budget or baseline set/);
    expect(text).not.toMatch(TABLE_ROW);
    expect(text).not.toMatch(ENTITY);
    expect(text).not.toMatch(/\*\*|<details>|<sub>|```/);
    expect(text.replace(ANSI, '')).not.toMatch(EXPONENT);
    expect(text).toMatch(/\u001b\[3\dm/); // colour on a terminal
    // aligned: the component table's header and its rule
    expect(text.replace(ANSI, '')).toMatch(/^Component\s+Energy\s+Average power\s+Source$/m);
  }, 60_000);

  it('NO_COLOR turns the colour off', async () => {
    const r = await underPty(['run', '--interval', '0.2', '--out', path.join(tmp, 'nocolor'), '--', 'true'], { NO_COLOR: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).not.toMatch(TABLE_ROW);
  }, 60_000);

  it('piped: markdown', async () => {
    const r = await run(process.execPath, [CLI, 'run', '--interval', '0.2', '--out', path.join(tmp, 'pipe'), '--', 'true']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## 🌱 carbon-gate · true$/m);
    expect(r.stdout).toMatch(/^\| Total \| Value \|$/m);
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).not.toMatch(EXPONENT);
  }, 60_000);

  it('--format json: parseable JSON at full precision; --format text when piped: text without colour', async () => {
    const r = await run(process.execPath, [CLI, 'run', '--format', 'json', '--interval', '0.2', '--out', path.join(tmp, 'json'), '--', 'true']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as RunResult;
    expect(result.tool.name).toBe('carbon-gate');
    expect(typeof result.emissions.gatedGCo2e).toBe('number');
    const t = await run(process.execPath, [CLI, 'report', '--format', 'text', path.join(tmp, 'json')]);
    expect(t.code).toBe(0);
    expect(t.stdout).not.toMatch(TABLE_ROW);
    expect(t.stdout).not.toMatch(ANSI);
    const bad = await run(process.execPath, [CLI, 'run', '--format', 'html', '--', 'true']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'text', 'markdown' or 'json'");
  }, 60_000);
});
