// Starts the real Prometheus Pushgateway and Prometheus from Debian's packages (prometheus-pushgateway,
// prometheus; .ci/run installs them) on free loopback ports with temporary storage. Prometheus scrapes
// the gateway every second with honor_labels: true. The caller stops both.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Service {
  url: string;
  stop(): Promise<void>;
}

/** A port the kernel just handed out on 127.0.0.1 (closed again, so a daemon can take it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

async function ready(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}: ${log()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      /* not yet listening */
    }
    await sleep(100);
  }
  throw new Error(`not ready within ${timeoutMs} ms: ${log()}`);
}

/** Starts `bin args(port)` and waits for `/-/ready`; tries another port when the daemon could not bind. */
async function startDaemon(bin: string, args: (port: number) => string[], cwd: string): Promise<Service> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = spawn(bin, args(port), { stdio: ['ignore', 'pipe', 'pipe'], cwd });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const url = `http://127.0.0.1:${port}`;
    const stop = async (): Promise<void> => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(5000, undefined, { ref: false }).then(() => child.kill('SIGKILL'))]);
      }
    };
    try {
      await ready(`${url}/-/ready`, child, () => output.slice(-2000), 30000);
      return { url, stop };
    } catch (e) {
      lastError = e;
      await stop();
    }
  }
  throw new Error(`${path.basename(bin)} did not start: ${String(lastError)}`);
}

export interface MetricsStack {
  pushgateway: Service;
  prometheus: Service;
  /** Instant query over Prometheus's HTTP API: the vector result as [labels, value]. */
  query(promql: string): Promise<Array<[Record<string, string>, number]>>;
  stop(): Promise<void>;
}

export async function startMetricsStack(): Promise<MetricsStack> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cg-prom-'));
  // Debian's build persists to /var/lib/prometheus/pushgateway.data by default: groups of an earlier
  // run would come back. A private file in the temp dir keeps each stack fresh.
  const pushgateway = await startDaemon(
    'prometheus-pushgateway',
    (port) => [`--web.listen-address=127.0.0.1:${port}`, `--persistence.file=${path.join(dir, 'pushgateway.data')}`, '--log.level=warn'],
    dir,
  );
  const config = path.join(dir, 'prometheus.yml');
  writeFileSync(
    config,
    [
      'global:',
      '  scrape_interval: 1s',
      '  evaluation_interval: 1s',
      'scrape_configs:',
      '  - job_name: pushgateway',
      '    honor_labels: true',
      '    scrape_interval: 1s',
      '    static_configs:',
      `      - targets: ['${new URL(pushgateway.url).host}']`,
      '',
    ].join('\n'),
  );
  let prometheus: Service;
  try {
    prometheus = await startDaemon(
      'prometheus',
      (port) => [`--config.file=${config}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'],
      dir,
    );
  } catch (e) {
    await pushgateway.stop();
    throw e;
  }
  const query = async (promql: string): Promise<Array<[Record<string, string>, number]>> => {
    const res = await fetch(`${prometheus.url}/api/v1/query?query=${encodeURIComponent(promql)}`, { signal: AbortSignal.timeout(5000) });
    const body = (await res.json()) as { status: string; data?: { resultType: string; result: Array<{ metric: Record<string, string>; value: [number, string] }> }; error?: string };
    if (body.status !== 'success' || !body.data) throw new Error(`query ${promql} failed: ${body.error}`);
    return body.data.result.map((r) => [r.metric, Number(r.value[1])]);
  };
  return {
    pushgateway,
    prometheus,
    query,
    stop: async () => {
      await prometheus.stop();
      await pushgateway.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
