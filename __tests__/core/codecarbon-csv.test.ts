// emissions.csv against CodeCarbon 3.3's schema, copied as data (fixtures/codecarbon, with its source),
// and carbon-gate.csv. Every row we write is checked field by field against the declared type.
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsvRecords, parseCsvRows } from '../../src/core/csv.js';
import { CODECARBON_COLUMNS, codecarbonTimestamp, emissionsCsv } from '../../src/core/report/codecarbon-csv.js';
import { CARBON_GATE_COLUMNS, carbonGateCsv } from '../../src/core/report/carbon-gate-csv.js';
import type { RunResult } from '../../src/core/types.js';
import { runResult } from '../helpers/run-result-fixture.js';

interface Schema {
  timestampFormat: string;
  fields: Array<{ name: string; type: 'float' | 'int' | 'bool' | 'str'; unit: string }>;
}
const here = path.dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(path.join(here, '..', 'fixtures', 'codecarbon', 'emissions-data-3.3.json'), 'utf8')) as Schema;

// Python's float() literal (finite only), int() literal, and the bools as Python's str(True)/str(False).
const PY_FLOAT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PY_INT = /^[+-]?\d+$/;
const PY_BOOL = /^(True|False)$/;
// strftime("%Y-%m-%dT%H:%M:%S")
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
// Offline CodeCarbon leaves longitude/latitude None (GeoMetadata defaults), which pandas writes as an empty cell.
const NULLABLE = new Set(['longitude', 'latitude']);

/** Checks one written row against the schema, type by type; returns the problems. */
function problems(row: Record<string, string>): string[] {
  const out: string[] = [];
  for (const f of schema.fields) {
    const v = row[f.name];
    if (v === undefined) out.push(`${f.name}: missing`);
    else if (f.type === 'float' && !(PY_FLOAT.test(v) || (NULLABLE.has(f.name) && v === ''))) out.push(`${f.name}: "${v}" is not a float`);
    else if (f.type === 'int' && !PY_INT.test(v)) out.push(`${f.name}: "${v}" is not an int`);
    else if (f.type === 'bool' && !PY_BOOL.test(v)) out.push(`${f.name}: "${v}" is not True/False`);
  }
  if (!TIMESTAMP.test(row.timestamp ?? '')) out.push(`timestamp: "${row.timestamp}" is not ${schema.timestampFormat}`);
  if (!['machine', 'process'].includes(row.tracking_mode)) out.push(`tracking_mode: "${row.tracking_mode}"`);
  if (!['Y', 'N'].includes(row.on_cloud)) out.push(`on_cloud: "${row.on_cloud}"`);
  if (!/^([A-Z]{3})?$/.test(row.country_iso_code)) out.push(`country_iso_code: "${row.country_iso_code}"`);
  return out;
}

const T_END = Date.UTC(2026, 10, 20, 12, 1, 0);

const variants: Array<[string, RunResult]> = [
  ['hosted runner, process tree', runResult()],
  [
    'GPU, cloud region, machine scope',
    runResult({
      energy: { ...runResult().energy, scope: 'machine', treeCpuSeconds: null, avgTreeUtil: null, gpu: 'measured', gpuCount: 2, gpuModels: ['Tesla T4', 'A100'], gpuWh: 3, avgGpuWatts: 70, avgGpuUtil: 0.5 },
      emissions: { ...runResult().emissions, intensity: { gCo2ePerKwh: 379.069, location: 'azure:eastus2', source: 'CCF', place: { countryIso3: 'USA', countryName: 'United States', cloudProvider: 'azure', cloudRegion: 'eastus2' }, kind: 'region', status: { status: 'modelled' } } },
    }),
  ],
  ['zero duration, no samples', runResult({ energy: { ...runResult().energy, durationSeconds: 0, samples: 0, avgCpuWatts: 0, avgRamWatts: 0 } })],
  ['hostile text', runResult({ job: { ...runResult().job, label: '=cmd|x', repository: '@evil,"q"\nz' }, hardware: { ...runResult().hardware, cpuModel: '-1+2 "CPU", x' } })],
];

describe('emissions.csv is CodeCarbon 3.3', () => {
  test('the fixture is the 38-field list and our header equals it, in order', () => {
    expect(schema.fields).toHaveLength(38);
    expect([...CODECARBON_COLUMNS]).toEqual(schema.fields.map((f) => f.name));
  });

  test.each(variants)('every field of the row has its declared type (%s)', (_name, r) => {
    const text = emissionsCsv(r, 0);
    const rows = parseCsvRows(text);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(schema.fields.map((f) => f.name));
    const row = parseCsvRecords(text)[0];
    expect(problems(row)).toEqual([]);
  });

  test('the checker rejects what CodeCarbon would not read', () => {
    const row = parseCsvRecords(emissionsCsv(runResult(), 0))[0];
    expect(problems({ ...row, duration: 'NaN', cpu_count: '', timestamp: '2026-11-20T12:01:00.000Z', on_cloud: 'true' })).toEqual([
      'duration: "NaN" is not a float',
      'cpu_count: "" is not a float',
      'timestamp: "2026-11-20T12:01:00.000Z" is not %Y-%m-%dT%H:%M:%S',
      'on_cloud: "true"',
    ]);
  });

  test('meanings: kg operational, kWh with PUE, country, cloud region, water 0 with wue 0', () => {
    // 0.08 Wh CPU + 0.1 Wh RAM at the machine, PUE 1.185: 0.0000948 + 0.0001185 = 0.0002133 kWh
    const r = runResult({
      emissions: { ...runResult().emissions, operationalGCo2e: 0.1, embodiedGCo2e: 0.02, totalGCo2e: 0.12, intensity: { gCo2ePerKwh: 56.04, location: 'country:FRA', source: 'OWID', place: { countryIso3: 'FRA', countryName: 'France' }, kind: 'country', status: { status: 'modelled' } } },
    });
    const row = parseCsvRecords(emissionsCsv(r, 0))[0];
    expect(Number(row.emissions)).toBeCloseTo(0.0001, 15); // operational only, kg
    expect(Number(row.emissions_rate)).toBeCloseTo(0.0001 / 60, 15);
    expect(Number(row.cpu_energy)).toBeCloseTo(0.0000948, 15);
    expect(Number(row.ram_energy)).toBeCloseTo(0.0001185, 15);
    expect(Number(row.energy_consumed)).toBeCloseTo(0.0002133, 15);
    expect(Number(row.cpu_power)).toBe(4.8); // W at the machine, as CodeCarbon
    expect(row).toMatchObject({
      timestamp: '2026-11-20T12:01:00',
      country_name: 'France',
      country_iso_code: 'FRA',
      region: '',
      cloud_region: '',
      water_consumed: '0',
      wue: '0',
      pue: '1.185',
      tracking_mode: 'process',
      experiment_id: 'CI/test/default',
      run_id: '4242',
      os: 'Linux-6.8-x86_64',
      cpu_utilization_percent: '45',
      ram_total_size: String(16e9 / 2 ** 30), // CodeCarbon's GB is bytes / 1024³
    });
  });

  test('timestamp: local time as CodeCarbon writes it, whole seconds, no zone', () => {
    expect(codecarbonTimestamp(T_END + 999, 0)).toBe('2026-11-20T12:01:00');
    expect(codecarbonTimestamp(T_END, 60)).toBe('2026-11-20T13:01:00');
    expect(codecarbonTimestamp(T_END, -300)).toBe('2026-11-20T07:01:00');
    expect(codecarbonTimestamp(Date.UTC(2026, 11, 31, 23, 30, 5), 60)).toBe('2027-01-01T00:30:05');
  });

  test('our row appends to a CodeCarbon file: FileOutput keeps a file whose header set equals its fields', () => {
    const names = schema.fields.map((f) => f.name);
    const theirs = `${names.join(',')}\n${names.map((n) => (n === 'timestamp' ? '2026-11-19T10:00:00' : n === 'tracking_mode' ? 'machine' : n === 'on_cloud' ? 'N' : n === 'country_iso_code' ? 'FRA' : schema.fields.find((f) => f.name === n)?.type === 'float' ? '0.5' : 'x')).join(',')}\n`;
    const ours = emissionsCsv(runResult(), 0).split('\n').slice(1).join('\n');
    const combined = parseCsvRecords(theirs + ours);
    expect(combined).toHaveLength(2);
    expect(Object.keys(combined[1]).sort()).toEqual([...names].sort());
    for (const row of combined) expect(problems(row)).toEqual([]);
  });
});

describe('carbon-gate.csv', () => {
  test('its own header; the rest of our figures, joinable on timestamp and run_id', () => {
    const r = runResult({ modelBand: { lowGCo2e: 0.09, highGCo2e: 0.2, lowWh: 0.15, highWh: 0.3, members: [], skipped: [] } });
    const text = carbonGateCsv(r, 0);
    expect(parseCsvRows(text)[0]).toEqual([...CARBON_GATE_COLUMNS]);
    const row = parseCsvRecords(text)[0];
    expect(row).toMatchObject({
      timestamp: '2026-11-20T12:01:00',
      run_id: '4242',
      operational_gco2e: '0.1',
      embodied_gco2e: '0.02',
      total_gco2e: '0.12',
      gated_gco2e: '0.12',
      gated_includes_embodied: 'true',
      energy_wh: '0.18',
      carbon_intensity_gco2e_per_kwh: '472',
      intensity_source: 'Ember 2024',
      power_model_id: 'ccf',
      model_band_low_gco2e: '0.09',
      model_band_high_gco2e: '0.2',
      scope: 'process-tree',
      tree_cpu_seconds: '108',
      machine_cpu_seconds: '120',
      verdict: 'pass',
    });
    expect(Number(row.energy_wh_with_pue)).toBeCloseTo(0.2133, 12);
    // a hostile job label stays one field and cannot start a formula
    const hostile = parseCsvRecords(carbonGateCsv(runResult({ job: { ...runResult().job, label: '=cmd|x,"y"\nz' } }), 0))[0];
    expect(hostile.job).toBe(`'=cmd|x,"y"\nz`);
    // none of CodeCarbon's value columns is repeated here
    expect(CARBON_GATE_COLUMNS.filter((c) => c !== 'timestamp' && c !== 'run_id' && (CODECARBON_COLUMNS as readonly string[]).includes(c))).toEqual([]);
  });
});
