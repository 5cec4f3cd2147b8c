// Charts for the job summary: Mermaid xycharts (GitHub renders them in summaries and PR comments) or a
// text sparkline. Pure.
//
// Charts that tell the truth:
// - every y-axis starts at 0, so a 3 % wiggle looks like one;
// - the colours are set through Mermaid's theme variables (the init directive), because the default
//   palette's first colour (pale lavender) has about 1.2:1 contrast on white. The chosen colours have
//   at least 3:1 (WCAG 2.1 non-text contrast) on GitHub's light (#ffffff) and dark (#0d1117) backgrounds;
// - power is drawn as two stacked parts: memory (time-driven: it is paid for every second, whatever the
//   job does) below, and CPU + GPU (mostly work-driven) on top. Mermaid has no stacked bars: the total is
//   drawn first and the memory part over it, from the same zero line;
// - xychart has no legend, so each chart is followed by a one-line caption naming its colours.
import type { BaselineRecord, CompareMetric, PowerPoint } from '../types.js';
import { power, unitFor } from '../format.js';

/** How the summary draws its charts (the `chart` input). */
export type ChartMode = 'mermaid' | 'sparkline' | 'none';

const MAX_POINTS = 120;

/** GitHub's accessible blue, its muted grey and its orange (Primer fg.accent / fg.muted / severe). */
export const CHART_COLOURS = { primary: '#0969da', secondary: '#6e7781', accent: '#bc4c00' } as const;

export interface PowerBucket {
  tS: number;
  /** CPU + GPU power, W. */
  workWatts: number;
  /** Memory power, W. */
  memoryWatts: number;
}

/** Time-bucketed means, at most `max` points. */
export function downsample(series: PowerPoint[], max = MAX_POINTS): PowerBucket[] {
  const pts = series.map((p) => ({ tS: p.tS, workWatts: p.cpuWatts + p.gpuWatts, memoryWatts: p.ramWatts }));
  if (pts.length <= max) return pts;
  const out: PowerBucket[] = [];
  const per = pts.length / max;
  for (let i = 0; i < max; i++) {
    const slice = pts.slice(Math.floor(i * per), Math.floor((i + 1) * per));
    const mean = (f: (p: PowerBucket) => number): number => slice.reduce((s, p) => s + f(p), 0) / slice.length;
    out.push({ tS: slice[slice.length - 1].tS, workWatts: mean((p) => p.workWatts), memoryWatts: mean((p) => p.memoryWatts) });
  }
  return out;
}

const BARS = '▁▂▃▄▅▆▇█';

/** A sparkline scaled from 0 (not from the minimum), like the charts. */
export function sparkline(values: number[]): string {
  if (!values.length) return '';
  const hi = Math.max(...values);
  return values.map((v) => BARS[hi <= 0 ? 0 : Math.max(0, Math.min(7, Math.floor((v / hi) * 8)))]).join('');
}

/** The smallest 1, 2, 2.5 or 5 × 10^k at or above x (the top of an axis). */
export function niceCeiling(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const k = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * k >= x * (1 - 1e-12)) return Number((m * k).toPrecision(12));
  return 10 * k;
}

/** A number for Mermaid data: plain decimals, never exponent notation (toFixed never uses it below 1e21). */
function dataNumber(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toFixed(4))).replace(/e.*$/, '') : '0';
}

/** Axis-bound text: three significant digits at most, without exponent notation. */
function axisNumber(x: number): string {
  if (!(x >= 1e-4) || !Number.isFinite(x)) return '0';
  return String(Number(x.toFixed(Math.max(0, 2 - Math.floor(Math.log10(x)))))).replace(/e.*$/, '');
}

function initDirective(palette: string[]): string {
  return `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette.join(', ')}"}}}}%%`;
}

export function renderChart(series: PowerPoint[], mode: ChartMode): string {
  if (mode === 'none' || series.length < 2) return '';
  const pts = downsample(series);
  const total = pts.map((p) => p.workWatts + p.memoryWatts);
  if (mode === 'sparkline') {
    return `Power over time (0 – ${power(Math.max(...total))}): \`${sparkline(total)}\`\n`;
  }
  // Below 10 mW (only in synthetic runs) the axis reads in mW, so that it never rounds to a zero height.
  const [wUnit, k] = Math.max(...total) < 0.01 ? ['mW', 1000] : ['W', 1];
  const top = niceCeiling(Math.max(...total) * k * 1.05);
  const endS = pts[pts.length - 1].tS;
  const [unit, div] = endS > 7200 ? ['h', 3600] : endS > 120 ? ['min', 60] : ['s', 1];
  const memoryShare = total.reduce((s, x) => s + x, 0) > 0 ? pts.reduce((s, p) => s + p.memoryWatts, 0) / total.reduce((s, x) => s + x, 0) : 0;
  return [
    '```mermaid',
    initDirective([CHART_COLOURS.primary, CHART_COLOURS.secondary]),
    'xychart-beta',
    `  title "Power draw of the job (${wUnit})"`,
    `  x-axis "time (${unit})" 0 --> ${axisNumber(endS / div)}`,
    `  y-axis "${wUnit}" 0 --> ${axisNumber(top)}`,
    `  bar [${total.map((x) => dataNumber(x * k)).join(', ')}]`,
    `  bar [${pts.map((p) => dataNumber(p.memoryWatts * k)).join(', ')}]`,
    '```',
    '',
    `<sub>Blue: CPU and GPU power, driven by the work. Grey: memory power, driven by time (${Math.round(memoryShare * 100)} % of the energy here). The y-axis starts at 0.</sub>`,
    '',
  ].join('\n');
}

/** Bar label of a baseline run: its run id (digits only; anything else becomes its position). */
function runLabel(r: BaselineRecord, i: number): string {
  return /^\d{1,20}$/.test(r.runId) ? `#${r.runId}` : `run ${i + 1}`;
}

/**
 * The trend: one bar per run of the baseline window (oldest first) and this run, in the compare-on metric,
 * with the window's median as a line. This run's bar has its own colour.
 */
export function renderTrendChart(records: readonly BaselineRecord[], current: number, metric: CompareMetric, median: number): string {
  if (records.length === 0) return '';
  const value = (r: BaselineRecord): number => (metric === 'gco2e' ? r.gatedGCo2e : metric === 'energy-wh' ? r.energyWh : r.cpuSeconds);
  const window = [...records].sort((a, b) => a.wallMs - b.wallMs);
  const raw = [...window.map(value), current];
  const scale = metric === 'cpu-seconds' ? { factor: 1, unit: 'CPU-s' } : unitFor(Math.max(...raw), metric === 'gco2e' ? 'co2e' : 'energy');
  const v = raw.map((x) => x / scale.factor);
  const top = niceCeiling(Math.max(...v) * 1.05);
  const labels = [...window.map(runLabel), 'this run'].map((l) => `"${l}"`);
  const n = v.length;
  return [
    '```mermaid',
    initDirective([CHART_COLOURS.secondary, CHART_COLOURS.primary, CHART_COLOURS.accent]),
    'xychart-beta',
    `  title "Baseline window and this run (${scale.unit})"`,
    `  x-axis [${labels.join(', ')}]`,
    `  y-axis "${scale.unit}" 0 --> ${axisNumber(top)}`,
    `  bar [${v.map((x, i) => (i < n - 1 ? dataNumber(x) : '0')).join(', ')}]`,
    `  bar [${v.map((x, i) => (i === n - 1 ? dataNumber(x) : '0')).join(', ')}]`,
    `  line [${v.map(() => dataNumber(median / scale.factor)).join(', ')}]`,
    '```',
    '',
    '<sub>Grey: the baseline runs, oldest first. Blue: this run. Orange: the baseline median. The y-axis starts at 0.</sub>',
    '',
  ].join('\n');
}
