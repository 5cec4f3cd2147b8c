// The shipped tables: they load, hold the upstream values, carry the documented fixes, and the
// loader finds data/ from its own location or CARBON_GATE_DATA_DIR.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { dataDirCandidates, loadTables, resolveDataDir } from '../../src/data/tables.js';
import {
  buildTables,
  coefficientRow,
  countryRow,
  gpuRowOf,
  instanceRow,
  microarchitectureOf,
  nearestNames,
  normaliseInstanceType,
  parseAllTables,
  providerRow,
  TABLE_FILES,
  tdpOf,
  type CloudProviderRow,
  type TableFileTexts,
} from '../../src/core/model/tables.js';
import { LIFESPAN_HOURS } from '../../src/core/constants.js';
import { DATA_DIR, tables } from './helpers.js';

const texts = (): TableFileTexts => {
  const out = { instances: {} } as unknown as TableFileTexts;
  for (const [k, f] of Object.entries(TABLE_FILES)) out[k as keyof typeof TABLE_FILES] = fs.readFileSync(path.join(DATA_DIR, f), 'utf8');
  for (const p of ['aws', 'azure', 'gcp']) out.instances[p] = fs.readFileSync(path.join(DATA_DIR, `instance-types-${p}.csv`), 'utf8');
  return out;
};

describe('shipped tables', () => {
  test('every table parses, including the lazily parsed ones', () => {
    const n = parseAllTables(tables());
    expect(n.instances).toBeGreaterThan(1500);
    expect(n.cpuArchitectures).toBeGreaterThan(1000);
    expect(n.cpuTdp).toBeGreaterThan(4000);
  });

  test('CCF constants: PUE, fallback averages, memory, lifespan', () => {
    const k = tables().constants;
    const p = (id: string): CloudProviderRow => providerRow(tables(), id)!;
    expect(tables().providers.map((x) => x.id)).toEqual(['aws', 'azure', 'gcp']);
    expect([p('aws').pue, p('azure').pue, p('gcp').pue]).toEqual([1.135, 1.185, 1.1]);
    expect([p('aws').avgMinWattsPerVcpu, p('aws').avgMaxWattsPerVcpu]).toEqual([0.74, 3.5]);
    expect([p('azure').avgMinWattsPerVcpu, p('azure').avgMaxWattsPerVcpu]).toEqual([0.74, 3.54]);
    expect([p('gcp').avgMinWattsPerVcpu, p('gcp').avgMaxWattsPerVcpu, p('gcp').avgGbPerChip]).toEqual([0.68, 4.11, null]);
    expect([p('aws').memoryRule, p('azure').memoryRule, p('gcp').memoryRule]).toEqual(['platform-share', 'platform-share', 'all']);
    expect(k.memoryWattsPerGb.value).toBe(0.392);
    expect(k.serverLifespanHours.value).toBe(LIFESPAN_HOURS);
  });

  test('CPU model → microarchitecture (GitHub runner CPUs and others)', () => {
    const t = tables();
    expect(microarchitectureOf(t, 'AMD EPYC 7763 64-Core Processor')?.microarchitecture).toBe('EPYC 3rd Gen');
    expect(microarchitectureOf(t, 'AMD EPYC 9V74 80-Core Processor')?.microarchitecture).toBe('EPYC 4th Gen');
    expect(microarchitectureOf(t, 'Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz')?.microarchitecture).toBe('Ice Lake');
    expect(microarchitectureOf(t, 'Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz')?.microarchitecture).toBe('Cascade Lake');
    expect(microarchitectureOf(t, 'Intel(R) Xeon(R) Platinum 8175M CPU @ 2.50GHz')?.microarchitecture).toBe('Skylake');
    expect(microarchitectureOf(t, 'Apple M1')).toBeNull();
    expect(microarchitectureOf(t, '')).toBeNull();
  });

  test('Azure EPYC 3rd Gen row and the flagged EPYC 5th Gen row', () => {
    const t = tables();
    const r = coefficientRow(t, 'azure', 'EPYC 3rd Gen')!;
    expect([r.minWattsPerVcpu, r.maxWattsPerVcpu]).toEqual([0.44538981119791665, 2.0193277994791665]);
    expect(coefficientRow(t, 'azure', 'EPYC 4th Gen')).toBeNull();
    expect(coefficientRow(t, 'aws', 'EPYC 5th Gen')!.flag).toMatch(/anomalous/);
  });

  test('TDP (CodeCarbon), GPU (CCF) and instance lookups', () => {
    const t = tables();
    expect(tdpOf(t, 'AMD EPYC 7763 64-Core Processor')?.tdpWatts).toBe(280);
    expect(tdpOf(t, 'Apple M1')?.tdpWatts).toBe(10);
    expect(tdpOf(t, 'Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz')?.tdpWatts).toBe(195);
    expect(tdpOf(t, 'Completely Unknown')).toBeNull();
    expect(gpuRowOf(t, 'Tesla T4')).toEqual(expect.objectContaining({ idleWatts: 8, maxWatts: 71 }));
    expect(gpuRowOf(t, 'NVIDIA A100-SXM4-40GB')).toEqual(expect.objectContaining({ gpu: 'Tesla A100' }));
    expect(gpuRowOf(t, 'NVIDIA GeForce RTX 4090')).toBeNull();
    expect(instanceRow(t, 'azure', 'Standard_D4as_v4')?.instanceType).toBe('D4as v4');
    expect(instanceRow(t, 'azure', 'standard_nc4as_t4_v3')?.instanceType).toBe('NC4as T4 v3');
    expect(instanceRow(t, 'aws', 'M5.XLARGE')?.vcpus).toBe(4);
    expect(normaliseInstanceType('Standard_D2s_v3', ['Standard_', 'Basic_'])).toBe('d2s_v3');
    expect(normaliseInstanceType('basic A1', ['Standard_', 'Basic_'])).toBe('a1');
    expect(normaliseInstanceType('Standard_D2s_v3')).toBe('standard_d2s_v3');
    expect(normaliseInstanceType(' M5.XLarge ')).toBe('m5.xlarge');
  });

  test('Teads decimal comma: t2.nano memory is 0.5 GB, not 5 or NaN', () => {
    expect(instanceRow(tables(), 'aws', 't2.nano')?.memoryGb).toBe(0.5);
  });

  test('Eco CI curve: 0..100 % in 5 % steps, the published anchors, flat at the top', () => {
    const c = tables().ecociCurve;
    expect(c).toHaveLength(21);
    expect(c[0]).toEqual([0, 1.7586170434951782]);
    expect(c[20]).toEqual([1, 8.179628372192383]);
    expect(c[19][1]).toBe(c[20][1]);
  });

  test('countries: ISO2 and ISO3 codes, Namibia\'s "NA" kept as a code', () => {
    const t = tables();
    expect(countryRow(t, 'NA')?.iso3).toBe('NAM');
    expect(countryRow(t, 'usa')?.iso2).toBe('US');
  });

  test('every GitHub runner region has a grid factor and a zone; westus2/westus3 zones corrected', () => {
    const t = tables();
    for (const r of t.runnerRegions) {
      expect(t.gridIndex.get(`azure:${r.azureRegion}`)).toBeDefined();
      expect(r.electricityMapsZone).toMatch(/^US-/);
    }
    expect(t.runnerRegions.find((r) => r.azureRegion === 'westus2')?.electricityMapsZone).not.toBe('US-NW-PACE');
    expect(t.runnerRegions.find((r) => r.azureRegion === 'westus3')?.electricityMapsZone).not.toBe('US-NW-PACE');
  });

  test('runner profiles point at embodied stand-ins that exist', () => {
    const t = tables();
    for (const p of t.runnerProfiles.filter((x) => x.embodiedProxy)) {
      const [prov, type] = p.embodiedProxy.split(':') as [string, string];
      expect(instanceRow(t, prov, type)?.embodiedKgCo2e).toBeGreaterThan(0);
    }
  });

  test('nearestNames ranks by edit distance', () => {
    expect(nearestNames(['eastus', 'eastus2', 'westus', 'uksouth'], 'eastus3', 2)).toEqual(['eastus', 'eastus2']);
  });
});

describe('table errors', () => {
  test('a non-number in a table names the file and the row', () => {
    const t = texts();
    t.gridFactors = t.gridFactors.replace('aws,us-east-1,379.069', 'aws,us-east-1,lots');
    expect(() => buildTables(t)).toThrow(/data\/cloud-grid-factors\.csv: aws:us-east-1 is not a number: "lots"/);
  });
  test('a missing column, an unknown provider (in any table, or an instance file of one), a bad provider row, bad JSON', () => {
    const a = texts();
    a.countries = a.countries.replace('gco2e_per_kwh', 'g_per_kwh');
    expect(() => buildTables(a)).toThrow(/missing column 'gco2e_per_kwh'/);
    const b = texts();
    b.coefficients = b.coefficients.replace('azure,EPYC 3rd Gen', 'oracle,EPYC 3rd Gen');
    expect(() => buildTables(b)).toThrow(/cpu-coefficients\.csv: unknown provider "oracle" \(not in cloud-providers\.csv: aws, azure, gcp\)/);
    const d = texts();
    d.instances.oracle = 'provider,instance_type\noracle,x\n';
    expect(() => buildTables(d)).toThrow(/data\/instance-types-oracle\.csv: provider "oracle" is not in cloud-providers\.csv/);
    const e = texts();
    e.gridFactors += 'oracle,us-1,100,x,y,\n';
    expect(() => buildTables(e)).toThrow(/cloud-grid-factors\.csv: unknown provider "oracle"/);
    const f = texts();
    f.providers += 'oracle,Oracle,0.9,1,2,average,,all,,x,\n';
    expect(() => buildTables(f)).toThrow(/cloud-providers\.csv: oracle pue is 0\.9, below 1/);
    const g = texts();
    g.providers += 'oracle,Oracle,1.2,1,2,average,,some,,x,\n';
    expect(() => buildTables(g)).toThrow(/oracle memory_rule is "some", not 'platform-share' or 'all'/);
    const c = texts();
    c.constants = '{';
    expect(() => buildTables(c)).toThrow(/constants\.json: not valid JSON/);
  });
});

describe('loader', () => {
  test('finds data/ two levels above its own module (src/data/tables.ts → repo root)', () => {
    expect(resolveDataDir({})).toBe(DATA_DIR);
    expect(dataDirCandidates({})[0]).toBe(DATA_DIR);
  });

  test('CARBON_GATE_DATA_DIR overrides, and a directory without tables is a clear error', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-data-'));
    try {
      expect(dataDirCandidates({ CARBON_GATE_DATA_DIR: empty })).toEqual([empty]);
      expect(() => resolveDataDir({ CARBON_GATE_DATA_DIR: empty })).toThrow(/reference data not found .*CARBON_GATE_DATA_DIR/);
      for (const f of Object.values(TABLE_FILES)) fs.copyFileSync(path.join(DATA_DIR, f), path.join(empty, f));
      expect(resolveDataDir({ CARBON_GATE_DATA_DIR: empty })).toBe(empty);
      expect(loadTables(empty).gridFactors.length).toBe(loadTables(DATA_DIR).gridFactors.length);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  test('loadTables caches per directory', () => {
    expect(loadTables(DATA_DIR)).toBe(loadTables(DATA_DIR));
  });
});
