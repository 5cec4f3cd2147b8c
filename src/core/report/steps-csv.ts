// steps.csv: one row per step and the outside row, every job-total column. Pure.
import type { StepRow } from '../steps/types.js';
import { csvLine } from './csv.js';

export const STEPS_COLUMNS = [
  'step', 'kind', 'number', 'name_source', 'started_at', 'ended_at', 'duration_seconds', 'cpu_seconds',
  'cpu_wh', 'ram_wh', 'gpu_wh', 'energy_wh', 'operational_gco2e', 'embodied_gco2e', 'total_gco2e', 'gated_gco2e', 'share', 'processes',
] as const;

const iso = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());

export function stepsCsv(rows: StepRow[]): string {
  let out = csvLine([...STEPS_COLUMNS]);
  for (const r of rows) {
    out += csvLine([
      r.name, r.kind, r.number ?? '', r.nameSource, iso(r.startedWallMs), iso(r.endedWallMs), r.durationSeconds, r.cpuSeconds,
      r.cpuWh, r.ramWh, r.gpuWh, r.totalWh, r.operationalGCo2e, r.embodiedGCo2e, r.totalGCo2e, r.gatedGCo2e, r.share, r.instances,
    ]);
  }
  return out;
}
