// emissions.csv (CodeCarbon's column names where they apply, plus our own) and samples.csv. Pure.
import type { PowerPoint, RunResult, Sample } from '../types.js';

/** RFC 4180 field: quoted when it holds a comma, quote or line break; formula-leading characters defused. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: unknown[]): string => cells.map(csvField).join(',') + '\n';

export const EMISSIONS_COLUMNS = [
  // CodeCarbon emissions.csv columns (units as CodeCarbon: kg, kWh, W, s)
  'timestamp', 'project_name', 'run_id', 'duration', 'emissions', 'emissions_rate',
  'cpu_power', 'gpu_power', 'ram_power', 'cpu_energy', 'gpu_energy', 'ram_energy', 'energy_consumed',
  'country_name', 'country_iso_code', 'region', 'cloud_provider', 'cloud_region', 'os', 'python_version', 'codecarbon_version',
  'cpu_count', 'cpu_model', 'gpu_count', 'gpu_model', 'longitude', 'latitude', 'ram_total_size', 'tracking_mode', 'on_cloud', 'pue',
  // carbon-gate additions
  'operational_gco2e', 'embodied_gco2e', 'total_gco2e', 'gated_gco2e', 'energy_wh', 'carbon_intensity_gco2e_per_kwh', 'intensity_source',
  'power_model', 'scope', 'tree_cpu_seconds', 'machine_cpu_seconds', 'samples', 'partial', 'verdict', 'job', 'sha', 'ref', 'tool_version',
] as const;

export function emissionsCsv(r: RunResult): string {
  const e = r.energy;
  const em = r.emissions;
  const d = e.durationSeconds;
  const loc = em.intensity.location;
  const cloudRegion = /^(aws|azure|gcp):/.test(loc) ? loc.split(':')[1] : '';
  const country = loc.startsWith('country:') ? loc.slice(8) : '';
  const row: Record<(typeof EMISSIONS_COLUMNS)[number], unknown> = {
    timestamp: new Date(r.endedWallMs).toISOString(),
    project_name: r.job.repository ?? 'carbon-gate',
    run_id: r.job.runId ?? '',
    duration: d,
    emissions: em.totalGCo2e / 1000,
    emissions_rate: d > 0 ? em.totalGCo2e / 1000 / d : 0,
    cpu_power: e.avgCpuWatts,
    gpu_power: e.avgGpuWatts,
    ram_power: e.avgRamWatts,
    cpu_energy: e.cpuWh / 1000,
    gpu_energy: e.gpuWh / 1000,
    ram_energy: e.ramWh / 1000,
    energy_consumed: e.totalWh / 1000,
    country_name: '',
    country_iso_code: country,
    region: cloudRegion || loc,
    cloud_provider: r.model.provider ?? '',
    cloud_region: cloudRegion,
    os: `${r.hardware.os} ${r.hardware.osRelease}`,
    python_version: '',
    codecarbon_version: '',
    cpu_count: r.model.vcpus,
    cpu_model: r.hardware.cpuModel,
    gpu_count: e.gpuCount,
    gpu_model: e.gpuModels.join('; '),
    longitude: '',
    latitude: '',
    ram_total_size: r.hardware.memoryBytes / 2 ** 30,
    tracking_mode: e.scope === 'process-tree' ? 'process' : 'machine',
    on_cloud: r.model.provider ? 'Y' : 'N',
    pue: em.pue,
    operational_gco2e: em.operationalGCo2e,
    embodied_gco2e: em.embodiedGCo2e,
    total_gco2e: em.totalGCo2e,
    gated_gco2e: em.gatedGCo2e,
    energy_wh: e.totalWh,
    carbon_intensity_gco2e_per_kwh: em.intensity.gCo2ePerKwh,
    intensity_source: em.intensity.source,
    power_model: r.model.label,
    scope: e.scope,
    tree_cpu_seconds: e.treeCpuSeconds,
    machine_cpu_seconds: e.machineCpuSeconds,
    samples: e.samples,
    partial: r.quality.partial,
    verdict: r.verdict.status,
    job: r.job.label,
    sha: r.job.sha ?? '',
    ref: r.job.ref ?? '',
    tool_version: r.tool.version,
  };
  return csvLine([...EMISSIONS_COLUMNS]) + csvLine(EMISSIONS_COLUMNS.map((c) => row[c]));
}

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
