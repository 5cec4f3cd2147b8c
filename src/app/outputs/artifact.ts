// Uploads emissions.csv, carbon-gate.csv, samples.csv, steps.csv and carbon-gate.json from their paths as one artifact.
import type { Output } from './types.js';

export const artifactOutput: Output = {
  name: 'artifact upload',
  target: 'network',
  enabled: (settings) => settings.artifact,
  offNote: 'artifact upload off (artifact: false)',
  async write({ files, settings }, sink) {
    const ctx = sink.github;
    if (!ctx) return;
    const { uploadReportArtifact } = await import('../../github/artifact.js');
    const { TIMEOUTS_MS } = await import('../../github/publish.js');
    const { networkTimeoutMs } = await import('../../github/timeout.js');
    const a = await uploadReportArtifact(
      { emissionsCsv: files.emissionsCsv, carbonGateCsv: files.carbonGateCsv, samplesCsv: files.samplesCsv, stepsCsv: files.stepsCsv, json: files.json },
      ctx,
      settings,
      { timeoutMs: networkTimeoutMs(TIMEOUTS_MS.artifact) },
    );
    if (a.uploaded) sink.note(`artifact "${a.name}" uploaded${a.id !== undefined ? ` (id ${a.id})` : ''}`);
    if (a.warning) sink.warn(a.warning);
    if (a.note) sink.note(a.note);
  },
};
