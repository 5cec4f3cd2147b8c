// steps.csv in the run directory: one row per step and the outside-steps row (a header only when the
// sampler saw no steps, so the artifact always has the file).
import { writeFileSync } from 'node:fs';
import { stepsCsv } from '../../core/report/steps-csv.js';
import type { Output } from './types.js';

export const stepsCsvOutput: Output = {
  name: 'steps.csv',
  target: 'run-dir',
  enabled: () => true,
  write({ result, files }) {
    writeFileSync(files.stepsCsv, stepsCsv(result.steps ?? []));
  },
};
