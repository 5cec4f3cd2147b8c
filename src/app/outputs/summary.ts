// The job summary ($GITHUB_STEP_SUMMARY); printed to the log when the runner gave no summary file, or
// when it cannot be written (disk full, a directory in its place): a warning, never a failed post.
import type { Output } from './types.js';

export const summaryOutput: Output = {
  name: 'job summary',
  target: 'job',
  enabled: () => true,
  write({ summary }, sink) {
    try {
      if (!sink.appendSummary?.(summary)) sink.note(summary);
    } catch (e) {
      sink.warn(`the job summary could not be written (${(e as Error).message}); the report follows in the log.`);
      sink.note(summary);
    }
  },
};
