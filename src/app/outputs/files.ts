// emissions.csv, carbon-gate.csv, carbon-gate.json and summary.md in the run directory (samples.csv is streamed while
// the samples are integrated, see app/integrate.ts). The report exists once computed: a file that cannot be
// written (disk full, read-only or vanished directory) is a warning, added to the summary that the job
// summary output writes next, never a lost verdict.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { carbonGateCsv } from '../../core/report/carbon-gate-csv.js';
import { emissionsCsv } from '../../core/report/codecarbon-csv.js';
import type { Output } from './types.js';

export const filesOutput: Output = {
  name: 'files',
  target: 'run-dir',
  enabled: () => true,
  write(finished, sink) {
    const { result, summary, files } = finished;
    const unwritten: string[] = [];
    for (const [file, text] of [
      [files.emissionsCsv, () => emissionsCsv(result)],
      [files.carbonGateCsv, () => carbonGateCsv(result)],
      [files.json, () => JSON.stringify(result, null, 2)],
      [files.summary, () => summary],
    ] as const) {
      try {
        writeFileSync(file, text());
      } catch (e) {
        unwritten.push(`${path.basename(file)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
    }
    if (!unwritten.length) return;
    const w = `Output files could not be written: ${unwritten.join(', ')}.`;
    result.quality.warnings.push(w);
    finished.summary = `${summary}\n> [!WARNING]\n> ${w}\n`;
    sink.warn(w);
  },
};
