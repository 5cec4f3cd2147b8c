// Starting a measurement: hardware facts, the run directory, the detached sampler and run.json.
import { WIN32_TREE_PERIOD_SECONDS } from '../core/constants.js';
import type { HardwareFacts, RunResult } from '../core/types.js';
import type { Settings } from '../settings/settings.js';
import { readHardwareFacts } from '../adapters/hardware.js';
import { startSampler } from '../adapters/sampler-process.js';
import { makeRunDir, publicSettings, writeRunInfo, type RunInfo } from './run-info.js';
import { selectModel } from '../core/model/select.js';
import { resolveIntensity } from '../core/model/intensity.js';
import { DATA_DIR_ENV, loadTables, resolveDataDir } from '../data/tables.js';
import { InputError } from '../settings/inputs.js';
import { modelSettingsOf, withInputErrors } from './model-inputs.js';

export interface Started {
  runDir: string;
  samplerPid: number;
  info: RunInfo;
}

/**
 * Checks the inputs that need the data tables (region, country, instance type, model) so that a typo
 * fails the first step with a clear message rather than surfacing only in post. Throws InputError.
 */
export function validateAgainstTables(settings: Settings, facts: HardwareFacts, env: NodeJS.ProcessEnv = process.env): void {
  const modelSettings = modelSettingsOf(settings);
  const ownData = env[DATA_DIR_ENV]?.trim();
  try {
    const tables = loadTables(resolveDataDir(env));
    withInputErrors(() => {
      const model = selectModel({ facts, settings: modelSettings, tables, cloud: null });
      resolveIntensity({ settings: modelSettings, model, facts, tables, live: null });
    });
  } catch (e) {
    // A data directory of the user's own (a provider added as rows) that does not load is their input's fault.
    if (ownData && !(e instanceof InputError)) throw new InputError(DATA_DIR_ENV, ownData, `a copy of data/ whose tables load (${(e as Error).message})`);
    throw e;
  }
}

export function startMeasurement(args: {
  env: NodeJS.ProcessEnv;
  settings: Settings;
  job: RunResult['job'];
  rootPid: number | null;
  samplerScript: string;
  facts?: HardwareFacts;
  runDir?: string;
  /** false for the CLI, which waits for its own child. */
  detached?: boolean;
  /** The sampler exits as soon as this process is gone (the CLI). */
  exitWithParent?: boolean;
  /** 2, 3… when other instances in this job share the report key (see instances.ts). */
  instance?: number;
  /** Depth of the processes that are steps: 1 (the runner's steps, children of the root) or 2 (the CLI command's children). */
  stepDepth?: number;
}): Started {
  const facts = args.facts ?? readHardwareFacts(args.env);
  const runDir = args.runDir ?? makeRunDir(args.env);
  const samplerPid = startSampler(
    args.samplerScript,
    {
      rootPid: args.rootPid,
      intervalSeconds: args.settings.sampleIntervalSeconds,
      outDir: runDir,
      gpu: args.settings.gpu,
      rapl: args.settings.rapl,
      ...(args.stepDepth ? { stepDepth: args.stepDepth } : {}),
      ...(args.env.CARBON_GATE_PROC_ROOT ? { procRoot: args.env.CARBON_GATE_PROC_ROOT } : {}),
      ...(args.env.CARBON_GATE_SYSFS_ROOT ? { sysfsRoot: args.env.CARBON_GATE_SYSFS_ROOT } : {}),
      ...(args.exitWithParent ? { parentPid: process.pid } : {}),
      ...(process.platform === 'win32' ? { treeEveryTicks: Math.max(1, Math.round(WIN32_TREE_PERIOD_SECONDS / args.settings.sampleIntervalSeconds)) } : {}),
    },
    { detached: args.detached ?? true },
  );
  const info: RunInfo = {
    v: 1,
    settings: publicSettings(args.settings),
    facts,
    job: args.job,
    rootPid: args.rootPid,
    samplerPid,
    samplerScript: args.samplerScript,
    startedWallMs: Date.now(),
    startedMonoS: Number(process.hrtime.bigint()) / 1e9,
    ...(args.instance && args.instance > 1 ? { instance: args.instance } : {}),
  };
  writeRunInfo(runDir, info);
  return { runDir, samplerPid, info };
}
