// The regression rule's statistics (METHODOLOGY.md §10.3). Pure, no imports, so the benchmark
// (bench/gate.mjs) runs this very file.
//
// A run is a regression when it is BOTH
//   (a) more than max-increase above the window's median, and
//   (b) above what the window's own spread predicts for one more run of unchanged code: the upper
//       one-sided 97.5 % prediction bound on the log scale,
//         high = exp( mean(ln x) + t(0.975; n − 1) × max(sd(ln x), 0.03) × √(1 + 1/n) )
//       with sd the sample standard deviation of ln x over the n runs of the window. The floor 0.03 (≈ 3 %)
//       stands for the noise a handful of equal runs cannot show; a one-run window uses the floor with
//       the normal quantile 1.96.
// Log scale: the noise of a job is relative (a slower runner stretches all of it), and the bound stays
// positive.

export const PREDICTION_LEVEL = 0.975;
/** Floor on the window's spread: standard deviation of ln(value). */
export const SPREAD_FLOOR = 0.03;

/** One-sided 97.5 % quantiles of Student's t for 1…49 degrees of freedom (scipy.stats.t.ppf(0.975, df)). */
const T_975 = [
  12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.093, 2.086,
  2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423, 2.0395, 2.0369, 2.0345, 2.0322, 2.0301, 2.0281, 2.0262, 2.0244, 2.0227, 2.0211,
  2.0195, 2.0181, 2.0167, 2.0154, 2.0141, 2.0129, 2.0117, 2.0106, 2.0096,
];
const Z_975 = 1.96;

/** t(0.975; df); the normal quantile for df = 0 (no spread known) and beyond the table. */
export function tQuantile(df: number): number {
  if (df < 1) return Z_975;
  return T_975[Math.min(df, T_975.length) - 1]!;
}

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Spread of a window: the sample standard deviation of ln(value), before the floor; 0 for one run. */
export function logSpread(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const logs = values.map((v) => Math.log(v));
  const mean = logs.reduce((a, b) => a + b, 0) / n;
  return Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
}

/** The upper prediction bound (b) for a window of positive values; null when a value is not positive. */
export function predictedHigh(values: readonly number[]): number | null {
  const n = values.length;
  if (n === 0 || values.some((v) => !(v > 0) || !Number.isFinite(v))) return null;
  const mean = values.reduce((a, v) => a + Math.log(v), 0) / n;
  const sd = Math.max(logSpread(values), SPREAD_FLOOR);
  return Math.exp(mean + tQuantile(n - 1) * sd * Math.sqrt(1 + 1 / n));
}

export interface RuleOutcome {
  median: number;
  /** median × (1 + max-increase); null without max-increase. */
  threshold: number | null;
  predictedHigh: number | null;
  flagged: boolean;
}

/** Conditions (a) and (b) for `current` against the window; never flagged without max-increase. */
export function regressionRule(current: number, window: readonly number[], maxIncreasePercent: number | null): RuleOutcome {
  const med = median(window);
  const threshold = maxIncreasePercent === null ? null : med * (1 + maxIncreasePercent / 100);
  const high = predictedHigh(window);
  const flagged = threshold !== null && current > threshold && (high === null ? current > Math.max(...window) : current > high);
  return { median: med, threshold, predictedHigh: high, flagged };
}
