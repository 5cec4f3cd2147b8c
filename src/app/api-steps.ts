// This job's steps as the Jobs API lists them (names, numbers, times), for the per-step breakdown.
// Never throws: no answer (no `actions: read`, a timeout) is null and a warning naming the permission.
import type { ApiStep } from '../core/steps/name.js';
import type { JobContext } from '../github/context.js';
import type { Settings } from '../settings/settings.js';

export async function apiStepsOf(settings: Settings, ctx: JobContext, env: NodeJS.ProcessEnv, warn: (m: string) => void, note: (m: string) => void): Promise<ApiStep[] | null> {
  const { fetchJobSteps } = await import('../github/jobs.js');
  const { networkTimeoutMs } = await import('../github/timeout.js');
  const named = await fetchJobSteps({
    token: settings.token,
    apiUrl: ctx.apiUrl,
    owner: ctx.owner,
    repo: ctx.repo,
    runId: ctx.runId,
    runAttempt: ctx.runAttempt,
    runnerName: env.RUNNER_NAME,
    timeoutMs: networkTimeoutMs(10_000, env),
  });
  if (named.warning) warn(named.warning);
  if (named.note) note(`carbon-gate: ${named.note}`);
  return named.steps;
}
