// Reads samples.jsonl through the integrity guard into the integrator, and writes samples.csv on the way.
// Nothing here fails a report over its own I/O: a samples.csv that cannot be written is a warning.
import { existsSync } from 'node:fs';
import { ChunkedWriter, forEachLine } from '../adapters/chunked-file.js';
import type { EnergyIntegrator } from '../core/energy.js';
import { SampleGuard } from '../core/integrity.js';
import type { IntegrityReport } from '../core/integrity-types.js';
import { SampleLineStream, type SampleStats } from '../core/samples.js';
import type { CompletionMarker, PowerPoint, Sample } from '../core/types.js';

export interface SamplesRead {
  present: boolean;
  stats: SampleStats;
  integrity: IntegrityReport;
  /** Ticks from the first to the last accepted sample (seq numbers), or null without seq numbers. */
  coveredTicks: number | null;
  /** Fault texts carried by samples, with how often each appeared. */
  faults: Map<string, number>;
  /** True when the marker's closing sample was used (it could not be written to the file). */
  closingFromMarker: boolean;
  /** Set when samples.csv could not be written. */
  csvError?: string;
}

/** A writer that never throws: the first error is kept and later writes are dropped. */
class SafeWriter {
  private w: ChunkedWriter | null = null;
  error: string | undefined;

  constructor(file: string) {
    try {
      this.w = new ChunkedWriter(file);
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  write(s: string): void {
    if (!this.w) return;
    try {
      this.w.write(s);
    } catch (e) {
      this.error = (e as Error).message;
      this.close();
    }
  }

  close(): void {
    const w = this.w;
    this.w = null;
    try {
      w?.close();
    } catch (e) {
      this.error ??= (e as Error).message;
    }
  }
}

export function readSamples(args: {
  samplesPath: string;
  csvPath: string;
  csvHeader: string;
  csvRow: (p: PowerPoint, s: Sample) => string;
  makeIntegrator: (onInterval: (p: PowerPoint, s: Sample) => void) => EnergyIntegrator;
  marker: CompletionMarker | null;
  /** Also told of every accepted sample (e.g. the model band's integrators). */
  onAccept?: (s: Sample, skipReason: string | null) => void;
}): SamplesRead & { integrator: EnergyIntegrator } {
  const csv = new SafeWriter(args.csvPath);
  csv.write(args.csvHeader);
  const integrator = args.makeIntegrator((p, s) => csv.write(args.csvRow(p, s)));
  const faults = new Map<string, number>();
  let firstSeq: number | null = null;
  let lastSeq: number | null = null;
  let lastRead = -1;
  let seenSinceAccept = 0;
  const guard = new SampleGuard((s, skip) => {
    // Seq numbers skipped between two accepted samples and never read at all are missing lines.
    const missing = typeof s.seq === 'number' && lastSeq !== null ? Math.max(0, s.seq - lastSeq - 1 - Math.max(0, seenSinceAccept - 1)) : 0;
    seenSinceAccept = 0;
    integrator.add(s, skip, missing);
    args.onAccept?.(s, skip);
    if (typeof s.seq === 'number') {
      firstSeq ??= s.seq;
      lastSeq = s.seq;
    }
    for (const f of s.faults ?? []) faults.set(f, (faults.get(f) ?? 0) + 1);
  });
  const stream = new SampleLineStream(
    (s) => {
      if (typeof s.seq === 'number') lastRead = Math.max(lastRead, s.seq);
      seenSinceAccept++;
      guard.push(s);
    },
    { ordered: false },
  );
  const present = existsSync(args.samplesPath);
  let readError: string | undefined;
  try {
    if (present) forEachLine(args.samplesPath, (line) => stream.line(line));
  } catch (e) {
    readError = (e as Error).message;
  }
  const closing = args.marker?.closing;
  const closingFromMarker = !!closing && typeof closing.seq === 'number' && closing.seq > lastRead;
  if (closingFromMarker) {
    seenSinceAccept++;
    guard.push(closing);
  }
  const integrity = guard.end(args.marker?.ticks ?? null);
  csv.close();
  const coveredTicks = firstSeq !== null && lastSeq !== null ? lastSeq - firstSeq + 1 : null;
  if (readError) faults.set(`samples.jsonl could not be read to the end: ${readError}`, 1);
  return { present, stats: stream.stats, integrity, coveredTicks, faults, closingFromMarker, integrator, ...(csv.error ? { csvError: csv.error } : {}) };
}
