// Optional instance-metadata probe (input detect-cloud, off by default). Asks the link-local metadata
// service of AWS (IMDSv2, IMDSv1 fallback), Azure and GCP in parallel under one deadline (≤ 300 ms)
// and returns the provider, region and instance type, or null. Never throws.
// The endpoint is overridable with CARBON_GATE_IMDS_URL (tests point it at a loopback server).
import http from 'node:http';
import type { CloudMetadata } from '../core/model/cloud.js';

export const IMDS_URL_ENV = 'CARBON_GATE_IMDS_URL';
const DEFAULT_BASE = 'http://169.254.169.254';
export const MAX_TIMEOUT_MS = 300;

/** Metadata values are untrusted text: accept only plain identifiers. */
const SAFE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;
const safe = (v: unknown): string | null => (typeof v === 'string' && SAFE.test(v.trim()) ? v.trim() : null);

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

// node:http rather than fetch: it is already loaded, so the 300 ms budget is spent on the network
// and not on initialising fetch's HTTP client.
function get(url: string, headers: Record<string, string>, signal: AbortSignal, method = 'GET'): Promise<Reply | null> {
  return new Promise((resolve) => {
    let req: http.ClientRequest;
    try {
      req = http.request(url, { method, headers, signal, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > 4096) req.destroy();
          else chunks.push(c);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8').trim() }));
        res.on('error', () => resolve(null));
      });
    } catch {
      resolve(null);
      return;
    }
    req.on('error', () => resolve(null));
    req.on('close', () => resolve(null));
    req.end();
  });
}

function text(r: Reply | null): string | null {
  return r && r.status >= 200 && r.status < 300 ? r.body : null;
}

async function probeAws(base: string, signal: AbortSignal): Promise<CloudMetadata | null> {
  const rawToken = text(await get(`${base}/latest/api/token`, { 'X-aws-ec2-metadata-token-ttl-seconds': '60' }, signal, 'PUT'));
  const token = rawToken && /^[A-Za-z0-9+/=_-]{1,1024}$/.test(rawToken) ? rawToken : null;
  const headers: Record<string, string> = token ? { 'X-aws-ec2-metadata-token': token } : {};
  const [type, region] = await Promise.all([
    get(`${base}/latest/meta-data/instance-type`, headers, signal).then(text),
    get(`${base}/latest/meta-data/placement/region`, headers, signal).then(text),
  ]);
  const instanceType = safe(type);
  if (!instanceType || !/^[a-z0-9-]+\.[a-z0-9-]+$/.test(instanceType)) return null;
  return { provider: 'aws', region: safe(region), instanceType, source: token ? 'AWS IMDSv2' : 'AWS IMDSv1' };
}

async function probeAzure(base: string, signal: AbortSignal): Promise<CloudMetadata | null> {
  const body = text(await get(`${base}/metadata/instance/compute?api-version=2021-02-01`, { Metadata: 'true' }, signal));
  if (!body) return null;
  try {
    const j = JSON.parse(body) as { location?: unknown; vmSize?: unknown };
    const instanceType = safe(j.vmSize);
    const region = safe(j.location);
    if (!instanceType && !region) return null;
    return { provider: 'azure', region: region?.toLowerCase() ?? null, instanceType, source: 'Azure IMDS' };
  } catch {
    return null;
  }
}

async function probeGcp(base: string, signal: AbortSignal): Promise<CloudMetadata | null> {
  const h = { 'Metadata-Flavor': 'Google' };
  const [mt, zone] = await Promise.all([get(`${base}/computeMetadata/v1/instance/machine-type`, h, signal), get(`${base}/computeMetadata/v1/instance/zone`, h, signal)]);
  // A real GCP metadata server answers with this header; anything else is not GCP.
  if (mt?.headers['metadata-flavor'] !== 'Google') return null;
  const instanceType = safe(text(mt)?.split('/').pop());
  const z = safe(text(zone)?.split('/').pop());
  if (!instanceType) return null;
  const region = z && /^[a-z]+-[a-z]+\d+-[a-z]$/.test(z) ? z.replace(/-[a-z]$/, '') : null;
  return { provider: 'gcp', region, instanceType, source: 'GCP metadata server' };
}

/**
 * Probes the three metadata services at once; returns the first that identifies its cloud, or null
 * when none does within `timeoutMs` (capped at 300 ms).
 */
export async function detectCloud(opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CloudMetadata | null> {
  return probeClouds(opts.env ?? process.env, Math.min(MAX_TIMEOUT_MS, Math.max(1, opts.timeoutMs ?? MAX_TIMEOUT_MS)));
}

/** The probes under one deadline, uncapped: detectCloud caps it; tests on a loaded machine give more. */
export async function probeClouds(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<CloudMetadata | null> {
  const base = (env[IMDS_URL_ENV]?.trim() || DEFAULT_BASE).replace(/\/+$/, '');
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    const deadline = new Promise<null>((resolve) => ctrl.signal.addEventListener('abort', () => resolve(null), { once: true }));
    const probes = [probeAws(base, ctrl.signal), probeAzure(base, ctrl.signal), probeGcp(base, ctrl.signal)];
    // The first probe that finds something wins; null once all have answered nothing.
    const first = new Promise<CloudMetadata | null>((resolve) => {
      let pending = probes.length;
      for (const p of probes) {
        p.then(
          (r) => (r ? resolve(r) : --pending === 0 && resolve(null)),
          () => --pending === 0 && resolve(null),
        );
      }
    });
    return await Promise.race([first, deadline]);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
    ctrl.abort();
  }
}
