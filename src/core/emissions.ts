import { LIFESPAN_HOURS } from './constants.js';
import type { EnergyResult, Emissions, GridIntensity, PowerModel } from './types.js';

/**
 * operational (g) = energy (kWh) × PUE × intensity (g/kWh);
 * embodied (g)    = TE (kg) × 1000 × hours / LIFESPAN_HOURS (35,040) × instance vCPU / largest vCPU in the family (CCF).
 * `includeEmbodied` decides what the gate compares (gatedGCo2e); both parts are always reported.
 */
export function computeEmissions(energy: EnergyResult, model: PowerModel, intensity: GridIntensity, includeEmbodied: boolean): Emissions {
  const operationalGCo2e = (energy.totalWh / 1000) * model.pue * intensity.gCo2ePerKwh;
  const hours = energy.durationSeconds / 3600;
  const e = model.embodied;
  const share = e && e.familyMaxVcpus > 0 ? Math.min(1, e.instanceVcpus / e.familyMaxVcpus) : 0;
  const embodiedGCo2e = e ? e.totalKgCo2e * 1000 * (hours / LIFESPAN_HOURS) * share : 0;
  const totalGCo2e = operationalGCo2e + embodiedGCo2e;
  return {
    operationalGCo2e,
    embodiedGCo2e,
    totalGCo2e,
    gatedGCo2e: includeEmbodied ? totalGCo2e : operationalGCo2e,
    intensity,
    pue: model.pue,
  };
}
