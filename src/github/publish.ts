// The one entry post uses for GitHub side effects:
//   restoreBaseline(settings, ctx)                 before the verdict
//   publish(result, files, settings, ctx, body?)   after it: save the baseline (when allowed), upload the
//                                                  artifact, write the sticky comment
// Each side effect can be switched off (baseline: false, artifact: false, comment: never). None throws,
// every network call is bounded by our own deadline, and problems come back as warnings (not logged here:
// the caller logs them once). The toolkit clients are loaded with dynamic import() inside the adapters,
// so pre and the sampler never load them.
//
// Note for the caller: a call that timed out is not cancelled (the clients take no abort signal), so a
// hanging connection or a client's retry timer can keep the process alive; post should end with an
// explicit process.exit().
import { readFileSync } from 'node:fs';
import type { RunResult } from '../core/types.js';
import { renderCommentBody } from '../core/report/comment-body.js';
import type { Settings } from '../settings/settings.js';
import { uploadReportArtifact } from './artifact.js';
import { recordOf, restoreBaselineWindow, saveBaselineWindow, saveDecision } from './baseline.js';
import { upsertStickyComment } from './comment.js';
import type { JobContext } from './context.js';
import { networkTimeoutMs } from './timeout.js';

/** Paths of the output files (as written by finishRun). */
export interface PublishFiles {
  emissionsCsv: string;
  carbonGateCsv?: string;
  samplesCsv: string;
  json: string;
}

export interface PublishOutcome {
  warnings: string[];
  notes: string[];
}

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

async function saveStep(result: RunResult, settings: Settings, ctx: JobContext, out: PublishOutcome): Promise<void> {
  if (!settings.baseline) return;
  const decision = saveDecision(ctx, settings);
  if (!decision.save) {
    out.notes.push(`baseline not saved: ${decision.reason}`);
    return;
  }
  if (result.baseline.status === 'unavailable') {
    // Saving now would start a new window of one run and hide the history.
    out.warnings.push(`baseline not saved: the previous window could not be read (${result.baseline.note ?? 'cache unavailable'}), and saving would restart it.`);
    return;
  }
  const s = await saveBaselineWindow(ctx, settings, recordOf(result, ctx), result.baseline.records, { timeoutMs: networkTimeoutMs(TIMEOUTS_MS.save) });
  if (s.saved) out.notes.push(`baseline saved under ${s.key} (${s.records} run${s.records === 1 ? '' : 's'} in the window; ${s.reason})`);
  else if (s.failed) out.warnings.push(`baseline not saved: ${s.reason}`);
  else out.notes.push(`baseline not saved: ${s.reason}`);
}

async function artifactStep(files: PublishFiles, settings: Settings, ctx: JobContext, out: PublishOutcome): Promise<void> {
  if (!settings.artifact) {
    out.notes.push('artifact upload off (artifact: false)');
    return;
  }
  let contents;
  try {
    contents = {
      emissionsCsv: readFileSync(files.emissionsCsv, 'utf8'),
      ...(files.carbonGateCsv ? { carbonGateCsv: readFileSync(files.carbonGateCsv, 'utf8') } : {}),
      samplesCsv: readFileSync(files.samplesCsv, 'utf8'),
      json: readFileSync(files.json, 'utf8'),
    };
  } catch (e) {
    out.warnings.push(`artifact not uploaded: ${(e as Error).message}`);
    return;
  }
  const a = await uploadReportArtifact(contents, ctx, settings, { timeoutMs: networkTimeoutMs(TIMEOUTS_MS.artifact) });
  if (a.uploaded) out.notes.push(`artifact "${a.name}" uploaded${a.id !== undefined ? ` (id ${a.id})` : ''}`);
  if (a.warning) out.warnings.push(a.warning);
  if (a.note) out.notes.push(a.note);
}

async function commentStep(result: RunResult, settings: Settings, ctx: JobContext, body: string | undefined, out: PublishOutcome): Promise<void> {
  const plan = commentPlan(result, settings, ctx);
  if (!plan.write) {
    out.notes.push(plan.why);
    return;
  }
  const text =
    body ??
    renderCommentBody({
      result,
      settings,
      links: { serverUrl: ctx.serverUrl, repository: ctx.repository },
      markerKey: ctx.jobKey,
    });
  const c = await upsertStickyComment({
    token: settings.token,
    apiUrl: ctx.apiUrl,
    owner: ctx.owner,
    repo: ctx.repo,
    prNumber: ctx.prNumber!,
    markerKey: ctx.jobKey,
    body: text,
    mode: plan.mode,
    isFork: ctx.isFork,
    forkRecipeUrl: ctx.forkRecipeUrl,
    timeoutMs: networkTimeoutMs(TIMEOUTS_MS.comment),
  });
  if (c.warning) out.warnings.push(c.warning);
  else if (c.action === 'skipped') out.notes.push(c.note ?? 'PR comment skipped');
  else out.notes.push(`PR comment ${c.action}${c.url ? `: ${c.url}` : ''}`);
}

export async function publish(result: RunResult, files: PublishFiles, settings: Settings, ctx: JobContext, commentBody?: string): Promise<PublishOutcome> {
  const out: PublishOutcome = { warnings: [], notes: [] };
  const guard = async (what: string, p: Promise<void>): Promise<void> => {
    try {
      await p;
    } catch (e) {
      out.warnings.push(`${what} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  // Independent side effects run side by side, so the slowest bounds post, not their sum.
  await Promise.all([
    guard('baseline save', saveStep(result, settings, ctx, out)),
    guard('artifact upload', artifactStep(files, settings, ctx, out)),
    guard('PR comment', commentStep(result, settings, ctx, commentBody, out)),
  ]);
  return out;
}
