// Number formatting for reports: a few significant digits, units always shown.

/** 1234567 → '1,234,567' (no Intl: loading ICU costs ~10 ms of post's start-up). */
export function thousands(n: number): string {
  const s = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${s}` : s;
}

/** Rounds to `digits` significant digits without exponent notation for everyday magnitudes. */
export function sig(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 10 ** digits) return thousands(Math.round(x));
  if (a < 1e-6) return x.toExponential(digits - 1);
  return Number(x.toPrecision(digits)).toString();
}

export const wh = (x: number): string => (Math.abs(x) >= 1000 ? `${sig(x / 1000)} kWh` : `${sig(x)} Wh`);
export const grams = (x: number): string => (Math.abs(x) >= 1000 ? `${sig(x / 1000)} kgCO2e` : `${sig(x)} gCO2e`);
export const watts = (x: number): string => `${sig(x)} W`;
export const pct = (x: number): string => `${sig(x * 100, 3)} %`;

export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'n/a';
  if (seconds < 60) return `${sig(seconds, 3)} s`;
  seconds = Math.round(seconds); // round once, so that 119.6 s reads "2 min 0 s", not "1 min 60 s"
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round(seconds % 60);
  return h > 0 ? `${h} h ${m} min ${s} s` : `${m} min ${s} s`;
}

export function bytes(x: number): string {
  if (x >= 1024 ** 3) return `${sig(x / 1024 ** 3)} GiB`;
  if (x >= 1024 ** 2) return `${sig(x / 1024 ** 2)} MiB`;
  return `${sig(x / 1024)} KiB`;
}
