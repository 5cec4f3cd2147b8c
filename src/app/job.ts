// A light job identity from the runner's env (pre and main must not load the GitHub client).
import type { RunResult } from '../core/types.js';

export function jobFromEnv(env: NodeJS.ProcessEnv, jobName: string | null): RunResult['job'] {
  const workflow = env.GITHUB_WORKFLOW;
  const job = env.GITHUB_JOB;
  const runId = env.GITHUB_RUN_ID;
  const repository = env.GITHUB_REPOSITORY;
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const label = jobName ?? job ?? 'local run';
  return {
    ...(workflow ? { workflow } : {}),
    ...(job ? { job } : {}),
    ...(runId ? { runId } : {}),
    ...(env.GITHUB_RUN_ATTEMPT ? { runAttempt: Number(env.GITHUB_RUN_ATTEMPT) } : {}),
    ...(env.GITHUB_SHA ? { sha: env.GITHUB_SHA } : {}),
    ...(env.GITHUB_REF ? { ref: env.GITHUB_REF } : {}),
    ...(repository ? { repository } : {}),
    ...(repository && runId ? { runUrl: `${server}/${repository}/actions/runs/${runId}` } : {}),
    key: `${workflow ?? 'local'}/${jobName ?? job ?? 'job'}/default`,
    label,
  };
}
