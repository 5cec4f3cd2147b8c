// The job summary (and the CLI report): markdown, pure. Bounded well under GitHub's 1 MiB per step.
import { bandText } from '../model/band.js';
import { componentProvenance } from '../provenance.js';
import type { ComponentProvenance, RunResult, Verdict } from '../types.js';
import type { ChartMode } from '../../settings/settings.js';
import { renderChart } from './chart.js';
import { escapeMarkdown } from './escape.js';
import { bytes, co2e, duration, energy, intensity, num, power, share } from '../format.js';

export const SUMMARY_MAX_BYTES = 900 * 1024;
const MAX_LISTED = 20;

export interface SummaryOptions {
  chart: ChartMode;
  /** Rendered by the model module: model, coefficients, intensity source. */
  modelSection?: string;
  /** Rendered by the gate module: delta vs baseline and the window. */
  baselineSection?: string;
  /** Output files, label → path. */
  files?: Record<string, string>;
}

export function verdictIcon(v: Verdict): string {
  return v.status === 'fail' ? '❌' : v.status === 'warn' ? '⚠️' : '✅';
}

function table(rows: string[][], header: string[]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}

function capped(items: string[]): string[] {
  return items.length <= MAX_LISTED ? items : [...items.slice(0, MAX_LISTED), `… and ${items.length - MAX_LISTED} more`];
}

export function renderSummary(r: RunResult, o: SummaryOptions): string {
  const e = r.energy;
  const em = r.emissions;
  const out: string[] = [];
  out.push(`## 🌱 carbon-gate — ${escapeMarkdown(r.job.label)}\n`);
  out.push(`**${escapeMarkdown(r.verdict.headline)}**\n`); // the headline already starts with verdictIcon's icon
  for (const reason of capped(r.verdict.reasons)) out.push(`- ${escapeMarkdown(reason)}`);
  if (r.verdict.reasons.length) out.push('');
  if (r.quality.partial) out.push('> [!WARNING]\n> This report is **partial**: the measurement was interrupted (see Data quality below). Totals cover what was measured.\n');

  out.push(
    table(
      [
        ['**Emissions**', `**${co2e(em.totalGCo2e)}** (operational ${co2e(em.operationalGCo2e)} + embodied ${co2e(em.embodiedGCo2e)})`],
        ...(r.modelBand && r.modelBand.members.length > 1 ? [['Model band', `${bandText(em.totalGCo2e, r.modelBand)}: the other published models on the same samples (the gate uses the selected one)`]] : []),
        ['Gated amount', `${co2e(em.gatedGCo2e)} (${em.gatedGCo2e === em.totalGCo2e && em.embodiedGCo2e > 0 ? 'embodied included' : em.embodiedGCo2e > 0 ? 'operational only' : 'operational'})`],
        ['Energy', `${energy(e.totalWh)} at the machine, ×${num(em.pue, 4)} PUE`],
        ['Grid intensity', `${intensity(em.intensity.gCo2ePerKwh, 4)} (${escapeMarkdown(em.intensity.location)}: ${escapeMarkdown(em.intensity.source)})`],
        ['Duration', duration(e.durationSeconds)],
        ['Scope', e.scope === 'process-tree' ? 'process tree of the job' : 'whole machine'],
        ['Average CPU utilisation', `${e.avgTreeUtil !== null ? `tree ${share(e.avgTreeUtil)}, ` : ''}machine ${share(e.avgMachineUtil)} of ${r.model.vcpus} vCPU`],
      ],
      ['Total', 'Value'],
    ),
  );

  // The stored provenance (the Model section renders the same table, with the reasons).
  const prov = r.provenance ?? componentProvenance(r.model, e, em.intensity);
  const provenance = (p: ComponentProvenance, what: string): string => (p.status === 'measured' ? `measured (${what})` : p.status);
  const comp: string[][] = [
    ['CPU', energy(e.cpuWh), power(e.avgCpuWatts), provenance(prov.cpu, 'RAPL package')],
    ['RAM', energy(e.ramWh), power(e.avgRamWatts), provenance(prov.memory, 'RAPL DRAM')],
  ];
  if (e.gpuCount > 0) comp.push([`GPU ×${e.gpuCount} (${escapeMarkdown(e.gpuModels.join(', '))})`, energy(e.gpuWh), power(e.avgGpuWatts), provenance(prov.gpu, 'nvidia-smi / rocm-smi')]);
  out.push('### Components\n');
  out.push(table(comp, ['Component', 'Energy', 'Average power', 'Source']));
  const chart = renderChart(e.series, o.chart);
  if (chart) out.push(chart);

  if (o.modelSection) out.push(o.modelSection.trimEnd() + '\n');
  if (o.baselineSection) out.push(o.baselineSection.trimEnd() + '\n');

  out.push('### Attribution\n');
  const attr: string[][] = [];
  if (e.treeCpuSeconds !== null) attr.push(['CPU time of the job’s process tree', duration(e.treeCpuSeconds)]);
  attr.push(['CPU time of the whole machine', duration(e.machineCpuSeconds)]);
  if (e.remainderCpuSeconds !== null) attr.push(['Machine remainder (other processes, incl. escaped)', duration(e.remainderCpuSeconds)]);
  if (e.escapedCpuSeconds > 0) attr.push(['Escaped: processes that left the tree alive (daemons)', duration(e.escapedCpuSeconds)]);
  if (e.peakTreeRssBytes !== null) attr.push(['Peak resident memory of the tree', bytes(e.peakTreeRssBytes)]);
  out.push(table(attr, ['What', 'Value']));

  out.push('### Data quality\n');
  const q: string[] = [`${e.samples} samples over ${duration(e.durationSeconds)}`];
  if (e.gaps.length) {
    const total = e.gaps.reduce((s, g) => s + g.seconds, 0);
    q.push(`${e.gaps.length} gap(s) without samples, ${duration(total)} in all (CPU counters are cumulative, so no CPU time is lost; only time resolution)`);
    for (const g of capped(e.gaps.map((g) => `gap from ${duration(g.fromS)} to ${duration(g.toS)}: ${g.reason}`))) q.push(`  - ${escapeMarkdown(g)}`);
  } else q.push('no gaps');
  if (r.quality.skippedLines) q.push(`${r.quality.skippedLines} unreadable sample line(s) skipped`);
  if (r.quality.samplerCpuSeconds !== undefined) q.push(`sampler's own cost: ${num(r.quality.samplerCpuSeconds)} CPU-s${r.quality.samplerMaxRssBytes ? `, peak RSS ${bytes(r.quality.samplerMaxRssBytes)}` : ''} (not charged to the job)`);
  if (r.hardware.container?.detected) {
    q.push(
      `running inside a container (${escapeMarkdown(r.hardware.container.evidence.join('; '))}): the sampler sees this container's processes and the host's CPU and memory counters; ` +
        'processes of other containers are invisible to the tree and count only in the machine remainder',
    );
  }
  for (const w of capped(r.quality.warnings)) q.push(`⚠️ ${escapeMarkdown(w)}`);
  out.push(q.map((l) => (l.startsWith('  ') ? l : `- ${l}`)).join('\n') + '\n');

  if (o.files && Object.keys(o.files).length) {
    out.push('<details><summary>Files</summary>\n');
    out.push(table(Object.entries(o.files).map(([k, v]) => [escapeMarkdown(k), `\`${v.replace(/`/g, "'")}\``]), ['File', 'Path']));
    out.push('</details>\n');
  }
  out.push(`<sub>carbon-gate ${escapeMarkdown(r.tool.version)} · every figure is traceable: see METHODOLOGY.md and carbon-gate.json</sub>\n`);

  let text = out.join('\n');
  if (Buffer.byteLength(text) > SUMMARY_MAX_BYTES) {
    text = Buffer.from(text, 'utf8').subarray(0, SUMMARY_MAX_BYTES - 200).toString('utf8').replace(/\uFFFD+$/, '') + '\n\n… summary truncated to stay under the 1 MiB step-summary limit; see carbon-gate.json.\n';
  }
  return text;
}
