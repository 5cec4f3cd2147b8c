// The sticky PR comment body. Pure: RunResult in, markdown out, never above maxChars (default 60,000;
// GitHub rejects comments above 65,536 characters).
//
// Layout: the hidden marker (invisible), then one heading line that holds the verdict (job, icon, amount,
// budget and headroom, absolute and relative delta vs the baseline), a compact table where only the
// metric that gates carries 🚨/⚠️/✅ and the others ▲/▼, notes, links to the job and the artifact,
// folded details, and a one-line footer.
import type { BaselineRecord, CompareMetric, RunResult } from '../types.js';
import { duration } from '../format.js';
import { bandEmoji, deltaBand, median, metricOf, metricText } from '../verdict.js';
import { baselineStatusLine, baselineWindowTable, driverLines, noiseRule, type BaselineSectionSettings, type RunLinkBase } from './baseline-section.js';
import { clip, escapeMarkdown, markerFor } from './escape.js';
import { jobTitle } from './summary.js';
import { mdTable } from './table.js';
import { baselineName, deltaText, gates, verdictLine } from './verdict-line.js';
import { stepsCommentLines } from './steps-comment.js';

export const COMMENT_MAX_CHARS = 60_000;
const TRUNCATION_NOTE = '\n\n_Comment truncated to stay within GitHub’s size limit; the full report is in the job summary and the artifact._\n';

export interface CommentLinks extends RunLinkBase {
  /** The uploaded artifact, with the link built from the id the upload returned. */
  artifact?: { name: string; url?: string };
}

export interface CommentBodyArgs {
  result: RunResult;
  settings: BaselineSectionSettings;
  links?: CommentLinks;
  /** Marker key; default result.job.key. */
  markerKey?: string;
  maxChars?: number;
}

type RowMetric = CompareMetric | 'duration';

const ROWS: { label: string; metric: RowMetric }[] = [
  { label: 'CO2e', metric: 'gco2e' },
  { label: 'Energy', metric: 'energy-wh' },
  { label: 'CPU time', metric: 'cpu-seconds' },
  { label: 'Duration', metric: 'duration' },
];

const valueOf = (rec: BaselineRecord, m: RowMetric): number => (m === 'duration' ? rec.durationSeconds : metricOf(rec, m));
const textOf = (m: RowMetric, x: number): string => (m === 'duration' ? duration(x) : metricText(m, x));

function current(result: RunResult, m: RowMetric): number {
  switch (m) {
    case 'gco2e':
      return result.emissions.gatedGCo2e;
    case 'energy-wh':
      return result.energy.totalWh;
    case 'cpu-seconds':
      return result.energy.treeCpuSeconds ?? result.energy.machineCpuSeconds;
    case 'duration':
      return result.energy.durationSeconds;
  }
}

const isSafeUrl = (u: string | undefined): u is string => !!u && /^https?:\/\/[^\s()<>]+$/.test(u);

/** This run vs the baseline median per metric; the gating metric gets the band emoji, the others ▲/▼. */
function compactTable(result: RunResult, s: BaselineSectionSettings): string {
  const records = result.baseline.records;
  const gating: RowMetric | null = gates(result.verdict, s) && result.verdict.regression ? s.compareOn : null;
  const rows = ROWS.map(({ label, metric }) => {
    const now = current(result, metric);
    const med = records.length ? median(records.map((r) => valueOf(r, metric))) : null;
    let delta = '—';
    if (med !== null && med > 0) {
      const p = ((now - med) / med) * 100;
      const d = metric === 'duration' ? deltaText('cpu-seconds', now, med, p).replace(' CPU-s', ' s') : deltaText(metric, now, med, p);
      const mark = metric === gating ? bandEmoji(deltaBand(p)) : now > med ? '▲' : now < med ? '▼' : '';
      delta = mark ? `${d} ${mark}` : d;
    }
    const name = metric === s.compareOn ? `**${label}**` : label;
    return [name, textOf(metric, now), med === null ? '—' : textOf(metric, med), delta];
  });
  return mdTable(['', 'This run', records.length ? `${escapeMarkdown(baselineName(records))} median` : 'Baseline median', 'Δ'], rows, ['l', 'r', 'r', 'r']).trimEnd();
}

function linksLine(result: RunResult, links: CommentLinks | undefined): string {
  const parts: string[] = [];
  const j = result.job;
  if (isSafeUrl(j.jobUrl)) parts.push(`[job summary](${j.runUrl && isSafeUrl(j.runUrl) ? `${j.runUrl}#summary-${j.jobUrl.split('/').pop()}` : j.jobUrl}) · [job log](${j.jobUrl})`);
  else if (isSafeUrl(j.runUrl)) parts.push(`[job summary](${j.runUrl})`);
  const a = links?.artifact;
  if (a) {
    const name = `\`${a.name.replace(/`/g, "'")}\``;
    parts.push(isSafeUrl(a.url) ? `artifact [${name}](${a.url})` : `artifact ${name}`);
  }
  return parts.length ? `Full report: ${parts.join(' · ')}` : '';
}

function footer(result: RunResult): string {
  const j = result.job;
  const commit = j.sha && /^[0-9a-f]{7,40}$/i.test(j.sha) ? ` · commit \`${j.sha.slice(0, 7)}\`` : '';
  const attempt = j.runAttempt && j.runAttempt > 1 ? ` (attempt ${j.runAttempt})` : '';
  return `<sub>carbon-gate ${escapeMarkdown(result.tool.version)}${commit}${attempt} · ${escapeMarkdown(clip(result.model.label, 80))} · grid ${escapeMarkdown(clip(result.emissions.intensity.location, 40))}</sub>`;
}

/** Renders the comment; the first line is always the hidden marker, the second the verdict. */
export function renderCommentBody(args: CommentBodyArgs): string {
  const { result, settings } = args;
  const maxChars = args.maxChars ?? COMMENT_MAX_CHARS;
  const marker = markerFor(args.markerKey ?? result.job.key);

  // The verdict line is built from numbers and fixed words; the job label is escaped.
  const main: string[] = [marker, `#### 🌱 ${jobTitle(clip(result.job.label, 200))}: ${escapeMarkdown(verdictLine(result, settings))}`, ''];
  const drivers = driverLines(result.verdict);
  if (drivers.length) main.push(drivers.join(' '), '');
  if (result.verdict.status !== 'pass' && result.verdict.reasons.length > 0) {
    main.push(...result.verdict.reasons.slice(0, 5).map((r) => `- ${escapeMarkdown(clip(r, 500))}`), '');
  }
  if (result.baseline.records.length > 0) main.push(compactTable(result, settings), '');
  const steps = stepsCommentLines(result, settings);
  if (steps.length) main.push(...steps, '');
  if (result.quality.partial || result.quality.warnings.length > 0) {
    const w = result.quality.warnings.slice(0, 3).map((x) => escapeMarkdown(clip(x, 300)));
    main.push(`⚠️ ${result.quality.partial ? 'Partial measurement. ' : ''}${w.join('; ')}${result.quality.warnings.length > 3 ? ` (+${result.quality.warnings.length - 3} more in the job summary)` : ''}`, '');
  }
  const links = linksLine(result, args.links);
  if (links) main.push(links, '');

  const details: string[] = ['<details><summary>Baseline window and regression rule</summary>', '', baselineStatusLine(result.baseline), ''];
  if (result.baseline.records.length > 0) details.push(baselineWindowTable(result.baseline.records, { ...args.links, compareOn: settings.compareOn, maxRows: 50 }), '');
  details.push(noiseRule(settings), '', '</details>', '');
  const end = footer(result) + '\n';

  const full = main.join('\n') + '\n' + details.join('\n') + end;
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
