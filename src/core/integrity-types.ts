// The integrity report's shapes (a leaf module: types.ts and integrity.ts both import it).

export type IntervalFault = 'clocks disagree' | 'clock went backwards' | 'counter went down' | 'more CPU than cores × time' | 'machine CPU time did not advance with the clock';

export interface SkippedInterval {
  /** Seconds since the first sample (wall clock), at the start and end of the skipped interval. */
  fromS: number;
  toS: number;
  reason: IntervalFault;
}

export interface RejectedSample {
  atS: number;
  seq: number | null;
  reason: IntervalFault;
}

export interface MissingRange {
  /** Sequence numbers missing, inclusive. */
  fromSeq: number;
  toSeq: number;
  /** Seconds since the first sample where the hole is (the sample before it). */
  atS: number;
}

export interface IntegrityReport {
  /** Valid samples read. */
  samplesRead: number;
  accepted: number;
  rejected: RejectedSample[];
  skipped: SkippedInterval[];
  missing: MissingRange[];
  /** Samples missing in total (sum over `missing`, plus a tail missing at the end when the count is known). */
  missingSamples: number;
  /** Totals (the lists keep at most 50 entries each). */
  rejectedSamples: number;
  skippedIntervals: number;
}

