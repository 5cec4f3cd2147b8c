// Model selection: a pure function from (hardware facts, runner environment, inputs, tables,
// optional cloud metadata) to a PowerModel. Order (METHODOLOGY.md §3):
//   1. inputs: power-model, tdp-watts, cloud-provider + instance-type, then cpu-watts-idle/max on top;
//   2. GitHub-hosted runner: Azure, CPU model → microarchitecture → CCF Azure row;
//   3. self-hosted on a cloud: instance metadata (detect-cloud) or a region's provider;
//   4. on-prem / unknown: TDP of the CPU model (CodeCarbon table) on a linear curve.
import type { CpuCurve, HardwareFacts, PowerModel, SourceRef } from '../types.js';
import { num } from '../format.js';
import type { Settings } from '../../settings/settings.js';
import { InputError } from '../../settings/inputs.js';
import type { CloudMetadata } from './cloud.js';
import {
  coefficientRow,
  gpuRowOf,
  instanceRow,
  microarchitectureOf,
  nearestNames,
  tdpOf,
  type CoefficientRow,
  type InstanceRow,
  type Provider,
  type RunnerProfile,
  type Tables,
} from './tables.js';

/** SourceRef.what of the cloud region found by instance metadata (display only; the typed field is PowerModel.region). */
export const CLOUD_REGION_WHAT = 'cloud region';

const PROVIDER_NAME: Record<Provider, string> = { aws: 'AWS', azure: 'Azure', gcp: 'GCP' };

interface Ctx {
  facts: HardwareFacts;
  settings: Settings;
  tables: Tables;
  sources: SourceRef[];
  notes: string[];
  /** Why the CPU term uses a fallback (provider average, default TDP); read into PowerModel.defaulted. */
  cpuDefaulted?: string;
}

// Memory is counted in GiB (2^30 bytes) throughout, and labelled so: CCF's 0.392 W per "GB" is applied
// to cloud instance memory, which AWS and Azure size in GiB, and comes from DIMM power per capacity
// (Crucial, Micron), which is binary too; CodeCarbon's "GB" is bytes / 1024³ as well.
const GIB = 1024 ** 3;
const fmt = (x: number, digits = 4): string => num(x, digits);
const machineMemoryGb = (facts: HardwareFacts): number => facts.memoryBytes / GIB;

/** The cloud region recorded in a model by instance metadata, if any, as `provider:region`. */
export function modelRegion(model: PowerModel): string | null {
  return model.region ? `${model.region.provider}:${model.region.name}` : null;
}

function normalisedArch(arch: string): string {
  const a = arch.toLowerCase();
  if (a === 'x64' || a === 'x86_64' || a === 'amd64') return 'x64';
  if (a === 'arm64' || a === 'aarch64') return 'arm64';
  return a;
}

/** Per-vCPU coefficients for a microarchitecture: the provider's row, a documented stand-in, or another provider's row. */
function coefficientsFor(ctx: Ctx, provider: Provider, arch: string): CoefficientRow | null {
  let want = arch;
  const standIn = ctx.tables.constants.microarchitectureStandIns[arch];
  if (standIn) {
    want = standIn.use;
    ctx.notes.push(`${arch} is modelled with the CCF ${standIn.use} row: ${standIn.reason}.`);
  }
  const own = coefficientRow(ctx.tables, provider, want);
  if (own) return own;
  for (const p of ['aws', 'gcp', 'azure'] as const) {
    if (p === provider) continue;
    const other = coefficientRow(ctx.tables, p, want);
    if (other) {
      ctx.notes.push(`CCF has no ${PROVIDER_NAME[provider]} row for ${want}; the ${PROVIDER_NAME[p]} row is used (same SPECpower basis).`);
      return other;
    }
  }
  return null;
}

interface PerVcpu {
  idle: number;
  max: number;
  /** GB of memory per chip of the SPECpower servers behind the row(s), for CCF's memory rule. */
  gbPerChip: number | null;
  label: string;
  source: string;
  defaulted: boolean;
}

/** Per-vCPU idle/max W for one or more microarchitectures (mean over them, as CCF does for families), or the provider average. */
function perVcpuWatts(ctx: Ctx, provider: Provider, archs: string[], archEvidence: string): PerVcpu {
  const known = archs.filter((a) => a && a !== 'Unknown');
  const rows: CoefficientRow[] = [];
  for (const a of known) {
    const r = coefficientsFor(ctx, provider, a);
    if (r) rows.push(r);
    else ctx.notes.push(`CCF has no coefficients for ${a}.`);
  }
  if (rows.length > 0) {
    const idle = rows.reduce((s, r) => s + r.minWattsPerVcpu, 0) / rows.length;
    const max = rows.reduce((s, r) => s + r.maxWattsPerVcpu, 0) / rows.length;
    const gbPerChip = rows.reduce((s, r) => s + r.gbPerChip, 0) / rows.length;
    const names = rows.map((r) => `${PROVIDER_NAME[r.provider]} ${r.microarchitecture}`);
    if (rows.length > 1) ctx.notes.push(`${archEvidence} may run on ${known.join(', ')}; the mean of their CCF rows is used.`);
    ctx.sources.push({ what: 'microarchitecture', value: known.join('; '), source: archEvidence });
    return {
      idle,
      max,
      gbPerChip,
      label: rows.length > 1 ? `mean of ${names.join(', ')}` : names[0],
      source: `CCF coefficients-*-use.csv (ccf-coefficients @ b0032d9): ${names.join(', ')}`,
      defaulted: false,
    };
  }
  const c = ctx.tables.constants.clouds[provider];
  ctx.cpuDefaulted = `microarchitecture unknown (${archEvidence}): CCF's ${PROVIDER_NAME[provider]} ${c.averageKind} per-vCPU coefficients`;
  ctx.notes.push(
    `Microarchitecture unknown (${archEvidence}); CCF's ${PROVIDER_NAME[provider]} ${c.averageKind} per-vCPU coefficients are used (defaulted).`,
  );
  return {
    idle: c.avgMinWattsPerVcpu,
    max: c.avgMaxWattsPerVcpu,
    gbPerChip: c.avgGbPerChip ?? null,
    label: `${PROVIDER_NAME[provider]} ${c.averageKind}`,
    source: c.source,
    defaulted: true,
  };
}

function cpuArchFromFacts(ctx: Ctx): { archs: string[]; evidence: string } {
  const hit = microarchitectureOf(ctx.tables, ctx.facts.cpuModel);
  if (hit) return { archs: [hit.microarchitecture], evidence: `CPU "${ctx.facts.cpuModel}" matches "${hit.cpuModel}" (${hit.source})` };
  return { archs: [], evidence: `CPU "${ctx.facts.cpuModel || 'unknown'}" is in no CCF microarchitecture list` };
}

function memorySource(ctx: Ctx, memoryGb: number, from: string): void {
  const m = ctx.tables.constants.memoryWattsPerGb;
  ctx.sources.push({ what: 'memory', value: `${fmt(memoryGb)} GiB × ${m.value} W/GiB`, source: `${from}; ${m.source}` });
}

interface Platform {
  vcpus: number;
  sockets: number;
  source: string;
}

/**
 * CCF's memory rule (AWS/Azure): the SPECpower servers behind the per-vCPU coefficients already
 * include gbPerChip × sockets of memory for the platform's vCPUs, so only memory above the instance's
 * share of it is added. GCP (as CCF does) and machines without platform data: all memory.
 */
function chargedMemoryGb(ctx: Ctx, args: { provider: Provider | null; memoryGb: number; vcpus: number; perVcpu: PerVcpu; platform: Platform | null; from: string }): number {
  const { provider, memoryGb, vcpus, perVcpu, platform, from } = args;
  if (provider === 'gcp') {
    memorySource(ctx, memoryGb, `${from}; all memory, as CCF does for GCP`);
    return memoryGb;
  }
  if (!platform || !perVcpu.gbPerChip || !(platform.vcpus > 0)) {
    ctx.notes.push(`Host platform unknown: all ${fmt(memoryGb, 3)} GiB of memory are charged; CCF would first subtract the memory already inside the per-vCPU coefficient.`);
    memorySource(ctx, memoryGb, `${from}; all memory (platform unknown)`);
    return memoryGb;
  }
  const included = (vcpus * perVcpu.gbPerChip * platform.sockets) / platform.vcpus;
  const charged = Math.max(0, memoryGb - included);
  const m = ctx.tables.constants.memoryWattsPerGb;
  ctx.sources.push({
    what: 'memory',
    value: `${fmt(charged)} GiB × ${m.value} W/GiB`,
    source: `${from} ${fmt(memoryGb)} GiB minus ${fmt(included)} GiB already in the CCF coefficient (${vcpus} vCPU × ${fmt(perVcpu.gbPerChip)} GiB/chip × ${platform.sockets} chip(s) / ${platform.vcpus} platform vCPUs; ${platform.source}); CCF memory coefficient`,
  });
  return charged;
}

function socketsOf(ctx: Ctx, arch: string | undefined): number {
  const t = ctx.tables.constants.memoryRule.socketsByMicroarchitecture;
  return (arch ? t[arch] : undefined) ?? t.Unknown;
}

function ccfModel(ctx: Ctx, args: { provider: Provider; vcpus: number; memoryGb: number; perVcpu: PerVcpu; label: string; pue: number; pueSource: string; instanceType?: string; microarchitecture?: string }): PowerModel {
  const { provider, vcpus, perVcpu } = args;
  ctx.sources.push({
    what: 'CPU W per vCPU (idle/max)',
    value: `${fmt(perVcpu.idle)} / ${fmt(perVcpu.max)} × ${vcpus} vCPU`,
    source: perVcpu.source,
  });
  ctx.sources.push({ what: 'PUE', value: String(args.pue), source: args.pueSource });
  return {
    id: 'ccf',
    label: args.label,
    provider,
    microarchitecture: args.microarchitecture,
    instanceType: args.instanceType,
    vcpus,
    cpu: { kind: 'linear', idleWatts: perVcpu.idle * vcpus, maxWatts: perVcpu.max * vcpus },
    memoryGb: args.memoryGb,
    memoryWattsPerGb: ctx.tables.constants.memoryWattsPerGb.value,
    pue: args.pue,
    sources: ctx.sources,
    notes: ctx.notes,
  };
}

function unknownInstance(tables: Tables, provider: Provider, instanceType: string): InputError {
  const names = tables.instancesOf(provider).map((i) => (provider === 'azure' ? `Standard_${i.instanceType.replace(/ /g, '_')}` : i.instanceType));
  return new InputError('instance-type', instanceType, `a ${PROVIDER_NAME[provider]} instance type in data/instance-types.csv; nearest: ${nearestNames(names, instanceType).join(', ')}`);
}

function embodiedFromRow(ctx: Ctx, row: InstanceRow, instanceVcpus: number, why: string): PowerModel['embodied'] {
  if (row.embodiedKgCo2e === null) {
    ctx.notes.push(`No CCF embodied figure for ${row.instanceType} or its family; embodied emissions are not estimated.`);
    return undefined;
  }
  const source = `${row.embodiedSource} row ${PROVIDER_NAME[row.provider]} ${row.instanceType} (family ${row.family}, largest ${row.familyMaxVcpus} vCPU)${why ? `; ${why}` : ''}`;
  ctx.sources.push({ what: 'embodied (host total)', value: `${row.embodiedKgCo2e} kgCO2e × ${instanceVcpus}/${row.familyMaxVcpus} vCPU`, source });
  return { totalKgCo2e: row.embodiedKgCo2e, instanceVcpus, familyMaxVcpus: row.familyMaxVcpus, source };
}

/** A cloud instance from the instance table (inputs or instance metadata). */
function cloudInstanceModel(ctx: Ctx, provider: Provider, row: InstanceRow, origin: string): PowerModel {
  const { facts } = ctx;
  if (facts.logicalCpus !== row.vcpus) {
    ctx.notes.push(`The machine reports ${facts.logicalCpus} logical CPUs, ${row.instanceType} has ${row.vcpus} vCPUs; the instance's ${row.vcpus} are used.`);
  }
  let archs = row.microarchitectures.filter((a) => a !== 'Unknown');
  let evidence = `instance table: ${PROVIDER_NAME[provider]} ${row.instanceType}${row.cpuName ? ` (${row.cpuName})` : ''}`;
  if (archs.length === 0) {
    const fromCpu = cpuArchFromFacts(ctx);
    archs = fromCpu.archs;
    evidence = `CCF lists ${row.instanceType} as "Unknown"; ${fromCpu.evidence}`;
  }
  const perVcpu = perVcpuWatts(ctx, provider, archs, evidence);
  ctx.sources.push({ what: 'instance type', value: `${PROVIDER_NAME[provider]} ${row.instanceType}: ${row.vcpus} vCPU, ${row.memoryGb} GiB`, source: `${origin}; CCF instance data (data/instance-types-${provider}.csv)` });
  const platform =
    row.platformVcpus && row.platformSockets
      ? { vcpus: row.platformVcpus, sockets: row.platformSockets, source: `CCF platform data of ${row.instanceType}` }
      : null;
  const memoryGb = chargedMemoryGb(ctx, {
    provider,
    memoryGb: row.memoryGb > 0 ? row.memoryGb : machineMemoryGb(facts),
    vcpus: row.vcpus,
    perVcpu,
    platform,
    from: row.memoryGb > 0 ? 'instance memory' : 'machine memory',
  });
  const c = ctx.tables.constants.clouds[provider];
  const model = ccfModel(ctx, {
    provider,
    vcpus: row.vcpus,
    memoryGb,
    perVcpu,
    label: `CCF ${PROVIDER_NAME[provider]} ${row.instanceType} (${perVcpu.label})`,
    pue: c.pue,
    pueSource: c.pueSource ?? c.source,
    instanceType: row.instanceType,
    microarchitecture: archs.join('; ') || undefined,
  });
  model.embodied = embodiedFromRow(ctx, row, row.vcpus, '');
  if (row.gpus > 0 && facts.gpus.length === 0) ctx.notes.push(`${row.instanceType} has ${row.gpus} GPU(s) but none was found on the machine.`);
  return model;
}

/** A cloud machine whose instance type is unknown: CPU model → microarchitecture, sizes from the machine. */
function cloudCpuModel(ctx: Ctx, provider: Provider, origin: string): PowerModel {
  const { facts } = ctx;
  const { archs, evidence } = cpuArchFromFacts(ctx);
  const perVcpu = perVcpuWatts(ctx, provider, archs, evidence);
  ctx.sources.push({ what: 'vCPUs', value: String(facts.logicalCpus), source: 'machine (logical CPUs)' });
  const memoryGb = chargedMemoryGb(ctx, { provider, memoryGb: machineMemoryGb(facts), vcpus: facts.logicalCpus, perVcpu, platform: null, from: 'machine memory' });
  ctx.notes.push(`No instance type (${origin}): embodied emissions are not estimated; set instance-type to include them.`);
  const c = ctx.tables.constants.clouds[provider];
  return ccfModel(ctx, {
    provider,
    vcpus: facts.logicalCpus,
    memoryGb,
    perVcpu,
    label: `CCF ${PROVIDER_NAME[provider]} per-vCPU model (${perVcpu.label})`,
    pue: c.pue,
    pueSource: c.pueSource ?? c.source,
    microarchitecture: archs[0],
  });
}

function matchRunnerProfile(tables: Tables, facts: HardwareFacts): RunnerProfile | null {
  const arch = normalisedArch(facts.arch);
  const mem = machineMemoryGb(facts);
  const wantGpu = facts.gpus.length > 0;
  return (
    tables.runnerProfiles.find(
      (p) =>
        p.os.includes(facts.os) &&
        p.arch.includes(arch) &&
        p.vcpus === facts.logicalCpus &&
        Math.abs(p.ramGb - mem) <= 0.15 * p.ramGb &&
        (p.gpu !== '') === wantGpu,
    ) ?? null
  );
}

/** GitHub-hosted runner (Linux/Windows on Azure VMs). */
function githubModel(ctx: Ctx): PowerModel {
  const { facts, tables } = ctx;
  const profile = matchRunnerProfile(tables, facts);
  const arch = normalisedArch(facts.arch);
  if (profile) {
    ctx.sources.push({
      what: 'runner profile',
      value: `${profile.labels.join(', ')} (${profile.repoVisibility}): ${profile.vcpus} vCPU, ${profile.ramGb} GB${profile.gpu ? `, ${profile.gpu}` : ''}; likely ${profile.azureVmSize}`,
      source: `data/github-runner-profiles.csv (${profile.evidenceLevel}; ${profile.sources})`,
    });
  } else {
    ctx.notes.push(
      `No documented GitHub-hosted runner profile has ${facts.logicalCpus} vCPU / ${fmt(machineMemoryGb(facts), 3)} GiB (${facts.os}/${arch}${facts.gpus.length ? ', GPU' : ''}); the machine's own figures are used.`,
    );
  }
  if (facts.os === 'darwin') {
    ctx.notes.push("GitHub's macOS runners are Apple hardware in GitHub's macOS cloud, not Azure VMs: CCF has no coefficients for them, so the TDP model is used.");
    const model = tdpModel(ctx, { pue: tables.constants.clouds.azure.pue, pueSource: `Azure (GitHub hosts macOS runners in Azure data centres); ${tables.constants.clouds.azure.pueSource ?? tables.constants.clouds.azure.source}` });
    return model;
  }
  const { archs, evidence } = cpuArchFromFacts(ctx);
  const perVcpu = perVcpuWatts(ctx, 'azure', archs, evidence);
  ctx.sources.push({ what: 'vCPUs', value: String(facts.logicalCpus), source: 'machine (logical CPUs), checked against the runner profile' });
  // (larger-runner profiles cover x64 and arm64 alike, so the machine's architecture decides for arm64)
  const proxy = arch === 'arm64' ? 'aws:m6g.large' : profile?.embodiedProxy || (facts.gpus.length ? 'azure:NC4as T4 v3' : 'azure:D4as v4');
  const [pp, pt] = proxy.split(':') as [Provider, string];
  const row = instanceRow(tables, pp, pt);
  const exact = proxy === 'azure:NC4as T4 v3';
  const gh = tables.constants.githubHosted;
  const sockets = socketsOf(ctx, archs[0]);
  const socketNote = `${sockets} chip(s): CCF's count for ${archs[0] ?? 'an unknown microarchitecture'}${archs[0] && ctx.tables.constants.memoryRule.socketsByMicroarchitecture[archs[0]] ? '' : ' (its default)'}`;
  const platform: Platform =
    exact && row
      ? { vcpus: row.familyMaxVcpus, sockets, source: `platform = largest ${row.family} size; ${socketNote}` }
      : { vcpus: gh.platformVcpus, sockets, source: `platform = largest Dadsv5/Dpsv6 size (Azure docs); ${socketNote}` };
  const memoryGb = chargedMemoryGb(ctx, { provider: 'azure', memoryGb: machineMemoryGb(facts), vcpus: facts.logicalCpus, perVcpu, platform, from: 'machine memory' });
  const c = tables.constants.clouds.azure;
  const model = ccfModel(ctx, {
    provider: 'azure',
    vcpus: facts.logicalCpus,
    memoryGb,
    perVcpu,
    label: `CCF Azure model for a GitHub-hosted runner (${perVcpu.label})`,
    pue: c.pue,
    pueSource: c.pueSource ?? c.source,
    microarchitecture: archs[0],
  });
  // Embodied: the runner SKU (Dadsv5, Cobalt) has no CCF row; a documented stand-in family is used.
  if (row) {
    if (!exact) {
      ctx.notes.push(
        arch === 'arm64'
          ? `Embodied: the arm64 runner SKU (Azure Cobalt 100, inferred) has no CCF embodied row; the CCF ${PROVIDER_NAME[pp]} ${row.family} family (Graviton2, also Arm Neoverse) stands in.`
          : `Embodied: the runner SKU (Dadsv5/Dadsv6, inferred) has no CCF embodied row; the CCF ${PROVIDER_NAME[pp]} ${row.family} family (2–96 vCPU, 4 GB per vCPU, AMD EPYC) stands in.`,
      );
    }
    model.embodied = embodiedFromRow(ctx, row, facts.logicalCpus, exact ? 'the inferred runner SKU' : 'stand-in family for the hosted-runner SKU');
  }
  return model;
}

/** TDP model: whole-package TDP on a linear curve from idleFraction × TDP to maxFraction × TDP. */
function tdpModel(ctx: Ctx, opts: { pue?: number; pueSource?: string } = {}): PowerModel {
  const { facts, settings, tables } = ctx;
  const k = tables.constants;
  let tdp: number;
  let tdpSource: string;
  let defaulted = false;
  if (settings.tdpWatts !== null) {
    tdp = settings.tdpWatts;
    tdpSource = 'input tdp-watts';
  } else {
    const row = tdpOf(tables, facts.cpuModel);
    if (row) {
      tdp = row.tdpWatts;
      tdpSource = `CodeCarbon cpu_power.csv row "${row.cpuModel}"`;
    } else {
      tdp = k.unknownCpuTdpWattsPerThread.value * facts.logicalCpus;
      tdpSource = `${k.unknownCpuTdpWattsPerThread.value} W × ${facts.logicalCpus} logical CPUs (${k.unknownCpuTdpWattsPerThread.source})`;
      defaulted = true;
      ctx.cpuDefaulted = `CPU "${facts.cpuModel || 'unknown'}" is not in CodeCarbon's TDP table: ${tdpSource}`;
      ctx.notes.push(`CPU "${facts.cpuModel || 'unknown'}" is not in CodeCarbon's TDP table: TDP defaulted to ${tdp} W; set tdp-watts for a better figure.`);
    }
  }
  const idle = tdp * k.tdpCurve.idleFractionOfTdp;
  const max = tdp * k.tdpCurve.maxFractionOfTdp;
  const memoryGb = machineMemoryGb(facts);
  ctx.sources.push({ what: 'CPU TDP', value: `${fmt(tdp)} W for all ${facts.logicalCpus} logical CPUs`, source: tdpSource });
  ctx.sources.push({ what: 'CPU curve', value: `${fmt(idle)} W idle → ${fmt(max)} W at 100 % (linear)`, source: k.tdpCurve.source });
  memorySource(ctx, memoryGb, 'machine memory');
  const pue = opts.pue ?? k.onPremPue.value;
  ctx.sources.push({ what: 'PUE', value: String(pue), source: opts.pueSource ?? k.onPremPue.source });
  ctx.notes.push('Embodied emissions are not estimated for this machine (no instance data).');
  ctx.notes.push('TDP is per CPU package; a multi-socket machine is undercounted unless tdp-watts gives the total.');
  return {
    id: 'tdp',
    label: `TDP model (${fmt(tdp)} W${defaulted ? ', defaulted' : ''}, linear ${k.tdpCurve.idleFractionOfTdp * 100} %→${k.tdpCurve.maxFractionOfTdp * 100} %)`,
    vcpus: facts.logicalCpus,
    cpu: { kind: 'linear', idleWatts: idle, maxWatts: max },
    memoryGb,
    memoryWattsPerGb: k.memoryWattsPerGb.value,
    pue,
    sources: ctx.sources,
    notes: ctx.notes,
  };
}

/** Eco CI's curve for GitHub's 4-vCPU ubuntu runner (a 4/128 slice of an EPYC 7763 host). */
function ecociModel(ctx: Ctx): PowerModel {
  const { facts, tables } = ctx;
  const e = tables.constants.ecoci;
  if (facts.logicalCpus !== e.instanceVcpus) {
    ctx.notes.push(`Eco CI's curve is for a ${e.instanceVcpus}-vCPU runner; this machine has ${facts.logicalCpus} logical CPUs. The curve is used unscaled.`);
  }
  const curve: CpuCurve = { kind: 'points', points: tables.ecociCurve.map(([u, w]) => [u, w]) };
  ctx.sources.push({ what: 'CPU curve', value: `${tables.ecociCurve.length} points, ${fmt(tables.ecociCurve[0][1])} W idle → ${fmt(tables.ecociCurve[tables.ecociCurve.length - 1][1])} W at 100 %`, source: 'Eco CI machine-power-data github_EPYC_7763_4_CPU_shared (eco-ci-energy-estimation @ c10acd3, MIT)' });
  ctx.sources.push({ what: 'PUE', value: String(e.pue), source: e.pueNote });
  ctx.sources.push({ what: 'embodied (host total)', value: `${e.embodiedHostKgCo2e} kgCO2e × ${e.instanceVcpus}/${e.hostVcpus} vCPU`, source: e.source });
  ctx.notes.push("Eco CI's curve covers the whole VM slice, so no separate memory term is added.");
  return {
    id: 'ecoci-github-4vcpu',
    label: 'Eco CI curve for GitHub ubuntu-latest (4/128 of an AMD EPYC 7763 host)',
    provider: 'azure',
    microarchitecture: 'EPYC 3rd Gen',
    vcpus: facts.logicalCpus,
    cpu: curve,
    memoryGb: machineMemoryGb(facts),
    memoryWattsPerGb: 0,
    pue: e.pue,
    embodied: { totalKgCo2e: e.embodiedHostKgCo2e, instanceVcpus: e.instanceVcpus, familyMaxVcpus: e.hostVcpus, source: e.source },
    sources: ctx.sources,
    notes: ctx.notes,
  };
}

/** power-model: ccf on a machine with no cloud: CPU model → microarchitecture, AWS rows (the widest CCF table). */
function ccfGenericModel(ctx: Ctx): PowerModel {
  const { facts, tables } = ctx;
  const { archs, evidence } = cpuArchFromFacts(ctx);
  const perVcpu = perVcpuWatts(ctx, 'aws', archs, evidence);
  ctx.notes.push('No cloud is known: CCF coefficients are taken from the AWS table (the one with the most microarchitectures) and no facility overhead is added.');
  ctx.notes.push('Embodied emissions are not estimated for this machine (no instance data).');
  ctx.sources.push({ what: 'vCPUs', value: String(facts.logicalCpus), source: 'machine (logical CPUs)' });
  const memoryGb = chargedMemoryGb(ctx, { provider: null, memoryGb: machineMemoryGb(facts), vcpus: facts.logicalCpus, perVcpu, platform: null, from: 'machine memory' });
  const m = ccfModel(ctx, {
    provider: 'aws',
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

function attachGpus(ctx: Ctx, model: PowerModel): void {
  const out: Record<string, { idleWatts: number; maxWatts: number }> = {};
  for (const name of ctx.facts.gpus) {
    const row = gpuRowOf(ctx.tables, name);
    if (row) {
      out[name] = { idleWatts: row.idleWatts, maxWatts: row.maxWatts };
      model.sources.push({ what: 'GPU W (idle/max), used if the GPU reports no power', value: `${name}: ${row.idleWatts} / ${row.maxWatts}`, source: `CCF GPU table row ${row.vendor} ${row.gpu}` });
    } else {
      model.notes.push(`No CCF power figures for GPU "${name}": if it reports no power, its energy is not estimated.`);
    }
  }
  if (Object.keys(out).length > 0) model.gpuWatts = out;
}

function checkInputs(settings: Settings): Provider | null {
  const provider = settings.cloudProvider ?? settings.region?.provider ?? null;
  if (settings.tdpWatts !== null && (settings.powerModel === 'ccf' || settings.powerModel === 'ecoci-github-4vcpu')) {
    throw new InputError('tdp-watts', String(settings.tdpWatts), `no value with power-model '${settings.powerModel}' (tdp-watts applies to 'tdp' or 'auto')`);
  }
  if (settings.instanceType !== null) {
    if (!provider) throw new InputError('instance-type', settings.instanceType, "an instance type together with cloud-provider ('aws', 'azure' or 'gcp') or a region");
    if (settings.powerModel === 'tdp' || settings.powerModel === 'ecoci-github-4vcpu') {
      throw new InputError('instance-type', settings.instanceType, `no value with power-model '${settings.powerModel}' (instance-type applies to 'ccf' or 'auto')`);
    }
  }
  return provider;
}

export function selectModel(args: { facts: HardwareFacts; settings: Settings; tables: Tables; cloud?: CloudMetadata | null }): PowerModel {
  const { facts, settings, tables } = args;
  const cloud = args.cloud ?? null;
  const ctx: Ctx = { facts, settings, tables, sources: [], notes: [] };
  const inputProvider = checkInputs(settings);
  const githubHosted = facts.runnerEnvironment === 'github-hosted';

  const detectedRegion = cloud?.region ? { provider: cloud.provider, name: cloud.region.toLowerCase(), from: 'instance-metadata' as const, source: cloud.source } : undefined;
  if (detectedRegion) ctx.sources.push({ what: CLOUD_REGION_WHAT, value: `${detectedRegion.provider}:${detectedRegion.name}`, source: cloud!.source });

  let model: PowerModel;
  if (settings.powerModel === 'ecoci-github-4vcpu') {
    model = ecociModel(ctx);
  } else if (settings.powerModel === 'tdp' || (settings.powerModel === 'auto' && settings.tdpWatts !== null)) {
    const p = inputProvider ?? cloud?.provider ?? (githubHosted ? 'azure' : null);
    model = p ? tdpModel(ctx, { pue: tables.constants.clouds[p].pue, pueSource: tables.constants.clouds[p].pueSource ?? tables.constants.clouds[p].source }) : tdpModel(ctx);
    if (p && settings.tdpWatts === null) {
      ctx.notes.push(`This is a VM: the TDP of the whole CPU package is charged to its ${facts.logicalCpus} vCPUs, which overstates its power unless tdp-watts gives the VM's share.`);
    }
  } else if (settings.instanceType !== null && inputProvider) {
    const row = instanceRow(tables, inputProvider, settings.instanceType);
    if (!row) throw unknownInstance(tables, inputProvider, settings.instanceType);
    model = cloudInstanceModel(ctx, inputProvider, row, 'inputs cloud-provider + instance-type');
  } else if (settings.cloudProvider !== null) {
    model = cloudCpuModel(ctx, settings.cloudProvider, 'input cloud-provider');
  } else if (githubHosted) {
    model = githubModel(ctx);
  } else if (cloud) {
    const row = cloud.instanceType ? instanceRow(tables, cloud.provider, cloud.instanceType) : null;
    if (row) model = cloudInstanceModel(ctx, cloud.provider, row, cloud.source);
    else {
      if (cloud.instanceType) ctx.notes.push(`Instance type "${cloud.instanceType}" from ${cloud.source} is not in the CCF instance table.`);
      model = cloudCpuModel(ctx, cloud.provider, cloud.source);
    }
  } else if (settings.region !== null) {
    model = cloudCpuModel(ctx, settings.region.provider, `provider of input region`);
  } else if (settings.powerModel === 'ccf') {
    model = ccfGenericModel(ctx);
  } else {
    model = tdpModel(ctx);
  }

  if (detectedRegion) model.region = detectedRegion;
  if (settings.cpuWattsIdle !== null && settings.cpuWattsMax !== null) {
    const v = model.vcpus;
    model.cpu = { kind: 'linear', idleWatts: settings.cpuWattsIdle * v, maxWatts: settings.cpuWattsMax * v };
    model.id = 'custom';
    model.label = `${model.label}, CPU watts from inputs`;
    model.sources = model.sources.filter((s) => s.what !== 'CPU W per vCPU (idle/max)' && s.what !== 'CPU curve' && s.what !== 'CPU TDP');
    model.sources.push({ what: 'CPU W per vCPU (idle/max)', value: `${settings.cpuWattsIdle} / ${settings.cpuWattsMax} × ${v} vCPU`, source: 'inputs cpu-watts-idle / cpu-watts-max' });
  }
  attachGpus(ctx, model);
  // cpu-watts-idle/max replace a defaulted CPU curve with the user's own figures.
  if (ctx.cpuDefaulted && model.id !== 'custom') model.defaulted = { ...model.defaulted, cpu: ctx.cpuDefaulted };
  return model;
}

