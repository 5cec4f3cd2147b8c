// Per component: was the figure measured, modelled from coefficients, or a fallback (defaulted), and
// why. Computed once from the model, the energy result and the intensity; stored in carbon-gate.json;
// the Components and Model sections both render this table, so they cannot disagree. Pure.
import { num } from './format.js';
import type { ComponentProvenance, EnergyResult, GridIntensity, PowerModel, ProvenanceTable } from './types.js';


function cpu(model: PowerModel, energy: EnergyResult): ComponentProvenance {
  if (energy.cpu === 'measured') {
    return {
      status: 'measured',
      reason:
        energy.scope === 'process-tree'
          ? "RAPL package counters: the measured idle floor of the reserved CPUs plus the tree's share of the power above it (METHODOLOGY §1)"
          : 'RAPL package counters, all of it (machine scope)',
    };
  }
  if (model.defaulted?.cpu) return { status: 'defaulted', reason: model.defaulted.cpu };
  if (model.id === 'custom') return { status: 'modelled', reason: 'inputs cpu-watts-idle / cpu-watts-max on a linear curve' };
  const row = model.sources.find((s) => s.what === 'CPU W per vCPU (idle/max)' || s.what === 'CPU TDP' || s.what === 'CPU curve');
  return { status: 'modelled', reason: row ? `${model.label}: ${row.value} (${row.source})` : model.label };
}

function memory(model: PowerModel, energy: EnergyResult): ComponentProvenance {
  if (energy.ram === 'measured') return { status: 'measured', reason: 'RAPL DRAM counters, all of it in both scopes (METHODOLOGY §1)' };
  if (model.defaulted?.memory) return { status: 'defaulted', reason: model.defaulted.memory };
  if (model.memoryWattsPerGb === 0) return { status: 'modelled', reason: `no separate term: ${model.label} covers the whole machine slice` };
  const row = model.sources.find((s) => s.what === 'memory');
  return { status: 'modelled', reason: row ? `${row.value} (${row.source})` : `${num(model.memoryGb, 4)} GiB × ${model.memoryWattsPerGb} W/GiB` };
}

function gpu(energy: EnergyResult): ComponentProvenance {
  switch (energy.gpu) {
    case 'none':
      return { status: 'none', reason: 'no GPU seen' };
    case 'measured':
      return { status: 'measured', reason: 'board power reported by nvidia-smi / rocm-smi' };
    case 'modelled':
      return { status: 'modelled', reason: 'the GPU reported no power: CCF idle/max watts of its model, by its utilisation' };
    default:
      return { status: 'defaulted', reason: 'the GPU reported no power and has no CCF row: its energy is not counted' };
  }
}

function embodied(model: PowerModel): ComponentProvenance {
  if (!model.embodied) return { status: 'none', reason: 'no instance data: not estimated' };
  return { status: 'modelled', reason: model.embodied.source };
}

function pue(model: PowerModel): ComponentProvenance {
  const row = model.sources.find((s) => s.what === 'PUE');
  const reason = row ? `${row.value}: ${row.source}` : String(model.pue);
  // No facility is known: no overhead is assumed (PUE 1, CodeCarbon's default) — a fallback, not a figure.
  return { status: model.pue === 1 && !model.provider ? 'defaulted' : 'modelled', reason };
}

function intensity(g: GridIntensity): ComponentProvenance {
  // Measured means read on this machine; a grid value (live or annual) is a published estimate for a
  // place, so a live value counts as modelled here. Defaulted: no place was known (world, GitHub average).
  return { status: g.status.status === 'defaulted' ? 'defaulted' : 'modelled', reason: `${g.location}: ${g.source}` };
}

export function componentProvenance(model: PowerModel, energy: EnergyResult, g: GridIntensity): ProvenanceTable {
  return { cpu: cpu(model, energy), memory: memory(model, energy), gpu: gpu(energy), embodied: embodied(model), pue: pue(model), intensity: intensity(g) };
}
