import { isDirectRun } from '../adapters/direct-run.js';
import { startFromAction } from '../app/action-start.js';

/** The pre step. Exported for GitHub's local-action, which imports the entry and calls run(). */
export function run(): void {
  startFromAction('pre', import.meta.url);
}

if (isDirectRun(import.meta.url)) run();
