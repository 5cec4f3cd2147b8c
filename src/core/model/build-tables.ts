// Parses the texts of the data files into typed Tables (pure: src/data/tables.ts reads the files).
// Every provider id in any table must be a row of data/cloud-providers.csv: a new provider is rows there,
// in the grid-factor (and optionally coefficient) tables and an instance-types-<provider>.csv file.
import { parseCsvRecords } from '../csv.js';
import { normaliseGpuName, normaliseInstanceType } from './lookups.js';
import {
  instanceFileOf,
  TABLE_FILES,
  TableError,
  type CloudProviderRow,
  type Constants,
  type CountryRow,
  type CpuArchRow,
  type InstanceRow,
  type Provider,
  type TableFileTexts,
  type Tables,
  type TdpRow,
} from './table-types.js';

/** A number from a table cell; `row` and `col` only name the cell in the error. */
function n(file: string, v: string, row: string, col = ''): number {
  const x = Number(v);
  if (v === '' || !Number.isFinite(x)) throw new TableError(file, `${row}${col ? ` ${col}` : ''} is not a number: ${JSON.stringify(v)}`);
  return x;
}
/** A provider id that data/cloud-providers.csv has. */
function provider(known: ReadonlyMap<Provider, CloudProviderRow>, file: string, v: string): Provider {
  if (known.has(v)) return v;
  throw new TableError(file, `unknown provider ${JSON.stringify(v)} (not in ${TABLE_FILES.providers}: ${[...known.keys()].join(', ')})`);
}
const list = (v: string): string[] => (v === '' ? [] : v.includes(';') ? v.split(';').map((s) => s.trim()).filter(Boolean) : [v]);

const PROVIDER_COLS = ['provider', 'name', 'pue', 'avg_min_watts_per_vcpu', 'avg_max_watts_per_vcpu', 'average_kind', 'avg_gb_per_chip', 'memory_rule', 'instance_prefixes', 'source', 'pue_source'];

function parseProviders(rows: Array<Record<string, string>>): CloudProviderRow[] {
  const f = TABLE_FILES.providers;
  const seen = new Set<string>();
  return rows.map((r) => {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(r.provider)) throw new TableError(f, `provider id ${JSON.stringify(r.provider)} is not lower-case letters, digits and '-'`);
    if (seen.has(r.provider)) throw new TableError(f, `provider ${r.provider} is listed twice`);
    seen.add(r.provider);
    if (r.memory_rule !== 'platform-share' && r.memory_rule !== 'all') throw new TableError(f, `${r.provider} memory_rule is ${JSON.stringify(r.memory_rule)}, not 'platform-share' or 'all'`);
    const pue = n(f, r.pue, r.provider, 'pue');
    if (!(pue >= 1)) throw new TableError(f, `${r.provider} pue is ${pue}, below 1`);
    return {
      id: r.provider,
      name: r.name || r.provider,
      pue,
      avgMinWattsPerVcpu: n(f, r.avg_min_watts_per_vcpu, r.provider, 'avg_min_watts_per_vcpu'),
      avgMaxWattsPerVcpu: n(f, r.avg_max_watts_per_vcpu, r.provider, 'avg_max_watts_per_vcpu'),
      averageKind: r.average_kind,
      avgGbPerChip: r.avg_gb_per_chip === '' ? null : n(f, r.avg_gb_per_chip, r.provider, 'avg_gb_per_chip'),
      memoryRule: r.memory_rule,
      instancePrefixes: list(r.instance_prefixes),
      source: r.source,
      pueSource: r.pue_source || r.source,
    };
  });
}

export function buildTables(files: TableFileTexts): Tables {
  const rec = (k: keyof typeof TABLE_FILES, cols: string[]): Array<Record<string, string>> => parseCsvRecords(files[k], TABLE_FILES[k], cols);

  const providers = parseProviders(rec('providers', PROVIDER_COLS));
  const providerIndex = new Map(providers.map((p) => [p.id, p]));

  const gf = TABLE_FILES.gridFactors;
  const gridFactors = rec('gridFactors', ['provider', 'region', 'gco2e_per_kwh', 'basis', 'source', 'country_iso3']).map((r) => ({
    provider: provider(providerIndex, gf, r.provider),
    region: r.region,
    gCo2ePerKwh: n(gf, r.gco2e_per_kwh, `${r.provider}:${r.region}`),
    basis: r.basis,
    source: r.source,
    countryIso3: r.country_iso3 || null,
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
    provider: provider(providerIndex, kf, r.provider),
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

  const runnerEmbodied = rec('runnerEmbodied', ['embodied_proxy', 'default_for', 'is_runner_sku', 'runner_sku', 'why', 'source']).map((r) => ({
    proxy: r.embodied_proxy,
    defaultFor: r.default_for,
    isRunnerSku: r.is_runner_sku === 'true',
    runnerSku: r.runner_sku,
    why: r.why,
    source: r.source,
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
  for (const [what, p] of [['githubHosted.provider', constants.githubHosted?.provider], ['ecoci.provider', constants.ecoci?.provider]] as const) {
    if (!p || !providerIndex.has(p)) throw new TableError(TABLE_FILES.constants, `${what} ${JSON.stringify(p)} is not a provider of ${TABLE_FILES.providers}`);
  }
  const gh = constants.githubHosted.provider;

  const gridIndex = new Map(gridFactors.map((g) => [`${g.provider}:${g.region}`, g]));
  const countryIndex = new Map<string, CountryRow>();
  for (const c of countries) {
    countryIndex.set(c.iso3, c);
    if (c.iso2) countryIndex.set(c.iso2, c);
  }

  const weighted = countries.filter((c) => c.totalTwh > 0);
  const worldGCo2ePerKwh = weighted.reduce((s, c) => s + c.gCo2ePerKwh * c.totalTwh, 0) / weighted.reduce((s, c) => s + c.totalTwh, 0);

  const regionFactors = runnerRegions.map((r) => {
    const g = gridIndex.get(`${gh}:${r.azureRegion}`);
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
  for (const p of Object.keys(files.instances)) {
    if (!providerIndex.has(p)) throw new TableError(instanceFileOf(p), `provider ${JSON.stringify(p)} is not in ${TABLE_FILES.providers}`);
  }
  const instanceCols = ['provider', 'instance_type', 'family', 'vcpus', 'memory_gb', 'microarchitectures', 'cpu_name', 'gpus', 'platform_vcpus', 'platform_sockets', 'family_max_vcpus', 'embodied_kgco2e', 'embodied_source'];
  const parseInstances = (want: Provider): InstanceRow[] => {
    const inf = instanceFileOf(want);
    const text = files.instances[want];
    if (text === undefined) return [];
    const prefixes = providerIndex.get(want)?.instancePrefixes ?? [];
    return parseCsvRecords(text, inf, instanceCols).map((r) => {
      const p = provider(providerIndex, inf, r.provider);
      const archs = list(r.microarchitectures);
      return {
        provider: p,
        instanceType: r.instance_type,
        key: normaliseInstanceType(r.instance_type, prefixes),
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
      if (rows.some((r) => r.provider !== p)) throw new TableError(instanceFileOf(p), `rows of another provider than ${p}`);
      instMemo.set(p, rows);
    }
    return rows;
  };
  let tdpMemo: TdpRow[] | undefined;

  return {
    providers,
    gridFactors,
    countries,
    coefficients,
    get cpuArchitectures(): CpuArchRow[] {
      return (archMemo ??= parseArchitectures());
    },
    get instances(): InstanceRow[] {
      return providers.flatMap((p) => instancesOf(p.id));
    },
    instancesOf,
    gpus,
    get cpuTdp(): TdpRow[] {
      return (tdpMemo ??= parseTdp());
    },
    runnerProfiles,
    runnerRegions,
    runnerEmbodied,
    ecociCurve,
    constants,
    worldGCo2ePerKwh,
    githubRegionAverageGCo2ePerKwh,
    gridIndex,
    countryIndex,
    providerIndex,
  };
}

/** Parses the lazily loaded tables now (tests and the load-time script use it to validate everything). */
export function parseAllTables(tables: Tables): { instances: number; cpuArchitectures: number; cpuTdp: number } {
  return { instances: tables.instances.length, cpuArchitectures: tables.cpuArchitectures.length, cpuTdp: tables.cpuTdp.length };
}

