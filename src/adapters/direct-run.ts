// Is this module the program node was started with? Each entry (dist/<entry>/index.js) runs itself
// when the runner starts it (`node dist/pre/index.js`) or when the npm bin link to it is run, and only
// exports run() when another program imports it: GitHub's @github/local-action imports an entry and
// calls its run() (its src/commands/run.ts), which must not start the stage a second time.
// Light on purpose: the sampler entry uses it.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function realOrResolved(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/**
 * True when `moduleUrl` is the file node was asked to run (`argv1`, i.e. process.argv[1]). Both sides go
 * through realpath: npm's bin entry is a symlink (node_modules/.bin/carbon-gate → …/dist/cli/index.js),
 * and temp directories may sit behind a symlink (macOS /var → /private/var). `node dist/cli/index`
 * (no extension, resolved by node itself) is recognised too.
 */
export function isDirectRun(moduleUrl: string, argv1: string | undefined = process.argv[1]): boolean {
  if (!argv1 || !moduleUrl.startsWith('file:')) return false;
  const self = realOrResolved(fileURLToPath(moduleUrl));
  if (!self) return false;
  const asked = path.resolve(argv1);
  return [asked, `${asked}.js`, path.join(asked, 'index.js')].some((candidate) => realOrResolved(candidate) === self);
}
