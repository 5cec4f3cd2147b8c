// Eco CI's curve for GitHub's 4-vCPU ubuntu runner (a 4/128 slice of an AMD EPYC 7763 host): the
// measured watts at utilisation points, interpolated linearly; the slice's embodied share; no memory
// term (the curve covers the whole VM slice). Constants: data/ecoci-github-4vcpu.csv and constants.ecoci.
import type { CpuCurve, PowerModel } from '../types.js';
import { fmt, machineMemoryGb, type ModelCall, type ModelKind } from './model-kind.js';

export const ecociKind: ModelKind = {
  id: 'ecoci-github-4vcpu',
  build(call: ModelCall): PowerModel {
    const { facts, tables } = call;
    const e = tables.constants.ecoci;
    if (facts.logicalCpus !== e.instanceVcpus) {
      call.notes.push(`Eco CI's curve is for a ${e.instanceVcpus}-vCPU runner; this machine has ${facts.logicalCpus} logical CPUs. The curve is used unscaled.`);
    }
    const curve: CpuCurve = { kind: 'points', points: tables.ecociCurve.map(([u, w]) => [u, w]) };
    const first = tables.ecociCurve[0][1];
    const last = tables.ecociCurve[tables.ecociCurve.length - 1][1];
    call.sources.push({ what: 'CPU curve', value: `${tables.ecociCurve.length} points, ${fmt(first)} W idle → ${fmt(last)} W at 100 %`, source: 'Eco CI machine-power-data github_EPYC_7763_4_CPU_shared (eco-ci-energy-estimation @ c10acd3, MIT)' });
    call.sources.push({ what: 'PUE', value: String(e.pue), source: e.pueNote });
    call.sources.push({ what: 'embodied (host total)', value: `${e.embodiedHostKgCo2e} kgCO2e × ${e.instanceVcpus}/${e.hostVcpus} vCPU`, source: e.source });
    call.notes.push("Eco CI's curve covers the whole VM slice, so no separate memory term is added.");
    return {
      id: 'ecoci-github-4vcpu',
      label: 'Eco CI curve for GitHub ubuntu-latest (4/128 of an AMD EPYC 7763 host)',
      provider: e.provider,
      microarchitecture: e.microarchitecture,
      vcpus: facts.logicalCpus,
      cpu: curve,
      memoryGb: machineMemoryGb(facts),
      memoryWattsPerGb: 0,
      pue: e.pue,
      embodied: { totalKgCo2e: e.embodiedHostKgCo2e, instanceVcpus: e.instanceVcpus, familyMaxVcpus: e.hostVcpus, source: e.source },
      sources: call.sources,
      notes: call.notes,
    };
  },
};
