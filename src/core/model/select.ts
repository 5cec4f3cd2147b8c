// Model selection: a pure function from (hardware facts, runner environment, model settings, tables,
// optional cloud metadata) to a PowerModel, built by one of the model kinds (ccf-cloud.ts, tdp.ts,
// ecoci.ts, github-hosted.ts) with its constants passed in. Order (METHODOLOGY.md §3):
//   1. inputs: power-model, tdp-watts, cloud-provider + instance-type, then cpu-watts-idle/max on top;
//   2. GitHub-hosted runner: the hosted provider's CCF terms for the runner profile;
//   3. self-hosted on a cloud: instance metadata (detect-cloud) or a region's provider;
//   4. on-prem / unknown: TDP of the CPU model (CodeCarbon table) on a linear curve.
// A provider, region or instance type the tables lack is a ModelSettingError (mapped to an input error by the app).
import type { HardwareFacts, PowerModel } from '../types.js';
import type { CloudMetadata } from './cloud.js';
import { ccfCloud } from './ccf-cloud.js';
import { ecociKind } from './ecoci.js';
import { githubHostedKind } from './github-hosted.js';
import { gpuRowOf, instanceRow, nearestNames, providerList, providerRow } from './lookups.js';
import type { ModelCall, ModelTarget } from './model-kind.js';
import { ModelSettingError, type ModelSettings } from './settings.js';
import { instanceFileOf, TABLE_FILES, type CloudProviderRow, type Tables } from './table-types.js';
import { tdpKind } from './tdp.js';

/** SourceRef.what of the cloud region found by instance metadata (display only; the typed field is PowerModel.region). */
export const CLOUD_REGION_WHAT = 'cloud region';

/** The cloud region recorded in a model by instance metadata, if any, as `provider:region`. */
export function modelRegion(model: PowerModel): string | null {
  return model.region ? `${model.region.provider}:${model.region.name}` : null;
}

/** The provider row of a settings value, or a ModelSettingError naming the setting and the providers of the data. */
export function knownProvider(tables: Tables, setting: 'cloudProvider' | 'region', id: string, shown: string): CloudProviderRow {
  const row = providerRow(tables, id);
  if (row) return row;
  const accepted =
    setting === 'region'
      ? `a region of data/${TABLE_FILES.gridFactors} as 'provider:region', with a provider of data/${TABLE_FILES.providers} (${providerList(tables)})`
      : `a provider of data/${TABLE_FILES.providers}: ${providerList(tables)}`;
  throw new ModelSettingError(setting, shown, accepted);
}

function unknownInstance(tables: Tables, provider: CloudProviderRow, instanceType: string): ModelSettingError {
  const shown = (name: string): string => (provider.instancePrefixes[0] ? `${provider.instancePrefixes[0]}${name.replace(/ /g, '_')}` : name);
  const names = tables.instancesOf(provider.id).map((i) => shown(i.instanceType));
  return new ModelSettingError('instanceType', instanceType, `a ${provider.name} instance type in data/${instanceFileOf(provider.id)}; nearest: ${nearestNames(names, instanceType).join(', ')}`);
}

function attachGpus(call: ModelCall, model: PowerModel): void {
  const out: Record<string, { idleWatts: number; maxWatts: number }> = {};
  for (const name of call.facts.gpus) {
    const row = gpuRowOf(call.tables, name);
    if (row) {
      out[name] = { idleWatts: row.idleWatts, maxWatts: row.maxWatts };
      model.sources.push({ what: 'GPU W (idle/max), used if the GPU reports no power', value: `${name}: ${row.idleWatts} / ${row.maxWatts}`, source: `CCF GPU table row ${row.vendor} ${row.gpu}` });
    } else {
      model.notes.push(`No CCF power figures for GPU "${name}": if it reports no power, its energy is not estimated.`);
    }
  }
  if (Object.keys(out).length > 0) model.gpuWatts = out;
}

/** Checks the settings against each other and the tables; returns the provider they name, if any. */
function checkSettings(settings: ModelSettings, tables: Tables): CloudProviderRow | null {
  const fromInput = settings.cloudProvider !== null ? knownProvider(tables, 'cloudProvider', settings.cloudProvider, settings.cloudProvider) : null;
  const fromRegion = settings.region !== null ? knownProvider(tables, 'region', settings.region.provider, `${settings.region.provider}:${settings.region.name}`) : null;
  const provider = fromInput ?? fromRegion;
  if (settings.tdpWatts !== null && (settings.powerModel === 'ccf' || settings.powerModel === 'ecoci-github-4vcpu')) {
    throw new ModelSettingError('tdpWatts', String(settings.tdpWatts), `no value with power-model '${settings.powerModel}' (tdp-watts applies to 'tdp' or 'auto')`);
  }
  if (settings.instanceType !== null) {
    if (!provider) throw new ModelSettingError('instanceType', settings.instanceType, `an instance type together with cloud-provider (${providerList(tables)}) or a region`);
    if (settings.powerModel === 'tdp' || settings.powerModel === 'ecoci-github-4vcpu') {
      throw new ModelSettingError('instanceType', settings.instanceType, `no value with power-model '${settings.powerModel}' (instance-type applies to 'ccf' or 'auto')`);
    }
  }
  return provider;
}

/** Which kind builds the model, and for which target. */
function dispatch(call: ModelCall, inputProvider: CloudProviderRow | null, cloud: CloudMetadata | null): PowerModel {
  const { facts, settings, tables } = call;
  const githubHosted = facts.runnerEnvironment === 'github-hosted';
  const cloudProvider = cloud ? providerRow(tables, cloud.provider) : null;
  if (settings.powerModel === 'ecoci-github-4vcpu') return ecociKind.build(call, {});
  if (settings.powerModel === 'tdp' || (settings.powerModel === 'auto' && settings.tdpWatts !== null)) {
    const p = inputProvider ?? cloudProvider ?? (githubHosted ? providerRow(tables, tables.constants.githubHosted.provider) : null);
    const target: ModelTarget = p ? { pue: { value: p.pue, source: p.pueSource } } : {};
    const model = tdpKind.build(call, target);
    if (p && settings.tdpWatts === null) {
      call.notes.push(`This is a VM: the TDP of the whole CPU package is charged to its ${facts.logicalCpus} vCPUs, which overstates its power unless tdp-watts gives the VM's share.`);
    }
    return model;
  }
  if (settings.instanceType !== null && inputProvider) {
    const row = instanceRow(tables, inputProvider.id, settings.instanceType);
    if (!row) throw unknownInstance(tables, inputProvider, settings.instanceType);
    return ccfCloud.build(call, { provider: inputProvider, instance: row, origin: 'inputs cloud-provider + instance-type' });
  }
  if (settings.cloudProvider !== null && inputProvider) return ccfCloud.build(call, { provider: inputProvider, origin: 'input cloud-provider' });
  if (githubHosted) return githubHostedKind.build(call, {});
  if (cloud && cloudProvider) {
    const row = cloud.instanceType ? instanceRow(tables, cloudProvider.id, cloud.instanceType) : null;
    if (row) return ccfCloud.build(call, { provider: cloudProvider, instance: row, origin: cloud.source });
    if (cloud.instanceType) call.notes.push(`Instance type "${cloud.instanceType}" from ${cloud.source} is not in the CCF instance table.`);
    return ccfCloud.build(call, { provider: cloudProvider, origin: cloud.source });
  }
  if (settings.region !== null && inputProvider) return ccfCloud.build(call, { provider: inputProvider, origin: 'provider of input region' });
  if (settings.powerModel === 'ccf') return ccfCloud.build(call, {});
  return tdpKind.build(call, {});
}

export function selectModel(args: { facts: HardwareFacts; settings: ModelSettings; tables: Tables; cloud?: CloudMetadata | null }): PowerModel {
  const { facts, settings, tables } = args;
  const cloud = args.cloud ?? null;
  const call: ModelCall = { facts, settings, tables, sources: [], notes: [] };
  const inputProvider = checkSettings(settings, tables);

  const detectedRegion = cloud?.region ? { provider: cloud.provider, name: cloud.region.toLowerCase(), from: 'instance-metadata' as const, source: cloud.source } : undefined;
  if (detectedRegion) call.sources.push({ what: CLOUD_REGION_WHAT, value: `${detectedRegion.provider}:${detectedRegion.name}`, source: cloud!.source });

  const model = dispatch(call, inputProvider, cloud);
  if (detectedRegion) model.region = detectedRegion;
  if (settings.cpuWattsIdle !== null && settings.cpuWattsMax !== null) {
    const v = model.vcpus;
    model.cpu = { kind: 'linear', idleWatts: settings.cpuWattsIdle * v, maxWatts: settings.cpuWattsMax * v };
    model.id = 'custom';
    model.label = `${model.label}, CPU watts from inputs`;
    model.sources = model.sources.filter((s) => s.what !== 'CPU W per vCPU (idle/max)' && s.what !== 'CPU curve' && s.what !== 'CPU TDP');
    model.sources.push({ what: 'CPU W per vCPU (idle/max)', value: `${settings.cpuWattsIdle} / ${settings.cpuWattsMax} × ${v} vCPU`, source: 'inputs cpu-watts-idle / cpu-watts-max' });
  }
  attachGpus(call, model);
  // cpu-watts-idle/max replace a defaulted CPU curve with the user's own figures.
  if (call.cpuDefaulted && model.id !== 'custom') model.defaulted = { ...model.defaulted, cpu: call.cpuDefaulted };
  return model;
}
