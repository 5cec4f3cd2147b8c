// The one interface every kind of power model implements (CCF cloud, TDP, Eco CI curve, GitHub-hosted),
// in the shape of Cloud Carbon Footprint's estimators: pure, with the machine, the inputs and the
// constants (tables, provider row) passed in. A leaf: the kinds import it, it imports none of them.
import { num } from '../format.js';
import type { HardwareFacts, PowerModel, SourceRef } from '../types.js';
import type { ModelSettings } from './settings.js';
import type { CloudProviderRow, InstanceRow, Tables } from './table-types.js';

/** What a model kind is given, and the provenance it writes while it builds (model.sources, model.notes). */
export interface ModelCall {
  facts: HardwareFacts;
  settings: ModelSettings;
  tables: Tables;
  sources: SourceRef[];
  notes: string[];
  /** Why the CPU term uses a fallback (provider average, default TDP); read into PowerModel.defaulted. */
  cpuDefaulted?: string;
}

/** Which cloud (and instance) to model, and where that came from; each kind reads what applies to it. */
export interface ModelTarget {
  /** The provider's row: its PUE, fallback coefficients and memory rule are the constants passed in. */
  provider?: CloudProviderRow;
  /** A row of the provider's instance table. */
  instance?: InstanceRow;
  /** Who named the provider or instance ("inputs cloud-provider + instance-type", "AWS IMDSv2"). */
  origin?: string;
  /** The facility overhead to charge when the kind has none of its own (TDP on a cloud VM). */
  pue?: { value: number; source: string };
}

export interface ModelKind {
  readonly id: PowerModel['id'];
  build(call: ModelCall, target: ModelTarget): PowerModel;
}

// Memory is counted in GiB (2^30 bytes) throughout, and labelled so: CCF's 0.392 W per "GB" is applied
// to cloud instance memory, which AWS and Azure size in GiB, and comes from DIMM power per capacity
// (Crucial, Micron), which is binary too; CodeCarbon's "GB" is bytes / 1024³ as well.
const GIB = 1024 ** 3;
export const fmt = (x: number, digits = 4): string => num(x, digits);
export const machineMemoryGb = (facts: HardwareFacts): number => facts.memoryBytes / GIB;

export function normalisedArch(arch: string): string {
  const a = arch.toLowerCase();
  if (a === 'x64' || a === 'x86_64' || a === 'amd64') return 'x64';
  if (a === 'arm64' || a === 'aarch64') return 'arm64';
  return a;
}
