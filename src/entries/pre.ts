import { isDirectRun } from '../adapters/direct-run.js';
import { startFromAction } from '../app/action-start.js';

/** The pre step. Exported for GitHub's local-action, which imports the entry and calls run(). */
export async function run(): Promise<void> {
  await startFromAction('pre', import.meta.url);
}

if (isDirectRun(import.meta.url)) await run();
