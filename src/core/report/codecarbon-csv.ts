// emissions.csv with exactly CodeCarbon 3.3's columns, in its order and with its meanings
// (mlco2/codecarbon @ b05965e4, codecarbon/output_methods/emissions_data.py; transcribed in
// ../shared/upstream-data/codecarbon/emissions-data-3.3.md). CodeCarbon's FileOutput appends to a file
// only when its header, as a set, equals these names, and otherwise moves the file to .bak: so nothing
// of ours goes here (our own columns are in carbon-gate.csv). Pure.
import type { RunResult } from '../types.js';
import { csvLine } from './csv.js';

export const CODECARBON_COLUMNS = [
  'timestamp', 'project_name', 'run_id', 'experiment_id', 'duration', 'emissions', 'emissions_rate',
  'cpu_power', 'gpu_power', 'ram_power', 'cpu_energy', 'gpu_energy', 'ram_energy', 'energy_consumed', 'water_consumed',
  'country_name', 'country_iso_code', 'region', 'cloud_provider', 'cloud_region', 'os', 'python_version', 'codecarbon_version',
  'cpu_count', 'cpu_model', 'gpu_count', 'gpu_model', 'longitude', 'latitude', 'ram_total_size', 'tracking_mode',
  'cpu_utilization_percent', 'gpu_utilization_percent', 'ram_utilization_percent', 'ram_used_gb', 'on_cloud', 'pue', 'wue',
] as const;
export type CodecarbonColumn = (typeof CODECARBON_COLUMNS)[number];

/**
 * Water-usage effectiveness, L/kWh. No source carbon-gate ships gives one for the runner's data
 * centre, so water is 0 with wue 0, CodeCarbon's own default (METHODOLOGY §5).
 */
export const WUE_LITRES_PER_KWH = 0;

/** CodeCarbon's "GB" is bytes / 1024³ (B_TO_GB = 1024 * 1024 * 1024 in codecarbon/external/hardware.py). */
const CODECARBON_GB = 1024 ** 3;

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * CodeCarbon's timestamp: `datetime.now().strftime("%Y-%m-%dT%H:%M:%S")`, local time without zone or
 * fraction. `offsetMinutes` is the local offset from UTC (east positive), so the function stays pure.
 */
export function codecarbonTimestamp(wallMs: number, offsetMinutes: number): string {
  const d = new Date(Math.floor(wallMs / 1000) * 1000 + offsetMinutes * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** The local UTC offset at a moment, east positive (the adapter's default for codecarbonTimestamp). */
export const localOffsetMinutes = (wallMs: number): number => -new Date(wallMs).getTimezoneOffset();

/** Python's platform.platform() shape: "Linux-6.1.0-x86_64", "macOS-14.0-arm64", "Windows-10.0.26100-AMD64". */
function platformString(os: string, release: string, arch: string): string {
  const sys = os === 'linux' ? 'Linux' : os === 'darwin' ? 'macOS' : os === 'win32' ? 'Windows' : os;
  const machine =
    os === 'win32' ? (arch === 'x64' ? 'AMD64' : arch === 'arm64' ? 'ARM64' : arch) : arch === 'x64' ? 'x86_64' : arch === 'arm64' && os === 'linux' ? 'aarch64' : arch;
  return `${sys}-${release}-${machine}`;
}

export function codecarbonRow(r: RunResult, offsetMinutes: number): Record<CodecarbonColumn, string | number> {
  const e = r.energy;
  const em = r.emissions;
  const d = e.durationSeconds;
  const place = em.intensity.place ?? {};
  const pue = em.pue;
  // CodeCarbon multiplies each measured energy by the PUE before writing (energy *= pue).
  const kwh = (whAtMachine: number): number => (whAtMachine / 1000) * pue;
  const energyKwh = kwh(e.cpuWh) + kwh(e.ramWh) + kwh(e.gpuWh);
  const emissionsKg = em.operationalGCo2e / 1000;
  const tree = e.scope === 'process-tree' && e.avgTreeUtil !== null;
  const memTotal = e.avgMemoryTotalBytes ?? r.hardware.memoryBytes;
  return {
    timestamp: codecarbonTimestamp(r.endedWallMs, offsetMinutes),
    project_name: r.job.repository ?? 'carbon-gate',
    run_id: r.job.runId ?? '',
    experiment_id: r.job.key,
    duration: d,
    emissions: emissionsKg,
    emissions_rate: d > 0 ? emissionsKg / d : 0,
    cpu_power: e.avgCpuWatts,
    gpu_power: e.avgGpuWatts,
    ram_power: e.avgRamWatts,
    cpu_energy: kwh(e.cpuWh),
    gpu_energy: kwh(e.gpuWh),
    ram_energy: kwh(e.ramWh),
    energy_consumed: energyKwh,
    water_consumed: energyKwh * WUE_LITRES_PER_KWH,
    country_name: place.countryName ?? '',
    country_iso_code: place.countryIso3 ?? '',
    // CodeCarbon's region is a state, province or city; no shipped table names one for a cloud region.
    region: '',
    cloud_provider: place.cloudProvider ?? r.model.provider ?? '',
    cloud_region: place.cloudRegion ?? '',
    os: platformString(r.hardware.os, r.hardware.osRelease, r.hardware.arch),
    python_version: '',
    codecarbon_version: '',
    cpu_count: r.model.vcpus,
    cpu_model: r.hardware.cpuModel,
    gpu_count: e.gpuCount,
    gpu_model: e.gpuModels.join('; '),
    longitude: '',
    latitude: '',
    ram_total_size: r.hardware.memoryBytes / CODECARBON_GB,
    // CodeCarbon: "machine" measures the whole machine, "process" the tracked process (and children).
    tracking_mode: e.scope === 'process-tree' ? 'process' : 'machine',
    cpu_utilization_percent: (tree ? (e.avgTreeUtil as number) : e.avgMachineUtil) * 100,
    gpu_utilization_percent: (e.avgGpuUtil ?? 0) * 100,
    ram_utilization_percent: e.avgMemoryUsedBytes !== undefined && memTotal > 0 ? (e.avgMemoryUsedBytes / memTotal) * 100 : 0,
    ram_used_gb: (e.avgMemoryUsedBytes ?? 0) / CODECARBON_GB,
    on_cloud: place.cloudProvider || r.model.provider ? 'Y' : 'N',
    pue,
    wue: WUE_LITRES_PER_KWH,
  };
}

/** Header and one row; `offsetMinutes` defaults to the local zone, as CodeCarbon's datetime.now(). */
export function emissionsCsv(r: RunResult, offsetMinutes = localOffsetMinutes(r.endedWallMs)): string {
  const row = codecarbonRow(r, offsetMinutes);
  return csvLine([...CODECARBON_COLUMNS]) + csvLine(CODECARBON_COLUMNS.map((c) => row[c]));
}
