// The two optional network adapters against loopback stand-ins speaking the real protocols:
// instance metadata (AWS IMDSv2, Azure IMDS, GCP metadata server) and the Electricity Maps API.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { detectCloud, probeClouds } from '../../src/adapters/cloud-metadata.js';
import { fetchLiveIntensity, liveIntensityFor } from '../../src/adapters/electricity-maps.js';
import { selectModel } from '../../src/core/model/select.js';
import { resolveIntensity } from '../../src/core/model/intensity.js';
import { factsOf, settingsOf, tables } from './helpers.js';

// Positive cases get a generous deadline: the 300 ms production cap is tested on its own (hanging server).
const SLOW_MACHINE_MS = 10_000;

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const servers: http.Server[] = [];
const sockets = new Set<import('node:net').Socket>();

async function serve(handler: Handler): Promise<{ url: string; requests: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders }> }> {
  const requests: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders }> = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    handler(req, res);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

afterEach(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

// Warm up fetch (undici loads lazily) so the 300 ms IMDS deadline measures the exchange, not module loading.
beforeAll(async () => {
  const srv = await serve((_req, res) => res.end('ok'));
  await (await fetch(srv.url)).text();
  expect(tables().instancesOf('azure').length).toBeGreaterThan(0);
});

const notFound = (res: http.ServerResponse): void => {
  res.statusCode = 404;
  res.end('not found');
};

describe('detectCloud', () => {
  test('AWS: IMDSv2 token, then instance type and region with the token', async () => {
    const srv = await serve((req, res) => {
      if (req.method === 'PUT' && req.url === '/latest/api/token' && req.headers['x-aws-ec2-metadata-token-ttl-seconds']) return res.end('AQAEAN/x+Tok3n==');
      if (req.headers['x-aws-ec2-metadata-token'] !== 'AQAEAN/x+Tok3n==') return notFound(res);
      if (req.url === '/latest/meta-data/instance-type') return res.end('c5.xlarge');
      if (req.url === '/latest/meta-data/placement/region') return res.end('eu-west-1');
      notFound(res);
    });
    const m = await probeClouds({ CARBON_GATE_IMDS_URL: srv.url }, SLOW_MACHINE_MS);
    expect(m).toEqual({ provider: 'aws', region: 'eu-west-1', instanceType: 'c5.xlarge', source: 'AWS IMDSv2' });
  });

  test('Azure: compute metadata with the Metadata header', async () => {
    const srv = await serve((req, res) => {
      if (req.url === '/metadata/instance/compute?api-version=2021-02-01' && req.headers.metadata === 'true') {
        res.setHeader('content-type', 'application/json');
        return res.end(JSON.stringify({ location: 'EastUS2', vmSize: 'Standard_D4as_v4', name: 'x' }));
      }
      notFound(res);
    });
    const m = await probeClouds({ CARBON_GATE_IMDS_URL: srv.url }, SLOW_MACHINE_MS);
    expect(m).toEqual({ provider: 'azure', region: 'eastus2', instanceType: 'Standard_D4as_v4', source: 'Azure IMDS' });
    // feeds selection: the instance row and the region for intensity
    const facts = factsOf({ runnerEnvironment: 'self-hosted' });
    const settings = settingsOf({ 'detect-cloud': 'true' });
    const model = selectModel({ facts, settings, tables: tables(), cloud: m });
    expect(model.instanceType).toBe('D4as v4');
    expect(resolveIntensity({ settings, model, facts, tables: tables() }).location).toBe('azure:eastus2');
  });

  test('GCP: machine type and zone → region, only with the Metadata-Flavor answer header', async () => {
    const srv = await serve((req, res) => {
      if (req.headers['metadata-flavor'] !== 'Google') return notFound(res);
      res.setHeader('Metadata-Flavor', 'Google');
      if (req.url === '/computeMetadata/v1/instance/machine-type') return res.end('projects/123/machineTypes/n2-standard-4');
      if (req.url === '/computeMetadata/v1/instance/zone') return res.end('projects/123/zones/europe-west1-b');
      notFound(res);
    });
    expect(await probeClouds({ CARBON_GATE_IMDS_URL: srv.url }, SLOW_MACHINE_MS)).toEqual({ provider: 'gcp', region: 'europe-west1', instanceType: 'n2-standard-4', source: 'GCP metadata server' });
  });

  test('nothing answers: null; a server that never answers: null after the deadline; hostile values rejected', async () => {
    const none = await serve((_req, res) => notFound(res));
    expect(await probeClouds({ CARBON_GATE_IMDS_URL: none.url }, SLOW_MACHINE_MS)).toBeNull();
    const hang = await serve(() => undefined);
    const t0 = Date.now();
    expect(await detectCloud({ env: { CARBON_GATE_IMDS_URL: hang.url }, timeoutMs: 5000 })).toBeNull();
    expect(Date.now() - t0).toBeLessThan(3000); // capped at 300 ms (generous bound for a loaded machine)
    const evil = await serve((req, res) => (req.url === '/latest/meta-data/instance-type' ? res.end('<img src=x>') : notFound(res)));
    expect(await detectCloud({ env: { CARBON_GATE_IMDS_URL: evil.url } })).toBeNull();
  });
});

describe('Electricity Maps', () => {
  const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'cg-em-'));

  test('latest intensity for the zone, token sent as auth-token, cached for the run', async () => {
    const srv = await serve((req, res) => {
      if (req.url?.startsWith('/v3/carbon-intensity/latest?zone=US-NW-BPAT') && req.headers['auth-token'] === 'sekret-token') {
        res.setHeader('content-type', 'application/json');
        return res.end(JSON.stringify({ zone: 'US-NW-BPAT', carbonIntensity: 61, datetime: '2026-11-23T18:00:00.000Z' }));
      }
      res.statusCode = 401;
      res.end();
    });
    const dir = tmp();
    const cacheFile = path.join(dir, 'electricity-maps.json');
    const env = { CARBON_GATE_ELECTRICITY_MAPS_URL: srv.url };
    const settings = settingsOf({ region: 'azure:westus2', 'electricity-maps-token': 'sekret-token' });
    const model = selectModel({ facts: factsOf(), settings, tables: tables() });
    const live = await liveIntensityFor({ settings, model, tables: tables(), cacheFile, env });
    expect(live).toEqual({ zone: 'US-NW-BPAT', gCo2ePerKwh: 61, datetime: '2026-11-23T18:00:00.000Z' });
    const again = await liveIntensityFor({ settings, model, tables: tables(), cacheFile, env });
    expect(again).toEqual({ ...live, cached: true });
    expect(srv.requests).toHaveLength(1);
    expect(fs.readFileSync(cacheFile, 'utf8')).not.toContain('sekret');
    const g = resolveIntensity({ settings, model, facts: factsOf(), tables: tables(), live: again });
    expect(g).toEqual(expect.objectContaining({ gCo2ePerKwh: 61, live: true, location: 'electricitymaps:US-NW-BPAT' }));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('rejected token, timeout and junk answers become errors without the token, and the table is used', async () => {
    const denied = await serve((_req, res) => {
      res.statusCode = 401;
      res.end('bad token sekret-token');
    });
    const r1 = await fetchLiveIntensity({ zone: 'FR', token: 'sekret-token', env: { CARBON_GATE_ELECTRICITY_MAPS_URL: denied.url } });
    expect(r1).toEqual({ zone: 'FR', gCo2ePerKwh: null, error: 'HTTP 401 (token rejected)' });
    const hang = await serve(() => undefined);
    const r2 = await fetchLiveIntensity({ zone: 'FR', token: 'sekret-token', env: { CARBON_GATE_ELECTRICITY_MAPS_URL: hang.url }, timeoutMs: 200 });
    expect(r2).toEqual({ zone: 'FR', gCo2ePerKwh: null, error: 'no answer within 200 ms' });
    const junk = await serve((_req, res) => res.end(JSON.stringify({ carbonIntensity: 'lots' })));
    const r3 = await fetchLiveIntensity({ zone: 'FR', token: 't', env: { CARBON_GATE_ELECTRICITY_MAPS_URL: junk.url } });
    expect(r3.error).toMatch(/no usable carbonIntensity/);
    for (const r of [r1, r2, r3]) expect(JSON.stringify(r)).not.toContain('sekret');
    const settings = settingsOf({ country: 'FR', 'electricity-maps-token': 'sekret-token' });
    const model = selectModel({ facts: factsOf(), settings, tables: tables() });
    const g = resolveIntensity({ settings, model, facts: factsOf(), tables: tables(), live: r1 });
    expect(g.location).toBe('country:FRA');
    expect(g.source).toMatch(/Electricity Maps unavailable for zone FR: HTTP 401/);
  });

  test('no token → no call; a token without a nameable zone → an explained fallback', async () => {
    const t = tables();
    const noToken = settingsOf({ country: 'FR' });
    expect(await liveIntensityFor({ settings: noToken, model: selectModel({ facts: factsOf(), settings: noToken, tables: t }), tables: t })).toBeNull();
    const noZone = settingsOf({ 'electricity-maps-token': 'x' });
    const live = await liveIntensityFor({ settings: noZone, model: selectModel({ facts: factsOf(), settings: noZone, tables: t }), tables: t });
    expect(live).toEqual(expect.objectContaining({ gCo2ePerKwh: null, error: expect.stringMatching(/no Electricity Maps zone/) }));
  });
});
