// First model (foundation): CCF per-vCPU linear model with provider-average coefficients.
// The model issue replaces this with full runner-aware selection on the data/ tables.
import type { HardwareFacts, PowerModel } from '../types.js';
import type { Settings } from '../../settings/settings.js';

// CCF app constants (cloud-carbon-footprint, packages/azure/src/domain/AzureFootprintEstimationConstants.ts):
// average min/max W per vCPU over Azure microarchitectures, memory 0.392 W/GB, PUE 1.185.
const AZURE_AVG = { idle: 0.78, max: 3.76 };

export function selectModel(args: { facts: HardwareFacts; settings: Settings }): PowerModel {
  const { facts, settings } = args;
  const vcpus = facts.logicalCpus;
  const idle = settings.cpuWattsIdle ?? AZURE_AVG.idle;
  const max = settings.cpuWattsMax ?? AZURE_AVG.max;
  const memoryGb = facts.memoryBytes / 1024 ** 3;
  return {
    id: settings.cpuWattsIdle !== null ? 'custom' : 'ccf',
    label: 'CCF linear per-vCPU model, provider average',
    provider: 'azure',
    vcpus,
    cpu: { kind: 'linear', idleWatts: idle * vcpus, maxWatts: max * vcpus },
    memoryGb,
    memoryWattsPerGb: 0.392,
    pue: 1.185,
    sources: [
      { what: 'CPU W per vCPU (idle/max)', value: `${idle}/${max}`, source: settings.cpuWattsIdle !== null ? 'inputs cpu-watts-idle/max' : 'CCF Azure average' },
      { what: 'memory W per GB', value: '0.392', source: 'CCF' },
      { what: 'PUE', value: '1.185', source: 'CCF Azure' },
    ],
    notes: [],
  };
}
