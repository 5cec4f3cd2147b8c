// Every chart of the reports, rendered by mermaid in headless Chromium (Debian's `chromium`, driven by
// playwright-core; mermaid served from node_modules on a loopback server: no network). Checks that each
// chart renders to an SVG without mermaid's "Syntax error" picture, that the bars carry the theme colour
// set by the init directive (and that colour has ≥ 3:1 contrast on white), and saves a screenshot
// (CARBON_GATE_SCREENSHOT_DIR, or a temp dir) for a person to look at.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHART_COLOURS } from '../../src/core/report/chart.js';
import { ROOT } from '../helpers/action-runner.js';
import { reportDocs } from '../helpers/render/report-docs.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const charts = reportDocs()
  .filter((d) => d.name.startsWith('summary'))
  .flatMap((d) => [...d.markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m, i) => ({ name: `${d.name} #${i + 1}`, source: m[1]! })));

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const page = `<!doctype html><html><head><meta charset="utf-8"><style>body{background:#fff;font-family:sans-serif;width:900px} .chart{margin:8px 0;border:1px solid #ddd}</style></head><body>
${charts.map((c, i) => `<h4>${escapeHtml(c.name)}</h4><div class="chart"><pre class="mermaid" id="c${i}">${escapeHtml(c.source)}</pre></div>`).join('\n')}
<script src="/mermaid.min.js"></script>
<script>
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  window.done = mermaid.run({ querySelector: '.mermaid' }).then(() => 'ok', (e) => 'error: ' + (e && e.message));
</script></body></html>`;

let server: Server;
let context: BrowserContext;
let base = '';
const userData = mkdtempSync(path.join(tmpdir(), 'cg-chromium-'));
const shots = process.env.CARBON_GATE_SCREENSHOT_DIR ?? mkdtempSync(path.join(tmpdir(), 'cg-shots-'));

beforeAll(async () => {
  const mermaidJs = readFileSync(path.join(ROOT, 'node_modules/mermaid/dist/mermaid.min.js'));
  server = createServer((req, res) => {
    if (req.url === '/mermaid.min.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(mermaidJs);
    else if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  context = await chromium.launchPersistentContext(userData, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 960, height: 800 } });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(userData, { recursive: true, force: true });
});

/** WCAG relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
}
const contrast = (a: string, b: string): number => (Math.max(luminance(a), luminance(b)) + 0.05) / (Math.min(luminance(a), luminance(b)) + 0.05);

describe('charts in headless Chromium', () => {
  test('every chart renders without a syntax error, in the theme colours', async () => {
    expect(charts.length).toBeGreaterThanOrEqual(5);
    const p = await context.newPage();
    const offline: string[] = [];
    p.on('request', (r) => {
      if (!r.url().startsWith(base)) offline.push(r.url());
    });
    await p.goto(`${base}/`);
    expect(await p.evaluate('window.done')).toBe('ok');
    // A string, so that the test compiles without the DOM library: it runs in the page.
    const found = (await p.evaluate(`[...document.querySelectorAll('pre.mermaid')].map((el) => ({
      svg: !!el.querySelector('svg'),
      text: el.textContent || '',
      fills: [...el.querySelectorAll('rect')].map((r) => (r.getAttribute('fill') || '').toLowerCase()),
    }))`)) as { svg: boolean; text: string; fills: string[] }[];
    mkdirSync(shots, { recursive: true });
    await p.screenshot({ path: path.join(shots, 'charts.png'), fullPage: true });
    expect(offline).toEqual([]);
    expect(found).toHaveLength(charts.length);
    for (const [i, f] of found.entries()) {
      expect([charts[i]!.name, f.svg]).toEqual([charts[i]!.name, true]);
      expect(f.text).not.toMatch(/Syntax error/i);
      expect(f.fills).toContain(CHART_COLOURS.primary);
      expect(f.fills).not.toContain('#ececff'); // mermaid's default pale lavender
    }
    for (const c of Object.values(CHART_COLOURS)) {
      expect(contrast(c, '#ffffff')).toBeGreaterThanOrEqual(3);
      expect(contrast(c, '#0d1117')).toBeGreaterThanOrEqual(3);
    }
    await p.close();
  }, 90_000);
});
