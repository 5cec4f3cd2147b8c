// The shapes of the model's reference tables (data/*.csv + data/constants.json). A leaf module:
// build-tables.ts parses file texts into these, lookups.ts searches them, src/data/tables.ts reads the files.

/** A provider id as data/cloud-providers.csv spells it ('aws', 'azure', 'gcp' as shipped). Providers are data. */
export type Provider = string;

/** One cloud provider: a row of data/cloud-providers.csv. Everything the model knows about a provider as such. */
export interface CloudProviderRow {
  id: Provider;
  /** Display name, e.g. "AWS". */
  name: string;
  /** Power usage effectiveness of the provider's data centres. */
  pue: number;
  /** Fallback per-vCPU W when the microarchitecture is unknown (CCF's provider average or median). */
  avgMinWattsPerVcpu: number;
  avgMaxWattsPerVcpu: number;
  averageKind: string;
  /** CCF's average GB of memory per chip of the SPECpower servers, for unknown microarchitectures; null when CCF gives none. */
  avgGbPerChip: number | null;
  /**
   * CCF's memory rule for the provider: 'platform-share' subtracts the memory already inside the per-vCPU
   * coefficient (AWS, Azure); 'all' charges all memory (GCP, as CCF does).
   */
  memoryRule: 'platform-share' | 'all';
  /** Prefixes of instance type names that are not in the table's spelling (Azure "Standard_"); the first is shown in hints. */
  instancePrefixes: string[];
  source: string;
  /** Source of the PUE alone (defaults to `source`). */
  pueSource: string;
}

/** A documented embodied stand-in for GitHub-hosted runner SKUs that have no CCF row (data/github-runner-embodied.csv). */
export interface RunnerEmbodiedRow {
  /** "provider:instance type" of the CCF row, as in github-runner-profiles.csv `embodied_proxy`. */
  proxy: string;
  /** The runner kind it stands in for when no profile matches: 'x64', 'arm64' or 'gpu'. */
  defaultFor: string;
  /** True when the row is the runner's own (inferred) SKU rather than a stand-in family. */
  isRunnerSku: boolean;
  /** The runner SKU it stands in for, as a phrase ("runner SKU (Dadsv5/Dadsv6, inferred)"). */
  runnerSku: string;
  /** Why this family stands in (shape, CPU). */
  why: string;
  source: string;
}

export interface GridFactorRow {
  provider: Provider;
  region: string;
  gCo2ePerKwh: number;
  basis: string;
  source: string;
  /** ISO 3166 alpha-3 of the region's country where the data says it (the US eGRID rows); null otherwise. */
  countryIso3: string | null;
}
export interface CountryRow {
  iso2: string;
  iso3: string;
  country: string;
  year: number;
  gCo2ePerKwh: number;
  totalTwh: number;
}
export interface CoefficientRow {
  provider: Provider;
  microarchitecture: string;
  minWattsPerVcpu: number;
  maxWattsPerVcpu: number;
  gbPerChip: number;
  flag: string;
}
export interface CpuArchRow {
  cpuModel: string;
  microarchitecture: string;
  source: string;
}
export interface InstanceRow {
  provider: Provider;
  /** The name as written in the CCF table (e.g. "D4as v4", "m5.large"). */
  instanceType: string;
  /** Normalised name used for matching (e.g. "d4as_v4"). */
  key: string;
  family: string;
  vcpus: number;
  memoryGb: number;
  /** Possible microarchitectures ("Unknown" when CCF does not know). */
  microarchitectures: string[];
  cpuName: string;
  gpus: number;
  /** vCPUs and CPU sockets of the host platform (for CCF's memory rule); null when CCF does not say. */
  platformVcpus: number | null;
  platformSockets: number | null;
  familyMaxVcpus: number;
  embodiedKgCo2e: number | null;
  embodiedSource: string;
}
export interface GpuRow {
  vendor: string;
  gpu: string;
  key: string;
  idleWatts: number;
  maxWatts: number;
}
export interface TdpRow {
  cpuModel: string;
  tdpWatts: number;
}
export interface RunnerProfile {
  labels: string[];
  runnerClass: string;
  repoVisibility: string;
  os: string[];
  arch: string[];
  vcpus: number;
  ramGb: number;
  gpu: string;
  likelyCpu: string;
  azureVmSize: string;
  /** "provider:instance type" of the CCF row whose embodied total stands in; empty when none. */
  embodiedProxy: string;
  evidenceLevel: string;
  sources: string;
}
export interface RunnerRegion {
  azureRegion: string;
  evidence: string;
  evidenceDate: string;
  sourceIds: string;
  electricityMapsZone: string;
  zoneNote: string;
}
export interface Constants {
  memoryWattsPerGb: { value: number; source: string };
  memoryRule: { socketsByMicroarchitecture: Record<string, number>; source: string; rule: string };
  serverLifespanHours: { value: number; source: string };
  onPremPue: { value: number; source: string };
  tdpCurve: { idleFractionOfTdp: number; maxFractionOfTdp: number; source: string };
  unknownCpuTdpWattsPerThread: { value: number; source: string };
  microarchitectureStandIns: Record<string, { use: string; reason: string }>;
  /** The provider GitHub-hosted Linux/Windows runners run on, and their host platform for CCF's memory rule (platformLabel: as the report words it). */
  githubHosted: { provider: Provider; regionAverage: string; platformVcpus: number; platformLabel: string; platformSource: string };
  ecoci: { embodiedHostKgCo2e: number; instanceVcpus: number; hostVcpus: number; provider: Provider; microarchitecture: string; source: string; pue: number; pueNote: string };
}

/**
 * All reference tables. The three large tables (instances, cpuArchitectures, cpuTdp) are parsed on
 * first access and then kept, so a run pays only for what its model uses.
 */
export interface Tables {
  /** The cloud providers, in file order (also the order in which other providers' CCF rows are tried). */
  providers: CloudProviderRow[];
  gridFactors: GridFactorRow[];
  countries: CountryRow[];
  coefficients: CoefficientRow[];
  readonly cpuArchitectures: CpuArchRow[];
  /** All instance rows of all providers. */
  readonly instances: InstanceRow[];
  /** The instance rows of one provider (parses only that provider's file). */
  instancesOf(p: Provider): InstanceRow[];
  gpus: GpuRow[];
  readonly cpuTdp: TdpRow[];
  runnerProfiles: RunnerProfile[];
  runnerRegions: RunnerRegion[];
  runnerEmbodied: RunnerEmbodiedRow[];
  /** Eco CI's github_EPYC_7763_4_CPU_shared curve: [utilisation 0..1, watts]. */
  ecociCurve: Array<[number, number]>;
  constants: Constants;
  /** Generation-weighted mean of the country table (OWID), gCO2e/kWh. */
  worldGCo2ePerKwh: number;
  /** Unweighted mean of the CCF factors of the GitHub-hosted runner regions, gCO2e/kWh. */
  githubRegionAverageGCo2ePerKwh: number;
  // indexes
  gridIndex: Map<string, GridFactorRow>;
  countryIndex: Map<string, CountryRow>;
  providerIndex: Map<Provider, CloudProviderRow>;
}

/** The data files read by loadTables, by role (plus one instance file per provider: instanceFileOf). */
export const TABLE_FILES = {
  providers: 'cloud-providers.csv',
  gridFactors: 'cloud-grid-factors.csv',
  countries: 'country-intensity.csv',
  coefficients: 'cpu-coefficients.csv',
  cpuArchitectures: 'cpu-microarchitectures.csv',
  gpus: 'gpu-watts.csv',
  cpuTdp: 'cpu-tdp.csv',
  runnerProfiles: 'github-runner-profiles.csv',
  runnerRegions: 'github-runner-regions.csv',
  runnerEmbodied: 'github-runner-embodied.csv',
  ecociCurve: 'ecoci-github-4vcpu.csv',
  constants: 'constants.json',
} as const;
/** A provider's instance types live in their own file, found by name: instance-types-<provider>.csv. */
export const INSTANCE_FILE = /^instance-types-([a-z0-9][a-z0-9-]*)\.csv$/;
export const instanceFileOf = (p: Provider): string => `instance-types-${p}.csv`;

/** The texts of the table files, by role; `instances` by provider id (from the instance file names). */
export type TableFileTexts = Record<keyof typeof TABLE_FILES, string> & { instances: Record<Provider, string> };

export class TableError extends Error {
  constructor(file: string, detail: string) {
    super(`data/${file}: ${detail}`);
    this.name = 'TableError';
  }
}

