// emissions.csv, carbon-gate.csv, carbon-gate.json and summary.md in the run directory (samples.csv is streamed while
// the samples are integrated, see app/integrate.ts).
import { writeFileSync } from 'node:fs';
import { carbonGateCsv } from '../../core/report/carbon-gate-csv.js';
import { emissionsCsv } from '../../core/report/codecarbon-csv.js';
import type { Output } from './types.js';

export const filesOutput: Output = {
  name: 'files',
  target: 'run-dir',
  enabled: () => true,
  write({ result, summary, files }) {
    writeFileSync(files.emissionsCsv, emissionsCsv(result));
    writeFileSync(files.carbonGateCsv, carbonGateCsv(result));
    writeFileSync(files.json, JSON.stringify(result, null, 2));
    writeFileSync(files.summary, summary);
  },
};
