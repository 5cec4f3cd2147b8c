// Typed reference tables of the model (data/*.csv + data/constants.json) and the pure
// lookups over them. `buildTables` turns file texts into Tables; src/data/tables.ts reads the files.
import { parseCsvRecords } from '../csv.js';

export type Provider = 'aws' | 'azure' | 'gcp';
export const PROVIDERS: readonly Provider[] = ['aws', 'azure', 'gcp'];

export interface GridFactorRow {
  provider: Provider;
  region: string;
  gCo2ePerKwh: number;
  basis: string;
  source: string;
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
export interface CloudConstants {
  pue: number;
  avgMinWattsPerVcpu: number;
  avgMaxWattsPerVcpu: number;
  averageKind: string;
  /** CCF's average GB of memory per chip of the SPECpower servers (AWS/Azure), for unknown microarchitectures. */
  avgGbPerChip?: number;
  source: string;
  /** Source of the PUE alone, when `source` carries caveats about other figures. */
  pueSource?: string;
}
export interface Constants {
  clouds: Record<Provider, CloudConstants>;
  memoryWattsPerGb: { value: number; source: string };
  memoryRule: { socketsByMicroarchitecture: Record<string, number>; source: string; rule: string };
  serverLifespanHours: { value: number; source: string };
  onPremPue: { value: number; source: string };
  tdpCurve: { idleFractionOfTdp: number; maxFractionOfTdp: number; source: string };
  unknownCpuTdpWattsPerThread: { value: number; source: string };
  microarchitectureStandIns: Record<string, { use: string; reason: string }>;
  githubHosted: { provider: Provider; regionAverage: string; platformVcpus: number; platformSource: string };
  ecoci: { embodiedHostKgCo2e: number; instanceVcpus: number; hostVcpus: number; source: string; pue: number; pueNote: string };
}

/**
 * All reference tables. The three large tables (instances, cpuArchitectures, cpuTdp) are parsed on
 * first access and then kept, so a run pays only for what its model uses.
 */
export interface Tables {
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
}

/** The data files read by loadTables, by role. */
export const TABLE_FILES = {
  gridFactors: 'cloud-grid-factors.csv',
  countries: 'country-intensity.csv',
  coefficients: 'cpu-coefficients.csv',
  cpuArchitectures: 'cpu-microarchitectures.csv',
  instancesAws: 'instance-types-aws.csv',
  instancesAzure: 'instance-types-azure.csv',
  instancesGcp: 'instance-types-gcp.csv',
  gpus: 'gpu-watts.csv',
  cpuTdp: 'cpu-tdp.csv',
  runnerProfiles: 'github-runner-profiles.csv',
  runnerRegions: 'github-runner-regions.csv',
  ecociCurve: 'ecoci-github-4vcpu.csv',
  constants: 'constants.json',
} as const;
export type TableFileTexts = Record<keyof typeof TABLE_FILES, string>;

export class TableError extends Error {
  constructor(file: string, detail: string) {
    super(`data/${file}: ${detail}`);
    this.name = 'TableError';
  }
}

/** A number from a table cell; `row` and `col` only name the cell in the error. */
function n(file: string, v: string, row: string, col = ''): number {
  const x = Number(v);
  if (v === '' || !Number.isFinite(x)) throw new TableError(file, `${row}${col ? ` ${col}` : ''} is not a number: ${JSON.stringify(v)}`);
  return x;
}
function provider(file: string, v: string): Provider {
  if ((PROVIDERS as readonly string[]).includes(v)) return v as Provider;
  throw new TableError(file, `unknown provider ${JSON.stringify(v)}`);
}
const list = (v: string): string[] => (v === '' ? [] : v.includes(';') ? v.split(';').map((s) => s.trim()).filter(Boolean) : [v]);

/** Normalises a CPU model string for matching: lower case, without (R)/(TM), clock, "CPU", "n-Core Processor". */
export function normaliseCpuModel(s: string): string {
  return ` ${s.toLowerCase()} `
    .replace(/\((r|tm|virtual)\)/g, ' ')
    .replace(/@.*$/, ' ')
    .replace(/\b\d+-core\b/g, ' ')
    .replace(/\b(processor|cpu|with radeon graphics)\b/g, ' ')
    .replace(/[^a-z0-9+-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Normalises an instance type: Azure "Standard_D4as_v4" and CCF "D4as v4" both become "d4as_v4". */
export function normaliseInstanceType(p: Provider, s: string): string {
  let v = s.trim().toLowerCase();
  if (p === 'azure') v = v.replace(/^(standard|basic)[_\s]+/, '').replace(/[\s_]+/g, '_');
  return v;
}

export function normaliseGpuName(s: string): string {
  return ` ${s.toLowerCase()} `
    .replace(/\b(nvidia|amd|tesla|geforce)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function buildTables(files: TableFileTexts): Tables {
  const rec = (k: keyof typeof TABLE_FILES, cols: string[]): Array<Record<string, string>> => parseCsvRecords(files[k], TABLE_FILES[k], cols);

  const gf = TABLE_FILES.gridFactors;
  const gridFactors = rec('gridFactors', ['provider', 'region', 'gco2e_per_kwh', 'basis', 'source']).map((r) => ({
    provider: provider(gf, r.provider),
    region: r.region,
    gCo2ePerKwh: n(gf, r.gco2e_per_kwh, `${r.provider}:${r.region}`),
    basis: r.basis,
    source: r.source,
  }));

  const cf = TABLE_FILES.countries;
  const countries = rec('countries', ['iso2', 'iso3', 'country', 'year', 'gco2e_per_kwh', 'total_twh']).map((r) => ({
    iso2: r.iso2,
    iso3: r.iso3,
    country: r.country,
    year: n(cf, r.year, `${r.iso3} year`),
    gCo2ePerKwh: n(cf, r.gco2e_per_kwh, r.iso3),
    totalTwh: r.total_twh === '' ? 0 : n(cf, r.total_twh, `${r.iso3} total_twh`),
  }));

  const kf = TABLE_FILES.coefficients;
  const coefficients = rec('coefficients', ['provider', 'microarchitecture', 'min_watts_per_vcpu', 'max_watts_per_vcpu', 'gb_per_chip', 'flag']).map((r) => ({
    provider: provider(kf, r.provider),
    microarchitecture: r.microarchitecture,
    minWattsPerVcpu: n(kf, r.min_watts_per_vcpu, r.microarchitecture),
    maxWattsPerVcpu: n(kf, r.max_watts_per_vcpu, r.microarchitecture),
    gbPerChip: n(kf, r.gb_per_chip, r.microarchitecture),
    flag: r.flag,
  }));

  const gpf = TABLE_FILES.gpus;
  const gpus = rec('gpus', ['vendor', 'gpu', 'idle_watts', 'max_watts']).map((r) => ({
    vendor: r.vendor,
    gpu: r.gpu,
    key: normaliseGpuName(r.gpu),
    idleWatts: n(gpf, r.idle_watts, r.gpu),
    maxWatts: n(gpf, r.max_watts, r.gpu),
  }));

  const pf = TABLE_FILES.runnerProfiles;
  const runnerProfiles = rec('runnerProfiles', ['labels', 'runner_class', 'repo_visibility', 'os', 'arch', 'vcpus', 'ram_gb', 'gpu', 'likely_cpu', 'azure_vm_size', 'embodied_proxy', 'evidence_level', 'sources']).map((r) => ({
    labels: list(r.labels),
    runnerClass: r.runner_class,
    repoVisibility: r.repo_visibility,
    os: list(r.os),
    arch: list(r.arch),
    vcpus: n(pf, r.vcpus, r.labels, 'vcpus'),
    ramGb: n(pf, r.ram_gb, r.labels, 'ram_gb'),
    gpu: r.gpu,
    likelyCpu: r.likely_cpu,
    azureVmSize: r.azure_vm_size,
    embodiedProxy: r.embodied_proxy,
    evidenceLevel: r.evidence_level,
    sources: r.sources,
  }));

  const runnerRegions = rec('runnerRegions', ['azure_region', 'evidence', 'evidence_date', 'source_ids', 'electricitymaps_zone', 'zone_note']).map((r) => ({
    azureRegion: r.azure_region,
    evidence: r.evidence,
    evidenceDate: r.evidence_date,
    sourceIds: r.source_ids,
    electricityMapsZone: r.electricitymaps_zone,
    zoneNote: r.zone_note,
  }));

  const ef = TABLE_FILES.ecociCurve;
  const ecociCurve = rec('ecociCurve', ['util_percent', 'watts'])
    .map((r): [number, number] => [n(ef, r.util_percent, 'util_percent') / 100, n(ef, r.watts, 'watts')])
    .sort((a, b) => a[0] - b[0]);

  let constants: Constants;
  try {
    constants = JSON.parse(files.constants) as Constants;
  } catch (e) {
    throw new TableError(TABLE_FILES.constants, `not valid JSON (${(e as Error).message})`);
  }
  for (const p of PROVIDERS) {
    const c = constants.clouds?.[p];
    if (!c || !(c.pue > 0) || !(c.avgMaxWattsPerVcpu > 0)) throw new TableError(TABLE_FILES.constants, `clouds.${p} is incomplete`);
  }

  const gridIndex = new Map(gridFactors.map((g) => [`${g.provider}:${g.region}`, g]));
  const countryIndex = new Map<string, CountryRow>();
  for (const c of countries) {
    countryIndex.set(c.iso3, c);
    if (c.iso2) countryIndex.set(c.iso2, c);
  }

  const weighted = countries.filter((c) => c.totalTwh > 0);
  const worldGCo2ePerKwh = weighted.reduce((s, c) => s + c.gCo2ePerKwh * c.totalTwh, 0) / weighted.reduce((s, c) => s + c.totalTwh, 0);

  const regionFactors = runnerRegions.map((r) => {
    const g = gridIndex.get(`azure:${r.azureRegion}`);
    if (!g) throw new TableError(TABLE_FILES.runnerRegions, `region ${r.azureRegion} has no row in ${TABLE_FILES.gridFactors}`);
    return g.gCo2ePerKwh;
  });
  const githubRegionAverageGCo2ePerKwh = regionFactors.reduce((s, x) => s + x, 0) / regionFactors.length;

  const parseArchitectures = (): CpuArchRow[] =>
    rec('cpuArchitectures', ['cpu_model', 'microarchitecture', 'source']).map((r) => ({
      cpuModel: r.cpu_model,
      microarchitecture: r.microarchitecture,
      source: r.source,
    }));
  const instanceFiles = { aws: 'instancesAws', azure: 'instancesAzure', gcp: 'instancesGcp' } as const;
  const instanceCols = ['provider', 'instance_type', 'family', 'vcpus', 'memory_gb', 'microarchitectures', 'cpu_name', 'gpus', 'platform_vcpus', 'platform_sockets', 'family_max_vcpus', 'embodied_kgco2e', 'embodied_source'];
  const parseInstances = (want: Provider): InstanceRow[] => {
    const inf = TABLE_FILES[instanceFiles[want]];
    return rec(instanceFiles[want], instanceCols).map((r) => {
      const p = provider(inf, r.provider);
      const archs = list(r.microarchitectures);
      return {
        provider: p,
        instanceType: r.instance_type,
        key: normaliseInstanceType(p, r.instance_type),
        family: r.family,
        vcpus: n(inf, r.vcpus, r.instance_type, 'vcpus'),
        memoryGb: r.memory_gb === '' ? 0 : n(inf, r.memory_gb, r.instance_type, 'memory_gb'),
        microarchitectures: archs.length ? archs : ['Unknown'],
        cpuName: r.cpu_name,
        gpus: r.gpus === '' ? 0 : n(inf, r.gpus, r.instance_type, 'gpus'),
        platformVcpus: r.platform_vcpus === '' ? null : n(inf, r.platform_vcpus, r.instance_type, 'platform_vcpus'),
        platformSockets: r.platform_sockets === '' ? null : n(inf, r.platform_sockets, r.instance_type, 'platform_sockets'),
        familyMaxVcpus: r.family_max_vcpus === '' ? n(inf, r.vcpus, r.instance_type) : n(inf, r.family_max_vcpus, r.instance_type, 'family_max_vcpus'),
        embodiedKgCo2e: r.embodied_kgco2e === '' ? null : n(inf, r.embodied_kgco2e, r.instance_type, 'embodied'),
        embodiedSource: r.embodied_source,
      };
    });
  };
  const tf = TABLE_FILES.cpuTdp;
  const parseTdp = (): TdpRow[] => rec('cpuTdp', ['cpu_model', 'tdp_watts']).map((r) => ({ cpuModel: r.cpu_model, tdpWatts: n(tf, r.tdp_watts, r.cpu_model) }));
  let archMemo: CpuArchRow[] | undefined;
  const instMemo = new Map<Provider, InstanceRow[]>();
  const instancesOf = (p: Provider): InstanceRow[] => {
    let rows = instMemo.get(p);
    if (!rows) {
      rows = parseInstances(p);
      if (rows.some((r) => r.provider !== p)) throw new TableError(TABLE_FILES[instanceFiles[p]], `rows of another provider than ${p}`);
      instMemo.set(p, rows);
    }
    return rows;
  };
  let tdpMemo: TdpRow[] | undefined;

  return {
    gridFactors,
    countries,
    coefficients,
    get cpuArchitectures(): CpuArchRow[] {
      return (archMemo ??= parseArchitectures());
    },
    get instances(): InstanceRow[] {
      return PROVIDERS.flatMap((p) => instancesOf(p));
    },
    instancesOf,
    gpus,
    get cpuTdp(): TdpRow[] {
      return (tdpMemo ??= parseTdp());
    },
    runnerProfiles,
    runnerRegions,
    ecociCurve,
    constants,
    worldGCo2ePerKwh,
    githubRegionAverageGCo2ePerKwh,
    gridIndex,
    countryIndex,
  };
}

/** Parses the lazily loaded tables now (tests and the load-time script use it to validate everything). */
export function parseAllTables(tables: Tables): { instances: number; cpuArchitectures: number; cpuTdp: number } {
  return { instances: tables.instances.length, cpuArchitectures: tables.cpuArchitectures.length, cpuTdp: tables.cpuTdp.length };
}

// ---------------- lookups ----------------

const contains = (hay: string, needle: string): boolean => ` ${hay} `.includes(` ${needle} `);

// Normalised CPU-name indexes are built on first lookup (not at load) to keep loadTables fast.
interface Keyed<T> {
  key: string;
  row: T;
}
const archKeys = new WeakMap<Tables, Array<Keyed<CpuArchRow>>>();
const tdpKeys = new WeakMap<Tables, { list: Array<Keyed<TdpRow>>; exact: Map<string, TdpRow> }>();

function archIndex(tables: Tables): Array<Keyed<CpuArchRow>> {
  let idx = archKeys.get(tables);
  if (!idx) {
    idx = tables.cpuArchitectures
      // CCF list entries are bare model names ("EPYC 7763", "Platinum 8370C"): a light normalisation suffices
      .map((row) => ({ key: row.cpuModel.toLowerCase().replace(/[^a-z0-9+-]+/g, ' ').trim(), row }))
      .filter((k) => k.key !== '')
      .sort((a, b) => b.key.length - a.key.length);
    archKeys.set(tables, idx);
  }
  return idx;
}

function tdpIndex(tables: Tables): { list: Array<Keyed<TdpRow>>; exact: Map<string, TdpRow> } {
  let idx = tdpKeys.get(tables);
  if (!idx) {
    const list = tables.cpuTdp.map((row) => ({ key: normaliseCpuModel(row.cpuModel), row }));
    const exact = new Map<string, TdpRow>();
    for (const k of list) if (!exact.has(k.key)) exact.set(k.key, k.row);
    idx = { list, exact };
    tdpKeys.set(tables, idx);
  }
  return idx;
}

/** CPU model (as in /proc/cpuinfo) → CCF microarchitecture, or null. Longest listed model contained in the name wins. */
export function microarchitectureOf(tables: Tables, cpuModel: string): CpuArchRow | null {
  const m = normaliseCpuModel(cpuModel);
  if (!m) return null;
  for (const k of archIndex(tables)) if (contains(m, k.key)) return k.row;
  return null;
}

/** CPU model → CodeCarbon TDP row: exact normalised match, else the longest table name (with a digit) contained in the model. */
export function tdpOf(tables: Tables, cpuModel: string): TdpRow | null {
  const m = normaliseCpuModel(cpuModel);
  if (!m) return null;
  const idx = tdpIndex(tables);
  const exact = idx.exact.get(m);
  if (exact) return exact;
  let best: Keyed<TdpRow> | null = null;
  for (const k of idx.list) {
    if (k.key.length >= 4 && /\d/.test(k.key) && contains(m, k.key) && (!best || k.key.length > best.key.length)) best = k;
  }
  return best ? best.row : null;
}

/** GPU name (nvidia-smi / systeminformation) → CCF GPU row: the longest table name contained in it. */
export function gpuRowOf(tables: Tables, gpuName: string): GpuRow | null {
  const g = normaliseGpuName(gpuName);
  let best: GpuRow | null = null;
  for (const r of tables.gpus) if (contains(g, r.key) && (!best || r.key.length > best.key.length)) best = r;
  return best;
}

export function coefficientRow(tables: Tables, p: Provider, microarchitecture: string): CoefficientRow | null {
  return tables.coefficients.find((c) => c.provider === p && c.microarchitecture === microarchitecture) ?? null;
}

const instanceKeys = new WeakMap<Tables, Map<Provider, Map<string, InstanceRow>>>();

export function instanceRow(tables: Tables, p: Provider, instanceType: string): InstanceRow | null {
  let byProvider = instanceKeys.get(tables);
  if (!byProvider) instanceKeys.set(tables, (byProvider = new Map()));
  let idx = byProvider.get(p);
  if (!idx) byProvider.set(p, (idx = new Map(tables.instancesOf(p).map((r) => [r.key, r]))));
  return idx.get(normaliseInstanceType(p, instanceType)) ?? null;
}

export function gridFactor(tables: Tables, p: Provider, region: string): GridFactorRow | null {
  return tables.gridIndex.get(`${p}:${region.trim().toLowerCase()}`) ?? null;
}

export function countryRow(tables: Tables, code: string): CountryRow | null {
  return tables.countryIndex.get(code.trim().toUpperCase()) ?? null;
}

/** Levenshtein distance, for "did you mean" lists. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The `count` names closest to `query` (case-insensitive edit distance; names sharing a prefix first on ties). */
export function nearestNames(names: readonly string[], query: string, count = 5): string[] {
  const q = query.toLowerCase();
  return [...new Set(names)]
    .map((name) => {
      const l = name.toLowerCase();
      return { name, d: editDistance(q, l) - (l.startsWith(q.slice(0, 3)) ? 0.5 : 0) };
    })
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, count)
    .map((x) => x.name);
}
