// Runs a list of outputs. Kept apart from the lists so that the CLI bundle, which runs only the
// run-directory outputs, never pulls in the network ones (and the toolkit clients behind them).
import type { Finished } from '../finish.js';
import type { Output, OutputSink, OutputTarget } from './types.js';

/**
 * Runs the enabled outputs of `targets`: run-dir, job and export outputs one after another in list order, then
 * the network outputs side by side (the slowest bounds post, not their sum). Never throws: a failing
 * output becomes a warning naming it.
 */
export async function runOutputs(outputs: readonly Output[], finished: Finished, sink: OutputSink, targets: readonly OutputTarget[]): Promise<void> {
  const chosen = outputs.filter((o) => targets.includes(o.target));
  const guard = async (o: Output): Promise<void> => {
    if (!o.enabled(finished.settings)) {
      if (o.offNote) sink.note(o.offNote);
      return;
    }
    try {
      await o.write(finished, sink);
    } catch (e) {
      sink.warn(`${o.name} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  for (const o of chosen.filter((x) => x.target !== 'network')) await guard(o);
  await Promise.all(chosen.filter((x) => x.target === 'network').map(guard));
}
