// Pure look-ups over the reference tables: CPU, GPU and instance names normalised for matching,
// rows by key, and nearest names for "did you mean" hints.
import type { CloudProviderRow, CoefficientRow, CountryRow, CpuArchRow, GpuRow, GridFactorRow, InstanceRow, Provider, Tables, TdpRow } from './table-types.js';

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

/**
 * Normalises an instance type for matching: lower case, the provider's name prefixes dropped, spaces and
 * underscores as one '_'. Azure "Standard_D4as_v4" and CCF "D4as v4" both become "d4as_v4".
 */
export function normaliseInstanceType(s: string, prefixes: readonly string[] = []): string {
  let v = s.trim().toLowerCase();
  for (const pre of prefixes) {
    const p = pre.toLowerCase().replace(/[\s_]+$/, '');
    if (p && v.startsWith(p) && /^[\s_]/.test(v.slice(p.length))) {
      v = v.slice(p.length);
      break;
    }
  }
  return v.replace(/^[\s_]+/, '').replace(/[\s_]+/g, '_');
}

export function normaliseGpuName(s: string): string {
  return ` ${s.toLowerCase()} `
    .replace(/\b(nvidia|amd|tesla|geforce)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

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

/** The provider row of data/cloud-providers.csv, or null. */
export function providerRow(tables: Tables, id: string): CloudProviderRow | null {
  return tables.providerIndex.get(id.trim().toLowerCase()) ?? null;
}

/** "'aws', 'azure', 'gcp'": the providers of the data, for "accepted" texts. */
export const providerList = (tables: Tables): string => tables.providers.map((p) => `'${p.id}'`).join(', ');

export function coefficientRow(tables: Tables, p: Provider, microarchitecture: string): CoefficientRow | null {
  return tables.coefficients.find((c) => c.provider === p && c.microarchitecture === microarchitecture) ?? null;
}

const instanceKeys = new WeakMap<Tables, Map<Provider, Map<string, InstanceRow>>>();

export function instanceRow(tables: Tables, p: Provider, instanceType: string): InstanceRow | null {
  let byProvider = instanceKeys.get(tables);
  if (!byProvider) instanceKeys.set(tables, (byProvider = new Map()));
  let idx = byProvider.get(p);
  if (!idx) byProvider.set(p, (idx = new Map(tables.instancesOf(p).map((r) => [r.key, r]))));
  return idx.get(normaliseInstanceType(instanceType, providerRow(tables, p)?.instancePrefixes)) ?? null;
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
