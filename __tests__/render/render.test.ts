// The summary and the PR comment rendered as GitHub renders them: GFM (marked) and every mermaid block
// parsed by the mermaid package itself (in a child node process with a jsdom window).
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../helpers/action-runner.js';
import { reportDocs, type ReportDoc } from '../helpers/render/report-docs.js';

interface Rendered {
  name: string;
  html: string;
  mermaid: { source: string; ok: boolean; error?: string; diagramType?: string }[];
}

function render(docs: ReportDoc[]): Rendered[] {
  const r = spawnSync(process.execPath, [path.join(ROOT, '__tests__/helpers/render/render-docs.mjs')], { input: JSON.stringify({ docs }), encoding: 'utf8', maxBuffer: 64 * 2 ** 20, timeout: 120_000 });
  if (r.status !== 0) throw new Error(`render-docs failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Rendered[];
}

/** Exponent notation in text: 1.5e-5, 6.273e-4, 2E+6. */
// (not a hex colour such as #6e7781)
const EXPONENT = /(?<![#\w.])\d+(?:\.\d+)?[eE][-+]?\d/;

const docs = reportDocs();
const rendered = render(docs);

describe('reports rendered as GitHub renders them', () => {
  test.each(rendered.map((r, i) => [r.name, r, docs[i]!] as const))('%s: GFM tables and folds render, no raw markdown left', (_name, r, doc) => {
    const tableBlocks = doc.markdown.split('\n').filter((l, i, all) => l.startsWith('|') && /^\|[\s:|-]+\|$/.test(all[i + 1] ?? '')).length;
    expect((r.html.match(/<table>/g) ?? []).length).toBe(tableBlocks);
    // no table row left as a paragraph, no stray emphasis marks, no escaped entities shown as text
    expect(r.html).not.toMatch(/<p>\|/);
    expect(r.html).not.toMatch(/\*\*/);
    expect(r.html).not.toMatch(/&amp;(?:lt|gt|amp|#\d+);/);
    expect((r.html.match(/<details>/g) ?? []).length).toBe((doc.markdown.match(/<details>/g) ?? []).length);
  });

  test.each(rendered.map((r, i) => [r.name, r, docs[i]!] as const))('%s: no exponent notation in the text', (_name, _r, doc) => {
    expect(doc.markdown).not.toMatch(EXPONENT);
  });

  test('the verdict is the first thing a reader sees', () => {
    for (const r of rendered) {
      const first = /<h[1-4][^>]*>(.*?)<\/h[1-4]>\s*(?:<p>(.*?)<\/p>)?/s.exec(r.html)!;
      const text = r.name.startsWith('comment') ? first[1]! : first[2]!;
      expect(text).toMatch(/^(?:<strong>)?(✅|❌|⚠️|ℹ️)|: (✅|❌|⚠️|ℹ️)/);
    }
  });

  const blocks = rendered.flatMap((r) => r.mermaid.map((m, i) => [`${r.name} #${i + 1}`, m] as const));
  test('there are charts to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
  });
  test.each(blocks)('%s: the mermaid package parses it; the y-axis starts at 0; colours by theme variables', (_name, m) => {
    expect(m.error ?? '').toBe('');
    expect(m.ok).toBe(true);
    expect(m.diagramType).toBe('xychart');
    const axis = /^ {2}y-axis "[^"]+" (\S+) --> (\d+(?:\.\d+)?)$/m.exec(m.source);
    expect(axis?.[1]).toBe('0');
    expect(Number(axis?.[2])).toBeGreaterThan(0);
    expect(m.source).toMatch(/^%%\{init: \{"themeVariables": \{"xyChart": \{"plotColorPalette": "#[0-9a-f]{6}(, #[0-9a-f]{6})*"\}\}\}\}%%$/m);
  });

  test('a broken chart is caught (the check can fail)', () => {
    const [bad] = render([{ name: 'bad', markdown: '```mermaid\nxychart-beta\n  y-axis "W" 0 -->\n  bar [1, 2\n```\n' }]);
    expect(bad!.mermaid[0]!.ok).toBe(false);
  });
});
