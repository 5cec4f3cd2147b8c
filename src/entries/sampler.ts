import { isDirectRun } from '../adapters/direct-run.js';
import { runSampler } from '../sampler/loop.js';

/** The detached sampler; its only argument is the path of its config file. */
export function run(configPath: string = process.argv[2]): void {
  runSampler(configPath);
}

if (isDirectRun(import.meta.url)) run();
