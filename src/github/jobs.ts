// This job's steps from the Jobs API (names, numbers, start and end, to the second), with the real
// Octokit: GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt}/jobs, all pages. This job
// is the one in progress on this runner (runner_name = RUNNER_NAME) while post runs. The token needs
// `actions: read`. Never throws: without an answer the steps keep the names the sampler saw.
import type { ApiStep } from '../core/steps/name.js';
import { withTimeout } from './timeout.js';

export interface JobStepsRequest {
  token: string;
  apiUrl: string;
  owner: string;
  repo: string;
  runId: string;
  runAttempt: number;
  runnerName: string | undefined;
  timeoutMs: number;
}

export interface JobStepsOutcome {
  steps: ApiStep[] | null;
  warning?: string;
  note?: string;
}

interface RawStep {
  number: number;
  name: string;
  status: string;
  conclusion: string | null;
  started_at?: string | null;
  completed_at?: string | null;
}

interface RawJob {
  status: string;
  runner_name?: string | null;
  steps?: RawStep[];
}

const ms = (t: string | null | undefined): number | null => {
  const v = t ? Date.parse(t) : NaN;
  return Number.isFinite(v) ? v : null;
};

/** The job running on this runner among a run's jobs, or null. */
export function pickJob(jobs: RawJob[], runnerName: string | undefined): RawJob | null {
  const running = jobs.filter((j) => j.status === 'in_progress');
  return running.find((j) => runnerName && j.runner_name === runnerName) ?? (running.length === 1 && !runnerName ? running[0] : null);
}

export async function fetchJobSteps(req: JobStepsRequest): Promise<JobStepsOutcome> {
  if (!req.token) return { steps: null, note: 'no token: steps are named from what the runner showed' };
  try {
    const jobs = await withTimeout(
      (async () => {
        const { getOctokit } = await import('@actions/github');
        const octokit = getOctokit(req.token, { baseUrl: req.apiUrl });
        return (await octokit.paginate('GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs', {
          owner: req.owner,
          repo: req.repo,
          run_id: Number(req.runId),
          attempt_number: req.runAttempt,
          per_page: 100,
        })) as unknown as RawJob[];
      })(),
      req.timeoutMs,
      'Jobs API',
    );
    const job = pickJob(jobs, req.runnerName);
    if (!job?.steps) return { steps: null, note: `the Jobs API lists no in-progress job on runner "${req.runnerName ?? '?'}": steps are named from what the runner showed` };
    const steps = job.steps.map((s) => ({ number: s.number, name: s.name, status: s.status, conclusion: s.conclusion, startedMs: ms(s.started_at), completedMs: ms(s.completed_at) }));
    return { steps };
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status === 403 || status === 404) {
      return {
        steps: null,
        warning:
          `Step names: the token cannot read this run's jobs (HTTP ${status}), so steps are named from what the runner showed. ` +
          'Grant `actions: read` (workflow `permissions: actions: read`) for the workflow’s step names and times.',
      };
    }
    return { steps: null, warning: `Step names: the Jobs API did not answer (${(e as Error).message}); steps are named from what the runner showed.` };
  }
}
