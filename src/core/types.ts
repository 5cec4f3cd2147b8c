// Shared data shapes of carbon-gate. Everything here is plain data (JSON-serialisable):
// the sampler writes Samples, post turns them into an EnergyResult, then Emissions, a Verdict
// and report text. Units are in the names.
// The shapes live in types/ by stage; this module re-exports them and holds RunResult, which joins them.
import type { IntegrityReport } from './integrity-types.js';
import type { StepRow } from './steps/types.js';
import type { HardwareFacts, PowerModel } from './types/model.js';
import type { Emissions, EnergyResult, ProvenanceTable } from './types/energy.js';
import type { BaselineRecord, GateTerms, ModelBand, Verdict } from './types/gate.js';

export type * from './types/samples.js';
export type * from './types/model.js';
export type * from './types/energy.js';
export type * from './types/gate.js';

/** Everything the reporters need: the full result of one measured job. */
export interface RunResult {
  tool: { name: 'carbon-gate'; version: string };
  job: {
    workflow?: string;
    job?: string;
    runId?: string;
    runAttempt?: number;
    sha?: string;
    ref?: string;
    repository?: string;
    runUrl?: string;
    jobUrl?: string;
    key: string;
    label: string;
    /** GITHUB_EVENT_NAME. */
    event?: string;
    /** The matrix values as sorted `key=value` pairs joined by commas; empty without a matrix. */
    matrixKey?: string;
  };
  hardware: HardwareFacts;
  model: PowerModel;
  energy: EnergyResult;
  emissions: Emissions;
  /** The gated amount split into work, time and embodied terms with their factors. */
  terms?: GateTerms;
  verdict: Verdict;
  /** Per-step breakdown (steps sorted by start, then the outside row); absent when the sampler saw no steps. */
  steps?: StepRow[];
  baseline: { records: BaselineRecord[]; status: 'found' | 'none' | 'unavailable' | 'disabled'; note?: string };
  /** Per component: measured, modelled or defaulted, with the reason. */
  provenance?: ProvenanceTable;
  /** The same samples under the other published models (information only; the gate uses `model`). */
  modelBand?: ModelBand;
  quality: {
    partial: boolean;
    skippedLines: number;
    warnings: string[];
    samplerCpuSeconds?: number;
    samplerMaxRssBytes?: number;
    /** Why the run counts as not measured (the verdict is then 'not-measured'). */
    notMeasured?: string;
    /** Samples and intervals rejected by the physics checks, and lines missing against the sampler's count. */
    integrity?: IntegrityReport;
  };
  startedWallMs: number;
  endedWallMs: number;
}
