// Starts a real Azurite blob service (npm `azurite`) on 127.0.0.1 with an in-memory store, for the
// signed upload/download URLs of the results-service stand-in. The caller stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';

/** Azurite's well-known development account (documented, public). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  /** e.g. http://127.0.0.1:41234/devstoreaccount1 */
  blobUrl: string;
  accountName: string;
  accountKey: string;
  credential: StorageSharedKeyCredential;
  service: BlobServiceClient;
  stop(): Promise<void>;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export async function startAzurite(opts: { containers?: string[]; startTimeoutMs?: number } = {}): Promise<Azurite> {
  const bin = path.join(repoRoot, 'node_modules', '.bin', 'azurite-blob');
  const location = mkdtempSync(path.join(tmpdir(), 'azurite-'));
  const child: ChildProcess = spawn(
    bin,
    [
      '--silent',
      '--disableTelemetry',
      '--skipApiVersionCheck',
      '--inMemoryPersistence',
      '--extentMemoryLimit',
      '256',
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
    ],
    // In-memory persistence refuses --location; run in a private directory so nothing lands in the repo.
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: location },
  );

  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Azurite did not start within ${opts.startTimeoutMs ?? 20000} ms: ${output}`)), opts.startTimeoutMs ?? 20000);
    const onData = (d: Buffer): void => {
      output += d.toString();
      const m = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited (${code}) before listening: ${output}`));
    });
  });
  // Keep draining output so the pipe never fills.
  child.stdout!.resume();
  child.stderr!.resume();

  const blobUrl = `http://127.0.0.1:${port}/${AZURITE_ACCOUNT}`;
  const credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY);
  const service = new BlobServiceClient(blobUrl, credential);
  for (const c of opts.containers ?? []) {
    await service.getContainerClient(c).createIfNotExists();
  }

  return {
    blobUrl,
    accountName: AZURITE_ACCOUNT,
    accountKey: AZURITE_KEY,
    credential,
    service,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        const t = setTimeout(() => !exited && child.kill('SIGKILL'), 3000);
        await exitedPromise;
        clearTimeout(t);
      }
      rmSync(location, { recursive: true, force: true });
    },
  };
}
