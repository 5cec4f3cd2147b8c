// Step rows: every column of the job's totals per step, and an "outside steps" row holding exactly
// the rest, so that the rows sum to the job. Pure.
import type { EnergyResult, Emissions } from '../types.js';
import type { StepRow } from './types.js';
import type { StepInstance } from './accumulate.js';
import type { NamedGroup } from './name.js';

export interface StepRowsInput {
  groups: NamedGroup[];
  energy: EnergyResult;
  emissions: Emissions;
  /** Monotonic seconds of the last sample (end of steps still running) and the ms-since-epoch clock. */
  endS: number;
  wallMsOf: (monoS: number) => number;
  /** Instances folded into the outside row (carbon-gate's own post step). */
  outside?: StepInstance[];
}

const OUTSIDE = 'outside steps';

export function buildStepRows(x: StepRowsInput): StepRow[] {
  const { energy: e, emissions: em } = x;
  const opPerWh = e.totalWh > 0 ? em.operationalGCo2e / e.totalWh : (em.pue * em.intensity.gCo2ePerKwh) / 1000;
  const embodiedPerS = e.durationSeconds > 0 ? em.embodiedGCo2e / e.durationSeconds : 0;
  const gatedHasEmbodied = em.gatedGCo2e !== em.operationalGCo2e || em.embodiedGCo2e === 0;
  const rows: StepRow[] = [];
  const charged = new Map<StepRow, number>();
  for (const g of x.groups) {
    const sum = (f: (i: StepInstance) => number): number => g.instances.reduce((a, i) => a + f(i), 0);
    const cpuWh = sum((i) => i.cpuJ) / 3600;
    const ramWh = sum((i) => i.ramJ) / 3600;
    const gpuWh = sum((i) => i.gpuJ) / 3600;
    const totalWh = cpuWh + ramWh + gpuWh;
    const chargedSeconds = sum((i) => i.chargedSeconds);
    const operationalGCo2e = totalWh * opPerWh;
    const embodiedGCo2e = chargedSeconds * embodiedPerS;
    const start = Math.min(...g.instances.map((i) => i.startS));
    const end = Math.max(...g.instances.map((i) => i.endS ?? x.endS));
    const row: StepRow = {
      name: g.name,
      kind: 'step',
      ...(g.number !== undefined ? { number: g.number } : {}),
      nameSource: g.source,
      startedWallMs: Math.round(x.wallMsOf(start)),
      endedWallMs: Math.round(x.wallMsOf(end)),
      durationSeconds: sum((i) => Math.max(0, (i.endS ?? x.endS) - i.startS)),
      cpuSeconds: sum((i) => i.cpuSeconds),
      cpuWh,
      ramWh,
      gpuWh,
      totalWh,
      operationalGCo2e,
      embodiedGCo2e,
      totalGCo2e: operationalGCo2e + embodiedGCo2e,
      gatedGCo2e: gatedHasEmbodied ? operationalGCo2e + embodiedGCo2e : operationalGCo2e,
      share: 0,
      instances: g.instances.length,
      ...(g.api?.startedMs != null ? { apiStartOffsetSeconds: (x.wallMsOf(start) - g.api.startedMs) / 1000 } : {}),
    };
    charged.set(row, chargedSeconds);
    rows.push(row);
  }
  const total = (f: (r: StepRow) => number): number => rows.reduce((a, r) => a + f(r), 0);
  const jobCpu = e.treeCpuSeconds ?? e.machineCpuSeconds;
  const chargedSum = [...charged.values()].reduce((a, b) => a + b, 0);
  const outside: StepRow = {
    name: OUTSIDE,
    kind: 'outside',
    nameSource: 'none',
    startedWallMs: null,
    endedWallMs: null,
    durationSeconds: Math.max(0, e.durationSeconds - chargedSum),
    cpuSeconds: jobCpu - total((r) => r.cpuSeconds),
    cpuWh: e.cpuWh - total((r) => r.cpuWh),
    ramWh: e.ramWh - total((r) => r.ramWh),
    gpuWh: e.gpuWh - total((r) => r.gpuWh),
    totalWh: e.totalWh - total((r) => r.totalWh),
    operationalGCo2e: em.operationalGCo2e - total((r) => r.operationalGCo2e),
    embodiedGCo2e: em.embodiedGCo2e - total((r) => r.embodiedGCo2e),
    totalGCo2e: em.totalGCo2e - total((r) => r.totalGCo2e),
    gatedGCo2e: em.gatedGCo2e - total((r) => r.gatedGCo2e),
    share: 0,
    instances: x.outside?.length ?? 0,
  };
  rows.sort((a, b) => (a.startedWallMs as number) - (b.startedWallMs as number));
  rows.push(outside);
  for (const r of rows) r.share = em.totalGCo2e > 0 ? r.totalGCo2e / em.totalGCo2e : 0;
  return rows;
}
