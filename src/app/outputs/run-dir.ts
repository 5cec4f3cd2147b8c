// The registry's run-directory outputs: files written next to the samples, by post and the CLI alike.
// A new file output is one module in this directory and one line here.
import { filesOutput } from './files.js';
import { stepsCsvOutput } from './steps.js';
import type { Output } from './types.js';

export const RUN_DIR_OUTPUTS: readonly Output[] = [
  filesOutput,
  stepsCsvOutput,
];
