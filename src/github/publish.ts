// GitHub side effects of post that are not outputs: restoring the baseline window before the verdict,
// and the comment plan and network deadlines the outputs (app/outputs/: baseline save, artifact,
// comment) use after it. None throws, every network call is bounded by our own deadline, and problems
// come back as warnings. The toolkit clients are loaded with dynamic import() inside the adapters, so
// pre and the sampler never load them.
//
// Note for the caller: a call that timed out is not cancelled (the clients take no abort signal), so a
// hanging connection or a client's retry timer can keep the process alive; post should end with an
// explicit process.exit().
import type { RunResult } from '../core/types.js';
import type { Settings } from '../settings/settings.js';
import { restoreBaselineWindow } from './baseline.js';
import type { JobContext } from './context.js';
import { networkTimeoutMs } from './timeout.js';

export const TIMEOUTS_MS = { restore: 20_000, save: 30_000, artifact: 45_000, comment: 30_000 } as const;

export async function restoreBaseline(settings: Settings, ctx: JobContext): Promise<RunResult['baseline']> {
  const r = await restoreBaselineWindow(ctx, settings, { timeoutMs: networkTimeoutMs(TIMEOUTS_MS.restore) });
  const out: RunResult['baseline'] = { records: r.records, status: r.status };
  if (r.note) out.note = r.note;
  return out;
}

/** Whether a comment is due, and in which mode (pure). */
export function commentPlan(result: RunResult, settings: Pick<Settings, 'comment' | 'token'>, ctx: Pick<JobContext, 'isPullRequestEvent' | 'prNumber'>): { write: false; why: string } | { write: true; mode: 'create-or-update' | 'update-only' } {
  if (settings.comment === 'never') return { write: false, why: 'PR comment off (comment: never)' };
  if (!ctx.isPullRequestEvent || ctx.prNumber === null) return { write: false, why: 'not a pull request: no PR comment' };
  if (!settings.token) return { write: false, why: 'no token: PR comment skipped' };
  if (settings.comment === 'on-regression') {
    const problem = result.verdict.status !== 'pass';
    return { write: true, mode: problem ? 'create-or-update' : 'update-only' };
  }
  return { write: true, mode: 'create-or-update' };
}
