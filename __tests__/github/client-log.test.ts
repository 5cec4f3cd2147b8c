// The cache client's failure lines are recorded and turned into plain log lines; nothing else changes.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import * as core from '@actions/core';

const written: string[] = [];
const original = process.stdout.write;

beforeAll(() => {
  // Installed before the interceptor, so it sees what the interceptor lets through.
  process.stdout.write = ((chunk: string | Uint8Array) => {
    written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    return true;
  }) as typeof process.stdout.write;
});
afterAll(() => {
  process.stdout.write = original;
});

describe('captureClientFailures', () => {
  test('records cache-client failures, rewrites their annotations, leaves other output alone', async () => {
    const { captureClientFailures } = await import('../../src/github/client-log.js');
    const { value, failures } = await captureClientFailures(async () => {
      core.warning('Failed to restore: Failed to GetCacheEntryDownloadURL: Received non-retryable error: (401) Unauthorized');
      core.info('Failed to save: Unable to reserve cache with key k, another job may be creating this cache.');
      core.error('Failed to restore: 100% broken\nsecond line');
      core.warning('an unrelated warning');
      core.info('Cache restored successfully');
      return 42;
    });
    expect(value).toBe(42);
    expect(failures).toEqual([
      'Failed to restore: Failed to GetCacheEntryDownloadURL: Received non-retryable error: (401) Unauthorized',
      'Failed to save: Unable to reserve cache with key k, another job may be creating this cache.',
      'Failed to restore: 100% broken',
    ]);
    const out = written.join('');
    expect(out).not.toMatch(/::(warning|error)::Failed to/);
    expect(out).toContain('carbon-gate: cache client: Failed to restore: Failed to GetCacheEntryDownloadURL');
    expect(out).toContain('carbon-gate: cache client: Failed to restore: 100% broken second line');
    expect(out).toContain('::warning::an unrelated warning');
    expect(out).toContain('Cache restored successfully');
  });

  test('outside a capture, nothing is recorded but failure annotations are still rewritten (late output of a timed-out call)', async () => {
    const { captureClientFailures } = await import('../../src/github/client-log.js');
    const { failures } = await captureClientFailures(async () => 'x');
    written.length = 0;
    core.error('Failed to save: late');
    expect(failures).toEqual([]);
    expect(written.join('')).toContain('carbon-gate: cache client: Failed to save: late');
    expect(written.join('')).not.toContain('::error::');
  });
});
