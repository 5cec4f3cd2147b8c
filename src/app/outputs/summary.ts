// The job summary ($GITHUB_STEP_SUMMARY); printed to the log when the runner gave no summary file.
import type { Output } from './types.js';

export const summaryOutput: Output = {
  name: 'job summary',
  target: 'job',
  enabled: () => true,
  write({ summary }, sink) {
    if (!sink.appendSummary?.(summary)) sink.note(summary);
  },
};
