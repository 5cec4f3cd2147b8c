// The "Model" section of the job summary: which model, which coefficient rows, which grid
// intensity from where, PUE, operational vs embodied, and per component whether it was measured,
// modelled or defaulted. Pure; every text that comes from inputs or data is escaped.
import { LIFESPAN_HOURS } from '../constants.js';
import { co2e, energy as energyText, num as fmtNum } from '../format.js';
import { escapeMarkdown } from './escape.js';
import { mdTable } from './table.js';
import { componentProvenance } from '../provenance.js';
import type { ComponentProvenance, EnergyResult, Emissions, GridIntensity, ModelBand, PowerModel, ProvenanceTable } from '../types.js';

/** Table-cell text: the shared inline escaping (HTML entities, inline markdown characters, mentions). */
export function escapeCell(s: string): string {
  return escapeMarkdown(s);
}

/** Coefficients and quoted data values keep four significant digits (the precision of their sources). */
const num = (x: number, digits = 4): string => fmtNum(x, digits);


/** The stored status, with its reason unless the reason is the coefficient rows listed above. */
function provenance(p: ComponentProvenance): string {
  return p.status === 'modelled' ? 'modelled (rows above)' : `${p.status}: ${p.reason}`;
}

export function renderModelSection(
  model: PowerModel,
  intensity: GridIntensity,
  emissions: Emissions,
  energy: EnergyResult,
  prov: ProvenanceTable = componentProvenance(model, energy, intensity),
  band?: ModelBand,
): string {
  const out: string[] = [];
  out.push('### Model\n');
  out.push(`**${escapeCell(model.label)}** (\`${escapeCell(model.id).replace(/\\/g, '')}\`), ${model.vcpus} vCPU${model.provider ? `, ${model.provider.toUpperCase()}` : ''}\n`);

  const curve =
    model.cpu.kind === 'linear'
      ? `${num(model.cpu.idleWatts)} W idle → ${num(model.cpu.maxWatts)} W at 100 % (linear, whole reserved CPU)`
      : `${model.cpu.points.length}-point curve, ${num(model.cpu.points[0][1])} W → ${num(model.cpu.points[model.cpu.points.length - 1][1])} W (linear between points)`;
  const rows: string[][] = [['CPU power', escapeCell(curve), model.id === 'custom' ? 'inputs cpu-watts-idle / cpu-watts-max' : 'the rows below']];
  for (const s of model.sources) rows.push([escapeCell(s.what), escapeCell(s.value), escapeCell(s.source)]);
  const live = intensity.live ? 'live' : intensity.year ? `annual ${intensity.year}` : 'annual';
  rows.push(['Grid intensity', `${num(intensity.gCo2ePerKwh)} gCO2e/kWh (${escapeCell(live)})`, `${escapeCell(intensity.location)}: ${escapeCell(intensity.source)}`]);
  out.push(mdTable(['What', 'Value', 'Source'], rows));
  out.push('');

  // Component energies are in the summary's Components table; here only where each figure comes from.
  const prows: string[][] = [
    ['CPU', escapeCell(provenance(prov.cpu))],
    ['Memory', escapeCell(provenance(prov.memory))],
  ];
  if (energy.gpu !== 'none' || energy.gpuCount > 0) prows.push([`GPU ×${energy.gpuCount}`, escapeCell(provenance(prov.gpu))]);
  prows.push(['Embodied', escapeCell(provenance(prov.embodied))]);
  prows.push(['PUE', prov.pue.status === 'defaulted' ? 'defaulted (no facility known)' : 'modelled (row above)']);
  prows.push(['Grid intensity', prov.intensity.status === 'defaulted' ? 'defaulted (location unknown)' : 'modelled (row above)']);
  out.push(mdTable(['Component', 'Provenance'], prows));
  out.push('');

  out.push(
    `Operational: ${energyText(energy.totalWh)} × PUE ${num(emissions.pue)} × ${num(intensity.gCo2ePerKwh)} gCO2e/kWh = **${co2e(emissions.operationalGCo2e)}**.`,
  );
  if (model.embodied) {
    const e = model.embodied;
    out.push(
      `Embodied: ${num(e.totalKgCo2e)} kg CO2e × ${num(energy.durationSeconds / 3600)} h / ${num(LIFESPAN_HOURS)} h × ${e.instanceVcpus}/${e.familyMaxVcpus} vCPU = **${co2e(emissions.embodiedGCo2e)}**.\n`,
    );
  } else {
    out.push('Embodied: not estimated (no instance data).\n');
  }
  if (band && band.members.length > 1) {
    out.push('<details><summary>Model band: the same samples under the other published models</summary>\n');
    out.push(mdTable(['Model', 'Energy', 'Total'], band.members.map((m) => [`${escapeCell(m.label)}${m.selected ? ' (selected)' : ''}`, energyText(m.energyWh), co2e(m.totalGCo2e)])));
    for (const why of band.skipped) out.push(`\nNot applicable: ${escapeCell(why)}.`);
    out.push('\n</details>\n');
  }
  if (model.notes.length) {
    out.push('<details><summary>Model notes</summary>\n');
    for (const n of model.notes) out.push(`- ${escapeCell(n)}`);
    out.push('\n</details>\n');
  }
  return out.join('\n') + '\n';
}
