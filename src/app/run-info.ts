// run.json: what post (or `carbon-gate report`) needs to turn a run directory into a report.
import { mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HardwareFacts, RunResult } from '../core/types.js';
import type { EXPORT_SETTING_KEYS, Settings } from '../settings/settings.js';

export const RUN_INFO_FILE = 'run.json';

export interface RunInfo {
  v: 1;
  /** Settings without the tokens and the export destinations and headers (never persisted). */
  settings: Omit<Settings, PrivateSetting> & { [K in PrivateSetting]?: never };
  facts: HardwareFacts;
  job: RunResult['job'];
  rootPid: number | null;
  samplerPid: number;
  samplerScript: string;
  startedWallMs: number;
  startedMonoS: number;
  /** Set (2, 3…) when other carbon-gate instances in this job share its report key. */
  instance?: number;
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

type PrivateSetting = 'token' | 'electricityMapsToken' | (typeof EXPORT_SETTING_KEYS)[number];

export function publicSettings(s: Settings): RunInfo['settings'] {
  const { token: _t, electricityMapsToken: _e, pushgatewayUrl: _pu, pushgatewayHeaders: _ph, otlpEndpoint: _oe, otlpHeaders: _oh, ...rest } = s;
  return rest;
}

/** The settings saved in run.json, completed with empty secrets and no export destination. */
export function savedSettings(info: RunInfo): Settings {
  // run.json files written before the export inputs or require-measurement existed lack them.
  const saved: Partial<RunInfo['settings']> = info.settings;
  return { ...info.settings, requireMeasurement: saved.requireMeasurement ?? false, exportLabels: saved.exportLabels ?? {}, exportRunId: saved.exportRunId ?? false, token: '', electricityMapsToken: null, pushgatewayUrl: null, pushgatewayHeaders: {}, otlpEndpoint: null, otlpHeaders: {} };
}

export function writeRunInfo(dir: string, info: RunInfo): void {
  writeFileSync(path.join(dir, RUN_INFO_FILE), JSON.stringify(info, null, 2), { mode: 0o600 });
}

/** Reads run.json; a truncated, corrupt or incomplete file throws an Error that says which. */
export function readRunInfo(dir: string): RunInfo {
  const file = path.join(dir, RUN_INFO_FILE);
  const text = readFileSync(file, 'utf8');
  let info: RunInfo;
  try {
    info = JSON.parse(text) as RunInfo;
  } catch (e) {
    throw new Error(`${file} is truncated or corrupt (${(e as Error).message})`, { cause: e });
  }
  if (!info || typeof info !== 'object') throw new Error(`${file} does not hold a run description`);
  if (info.v !== 1) throw new Error(`${file} has an unknown format version ${String(info.v)}`);
  const missing = (['settings', 'facts', 'job'] as const).filter((k) => !info[k] || typeof info[k] !== 'object');
  if (missing.length) throw new Error(`${file} is incomplete: no ${missing.join(', ')}`);
  return info;
}
