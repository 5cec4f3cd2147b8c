// Cloud Carbon Footprint's model of a cloud VM: a known instance type (its vCPUs, memory,
// microarchitectures, host platform and embodied row), a cloud machine of unknown type (CPU model →
// microarchitecture, sizes from the machine), or CCF without a cloud (the widest coefficient table, no
// PUE). The provider row passed in carries the PUE, the fallback coefficients and the memory rule.
import type { PowerModel } from '../types.js';
import { ccfModel, chargedMemoryGb, cpuArchFromFacts, embodiedFromRow, perVcpuWatts } from './ccf-terms.js';
import { instanceFileOf, type CloudProviderRow, type InstanceRow, type Tables } from './table-types.js';
import { machineMemoryGb, type ModelCall, type ModelKind, type ModelTarget } from './model-kind.js';

/** A cloud instance from the instance table (inputs or instance metadata). */
function instanceModel(call: ModelCall, provider: CloudProviderRow, row: InstanceRow, origin: string): PowerModel {
  const { facts } = call;
  if (facts.logicalCpus !== row.vcpus) {
    call.notes.push(`The machine reports ${facts.logicalCpus} logical CPUs, ${row.instanceType} has ${row.vcpus} vCPUs; the instance's ${row.vcpus} are used.`);
  }
  let archs = row.microarchitectures.filter((a) => a !== 'Unknown');
  let evidence = `instance table: ${provider.name} ${row.instanceType}${row.cpuName ? ` (${row.cpuName})` : ''}`;
  if (archs.length === 0) {
    const fromCpu = cpuArchFromFacts(call);
    archs = fromCpu.archs;
    evidence = `CCF lists ${row.instanceType} as "Unknown"; ${fromCpu.evidence}`;
  }
  const perVcpu = perVcpuWatts(call, provider, archs, evidence);
  call.sources.push({ what: 'instance type', value: `${provider.name} ${row.instanceType}: ${row.vcpus} vCPU, ${row.memoryGb} GiB`, source: `${origin}; CCF instance data (data/${instanceFileOf(provider.id)})` });
  const platform = row.platformVcpus && row.platformSockets ? { vcpus: row.platformVcpus, sockets: row.platformSockets, source: `CCF platform data of ${row.instanceType}` } : null;
  const memoryGb = chargedMemoryGb(call, {
    provider,
    memoryGb: row.memoryGb > 0 ? row.memoryGb : machineMemoryGb(facts),
    vcpus: row.vcpus,
    perVcpu,
    platform,
    from: row.memoryGb > 0 ? 'instance memory' : 'machine memory',
  });
  const model = ccfModel(call, {
    provider: provider.id,
    vcpus: row.vcpus,
    memoryGb,
    perVcpu,
    label: `CCF ${provider.name} ${row.instanceType} (${perVcpu.label})`,
    pue: provider.pue,
    pueSource: provider.pueSource,
    instanceType: row.instanceType,
    microarchitecture: archs.join('; ') || undefined,
  });
  model.embodied = embodiedFromRow(call, row, row.vcpus, '');
  if (row.gpus > 0 && facts.gpus.length === 0) call.notes.push(`${row.instanceType} has ${row.gpus} GPU(s) but none was found on the machine.`);
  return model;
}

/** A cloud machine whose instance type is unknown: CPU model → microarchitecture, sizes from the machine. */
function cpuModel(call: ModelCall, provider: CloudProviderRow, origin: string): PowerModel {
  const { facts } = call;
  const { archs, evidence } = cpuArchFromFacts(call);
  const perVcpu = perVcpuWatts(call, provider, archs, evidence);
  call.sources.push({ what: 'vCPUs', value: String(facts.logicalCpus), source: 'machine (logical CPUs)' });
  const memoryGb = chargedMemoryGb(call, { provider, memoryGb: machineMemoryGb(facts), vcpus: facts.logicalCpus, perVcpu, platform: null, from: 'machine memory' });
  call.notes.push(`No instance type (${origin}): embodied emissions are not estimated; set instance-type to include them.`);
  return ccfModel(call, {
    provider: provider.id,
    vcpus: facts.logicalCpus,
    memoryGb,
    perVcpu,
    label: `CCF ${provider.name} per-vCPU model (${perVcpu.label})`,
    pue: provider.pue,
    pueSource: provider.pueSource,
    microarchitecture: archs[0],
  });
}

/** The provider with the most coefficient rows (the first such in file order): CCF's widest table. */
export function widestProvider(tables: Tables): CloudProviderRow {
  const count = (p: CloudProviderRow): number => tables.coefficients.filter((c) => c.provider === p.id).length;
  return tables.providers.reduce((best, p) => (count(p) > count(best) ? p : best));
}

/** power-model: ccf on a machine with no cloud: CPU model → microarchitecture, the widest CCF table, no facility overhead. */
function withoutCloud(call: ModelCall): PowerModel {
  const { facts, tables } = call;
  const widest = widestProvider(tables);
  const { archs, evidence } = cpuArchFromFacts(call);
  const perVcpu = perVcpuWatts(call, widest, archs, evidence);
  call.notes.push(`No cloud is known: CCF coefficients are taken from the ${widest.name} table (the one with the most microarchitectures) and no facility overhead is added.`);
  call.notes.push('Embodied emissions are not estimated for this machine (no instance data).');
  call.sources.push({ what: 'vCPUs', value: String(facts.logicalCpus), source: 'machine (logical CPUs)' });
  const memoryGb = chargedMemoryGb(call, { provider: null, memoryGb: machineMemoryGb(facts), vcpus: facts.logicalCpus, perVcpu, platform: null, from: 'machine memory' });
  const m = ccfModel(call, {
    provider: widest.id,
    vcpus: facts.logicalCpus,
    memoryGb,
    perVcpu,
    label: `CCF per-vCPU model without a cloud (${perVcpu.label})`,
    pue: tables.constants.onPremPue.value,
    pueSource: tables.constants.onPremPue.source,
    microarchitecture: archs[0],
  });
  delete m.provider;
  return m;
}

/** CCF cloud: an instance row when the target has one, else the provider's per-vCPU model, else CCF without a cloud. */
export const ccfCloud: ModelKind = {
  id: 'ccf',
  build(call: ModelCall, target: ModelTarget): PowerModel {
    const origin = target.origin ?? 'inputs';
    if (target.provider && target.instance) return instanceModel(call, target.provider, target.instance, origin);
    if (target.provider) return cpuModel(call, target.provider, origin);
    return withoutCloud(call);
  },
};

