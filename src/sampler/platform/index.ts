// Machine and tree readers for platforms without /proc. Linux is served by src/sampler/linux/.

import type { PlatformReader } from '../types.js';
import { createDarwinReader } from './darwin.js';
import { createWin32Reader } from './win32.js';

export interface PlatformReaderOptions {
  /** Pids never counted in the tree, with their descendants (the sampler). */
  excludePids?: number[];
  env?: NodeJS.ProcessEnv;
  /** Windows: seconds between two Win32_Process reads. Default WIN32_TREE_PERIOD_SECONDS. */
  win32TreePeriodSeconds?: number;
}

/**
 * The reader for `platform`, or undefined on Linux (use the /proc readers there).
 * macOS and the BSDs use `ps`, whose `-A -o pid=,ppid=,time=,rss=` they all accept; Windows uses
 * Win32_Process through one long-running PowerShell.
 */
export function createPlatformReader(platform: NodeJS.Platform, opts: PlatformReaderOptions = {}): PlatformReader | undefined {
  if (platform === 'linux') return undefined;
  if (platform === 'win32') return createWin32Reader({ excludePids: opts.excludePids, env: opts.env, treePeriodSeconds: opts.win32TreePeriodSeconds });
  return createDarwinReader({ excludePids: opts.excludePids, env: opts.env });
}
