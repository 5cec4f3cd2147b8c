// readSamples on real files: huge, corrupt and truncated lines, the marker's closing sample, an
// unwritable samples.csv. Hand-computed oracles with the fixtures' round-number model (6 J per second).
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSamples } from '../../src/app/read-samples.js';
import { EnergyIntegrator } from '../../src/core/energy.js';
import type { CompletionMarker, Sample } from '../../src/core/types.js';
import { line, model, sample } from '../helpers/fixtures.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cg-read-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const tick = (seq: number): Sample => ({ ...sample({ t: seq, busy: seq, tree: seq / 2 }), seq });
const marker = (over: Partial<CompletionMarker> = {}): CompletionMarker => ({ reason: 'sigterm', samples: 5, samplerCpuSeconds: 0.1, samplerMaxRssBytes: 1, endedWallMs: 0, ticks: 5, ...over });

let n = 0;
function read(text: string | null, m: CompletionMarker | null, csvPath?: string) {
  const dir = path.join(tmp, `r${n++}`);
  mkdirSync(dir);
  if (text !== null) writeFileSync(path.join(dir, 'samples.jsonl'), text);
  return readSamples({
    samplesPath: path.join(dir, 'samples.jsonl'),
    csvPath: csvPath ?? path.join(dir, 'samples.csv'),
    csvHeader: 'h\n',
    csvRow: () => 'r\n',
    makeIntegrator: (onInterval) => new EnergyIntegrator({ model: model(), scope: 'process-tree', intervalSeconds: 1, onInterval }),
    marker: m,
  });
}

describe('readSamples', () => {
  test('a 5 MB line of garbage and a line cut short are skipped and counted; the samples around them integrate', () => {
    const text = [line(tick(0)), line(tick(1)), 'x'.repeat(5 * 2 ** 20), line(tick(2)).slice(0, 30), line(tick(2)), line(tick(3)), line(tick(4))].join('\n') + '\n';
    const r = read(text, marker());
    expect(r.stats.skippedLines).toBe(2);
    expect(r.integrity.missingSamples).toBe(0);
    expect(r.integrator.result().totalWh * 3600).toBeCloseTo(24, 9);
  });

  test('binary corruption (NUL bytes from a crash) in the middle is skipped', () => {
    const text = `${line(tick(0))}\n\u0000\u0000\u0000\n${line(tick(1))}\n`;
    const r = read(text, marker({ ticks: 2, samples: 2 }));
    expect(r.stats.skippedLines).toBe(1);
    expect(r.integrity.accepted).toBe(2);
  });

  test('the closing sample kept in the marker (its write failed) closes the run', () => {
    const text = [0, 1, 2].map((i) => line(tick(i))).join('\n') + '\n';
    // Ticks 3 failed to write (disk full); tick 4, the closing one, is in the marker.
    const r = read(text, marker({ ticks: 5, samples: 3, writeFailures: { count: 2, error: 'ENOSPC', seqs: [[3, 4]] }, closing: tick(4) }));
    expect(r.closingFromMarker).toBe(true);
    expect(r.integrity.missing).toEqual([{ fromSeq: 3, toSeq: 3, atS: 2 }]);
    expect(r.coveredTicks).toBe(5);
    expect(r.integrator.result().durationSeconds).toBe(4);
    expect(r.integrator.result().gaps).toEqual([{ fromS: 2, toS: 4, seconds: 2, reason: '1 sample line(s) missing' }]);
  });

  test('a closing sample already in the file is not used twice', () => {
    const text = [0, 1, 2].map((i) => line(tick(i))).join('\n') + '\n';
    const r = read(text, marker({ ticks: 3, samples: 3, closing: tick(2) }));
    expect(r.closingFromMarker).toBe(false);
    expect(r.integrity.accepted).toBe(3);
  });

  test('no samples file: present is false, nothing accepted, no throw', () => {
    const r = read(null, null);
    expect(r.present).toBe(false);
    expect(r.integrity.accepted).toBe(0);
  });

  test('samples.csv that cannot be written (a directory in its place) is an error text, not a throw', () => {
    const dir = path.join(tmp, 'csv-is-a-dir');
    mkdirSync(dir);
    const r = read([0, 1].map((i) => line(tick(i))).join('\n'), marker({ ticks: 2, samples: 2 }), dir);
    expect(r.csvError).toMatch(/EISDIR/);
    expect(r.integrity.accepted).toBe(2);
  });

  test('samples.csv on a full disk (/dev/full): the error is kept, the samples are still read', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => line(tick(i))).join('\n');
    const r = read(rows, marker({ ticks: 3000, samples: 3000 }), '/dev/full');
    expect(r.csvError).toMatch(/ENOSPC/);
    expect(r.integrity.accepted).toBe(3000);
  });
});
