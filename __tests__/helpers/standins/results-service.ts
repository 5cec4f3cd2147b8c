// A loopback stand-in of the Actions results service (Twirp JSON), enough for the real @actions/cache 6
// (cache service v2) and @actions/artifact 6 clients, in this process or in a child process.
//
// Endpoints: POST /twirp/github.actions.results.api.v1.CacheService/{CreateCacheEntry,
// FinalizeCacheEntryUpload, GetCacheEntryDownloadURL} and
// /twirp/github.actions.results.api.v1.ArtifactService/{CreateArtifact, FinalizeArtifact, ListArtifacts,
// GetSignedArtifactURL, DeleteArtifact}. Field names are the proto names (the clients send
// useProtoFieldName); wrappers (StringValue, Int64Value) are bare JSON values; int64 are strings.
//
// Authorisation and cache scope come from the Bearer ACTIONS_RUNTIME_TOKEN (see runtime-token.ts): the
// `ac` claim lists the job's cache scopes. Like GitHub:
// - an entry is written to the job's first writable scope (its own ref);
// - a lookup searches the readable scopes in order (own ref, then base, then default branch); within a
//   scope: each key in order (primary, then restore keys), exact match first, then the newest entry
//   whose key starts with it; the version must match;
// - the default branch cannot read a PR's entries (its token does not list the PR ref);
// - keys are immutable: creating an existing key+version in the same scope answers 409 already_exists,
//   which the real client logs as "another job may be creating this cache".
// Artifact names are unique per workflow run (409 already_exists on a second create, as on re-runs).
// Blobs live in Azurite; the service answers with SAS URLs into it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BlobSASPermissions, generateBlobSASQueryParameters } from '@azure/storage-blob';
import type { Azurite } from './azurite.js';
import { backendIdsOf, scopesOf, verifyJwt, type RuntimeTokenClaims } from './runtime-token.js';

const CACHE_SVC = 'github.actions.results.api.v1.CacheService';
const ARTIFACT_SVC = 'github.actions.results.api.v1.ArtifactService';

export interface CacheEntry {
  id: number;
  key: string;
  version: string;
  scope: string;
  createdMs: number;
  finalized: boolean;
  sizeBytes: number;
  blobName: string;
}

export interface ArtifactRecord {
  id: number;
  runBackendId: string;
  jobBackendId: string;
  name: string;
  createdMs: number;
  expiresAt?: string;
  mimeType?: string;
  finalized: boolean;
  size: number;
  digest?: string;
  blobName: string;
}

export interface RecordedCall {
  service: 'cache' | 'artifact' | 'other';
  method: string;
  status: number;
  atMs: number;
}

export type FailureMode = 'none' | 'http-500' | 'hang';
export type ServiceName = 'cache' | 'artifact';

export interface ResultsService {
  /** Base URL for ACTIONS_RESULTS_URL (with a trailing slash, like the runner's). */
  url: string;
  state: { cacheEntries: CacheEntry[]; artifacts: ArtifactRecord[]; calls: RecordedCall[] };
  /** Switch a failure mode at run time for one or both services. */
  setFailure(mode: FailureMode, services?: ServiceName[]): void;
  /** Reads a blob (cache archive or artifact zip) back from Azurite. */
  readBlob(blobName: string): Promise<Buffer>;
  stop(): Promise<void>;
}

class TwirpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    msg: string,
  ) {
    super(msg);
  }
}

export async function startResultsService(opts: { azurite: Azurite; container?: string }): Promise<ResultsService> {
  const container = opts.container ?? 'actions-results';
  await opts.azurite.service.getContainerClient(container).createIfNotExists();
  const state: ResultsService['state'] = { cacheEntries: [], artifacts: [], calls: [] };
  const failures: Record<ServiceName, FailureMode> = { cache: 'none', artifact: 'none' };
  const hanging = new Set<http.ServerResponse>();
  let nextId = 1;

  const sasUrl = (blobName: string, perms: string): string => {
    const sas = generateBlobSASQueryParameters(
      { containerName: container, blobName, permissions: BlobSASPermissions.parse(perms), startsOn: new Date(Date.now() - 60_000), expiresOn: new Date(Date.now() + 3600_000) },
      opts.azurite.credential,
    ).toString();
    return `${opts.azurite.blobUrl}/${container}/${blobName.split('/').map(encodeURIComponent).join('/')}?${sas}`;
  };

  const auth = (req: http.IncomingMessage): RuntimeTokenClaims => {
    const h = req.headers.authorization ?? '';
    const m = /^Bearer (.+)$/.exec(h);
    const claims = m ? verifyJwt(m[1]!) : null;
    if (!claims) throw new TwirpError(401, 'unauthenticated', 'missing or invalid runtime token');
    return claims;
  };

  const cache: Record<string, (claims: RuntimeTokenClaims, body: Record<string, unknown>) => unknown> = {
    CreateCacheEntry(claims, body) {
      const key = String(body.key ?? '');
      const version = String(body.version ?? '');
      if (!key || !version) throw new TwirpError(400, 'invalid_argument', 'key and version are required');
      const scope = scopesOf(claims).find((s) => (s.Permission & 2) !== 0);
      if (!scope) return { ok: false, message: `cache write denied: the token of this job has no writable cache scope (key ${key})` };
      if (state.cacheEntries.some((e) => e.key === key && e.version === version && e.scope === scope.Scope)) {
        throw new TwirpError(409, 'already_exists', 'cache entry with the same key, version, and scope already exists');
      }
      const id = nextId++;
      const entry: CacheEntry = { id, key, version, scope: scope.Scope, createdMs: Date.now(), finalized: false, sizeBytes: 0, blobName: `caches/${id}.tzst` };
      state.cacheEntries.push(entry);
      return { ok: true, signed_upload_url: sasUrl(entry.blobName, 'cw') };
    },
    FinalizeCacheEntryUpload(claims, body) {
      const key = String(body.key ?? '');
      const version = String(body.version ?? '');
      const scope = scopesOf(claims).find((s) => (s.Permission & 2) !== 0);
      const entry = state.cacheEntries.find((e) => e.key === key && e.version === version && e.scope === scope?.Scope && !e.finalized);
      if (!entry) throw new TwirpError(404, 'not_found', `no cache entry reserved for key ${key}`);
      entry.finalized = true;
      entry.sizeBytes = Number(body.size_bytes ?? 0);
      return { ok: true, entry_id: String(entry.id) };
    },
    GetCacheEntryDownloadURL(claims, body) {
      const keys = [String(body.key ?? ''), ...((body.restore_keys as string[] | undefined) ?? [])].filter((k) => k !== '');
      const version = String(body.version ?? '');
      for (const scope of scopesOf(claims).filter((s) => (s.Permission & 1) !== 0)) {
        const inScope = state.cacheEntries.filter((e) => e.finalized && e.scope === scope.Scope && e.version === version);
        for (const k of keys) {
          const newest = (list: CacheEntry[]): CacheEntry | undefined => [...list].sort((a, b) => b.createdMs - a.createdMs || b.id - a.id)[0];
          const hit = newest(inScope.filter((e) => e.key === k)) ?? newest(inScope.filter((e) => e.key.startsWith(k)));
          if (hit) return { ok: true, signed_download_url: sasUrl(hit.blobName, 'r'), matched_key: hit.key };
        }
      }
      return { ok: false, signed_download_url: '', matched_key: '' };
    },
  };

  const ids = (claims: RuntimeTokenClaims, body: Record<string, unknown>): { run: string; job: string } => {
    const own = backendIdsOf(claims);
    if (!own) throw new TwirpError(401, 'unauthenticated', 'the runtime token has no Actions.Results scope');
    const run = String(body.workflow_run_backend_id ?? '');
    const job = String(body.workflow_job_run_backend_id ?? '');
    if (run !== own.runBackendId) throw new TwirpError(403, 'permission_denied', 'workflow run id does not match the token');
    return { run, job };
  };

  const artifactView = (a: ArtifactRecord): Record<string, unknown> => ({
    workflow_run_backend_id: a.runBackendId,
    workflow_job_run_backend_id: a.jobBackendId,
    database_id: String(a.id),
    name: a.name,
    size: String(a.size),
    created_at: new Date(a.createdMs).toISOString(),
    ...(a.digest ? { digest: a.digest } : {}),
  });

  const artifact: Record<string, (claims: RuntimeTokenClaims, body: Record<string, unknown>) => unknown> = {
    CreateArtifact(claims, body) {
      const { run, job } = ids(claims, body);
      const name = String(body.name ?? '');
      if (!name) throw new TwirpError(400, 'invalid_argument', 'name is required');
      if (state.artifacts.some((a) => a.runBackendId === run && a.name === name)) {
        throw new TwirpError(409, 'already_exists', `an artifact with this name already exists on the workflow run`);
      }
      const id = nextId++;
      const a: ArtifactRecord = {
        id,
        runBackendId: run,
        jobBackendId: job,
        name,
        createdMs: Date.now(),
        finalized: false,
        size: 0,
        blobName: `artifacts/${run}/${id}/${name}.zip`,
        ...(typeof body.expires_at === 'string' ? { expiresAt: body.expires_at } : {}),
        ...(typeof body.mime_type === 'string' ? { mimeType: body.mime_type } : {}),
      };
      state.artifacts.push(a);
      return { ok: true, signed_upload_url: sasUrl(a.blobName, 'cw') };
    },
    FinalizeArtifact(claims, body) {
      const { run } = ids(claims, body);
      const a = state.artifacts.find((x) => x.runBackendId === run && x.name === String(body.name ?? '') && !x.finalized);
      if (!a) throw new TwirpError(404, 'not_found', 'artifact not found');
      a.finalized = true;
      a.size = Number(body.size ?? 0);
      if (typeof body.hash === 'string') a.digest = body.hash;
      return { ok: true, artifact_id: String(a.id) };
    },
    ListArtifacts(claims, body) {
      const { run } = ids(claims, body);
      const nameFilter = typeof body.name_filter === 'string' ? body.name_filter : undefined;
      const idFilter = body.id_filter !== undefined ? String(body.id_filter) : undefined;
      const list = state.artifacts.filter((a) => a.finalized && a.runBackendId === run && (nameFilter === undefined || a.name === nameFilter) && (idFilter === undefined || String(a.id) === idFilter));
      return { artifacts: list.map(artifactView) };
    },
    GetSignedArtifactURL(claims, body) {
      const { run } = ids(claims, body);
      const a = state.artifacts.find((x) => x.finalized && x.runBackendId === run && x.name === String(body.name ?? ''));
      if (!a) throw new TwirpError(404, 'not_found', 'artifact not found');
      return { signed_url: sasUrl(a.blobName, 'r') };
    },
    DeleteArtifact(claims, body) {
      const { run } = ids(claims, body);
      const i = state.artifacts.findIndex((x) => x.runBackendId === run && x.name === String(body.name ?? ''));
      if (i < 0) throw new TwirpError(404, 'not_found', 'artifact not found');
      const [a] = state.artifacts.splice(i, 1);
      return { ok: true, artifact_id: String(a!.id) };
    },
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const m = /^\/twirp\/([\w.]+)\/(\w+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
      const svcName: RecordedCall['service'] = m?.[1] === CACHE_SVC ? 'cache' : m?.[1] === ARTIFACT_SVC ? 'artifact' : 'other';
      const method = m?.[2] ?? req.url ?? '';
      const send = (status: number, payload: unknown): void => {
        state.calls.push({ service: svcName, method, status, atMs: Date.now() });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (svcName !== 'other') {
        const mode = failures[svcName];
        if (mode === 'hang') {
          state.calls.push({ service: svcName, method, status: 0, atMs: Date.now() });
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          return;
        }
        if (mode === 'http-500') return send(500, { code: 'internal', msg: 'stand-in failure mode: http-500' });
      }
      const handlers = svcName === 'cache' ? cache : svcName === 'artifact' ? artifact : undefined;
      const handler = handlers?.[method];
      if (req.method !== 'POST' || !handler) return send(404, { code: 'bad_route', msg: `no handler for ${req.method} ${req.url}` });
      try {
        const claims = auth(req);
        const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>) : {};
        send(200, handler(claims, body));
      } catch (e) {
        if (e instanceof TwirpError) send(e.status, { code: e.code, msg: e.message });
        else send(500, { code: 'internal', msg: e instanceof Error ? e.message : String(e) });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    state,
    setFailure(mode, services = ['cache', 'artifact']) {
      for (const s of services) failures[s] = mode;
      if (mode !== 'hang') {
        for (const r of hanging) r.destroy();
        hanging.clear();
      }
    },
    async readBlob(blobName) {
      return opts.azurite.service.getContainerClient(container).getBlobClient(blobName).downloadToBuffer();
    },
    async stop() {
      for (const r of hanging) r.destroy();
      hanging.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
