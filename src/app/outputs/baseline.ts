// Saves this run into the baseline window (cache), when allowed: never from a pull-request ref, and
// not when the previous window could not be read (saving would restart it).
import type { Output } from './types.js';

export const baselineOutput: Output = {
  name: 'baseline save',
  target: 'network',
  enabled: (settings) => settings.baseline,
  async write({ result, settings }, sink) {
    const ctx = sink.github;
    if (!ctx) return;
    const { recordOf, saveBaselineWindow, saveDecision } = await import('../../github/baseline.js');
    const { TIMEOUTS_MS } = await import('../../github/publish.js');
    const { networkTimeoutMs } = await import('../../github/timeout.js');
    const decision = saveDecision(ctx, settings);
    if (!decision.save) {
      sink.note(`baseline not saved: ${decision.reason}`);
      return;
    }
    if (result.verdict.status === 'not-measured') {
      // A run without data would pull the window's median towards zero.
      sink.warn(`baseline not saved: this run was not measured (${result.quality.notMeasured ?? 'no valid samples'}).`);
      return;
    }
    if (result.baseline.status === 'unavailable') {
      sink.warn(`baseline not saved: the previous window could not be read (${result.baseline.note ?? 'cache unavailable'}), and saving would restart it.`);
      return;
    }
    const s = await saveBaselineWindow(ctx, settings, recordOf(result, ctx), result.baseline.records, { timeoutMs: networkTimeoutMs(TIMEOUTS_MS.save) });
    if (s.saved) sink.note(`baseline saved under ${s.key} (${s.records} run${s.records === 1 ? '' : 's'} in the window; ${s.reason})`);
    else if (s.failed) sink.warn(`baseline not saved: ${s.reason}`);
    else sink.note(`baseline not saved: ${s.reason}`);
  },
};
