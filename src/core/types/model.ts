// The power model and where its numbers come from: hardware facts, curves, sources, regions, grid intensity.

/** Hardware and environment facts, read once (pre, or the CLI). */
export interface HardwareFacts {
  cpuModel: string;
  logicalCpus: number;
  memoryBytes: number;
  os: 'linux' | 'darwin' | 'win32' | string;
  osRelease: string;
  arch: string;
  /** RUNNER_ENVIRONMENT: 'github-hosted' | 'self-hosted' | 'local' (CLI). */
  runnerEnvironment: 'github-hosted' | 'self-hosted' | 'local';
  runnerName?: string;
  /** GPUs found at start (name per GPU). */
  gpus: string[];
  /** Running inside a container (docker/podman/k8s), and how it was detected. */
  container?: { detected: boolean; evidence: string[] };
}

/** How the CPU power of the reserved vCPUs depends on utilisation (0..1). */
export type CpuCurve =
  | { kind: 'linear'; idleWatts: number; maxWatts: number }
  | { kind: 'points'; points: Array<[utilisation: number, watts: number]> };

/** Where a number came from: a data row or an input, for traceability. */
export interface SourceRef {
  what: string;
  value: string;
  source: string;
}

export type ProvenanceStatus = 'measured' | 'modelled' | 'defaulted';

/**
 * Where one figure came from, as data (never parsed back out of labels). `reason` says why when it is
 * not plain: which fallback, which input. Kept open for more fields (per-component reasons).
 */
export interface ProvenanceOf {
  status: ProvenanceStatus;
  reason?: string;
}

/** A cloud region as typed fields: `provider` is a provider id of data/ (e.g. 'azure'), `name` its region. */
export interface RegionRef {
  provider: string;
  name: string;
  /** Who named it: the `region` input, or the instance metadata service (detect-cloud). */
  from: 'input' | 'instance-metadata';
  /** The metadata endpoint or the input, for the report. */
  source: string;
}

/** The energy/emissions model chosen for this run. Pure data. */
export interface PowerModel {
  id: 'ccf' | 'tdp' | 'ecoci-github-4vcpu' | 'custom';
  label: string;
  /** A provider id of data/cloud-providers.csv (e.g. 'azure'); absent when no cloud is modelled. */
  provider?: string;
  microarchitecture?: string;
  instanceType?: string;
  vcpus: number;
  /** Whole-CPU power of the reserved vCPUs as a function of their utilisation. */
  cpu: CpuCurve;
  memoryGb: number;
  memoryWattsPerGb: number;
  pue: number;
  embodied?: { totalKgCo2e: number; instanceVcpus: number; familyMaxVcpus: number; source: string };
  /** GPU idle/max W per GPU model, used when a GPU reports no power. */
  gpuWatts?: Record<string, { idleWatts: number; maxWatts: number }>;
  sources: SourceRef[];
  notes: string[];
  /** Why a term uses a fallback value (set where the model selection falls back; absent: not defaulted). */
  defaulted?: { cpu?: string; memory?: string };
  /** The cloud region found by instance metadata, when detect-cloud found one (typed: never parsed from sources). */
  region?: RegionRef;
}

/** Which rule gave the grid intensity (resolveIntensity's order). */
export type IntensityKind = 'input' | 'live' | 'region' | 'country' | 'github-hosted-average' | 'world';

export interface GridIntensity {
  gCo2ePerKwh: number;
  /** Display text, e.g. "azure:eastus2", "country:FRA", "input", "world", "github-hosted US average". Never parsed. */
  location: string;
  source: string;
  year?: number;
  live?: boolean;
  /** Where the machine is, as far as the inputs and tables say (for CodeCarbon's location columns). */
  place?: Place;
  /** Which rule of resolveIntensity gave the value. */
  kind: IntensityKind;
  /** live: measured; a named region or country (or an input): modelled; no place known: defaulted. */
  status: ProvenanceOf;
}

/** The machine's location as CodeCarbon records it; a field is absent when nothing says it. */
export interface Place {
  /** ISO 3166 alpha-3, e.g. "FRA". */
  countryIso3?: string;
  /** Country name from data/country-intensity.csv, e.g. "France". */
  countryName?: string;
  /** A provider id of data/cloud-providers.csv, e.g. "azure". */
  cloudProvider?: string;
  /** The provider's region name, e.g. "eastus2". */
  cloudRegion?: string;
}
