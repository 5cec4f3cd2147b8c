// Pushes one job's series to a Prometheus Pushgateway: the text exposition format built with
// prom-client's Registry, sent with PUT to the job's group so that a re-run replaces its own group
// (and only it). Loaded only when prometheus-pushgateway-url is set.
import { Gauge, Registry } from 'prom-client';
import { groupingPath, type JobSeries } from '../core/export/series.js';
import { boundedRequest, type HttpOutcome } from './http.js';

/** The text exposition of the series, without the grouping labels (the group's path carries them). */
export async function exposition(set: JobSeries): Promise<{ body: string; contentType: string; series: number }> {
  const registry = new Registry();
  const grouped = new Set(set.grouping.map(([k]) => k));
  const common = Object.fromEntries(Object.entries(set.labels).filter(([k]) => !grouped.has(k)));
  let series = 0;
  for (const m of set.metrics) {
    const labelNames = [...new Set([...Object.keys(common), ...m.points.flatMap((p) => Object.keys(p.labels))])];
    const gauge = new Gauge({ name: m.name, help: m.help, labelNames, registers: [registry] });
    for (const p of m.points) {
      gauge.set({ ...common, ...p.labels }, p.value);
      series++;
    }
  }
  return { body: await registry.metrics(), contentType: registry.contentType, series };
}

export async function pushToGateway(set: JobSeries, baseUrl: string, headers: Record<string, string>, deadlineMs: number): Promise<HttpOutcome & { series: number; path: string }> {
  const { body, contentType, series } = await exposition(set);
  const path = groupingPath(set.grouping);
  const out = await boundedRequest({ url: `${baseUrl}${path}`, method: 'PUT', headers: { ...headers, 'Content-Type': contentType }, body, deadlineMs });
  return { ...out, series, path };
}
