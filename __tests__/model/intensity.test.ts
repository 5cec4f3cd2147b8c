// Grid-intensity resolution order, errors and the Electricity Maps zone choice.
import { describe, expect, test } from '@jest/globals';
import { electricityMapsZone, resolveIntensity } from '../../src/core/model/intensity.js';
import { selectModel } from '../../src/core/model/select.js';
import { InputError } from '../../src/settings/inputs.js';
import { ModelSettingError } from '../../src/core/model/settings.js';
import { asInputError } from '../../src/app/model-inputs.js';
import type { HardwareFacts } from '../../src/core/types.js';
import type { CloudMetadata } from '../../src/core/model/cloud.js';
import { factsOf, settingsOf, tables } from './helpers.js';

function resolve(inputs: Record<string, string>, facts: HardwareFacts = factsOf(), extra: { live?: Parameters<typeof resolveIntensity>[0]['live']; cloud?: CloudMetadata } = {}) {
  const t = tables();
  const settings = settingsOf(inputs);
  const model = selectModel({ facts, settings, tables: t, cloud: extra.cloud ?? null });
  return resolveIntensity({ settings, model, facts, tables: t, live: extra.live ?? null });
}

/** The model throws a ModelSettingError; the app edge (asInputError) turns it into the InputError users see. */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ModelSettingError);
    const mapped = asInputError(e);
    expect(mapped).toBeInstanceOf(InputError);
    return mapped as InputError;
  }
  throw new Error('expected an InputError');
}

describe('resolveIntensity order', () => {
  test('carbon-intensity wins over everything, even a live value', () => {
    const g = resolve({ 'carbon-intensity': '123', region: 'azure:eastus2', country: 'FR' }, factsOf(), { live: { zone: 'FR', gCo2ePerKwh: 40 } });
    expect(g).toEqual({
      gCo2ePerKwh: 123,
      location: 'input',
      source: 'input carbon-intensity',
      // an intensity input does not move the machine: the place still comes from region and country
      place: { cloudProvider: 'azure', cloudRegion: 'eastus2', countryIso3: 'FRA', countryName: 'France' },
      kind: 'input',
      status: { status: 'modelled', reason: 'given as input carbon-intensity' },
    });
  });

  test('a live Electricity Maps value wins over the tables', () => {
    const g = resolve({ region: 'azure:westus2' }, factsOf(), { live: { zone: 'US-NW-BPAT', gCo2ePerKwh: 88.5, datetime: '2026-11-23T18:00:00Z' } });
    expect(g.gCo2ePerKwh).toBe(88.5);
    expect(g.live).toBe(true);
    expect(g.location).toBe('electricitymaps:US-NW-BPAT');
    expect(g.source).toMatch(/2026-11-23T18:00:00Z/);
  });

  test('a failed live lookup falls back to the table and says so', () => {
    const g = resolve({ region: 'azure:westus2' }, factsOf(), { live: { zone: 'US-NW-BPAT', gCo2ePerKwh: null, error: 'timeout after 1000 ms' } });
    expect(g.gCo2ePerKwh).toBe(322.167);
    expect(g.live).toBeUndefined();
    expect(g.source).toMatch(/Electricity Maps unavailable for zone US-NW-BPAT: timeout after 1000 ms; table value used/);
  });

  test('region beats country', () => {
    expect(resolve({ region: 'aws:eu-north-1', country: 'PL' }).location).toBe('aws:eu-north-1');
  });

  test('regions of all three clouds, in gCO2e/kWh', () => {
    expect(resolve({ region: 'aws:us-east-1' }).gCo2ePerKwh).toBe(379.069);
    expect(resolve({ region: 'gcp:europe-west1' }).gCo2ePerKwh).toBe(110);
    expect(resolve({ region: 'azure:francecentral' }).gCo2ePerKwh).toBe(51.28);
  });

  test('Finland Central, whose upstream row lacked "0.", reads as 77 g/kWh (not 77 000)', () => {
    const fin = resolve({ region: 'azure:finlandcentral' });
    expect(fin.gCo2ePerKwh).toBe(77);
    expect(fin.source).toMatch(/fixed/);
    // germanywestcentral exists in the CCF app values and keeps them
    expect(resolve({ region: 'azure:germanywestcentral' }).gCo2ePerKwh).toBe(338.66);
  });

  test('country by ISO2 and ISO3 gives the same OWID row', () => {
    const a = resolve({ country: 'DE' });
    const b = resolve({ country: 'deu' });
    expect(a).toEqual(b);
    expect(a.location).toBe('country:DEU');
    expect(a.year).toBeGreaterThanOrEqual(2021);
    expect(a.source).toMatch(/Our World in Data/);
  });

  test('instance-metadata region is used when no region/country input is given', () => {
    const g = resolve({}, factsOf({ runnerEnvironment: 'self-hosted' }), { cloud: { provider: 'aws', region: 'eu-west-3', instanceType: 'm5.large', source: 'AWS IMDSv2' } });
    expect(g.location).toBe('aws:eu-west-3');
    expect(g.source).toMatch(/instance metadata/);
  });

  test('an unknown detected region falls through (to the world average) and is named', () => {
    const g = resolve({}, factsOf({ runnerEnvironment: 'self-hosted' }), { cloud: { provider: 'aws', region: 'mars-north-1', instanceType: null, source: 'AWS IMDSv2' } });
    expect(g.location).toBe('world');
    expect(g.source).toMatch(/detected region aws:mars-north-1 is not in the cloud table/);
  });

  test('GitHub-hosted without region: the stated mean of the documented US regions', () => {
    const t = tables();
    const g = resolve({});
    const regions = t.runnerRegions.map((r) => t.gridFactors.find((f) => f.provider === 'azure' && f.region === r.azureRegion)!.gCo2ePerKwh);
    expect(regions).toHaveLength(8);
    expect(g.gCo2ePerKwh).toBeCloseTo(regions.reduce((a, b) => a + b, 0) / regions.length, 12);
    expect(g.gCo2ePerKwh).toBeCloseTo(366.8415, 9);
    expect(g.location).toBe('github-hosted US average');
    expect(g.source).toMatch(/eastus2, northcentralus, eastus, westus, westus2, westus3, centralus, southcentralus/);
  });

  test('otherwise the OWID world average (generation-weighted)', () => {
    const t = tables();
    const g = resolve({}, factsOf({ runnerEnvironment: 'self-hosted' }));
    const w = t.countries.filter((c) => c.totalTwh > 0);
    const expected = w.reduce((s, c) => s + c.gCo2ePerKwh * c.totalTwh, 0) / w.reduce((s, c) => s + c.totalTwh, 0);
    expect(g.location).toBe('world');
    expect(g.gCo2ePerKwh).toBeCloseTo(expected, 9);
    expect(g.gCo2ePerKwh).toBeGreaterThan(450);
    expect(g.gCo2ePerKwh).toBeLessThan(500);
  });
});

describe('typed provenance of the intensity', () => {
  test('each rule sets its kind, its place as fields and a status; nothing is read back from location', () => {
    expect(resolve({ region: 'azure:eastus2' })).toMatchObject({ kind: 'region', place: { cloudProvider: 'azure', cloudRegion: 'eastus2' }, status: { status: 'modelled' } });
    expect(resolve({ country: 'fr' })).toMatchObject({ kind: 'country', place: { countryIso3: 'FRA', countryName: 'France' }, status: { status: 'modelled' } });
    expect(resolve({}, factsOf({ runnerEnvironment: 'self-hosted' }))).toMatchObject({ kind: 'world', status: { status: 'defaulted' } });
    expect(resolve({})).toMatchObject({ kind: 'github-hosted-average', status: { status: 'defaulted' } });
    expect(resolve({}, factsOf(), { live: { zone: 'FR', gCo2ePerKwh: 40 } })).toMatchObject({ kind: 'live', live: true, status: { status: 'measured' } });
    const detected = resolve({}, factsOf({ runnerEnvironment: 'self-hosted' }), { cloud: { provider: 'aws', region: 'EU-West-3', instanceType: null, source: 'AWS IMDSv2' } });
    expect(detected).toMatchObject({ kind: 'region', place: { cloudProvider: 'aws', cloudRegion: 'eu-west-3' } });
  });
});

describe('bad region and country inputs', () => {
  test('unknown region → InputError listing the nearest names of that cloud', () => {
    const e = inputError(() => resolve({ region: 'azure:eastus22' }));
    expect(e.input).toBe('region');
    expect(e.value).toBe('azure:eastus22');
    expect(e.message).toMatch(/nearest: azure:eastus2\b/);
    const a = inputError(() => resolve({ region: 'aws:us-est-1' }));
    expect(a.message).toMatch(/aws:us-east-1/);
  });

  test('unknown country → InputError listing the nearest codes with names', () => {
    const e = inputError(() => resolve({ country: 'XQ' }));
    expect(e.input).toBe('country');
    expect(e.message).toMatch(/nearest: [A-Z]{2} \(/);
    const e3 = inputError(() => resolve({ country: 'FRX' }));
    expect(e3.message).toMatch(/FRA \(France\)/);
  });
});

describe('electricityMapsZone', () => {
  const zone = (inputs: Record<string, string>, cloud?: CloudMetadata) => {
    const t = tables();
    const settings = settingsOf(inputs);
    const model = selectModel({ facts: factsOf(), settings, tables: t, cloud: cloud ?? null });
    return electricityMapsZone({ settings, model, tables: t });
  };
  test('westus2 and westus3 use the corrected zones, eastus2 PJM', () => {
    expect(zone({ region: 'azure:westus2' })).toBe('US-NW-BPAT');
    expect(zone({ region: 'azure:westus3' })).toBe('US-SW-SRP');
    expect(zone({ region: 'azure:eastus2' })).toBe('US-MIDA-PJM');
  });
  test('a country gives its ISO2 zone; nothing to ask for without a location or with carbon-intensity', () => {
    expect(zone({ country: 'FRA' })).toBe('FR');
    expect(zone({})).toBeNull();
    expect(zone({ 'carbon-intensity': '100', country: 'FR' })).toBeNull();
    expect(zone({ region: 'aws:us-east-1' })).toBeNull();
  });
  test('a detected Azure region maps to its zone', () => {
    expect(zone({}, { provider: 'azure', region: 'northcentralus', instanceType: null, source: 'Azure IMDS' })).toBe('US-MIDW-MISO');
  });
});

describe('placeOf (CodeCarbon location columns)', () => {
  test('country input: ISO3 and the name of data/country-intensity.csv', () => {
    expect(resolve({ country: 'FR' }, factsOf({ runnerEnvironment: 'self-hosted' })).place).toEqual({ countryIso3: 'FRA', countryName: 'France' });
  });
  test('a US cloud region: the country from its eGRID basis, the region in cloudRegion', () => {
    expect(resolve({ region: 'aws:us-east-1' }).place).toEqual({ countryIso3: 'USA', countryName: 'United States', cloudProvider: 'aws', cloudRegion: 'us-east-1' });
  });
  test('GitHub-hosted without inputs: a US Azure region, which one unknown', () => {
    expect(resolve({}).place).toEqual({ countryIso3: 'USA', countryName: 'United States', cloudProvider: 'azure' });
  });
  test('self-hosted without inputs: nothing is known', () => {
    expect(resolve({}, factsOf({ runnerEnvironment: 'self-hosted' })).place).toBeUndefined();
  });
});
