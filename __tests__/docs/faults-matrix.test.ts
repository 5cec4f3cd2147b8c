// docs/faults.md cannot rot: every test it names exists, in the file it names, as an it()/test() title.
import { describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const doc = readFileSync(path.join(ROOT, 'docs', 'faults.md'), 'utf8');

interface Row {
  n: number;
  file: string;
  name: string;
  cells: string[];
}

/** Rows of the matrix tables: `| # | Fault | Injection | Expected | Test |`, with the test as `file` › name. */
function rows(markdown: string): Row[] {
  const out: Row[] = [];
  for (const line of markdown.split('\n')) {
    const m = /^\|\s*(\d+)\s*\|(.*)\|\s*$/.exec(line);
    if (!m) continue;
    const cells = m[2].split(' | ').map((c) => c.trim());
    const t = /^`([^`]+)` › (.+)$/.exec(cells[cells.length - 1]);
    if (!t) throw new Error(`row ${m[1]}: the last cell is not \`file\` › test name: ${line}`);
    out.push({ n: Number(m[1]), file: t[1], name: t[2], cells });
  }
  return out;
}

/** it('…') / test('…') titles of a test file, with the quote style undone. */
function titles(source: string): Set<string> {
  const out = new Set<string>();
  for (const m of source.matchAll(/\b(?:it|test)\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g)) out.add(m[2].replace(/\\(.)/g, '$1'));
  return out;
}

const matrix = rows(doc);

describe('docs/faults.md', () => {
  test('has at least 60 cases, numbered 1..n without holes, each with a fault, an injection and an expected behaviour', () => {
    expect(matrix.length).toBeGreaterThanOrEqual(60);
    expect(matrix.map((r) => r.n)).toEqual(matrix.map((_, i) => i + 1));
    for (const r of matrix) {
      expect(r.cells).toHaveLength(4);
      for (const c of r.cells.slice(0, 3)) expect(c.length).toBeGreaterThan(2);
    }
  });

  test('every test it names exists in the file it names', () => {
    const missing: string[] = [];
    const cache = new Map<string, Set<string>>();
    for (const r of matrix) {
      const file = path.join(ROOT, r.file);
      if (!existsSync(file)) {
        missing.push(`#${r.n}: no file ${r.file}`);
        continue;
      }
      if (!cache.has(file)) cache.set(file, titles(readFileSync(file, 'utf8')));
      if (!cache.get(file)!.has(r.name)) missing.push(`#${r.n}: no test "${r.name}" in ${r.file}`);
    }
    expect(missing).toEqual([]);
  });

  test('covers the faults the issue lists', () => {
    const text = doc.toLowerCase();
    for (const word of ['killed', 'sigstop', 'never started', 'deleted', 'truncated', 'corrupt', 'reordered', 'huge', 'clock', '/dev/full', 'unwritable', '500', 'bad input', 'injection', 'token', 'two instances', 'sigint', 'sigkill', '--out']) {
      expect(text).toContain(word);
    }
  });

  test('the checker itself finds a missing test (it can fail)', () => {
    const fake = rows('| 1 | f | i | e | `__tests__/core/energy.test.ts` › a test that does not exist |');
    const known = titles(readFileSync(path.join(ROOT, fake[0].file), 'utf8'));
    expect(known.has(fake[0].name)).toBe(false);
    expect(known.has('uneven intervals are weighted by their length')).toBe(true);
  });
});
