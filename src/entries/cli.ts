import { isDirectRun } from '../adapters/direct-run.js';
import { runCli } from '../app/cli.js';

/** The `carbon-gate` command. Exported so that the CLI can be driven in-process; sets process.exitCode. */
export async function run(argv: string[] = process.argv.slice(2)): Promise<void> {
  process.exitCode = await runCli(argv);
}

if (isDirectRun(import.meta.url)) await run();
