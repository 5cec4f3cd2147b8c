#!/usr/bin/env node
// One-off derivation of carbon-gate's data/ tables from the upstream snapshot in
// ../shared/upstream-data (see data/README.md for sources, licences and fixes).
// Usage: node data/derive/derive-tables.mjs [/path/to/upstream-data]
// This is offline tooling, not shipped logic: the action reads data/ only through src/data/tables.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.dirname(here);
const UP = process.argv[2] ?? path.resolve(OUT, '../../shared/upstream-data');

// --- minimal RFC 4180 reader for this script only (runtime code uses src/core/csv.ts) ---
function readCsv(file) {
  let text = fs.readFileSync(path.join(UP, file), 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = [];
  let row = [];
  let field = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else q = false;
      } else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}
function records(file) {
  const [h, ...rows] = readCsv(file);
  return rows.map((r) => Object.fromEntries(h.map((k, i) => [k, (r[i] ?? '').trim()])));
}
function csvField(v) {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function writeCsv(name, header, rows) {
  const lines = [header.join(','), ...rows.map((r) => header.map((k) => csvField(r[k])).join(','))];
  fs.writeFileSync(path.join(OUT, name), lines.join('\n') + '\n');
  console.log(`${name}: ${rows.length} rows`);
}
/** Teads/CCF files sometimes write decimals with a comma ("0,29"); read both forms. */
function num(s) {
  const t = String(s).trim().replace(/^"|"$/g, '');
  if (t === '' || /^n\/?a$/i.test(t)) return null;
  const n = Number(t.includes(',') && !t.includes('.') ? t.replace(',', '.') : t);
  return Number.isFinite(n) ? n : null;
}
const round = (x, d = 9) => Number(x.toFixed(d));

// ---------------- microarchitectures ----------------
const ARCH_FILES = {
  'amd-epyc-gen1': 'EPYC 1st Gen', 'amd-epyc-gen2': 'EPYC 2nd Gen', 'amd-epyc-gen3': 'EPYC 3rd Gen',
  'amd-epyc-gen4': 'EPYC 4th Gen', 'amd-epyc-gen5': 'EPYC 5th Gen', 'amd-neoverse-n1': 'Neoverse N1',
  'intel-broadwell': 'Broadwell', 'intel-cascadelake': 'Cascade Lake', 'intel-coffeelake': 'Coffee Lake',
  'intel-emeraldrapids': 'Emerald Rapids', 'intel-graniterapids': 'Granite Rapids', 'intel-haswell': 'Haswell',
  'intel-icelake': 'Ice Lake', 'intel-ivybridge': 'Ivy Bridge', 'intel-sandybridge': 'Sandy Bridge',
  'intel-sapphirerapids': 'Sapphire Rapids', 'intel-skylake-client': 'Skylake', 'intel-skylake-server': 'Skylake',
  'intel-skylake': 'Skylake',
};
const archRows = [];
const seen = new Set();
for (const [file, arch] of Object.entries(ARCH_FILES)) {
  const lines = fs.readFileSync(path.join(UP, 'ccf/microarchitectures', `${file}.csv`), 'utf8').split(/\r?\n/);
  for (const l of lines) {
    const m = l.trim();
    if (!m || seen.has(`${m}|${arch}`)) continue;
    seen.add(`${m}|${arch}`);
    archRows.push({ cpu_model: m, microarchitecture: arch, source: `CCF ccf-coefficients data/${file}.csv` });
  }
}
// Additions not in CCF's lists (facts from the cited docs).
archRows.push({ cpu_model: 'EPYC 7V12', microarchitecture: 'EPYC 2nd Gen', source: 'Azure docs NCasT4_v3 series: "AMD EPYC 7V12 (Rome)"' });
// Azure host CPUs named in the Azure Dv2/DSv2 size docs (AZ-DSV2) but missing from CCF's lists; generation
// from Intel's naming: E5 v3 = Haswell, E5 v4 = Broadwell, Xeon Scalable 82xx = Cascade Lake, 85xx = Emerald Rapids.
for (const [m, a] of [['Platinum 8272CL', 'Cascade Lake'], ['E5-2673 v4', 'Broadwell'], ['E5-2673 v3', 'Haswell'], ['Platinum 8573C', 'Emerald Rapids']]) {
  if (!archRows.some((r) => r.cpu_model === m)) archRows.push({ cpu_model: m, microarchitecture: a, source: 'Azure DSv2 size docs (CPU list) + Intel generation naming' });
}
archRows.push({ cpu_model: 'Neoverse-N2', microarchitecture: 'Neoverse N2', source: 'GitHub arm64 runner lscpu (EESSI/software-layer#1100): Azure Cobalt 100' });
archRows.push({ cpu_model: 'Cobalt 100', microarchitecture: 'Neoverse N2', source: 'Azure Cobalt 100 = Arm Neoverse N2 (Azure docs)' });
writeCsv('cpu-microarchitectures.csv', ['cpu_model', 'microarchitecture', 'source'], archRows);

// ---------------- per-vCPU coefficients ----------------
const coefRows = [];
for (const provider of ['aws', 'azure', 'gcp']) {
  for (const r of records(`ccf/coefficients-${provider}-use.csv`)) {
    const anomalous = r.Architecture === 'EPYC 5th Gen';
    coefRows.push({
      provider,
      microarchitecture: r.Architecture,
      min_watts_per_vcpu: num(r['Min Watts']),
      max_watts_per_vcpu: num(r['Max Watts']),
      gb_per_chip: num(r['GB/Chip']),
      flag: anomalous ? 'anomalous: not used, EPYC 4th Gen row used instead (see data/README.md)' : '',
    });
  }
}
writeCsv('cpu-coefficients.csv', ['provider', 'microarchitecture', 'min_watts_per_vcpu', 'max_watts_per_vcpu', 'gb_per_chip', 'flag'], coefRows);

// CPU name -> microarchitecture for instance tables (longest list entry contained in the name, then keywords).
const archEntries = archRows.map((r) => ({ key: r.cpu_model.toLowerCase(), arch: r.microarchitecture })).sort((a, b) => b.key.length - a.key.length);
const KEYWORDS = [
  ['graviton4', 'Graviton4'], ['graviton3e', 'Graviton3E'], ['graviton3', 'Graviton3'], ['graviton2', 'Graviton2'],
  ['granite rapids', 'Granite Rapids'], ['emerald rapids', 'Emerald Rapids'], ['sapphire rapids', 'Sapphire Rapids'],
  ['ice lake', 'Ice Lake'], ['cascade lake', 'Cascade Lake'], ['skylake', 'Skylake'], ['broadwell', 'Broadwell'], ['haswell', 'Haswell'],
];
function archOf(cpuName) {
  const n = ` ${cpuName.toLowerCase().replace(/[^a-z0-9-]+/g, ' ')} `;
  for (const [k, a] of KEYWORDS) if (n.includes(k)) return a;
  for (const e of archEntries) {
    const k = e.key.replace(/[^a-z0-9-]+/g, ' ');
    if (n.includes(` ${k} `)) return e.arch;
  }
  return 'Unknown';
}

// ---------------- instance types ----------------
const inst = new Map(); // key provider|type
function put(provider, type, o) {
  const key = `${provider}|${type.toLowerCase()}`;
  const cur = inst.get(key) ?? { provider, instance_type: type };
  for (const [k, v] of Object.entries(o)) if (cur[k] === undefined || cur[k] === null || cur[k] === '') cur[k] = v;
  inst.set(key, cur);
}
// AWS: CCF embodied coefficients (method values), Teads dataset (vCPU, memory, CPU), CCF 2026 list (newer types).
// Sockets of the host platform (CCF: physical chips of the instance comparable to a whole SPECpower server).
const awsSockets = new Map(records('ccf/aws-instances-cpus.csv').map((r) => [r['CPU Name'], num(r['Platform Number of CPU Socket(s)'])]));
const azureSockets = new Map(records('ccf/azure-instances-cpus.csv').map((r) => [r.Microarchitecture, num(r['CPU Sockets'])]));
const awsEmb = new Map(records('ccf/coefficients-aws-embodied.csv').map((r) => [r.type, num(r.total)]));
for (const r of records('ccf/aws-instances.csv')) {
  const t = r['Instance type'];
  if (!/^[a-z0-9-]+\.[a-z0-9-]+$/.test(t)) continue; // skip db./cache./.elasticsearch service variants
  put('aws', t, {
    vcpus: num(r['Instance vCPU']), memory_gb: num(r['Instance Memory (in GB)']), cpu_name: r['Platform CPU Name'],
    gpu_name: r['Platform GPU Name'] === 'N/A' ? '' : r['Platform GPU Name'], gpus: num(r['Instance Number of GPU']) ?? '',
    platform_vcpus: num(r['Platform Total Number of vCPU']) ?? '', platform_sockets: awsSockets.get(r['Platform CPU Name']) ?? '',
  });
}
for (const r of records('ccf/aws-instances-latest-2026.csv')) {
  const t = r['Instance Type'];
  if (!t || !/^[a-z0-9-]+\.[a-z0-9-]+$/.test(t)) continue;
  put('aws', t, { vcpus: num(r.vCPUs), memory_gb: num(r['Memory (GiB)']), cpu_name: r['Platform CPU Name'] });
}
for (const [t] of awsEmb) if (!inst.has(`aws|${t}`)) put('aws', t, {});
for (const v of inst.values()) if (v.provider === 'aws') { v.family = v.instance_type.split('.')[0]; v.microarchitectures = archOf(v.cpu_name ?? ''); }

// Azure: CCF azure-instances.csv + embodied.
const azEmb = new Map(records('ccf/coefficients-azure-embodied.csv').map((r) => [r.type, num(r.total)]));
for (const r of records('ccf/azure-instances.csv')) {
  put('azure', r['Virtual Machine'], {
    family: r.Series, vcpus: num(r['Instance vCPUs']), memory_gb: num(r['Instance Memory']),
    microarchitectures: r.Microarchitecture, platform_vcpus: num(r['Platform vCPUs (highest vCPU possible)']) ?? '',
    platform_sockets: azureSockets.get(r.Microarchitecture) ?? '', gpus: num(r['Instance GPUs']) ?? '',
  });
}
// GCP: CCF gcp-instances.csv (one row per possible microarchitecture) + embodied means; 2026 list for newer types.
const gcpEmb = new Map(records('ccf/coefficients-gcp-embodied-mean.csv').map((r) => [r.type, num(r.total_mean)]));
const gcpArch = new Map();
for (const r of records('ccf/gcp-instances.csv')) {
  const t = r['Machine type'];
  const s = gcpArch.get(t) ?? new Set();
  if (r.Microarchitecture) s.add(r.Microarchitecture);
  gcpArch.set(t, s);
  put('gcp', t, { family: t.split('-')[0], vcpus: num(r['Instance vCPUs']), memory_gb: num(r['Instance Memory']), gpus: num(r['Instance GPUs']) ?? '' });
}
for (const r of records('ccf/gcp-instances-latest-2026.csv')) {
  const t = r['Instance Type'];
  if (!t) continue;
  if (!gcpArch.has(t)) gcpArch.set(t, new Set(r.Microarchitecture ? [r.Microarchitecture] : []));
  put('gcp', t, { family: t.split('-')[0], vcpus: num(r['Instance vCPU']), memory_gb: num(r['Instance Memory']), cpu_name: r['CPU Name'] });
}
for (const v of inst.values()) if (v.provider === 'gcp') v.microarchitectures = [...(gcpArch.get(v.instance_type) ?? [])].join(';') || 'Unknown';

// Family maxima and embodied.
const famMax = new Map();
for (const v of inst.values()) {
  const k = `${v.provider}|${v.family}`;
  famMax.set(k, Math.max(famMax.get(k) ?? 0, v.vcpus ?? 0));
}
const famEmb = new Map();
for (const v of inst.values()) {
  const e = (v.provider === 'aws' ? awsEmb : v.provider === 'azure' ? azEmb : gcpEmb).get(v.instance_type);
  if (e !== undefined && e !== null) {
    v.embodied_kgco2e = e;
    v.embodied_source = `CCF coefficients-${v.provider}-embodied${v.provider === 'gcp' ? '-mean' : ''}.csv`;
    const k = `${v.provider}|${v.family}`;
    famEmb.set(k, Math.max(famEmb.get(k) ?? 0, e));
  }
}
for (const v of inst.values()) {
  v.family_max_vcpus = famMax.get(`${v.provider}|${v.family}`) || '';
  if (v.embodied_kgco2e === undefined) {
    const fe = famEmb.get(`${v.provider}|${v.family}`);
    if (fe) { v.embodied_kgco2e = fe; v.embodied_source = 'family stand-in: largest CCF total of the same family'; }
    else { v.embodied_kgco2e = ''; v.embodied_source = ''; }
  }
}
const instRows = [...inst.values()].filter((v) => v.vcpus).sort((a, b) => (a.provider + a.instance_type).localeCompare(b.provider + b.instance_type));
// One file per provider, so a run parses only the provider it needs.
for (const provider of ['aws', 'azure', 'gcp']) {
  writeCsv(`instance-types-${provider}.csv`, ['provider', 'instance_type', 'family', 'vcpus', 'memory_gb', 'microarchitectures', 'cpu_name', 'gpus', 'platform_vcpus', 'platform_sockets', 'family_max_vcpus', 'embodied_kgco2e', 'embodied_source'], instRows.filter((r) => r.provider === provider));
}

console.log('azure sockets by microarchitecture', JSON.stringify(Object.fromEntries(azureSockets)));

// ---------------- cloud grid factors ----------------
const gridRows = [];
for (const r of records('ccf/ccf-app-grid-emissions-factors.csv')) {
  if (r.region === 'Unknown') continue;
  gridRows.push({ provider: r.provider, region: r.region.toLowerCase(), gco2e_per_kwh: round(num(r.co2e_metric_ton_per_kwh) * 1e6, 6), basis: r.note || '', source: 'CCF app constants (ccf-app-grid-emissions-factors.csv)', country_iso3: (r.note || '').startsWith('US ') ? 'USA' : '' });
}
// Regions present only in CCF's coefficient-repo Azure file; two of its rows lack the leading "0." (fixed here).
const have = new Set(gridRows.map((r) => `${r.provider}|${r.region}`));
for (const row of readCsv('ccf/grid-emissions-factors-azure.csv').slice(1)) {
  const name = row[0].toLowerCase().replace(/\s+/g, '');
  let raw = row[3];
  let fixed = '';
  if (/^0{3}\d+$/.test(raw)) { raw = `0.${raw}`; fixed = ' (upstream value lacked "0.", fixed)'; }
  if (have.has(`azure|${name}`)) continue;
  gridRows.push({ provider: 'azure', region: name, gco2e_per_kwh: round(Number(raw) * 1e6, 6), basis: `${row[4]}${fixed}`, source: 'CCF coefficients grid-emissions-factors-azure.csv', country_iso3: '' });
}
// country_iso3: the country of the region where the basis names one (the US eGRID rows); else empty.
writeCsv('cloud-grid-factors.csv', ['provider', 'region', 'gco2e_per_kwh', 'basis', 'source', 'country_iso3'], gridRows);

// ---------------- country intensity (OWID via CodeCarbon) ----------------
const mix = JSON.parse(fs.readFileSync(path.join(UP, 'codecarbon/global_energy_mix.json'), 'utf8'));
const iso2 = new Map(records('grid-intensity/co2js/countries.csv').map((r) => [r.country_code_iso_3, r.country_code_iso_2]));
const ctry = Object.values(mix).filter((v) => typeof v.carbon_intensity === 'number').map((v) => ({
  iso2: iso2.get(v.iso_code) ?? '', iso3: v.iso_code, country: v.country_name, year: v.year, gco2e_per_kwh: v.carbon_intensity, total_twh: v.total_TWh,
})).sort((a, b) => a.iso3.localeCompare(b.iso3));
writeCsv('country-intensity.csv', ['iso2', 'iso3', 'country', 'year', 'gco2e_per_kwh', 'total_twh'], ctry);
const w = ctry.filter((c) => c.total_twh > 0);
const world = w.reduce((s, c) => s + c.gco2e_per_kwh * c.total_twh, 0) / w.reduce((s, c) => s + c.total_twh, 0);
console.log('world (generation-weighted OWID)', world);

// ---------------- GPU watts ----------------
writeCsv('gpu-watts.csv', ['vendor', 'gpu', 'idle_watts', 'max_watts'], records('ccf/ccf-app-gpu-watts.csv').map((r) => ({ vendor: r.manufacturer, gpu: r.gpu, idle_watts: num(r.watts_idle), max_watts: num(r.watts_100pct) })));

// ---------------- CPU TDP (CodeCarbon) ----------------
const tdp = new Map();
for (const r of records('codecarbon/cpu_power.csv')) {
  const n = r.Name.replace(/\s+/g, ' ').trim();
  const t = num(r.TDP);
  if (n && t && !tdp.has(n)) tdp.set(n, t);
}
writeCsv('cpu-tdp.csv', ['cpu_model', 'tdp_watts'], [...tdp].map(([cpu_model, tdp_watts]) => ({ cpu_model, tdp_watts })));

// ---------------- Eco CI curve ----------------
const eco = records('eco-ci/eco-ci-machine-power-curves.csv').filter((r) => r.machine_power_data_file === 'github_EPYC_7763_4_CPU_shared');
const ecoMap = new Map();
for (const r of eco) { const u = Number(r.cpu_utilization_percent); if (u <= 100 && !ecoMap.has(u)) ecoMap.set(u, Number(r.watts)); }
writeCsv('ecoci-github-4vcpu.csv', ['util_percent', 'watts'], [...ecoMap].sort((a, b) => a[0] - b[0]).map(([util_percent, watts]) => ({ util_percent, watts })));
