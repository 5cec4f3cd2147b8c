// Grid intensity resolution (pure). Order: input carbon-intensity; live Electricity Maps value
// (when a token gave one); input region (cloud table); input country (country table); the region
// found by instance metadata; for GitHub-hosted runners the average of their documented US regions;
// the OWID world average. Unknown region/country inputs are errors listing the nearest names.
import { num } from '../format.js';
import type { GridIntensity, HardwareFacts, Place, PowerModel } from '../types.js';
import { ModelSettingError, type ModelSettings } from './settings.js';
import { countryRow, gridFactor, nearestNames, providerRow, type Provider, type Tables } from './tables.js';
import { knownProvider } from './select.js';

/** Result of the optional live lookup (src/adapters/electricity-maps.ts). */
export interface LiveIntensity {
  zone: string;
  /** null when the lookup failed; `error` then says why and the tables are used. */
  gCo2ePerKwh: number | null;
  datetime?: string;
  error?: string;
  /** True when the value came from this run's cache file. */
  cached?: boolean;
}

const fmt = (x: number): string => num(x, 4);

function regionIntensity(tables: Tables, provider: Provider, name: string): GridIntensity | null {
  const g = gridFactor(tables, provider, name);
  if (!g) return null;
  return {
    gCo2ePerKwh: g.gCo2ePerKwh,
    location: `${provider}:${g.region}`,
    source: `${g.source}${g.basis ? `; ${g.basis}` : ''}`,
    kind: 'region',
    status: { status: 'modelled', reason: 'annual grid factor of the region' },
  };
}

/** The Electricity Maps zone to ask for, or null when none can be named (then no live call is made). */
export function electricityMapsZone(args: { settings: ModelSettings; model: PowerModel; tables: Tables }): string | null {
  const { settings, model, tables } = args;
  if (settings.carbonIntensityGPerKwh !== null) return null;
  // Zones are known for the regions of the GitHub-hosted provider (data/github-runner-regions.csv).
  const hosted = tables.constants.githubHosted.provider;
  const zoneOf = (region: string): string | null => tables.runnerRegions.find((r) => r.azureRegion === region.toLowerCase())?.electricityMapsZone || null;
  if (settings.region) return settings.region.provider === hosted ? zoneOf(settings.region.name) : null;
  if (settings.country) return countryRow(tables, settings.country)?.iso2 || null;
  if (model.region?.provider === hosted) return zoneOf(model.region.name);
  return null;
}

/** A country from an ISO code, named as data/country-intensity.csv names it. */
function countryPlace(tables: Tables, code: string): Place {
  const c = countryRow(tables, code);
  return c ? { countryIso3: c.iso3, countryName: c.country } : {};
}

/**
 * Where the machine is, for CodeCarbon's location columns: independent of where the intensity came
 * from (an intensity input does not move the machine). A cloud region's country is known when its
 * grid-factor row has a `country_iso3` (as shipped: the US eGRID rows); GitHub-hosted runners are in
 * US regions of the hosted provider (METHODOLOGY §4 step 6).
 */
export function placeOf(args: { settings: ModelSettings; model: PowerModel; facts: HardwareFacts; tables: Tables }): Place {
  const { settings, model, facts, tables } = args;
  const cloud = (provider: Provider, name: string): Place => {
    const g = gridFactor(tables, provider, name);
    const region = g?.region ?? name.toLowerCase();
    return { ...(g?.countryIso3 ? countryPlace(tables, g.countryIso3) : {}), cloudProvider: provider, cloudRegion: region };
  };
  const country = settings.country ? countryPlace(tables, settings.country) : {};
  if (settings.region) return { ...cloud(settings.region.provider, settings.region.name), ...country };
  if (model.region) return { ...cloud(model.region.provider, model.region.name), ...country };
  if (settings.country) return { ...country, ...(model.provider ? { cloudProvider: model.provider } : {}) };
  if (facts.runnerEnvironment === 'github-hosted') return { ...countryPlace(tables, 'USA'), cloudProvider: tables.constants.githubHosted.provider };
  return model.provider ? { cloudProvider: model.provider } : {};
}

export function resolveIntensity(args: { settings: ModelSettings; model: PowerModel; facts: HardwareFacts; tables: Tables; live?: LiveIntensity | null }): GridIntensity {
  const place = placeOf(args);
  const g = resolveIntensityValue(args);
  return Object.keys(place).length ? { ...g, place } : g;
}

function resolveIntensityValue(args: { settings: ModelSettings; model: PowerModel; facts: HardwareFacts; tables: Tables; live?: LiveIntensity | null }): GridIntensity {
  const { settings, model, facts, tables } = args;
  const live = args.live ?? null;
  if (settings.carbonIntensityGPerKwh !== null) {
    return {
      gCo2ePerKwh: settings.carbonIntensityGPerKwh,
      location: 'input',
      source: 'input carbon-intensity',
      kind: 'input',
      status: { status: 'modelled', reason: 'given as input carbon-intensity' },
    };
  }
  if (live && live.gCo2ePerKwh !== null && Number.isFinite(live.gCo2ePerKwh) && live.gCo2ePerKwh >= 0) {
    return {
      gCo2ePerKwh: live.gCo2ePerKwh,
      location: `electricitymaps:${live.zone}`,
      source: `Electricity Maps live carbon intensity, zone ${live.zone}${live.datetime ? ` at ${live.datetime}` : ''}${live.cached ? ' (cached for this run)' : ''}`,
      live: true,
      kind: 'live',
      status: { status: 'measured', reason: `Electricity Maps live value for zone ${live.zone}` },
    };
  }
  const fallback = live ? ` (Electricity Maps unavailable for zone ${live.zone}: ${live.error ?? 'no value'}; table value used)` : '';
  const withFallback = (g: GridIntensity): GridIntensity => ({ ...g, source: g.source + fallback });

  if (settings.region) {
    const { provider, name } = settings.region;
    knownProvider(tables, 'region', provider, `${provider}:${name}`);
    const g = regionIntensity(tables, provider, name);
    if (!g) {
      const names = tables.gridFactors.filter((r) => r.provider === provider).map((r) => `${provider}:${r.region}`);
      throw new ModelSettingError('region', `${provider}:${name}`, `a region of data/cloud-grid-factors.csv; nearest: ${nearestNames(names, `${provider}:${name}`).join(', ')}`);
    }
    return withFallback(g);
  }
  if (settings.country) {
    const c = countryRow(tables, settings.country);
    if (!c) {
      const names = tables.countries.flatMap((r) => (r.iso2 ? [r.iso2, r.iso3] : [r.iso3]));
      const near = nearestNames(names.filter((x) => x.length === settings.country!.length), settings.country).map((code) => `${code} (${countryRow(tables, code)?.country})`);
      throw new ModelSettingError('country', settings.country, `an ISO 3166 code in data/country-intensity.csv; nearest: ${near.join(', ')}`);
    }
    return withFallback({
      gCo2ePerKwh: c.gCo2ePerKwh,
      location: `country:${c.iso3}`,
      source: `Our World in Data / Ember ${c.year} annual intensity for ${c.country}, via CodeCarbon global_energy_mix.json (CC BY 4.0)`,
      year: c.year,
      kind: 'country',
      status: { status: 'modelled', reason: `annual intensity of ${c.country}` },
    });
  }
  const detected = model.region;
  let detectedNote = '';
  if (detected) {
    const g = regionIntensity(tables, detected.provider, detected.name);
    if (g) return withFallback({ ...g, source: `${g.source}; region from instance metadata` });
    detectedNote = ` (detected region ${detected.provider}:${detected.name} is not in the cloud table)`;
  }
  if (facts.runnerEnvironment === 'github-hosted') {
    const regions = tables.runnerRegions.map((r) => r.azureRegion);
    const hosted = providerRow(tables, tables.constants.githubHosted.provider)?.name ?? tables.constants.githubHosted.provider;
    return withFallback({
      gCo2ePerKwh: tables.githubRegionAverageGCo2ePerKwh,
      location: 'github-hosted US average',
      kind: 'github-hosted-average',
      status: { status: 'defaulted', reason: `GitHub does not document the runner region: mean of the US ${hosted} regions` },
      source: `mean of the CCF grid factors of the ${hosted} regions GitHub-hosted runners were seen in or listed for (${regions.join(', ')}); GitHub does not document the region ("North America")${detectedNote}`,
    });
  }
  return withFallback({
    gCo2ePerKwh: tables.worldGCo2ePerKwh,
    location: 'world',
    kind: 'world',
    status: { status: 'defaulted', reason: 'no region or country known: world average' },
    source: `world average ${fmt(tables.worldGCo2ePerKwh)} g/kWh: generation-weighted mean of the Our World in Data / Ember country values (2021–2023) via CodeCarbon global_energy_mix.json (CC BY 4.0); set region or country for a local figure${detectedNote}`,
  });
}
