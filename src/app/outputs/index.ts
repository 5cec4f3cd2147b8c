// The output registry, as post runs it. Adding an output: one module in this directory exporting an
// Output, and one line here (or, for a file in the run directory, in run-dir.ts, which the CLI runs too).
import { artifactOutput } from './artifact.js';
import { baselineOutput } from './baseline.js';
import { commentOutput } from './comment.js';
import { exportsOutput } from './exports.js';
import { RUN_DIR_OUTPUTS } from './run-dir.js';
import { summaryOutput } from './summary.js';
import type { Output } from './types.js';

export type { Output, OutputSink, OutputTarget } from './types.js';
export { runOutputs } from './run.js';
export { RUN_DIR_OUTPUTS } from './run-dir.js';

export const OUTPUTS: readonly Output[] = [
  ...RUN_DIR_OUTPUTS,
  summaryOutput,
  baselineOutput,
  artifactOutput,
  commentOutput,
  exportsOutput,
];
