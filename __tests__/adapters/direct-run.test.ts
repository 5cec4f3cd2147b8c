import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDirectRun } from '../../src/adapters/direct-run.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cg direct run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const entry = path.join(dir, 'dist', 'cli', 'index.js');
mkdirSync(path.dirname(entry), { recursive: true });
writeFileSync(entry, '');
const other = path.join(dir, 'dist', 'pre', 'index.js');
mkdirSync(path.dirname(other), { recursive: true });
writeFileSync(other, '');
const url = pathToFileURL(entry).href;

describe('isDirectRun', () => {
  test('the script node was started with (absolute, relative, in a directory with a space)', () => {
    expect(url).toContain('%20'); // the URL form escapes the space; the comparison is on paths
    expect(isDirectRun(url, entry)).toBe(true);
    expect(isDirectRun(url, path.relative(process.cwd(), entry))).toBe(true);
  });

  test('through a symlink, as npm’s bin link runs it', () => {
    const bin = path.join(dir, 'node_modules', '.bin', 'carbon-gate');
    mkdirSync(path.dirname(bin), { recursive: true });
    symlinkSync(entry, bin);
    expect(isDirectRun(url, bin)).toBe(true);
  });

  test('without the extension, or as the directory, as node resolves them', () => {
    expect(isDirectRun(url, entry.slice(0, -'.js'.length))).toBe(true);
    expect(isDirectRun(url, path.dirname(entry))).toBe(true);
  });

  test('false when imported by another program (local-action, jest) or with no script at all', () => {
    expect(isDirectRun(url, other)).toBe(false);
    expect(isDirectRun(url, path.join(dir, 'missing.js'))).toBe(false);
    expect(isDirectRun(url, undefined)).toBe(false);
    expect(isDirectRun('data:text/javascript,1', entry)).toBe(false);
    expect(isDirectRun(pathToFileURL(path.join(dir, 'gone.js')).href, entry)).toBe(false);
  });
});
