// The job summary (and the CLI report): markdown, pure. Bounded well under GitHub's 1 MiB per step.
//
// Laid out for the person who opened the run, each fact once:
//   1. the verdict line (what, against which limit, how much headroom, vs the baseline)
//   2. totals and components
//   3. the delta against the baseline, with the trend of the window plus this run
//   4. steps (when given)
//   5. the power chart
//   6. attribution
// then, folded: model and provenance, data quality, files.
import { bandText } from '../model/band.js';
import { componentProvenance } from '../provenance.js';
import type { ComponentProvenance, RunResult, Verdict } from '../types.js';
import type { ChartMode } from './chart.js';
import { bytes, co2e, duration, energy, intensity, num, power, share } from '../format.js';
import { renderBaselineSection, type BaselineSectionSettings, type RunLinkBase } from './baseline-section.js';
import { renderChart } from './chart.js';
import { escapeMarkdown } from './escape.js';
import { mdTable } from './table.js';
import { VERDICT_ICON, verdictLine } from './verdict-line.js';

export const SUMMARY_MAX_BYTES = 900 * 1024;
const MAX_LISTED = 20;

export interface SummaryOptions {
  chart: ChartMode;
  /** The gate's settings: the verdict line and the baseline section state them. Default: nothing gates by baseline. */
  gate?: BaselineSectionSettings;
  /** Links for baseline runs. */
  links?: RunLinkBase;
  /** Rendered by the model module: model, coefficients, intensity source (folded). */
  modelSection?: string;
  /** Rendered by the steps module (placed after the baseline delta). */
  stepsSection?: string;
  /** Output files that outlive the run (CLI --out), label → path. */
  files?: Record<string, string>;
  /** The uploaded artifact (action), with its link when the upload returned an id. */
  artifact?: { name: string; url?: string };
}

/** The icon of a verdict status (kept for callers that have no RunResult). */
export function verdictIcon(v: Verdict): string {
  return VERDICT_ICON[v.status];
}

function capped(items: string[]): string[] {
  return items.length <= MAX_LISTED ? items : [...items.slice(0, MAX_LISTED), `… and ${items.length - MAX_LISTED} more`];
}

/** 'build', 'build (ubuntu, 20)': never empty parentheses. */
export function jobTitle(label: string): string {
  return escapeMarkdown(label.replace(/\s*\(\s*\)\s*$/, '') || 'job');
}

const DEFAULT_GATE: BaselineSectionSettings = { maxIncreasePercent: null, minBaselineRuns: 3, compareOn: 'gco2e', failOn: 'budget', baselineWindow: 5 };

function totals(r: RunResult): string {
  const e = r.energy;
  const em = r.emissions;
  const estimated = r.model.embodied !== undefined || em.embodiedGCo2e > 0;
  const embodied = estimated ? co2e(em.embodiedGCo2e) : 'not estimated';
  const gated = !estimated ? '' : em.gatedGCo2e === em.totalGCo2e ? ' (both gated)' : ' (the gate counts operational only)';
  const util = `${e.avgTreeUtil !== null ? `job’s processes ${share(e.avgTreeUtil)}, ` : ''}whole machine ${share(e.avgMachineUtil)} of ${r.model.vcpus} vCPU`;
  const rows = [
    ['**CO2e**', `**${co2e(em.totalGCo2e)}**: operational ${co2e(em.operationalGCo2e)} + embodied ${embodied}${gated}`],
    ...(r.modelBand && r.modelBand.members.length > 1 ? [['Model band', `${bandText(em.totalGCo2e, r.modelBand)}: the other published models on the same samples (the gate uses the selected one)`]] : []),
    ['Energy', `${energy(e.totalWh)} at the machine; × PUE ${num(em.pue, 4)} at the data centre`],
    ['Grid intensity', `${intensity(em.intensity.gCo2ePerKwh, 4)} (${escapeMarkdown(em.intensity.location)})`],
    ['Duration', duration(e.durationSeconds)],
    ['CPU utilisation', `${util}; scope: ${e.scope === 'process-tree' ? 'the job’s process tree' : 'the whole machine'}`],
  ];
  // The stored provenance (the folded Model section gives the reasons).
  const prov = r.provenance ?? componentProvenance(r.model, e, em.intensity);
  const provenance = (p: ComponentProvenance, what: string): string => (p.status === 'measured' ? `measured (${what})` : p.status);
  const comp = [
    ['CPU', energy(e.cpuWh), power(e.avgCpuWatts), provenance(prov.cpu, 'RAPL package')],
    ['Memory', energy(e.ramWh), power(e.avgRamWatts), provenance(prov.memory, 'RAPL DRAM')],
  ];
  if (e.gpuCount > 0) comp.push([`GPU ×${e.gpuCount} (${escapeMarkdown(e.gpuModels.join(', '))})`, energy(e.gpuWh), power(e.avgGpuWatts), provenance(prov.gpu, 'nvidia-smi / rocm-smi')]);
  return mdTable(['Total', 'Value'], rows) + '\n' + mdTable(['Component', 'Energy', 'Average power', 'Source'], comp, ['l', 'r', 'r', 'l']);
}

function attribution(r: RunResult): string {
  const e = r.energy;
  const attr: string[][] = [];
  if (e.treeCpuSeconds !== null) attr.push(['CPU time of the job’s process tree', duration(e.treeCpuSeconds)]);
  attr.push(['CPU time of the whole machine', duration(e.machineCpuSeconds)]);
  if (e.remainderCpuSeconds !== null) attr.push(['Machine remainder (other processes, incl. escaped)', duration(e.remainderCpuSeconds)]);
  if (e.escapedCpuSeconds > 0) attr.push(['Escaped: processes that left the tree alive (daemons)', duration(e.escapedCpuSeconds)]);
  if (e.peakTreeRssBytes !== null) attr.push(['Peak resident memory of the tree', bytes(e.peakTreeRssBytes)]);
  return '### Attribution\n\n' + mdTable(['What', 'Value'], attr, ['l', 'r']);
}

function dataQuality(r: RunResult): string {
  const e = r.energy;
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
  const warned = r.quality.warnings.length > 0 || r.quality.partial;
  return `<details><summary>Data quality${warned ? ` (${r.quality.warnings.length} warning${r.quality.warnings.length === 1 ? '' : 's'})` : ''}</summary>\n\n${q.map((l) => (l.startsWith('  ') ? l : `- ${l}`)).join('\n')}\n\n</details>\n`;
}

function filesSection(o: SummaryOptions): string {
  const safeUrl = (u: string | undefined): u is string => !!u && /^https?:\/\/[^\s()<>]+$/.test(u);
  if (o.artifact) {
    const name = `\`${o.artifact.name.replace(/`/g, "'")}\``;
    const link = safeUrl(o.artifact.url) ? `[${name}](${o.artifact.url})` : name;
    return `**Files**: the artifact ${link} holds emissions.csv, samples.csv and carbon-gate.json.\n`;
  }
  if (o.files && Object.keys(o.files).length) {
    return '<details><summary>Files</summary>\n\n' + mdTable(['File', 'Path'], Object.entries(o.files).map(([k, v]) => [escapeMarkdown(k), `\`${v.replace(/`/g, "'")}\``])) + '\n</details>\n';
  }
  return '';
}

export function renderSummary(r: RunResult, o: SummaryOptions): string {
  const gate = o.gate ?? DEFAULT_GATE;
  const out: string[] = [];
  out.push(`## 🌱 carbon-gate · ${jobTitle(r.job.label)}\n`);
  out.push(`**${escapeMarkdown(verdictLine(r, gate))}**\n`);
  if (r.verdict.status !== 'pass') {
    for (const reason of capped(r.verdict.reasons)) out.push(`- ${escapeMarkdown(reason)}`);
    if (r.verdict.reasons.length) out.push('');
  }
  if (r.quality.partial) out.push('> [!WARNING]\n> This report is **partial**: the measurement was interrupted (see Data quality below). Totals cover what was measured.\n');

  out.push(totals(r));
  if (r.baseline.status !== 'disabled') out.push(renderBaselineSection({ verdict: r.verdict, baseline: r.baseline, settings: gate, ...(o.links ? { links: o.links } : {}), chart: o.chart }));
  if (o.stepsSection) out.push(o.stepsSection.trimEnd() + '\n');
  const chart = renderChart(r.energy.series, o.chart);
  if (chart) out.push('### Power over time\n\n' + chart);
  out.push(attribution(r));

  if (o.modelSection) out.push(`<details><summary>Model and provenance</summary>\n\n${o.modelSection.trimEnd()}\n\n</details>\n`);
  out.push(dataQuality(r));
  const files = filesSection(o);
  if (files) out.push(files);
  out.push(`<sub>carbon-gate ${escapeMarkdown(r.tool.version)} · how each figure is computed: METHODOLOGY.md; every figure at full precision: carbon-gate.json</sub>\n`);

  let text = out.join('\n');
  if (Buffer.byteLength(text) > SUMMARY_MAX_BYTES) {
    text = Buffer.from(text, 'utf8').subarray(0, SUMMARY_MAX_BYTES - 200).toString('utf8').replace(/\uFFFD+$/, '') + '\n\n… summary truncated to stay under the 1 MiB step-summary limit; see carbon-gate.json.\n';
  }
  return text;
}
