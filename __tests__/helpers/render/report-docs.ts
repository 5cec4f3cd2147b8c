// Report documents for the rendering tests: summaries and PR comments of several kinds of run, rendered
// by the real renderers from plain RunResults (a short job, a budget, a regression, an improvement,
// GPUs, tiny amounts).
import { renderCommentBody } from '../../../src/core/report/comment-body.js';
import { renderSummary } from '../../../src/core/report/summary.js';
import type { BaselineRecord, PowerPoint, RunResult } from '../../../src/core/types.js';
import { computeVerdict, type VerdictSettings } from '../../../src/core/verdict.js';
import { point, runResult } from '../fixtures.js';
import { gateTermsFixture } from '../run-result-fixture.js';

export interface ReportDoc {
  name: string;
  markdown: string;
}

const GATE: VerdictSettings & { baselineWindow: number } = { budgetGCo2e: null, budgetWh: null, maxIncreasePercent: 10, failOn: 'any', minBaselineRuns: 3, compareOn: 'gco2e', baselineWindow: 5 };

function series(n: number, seconds: number, cpu: (i: number) => number, ramWatts = 6.3): PowerPoint[] {
  return Array.from({ length: n }, (_, i) => point(((i + 1) * seconds) / n, cpu(i), { ramWatts }));
}

function record(i: number, grams: number): BaselineRecord {
  return { runId: String(100 + i), runAttempt: 1, sha: `${i}`.repeat(40).slice(0, 40), ref: 'refs/heads/main', wallMs: Date.UTC(2026, 10, 10 + i), energyWh: grams * 2.1, operationalGCo2e: grams, embodiedGCo2e: 0, gatedGCo2e: grams, durationSeconds: 60 + i, cpuSeconds: 20 + i };
}

function withGate(r: RunResult, over: Partial<VerdictSettings>, window: number[]): RunResult {
  const settings = { ...GATE, ...over };
  const records = window.map((g, i) => record(i, g));
  const verdict = computeVerdict({ energyWh: r.energy.totalWh, gatedGCo2e: r.emissions.gatedGCo2e, cpuSeconds: r.energy.treeCpuSeconds ?? 0, terms: gateTermsFixture({ cpuSeconds: r.energy.treeCpuSeconds ?? 0 }), settings, baseline: records });
  return { ...r, verdict, baseline: { records, status: window.length ? 'found' : 'none' } };
}

export function reportDocs(): ReportDoc[] {
  const base = runResult({ energy: { series: series(300, 600, (i) => 2 + (i % 50) / 10) } });
  const tiny = runResult({
    energy: { series: series(5, 0.6, () => 0.00002, 0.00001), totalWh: 1.489e-5, cpuWh: 5e-6, ramWh: 9.89e-6, durationSeconds: 0.6 },
    emissions: { operationalGCo2e: 6.273e-6, embodiedGCo2e: 0, totalGCo2e: 6.273e-6, gatedGCo2e: 6.273e-6 },
  });
  const cases: { name: string; r: RunResult; over: Partial<VerdictSettings>; window: number[] }[] = [
    { name: 'measured only', r: base, over: { maxIncreasePercent: null }, window: [] },
    { name: 'budget, no baseline yet', r: base, over: { budgetGCo2e: 5 }, window: [] },
    { name: 'regression', r: base, over: { budgetGCo2e: 5 }, window: [0.2, 0.21, 0.19, 0.2, 0.22] },
    { name: 'improvement', r: base, over: {}, window: [0.4, 0.41, 0.39] },
    { name: 'tiny amounts', r: tiny, over: { budgetGCo2e: 0.001 }, window: [5e-6, 6e-6, 7e-6] },
    { name: 'GPUs', r: runResult({ energy: { gpuCount: 2, gpuModels: ['Tesla T4'], gpuWh: 1.5, avgGpuWatts: 90, gpu: 'measured', series: series(50, 60, () => 93) } }), over: {}, window: [] },
  ];
  const docs: ReportDoc[] = [];
  for (const c of cases) {
    const r = withGate(c.r, c.over, c.window);
    const gate = { ...GATE, ...c.over };
    docs.push({ name: `summary: ${c.name}`, markdown: renderSummary(r, { chart: 'mermaid', gate, modelSection: '### Model\n\n**A model**\n', links: { serverUrl: 'https://github.com', repository: 'octo/repo' }, artifact: { name: 'carbon-gate-build-default', url: 'https://github.com/octo/repo/actions/runs/777/artifacts/5' } }) });
    docs.push({ name: `comment: ${c.name}`, markdown: renderCommentBody({ result: { ...r, job: { ...r.job, runUrl: 'https://github.com/octo/repo/actions/runs/777', jobUrl: 'https://github.com/octo/repo/actions/runs/777/job/4' } }, settings: gate, links: { serverUrl: 'https://github.com', repository: 'octo/repo', artifact: { name: 'carbon-gate-build-default', url: 'https://github.com/octo/repo/actions/runs/777/artifacts/5' } } }) });
  }
  return docs;
}
