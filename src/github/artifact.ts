// Uploads emissions.csv, carbon-gate.csv, samples.csv, steps.csv and carbon-gate.json as one artifact with the real
// @actions/artifact client, straight from their paths (samples.csv can be tens of MB: it is never read
// into memory here). Never throws: every failure becomes a warning text.
import path from 'node:path';
import type { JobContext } from './context.js';
import { TimeoutError, withTimeout } from './timeout.js';

/** Paths of the files to upload; each is stored in the artifact under its base name. */
export interface ArtifactFiles {
  emissionsCsv: string;
  /** carbon-gate's own columns (absent in reports written before it existed). */
  carbonGateCsv?: string;
  samplesCsv: string;
  /** steps.csv, when the run had one. */
  stepsCsv?: string;
  json: string;
}

/** The deepest directory holding every path (the artifact's root: entries are named relative to it). */
export function commonDir(paths: readonly string[]): string {
  const parts = paths.map((p) => path.resolve(path.dirname(p)).split(path.sep));
  const first = parts[0] ?? [];
  let n = 0;
  while (n < first.length && parts.every((p) => p[n] === first[n])) n++;
  return first.slice(0, n).join(path.sep) || path.sep;
}

export interface ArtifactSettings {
  artifact: boolean;
  artifactName: string | null;
  artifactRetentionDays: number | null;
}

export interface ArtifactOutcome {
  uploaded: boolean;
  name: string;
  id?: number;
  size?: number;
  /** Set when the upload failed or was skipped for a reason worth a warning. */
  warning?: string;
  note?: string;
}

/** Characters the artifact service refuses in names. */
const FORBIDDEN = /["':<>|*?\\/\r\n]/g;

/**
 * `artifact-name`, or `carbon-gate-<job>-<baseline-key>`; plus `-attempt<N>` on re-runs, because artifact
 * names are unique per workflow run across attempts (a re-run uploading the same name gets 409).
 */
export function artifactName(ctx: Pick<JobContext, 'job' | 'legKey' | 'runAttempt'>, settings: Pick<ArtifactSettings, 'artifactName'>): string {
  const base = settings.artifactName ?? `carbon-gate-${ctx.job}-${ctx.legKey}`.replace(FORBIDDEN, '_');
  return ctx.runAttempt > 1 ? `${base}-attempt${ctx.runAttempt}` : base;
}

type ArtifactModule = typeof import('@actions/artifact');

export async function uploadReportArtifact(
  files: ArtifactFiles,
  ctx: JobContext,
  settings: ArtifactSettings,
  opts: { timeoutMs: number; artifact?: ArtifactModule },
): Promise<ArtifactOutcome> {
  const name = artifactName(ctx, settings);
  if (!settings.artifact) return { uploaded: false, name, note: 'artifact upload is off (artifact: false)' };
  try {
    const paths = [files.emissionsCsv, files.carbonGateCsv, files.samplesCsv, files.stepsCsv, files.json].filter((p): p is string => p !== undefined).map((p) => path.resolve(p));
    const mod = opts.artifact ?? (await import('@actions/artifact'));
    const client = new mod.DefaultArtifactClient();
    const res = await withTimeout(
      client.uploadArtifact(
        name,
        paths,
        commonDir(paths),
        settings.artifactRetentionDays !== null ? { retentionDays: settings.artifactRetentionDays } : {},
      ),
      opts.timeoutMs,
      'artifact upload',
    );
    return { uploaded: true, name, ...(res.id !== undefined ? { id: res.id } : {}), ...(res.size !== undefined ? { size: res.size } : {}) };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/\(409\)|Conflict|already exists/i.test(msg)) {
      return { uploaded: false, name, warning: `Artifact "${name}" was not uploaded: an artifact with this name already exists in this workflow run (HTTP 409). Give each job its own \`artifact-name\` (matrix jobs get one by default through baseline-key).` };
    }
    if (e instanceof TimeoutError) return { uploaded: false, name, warning: `Artifact "${name}" was not uploaded: ${msg}.` };
    if (/ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL/.test(msg)) return { uploaded: false, name, warning: `Artifact "${name}" was not uploaded: the artifact service is not available to this step (${msg}).` };
    return { uploaded: false, name, warning: `Artifact "${name}" was not uploaded: ${msg}` };
  }
}
