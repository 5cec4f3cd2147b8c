// run.json: what post (or `carbon-gate report`) needs to turn a run directory into a report.
import { mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HardwareFacts, RunResult } from '../core/types.js';
import type { Settings } from '../settings/settings.js';

export const RUN_INFO_FILE = 'run.json';

export interface RunInfo {
  v: 1;
  /** Settings without the token (never persisted). */
  settings: Omit<Settings, 'token' | 'electricityMapsToken'> & { token?: never; electricityMapsToken?: never };
  facts: HardwareFacts;
  job: RunResult['job'];
  rootPid: number | null;
  samplerPid: number;
  samplerScript: string;
  startedWallMs: number;
  startedMonoS: number;
}

/** The mkdtemp prefix of a run directory: `carbon-gate-` under the parent, RUNNER_TEMP or the OS temp dir. */
export function runDirPrefix(env: NodeJS.ProcessEnv, parent?: string, p: path.PlatformPath = path): string {
  return p.join(parent ?? env.RUNNER_TEMP ?? os.tmpdir(), 'carbon-gate-');
}

/** A fresh private directory for this run (mode 0700) under RUNNER_TEMP or the OS temp dir. */
export function makeRunDir(env: NodeJS.ProcessEnv, parent?: string): string {
  const dir = mkdtempSync(runDirPrefix(env, parent));
  chmodSync(dir, 0o700);
  return dir;
}

export function publicSettings(s: Settings): RunInfo['settings'] {
  const { token: _t, electricityMapsToken: _e, ...rest } = s;
  return rest;
}

export function writeRunInfo(dir: string, info: RunInfo): void {
  writeFileSync(path.join(dir, RUN_INFO_FILE), JSON.stringify(info, null, 2), { mode: 0o600 });
}

export function readRunInfo(dir: string): RunInfo {
  const info = JSON.parse(readFileSync(path.join(dir, RUN_INFO_FILE), 'utf8')) as RunInfo;
  if (info.v !== 1) throw new Error(`${dir}/${RUN_INFO_FILE} has an unknown format version ${String(info.v)}`);
  return info;
}
