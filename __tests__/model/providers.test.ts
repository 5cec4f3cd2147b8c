// Providers are data: a made-up provider (fixture provider-acme: a row in cloud-providers.csv, two
// regions, a coefficient row and an instance file) is accepted by the loader and used by the model and
// the intensity rules with no source change. Unknown providers are errors naming the input and the
// providers the data has. Oracles: the fixture's literal values.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { resolveIntensity } from '../../src/core/model/intensity.js';
import { selectModel } from '../../src/core/model/select.js';
import { ModelSettingError } from '../../src/core/model/settings.js';
import type { Tables } from '../../src/core/model/tables.js';
import { asInputError } from '../../src/app/model-inputs.js';
import { loadTables } from '../../src/data/tables.js';
import { InputError } from '../../src/settings/inputs.js';
import { dataDirWith } from '../helpers/fixture-data.js';
import { factsOf, settingsOf, tables } from './helpers.js';

let dir = '';
let acme: Tables;
beforeAll(() => {
  dir = dataDirWith('provider-acme');
  acme = loadTables(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const selfHosted = factsOf({ runnerEnvironment: 'self-hosted', cpuModel: 'Acme CPU' });

describe('a provider added as rows in data/', () => {
  test('the loader takes its provider row, grid rows and instance file', () => {
    expect(acme.providers.map((p) => p.id)).toEqual(['aws', 'azure', 'gcp', 'acme']);
    expect(acme.gridIndex.get('acme:south-2')?.gCo2ePerKwh).toBe(600);
    expect(acme.instancesOf('acme').map((i) => i.instanceType)).toEqual(['std.large', 'std.2xlarge']);
  });

  test('region acme:north-1 + instance std.large: the fixture PUE 1.4, its coefficient row, its grid factor 200', () => {
    const settings = settingsOf({ region: 'acme:north-1', 'instance-type': 'Acme_std.large' });
    const model = selectModel({ facts: selfHosted, settings, tables: acme });
    expect(model.provider).toBe('acme');
    expect(model.pue).toBe(1.4);
    // acme,Acme Arch 0.3 / 1.5 W per vCPU × 2 vCPU; memory rule 'all': 8 GB; embodied 800 kg × 2/8
    expect(model.cpu).toEqual({ kind: 'linear', idleWatts: 0.6, maxWatts: 3 });
    expect(model.memoryGb).toBe(8);
    expect(model.embodied).toEqual(expect.objectContaining({ totalKgCo2e: 800, instanceVcpus: 2, familyMaxVcpus: 8 }));
    expect(model.label).toBe('CCF Acme Cloud std.large (Acme Cloud Acme Arch)');
    const g = resolveIntensity({ settings, model, facts: selfHosted, tables: acme, live: null });
    expect([g.gCo2ePerKwh, g.location, g.place?.cloudProvider, g.place?.cloudRegion]).toEqual([200, 'acme:north-1', 'acme', 'north-1']);
  });

  test("a region row's country_iso3 is the place's country (CodeCarbon columns); a row without one names none", () => {
    const place = (region: string): unknown => {
      const settings = settingsOf({ region });
      const model = selectModel({ facts: selfHosted, settings, tables: acme });
      return resolveIntensity({ settings, model, facts: selfHosted, tables: acme, live: null }).place;
    };
    expect(place('acme:south-2')).toEqual({ countryIso3: 'FRA', countryName: 'France', cloudProvider: 'acme', cloudRegion: 'south-2' });
    expect(place('acme:north-1')).toEqual({ cloudProvider: 'acme', cloudRegion: 'north-1' });
  });

  test('cloud-provider acme without an instance: the provider average (defaulted), its PUE', () => {
    const model = selectModel({ facts: selfHosted, settings: settingsOf({ 'cloud-provider': 'acme' }), tables: acme });
    expect(model.cpu).toEqual({ kind: 'linear', idleWatts: 2, maxWatts: 12 });
    expect(model.pue).toBe(1.4);
    expect(model.defaulted?.cpu).toMatch(/Acme Cloud average/);
  });
});

describe('providers the data does not have', () => {
  const mapped = (fn: () => unknown): InputError => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(ModelSettingError);
      const i = asInputError(e);
      expect(i).toBeInstanceOf(InputError);
      return i as InputError;
    }
    throw new Error('expected an error');
  };

  test('cloud-provider acme on the shipped data: names the input, the value and the providers of the data', () => {
    const e = mapped(() => selectModel({ facts: selfHosted, settings: settingsOf({ 'cloud-provider': 'acme' }), tables: tables() }));
    expect(e.message).toBe(`Input 'cloud-provider' has the value "acme"; accepted: a provider of data/cloud-providers.csv: 'aws', 'azure', 'gcp'.`);
  });

  test('region acme:north-1 on the shipped data: an error on region', () => {
    const e = mapped(() => selectModel({ facts: selfHosted, settings: settingsOf({ region: 'acme:north-1' }), tables: tables() }));
    expect([e.input, e.value]).toEqual(['region', 'acme:north-1']);
    expect(e.accepted).toContain("'aws', 'azure', 'gcp'");
  });

  test('an unknown region of a known added provider lists that provider\'s regions', () => {
    const settings = settingsOf({ region: 'acme:north-2' });
    const model = selectModel({ facts: selfHosted, settings, tables: acme });
    const e = mapped(() => resolveIntensity({ settings, model, facts: selfHosted, tables: acme, live: null }));
    expect(e.accepted).toMatch(/nearest: acme:north-1, acme:south-2$/);
  });
});
