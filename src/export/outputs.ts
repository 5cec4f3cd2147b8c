// The two metric-engine outputs, each `{ name, enabled(settings), write(result, sink, settings) }`.
// This file is light: the Pushgateway and OTLP code (prom-client, OpenTelemetry) is imported only
// inside write(), so a bundle keeps them in chunks that load only when an export is configured.
import { jobSeries } from '../core/export/series.js';
import type { RunResult } from '../core/types.js';
import { redactUrl } from '../settings/export-inputs.js';
import type { Settings } from '../settings/settings.js';
import { destination } from './credentials.js';

/** Where an output reports: the runner's log (post) or stderr (CLI). */
export interface ExportSink {
  info(msg: string): void;
  warning(msg: string): void;
  /** Masks a value in the runner's log (`::add-mask::`); a no-op outside the runner. */
  setSecret(value: string): void;
}

export interface ExportOutput {
  name: string;
  enabled(settings: Settings): boolean;
  /** Sends the result; resolves true on success. Never throws, never waits past deadlineMs. */
  write(result: RunResult, sink: ExportSink, settings: Settings, deadlineMs: number): Promise<boolean>;
}

const seriesOf = (r: RunResult, s: Settings) => jobSeries(r, { extraLabels: s.exportLabels, runId: s.exportRunId });

export const pushgatewayOutput: ExportOutput = {
  name: 'Prometheus Pushgateway',
  enabled: (s) => s.pushgatewayUrl !== null,
  async write(result, sink, settings, deadlineMs) {
    const dest = destination(settings.pushgatewayUrl as string, settings.pushgatewayHeaders);
    const { pushToGateway } = await import('./pushgateway.js');
    const out = await pushToGateway(seriesOf(result, settings), dest.url, dest.headers, deadlineMs);
    const where = `the Pushgateway at ${redactUrl(dest.url)}`;
    if (out.ok) sink.info(`carbon-gate: pushed ${out.series} series to ${where} (PUT ${out.path})`);
    else sink.warning(`carbon-gate: could not push to ${where}: ${out.error} after ${out.attempts} attempt(s). The build is not failed for it.`);
    return out.ok;
  },
};

export const otlpOutput: ExportOutput = {
  name: 'OTLP',
  enabled: (s) => s.otlpEndpoint !== null,
  async write(result, sink, settings, deadlineMs) {
    const dest = destination(settings.otlpEndpoint as string, settings.otlpHeaders);
    const { exportOtlp } = await import('./otlp.js');
    const out = await exportOtlp(seriesOf(result, settings), dest.url, dest.headers, deadlineMs, settings.exportRunId);
    const where = `the OTLP endpoint ${redactUrl(dest.url)}/v1/metrics`;
    if (out.ok) sink.info(`carbon-gate: exported ${out.points} data points to ${where}`);
    else sink.warning(`carbon-gate: could not export to ${where}: ${out.error}. The build is not failed for it.`);
    return out.ok;
  },
};

export const EXPORT_OUTPUTS: readonly ExportOutput[] = [pushgatewayOutput, otlpOutput];

/** Whether any export is configured (post loads nothing of the exports otherwise). */
export function exportsEnabled(settings: Settings): boolean {
  return EXPORT_OUTPUTS.some((o) => o.enabled(settings));
}

/** Every secret of the configured exports, for masking before anything is logged. */
export function exportSecrets(settings: Settings): string[] {
  const out: string[] = [];
  if (settings.pushgatewayUrl) out.push(...destination(settings.pushgatewayUrl, settings.pushgatewayHeaders).secrets);
  if (settings.otlpEndpoint) out.push(...destination(settings.otlpEndpoint, settings.otlpHeaders).secrets);
  return [...new Set(out)];
}

/**
 * Each export's budget, chunk loading and connection included: under the 5 s the docs promise, so
 * that the exporter's shutdown and the process exit still fit in it.
 */
export const EXPORT_BUDGET_MS = 4500;

/**
 * Runs every configured export in parallel, each within EXPORT_BUDGET_MS. Never throws: a failure is
 * a warning on the sink. Resolves with the names of the outputs that failed.
 */
export async function runExports(result: RunResult, settings: Settings, sink: ExportSink): Promise<string[]> {
  for (const s of exportSecrets(settings)) sink.setSecret(s);
  const deadlineMs = Date.now() + EXPORT_BUDGET_MS;
  const enabled = EXPORT_OUTPUTS.filter((o) => o.enabled(settings));
  const done = await Promise.all(
    enabled.map((o) =>
      o.write(result, sink, settings, deadlineMs).catch((e: unknown) => {
        sink.warning(`carbon-gate: the ${o.name} export failed (${(e as Error)?.name ?? 'error'}). The build is not failed for it.`);
        return false;
      }),
    ),
  );
  return enabled.filter((_, i) => !done[i]).map((o) => o.name);
}
