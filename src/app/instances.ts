// Two carbon-gate instances in one job (the action used twice). Each has its own run directory under
// RUNNER_TEMP; the second one finds the first there (same run id, sampler still alive). When both would
// report under the same key (same job-name and baseline-key), the second asks for distinct job-name
// values and reports as "instance 2" under a key of its own, so neither overwrites the other's comment,
// baseline or artifact.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { isOurSampler } from '../adapters/sampler-process.js';
import { readRunInfo } from './run-info.js';

export interface OtherInstance {
  runDir: string;
  samplerPid: number;
  jobName: string | null;
}

/** Live carbon-gate runs of this workflow run under `parent` (RUNNER_TEMP), with the same report key. */
export function liveInstances(parent: string, self: { runId: string | undefined; jobName: string | null; baselineKey: string | null }): OtherInstance[] {
  let names: string[];
  try {
    names = readdirSync(parent).filter((n) => n.startsWith('carbon-gate-'));
  } catch {
    return [];
  }
  const out: OtherInstance[] = [];
  for (const n of names) {
    const runDir = path.join(parent, n);
    try {
      const info = readRunInfo(runDir);
      if (info.job.runId !== self.runId) continue;
      if ((info.settings.jobName ?? null) !== self.jobName || (info.settings.baselineKey ?? null) !== self.baselineKey) continue;
      if (!isOurSampler(info.samplerPid, info.samplerScript, runDir)) continue;
      out.push({ runDir, samplerPid: info.samplerPid, jobName: info.settings.jobName ?? null });
    } catch {
      /* not a run directory, or one being written: not an instance to count */
    }
  }
  return out;
}

/** The key parts of instance n > 1: its own baseline key (and so its own comment marker and artifact). */
export function instanceKeys(ctx: { workflow: string; job: string; legKey: string; jobLabel: string }, instance: number): { legKey: string; jobKey: string; jobLabel: string } {
  if (instance <= 1) return { legKey: ctx.legKey, jobKey: `${ctx.workflow}/${ctx.job}/${ctx.legKey}`, jobLabel: ctx.jobLabel };
  const legKey = `${ctx.legKey}-i${instance}`;
  return { legKey, jobKey: `${ctx.workflow}/${ctx.job}/${legKey}`, jobLabel: `${ctx.jobLabel} (instance ${instance})` };
}
