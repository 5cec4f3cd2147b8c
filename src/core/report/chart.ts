// Power-over-time chart: a Mermaid xychart (renders in job summaries and PR comments) or a text sparkline.
import { power } from '../format.js';
import type { PowerPoint } from '../types.js';
import type { ChartMode } from '../../settings/settings.js';

const MAX_POINTS = 120;

/** Time-bucketed means of total power, at most `max` points. */
export function downsample(series: PowerPoint[], max = MAX_POINTS): { tS: number; watts: number }[] {
  const pts = series.map((p) => ({ tS: p.tS, watts: p.cpuWatts + p.ramWatts + p.gpuWatts }));
  if (pts.length <= max) return pts;
  const out: { tS: number; watts: number }[] = [];
  const per = pts.length / max;
  for (let i = 0; i < max; i++) {
    const slice = pts.slice(Math.floor(i * per), Math.floor((i + 1) * per));
    out.push({ tS: slice[slice.length - 1].tS, watts: slice.reduce((s, p) => s + p.watts, 0) / slice.length });
  }
  return out;
}

const BARS = '▁▂▃▄▅▆▇█';

export function sparkline(values: number[]): string {
  if (!values.length) return '';
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return values.map((v) => BARS[hi === lo ? 0 : Math.min(7, Math.floor(((v - lo) / (hi - lo)) * 8))]).join('');
}

export function renderChart(series: PowerPoint[], mode: ChartMode): string {
  if (mode === 'none' || series.length < 2) return '';
  const pts = downsample(series);
  const w = pts.map((p) => p.watts);
  if (mode === 'sparkline') {
    return `Power over time (${power(Math.min(...w))} – ${power(Math.max(...w))}): \`${sparkline(w)}\`\n`;
  }
  let lo = Math.min(...w);
  let hi = Math.max(...w);
  // Mermaid rejects a zero-height axis: widen a flat series.
  if (hi - lo < 0.5) {
    lo = Math.max(0, lo - 0.5);
    hi = hi + 0.5;
  }
  const endS = pts[pts.length - 1].tS;
  const [unit, div] = endS > 7200 ? ['h', 3600] : endS > 120 ? ['min', 60] : ['s', 1];
  return [
    '```mermaid',
    'xychart-beta',
    '  title "Power draw of the job (W)"',
    `  x-axis "time (${unit})" 0 --> ${Number((endS / div).toFixed(1))}`,
    `  y-axis "W" ${Math.floor(lo * 10) / 10} --> ${Math.ceil(hi * 10) / 10}`,
    `  line [${w.map((x) => x.toFixed(2)).join(', ')}]`,
    '```',
    '',
  ].join('\n');
}
