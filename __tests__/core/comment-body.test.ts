import { describe, expect, test } from '@jest/globals';
import { renderCommentBody, COMMENT_MAX_CHARS } from '../../src/core/report/comment-body.js';
import { renderBaselineSection, noiseRule, baselineWindowTable } from '../../src/core/report/baseline-section.js';
import { escapeMarkdown, markerFor } from '../../src/core/report/escape.js';
import { computeVerdict } from '../../src/core/verdict.js';
import { baselineRecord, gateTermsFixture, runResult } from '../helpers/run-result-fixture.js';

const settings = { maxIncreasePercent: 10, minBaselineRuns: 3, compareOn: 'gco2e' as const, failOn: 'regression' as const, baselineWindow: 5 };

function withBaseline(current: number, window: number[]) {
  const records = window.map((g, i) => baselineRecord(i, g));
  const verdict = computeVerdict({ energyWh: current * 2, gatedGCo2e: current, cpuSeconds: current * 40, terms: gateTermsFixture({ cpuSeconds: current * 40 }), settings: { ...settings, budgetGCo2e: null, budgetWh: null }, baseline: records });
  return runResult({
    verdict,
    baseline: { records, status: 'found' },
    emissions: { ...runResult().emissions, gatedGCo2e: current },
    energy: { ...runResult().energy, totalWh: current * 2, treeCpuSeconds: current * 40 },
  });
}

describe('escapeMarkdown', () => {
  test('defuses HTML, markdown, mentions, issue links and line breaks', () => {
    const out = escapeMarkdown('<img src=x onerror=alert(1)> *bold* [x](y) @octo #12 a|b\nnext `code`');
    expect(out).not.toMatch(/<img/);
    expect(out).toContain('&lt;img');
    expect(out).toContain('\\*bold\\*');
    // With the brackets escaped, '(y)' cannot form a link, so the parentheses stay readable.
    expect(out).toContain('\\[x\\](y)');
    expect(out).toContain('&#64;octo');
    expect(out).toContain('&#35;12');
    expect(out).toContain('a\\|b');
    expect(out).not.toContain('\n');
    expect(out).toContain('\\`code\\`');
  });
  test('plain words are unchanged', () => {
    expect(escapeMarkdown('build on ubuntu')).toBe('build on ubuntu');
  });
});

describe('markerFor', () => {
  test('keeps simple keys readable and makes hostile keys comment-safe', () => {
    expect(markerFor('CI/test/default')).toBe('<!-- carbon-gate:CI/test/default -->');
    const m = markerFor('CI --> <script>/job\n--x');
    expect(m.startsWith('<!-- carbon-gate:')).toBe(true);
    expect(m.endsWith(' -->')).toBe(true);
    const inner = m.slice('<!-- '.length, -' -->'.length);
    expect(inner).not.toContain('--');
    expect(inner).not.toContain('>');
    expect(inner).not.toContain('\n');
    // Distinct keys give distinct markers.
    expect(markerFor('a/b/c')).not.toBe(markerFor('a/b/d'));
  });

  test('percent-encodes @ (a mention) in the marker', () => {
    expect(markerFor('CI/@octo-org/team/default')).toBe('<!-- carbon-gate:CI/%40octo-org/team/default -->');
  });

  test('a 70,000-character key gives a short marker; keys differing only at the end stay distinct', () => {
    const a = `CI/${'j'.repeat(70_000)}a/default`;
    const b = `CI/${'j'.repeat(70_000)}b/default`;
    expect(markerFor(a).length).toBeLessThanOrEqual(200);
    expect(markerFor(a)).not.toBe(markerFor(b));
    expect(markerFor(a)).toBe(markerFor(a));
    expect(markerFor(a)).toMatch(/^<!-- carbon-gate:CI\/j{117}~[0-9a-f]{16} -->$/);
    // A key at the limit is kept whole.
    const k = 'k'.repeat(160);
    expect(markerFor(k)).toBe(`<!-- carbon-gate:${k} -->`);
  });

  test('a comment for a 70,000-character job-name stays within 60,000 characters and keeps its whole marker', () => {
    const name = 'n'.repeat(70_000);
    const r = runResult({ job: { ...runResult().job, key: `CI/${name}/default`, label: name } });
    const body = renderCommentBody({ result: r, settings });
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(body.startsWith(`${markerFor(r.job.key)}\n`)).toBe(true);
  });
});

describe('renderCommentBody', () => {
  test('the marker, then one verdict line with the absolute and relative delta; 🚨 only on the gating metric', () => {
    const r = withBaseline(1.3, [1.0, 1.0, 1.1, 0.9, 1.05]);
    const body = renderCommentBody({ result: r, settings, links: { serverUrl: 'https://github.com', repository: 'octo/repo' } });
    const lines = body.split('\n');
    expect(lines[0]).toBe('<!-- carbon-gate:CI/test/default -->');
    expect(lines[1]).toBe('#### 🌱 test: ❌ 1.3 g CO2e — +300 mg (+30 %) vs main (5 runs), a regression');
    expect(r.verdict.status).toBe('fail');
    expect(body).toContain('| **CO2e** | 1.3 g CO2e | 1 g CO2e | +300 mg (+30 %) 🚨 |');
    expect(body).toContain('| Energy | 2.6 Wh | 2 Wh | +600 mWh (+30 %) ▲ |');
    expect(body).toContain('| CPU time | 52 CPU-s | 40 CPU-s | +12 CPU-s (+30 %) ▲ |');
    expect(body).toContain('| Duration | 1 min 0 s | 1 min 2 s | −2 s (−3.2 %) ▼ |');
    expect(body.match(/🚨/g)).toHaveLength(1);
    // one verdict line: the icon appears once
    expect(body.match(/❌/g)).toHaveLength(1);
    expect(body).toContain('Full report: [job summary](https://github.com/octo/repo/actions/runs/4242)');
    expect(body).toContain('<details><summary>Baseline window and regression rule</summary>');
    expect(body).toContain('</details>');
    expect(body).toContain('[1000](https://github.com/octo/repo/actions/runs/1000)');
    expect(body).toContain("above the window's 97.5 % prediction bound");
    // 1.3 vs the median 1.0 of runs with the same duration and grid: all CPU work.
    expect(body).toContain('What drove the delta: CPU work +30 %, wall time');
    expect(body.trimEnd().split('\n').pop()).toBe('<sub>carbon-gate 0.1.0 · commit `0123456` · CCF Azure EPYC 3rd Gen, 4 vCPU · grid world</sub>');
  });

  test('links to the job (summary and log) and to the artifact', () => {
    const r = withBaseline(1, [1, 1, 1]);
    r.job.jobUrl = 'https://github.com/octo/repo/actions/runs/4242/job/99';
    const body = renderCommentBody({ result: r, settings, links: { artifact: { name: 'carbon-gate-test-default', url: 'https://github.com/octo/repo/actions/runs/4242/artifacts/7' } } });
    expect(body).toContain(
      'Full report: [job summary](https://github.com/octo/repo/actions/runs/4242#summary-99) · [job log](https://github.com/octo/repo/actions/runs/4242/job/99) · artifact [`carbon-gate-test-default`](https://github.com/octo/repo/actions/runs/4242/artifacts/7)',
    );
  });

  test('without max-increase nothing gates: ▲/▼ everywhere, no band emoji', () => {
    const r = withBaseline(1.3, [1.0, 1.0, 1.1]);
    const s = { ...settings, maxIncreasePercent: null };
    const verdict = { ...r.verdict, status: 'pass' as const, failBuild: false, reasons: [], regression: { ...r.verdict.regression!, flagged: false, enforced: false } };
    const body = renderCommentBody({ result: { ...r, verdict }, settings: s });
    expect(body.split('\n')[1]).toBe('#### 🌱 test: ℹ️ 1.3 g CO2e — +300 mg (+30 %) vs main (3 runs); nothing gates: no budget or max-increase set');
    expect(body).not.toMatch(/🚨|✅/);
    expect(body).toContain('| **CO2e** | 1.3 g CO2e | 1 g CO2e | +300 mg (+30 %) ▲ |');
  });

  test('improvement shows ✅ on the gating metric; no baseline says how baselines are made', () => {
    const better = renderCommentBody({ result: withBaseline(0.8, [1, 1, 1]), settings });
    expect(better.split('\n')[1]).toBe('#### 🌱 test: ✅ 800 mg CO2e — −200 mg (−20 %) vs main (3 runs)');
    expect(better).toContain('−200 mg (−20 %) ✅ |');
    const none = renderCommentBody({ result: runResult(), settings });
    expect(none.split('\n')[1]).toBe('#### 🌱 test: ℹ️ Measured only: no baseline yet to compare with — 120 mg CO2e');
    expect(none).toContain('No baseline yet');
    expect(none).toContain('never by pull requests');
    expect(none).not.toContain('| Run | Commit');
  });

  test('no exponent notation for tiny amounts', () => {
    const body = renderCommentBody({ result: withBaseline(0.0000123, [0.00001, 0.0000105, 0.0000111]), settings });
    expect(body).not.toMatch(/\de-\d/);
    expect(body.split('\n')[1]).toContain('0.0123 mg CO2e');
  });

  test('user-controlled job label and notes are escaped', () => {
    const r = runResult({ job: { ...runResult().job, label: '<b>evil</b> @team' }, quality: { partial: true, skippedLines: 1, warnings: ['<script>x</script>'] } });
    const body = renderCommentBody({ result: r, settings });
    expect(body).not.toContain('<b>evil');
    expect(body).not.toContain('<script>');
    expect(body).toContain('&lt;b&gt;evil');
    expect(body).toContain('&#64;team');
    expect(body).toContain('Partial measurement');
  });

  test('never above the limit, whatever the input; keeps the marker and says it was truncated', () => {
    const records = Array.from({ length: 50 }, (_, i) => baselineRecord(i, 1 + i / 100, { runId: 'x'.repeat(2000) + i }));
    const r = runResult({ baseline: { records, status: 'found' } });
    const big = renderCommentBody({ result: r, settings });
    expect(big.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(big).toContain('Comment truncated');
    expect(big.startsWith('<!-- carbon-gate:CI/test/default -->')).toBe(true);
    expect(big).not.toContain('<details>');

    const absurd = runResult({ verdict: { ...r.verdict, reasons: Array.from({ length: 10 }, () => 'y'.repeat(100_000)) }, job: { ...r.job, label: 'z'.repeat(100_000) } });
    for (const max of [60_000, 2_000, 300]) {
      const body = renderCommentBody({ result: absurd, settings, maxChars: max });
      expect(body.length).toBeLessThanOrEqual(max);
      expect(body.startsWith('<!-- carbon-gate:CI/test/default -->')).toBe(true);
    }
  });

  test('a small input is not truncated', () => {
    const body = renderCommentBody({ result: withBaseline(1, [1, 1, 1]), settings });
    expect(body).not.toContain('truncated');
    expect(body.length).toBeLessThan(5_000);
  });
});

describe('baseline section (job summary)', () => {
  test('delta line, window table and the rule in words', () => {
    const r = withBaseline(1.15, [1, 1.2, 1.1]);
    const md = renderBaselineSection({ verdict: r.verdict, baseline: r.baseline, settings });
    expect(md).toContain('### Against the baseline');
    expect(md).toContain('Baseline: median 1.1 g CO2e of main’s last 3 runs (spread 1 g CO2e – 1.2 g CO2e, prediction bound 1.73 g CO2e); this run +4.5 %.'); // 1.15 vs median 1.1; bound exp(mean ln + 4.3027 × 0.0912 × √(4/3))
    expect(md).toContain('x-axis ["#1000", "#1001", "#1002", "this run"]');
    expect(md).toContain('| Run | Commit | Date | **CO2e** |');
    expect(md.match(/^\| 10\d\d /gm)?.length).toBe(3);
    expect(md).toContain('more than 10 % above the median of the last 5 default-branch runs');
    expect(md).toContain('once the window holds at least 3 runs');
  });

  test('unavailable cache is stated with its (escaped) note', () => {
    const md = renderBaselineSection({ verdict: runResult().verdict, baseline: { records: [], status: 'unavailable', note: 'timed out <after 20 s>' }, settings });
    expect(md).toContain('the Actions cache was unavailable (timed out &lt;after 20 s&gt;)');
    expect(md).toContain('budgets only');
  });

  test('rule without max-increase and with fail-on budget', () => {
    expect(noiseRule({ ...settings, maxIncreasePercent: null })).toContain('never flagged');
    expect(noiseRule({ ...settings, failOn: 'budget' })).toContain('only warns (fail-on: budget)');
  });

  test('window table is newest first and bounded', () => {
    const records = [baselineRecord(1, 1), baselineRecord(3, 3), baselineRecord(2, 2)];
    const t = baselineWindowTable(records, { maxRows: 2 });
    const runs = [...t.matchAll(/^\| (\d+) /gm)].map((m) => m[1]);
    expect(runs).toEqual(['1003', '1002']);
    expect(t).toContain('1 older run(s) not shown');
  });
});
