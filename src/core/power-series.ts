// The power chart's series, bounded: at most maxPoints points, each covering a similar span of time. Pure.
import type { PowerPoint } from './types.js';

export class PowerSeries {
  private series: PowerPoint[] = [];
  private readonly weights: number[] = [];
  /** Interval(s) not yet long enough to make a point of the current bucket width. */
  private pending: { p: PowerPoint; w: number } | null = null;
  /** Minimum seconds one point covers; 0 until the series first fills, then it doubles with each merge. */
  private bucketSeconds = 0;

  constructor(private readonly maxPoints: number) {}

  private static merge(x: PowerPoint, wx: number, y: PowerPoint, wy: number): PowerPoint {
    const m = (a: number, b: number): number => (a * wx + b * wy) / (wx + wy);
    return {
      tS: y.tS,
      wallMs: y.wallMs,
      machineUtil: m(x.machineUtil, y.machineUtil),
      treeUtil: x.treeUtil === null || y.treeUtil === null ? (y.treeUtil ?? x.treeUtil) : m(x.treeUtil, y.treeUtil),
      cpuWatts: m(x.cpuWatts, y.cpuWatts),
      ramWatts: m(x.ramWatts, y.ramWatts),
      gpuWatts: m(x.gpuWatts, y.gpuWatts),
    };
  }

  /**
   * Keeps a bounded series whose points cover similar spans of time: intervals accumulate into a
   * bucket of the current width; when the series is full, neighbours merge and the width doubles.
   */
  push(p: PowerPoint, dt: number): void {
    this.pending = this.pending ? { p: PowerSeries.merge(this.pending.p, this.pending.w, p, dt), w: this.pending.w + dt } : { p, w: dt };
    if (this.pending.w < this.bucketSeconds) return;
    this.series.push(this.pending.p);
    this.weights.push(this.pending.w);
    this.pending = null;
    // Merge one early, so that with a pending bucket the result stays below maxPoints.
    if (this.series.length < this.maxPoints - 1) return;
    const merged: PowerPoint[] = [];
    const w: number[] = [];
    for (let i = 0; i + 1 < this.series.length; i += 2) {
      merged.push(PowerSeries.merge(this.series[i], this.weights[i], this.series[i + 1], this.weights[i + 1]));
      w.push(this.weights[i] + this.weights[i + 1]);
    }
    if (this.series.length % 2 === 1) {
      // The odd newest point becomes the start of the next bucket.
      this.pending = { p: this.series[this.series.length - 1], w: this.weights[this.weights.length - 1] };
    }
    this.series = merged;
    this.weights.splice(0, this.weights.length, ...w);
    this.bucketSeconds = w.reduce((a, b) => a + b, 0) / w.length;
  }


  /** The points so far, the pending bucket included. */
  points(): PowerPoint[] {
    return this.pending ? [...this.series, this.pending.p] : this.series;
  }
}
