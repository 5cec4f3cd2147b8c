// CSV fields and samples.csv (emissions.csv: codecarbon-csv.ts; carbon-gate.csv: carbon-gate-csv.ts). Pure.
import type { PowerPoint, Sample } from '../types.js';

/** RFC 4180 field: quoted when it holds a comma, quote or line break; formula-leading characters defused. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: unknown[]): string => cells.map(csvField).join(',') + '\n';

export const SAMPLES_COLUMNS = [
  'time_s', 'timestamp', 'machine_cpu_util', 'tree_cpu_util', 'tree_cpu_seconds', 'tree_processes', 'tree_rss_bytes',
  'memory_used_bytes', 'cpu_watts', 'ram_watts', 'gpu_watts', 'gpu_count',
];

export const samplesCsvHeader = (): string => csvLine(SAMPLES_COLUMNS);

/** Rounds to `d` decimals without string formatting (the hot path of samples.csv). */
const round = (x: number, d: number): number => {
  const f = 10 ** d;
  return Math.round(x * f) / f;
};
let minuteKey = NaN;
let minutePrefix = '';
/** ISO 8601 UTC with milliseconds, like Date#toISOString, reusing the 'YYYY-MM-DDTHH:MM:' prefix within a minute. */
export function isoTimestamp(ms: number): string {
  const key = Math.floor(ms / 60000);
  if (key !== minuteKey) {
    minuteKey = key;
    minutePrefix = new Date(key * 60000).toISOString().slice(0, 17);
  }
  const msInMinute = ms - key * 60000;
  const secs = Math.floor(msInMinute / 1000);
  const milli = Math.floor(msInMinute - secs * 1000);
  return `${minutePrefix}${secs < 10 ? '0' : ''}${secs}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

const cell = (x: number | undefined | null): string => (x === undefined || x === null || !Number.isFinite(x) ? '' : String(x));

/**
 * One samples.csv row. Every cell is a number except the ISO timestamp, which holds no character that
 * needs quoting, so the row is built directly (a 6 h job at 10 Hz writes 216,000 rows).
 */
export function samplesCsvRow(p: PowerPoint, s: Sample): string {
  const t = s.tree;
  return (
    `${round(p.tS, 3)},${isoTimestamp(s.wallMs)},${round(p.machineUtil, 4)},${p.treeUtil === null ? '' : round(p.treeUtil, 4)},` +
    `${t ? round(t.cpuSeconds, 2) : ''},${cell(t?.processes)},${cell(t?.rssBytes)},${cell(s.mem.totalBytes - s.mem.availableBytes)},` +
    `${round(p.cpuWatts, 4)},${round(p.ramWatts, 4)},${round(p.gpuWatts, 4)},${s.gpu?.length ?? 0}\n`
  );
}
