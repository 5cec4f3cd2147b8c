// The steps lines of the PR comment: the top three steps by emissions, and every step whose delta
// against the median of its own baseline runs exceeds max-increase ("`npm test` +48 % CPU work"). Pure.
import type { CompareMetric, RunResult } from '../types.js';
import { co2e, percentDelta, share } from '../format.js';
import { stepDeltas, stepMetricWords } from '../steps/compare.js';
import { clip } from './escape.js';

/** A step name as inline code: one line, clipped, no backticks (a code span shows everything else literally). */
export function codeName(name: string): string {
  return `\`${clip(name.replace(/`/g, "'").replace(/\s+/g, ' '), 80) || 'step'}\``;
}

export function stepsCommentLines(result: RunResult, settings: { compareOn: CompareMetric; maxIncreasePercent: number | null }): string[] {
  const rows = (result.steps ?? []).filter((r) => r.kind === 'step');
  if (!rows.length) return [];
  const top = [...rows].sort((a, b) => b.totalGCo2e - a.totalGCo2e).slice(0, 3);
  const out = [`**Steps** (top ${top.length} of ${rows.length} by emissions): ${top.map((r) => `${codeName(r.name)} ${co2e(r.totalGCo2e)} (${share(r.share)})`).join(' · ')}`];
  const grew = stepDeltas(rows, result.baseline.records, settings.compareOn, settings.maxIncreasePercent).filter((d) => d.grew);
  if (grew.length) {
    const words = stepMetricWords(settings.compareOn);
    out.push('', `**Steps that grew** beyond max-increase (${settings.maxIncreasePercent} %) against their own baseline median:`);
    for (const d of grew.sort((a, b) => b.deltaPercent - a.deltaPercent).slice(0, 20)) out.push(`- ${codeName(d.name)} ${percentDelta(d.deltaPercent)} ${words} (median of ${d.runs} run${d.runs === 1 ? '' : 's'})`);
  }
  return out;
}
