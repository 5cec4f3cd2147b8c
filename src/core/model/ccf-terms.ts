// The terms of Cloud Carbon Footprint's compute estimate, shared by the CCF cloud and GitHub-hosted
// kinds: per-vCPU W from the coefficient rows (or the provider's average), CCF's memory rule, the
// embodied share of a host, and the assembled linear model. Pure: the provider row carries the constants.
import type { PowerModel } from '../types.js';
import { fmt, type ModelCall } from './model-kind.js';
import { coefficientRow, microarchitectureOf } from './lookups.js';
import type { CloudProviderRow, CoefficientRow, InstanceRow } from './table-types.js';

export interface PerVcpu {
  idle: number;
  max: number;
  /** GB of memory per chip of the SPECpower servers behind the row(s), for CCF's memory rule. */
  gbPerChip: number | null;
  label: string;
  source: string;
  defaulted: boolean;
}

export interface Platform {
  vcpus: number;
  sockets: number;
  source: string;
}

const nameOf = (call: ModelCall, id: string): string => call.tables.providerIndex.get(id)?.name ?? id;

/** Per-vCPU coefficients for a microarchitecture: the provider's row, a documented stand-in, or another provider's row (file order). */
function coefficientsFor(call: ModelCall, provider: CloudProviderRow, arch: string): CoefficientRow | null {
  let want = arch;
  const standIn = call.tables.constants.microarchitectureStandIns[arch];
  if (standIn) {
    want = standIn.use;
    call.notes.push(`${arch} is modelled with the CCF ${standIn.use} row: ${standIn.reason}.`);
  }
  const own = coefficientRow(call.tables, provider.id, want);
  if (own) return own;
  for (const p of call.tables.providers) {
    if (p.id === provider.id) continue;
    const other = coefficientRow(call.tables, p.id, want);
    if (other) {
      call.notes.push(`CCF has no ${provider.name} row for ${want}; the ${p.name} row is used (same SPECpower basis).`);
      return other;
    }
  }
  return null;
}

/** Per-vCPU idle/max W for one or more microarchitectures (mean over them, as CCF does for families), or the provider average. */
export function perVcpuWatts(call: ModelCall, provider: CloudProviderRow, archs: string[], archEvidence: string): PerVcpu {
  const known = archs.filter((a) => a && a !== 'Unknown');
  const rows: CoefficientRow[] = [];
  for (const a of known) {
    const r = coefficientsFor(call, provider, a);
    if (r) rows.push(r);
    else call.notes.push(`CCF has no coefficients for ${a}.`);
  }
  if (rows.length > 0) {
    const idle = rows.reduce((s, r) => s + r.minWattsPerVcpu, 0) / rows.length;
    const max = rows.reduce((s, r) => s + r.maxWattsPerVcpu, 0) / rows.length;
    const gbPerChip = rows.reduce((s, r) => s + r.gbPerChip, 0) / rows.length;
    const names = rows.map((r) => `${nameOf(call, r.provider)} ${r.microarchitecture}`);
    if (rows.length > 1) call.notes.push(`${archEvidence} may run on ${known.join(', ')}; the mean of their CCF rows is used.`);
    call.sources.push({ what: 'microarchitecture', value: known.join('; '), source: archEvidence });
    return {
      idle,
      max,
      gbPerChip,
      label: rows.length > 1 ? `mean of ${names.join(', ')}` : names[0],
      source: `CCF coefficients-*-use.csv (ccf-coefficients @ b0032d9): ${names.join(', ')}`,
      defaulted: false,
    };
  }
  call.cpuDefaulted = `microarchitecture unknown (${archEvidence}): CCF's ${provider.name} ${provider.averageKind} per-vCPU coefficients`;
  call.notes.push(`Microarchitecture unknown (${archEvidence}); CCF's ${provider.name} ${provider.averageKind} per-vCPU coefficients are used (defaulted).`);
  return {
    idle: provider.avgMinWattsPerVcpu,
    max: provider.avgMaxWattsPerVcpu,
    gbPerChip: provider.avgGbPerChip,
    label: `${provider.name} ${provider.averageKind}`,
    source: provider.source,
    defaulted: true,
  };
}

export function cpuArchFromFacts(call: ModelCall): { archs: string[]; evidence: string } {
  const hit = microarchitectureOf(call.tables, call.facts.cpuModel);
  if (hit) return { archs: [hit.microarchitecture], evidence: `CPU "${call.facts.cpuModel}" matches "${hit.cpuModel}" (${hit.source})` };
  return { archs: [], evidence: `CPU "${call.facts.cpuModel || 'unknown'}" is in no CCF microarchitecture list` };
}

export function memorySource(call: ModelCall, memoryGb: number, from: string): void {
  const m = call.tables.constants.memoryWattsPerGb;
  call.sources.push({ what: 'memory', value: `${fmt(memoryGb)} GiB × ${m.value} W/GiB`, source: `${from}; ${m.source}` });
}

/**
 * CCF's memory rule (provider memory_rule 'platform-share', AWS/Azure): the SPECpower servers behind the
 * per-vCPU coefficients already include gbPerChip × sockets of memory for the platform's vCPUs, so only
 * memory above the instance's share of it is added. Rule 'all' (GCP, as CCF does) and machines without
 * platform data: all memory.
 */
export function chargedMemoryGb(
  call: ModelCall,
  args: { provider: CloudProviderRow | null; memoryGb: number; vcpus: number; perVcpu: PerVcpu; platform: Platform | null; from: string },
): number {
  const { provider, memoryGb, vcpus, perVcpu, platform, from } = args;
  if (provider?.memoryRule === 'all') {
    memorySource(call, memoryGb, `${from}; all memory, as CCF does for ${provider.name}`);
    return memoryGb;
  }
  if (!platform || !perVcpu.gbPerChip || !(platform.vcpus > 0)) {
    call.notes.push(`Host platform unknown: all ${fmt(memoryGb, 3)} GiB of memory are charged; CCF would first subtract the memory already inside the per-vCPU coefficient.`);
    memorySource(call, memoryGb, `${from}; all memory (platform unknown)`);
    return memoryGb;
  }
  const included = (vcpus * perVcpu.gbPerChip * platform.sockets) / platform.vcpus;
  const charged = Math.max(0, memoryGb - included);
  const m = call.tables.constants.memoryWattsPerGb;
  call.sources.push({
    what: 'memory',
    value: `${fmt(charged)} GiB × ${m.value} W/GiB`,
    source: `${from} ${fmt(memoryGb)} GiB minus ${fmt(included)} GiB already in the CCF coefficient (${vcpus} vCPU × ${fmt(perVcpu.gbPerChip)} GiB/chip × ${platform.sockets} chip(s) / ${platform.vcpus} platform vCPUs; ${platform.source}); CCF memory coefficient`,
  });
  return charged;
}

export function socketsOf(call: ModelCall, arch: string | undefined): number {
  const t = call.tables.constants.memoryRule.socketsByMicroarchitecture;
  return (arch ? t[arch] : undefined) ?? t.Unknown;
}

/** The CCF linear model: per-vCPU idle/max × vCPUs, memory at CCF's W/GB, the given PUE. */
export function ccfModel(
  call: ModelCall,
  args: { provider: string; vcpus: number; memoryGb: number; perVcpu: PerVcpu; label: string; pue: number; pueSource: string; instanceType?: string; microarchitecture?: string },
): PowerModel {
  const { provider, vcpus, perVcpu } = args;
  call.sources.push({ what: 'CPU W per vCPU (idle/max)', value: `${fmt(perVcpu.idle)} / ${fmt(perVcpu.max)} × ${vcpus} vCPU`, source: perVcpu.source });
  call.sources.push({ what: 'PUE', value: String(args.pue), source: args.pueSource });
  return {
    id: 'ccf',
    label: args.label,
    provider,
    microarchitecture: args.microarchitecture,
    instanceType: args.instanceType,
    vcpus,
    cpu: { kind: 'linear', idleWatts: perVcpu.idle * vcpus, maxWatts: perVcpu.max * vcpus },
    memoryGb: args.memoryGb,
    memoryWattsPerGb: call.tables.constants.memoryWattsPerGb.value,
    pue: args.pue,
    sources: call.sources,
    notes: call.notes,
  };
}

/** CCF's embodied share: the host's total × instance vCPUs / largest vCPUs of the family (the lifespan is applied later). */
export function embodiedFromRow(call: ModelCall, row: InstanceRow, instanceVcpus: number, why: string): PowerModel['embodied'] {
  if (row.embodiedKgCo2e === null) {
    call.notes.push(`No CCF embodied figure for ${row.instanceType} or its family; embodied emissions are not estimated.`);
    return undefined;
  }
  const source = `${row.embodiedSource} row ${nameOf(call, row.provider)} ${row.instanceType} (family ${row.family}, largest ${row.familyMaxVcpus} vCPU)${why ? `; ${why}` : ''}`;
  call.sources.push({ what: 'embodied (host total)', value: `${row.embodiedKgCo2e} kgCO2e × ${instanceVcpus}/${row.familyMaxVcpus} vCPU`, source });
  return { totalKgCo2e: row.embodiedKgCo2e, instanceVcpus, familyMaxVcpus: row.familyMaxVcpus, source };
}
