// The gated amount split into what the code did and what the clock did (METHODOLOGY.md §10.1). Pure.
//
//   work-driven  workWh = (CPU energy − P_cpu(0) × duration) + (GPU energy − GPU idle × duration)
//                — CPU above idle; for a linear curve exactly (P_max − P_idle) / vCPUs × CPU-seconds
//   time-driven  timeWh = P_cpu(0) × duration + memory + GPU idle × duration  (= total − work)
//   embodied     ∝ duration
//   factors      PUE and grid intensity
// The factors turn any (CPU-seconds, seconds) pair back into Wh and gCO2e, so a run can be priced at
// another run's model and grid (like with like), and at its wall time without contention.
import { cpuWatts } from '../power.js';
import type { ContentionResult } from './contention.js';
import type { ContentionSignals, Emissions, EnergyResult, GateFactors, GateTerms, PowerModel } from '../types.js';

/** The CPU-seconds that drive the work term: the tree's in process-tree scope, the machine's otherwise. */
export function workCpuSeconds(energy: EnergyResult): number {
  return energy.scope === 'process-tree' && energy.treeCpuSeconds !== null ? energy.treeCpuSeconds : energy.machineCpuSeconds;
}

/** Idle watts of the GPUs of the run that have a model row (measured GPUs without a row: their energy is all time-driven). */
function gpuIdleWatts(energy: EnergyResult, model: PowerModel): number | null {
  if (energy.gpuCount === 0 || energy.gpuModels.length === 0) return 0;
  const table = model.gpuWatts ?? {};
  let sum = 0;
  for (const name of energy.gpuModels) {
    const key = Object.keys(table)
      .filter((k) => name.toLowerCase().includes(k.toLowerCase()))
      .sort((a, b) => b.length - a.length)[0];
    if (!key) return null;
    sum += table[key]!.idleWatts;
  }
  return (sum / energy.gpuModels.length) * energy.gpuCount;
}

export function gateTerms(energy: EnergyResult, model: PowerModel, emissions: Emissions, contention: ContentionResult | null, includeEmbodied: boolean): GateTerms {
  const seconds = energy.durationSeconds;
  const hours = seconds / 3600;
  const cpuSeconds = workCpuSeconds(energy);
  const idleW = cpuWatts(model.cpu, 0);
  const cpuWorkWh = Math.max(0, energy.cpuWh - idleW * hours);
  const gpuIdle = gpuIdleWatts(energy, model);
  const gpuWorkWh = gpuIdle === null ? 0 : Math.max(0, energy.gpuWh - gpuIdle * hours);
  const workWh = Math.min(energy.totalWh, cpuWorkWh + gpuWorkWh);
  const timeWh = Math.max(0, energy.totalWh - workWh);
  const slopeWhPerCpuSecond = (cpuWatts(model.cpu, 1) - idleW) / Math.max(1, model.vcpus) / 3600;
  const factors: GateFactors = {
    workWhPerCpuSecond: cpuSeconds > 0 ? workWh / cpuSeconds : slopeWhPerCpuSecond,
    timeWatts: seconds > 0 ? timeWh / hours : idleW + model.memoryGb * model.memoryWattsPerGb,
    embodiedGPerHour: seconds > 0 ? emissions.embodiedGCo2e / hours : 0,
    includeEmbodied,
    pue: emissions.pue,
    gCo2ePerKwh: emissions.intensity.gCo2ePerKwh,
    model: model.label,
    grid: `${emissions.intensity.location} (${emissions.intensity.source})`,
  };
  const signals: ContentionSignals = {
    runDelaySeconds: contention?.runDelaySeconds ?? null,
    stealSeconds: contention?.stealSeconds ?? 0,
    pressureSomeSeconds: contention?.pressureSomeSeconds ?? null,
    foreignCpuSeconds: energy.scope === 'process-tree' ? energy.remainderCpuSeconds : null,
  };
  return {
    v: 1,
    cpuSeconds,
    durationSeconds: seconds,
    contentionSeconds: Math.min(seconds, contention?.contentionSeconds ?? 0),
    runnableSeconds: Math.min(seconds, contention?.runnableSeconds ?? seconds),
    workWh,
    timeWh,
    embodiedGCo2e: emissions.embodiedGCo2e,
    factors,
    signals,
  };
}

/** Energy and gated gCO2e of `cpuSeconds` of work over `seconds` of wall time at the given factors. */
export function priceAt(cpuSeconds: number, seconds: number, f: GateFactors): { energyWh: number; gCo2e: number } {
  const energyWh = f.workWhPerCpuSecond * cpuSeconds + (f.timeWatts * seconds) / 3600;
  const operational = (energyWh / 1000) * f.pue * f.gCo2ePerKwh;
  const embodied = f.includeEmbodied ? (f.embodiedGPerHour * seconds) / 3600 : 0;
  return { energyWh, gCo2e: operational + embodied };
}

/** Wall time that was the code's: the duration less the time explained by contention. */
export function codeSeconds(t: Pick<GateTerms, 'durationSeconds' | 'contentionSeconds'>): number {
  return Math.max(0, t.durationSeconds - t.contentionSeconds);
}

/**
 * Runner slowdown: the wall time the tree had something runnable over that time less contention
 * (1 = no contention). Sleep and waits are left out, so adding a sleep does not make the runner look
 * faster; without the runnable time (older records), the whole wall time stands for it.
 */
export function slowdownOf(t: Pick<GateTerms, 'durationSeconds' | 'contentionSeconds' | 'runnableSeconds'>): number {
  const busy = Math.max(t.runnableSeconds ?? t.durationSeconds, t.contentionSeconds);
  const uncontended = busy - t.contentionSeconds;
  return uncontended > 0 ? busy / uncontended : 1;
}
