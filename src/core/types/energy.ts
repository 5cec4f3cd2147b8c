// What integration produces: energy per component with its provenance, gaps, the power series, emissions.
import type { GridIntensity } from './model.js';

export type Scope = 'process-tree' | 'machine';

export interface Gap {
  fromS: number;
  toS: number;
  seconds: number;
  reason: string;
}

/** Point of the power time series, for charts and samples.csv. */
export interface PowerPoint {
  tS: number;
  wallMs: number;
  machineUtil: number;
  treeUtil: number | null;
  cpuWatts: number;
  ramWatts: number;
  gpuWatts: number;
}

export type Provenance = 'measured' | 'modelled' | 'defaulted';

/** One component's provenance and why (stored in carbon-gate.json; the reports render this, nothing else). */
export interface ComponentProvenance {
  status: Provenance | 'none';
  reason: string;
}

export interface ProvenanceTable {
  cpu: ComponentProvenance;
  memory: ComponentProvenance;
  gpu: ComponentProvenance;
  embodied: ComponentProvenance;
  pue: ComponentProvenance;
  intensity: ComponentProvenance;
}

export interface EnergyResult {
  scope: Scope;
  durationSeconds: number;
  samples: number;
  cpuWh: number;
  ramWh: number;
  gpuWh: number;
  totalWh: number;
  cpu: Provenance;
  ram: Provenance;
  gpu: Provenance | 'none';
  avgMachineUtil: number;
  avgTreeUtil: number | null;
  /** CPU seconds of the tree (process-tree scope), of the machine, and the remainder that was not the tree's. */
  treeCpuSeconds: number | null;
  machineCpuSeconds: number;
  remainderCpuSeconds: number | null;
  escapedCpuSeconds: number;
  peakTreeRssBytes: number | null;
  gpuCount: number;
  gpuModels: string[];
  avgCpuWatts: number;
  avgRamWatts: number;
  avgGpuWatts: number;
  /** RAPL, process-tree scope: the lowest interval package power of the run over intervals ≥ ½ the sampling period (the measured idle floor), W. */
  raplIdleFloorWatts?: number;
  /** Mean GPU utilisation over GPUs and time, 0..1; absent when no GPU reported one. */
  avgGpuUtil?: number;
  /** Time-weighted mean of the machine's used memory (total − available), bytes; absent without samples. */
  avgMemoryUsedBytes?: number;
  /** Time-weighted mean of the machine's total memory, bytes (for a utilisation percentage). */
  avgMemoryTotalBytes?: number;
  gaps: Gap[];
  series: PowerPoint[];
}

export interface Emissions {
  operationalGCo2e: number;
  embodiedGCo2e: number;
  totalGCo2e: number;
  /** What the budget compares: total or operational only (include-embodied). */
  gatedGCo2e: number;
  intensity: GridIntensity;
  pue: number;
}
