// Steps in the reports: the summary table and gantt, steps.csv, the PR comment lines and the
// per-step baseline comparison. Oracles are literal values.
import { describe, expect, test } from '@jest/globals';
import { renderStepsGantt, renderStepsSection, renderStepsTable, shareBar } from '../../src/core/report/steps-section.js';
import { stepsCsv } from '../../src/core/report/steps-csv.js';
import { codeName, stepsCommentLines } from '../../src/core/report/steps-comment.js';
import { stepDeltas, stepTotals } from '../../src/core/steps/compare.js';
import { renderCommentBody } from '../../src/core/report/comment-body.js';
import { parseCsvRows } from '../../src/core/csv.js';
import type { StepRow } from '../../src/core/steps/types.js';
import type { BaselineRecord } from '../../src/core/types.js';
import { runResult } from '../helpers/fixtures.js';

function row(name: string, over: Partial<StepRow> = {}): StepRow {
  return {
    name, kind: 'step', nameSource: 'api', startedWallMs: Date.UTC(2026, 10, 30, 9, 0, 0), endedWallMs: Date.UTC(2026, 10, 30, 9, 0, 10), durationSeconds: 10,
    cpuSeconds: 1, cpuWh: 0.01, ramWh: 0.01, gpuWh: 0, totalWh: 0.02, operationalGCo2e: 0.01, embodiedGCo2e: 0.001, totalGCo2e: 0.011, gatedGCo2e: 0.011, share: 0.1, instances: 1, ...over,
  };
}

const rows: StepRow[] = [
  row('npm ci', { totalGCo2e: 0.2, gatedGCo2e: 0.2, share: 0.2, cpuSeconds: 10 }),
  row('npm test', { startedWallMs: Date.UTC(2026, 10, 30, 9, 0, 10), endedWallMs: Date.UTC(2026, 10, 30, 9, 0, 40), totalGCo2e: 0.6, gatedGCo2e: 0.6, share: 0.6, cpuSeconds: 30 }),
  row('lint | <b>@team</b>', { totalGCo2e: 0.15, gatedGCo2e: 0.15, share: 0.15, cpuSeconds: 5 }),
  row('deploy', { totalGCo2e: 0.04, gatedGCo2e: 0.04, share: 0.04, cpuSeconds: 2 }),
  row('outside steps', { kind: 'outside', nameSource: 'none', startedWallMs: null, endedWallMs: null, totalGCo2e: 0.01, gatedGCo2e: 0.01, share: 0.01, cpuSeconds: 1 }),
];

const record = (runId: string, steps: Record<string, number>): BaselineRecord => ({
  runId, runAttempt: 1, sha: 'a'.repeat(40), ref: 'refs/heads/main', wallMs: 0, energyWh: 1, operationalGCo2e: 1, embodiedGCo2e: 0, gatedGCo2e: 1, durationSeconds: 60, cpuSeconds: 50,
  steps: Object.fromEntries(Object.entries(steps).map(([k, cpu]) => [k, { cpuSeconds: cpu, energyWh: cpu / 100, gatedGCo2e: cpu / 50 }])),
});

describe('Steps section', () => {
  test('table sorted by emissions, names escaped, share as a bar', () => {
    const t = renderStepsTable(rows).split('\n');
    expect(t[2].startsWith('| npm test |')).toBe(true);
    expect(t[3].startsWith('| npm ci |')).toBe(true);
    expect(t[4]).toContain('lint \\| &lt;b&gt;&#64;team&lt;/b&gt;');
    expect(t[6].startsWith('| *outside steps* |')).toBe(true);
    expect(t[2]).toContain('`██████` 60 %');
  });

  test('shareBar: ten cells, eighths for the rest', () => {
    expect(shareBar(1)).toBe('██████████');
    expect(shareBar(0.25)).toBe('██▌');
    expect(shareBar(0)).toBe('▏');
  });

  test('gantt: steps only, from the first start, in ms', () => {
    const g = renderStepsGantt(rows);
    expect(g).toContain('  npm ci (200 mg CO2e) :s0, 0, 10000');
    expect(g).toContain('  npm test (600 mg CO2e) :s1, 10000, 40000');
    expect(g).not.toContain('outside');
    expect(g).toContain("lint | 'b'@team'/b' (150 mg CO2e)");
    expect(renderStepsSection(rows)).toContain('Names from the Jobs API.');
  });

  test('steps.csv: a header and one line per row, full precision', () => {
    const csv = parseCsvRows(stepsCsv(rows));
    expect(csv[0].slice(0, 3)).toEqual(['step', 'kind', 'number']);
    expect(csv.map((r) => r[0])).toEqual(['step', 'npm ci', 'npm test', 'lint | <b>@team</b>', 'deploy', 'outside steps']);
    expect(csv[2][4]).toBe('2026-11-30T09:00:10.000Z');
    expect(csv[2][14]).toBe('0.6');
  });
});

describe('per-step baseline', () => {
  test('records carry step totals by name, without the outside row', () => {
    expect(Object.keys(stepTotals(rows))).toEqual(['npm ci', 'npm test', 'lint | <b>@team</b>', 'deploy']);
    expect(stepTotals(rows)['npm test']).toEqual({ cpuSeconds: 30, energyWh: 0.02, gatedGCo2e: 0.6 });
  });

  test('each step against the median of its own runs; only those over max-increase grew', () => {
    const records = [record('1', { 'npm ci': 10, 'npm test': 20 }), record('2', { 'npm ci': 9, 'npm test': 19 }), record('3', { 'npm ci': 11, 'npm test': 21 }), record('4', {})];
    const d = stepDeltas(rows, records, 'cpu-seconds', 25);
    expect(d.map((x) => [x.name, x.median, x.runs, Math.round(x.deltaPercent), x.grew])).toEqual([
      ['npm ci', 10, 3, 0, false],
      ['npm test', 20, 3, 50, true],
    ]);
  });

  test('the PR comment names the top three steps and the step that grew, with its delta', () => {
    const records = [record('1', { 'npm ci': 10, 'npm test': 20 }), record('2', { 'npm ci': 10, 'npm test': 20 })];
    const r = runResult({ steps: rows, baseline: { records, status: 'found' } });
    const lines = stepsCommentLines(r, { compareOn: 'cpu-seconds', maxIncreasePercent: 25 });
    expect(lines[0]).toBe('**Steps** (top 3 of 4 by emissions): `npm test` 600 mg CO2e (60 %) · `npm ci` 200 mg CO2e (20 %) · `lint | <b>@team</b>` 150 mg CO2e (15 %)');
    expect(lines).toContain('- `npm test` +50 % CPU work (median of 2 runs)');
    expect(lines.join('\n')).not.toContain('`npm ci` +');
    const body = renderCommentBody({ result: r, settings: { maxIncreasePercent: 25, minBaselineRuns: 2, compareOn: 'cpu-seconds', failOn: 'regression', baselineWindow: 5 } });
    expect(body).toContain('- `npm test` +50 % CPU work');
  });

  test('codeName keeps a name on one line without backticks', () => {
    expect(codeName('a `b`\nc')).toBe("`a 'b' c`");
  });
});
