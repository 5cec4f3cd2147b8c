// The baseline part of the job summary (and of the PR comment's details): the delta vs the baseline
// median with its band, the window as a table, and the regression rule in words. Pure.
import type { BaselineRecord, CompareMetric, FailOn, RunResult, Verdict } from '../types.js';
import { cpuSeconds, co2e, duration, energy, percentDelta } from '../format.js';
import { bandEmoji, metricOf, metricText } from '../verdict.js';
import type { ChartMode } from './chart.js';
import { renderTrendChart } from './chart.js';
import { baselineName } from './verdict-line.js';
import { mdTable } from './table.js';
import { escapeMarkdown } from './escape.js';

export interface BaselineSectionSettings {
  maxIncreasePercent: number | null;
  minBaselineRuns: number;
  compareOn: CompareMetric;
  failOn: FailOn;
  baselineWindow: number;
}

export interface RunLinkBase {
  /** e.g. https://github.com */
  serverUrl?: string;
  /** owner/name */
  repository?: string;
}

const METRIC_LABEL: Record<CompareMetric, string> = { gco2e: 'gCO2e', 'energy-wh': 'energy (Wh)', 'cpu-seconds': 'CPU-seconds' };

/** The regression (noise) rule in words, with the actual settings filled in. */
export function noiseRule(s: BaselineSectionSettings): string {
  const metric = METRIC_LABEL[s.compareOn];
  const window = `the last ${s.baselineWindow} default-branch run${s.baselineWindow === 1 ? '' : 's'}`;
  if (s.maxIncreasePercent === null) {
    return `This run's ${metric} is compared with the median of ${window}. No \`max-increase\` is set, so the difference is reported but never flagged as a regression.`;
  }
  const gate =
    s.failOn === 'regression' || s.failOn === 'any'
      ? `A regression fails the build (fail-on: ${s.failOn}) once the window holds at least ${s.minBaselineRuns} run${s.minBaselineRuns === 1 ? '' : 's'} (min-baseline-runs); with fewer it only warns.`
      : `A regression only warns (fail-on: ${s.failOn}).`;
  return (
    `This run and each run of the window are priced alike: at the newest baseline run's model, PUE and grid intensity, over their wall time less the time measured contention explains (a slower runner is not the code). ` +
    `A regression is flagged when this run's ${metric} is more than ${s.maxIncreasePercent} % above the median of ${window} ` +
    `**and** above the window's 97.5 % prediction bound (what its own spread predicts for unchanged code, the spread taken as at least 3 %). A run within that bound counts as noise, however large the percentage. ` +
    gate
  );
}

/** "Baseline: median 3.8 mg CO2e of main's last 5 runs (spread 3.5 mg CO2e – 4.1 mg CO2e).", or null without a comparison. */
export function deltaLine(verdict: Verdict, records: readonly BaselineRecord[] = []): string | null {
  const r = verdict.regression;
  if (!r) return null;
  const t = (x: number): string => metricText(r.metric, x);
  const emoji = bandEmoji(r.band);
  const of = records.length ? `${baselineName(records)}’s last ${r.runs} run${r.runs === 1 ? '' : 's'}` : `${r.runs} baseline run${r.runs === 1 ? '' : 's'}`;
  return (
    `Baseline: median ${t(r.median)} of ${of} (spread ${t(r.spreadLow)} – ${t(r.spreadHigh)}${r.predictedHigh !== undefined ? `, prediction bound ${t(r.predictedHigh)}` : ''}); this run ${percentDelta(r.deltaPercent)}${emoji ? ' ' + emoji : ''}` +
    `${r.flagged ? ' — **regression**' : ''}.`
  );
}

/** "What drove the delta: CPU work +84 %, wall time +96 % (runner 41 % slower), same grid." plus what changed, or []. */
export function driverLines(verdict: Verdict): string[] {
  const c = verdict.regression?.comparison;
  if (!c) return [];
  const out = [`What drove the delta: ${escapeMarkdown(c.drivers)}.`];
  if (c.changes.length) out.push(`Not counted: ${c.changes.map((x) => escapeMarkdown(x)).join('; ')}.`);
  if (c.legacyRecords > 0) out.push(`${c.legacyRecords} window run(s) predate stored terms: priced from their CPU-seconds and duration, without a contention figure.`);
  return out;
}

function runCell(rec: BaselineRecord, links: RunLinkBase): string {
  const label = `${escapeMarkdown(rec.runId)}${rec.runAttempt > 1 ? ` (attempt ${rec.runAttempt})` : ''}`;
  if (links.serverUrl && links.repository && /^\d+$/.test(rec.runId) && /^[\w.-]+\/[\w.-]+$/.test(links.repository) && /^https?:\/\/[^\s()<>]+$/.test(links.serverUrl)) {
    return `[${label}](${links.serverUrl.replace(/\/+$/, '')}/${links.repository}/actions/runs/${rec.runId})`;
  }
  return label;
}

function dateOf(wallMs: number): string {
  if (!Number.isFinite(wallMs)) return '';
  const d = new Date(wallMs);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/**
 * The window as a markdown table, newest first. `maxRows` bounds the size; the compare-on metric column
 * is marked.
 */
export function baselineWindowTable(records: readonly BaselineRecord[], opts: RunLinkBase & { compareOn?: CompareMetric; maxRows?: number } = {}): string {
  const rows = [...records].sort((a, b) => b.wallMs - a.wallMs).slice(0, opts.maxRows ?? 50);
  const mark = (m: CompareMetric, label: string): string => (opts.compareOn === m ? `**${label}**` : label);
  const header = ['Run', 'Commit', 'Date', mark('gco2e', 'CO2e'), mark('energy-wh', 'Energy'), mark('cpu-seconds', 'CPU time'), 'Duration'];
  const cells = rows.map((r) => {
    const sha = /^[0-9a-f]{7,40}$/i.test(r.sha) ? `\`${r.sha.slice(0, 7)}\`` : escapeMarkdown(r.sha.slice(0, 12));
    return [runCell(r, opts), sha, dateOf(r.wallMs), co2e(metricOf(r, 'gco2e')), energy(r.energyWh), cpuSeconds(r.cpuSeconds), duration(r.durationSeconds)];
  });
  let text = mdTable(header, cells, ['l', 'l', 'l', 'r', 'r', 'r', 'r']).trimEnd();
  if (records.length > rows.length) text += `\n\n_${records.length - rows.length} older run(s) not shown._`;
  return text;
}

/** One sentence on where the baseline stands (found / none / unavailable / disabled). */
export function baselineStatusLine(baseline: RunResult['baseline']): string {
  switch (baseline.status) {
    case 'found':
      return `Baseline: ${baseline.records.length} default-branch run${baseline.records.length === 1 ? '' : 's'} in the window.`;
    case 'none':
      return 'No baseline yet: baselines are saved by pushes to the default branch (and `baseline-branches`), never by pull requests.';
    case 'unavailable':
      return `No baseline: the Actions cache was unavailable${baseline.note ? ` (${escapeMarkdown(baseline.note)})` : ''}. The gate used budgets only.`;
    case 'disabled':
      return 'Baseline comparison is off (`baseline: false`).';
  }
}

/** The whole baseline section of the job summary: the median and spread, the trend chart, and (folded) the window and the rule. */
export function renderBaselineSection(args: { verdict: Verdict; baseline: RunResult['baseline']; settings: BaselineSectionSettings; links?: RunLinkBase; chart?: ChartMode }): string {
  const out: string[] = ['### Against the baseline', ''];
  const r = args.verdict.regression;
  out.push(deltaLine(args.verdict, args.baseline.records) ?? baselineStatusLine(args.baseline));
  const drivers = driverLines(args.verdict);
  if (drivers.length) out.push('', drivers.join(' '));
  if (r && args.baseline.records.length > 0 && (args.chart ?? 'mermaid') === 'mermaid') {
    out.push('', renderTrendChart(args.baseline.records, r.current, r.metric, r.median).trimEnd());
  }
  out.push('', '<details><summary>Baseline window and regression rule</summary>', '');
  if (args.baseline.records.length > 0) out.push(baselineWindowTable(args.baseline.records, { ...args.links, compareOn: args.settings.compareOn }), '');
  out.push(`**Regression rule.** ${noiseRule(args.settings)}`, '', '</details>');
  return out.join('\n') + '\n';
}
