// Every markdown table in src/ is written through markdown-table (core/report/table.ts). A table row
// built by hand (`| a | b |` joined in a template) is caught here, outside the two modules allowed to
// know the syntax: table.ts writes it, text.ts reads it back for the CLI's plain-text output.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');
const ALLOWED = new Set(['core/report/table.ts', 'core/report/text.ts']);
const HAND_BUILT = [/join\(\s*['"`] \| ['"`]\s*\)/, /`\|\s*\$\{/, /['"`]\|\s*-{3}/];

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.name.endsWith('.ts')) yield p;
  }
}

describe('markdown tables', () => {
  it('the patterns catch a hand-built row', () => {
    expect(HAND_BUILT.some((re) => re.test("const line = (c: string[]) => `| ${c.join(' | ')} |`;"))).toBe(true);
    expect(HAND_BUILT.some((re) => re.test("out.push('|---|---|');"))).toBe(true);
  });

  it('are all written through markdown-table', () => {
    const offenders: string[] = [];
    for (const f of files(src)) {
      const rel = path.relative(src, f).split(path.sep).join('/');
      if (ALLOWED.has(rel)) continue;
      readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
        if (HAND_BUILT.some((re) => re.test(line))) offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
