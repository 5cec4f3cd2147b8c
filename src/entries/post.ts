import { isDirectRun } from '../adapters/direct-run.js';
import { runPost } from '../app/post.js';

/** The post step. Exported for GitHub's local-action, which imports the entry and calls run(). */
export async function run(): Promise<void> {
  await runPost();
}

if (isDirectRun(import.meta.url)) {
  await run();
  // A timed-out toolkit call cannot be cancelled and may keep the event loop alive: end explicitly.
  process.exit(process.exitCode ?? 0);
}
