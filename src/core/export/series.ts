// The series one job exports to a metrics engine (Pushgateway or OTLP). Pure: a RunResult in, plain
// data out; the adapters in src/export/ turn it into the text exposition or an OTLP request.
//
// Names follow the Prometheus conventions (https://prometheus.io/docs/practices/naming/): a
// `carbon_gate_` prefix, snake case, the base unit as a suffix (grams, watt_hours, seconds).
import { median } from '../verdict.js';
import type { RunResult } from '../types.js';

/** `sum`: an amount this job added (OTLP: a delta counter); `gauge`: a level (budget, median, verdict). */
export type SeriesKind = 'sum' | 'gauge';

export interface MetricSeries {
  name: string;
  help: string;
  kind: SeriesKind;
  /** UCUM unit for OTLP. */
  unit: string;
  /** Labels of this metric beyond the job's labels (e.g. scope), and the value. */
  points: Array<{ labels: Record<string, string>; value: number }>;
}

export interface JobSeries {
  /** Pushgateway grouping key in path order; `job` first, as the Pushgateway requires. */
  grouping: Array<[name: string, value: string]>;
  /** Labels of every series, the grouping labels included. */
  labels: Record<string, string>;
  metrics: MetricSeries[];
  /** Resource facts for OTLP. */
  resource: { repository: string; workflow: string; job: string; ref: string; sha: string; repositoryUrl: string; runId: string; runUrl: string };
}

export interface SeriesOptions {
  /** export-labels. */
  extraLabels: Record<string, string>;
  /** export-run-id: add the run id label (one series per run: high cardinality). */
  runId: boolean;
}

const VERDICTS = ['pass', 'warn', 'fail'] as const;

/** `https://github.com/o/r` from the run URL, or from the repository on github.com. */
function repositoryUrl(job: RunResult['job']): string {
  const m = job.runUrl ? /^(.*)\/actions\/runs\//.exec(job.runUrl) : null;
  if (m) return m[1];
  return job.repository ? `https://github.com/${job.repository}` : '';
}

/** Grams of the budget on emissions, when one was set. */
function budgetGrams(r: RunResult): number | null {
  return r.verdict.budget?.find((b) => b.metric === 'gco2e')?.limit ?? null;
}

/** Median of the baseline in grams: the verdict's when it compared grams, else over the records' gated grams. */
function baselineMedianGrams(r: RunResult): number | null {
  if (r.verdict.regression?.metric === 'gco2e') return r.verdict.regression.median;
  const grams = r.baseline.records.map((b) => b.gatedGCo2e).filter((g) => Number.isFinite(g));
  return grams.length ? median(grams) : null;
}

export function jobSeries(r: RunResult, o: SeriesOptions): JobSeries {
  const job = r.job;
  const grouping: Array<[string, string]> = [
    ['job', job.job ?? job.label],
    ['repository', job.repository ?? ''],
    ['workflow', job.workflow ?? ''],
    ['matrix_key', job.matrixKey ?? ''],
  ];
  const labels: Record<string, string> = {
    ...o.extraLabels,
    ...Object.fromEntries(grouping),
    ref: job.ref ?? '',
    event: job.event ?? '',
    runner_os: r.hardware.os,
    runner_arch: r.hardware.arch,
    region: r.emissions.intensity.location,
    model: r.model.id,
    ...(o.runId && job.runId ? { run_id: job.runAttempt && job.runAttempt > 1 ? `${job.runId}/${job.runAttempt}` : job.runId } : {}),
  };
  const one = (value: number) => [{ labels: {}, value }];
  const metrics: MetricSeries[] = [
    {
      name: 'carbon_gate_emissions_grams',
      help: 'CO2e emitted by the job in grams, by scope (operational: energy × grid intensity × PUE; embodied: share of the hardware).',
      kind: 'sum',
      unit: 'g',
      points: [
        { labels: { scope: 'operational' }, value: r.emissions.operationalGCo2e },
        { labels: { scope: 'embodied' }, value: r.emissions.embodiedGCo2e },
      ],
    },
    { name: 'carbon_gate_energy_watt_hours', help: 'Energy used by the job in watt-hours (PUE applied).', kind: 'sum', unit: 'W.h', points: one(r.energy.totalWh) },
    { name: 'carbon_gate_cpu_seconds', help: 'CPU seconds of the job (its process tree, or the machine in machine scope).', kind: 'sum', unit: 's', points: one(r.energy.treeCpuSeconds ?? r.energy.machineCpuSeconds) },
    { name: 'carbon_gate_duration_seconds', help: 'Measured duration of the job in seconds.', kind: 'sum', unit: 's', points: one(r.energy.durationSeconds) },
  ];
  const budget = budgetGrams(r);
  if (budget !== null) metrics.push({ name: 'carbon_gate_budget_grams', help: 'The budget-gco2e input: the job fails above it.', kind: 'gauge', unit: 'g', points: one(budget) });
  const med = baselineMedianGrams(r);
  if (med !== null) metrics.push({ name: 'carbon_gate_baseline_median_grams', help: 'Median gated gCO2e of the default-branch baseline window.', kind: 'gauge', unit: 'g', points: one(med) });
  metrics.push({
    name: 'carbon_gate_verdict',
    help: 'The gate verdict of the job: 1 for the verdict it got, 0 for the others.',
    kind: 'gauge',
    unit: '1',
    points: VERDICTS.map((v) => ({ labels: { verdict: v }, value: r.verdict.status === v ? 1 : 0 })),
  });

  return {
    grouping,
    labels,
    metrics,
    resource: {
      repository: job.repository ?? '',
      workflow: job.workflow ?? '',
      job: job.job ?? job.label,
      ref: job.ref ?? '',
      sha: job.sha ?? '',
      repositoryUrl: repositoryUrl(job),
      runId: job.runId ?? '',
      runUrl: job.runUrl ?? '',
    },
  };
}

/**
 * The Pushgateway path of a grouping key: `/metrics/job/<job>/<label>/<value>…`. A value containing
 * `/`, or empty, goes base64url-encoded as `<label>@base64/<value>` (Pushgateway README, "URL").
 */
export function groupingPath(grouping: JobSeries['grouping']): string {
  return (
    '/metrics' +
    grouping
      .map(([k, v]) => {
        if (v === '' || v.includes('/')) return `/${k}@base64/${v === '' ? '=' : Buffer.from(v, 'utf8').toString('base64url')}`;
        return `/${k}/${encodeURIComponent(v)}`;
      })
      .join('')
  );
}
