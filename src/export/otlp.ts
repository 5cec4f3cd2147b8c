// Exports one job's series over OTLP/HTTP (protobuf) with the official OpenTelemetry JS SDK:
// instruments recorded once on a MeterProvider, collected by a one-shot reader, sent by
// OTLPMetricExporter to `<endpoint>/v1/metrics`, then flushed and shut down. Loaded only when
// otlp-endpoint is set.
//
// Amounts (grams, Wh, CPU seconds, duration) are monotonic counters with DELTA temporality: each job
// adds its own amount once, so a backend sums jobs over time (GUIDE §5). Levels (budget, baseline
// median, verdict) are gauges.
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AggregationTemporality, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import {
  ATTR_CICD_PIPELINE_NAME,
  ATTR_CICD_PIPELINE_RUN_ID,
  ATTR_CICD_PIPELINE_RUN_URL_FULL,
  ATTR_CICD_PIPELINE_TASK_NAME,
  ATTR_VCS_PROVIDER_NAME,
  ATTR_VCS_REF_HEAD_NAME,
  ATTR_VCS_REF_HEAD_REVISION,
  ATTR_VCS_REF_HEAD_TYPE,
  ATTR_VCS_REPOSITORY_NAME,
  ATTR_VCS_REPOSITORY_URL_FULL,
} from '@opentelemetry/semantic-conventions/incubating';
import type { JobSeries } from '../core/export/series.js';
import { VERSION } from '../version.js';

/** Collects on demand only: the one export per job is explicit. */
class OneShotReader extends MetricReader {
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Resource attributes from the OpenTelemetry semantic conventions (CI/CD and VCS, incubating).
 * The run id and run URL are added only with `runId`: the spec says the pipeline-run resource on
 * metrics is high cardinality and must be opt-in.
 */
export function resourceAttributes(set: JobSeries, runId: boolean): Record<string, string> {
  const r = set.resource;
  const ref = /^refs\/(heads|tags)\/(.+)$/.exec(r.ref);
  const attrs: Record<string, string> = {
    [ATTR_SERVICE_NAME]: 'carbon-gate',
    [ATTR_SERVICE_VERSION]: VERSION,
    [ATTR_CICD_PIPELINE_NAME]: r.workflow,
    [ATTR_CICD_PIPELINE_TASK_NAME]: r.job,
    [ATTR_VCS_REPOSITORY_URL_FULL]: r.repositoryUrl,
    [ATTR_VCS_REPOSITORY_NAME]: r.repository.split('/').pop() ?? '',
    [ATTR_VCS_PROVIDER_NAME]: r.repositoryUrl.startsWith('https://github.com/') ? 'github' : '',
    [ATTR_VCS_REF_HEAD_NAME]: ref ? ref[2] : r.ref,
    [ATTR_VCS_REF_HEAD_TYPE]: ref ? (ref[1] === 'heads' ? 'branch' : 'tag') : '',
    [ATTR_VCS_REF_HEAD_REVISION]: r.sha,
    ...(runId ? { [ATTR_CICD_PIPELINE_RUN_ID]: r.runId, [ATTR_CICD_PIPELINE_RUN_URL_FULL]: r.runUrl } : {}),
  };
  return Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== ''));
}

export interface OtlpOutcome {
  ok: boolean;
  points: number;
  error?: string;
}

function withDeadline<T>(p: Promise<T>, deadlineMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within the export deadline`)), Math.max(0, deadlineMs - Date.now()));
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

export async function exportOtlp(set: JobSeries, endpoint: string, headers: Record<string, string>, deadlineMs: number, runId: boolean): Promise<OtlpOutcome> {
  const reader = new OneShotReader({ aggregationTemporalitySelector: () => AggregationTemporality.DELTA });
  const provider = new MeterProvider({ resource: resourceFromAttributes(resourceAttributes(set, runId)), readers: [reader] });
  const meter = provider.getMeter('carbon-gate', VERSION);
  let points = 0;
  for (const m of set.metrics) {
    const opts = { description: m.help, unit: m.unit };
    const instrument = m.kind === 'sum' ? meter.createCounter(m.name, opts) : meter.createGauge(m.name, opts);
    for (const p of m.points) {
      const attrs = { ...set.labels, ...p.labels };
      if (m.kind === 'sum') (instrument as ReturnType<typeof meter.createCounter>).add(p.value, attrs);
      else (instrument as ReturnType<typeof meter.createGauge>).record(p.value, attrs);
      points++;
    }
  }
  const exporter = new OTLPMetricExporter({ url: `${endpoint}/v1/metrics`, headers, timeoutMillis: Math.max(100, deadlineMs - Date.now() - 100) });
  try {
    const { resourceMetrics } = await reader.collect();
    const result = await withDeadline(
      new Promise<ExportResult>((resolve) => exporter.export(resourceMetrics, resolve)),
      deadlineMs,
      'OTLP export',
    );
    await withDeadline(exporter.forceFlush(), deadlineMs, 'OTLP flush');
    if (result.code !== ExportResultCode.SUCCESS) return { ok: false, points, error: safeError(result.error) };
    return { ok: true, points };
  } catch (e) {
    return { ok: false, points, error: safeError(e) };
  } finally {
    // Shutdown is bounded too: a hanging endpoint must not hold post.
    await withDeadline(Promise.allSettled([exporter.shutdown(), provider.shutdown()]), deadlineMs + 300, 'OTLP shutdown').catch(() => undefined);
  }
}

/** The error's kind, status code or errno only: OTLP errors may quote the response body or the request. */
function safeError(e: unknown): string {
  const err = e as { code?: number | string; name?: string; message?: string } | undefined;
  if (!err) return 'export failed';
  if (typeof err.code === 'number') return `HTTP ${err.code}`;
  const msg = err.message ?? '';
  const errno = /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH)\b/.exec(msg);
  if (errno) return errno[1] === 'ECONNREFUSED' ? 'connection refused' : `network error ${errno[1]}`;
  if (/timeout|deadline|timed out/i.test(msg)) return 'no answer within the export deadline';
  return err.name && err.name !== 'Error' ? err.name : 'export failed';
}
