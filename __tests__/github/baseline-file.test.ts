// Baseline files with and without the gate's terms: new records keep them, old records still read.
import { describe, expect, test } from '@jest/globals';
import { parseBaselineFile, recordOf } from '../../src/github/baseline.js';
import { baselineRecord, gateTermsFixture, runResult } from '../helpers/run-result-fixture.js';

describe('baseline records and their terms', () => {
  test('a record with terms keeps them; one written before terms reads without; unusable terms are dropped, not the record', () => {
    const withTerms = baselineRecord(1, 2, { terms: gateTermsFixture({ cpuSeconds: 80, runnableSeconds: 50 }) });
    const legacy = baselineRecord(2, 3);
    const broken = { ...baselineRecord(3, 4), terms: { v: 1, cpuSeconds: -1 } };
    const records = parseBaselineFile(JSON.stringify({ v: 1, tool: 'carbon-gate', jobKey: 'k', records: [withTerms, legacy, broken] }));
    expect(records.map((r) => r.runId)).toEqual(['1003', '1002', '1001']);
    expect(records[2]!.terms?.cpuSeconds).toBe(80);
    expect(records[2]!.terms?.runnableSeconds).toBe(50);
    expect(records[1]!.terms).toBeUndefined();
    expect(records[0]!.terms).toBeUndefined();
    expect(records[0]!.gatedGCo2e).toBe(4);
  });

  test("this run's record carries the result's terms", () => {
    const terms = gateTermsFixture({ cpuSeconds: 12 });
    const r = recordOf(runResult({ terms }), { runId: '9', runAttempt: 1, sha: 'a'.repeat(40), ref: 'refs/heads/main' });
    expect(r.terms).toEqual(terms);
    expect(recordOf(runResult(), { runId: '9', runAttempt: 1, sha: 'a'.repeat(40), ref: 'refs/heads/main' }).terms).toBeUndefined();
  });
});
