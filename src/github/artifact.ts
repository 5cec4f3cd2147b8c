// Uploads emissions.csv, carbon-gate.csv, samples.csv and carbon-gate.json as one artifact with the real
// @actions/artifact client. Never throws: every failure becomes a warning text.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { JobContext } from './context.js';
import { TimeoutError, withTimeout } from './timeout.js';

export interface ArtifactFiles {
  emissionsCsv: string;
  /** carbon-gate's own columns (absent in reports written before it existed). */
  carbonGateCsv?: string;
  samplesCsv: string;
  json: string;
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
export function artifactName(ctx: Pick<JobContext, 'job' | 'baselineKey' | 'runAttempt'>, settings: Pick<ArtifactSettings, 'artifactName'>): string {
  const base = settings.artifactName ?? `carbon-gate-${ctx.job}-${ctx.baselineKey}`.replace(FORBIDDEN, '_');
  return ctx.runAttempt > 1 ? `${base}-attempt${ctx.runAttempt}` : base;
}

type ArtifactModule = typeof import('@actions/artifact');

export async function uploadReportArtifact(
  files: ArtifactFiles,
  ctx: JobContext,
  settings: ArtifactSettings,
  opts: { timeoutMs: number; artifact?: ArtifactModule; tempDir?: string },
): Promise<ArtifactOutcome> {
  const name = artifactName(ctx, settings);
  if (!settings.artifact) return { uploaded: false, name, note: 'artifact upload is off (artifact: false)' };
  const dir = mkdtempSync(path.join(opts.tempDir ?? process.env.RUNNER_TEMP ?? tmpdir(), 'carbon-gate-artifact-'));
  try {
    const paths: Array<readonly [string, string]> = [
      [path.join(dir, 'emissions.csv'), files.emissionsCsv],
      ...(files.carbonGateCsv !== undefined ? [[path.join(dir, 'carbon-gate.csv'), files.carbonGateCsv] as const] : []),
      [path.join(dir, 'samples.csv'), files.samplesCsv],
      [path.join(dir, 'carbon-gate.json'), files.json],
    ];
    for (const [p, text] of paths) writeFileSync(p, text);
    const mod = opts.artifact ?? (await import('@actions/artifact'));
    const client = new mod.DefaultArtifactClient();
    const res = await withTimeout(
      client.uploadArtifact(
        name,
        paths.map(([p]) => p),
        dir,
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
