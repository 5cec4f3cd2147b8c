// One bounded HTTP call for the exports: a hard deadline (AbortSignal) and one retry on a 5xx answer
// when time is left. Never throws; never puts a header or a URL credential in its message.
import { duration } from '../core/format.js';

export interface HttpOutcome {
  ok: boolean;
  status: number | null;
  attempts: number;
  /** Why it failed, without secrets: "HTTP 503", "timed out after 5.0 s", "connection refused". */
  error?: string;
}

export interface HttpRequest {
  url: string;
  method: 'PUT' | 'POST';
  headers: Record<string, string>;
  body: string | Uint8Array;
  /** Date.now() value after which nothing more is tried. */
  deadlineMs: number;
}

function describe(e: unknown, waitedMs: number): string {
  const err = e as { name?: string; cause?: { code?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return `no answer within ${duration(waitedMs / 1000)}`;
  const code = err?.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code) return `network error ${code}`;
  return 'network error';
}

export async function boundedRequest(req: HttpRequest): Promise<HttpOutcome> {
  let attempts = 0;
  let last: HttpOutcome = { ok: false, status: null, attempts: 0, error: 'not tried: no time left' };
  while (attempts < 2) {
    const leftMs = req.deadlineMs - Date.now();
    if (leftMs < 50) break;
    attempts++;
    const t0 = Date.now();
    try {
      const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: AbortSignal.timeout(leftMs) });
      // Drain the body so the connection is released (a few bytes from either server).
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return { ok: true, status: res.status, attempts };
      last = { ok: false, status: res.status, attempts, error: `HTTP ${res.status}` };
      if (res.status < 500) break;
    } catch (e) {
      last = { ok: false, status: null, attempts, error: describe(e, Date.now() - t0) };
      break;
    }
  }
  return last;
}
