// Sample integrity: which samples and intervals may be integrated. Pure and streaming.
//
// Every interval between two consecutive samples is checked against physics before it is integrated:
//   clocks      |Δwall − Δmono| ≤ 1 s + 5 % of Δmono, and Δmono > 0 (a monotonic clock never goes back)
//   counters    machine busy/total CPU, tree CPU and RAPL energy never go down
//   CPU bound   Δbusy and Δtree ≤ cores × (1.25 Δt + 0.25 s); Δtotal ≤ the same bound and ≥ cores × (0.5 Δt − 1 s)
//               (/proc/stat's total, idle included, advances with real time on every CPU)
// The slack covers tick granularity (10 ms per CPU) and the sampler being preempted between its reads.
//
// When an interval a → b fails, either b is an outlier (one corrupt or reordered line) or the clocks
// really stepped. b is held as a suspect until the next sample n decides:
//   a → n passes  → b was an outlier: b is rejected, a → n is integrated (counters are cumulative, so
//                   nothing between a and n is lost);
//   b → n passes  → a persistent step: the interval a → b is skipped (reported, never integrated) and
//                   b becomes the reference;
//   neither       → b is rejected and n becomes the suspect.
// Sequence numbers (`seq`, written by the sampler) settle order (a line at or before the reference is a
// duplicate or out of place, and is rejected) and show which lines are missing, and where.
import type { IntegrityReport, IntervalFault, MissingRange, RejectedSample, SkippedInterval } from './integrity-types.js';
import type { Sample } from './types.js';

export type { IntegrityReport, IntervalFault } from './integrity-types.js';

const MAX_LISTED = 50;

/** Why the interval a → b breaks physics, or null when it is plausible. */
export function intervalFault(a: Sample, b: Sample): IntervalFault | null {
  const dt = b.monoS - a.monoS;
  if (!(dt > 0)) return 'clock went backwards';
  const dWall = (b.wallMs - a.wallMs) / 1000;
  if (Math.abs(dWall - dt) > 1 + 0.05 * dt) return 'clocks disagree';
  const dBusy = b.cpu.busySeconds - a.cpu.busySeconds;
  const dTotal = b.cpu.totalSeconds - a.cpu.totalSeconds;
  if (dBusy < 0 || dTotal < 0) return 'counter went down';
  const tree = a.tree && b.tree && !a.tree.rootGone && !b.tree.rootGone ? b.tree.cpuSeconds - a.tree.cpuSeconds : null;
  if (tree !== null && tree < 0) return 'counter went down';
  for (const k of ['packageJoules', 'dramJoules'] as const) {
    const x = a.rapl?.[k];
    const y = b.rapl?.[k];
    if (x !== undefined && y !== undefined && y < x) return 'counter went down';
  }
  const cores = Math.max(1, b.cpu.logicalCpus || a.cpu.logicalCpus || 1);
  const bound = cores * (1.25 * dt + 0.25);
  if (dBusy > bound || dTotal > bound || (tree !== null && tree > bound)) return 'more CPU than cores × time';
  if (dTotal < cores * (0.5 * dt - 1)) return 'machine CPU time did not advance with the clock';
  return null;
}

export class SampleGuard {
  private ref: Sample | null = null;
  private suspect: { s: Sample; reason: IntervalFault } | null = null;
  private firstWallMs: number | null = null;
  private nextSeq: number | null = null;
  private read = 0;
  private acceptedCount = 0;
  private readonly rejected: RejectedSample[] = [];
  private readonly skipped: SkippedInterval[] = [];
  private readonly missing: MissingRange[] = [];
  private rejectedCount = 0;
  private skippedCount = 0;
  private missingCount = 0;

  /** `onAccept(s, skipReason)`: integrate up to s, or (with a reason) skip the interval that ends at s. */
  constructor(private readonly onAccept: (s: Sample, skipReason: IntervalFault | null) => void) {}

  private at(s: Sample): number {
    return this.firstWallMs === null ? 0 : Math.max(0, (s.wallMs - this.firstWallMs) / 1000);
  }

  private accept(s: Sample, skip: IntervalFault | null): void {
    if (skip && this.ref) {
      this.skippedCount++;
      if (this.skipped.length < MAX_LISTED) this.skipped.push({ fromS: this.at(this.ref), toS: this.at(s), reason: skip });
    }
    this.ref = s;
    this.acceptedCount++;
    this.onAccept(s, skip);
  }

  private reject(s: Sample, reason: IntervalFault): void {
    this.rejectedCount++;
    if (this.rejected.length < MAX_LISTED) this.rejected.push({ atS: this.at(s), seq: typeof s.seq === 'number' ? s.seq : null, reason });
  }

  private trackSeq(s: Sample): void {
    if (typeof s.seq !== 'number' || !Number.isInteger(s.seq) || s.seq < 0) return;
    if (this.nextSeq !== null && s.seq > this.nextSeq) this.addMissing(this.nextSeq, s.seq - 1, this.ref ? this.at(this.ref) : 0);
    if (this.nextSeq === null && s.seq > 0) this.addMissing(0, s.seq - 1, 0);
    if (this.nextSeq === null || s.seq >= this.nextSeq) this.nextSeq = s.seq + 1;
  }

  private addMissing(fromSeq: number, toSeq: number, atS: number): void {
    this.missingCount += toSeq - fromSeq + 1;
    if (this.missing.length < MAX_LISTED) this.missing.push({ fromSeq, toSeq, atS });
  }

  push(s: Sample): void {
    this.read++;
    if (this.firstWallMs === null) this.firstWallMs = s.wallMs;
    this.trackSeq(s);
    if (!this.ref) {
      this.accept(s, null);
      return;
    }
    // Sequence numbers settle order: a line at or before the reference is a duplicate or out of place.
    if (typeof s.seq === 'number' && typeof this.ref.seq === 'number' && s.seq <= this.ref.seq) {
      this.reject(s, 'clock went backwards');
      return;
    }
    if (this.suspect) {
      const held = this.suspect;
      this.suspect = null;
      if (!intervalFault(this.ref, s)) {
        this.reject(held.s, held.reason);
        this.accept(s, null);
      } else if (!intervalFault(held.s, s)) {
        this.accept(held.s, held.reason);
        this.accept(s, null);
      } else {
        this.reject(held.s, held.reason);
        this.suspect = { s, reason: intervalFault(this.ref, s) as IntervalFault };
      }
      return;
    }
    const fault = intervalFault(this.ref, s);
    if (fault) this.suspect = { s, reason: fault };
    else this.accept(s, null);
  }

  /**
   * Ends the stream. A suspect still held is rejected. `expectedSamples` (the sampler's own count of the
   * samples it wrote, from its completion marker) reveals lines missing at the end.
   */
  end(expectedSamples?: number | null): IntegrityReport {
    if (this.suspect) {
      this.reject(this.suspect.s, this.suspect.reason);
      this.suspect = null;
    }
    if (typeof expectedSamples === 'number' && this.nextSeq !== null && expectedSamples > this.nextSeq) {
      this.addMissing(this.nextSeq, expectedSamples - 1, this.ref ? this.at(this.ref) : 0);
    }
    // Nothing readable at all while the sampler counted ticks: every line is missing.
    if (typeof expectedSamples === 'number' && expectedSamples > 0 && this.read === 0) this.addMissing(0, expectedSamples - 1, 0);
    return {
      samplesRead: this.read,
      accepted: this.acceptedCount,
      rejected: this.rejected,
      skipped: this.skipped,
      missing: this.missing,
      missingSamples: this.missingCount,
      rejectedSamples: this.rejectedCount,
      skippedIntervals: this.skippedCount,
    };
  }
}
