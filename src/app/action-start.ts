// pre (and main, when GitHub skipped pre for a local `uses: ./` action): validate inputs, start sampling.
import { bytes, num } from '../core/format.js';
import { createRunner, type Runner } from '../adapters/runner.js';
import { samplerScript, waitForFirstSample } from '../adapters/sampler-process.js';
import { readHardwareFacts } from '../adapters/hardware.js';
import { InputError, envLookup, parseSettings } from '../settings/inputs.js';
import os from 'node:os';
import { jobFromEnv } from './job.js';
import { liveInstances } from './instances.js';
import { startMeasurement, validateAgainstTables } from './start.js';

export const STATE_RUN_DIR = 'run-dir';
export const STATE_SAMPLER_PID = 'sampler-pid';

/** The measured tree's root: the runner's worker (this step's parent), unless overridden. */
export function rootPidFrom(env: NodeJS.ProcessEnv): number {
  const o = env.CARBON_GATE_ROOT_PID;
  if (o !== undefined && o !== '') {
    const n = Number(o);
    if (!Number.isInteger(n) || n <= 1) throw new InputError('CARBON_GATE_ROOT_PID', o, 'a process id greater than 1');
    return n;
  }
  return process.ppid;
}

export async function startFromAction(stage: 'pre' | 'main', entryUrl: string, env: NodeJS.ProcessEnv = process.env, runner: Runner = createRunner(env)): Promise<void> {
  const t0 = performance.now();
  let settings;
  let facts;
  try {
    settings = parseSettings(envLookup(env));
    facts = readHardwareFacts(env);
    validateAgainstTables(settings, facts, env);
  } catch (e) {
    if (e instanceof InputError) {
      runner.fail(`carbon-gate: ${e.message}`);
      return;
    }
    runner.warning(`carbon-gate could not check its inputs against the data tables (${(e as Error).message}); measuring anyway.`);
    settings = settings ?? null;
  }
  if (!settings || !facts) return;
  try {
    // Another instance in this job under the same key would overwrite this one's comment and baseline.
    const others = liveInstances(env.RUNNER_TEMP ?? os.tmpdir(), { runId: env.GITHUB_RUN_ID, jobName: settings.jobName, baselineKey: settings.baselineKey });
    const instance = others.length + 1;
    if (others.length) {
      runner.warning(
        `carbon-gate: ${others.length === 1 ? 'another carbon-gate instance is' : `${others.length} other carbon-gate instances are`} measuring this job under the same job-name ` +
          `(sampler pid ${others.map((o) => o.samplerPid).join(', ')}). Give each use of the action a distinct \`job-name\` input; ` +
          `until then this one reports as instance ${instance}, with its own comment, baseline and artifact.`,
      );
    }
    const started = startMeasurement({
      env,
      settings,
      job: jobFromEnv(env, settings.jobName),
      rootPid: rootPidFrom(env),
      samplerScript: samplerScript(entryUrl),
      facts,
      instance,
    });
    runner.saveState(STATE_RUN_DIR, started.runDir);
    runner.saveState(STATE_SAMPLER_PID, String(started.samplerPid));
    runner.info(
      `carbon-gate: sampling every ${settings.sampleIntervalSeconds} s (scope ${settings.scope}) — ${facts.cpuModel}, ${facts.logicalCpus} logical CPUs, ` +
        `${bytes(facts.memoryBytes)}, ${facts.os}/${facts.arch}, ${facts.runnerEnvironment}. ` +
        `Sampler pid ${started.samplerPid}, root pid ${started.info.rootPid}, data in ${started.runDir} (${stage}, ${num(performance.now() - t0)} ms).`,
    );
    // A sampler that cannot start or cannot write is reported now, not discovered in post.
    const first = await waitForFirstSample(started.samplerPid, started.runDir);
    if (first !== 'written') {
      runner.warning(
        `carbon-gate: the sampler ${first === 'exited' ? 'exited' : 'has not written'} its first sample ${first === 'exited' ? 'without writing a sample' : 'after 5 s'} ` +
          `(see ${started.runDir}/sampler.log). Unless it recovers, this job will be reported as Not measured.`,
      );
    }
  } catch (e) {
    runner.warning(`carbon-gate could not start its sampler (${(e as Error).message}); this job will not be measured. The build is not failed for this.`);
  }
}

export async function runMain(entryUrl: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const runner = createRunner(env);
  const dir = runner.getState(STATE_RUN_DIR);
  if (dir) {
    runner.info(`carbon-gate: sampling is running (sampler pid ${runner.getState(STATE_SAMPLER_PID)}, data in ${dir}). The report is written by the post step.`);
    return;
  }
  runner.info('carbon-gate: no pre step ran (local `uses: ./` actions skip pre): starting the sampler now.');
  await startFromAction('main', entryUrl, env, runner);
}
