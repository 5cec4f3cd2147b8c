// What the nvidia-smi and rocm-smi sources share: the fault list (capped, drained each tick), giving
// up once, the "no power reading" note once per GPU, and holding the last readings for a short while
// when a tick gets none (a tool that prints late must not read as a 0 W gap).

import type { GpuReading } from '../../core/types.js';
import { GpuAggregator } from './parse.js';

const MAX_FAULTS = 100;

export class GpuSourceState {
  private readonly faults: string[] = [];
  private readonly aggregator = new GpuAggregator();
  private readonly naReported = new Set<number>();
  private lastTaken: GpuReading[] | undefined;
  private lastReadingAtMs = 0;
  gaveUp = false;

  /** @param tool the command's name, for messages. @param holdMs how long the last readings stand in for missing ones. */
  constructor(
    private readonly tool: string,
    private readonly holdMs: number,
  ) {}

  fault(msg: string): void {
    if (this.faults.length < MAX_FAULTS) this.faults.push(msg);
  }

  /** Stops for good (once): no GPU readings from now on, recorded as a gap. Returns false if it had already given up. */
  giveUp(why: string): boolean {
    if (this.gaveUp) return false;
    this.gaveUp = true;
    this.fault(`${why}; gave up: no GPU readings from now on (gap)`);
    return true;
  }

  /** One parsed reading from the tool. */
  add(reading: GpuReading): void {
    this.lastReadingAtMs = Date.now();
    if (reading.watts === null && !this.naReported.has(reading.index)) {
      this.naReported.add(reading.index);
      this.fault(`${this.tool} reports no power draw for GPU ${reading.index} (${reading.name}): its power is modelled from utilisation`);
    }
    this.aggregator.add(reading);
  }

  /** Readings aggregated since the last call; else the last ones while still fresh (copies), else undefined. */
  take(): GpuReading[] | undefined {
    const readings = this.aggregator.drain();
    if (readings) {
      this.lastTaken = readings;
      return readings;
    }
    if (!this.gaveUp && this.lastTaken && Date.now() - this.lastReadingAtMs <= this.holdMs) return this.lastTaken.map((r) => ({ ...r }));
    return undefined;
  }

  drainFaults(): string[] {
    return this.faults.splice(0, this.faults.length);
  }
}
