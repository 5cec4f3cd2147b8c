// carbon-gate.csv: what carbon-gate knows beyond CodeCarbon's columns, one row per job, joined to
// emissions.csv by timestamp and run_id. Units are in the column names. Pure.
import type { RunResult } from '../types.js';
import { codecarbonTimestamp, localOffsetMinutes } from './codecarbon-csv.js';
import { csvLine } from './csv.js';

export const CARBON_GATE_COLUMNS = [
  'timestamp', 'run_id', 'run_attempt', 'job', 'sha', 'ref',
  'operational_gco2e', 'embodied_gco2e', 'total_gco2e', 'gated_gco2e', 'gated_includes_embodied',
  'energy_wh', 'energy_wh_with_pue', 'carbon_intensity_gco2e_per_kwh', 'intensity_location', 'intensity_source',
  'power_model_id', 'power_model', 'model_band_low_gco2e', 'model_band_high_gco2e',
  'cpu_provenance', 'ram_provenance', 'gpu_provenance',
  'scope', 'tree_cpu_seconds', 'machine_cpu_seconds', 'escaped_cpu_seconds', 'samples', 'partial', 'verdict', 'tool_version',
] as const;
export type CarbonGateColumn = (typeof CARBON_GATE_COLUMNS)[number];

export function carbonGateRow(r: RunResult, offsetMinutes: number): Record<CarbonGateColumn, string | number | boolean | null> {
  const e = r.energy;
  const em = r.emissions;
  const p = r.provenance;
  return {
    timestamp: codecarbonTimestamp(r.endedWallMs, offsetMinutes),
    run_id: r.job.runId ?? '',
    run_attempt: r.job.runAttempt ?? '',
    job: r.job.label,
    sha: r.job.sha ?? '',
    ref: r.job.ref ?? '',
    operational_gco2e: em.operationalGCo2e,
    embodied_gco2e: em.embodiedGCo2e,
    total_gco2e: em.totalGCo2e,
    gated_gco2e: em.gatedGCo2e,
    gated_includes_embodied: em.gatedGCo2e === em.totalGCo2e && em.embodiedGCo2e > 0,
    energy_wh: e.totalWh,
    energy_wh_with_pue: e.totalWh * em.pue,
    carbon_intensity_gco2e_per_kwh: em.intensity.gCo2ePerKwh,
    intensity_location: em.intensity.location,
    intensity_source: em.intensity.source,
    power_model_id: r.model.id,
    power_model: r.model.label,
    model_band_low_gco2e: r.modelBand?.lowGCo2e ?? null,
    model_band_high_gco2e: r.modelBand?.highGCo2e ?? null,
    cpu_provenance: p?.cpu.status ?? e.cpu,
    ram_provenance: p?.memory.status ?? e.ram,
    gpu_provenance: p?.gpu.status ?? e.gpu,
    scope: e.scope,
    tree_cpu_seconds: e.treeCpuSeconds,
    machine_cpu_seconds: e.machineCpuSeconds,
    escaped_cpu_seconds: e.escapedCpuSeconds,
    samples: e.samples,
    partial: r.quality.partial,
    verdict: r.verdict.status,
    tool_version: r.tool.version,
  };
}

export function carbonGateCsv(r: RunResult, offsetMinutes = localOffsetMinutes(r.endedWallMs)): string {
  const row = carbonGateRow(r, offsetMinutes);
  return csvLine([...CARBON_GATE_COLUMNS]) + csvLine(CARBON_GATE_COLUMNS.map((c) => row[c]));
}
