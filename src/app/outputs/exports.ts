// The metric exports (Prometheus Pushgateway, OTLP) as one registry output. Post and the CLI run it
// after the verdict; the engines' own list and their lazy clients stay in export/outputs.ts, so a
// run without an export destination loads none of them. A failed push is a warning, never a failure.
import { exportsEnabled, runExports } from '../../export/outputs.js';
import type { Output } from './types.js';

export const exportsOutput: Output = {
  name: 'metric export',
  target: 'export',
  enabled: (settings) => exportsEnabled(settings),
  async write({ result, settings }, sink) {
    // The engines' messages already start with "carbon-gate:"; the sink adds its own prefix.
    const bare = (m: string): string => m.replace(/^carbon-gate: /, '');
    await runExports(result, settings, {
      info: (m) => sink.note(m),
      warning: (m) => sink.warn(bare(m)),
      setSecret: (v) => sink.setSecret?.(v),
    });
  },
};
