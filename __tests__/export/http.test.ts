// boundedRequest against loopback servers: one retry on 5xx, none on 4xx or a refused connection,
// and a hard deadline on a server that never answers.
import { afterEach, describe, expect, test } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { boundedRequest } from '../../src/export/http.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => (s.closeAllConnections(), s.close(() => r())))));
});

/** A server answering the given statuses in turn (null: never answer); returns its URL and hit count. */
function serve(statuses: Array<number | null>): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const srv = createServer((req, res) => {
    req.resume();
    const status = statuses[Math.min(hits++, statuses.length - 1)];
    if (status === null) return;
    res.writeHead(status);
    res.end('body with a detail');
  });
  servers.push(srv);
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(srv.address() as { port: number }).port}/x`, hits: () => hits })));
}

const req = (url: string, ms = 3000) => boundedRequest({ url, method: 'PUT', headers: {}, body: 'a 1\n', deadlineMs: Date.now() + ms });

describe('boundedRequest', () => {
  test('a 2xx answer: ok after one attempt', async () => {
    const s = await serve([202]);
    expect(await req(s.url)).toEqual({ ok: true, status: 202, attempts: 1 });
  });

  test('a 5xx answer is retried once; a second 5xx is the outcome', async () => {
    const s = await serve([503, 502]);
    expect(await req(s.url)).toEqual({ ok: false, status: 502, attempts: 2, error: 'HTTP 502' });
    expect(s.hits()).toBe(2);
  });

  test('a 5xx then 200: ok after the retry', async () => {
    const s = await serve([500, 200]);
    expect(await req(s.url)).toEqual({ ok: true, status: 200, attempts: 2 });
  });

  test('a 4xx answer is not retried, and the body is not quoted', async () => {
    const s = await serve([400]);
    const out = await req(s.url);
    expect(out).toEqual({ ok: false, status: 400, attempts: 1, error: 'HTTP 400' });
  });

  test('a server that never answers: given up at the deadline', async () => {
    const s = await serve([null]);
    const t0 = Date.now();
    const out = await req(s.url, 600);
    expect(out.ok).toBe(false);
    expect(out.error).toMatch(/^no answer within/);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(s.hits()).toBe(1);
  });

  test('a refused connection: one attempt, "connection refused"', async () => {
    const s = await serve([200]);
    await new Promise<void>((r) => servers.pop()!.close(() => r()));
    expect(await req(s.url)).toEqual({ ok: false, status: null, attempts: 1, error: 'connection refused' });
  });
});
