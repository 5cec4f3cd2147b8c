// GitHub-hosted runners: Linux and Windows runners are VMs of constants.githubHosted.provider (Azure), so
// the CCF terms of that provider apply, with the runner profile (data/github-runner-profiles.csv) matched
// by OS, architecture, vCPUs, memory and GPU. Embodied comes from the profile's `embodied_proxy` row, or
// when no profile matches from the default stand-in of data/github-runner-embodied.csv for the runner's
// kind (arm64, gpu, x64). macOS runners are Apple hardware: the TDP model at the provider's PUE.
import type { HardwareFacts, PowerModel } from '../types.js';
import { ccfModel, chargedMemoryGb, cpuArchFromFacts, embodiedFromRow, perVcpuWatts, socketsOf, type Platform } from './ccf-terms.js';
import { instanceRow, providerRow } from './lookups.js';
import { fmt, machineMemoryGb, normalisedArch, type ModelCall, type ModelKind } from './model-kind.js';
import type { CloudProviderRow, RunnerEmbodiedRow, RunnerProfile, Tables } from './table-types.js';
import { tdpKind } from './tdp.js';

export function matchRunnerProfile(tables: Tables, facts: HardwareFacts): RunnerProfile | null {
  const arch = normalisedArch(facts.arch);
  const mem = machineMemoryGb(facts);
  const wantGpu = facts.gpus.length > 0;
  return (
    tables.runnerProfiles.find(
      (p) => p.os.includes(facts.os) && p.arch.includes(arch) && p.vcpus === facts.logicalCpus && Math.abs(p.ramGb - mem) <= 0.15 * p.ramGb && (p.gpu !== '') === wantGpu,
    ) ?? null
  );
}

/** The embodied proxy ("provider:instance type"): the profile's, else the default stand-in for the runner's kind. */
function embodiedProxy(tables: Tables, facts: HardwareFacts, profile: RunnerProfile | null): { proxy: string; standIn: RunnerEmbodiedRow | undefined } {
  const kind = normalisedArch(facts.arch) === 'arm64' ? 'arm64' : facts.gpus.length ? 'gpu' : 'x64';
  const proxy = profile?.embodiedProxy || tables.runnerEmbodied.find((r) => r.defaultFor === kind)?.proxy || '';
  return { proxy, standIn: tables.runnerEmbodied.find((r) => r.proxy === proxy) };
}

function embodiedOf(call: ModelCall, model: PowerModel, proxy: string, standIn: RunnerEmbodiedRow | undefined): void {
  const at = proxy.indexOf(':');
  const row = at > 0 ? instanceRow(call.tables, proxy.slice(0, at), proxy.slice(at + 1)) : null;
  if (!row) return;
  const exact = standIn?.isRunnerSku ?? false;
  if (!exact) {
    const name = providerRow(call.tables, row.provider)?.name ?? row.provider;
    const why = standIn?.why ? ` (${standIn.why})` : '';
    call.notes.push(`Embodied: the ${standIn?.runnerSku ?? 'runner SKU'} has no CCF embodied row; the CCF ${name} ${row.family} family${why} stands in.`);
  }
  model.embodied = embodiedFromRow(call, row, call.facts.logicalCpus, exact ? 'the inferred runner SKU' : 'stand-in family for the hosted-runner SKU');
}

function macosModel(call: ModelCall, gh: CloudProviderRow): PowerModel {
  call.notes.push(`GitHub's macOS runners are Apple hardware in GitHub's macOS cloud, not ${gh.name} VMs: CCF has no coefficients for them, so the TDP model is used.`);
  return tdpKind.build(call, { pue: { value: gh.pue, source: `${gh.name} (GitHub hosts macOS runners in ${gh.name} data centres); ${gh.pueSource}` } });
}

export const githubHostedKind: ModelKind = {
  id: 'ccf',
  build(call: ModelCall): PowerModel {
    const { facts, tables } = call;
    const gh = providerRow(tables, tables.constants.githubHosted.provider)!;
    const profile = matchRunnerProfile(tables, facts);
    const arch = normalisedArch(facts.arch);
    if (profile) {
      call.sources.push({
        what: 'runner profile',
        value: `${profile.labels.join(', ')} (${profile.repoVisibility}): ${profile.vcpus} vCPU, ${profile.ramGb} GB${profile.gpu ? `, ${profile.gpu}` : ''}; likely ${profile.azureVmSize}`,
        source: `data/github-runner-profiles.csv (${profile.evidenceLevel}; ${profile.sources})`,
      });
    } else {
      call.notes.push(
        `No documented GitHub-hosted runner profile has ${facts.logicalCpus} vCPU / ${fmt(machineMemoryGb(facts), 3)} GiB (${facts.os}/${arch}${facts.gpus.length ? ', GPU' : ''}); the machine's own figures are used.`,
      );
    }
    if (facts.os === 'darwin') return macosModel(call, gh);
    const { archs, evidence } = cpuArchFromFacts(call);
    const perVcpu = perVcpuWatts(call, gh, archs, evidence);
    call.sources.push({ what: 'vCPUs', value: String(facts.logicalCpus), source: 'machine (logical CPUs), checked against the runner profile' });
    const { proxy, standIn } = embodiedProxy(tables, facts, profile);
    const proxyRow = standIn?.isRunnerSku ? instanceRow(tables, proxy.slice(0, proxy.indexOf(':')), proxy.slice(proxy.indexOf(':') + 1)) : null;
    const sockets = socketsOf(call, archs[0]);
    const socketNote = `${sockets} chip(s): CCF's count for ${archs[0] ?? 'an unknown microarchitecture'}${archs[0] && tables.constants.memoryRule.socketsByMicroarchitecture[archs[0]] ? '' : ' (its default)'}`;
    const platform: Platform = proxyRow
      ? { vcpus: proxyRow.familyMaxVcpus, sockets, source: `platform = largest ${proxyRow.family} size; ${socketNote}` }
      : { vcpus: tables.constants.githubHosted.platformVcpus, sockets, source: `platform = ${tables.constants.githubHosted.platformLabel}; ${socketNote}` };
    const memoryGb = chargedMemoryGb(call, { provider: gh, memoryGb: machineMemoryGb(facts), vcpus: facts.logicalCpus, perVcpu, platform, from: 'machine memory' });
    const model = ccfModel(call, {
      provider: gh.id,
      vcpus: facts.logicalCpus,
      memoryGb,
      perVcpu,
      label: `CCF ${gh.name} model for a GitHub-hosted runner (${perVcpu.label})`,
      pue: gh.pue,
      pueSource: gh.pueSource,
      microarchitecture: archs[0],
    });
    embodiedOf(call, model, proxy, standIn);
    return model;
  },
};
