// The import rules of `npm run lint` (.dependency-cruiser.cjs) fire on a cycle and on an upward
// import from core/, and pass on a tree that keeps the layers (`npm run lint` runs them on src/). Runs the real depcruise CLI on small fixture trees.
import { describe, expect, it, afterAll } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const depcruise = path.join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const config = path.join(repo, '.dependency-cruiser.cjs');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function cruise(cwd: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [depcruise, 'src', '--config', config, '--output-type', 'err'], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cg-imports-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true }, include: ['src/**/*.ts'] }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('import rules', () => {
  it('are part of npm run lint, on src/ with this config', () => {
    const scripts = (JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.lint).toContain('depcruise src --config .dependency-cruiser.cjs');
  });

  it('fail on an import cycle', () => {
    const dir = fixture({
      'src/sampler/sources.ts': "import { openRapl } from './rapl.js';\nexport interface RaplReader { read(): number }\nexport const start = () => openRapl();\n",
      'src/sampler/rapl.ts': "import type { RaplReader } from './sources.js';\nexport const openRapl = (): RaplReader => ({ read: () => 1 });\n",
    });
    const r = cruise(dir);
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/no-cycles: src\/sampler\/(rapl|sources)\.ts/);
  });

  it('fail on a type-only import from core/ into settings/', () => {
    const dir = fixture({
      'src/settings/settings.ts': 'export interface Settings { token: string }\n',
      'src/core/model/select.ts': "import type { Settings } from '../../settings/settings.js';\nexport const pick = (s: Settings): number => s.token.length;\n",
    });
    const r = cruise(dir);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('core-is-pure: src/core/model/select.ts → src/settings/settings.ts');
  });

  it('fail on I/O in core/ and on the sampler importing an outer layer', () => {
    const dir = fixture({
      'src/core/read.ts': "import { readFileSync } from 'node:fs';\nexport const r = (p: string): string => readFileSync(p, 'utf8');\n",
      'src/github/client.ts': 'export const c = 1;\n',
      'src/sampler/loop.ts': "import { c } from '../github/client.js';\nexport const l = c;\n",
    });
    const r = cruise(dir);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('core-no-io: src/core/read.ts → fs');
    expect(r.out).toContain('sampler-stays-light: src/sampler/loop.ts → src/github/client.ts');
  });

  it('pass on a tree that keeps the layers', () => {
    const dir = fixture({
      'src/core/types.ts': 'export interface Sample { monoS: number }\n',
      'src/settings/settings.ts': "import type { Sample } from '../core/types.js';\nexport type S = Sample;\n",
      'src/app/post.ts': "import type { S } from '../settings/settings.js';\nexport const f = (s: S): number => s.monoS;\n",
    });
    const r = cruise(dir);
    expect(r.out).not.toMatch(/error/);
    expect(r.status).toBe(0);
  });
});
