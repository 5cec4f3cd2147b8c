// The Steps section of the job summary: a table sorted by emissions with a text bar for the share,
// and a Mermaid gantt of the steps over time. Pure.
import type { StepRow } from '../steps/types.js';
import { escapeMarkdown } from './escape.js';
import { co2e, cpuSeconds, duration, energy, share } from '../format.js';
import { mdTable } from './table.js';

const BAR_WIDTH = 10;
/** Rows listed in the table; the rest are summed in one line (the CSV and JSON have them all). */
const MAX_ROWS = 40;

/** A bar of `width` cells for a share in 0..1 (█ full, ▏…▉ partial). */
export function shareBar(share: number, width = BAR_WIDTH): string {
  const cells = Math.max(0, Math.min(1, Number.isFinite(share) ? share : 0)) * width;
  const full = Math.floor(cells);
  const part = ' ▏▎▍▌▋▊▉'[Math.floor((cells - full) * 8)];
  return ('█'.repeat(full) + (full < width ? part : '')).trimEnd() || '▏';
}

const byEmissions = (a: StepRow, b: StepRow): number => b.totalGCo2e - a.totalGCo2e || a.name.localeCompare(b.name);

export function renderStepsTable(rows: StepRow[]): string {
  const sorted = [...rows].sort(byEmissions);
  const shown = sorted.slice(0, MAX_ROWS);
  const body = shown.map((r) => {
    const name = r.kind === 'outside' ? '*outside steps*' : escapeMarkdown(r.name);
    return [name, duration(r.durationSeconds), cpuSeconds(r.cpuSeconds), energy(r.totalWh), co2e(r.totalGCo2e), `\`${shareBar(r.share)}\` ${share(r.share)}`];
  });
  if (sorted.length > shown.length) {
    const rest = sorted.slice(MAX_ROWS);
    const g = rest.reduce((a, r) => a + r.totalGCo2e, 0);
    body.push([`… ${rest.length} more steps`, '', '', '', co2e(g), '']);
  }
  return mdTable(['Step', 'Duration', 'CPU', 'Energy', 'Emissions', 'Share'], body, ['l', 'r', 'r', 'r', 'r', 'l']);
}

/** Mermaid gantt text: a step name may not hold ':' or '#' or ';' (they end the task), nor line breaks. */
function ganttLabel(name: string): string {
  return name.replace(/[:#;\n\r]/g, ' ').replace(/[<>"`]/g, "'").slice(0, 60).trim() || 'step';
}

export function renderStepsGantt(rows: StepRow[]): string {
  const steps = rows.filter((r) => r.kind === 'step' && r.startedWallMs !== null && r.endedWallMs !== null).slice(0, MAX_ROWS);
  if (!steps.length) return '';
  const t0 = Math.min(...steps.map((r) => r.startedWallMs as number));
  const out = ['```mermaid', 'gantt', '  title Steps over time (seconds from the first step)', '  dateFormat x', '  axisFormat %M:%S'];
  steps.forEach((r, i) => {
    const from = (r.startedWallMs as number) - t0;
    const to = Math.max(from + 1, (r.endedWallMs as number) - t0);
    out.push(`  ${ganttLabel(r.name)} (${co2e(r.totalGCo2e)}) :s${i}, ${from}, ${to}`);
  });
  out.push('```');
  return out.join('\n') + '\n';
}

/** Where the names came from, for the note under the table: the Jobs API, the runner without it, or the CLI. */
export type StepNaming = 'api' | 'runner' | 'cli';

export function renderStepsSection(rows: StepRow[] | undefined, opts: { gantt?: boolean; naming?: StepNaming } = {}): string {
  if (!rows?.length) return '';
  const parts = ['### Steps\n', renderStepsTable(rows)];
  const outside = rows.find((r) => r.kind === 'outside');
  const naming = opts.naming ?? (rows.some((r) => r.nameSource === 'api') ? 'api' : 'runner');
  const names = {
    api: 'Names from the Jobs API.',
    runner: 'Names as seen on the runner (grant `actions: read` for the step names of the workflow).',
    cli: 'Steps are the direct children of the command.',
  }[naming];
  const outsideWhat = naming === 'cli' ? 'the command itself and what ran between its children' : "the runner's own work, gaps between steps and carbon-gate's post";
  parts.push(
    `\n<sub>Each step's CPU is exact (kernel counters of its processes); its energy is the work-driven part split by CPU and the time-driven part by time. ` +
      `${names}${outside ? ` *Outside steps*: ${outsideWhat}.` : ''}</sub>\n`,
  );
  if (opts.gantt !== false) {
    const g = renderStepsGantt(rows);
    if (g) parts.push(`\n${g}`);
  }
  return parts.join('');
}
