// ACTIONS_RUNTIME_TOKEN stand-in: a JWT shaped like the runner's. Two claims matter:
// - `scp` holds `Actions.Results:<workflowRunBackendId>:<workflowJobRunBackendId>`; @actions/artifact reads it
//   (jwt-decode) to name the run and job in every artifact request.
// - `ac` is a JSON string listing the cache scopes of the job and their permission
//   (1 = read, 2 = write, 3 = both), like the real token. The results-service stand-in reads it to scope
//   cache entries by ref: the job writes to its own ref and reads its own ref first, then the base and
//   default branches. This is how the ref scope reaches the stand-in from a different process.
// Signed HS256 with a test-only secret so the stand-in can reject forged or missing tokens.
import { createHmac } from 'node:crypto';

export const STANDIN_JWT_SECRET = 'carbon-gate-standin-secret-not-a-credential';

export interface CacheScopeClaim {
  Scope: string;
  Permission: number;
}

export interface RuntimeTokenClaims {
  scp: string;
  ac: string;
  iat: number;
  exp: number;
  iss: string;
}

const b64url = (s: string | Buffer): string => Buffer.from(s).toString('base64url');

export function signJwt(claims: object, secret = STANDIN_JWT_SECRET): string {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(claims));
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/** Verifies the signature and expiry; returns the claims or null. */
export function verifyJwt(token: string, secret = STANDIN_JWT_SECRET): RuntimeTokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest('base64url');
  if (expected !== parts[2]) return null;
  try {
    const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString()) as RuntimeTokenClaims;
    if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) return null;
    return claims;
  } catch {
    return null;
  }
}

export interface JobIdentity {
  /** Backend ids; any strings. */
  runBackendId: string;
  jobBackendId: string;
  /** The job's ref, e.g. refs/heads/main or refs/pull/7/merge. */
  ref: string;
  /** Default branch name (not a ref). Default 'main'. */
  defaultBranch?: string;
  /** For pull requests: the base branch name. */
  baseBranch?: string;
  /** Make the cache read-only for this job (the service then refuses writes like for untrusted events). */
  readOnly?: boolean;
}

/** Cache scopes of a job the way GitHub grants them: own ref (write unless read-only), then base and default branch (read). */
export function cacheScopesFor(id: JobIdentity): CacheScopeClaim[] {
  const def = `refs/heads/${id.defaultBranch ?? 'main'}`;
  const scopes: CacheScopeClaim[] = [{ Scope: id.ref, Permission: id.readOnly ? 1 : 3 }];
  if (id.baseBranch) scopes.push({ Scope: `refs/heads/${id.baseBranch}`, Permission: 1 });
  scopes.push({ Scope: def, Permission: 1 });
  const seen = new Set<string>();
  return scopes.filter((s) => (seen.has(s.Scope) ? false : (seen.add(s.Scope), true)));
}

export function makeRuntimeToken(id: JobIdentity): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt({
    scp: `Actions.ExampleScope Actions.Results:${id.runBackendId}:${id.jobBackendId}`,
    ac: JSON.stringify(cacheScopesFor(id)),
    iat: now,
    exp: now + 6 * 3600,
    iss: 'carbon-gate-standin',
  });
}

/** The Actions.Results run/job ids of a token, or null. */
export function backendIdsOf(claims: RuntimeTokenClaims): { runBackendId: string; jobBackendId: string } | null {
  for (const s of (claims.scp ?? '').split(' ')) {
    const p = s.split(':');
    if (p[0] === 'Actions.Results' && p.length === 3) return { runBackendId: p[1]!, jobBackendId: p[2]! };
  }
  return null;
}

export function scopesOf(claims: RuntimeTokenClaims): CacheScopeClaim[] {
  try {
    const v = JSON.parse(claims.ac ?? '[]') as unknown;
    return Array.isArray(v) ? (v as CacheScopeClaim[]).filter((s) => typeof s?.Scope === 'string' && typeof s?.Permission === 'number') : [];
  } catch {
    return [];
  }
}
