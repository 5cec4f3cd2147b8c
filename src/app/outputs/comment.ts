// The sticky PR comment: created or updated per the comment input (see commentPlan).
import type { Output } from './types.js';

export const commentOutput: Output = {
  name: 'PR comment',
  target: 'network',
  enabled: (settings) => settings.comment !== 'never',
  offNote: 'PR comment off (comment: never)',
  async write({ result, settings }, sink) {
    const ctx = sink.github;
    if (!ctx) return;
    const { commentPlan, TIMEOUTS_MS } = await import('../../github/publish.js');
    const plan = commentPlan(result, settings, ctx);
    if (!plan.write) {
      sink.note(plan.why);
      return;
    }
    const { renderCommentBody } = await import('../../core/report/comment-body.js');
    const { upsertStickyComment } = await import('../../github/comment.js');
    const { networkTimeoutMs } = await import('../../github/timeout.js');
    const c = await upsertStickyComment({
      token: settings.token,
      apiUrl: ctx.apiUrl,
      owner: ctx.owner,
      repo: ctx.repo,
      prNumber: ctx.prNumber!,
      markerKey: ctx.jobKey,
      body: renderCommentBody({ result, settings, links: { serverUrl: ctx.serverUrl, repository: ctx.repository }, markerKey: ctx.jobKey }),
      mode: plan.mode,
      isFork: ctx.isFork,
      forkRecipeUrl: ctx.forkRecipeUrl,
      timeoutMs: networkTimeoutMs(TIMEOUTS_MS.comment),
    });
    if (c.warning) sink.warn(c.warning);
    else if (c.action === 'skipped') sink.note(c.note ?? 'PR comment skipped');
    else sink.note(`PR comment ${c.action}${c.url ? `: ${c.url}` : ''}`);
  },
};
