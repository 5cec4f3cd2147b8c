// Optional live grid intensity from the Electricity Maps API (input electricity-maps-token).
// One request per run at most: the answer (or the failure) is cached in a file of the run directory.
// 1 s timeout; any failure becomes a LiveIntensity with an error, so the tables are used and the
// report says why. The token is sent only as the auth-token header and never logged or stored.
import fs from 'node:fs';
import type { PowerModel } from '../core/types.js';
import type { ModelSettings } from '../core/model/settings.js';
import { electricityMapsZone, type LiveIntensity } from '../core/model/intensity.js';
import type { Tables } from '../core/model/tables.js';

export const ELECTRICITY_MAPS_URL_ENV = 'CARBON_GATE_ELECTRICITY_MAPS_URL';
const DEFAULT_BASE = 'https://api.electricitymap.org';
export const TIMEOUT_MS = 1000;
export const CACHE_FILE_NAME = 'electricity-maps.json';

interface CacheEntry extends LiveIntensity {
  fetchedAtMs: number;
}

function readCache(file: string, zone: string): LiveIntensity | null {
  try {
    const c = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheEntry;
    if (c.zone !== zone) return null;
    const out: LiveIntensity = { zone: c.zone, gCo2ePerKwh: typeof c.gCo2ePerKwh === 'number' ? c.gCo2ePerKwh : null, cached: true };
    if (c.datetime) out.datetime = c.datetime;
    if (c.error) out.error = c.error;
    return out;
  } catch {
    return null;
  }
}

function writeCache(file: string, v: LiveIntensity): void {
  try {
    const entry: CacheEntry = { ...v, fetchedAtMs: Date.now() };
    delete entry.cached;
    fs.writeFileSync(file, JSON.stringify(entry));
  } catch {
    // a cache that cannot be written only costs a second request
  }
}

/** Fetches the latest carbon intensity of `zone`. Never throws; never includes the token in errors. */
export async function fetchLiveIntensity(opts: { zone: string; token: string; cacheFile?: string | null; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<LiveIntensity> {
  const { zone, token } = opts;
  if (opts.cacheFile) {
    const hit = readCache(opts.cacheFile, zone);
    if (hit) return hit;
  }
  const env = opts.env ?? process.env;
  const base = (env[ELECTRICITY_MAPS_URL_ENV]?.trim() || DEFAULT_BASE).replace(/\/+$/, '');
  const timeoutMs = Math.min(TIMEOUT_MS, Math.max(1, opts.timeoutMs ?? TIMEOUT_MS));
  let result: LiveIntensity;
  try {
    const res = await fetch(`${base}/v3/carbon-intensity/latest?zone=${encodeURIComponent(zone)}`, {
      headers: { 'auth-token': token, accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      result = { zone, gCo2ePerKwh: null, error: `HTTP ${res.status}${res.status === 401 || res.status === 403 ? ' (token rejected)' : ''}` };
    } else {
      const j = (await res.json()) as { carbonIntensity?: unknown; datetime?: unknown };
      const v = j.carbonIntensity;
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 5000) {
        result = { zone, gCo2ePerKwh: v };
        if (typeof j.datetime === 'string' && /^[0-9T:.Z+-]{10,40}$/.test(j.datetime)) result.datetime = j.datetime;
      } else {
        result = { zone, gCo2ePerKwh: null, error: 'the answer had no usable carbonIntensity' };
      }
    }
  } catch (e) {
    const name = (e as Error)?.name;
    result = { zone, gCo2ePerKwh: null, error: name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${timeoutMs} ms` : 'network error' };
  }
  if (opts.cacheFile) writeCache(opts.cacheFile, result);
  return result;
}

/**
 * The live value for this run, or null when no token is set. When a token is set but no zone can be
 * named for the location, returns an error value so the report says why the tables were used.
 */
export async function liveIntensityFor(args: {
  settings: ModelSettings & { electricityMapsToken: string | null };
  model: PowerModel;
  tables: Tables;
  cacheFile?: string | null;
  env?: NodeJS.ProcessEnv;
}): Promise<LiveIntensity | null> {
  const { electricityMapsToken: token, ...modelSettings } = args.settings;
  if (!token || modelSettings.carbonIntensityGPerKwh !== null) return null;
  const zone = electricityMapsZone({ settings: modelSettings, model: args.model, tables: args.tables });
  if (!zone) return { zone: 'none', gCo2ePerKwh: null, error: 'no Electricity Maps zone is known for this location (set country, or region to an Azure US region)' };
  return fetchLiveIntensity({ zone, token, cacheFile: args.cacheFile ?? null, env: args.env });
}
