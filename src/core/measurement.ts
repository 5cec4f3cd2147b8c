// Was the job measured at all? Pure. A run without enough valid data gets the verdict "Not measured",
// never "Passed": a gate that is green on no data is worse than no gate.
//
// Not measured when any of:
//   - the sampler never started (no run directory, or it never wrote a line);
//   - samples.jsonl is missing (deleted or lost);
//   - fewer than 2 valid samples remain (no interval to integrate);
//   - the readable samples span less than half of the sampler's ticks (its completion marker counts
//     them): the file was emptied or truncated, so most of the job is unknown. Lines that could not be
//     written (disk full) inside the span do not count against it: the counters are cumulative, so the
//     interval across them is still measured, at a coarser resolution.
import { duration } from './format.js';
import type { IntegrityReport } from './integrity-types.js';
import type { Verdict } from './types.js';

export interface MeasurementFacts {
  samplerStarted: boolean;
  samplesFilePresent: boolean;
  /** Samples accepted by the integrity guard. */
  validSamples: number;
  /** The sampler's tick count from its completion marker, when known. */
  ticks: number | null;
  /** Ticks from the first to the last accepted sample, inclusive (from their seq numbers), when known. */
  coveredTicks: number | null;
}

export const MIN_VALID_SAMPLES = 2;

/** null when the run was measured; otherwise why not, in a few words. */
export function notMeasuredReason(f: MeasurementFacts): string | null {
  if (!f.samplerStarted) return 'the sampler never started';
  if (!f.samplesFilePresent) return 'the samples file (samples.jsonl) is missing: it was deleted or lost';
  // Coverage first: a file emptied late in the job may still hold a line or two written after it, and
  // "emptied" says more than "too few samples". Without seq numbers (old files) coverage is unknown,
  // unless nothing valid is left at all.
  const covered = f.coveredTicks ?? (f.validSamples === 0 ? 0 : null);
  if (f.ticks !== null && covered !== null && f.ticks >= 4 && covered * 2 < f.ticks) {
    return `the readable samples cover ${covered} of the sampler's ${f.ticks} ticks: the samples file was emptied or truncated`;
  }
  if (f.validSamples < MIN_VALID_SAMPLES) return `only ${f.validSamples} valid sample${f.validSamples === 1 ? '' : 's'} (at least ${MIN_VALID_SAMPLES} are needed)`;
  return null;
}

/** The verdict of a run that was not measured: a warning, or a failure with require-measurement. */
export function notMeasuredVerdict(why: string, requireMeasurement: boolean): Verdict {
  return {
    status: 'not-measured',
    failBuild: requireMeasurement,
    headline: `⚠️ Not measured: ${why}`,
    reasons: [
      requireMeasurement
        ? 'require-measurement is true, so a job that could not be measured fails.'
        : 'Nothing was judged, so this is not a pass. The build is not failed for it; set require-measurement: true to fail it.',
    ],
  };
}

const where = (xs: number[]): string => {
  const shown = xs.slice(0, 5).map(duration);
  return shown.join(', ') + (xs.length > 5 ? ', …' : '');
};

/** Human warnings for an integrity report (empty when nothing was wrong). */
export function integrityWarnings(r: IntegrityReport, writeFailures: { count: number; error: string } | null): string[] {
  const out: string[] = [];
  if (writeFailures && writeFailures.count > 0) {
    out.push(`The sampler could not write ${writeFailures.count} sample line(s) (${writeFailures.error}); those intervals are a gap, measured across from the samples on either side.`);
  }
  const lost = r.missingSamples - (writeFailures?.count ?? 0);
  if (lost > 0) {
    const ranges = r.missing.slice(0, 5).map((m) => (m.fromSeq === m.toSeq ? `#${m.fromSeq}` : `#${m.fromSeq}–#${m.toSeq}`) + ` at ${duration(m.atS)}`);
    out.push(`${lost} sample line(s) the sampler took are missing from samples.jsonl (lost, truncated or emptied): ${ranges.join(', ')}${r.missing.length > 5 ? ', …' : ''}.`);
  }
  if (r.rejectedSamples > 0) {
    const byReason = new Map<string, number[]>();
    for (const x of r.rejected) byReason.set(x.reason, [...(byReason.get(x.reason) ?? []), x.atS]);
    const parts = [...byReason].map(([reason, at]) => `${at.length} (${reason}) at ${where(at)}`);
    out.push(`${r.rejectedSamples} sample(s) were rejected as inconsistent with their neighbours and not used: ${parts.join('; ')}.`);
  }
  if (r.skippedIntervals > 0) {
    const parts = r.skipped.slice(0, 5).map((x) => `${duration(x.fromS)} to ${duration(x.toS)} (${x.reason})`);
    out.push(`${r.skippedIntervals} interval(s) break physics and were skipped, not integrated: ${parts.join(', ')}${r.skipped.length > 5 ? ', …' : ''}.`);
  }
  return out;
}
