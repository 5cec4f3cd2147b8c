import { isDirectRun } from '../adapters/direct-run.js';
import { runMain } from '../app/action-start.js';

/** The main step. Exported for GitHub's local-action, which imports the entry and calls run(). */
export async function run(): Promise<void> {
  await runMain(import.meta.url);
}

if (isDirectRun(import.meta.url)) await run();
