// The sticky PR comment body. Pure: RunResult in, markdown out, never above maxChars (default 60,000;
// GitHub rejects comments above 65,536 characters).
import type { BaselineRecord, CompareMetric, RunResult } from '../types.js';
import { intensity, num, percentDelta } from '../format.js';
import { bandEmoji, deltaBand, median, metricOf } from '../verdict.js';
import { baselineStatusLine, baselineWindowTable, deltaLine, noiseRule, type BaselineSectionSettings, type RunLinkBase } from './baseline-section.js';
import { clip, escapeMarkdown, markerFor } from './escape.js';

export const COMMENT_MAX_CHARS = 60_000;
const TRUNCATION_NOTE = '\n\n_Comment truncated to stay within GitHub’s size limit; the full report is in the job summary and the artifact._\n';

export interface CommentBodyArgs {
  result: RunResult;
  settings: BaselineSectionSettings;
  links?: RunLinkBase;
  /** Marker key; default result.job.key. */
  markerKey?: string;
  maxChars?: number;
}

interface Row {
  label: string;
  current: number;
  metric: CompareMetric | 'duration';
}

function baselineMedian(records: readonly BaselineRecord[], metric: Row['metric']): number | null {
  if (records.length === 0) return null;
  return median(records.map((r) => (metric === 'duration' ? r.durationSeconds : metricOf(r, metric))));
}

function compactTable(result: RunResult, compareOn: CompareMetric): string {
  const rows: Row[] = [
    { label: 'gCO2e', current: result.emissions.gatedGCo2e, metric: 'gco2e' },
    { label: 'Energy (Wh)', current: result.energy.totalWh, metric: 'energy-wh' },
    { label: 'CPU-seconds', current: result.energy.treeCpuSeconds ?? result.energy.machineCpuSeconds, metric: 'cpu-seconds' },
    { label: 'Duration (s)', current: result.energy.durationSeconds, metric: 'duration' },
  ];
  const records = result.baseline.records;
  const lines = ['| | This run | Baseline median | Δ |', '|---|--:|--:|--:|'];
  for (const row of rows) {
    const med = baselineMedian(records, row.metric);
    let delta = '';
    if (med !== null && med > 0) {
      const p = ((row.current - med) / med) * 100;
      const e = bandEmoji(deltaBand(p));
      delta = `${percentDelta(p)}${e ? ' ' + e : ''}`;
    }
    const label = row.metric === compareOn ? `**${row.label}**` : row.label;
    lines.push(`| ${label} | ${num(row.current)} | ${med === null ? '—' : num(med)} | ${delta || '—'} |`);
  }
  for (const b of result.verdict.budget ?? []) {
    const unit = b.metric === 'gco2e' ? 'gCO2e' : 'Wh';
    lines.push(`| Budget (${unit}) | ${num(b.actual)} | limit ${num(b.limit)} | ${b.exceeded ? '🚨 exceeded' : '✅ within'} |`);
  }
  return lines.join('\n');
}

function runLine(result: RunResult): string {
  const j = result.job;
  const parts: string[] = [];
  const runLabel = `run ${escapeMarkdown(j.runId ?? '?')}${j.runAttempt && j.runAttempt > 1 ? ` (attempt ${j.runAttempt})` : ''}`;
  parts.push(j.runUrl && /^https?:\/\/[^\s()<>]+$/.test(j.runUrl) ? `[${runLabel}](${j.runUrl})` : runLabel);
  if (j.sha && /^[0-9a-f]{7,40}$/i.test(j.sha)) parts.push(`commit \`${j.sha.slice(0, 7)}\``);
  parts.push(`scope ${escapeMarkdown(result.energy.scope)}`);
  parts.push(`model ${escapeMarkdown(clip(result.model.label, 120))}`);
  parts.push(`grid ${intensity(result.emissions.intensity.gCo2ePerKwh, 4)} (${escapeMarkdown(clip(result.emissions.intensity.location, 80))})`);
  return parts.join(' · ');
}

function head(result: RunResult, marker: string): string[] {
  // The headline is the verdict's own text (numbers and fixed words), not user input.
  const out = [marker, `### 🌱 carbon-gate · ${escapeMarkdown(clip(result.job.label, 200))}`, '', `**${clip(result.verdict.headline, 300)}**`];
  return out;
}

/** Renders the comment; the first line is always the hidden marker. */
export function renderCommentBody(args: CommentBodyArgs): string {
  const { result, settings } = args;
  const maxChars = args.maxChars ?? COMMENT_MAX_CHARS;
  const marker = markerFor(args.markerKey ?? result.job.key);

  const main: string[] = [...head(result, marker), ''];
  const delta = deltaLine(result.verdict);
  main.push(delta ?? baselineStatusLine(result.baseline), '');
  main.push(compactTable(result, settings.compareOn), '');
  if (result.verdict.reasons.length > 0) {
    main.push(...result.verdict.reasons.slice(0, 10).map((r) => `- ${escapeMarkdown(clip(r, 500))}`), '');
  }
  if (result.quality.partial || result.quality.warnings.length > 0) {
    const w = result.quality.warnings.slice(0, 5).map((x) => escapeMarkdown(clip(x, 300)));
    main.push(`⚠️ ${result.quality.partial ? 'Partial measurement. ' : ''}${w.join('; ')}${result.quality.warnings.length > 5 ? ` (+${result.quality.warnings.length - 5} more)` : ''}`, '');
  }
  main.push(runLine(result), '');

  const details: string[] = [
    '<details><summary>Baseline window and regression rule</summary>',
    '',
    baselineStatusLine(result.baseline),
    '',
  ];
  if (result.baseline.records.length > 0) details.push(baselineWindowTable(result.baseline.records, { ...args.links, compareOn: settings.compareOn, maxRows: 50 }), '');
  details.push(noiseRule(settings), '', '</details>', '');

  const full = main.join('\n') + '\n' + details.join('\n');
  if (full.length <= maxChars) return full;
  const withoutDetails = main.join('\n') + TRUNCATION_NOTE;
  if (withoutDetails.length <= maxChars) return withoutDetails;
  // Still too long (absurd labels or reasons): hard cut on a line boundary, keep the marker.
  const budget = Math.max(marker.length + 1, maxChars - TRUNCATION_NOTE.length);
  let cut = main.join('\n').slice(0, budget);
  const nl = cut.lastIndexOf('\n');
  if (nl > marker.length) cut = cut.slice(0, nl);
  return (cut + TRUNCATION_NOTE).slice(0, maxChars);
}
