import type { CompareMetric, FailOn, Scope } from '../core/types.js';
import type { ChartMode } from '../core/report/chart.js';
import type { ModelSettings, PowerModelChoice } from '../core/model/settings.js';

export type { ChartMode, PowerModelChoice };
export type CommentMode = 'always' | 'on-regression' | 'never';
export type GpuMode = 'auto' | 'nvidia' | 'amd' | 'off';

/**
 * Every input of the action, parsed and validated. Units in the names. The model's inputs (power-model,
 * cpu-watts-*, tdp-watts, cloud-provider, instance-type, region, country, carbon-intensity) are the
 * fields of ModelSettings, declared once in src/core/model/settings.ts.
 */
export interface Settings extends ModelSettings {
  sampleIntervalSeconds: number;
  scope: Scope;
  budgetGCo2e: number | null;
  budgetWh: number | null;
  token: string;

  // model (besides ModelSettings)
  electricityMapsToken: string | null;
  detectCloud: boolean;
  includeEmbodied: boolean;
  gpu: GpuMode;
  rapl: boolean;

  // gate and baseline
  maxIncreasePercent: number | null;
  failOn: FailOn;
  /** Fail the build when the job could not be measured (verdict 'not-measured'); default false: warn. */
  requireMeasurement: boolean;
  minBaselineRuns: number;
  compareOn: CompareMetric;
  baseline: boolean;
  baselineBranches: string[];
  baselineKey: string | null;
  baselineWindow: number;

  // reporting
  comment: CommentMode;
  artifact: boolean;
  artifactName: string | null;
  artifactRetentionDays: number | null;
  chart: ChartMode;
  jobName: string | null;
  /** The job's numeric id (check run id), for links to the job; null outside GitHub Actions. */
  jobId: string | null;

  // export (off unless a URL is set; headers and URL credentials are secrets, never persisted)
  /** Pushgateway base URL, trailing slashes removed; may carry user:password. */
  pushgatewayUrl: string | null;
  pushgatewayHeaders: Record<string, string>;
  /** OTLP/HTTP base URL; metrics go to `<otlpEndpoint>/v1/metrics`. */
  otlpEndpoint: string | null;
  otlpHeaders: Record<string, string>;
  exportLabels: Record<string, string>;
  /** Add the run id to exported series and resources (high cardinality, so opt-in). */
  exportRunId: boolean;
}

/** Settings that may hold secrets or are about where to send data: never written to run.json. */
export const EXPORT_SETTING_KEYS = ['pushgatewayUrl', 'pushgatewayHeaders', 'otlpEndpoint', 'otlpHeaders'] as const;
