// The model band: the same samples under the other published models that apply to this machine, so a
// reader sees how much the figure depends on the model chosen (METHODOLOGY §5.1). Information only: the
// gate uses the selected model. Only the power model varies: every member is charged at the run's PUE
// and grid intensity, plus the run's embodied figure. Pure (tables are passed in).
import { EnergyIntegrator } from '../energy.js';
import { co2e, mass } from '../format.js';
import type { BandMember, CpuCurve, Emissions, EnergyResult, HardwareFacts, ModelBand, PowerModel, Sample, Scope } from '../types.js';
import { widestProvider } from './ccf-cloud.js';
import type { ModelSettings } from './settings.js';
import { coefficientRow, microarchitectureOf, providerRow, tdpOf, type CoefficientRow, type Provider, type Tables } from './tables.js';

const GIB = 1024 ** 3;

export interface BandModel {
  id: string;
  label: string;
  model: PowerModel;
}

/**
 * CodeCarbon 3.3's RAM rule (codecarbon/external/ram.py, transcribed in upstream codecarbon-constants.json):
 * a DIMM count from the RAM size (≤2 GB: 1, ≤16: 2, ≤64: 4, ≤128: 8), 5 W per DIMM on x86 and 1.5 W on
 * Arm, DIMMs 5–8 at 90 %, minimum 10 W (x86) or 3 W (Arm). Its "GB" is GiB. Null above 128 GiB, where
 * the heuristic's exact steps were not transcribed.
 */
export function codecarbonRamWatts(gib: number, arm: boolean): number | null {
  const dimms = gib <= 2 ? 1 : gib <= 16 ? 2 : gib <= 64 ? 4 : gib <= 128 ? 8 : null;
  if (dimms === null) return null;
  const perDimm = arm ? 1.5 : 5;
  let watts = 0;
  for (let i = 1; i <= dimms; i++) watts += perDimm * (i <= 4 ? 1 : 0.9);
  return Math.max(watts, arm ? 3 : 10);
}

/** CodeCarbon's cpu_load rule: machine mode TDP × (0.1 + 0.9 u³) (as points, 2.5 % apart); process mode TDP × u. */
export function codecarbonCpuCurve(tdpWatts: number, scope: Scope): CpuCurve {
  if (scope === 'process-tree') return { kind: 'linear', idleWatts: 0, maxWatts: tdpWatts };
  const points: Array<[number, number]> = [];
  for (let i = 0; i <= 40; i++) points.push([i / 40, tdpWatts * (0.1 + 0.9 * (i / 40) ** 3)]);
  return { kind: 'points', points };
}

const variant = (base: PowerModel, over: Partial<PowerModel>): PowerModel => ({ ...base, sources: [], notes: [], ...over });

function ccfRows(tables: Tables, provider: Provider, facts: HardwareFacts): { rows: CoefficientRow[]; known: boolean } {
  const arch = microarchitectureOf(tables, facts.cpuModel)?.microarchitecture;
  const standIn = arch ? tables.constants.microarchitectureStandIns[arch]?.use : undefined;
  const want = standIn ?? arch;
  if (want) {
    for (const p of [provider, ...tables.providers.map((x) => x.id)]) {
      const r = coefficientRow(tables, p, want);
      if (r) return { rows: [r], known: true };
    }
  }
  // Unknown microarchitecture: the lowest and highest of the provider's rows (flagged rows aside).
  const own = tables.coefficients.filter((c) => c.provider === provider && !c.flag);
  const byMax = [...own].sort((a, b) => a.maxWattsPerVcpu - b.maxWattsPerVcpu);
  return { rows: byMax.length ? [byMax[0]!, byMax[byMax.length - 1]!] : [], known: false };
}

/** The other published models that apply to this machine, and those that do not, with why. */
export function bandModels(args: { model: PowerModel; facts: HardwareFacts; settings: ModelSettings; tables: Tables; scope: Scope }): { models: BandModel[]; skipped: string[] } {
  const { model, facts, settings, tables, scope } = args;
  const models: BandModel[] = [];
  const skipped: string[] = [];
  const machineGib = facts.memoryBytes / GIB;
  const arm = /^(arm64|aarch64)$/i.test(facts.arch);
  const ccfMemory = { memoryGb: machineGib, memoryWattsPerGb: tables.constants.memoryWattsPerGb.value };

  // CCF: the row of the machine's microarchitecture, or the lowest and highest rows when it is unknown.
  const { rows, known } = ccfRows(tables, model.provider ?? widestProvider(tables).id, facts);
  const selectedIsCcf = model.id === 'ccf' && !model.defaulted?.cpu;
  for (const [i, r] of rows.entries()) {
    if (selectedIsCcf && known) break;
    const which = known ? '' : i === 0 ? 'lowest row, ' : 'highest row, ';
    const memory = model.id === 'ccf' ? {} : ccfMemory;
    models.push({
      id: known ? 'ccf' : i === 0 ? 'ccf-min' : 'ccf-max',
      label: `CCF ${which}${providerRow(tables, r.provider)?.name ?? r.provider} ${r.microarchitecture} (${r.minWattsPerVcpu.toFixed(3)}/${r.maxWattsPerVcpu.toFixed(3)} W per vCPU)`,
      model: variant(model, { id: 'ccf', cpu: { kind: 'linear', idleWatts: r.minWattsPerVcpu * model.vcpus, maxWatts: r.maxWattsPerVcpu * model.vcpus }, ...memory }),
    });
  }

  // CodeCarbon: its TDP rule charges the whole package's TDP, which does not apply to a slice of a cloud
  // host; its RAM rule applies to any machine.
  const ram = codecarbonRamWatts(machineGib, arm);
  if (ram === null) skipped.push(`CodeCarbon RAM rule: ${machineGib.toFixed(0)} GiB is above the transcribed DIMM steps (128 GiB)`);
  const cloudSlice = !!model.provider || facts.runnerEnvironment === 'github-hosted';
  const tdp = settings.tdpWatts ?? tdpOf(tables, facts.cpuModel)?.tdpWatts ?? 4 * facts.logicalCpus;
  if (ram !== null) {
    const ramTerm = { memoryGb: 1, memoryWattsPerGb: ram };
    if (cloudSlice) {
      skipped.push('CodeCarbon TDP rule: it charges the whole CPU package to a cloud VM slice; its RAM rule is applied with the selected CPU term');
      models.push({ id: 'codecarbon-ram', label: `CodeCarbon RAM rule (${ram} W) with the selected CPU term`, model: variant(model, { id: model.id, ...ramTerm }) });
    } else {
      models.push({
        id: 'codecarbon',
        label: `CodeCarbon ${scope === 'process-tree' ? 'process' : 'machine'} mode: TDP ${tdp} W ${scope === 'process-tree' ? '× u' : '× (0.1 + 0.9 u³)'}, RAM ${ram} W`,
        model: variant(model, { id: 'tdp', cpu: codecarbonCpuCurve(tdp, scope), ...ramTerm }),
      });
    }
  }

  // Eco CI: its curve is for GitHub's 4-vCPU x64 runner on an AMD EPYC 7763.
  const e = tables.constants.ecoci;
  const ecociFits = facts.runnerEnvironment === 'github-hosted' && facts.os === 'linux' && !arm && facts.logicalCpus === e.instanceVcpus && /EPYC 7763/i.test(facts.cpuModel);
  if (model.id === 'ecoci-github-4vcpu') {
    // the selected model itself
  } else if (ecociFits) {
    models.push({ id: 'ecoci-github-4vcpu', label: "Eco CI's curve for a 4-vCPU EPYC 7763 runner (whole slice)", model: variant(model, { id: 'ecoci-github-4vcpu', cpu: { kind: 'points', points: tables.ecociCurve.map(([u, w]) => [u, w]) }, memoryWattsPerGb: 0 }) });
  } else {
    skipped.push(`Eco CI curve: for a GitHub-hosted 4-vCPU x64 runner on an AMD EPYC 7763; this machine is ${facts.runnerEnvironment}, ${facts.logicalCpus} CPU, ${facts.cpuModel || 'unknown CPU'}`);
  }
  return { models, skipped };
}

/** Feeds the same samples to one integrator per band model. RAPL is left out: the band is about models. */
export class ModelBandTracker {
  private readonly its: Array<{ m: BandModel; it: EnergyIntegrator }>;
  constructor(
    private readonly band: { models: BandModel[]; skipped: string[] },
    scope: Scope,
    intervalSeconds: number,
  ) {
    this.its = band.models.map((m) => ({ m, it: new EnergyIntegrator({ model: m.model, scope, intervalSeconds }) }));
  }

  /** The next accepted sample; `skipReason` (from the integrity guard) skips the interval ending at it. */
  add(s: Sample, skipReason: string | null = null): void {
    if (!this.its.length) return;
    const modelled = s.rapl ? { ...s, rapl: undefined } : s;
    for (const { it } of this.its) it.add(modelled, skipReason);
  }

  result(selected: { model: PowerModel; energy: EnergyResult; emissions: Emissions }): ModelBand {
    const { emissions } = selected;
    const gramsOf = (wh: number): number => (wh / 1000) * emissions.pue * emissions.intensity.gCo2ePerKwh + emissions.embodiedGCo2e;
    const members: BandMember[] = [
      { id: selected.model.id, label: selected.model.label, energyWh: selected.energy.totalWh, totalGCo2e: emissions.totalGCo2e, selected: true },
      ...this.its.map(({ m, it }) => {
        const wh = it.result().totalWh;
        return { id: m.id, label: m.label, energyWh: wh, totalGCo2e: gramsOf(wh), selected: false };
      }),
    ];
    const g = members.map((m) => m.totalGCo2e);
    const w = members.map((m) => m.energyWh);
    return { lowGCo2e: Math.min(...g), highGCo2e: Math.max(...g), lowWh: Math.min(...w), highWh: Math.max(...w), members, skipped: this.band.skipped };
  }
}

/** "15.5 mg CO2e (model band 11 mg–27 mg)": the selected total with the band, for the reports. */
export function bandText(totalGCo2e: number, band: ModelBand): string {
  return `${co2e(totalGCo2e)} (model band ${mass(band.lowGCo2e)}–${mass(band.highGCo2e)})`;
}
