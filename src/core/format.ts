// The one number formatter of carbon-gate: every number a person reads (job summary, PR comment, CLI
// text, log lines, model notes) goes through here. CSV and JSON do not: they keep full precision.
//
// Rules:
// - three significant digits by default, trailing zeros dropped (0.0500 → 0.05);
// - never exponent notation (Number#toPrecision and String() switch to it below 1e-6 and above 1e21);
// - quantities take the SI prefix that puts the value in [1, 1000): 3.6 mg CO2e, 12.4 mWh, 1.2 kWh;
//   energies below 1 mWh read in joules (1 mWh = 3.6 J), where a person has an intuition for them;
// - integers of 1000 and more keep every digit, grouped by thousands (1,234 s; no false zeros);
// - percentages carry two significant digits: a percent of a noisy measurement holds no more;
// - a negative sign is the typographic minus (U+2212), as in "−6 %";
// - quoted data values (coefficients, PUE, a grid intensity from a table) may ask for four digits: rounding
//   a source's 366.8 g/kWh to 367 would misquote it.
// No Intl: loading ICU costs ~10 ms of post's start-up.

const MINUS = '−';

/** 1234567 → '1,234,567'. */
export function thousands(n: number): string {
  const r = Math.abs(Math.round(n));
  // String() of 1e21 and above is exponent notation; BigInt prints every digit.
  const s = (r >= 1e21 ? BigInt(r).toString() : String(r)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 && s !== '0' ? `-${s}` : s;
}

/** Decimal text of |x| rounded to `digits` significant digits, without exponent and trailing zeros. */
function plain(a: number, digits: number): string {
  if (a === 0) return '0';
  const magnitude = Math.floor(Math.log10(a));
  const decimals = Math.max(0, digits - 1 - magnitude);
  let s = a.toFixed(Math.min(decimals, 100));
  // Rounding may carry into a new digit (9.996 → "10.00"): one decimal fewer is then enough.
  if (decimals > 0 && Number(s) >= 10 ** (magnitude + 1)) s = a.toFixed(decimals - 1);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  if (a >= 10 ** digits) return thousands(Number(s));
  return s;
}

/**
 * A plain number: `digits` significant digits (default 3), never in exponent notation. Numbers of
 * 10^digits and more are rounded to an integer and grouped by thousands. Negative numbers get '-' (ASCII:
 * this form also appears next to units in tables); use `signed` for deltas.
 */
export function num(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return 'n/a';
  const s = plain(Math.abs(x), digits);
  return x < 0 && s !== '0' ? `-${s}` : s;
}

/** +1.2 / −0.3 / ±0: a signed number for deltas (typographic minus). */
export function signed(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return 'n/a';
  const s = plain(Math.abs(x), digits);
  if (s === '0') return '±0';
  return `${x < 0 ? MINUS : '+'}${s}`;
}

interface Prefix {
  factor: number;
  symbol: string;
}
const PREFIXES: Prefix[] = [
  { factor: 1e-9, symbol: 'n' },
  { factor: 1e-6, symbol: 'µ' },
  { factor: 1e-3, symbol: 'm' },
  { factor: 1, symbol: '' },
  { factor: 1e3, symbol: 'k' },
  { factor: 1e6, symbol: 'M' },
  { factor: 1e9, symbol: 'G' },
];

/** Picks the prefix that puts |x| (after rounding to `digits`) in [1, 1000), within [min, max]. */
function scaled(x: number, unit: string, digits: number, min = 0, max = PREFIXES.length - 1, sign: (x: number, d: number) => string = num): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x === 0) return `${sign(0, digits)} ${PREFIXES[Math.max(min, 3)]!.symbol}${unit}`;
  const a = Math.abs(x);
  let i = min;
  // Largest prefix whose rounded value is still ≥ 1.
  for (let j = min; j <= max; j++) if (Number(plain(a / PREFIXES[j]!.factor, digits).replace(/,/g, '')) >= 1) i = j;
  return `${sign(x / PREFIXES[i]!.factor, digits)} ${PREFIXES[i]!.symbol}${unit}`;
}

const GRAM = 3; // index of the unprefixed unit in PREFIXES

/**
 * The prefix for a whole axis or column whose largest value is `max`: divide by `factor`, label with
 * `unit`. Masses take mg/g/kg/t CO2e, energies mWh/Wh/kWh/MWh (no joules: one unit per axis).
 */
export function unitFor(max: number, kind: 'co2e' | 'energy'): { factor: number; unit: string } {
  const unit = kind === 'co2e' ? 'g' : 'Wh';
  const text = scaled(Number.isFinite(max) && max > 0 ? max : 1, unit, 3, 2, GRAM + (kind === 'co2e' ? 1 : 2));
  const symbol = text.slice(text.indexOf(' ') + 1, -unit.length);
  const p = PREFIXES.find((x) => x.symbol === symbol)!;
  return { factor: p.factor, unit: `${symbol}${unit}${kind === 'co2e' ? ' CO2e' : ''}` };
}

/** Mass of CO2e from grams: '3.6 mg CO2e', '1.2 g CO2e', '4.5 kg CO2e', '2 t CO2e' (never µg: 0.5 mg reads better). */
export function co2e(grams: number, digits = 3): string {
  return `${mass(grams, digits)} CO2e`;
}

/** A mass from grams, without 'CO2e': '5 g', '3.6 mg', '1.2 t'. For "of the 5 g budget". */
export function mass(grams: number, digits = 3): string {
  if (Number.isFinite(grams) && Math.abs(grams) >= 1e6) return `${num(grams / 1e6, digits)} t`;
  return scaled(grams, 'g', digits, 2, GRAM + 1);
}

/** Signed mass delta from grams: '+0.23 mg', '−1.5 g'. */
export function massDelta(grams: number, digits = 3): string {
  return scaled(grams, 'g', digits, 2, GRAM + 1, signed);
}

/** Joules per watt-hour. */
const J_PER_WH = 3600;

/**
 * Energy from watt-hours: mWh, Wh, kWh, MWh; below 1 mWh in joules (mJ, J) — a 0.5 s `true` uses ~0.1 J,
 * which reads better than 0.0278 mWh.
 */
export function energy(wh: number, digits = 3): string {
  return energyWith(wh, digits, num);
}

/** Signed energy delta: '+1.2 mWh', '−0.4 J'. */
export function energyDelta(wh: number, digits = 3): string {
  return energyWith(wh, digits, signed);
}

function energyWith(wh: number, digits: number, sign: (x: number, d: number) => string): string {
  if (!Number.isFinite(wh)) return 'n/a';
  if (wh !== 0 && Math.abs(wh) < 1e-3) return scaled(wh * J_PER_WH, 'J', digits, 2, GRAM, sign);
  return scaled(wh, 'Wh', digits, 2, GRAM + 2, sign);
}

/** Power: mW, W, kW. */
export function power(watts: number, digits = 3): string {
  return scaled(watts, 'W', digits, 2, GRAM + 1);
}

/** Grid intensity, g/kWh kept as one unit (the convention of every source): '472 gCO2e/kWh'. */
export function intensity(gPerKwh: number, digits = 3): string {
  return `${num(gPerKwh, digits)} gCO2e/kWh`;
}

/** A share 0..1 as a percent, two significant digits: 0.347 → '35 %', 0.00072 → '0.072 %'. */
export function share(fraction: number): string {
  return percent(fraction * 100);
}

/** A percent value (already ×100), two significant digits, whole above 100: '6.3 %', '124 %'. */
export function percent(p: number): string {
  if (!Number.isFinite(p)) return 'n/a';
  return `${Math.abs(p) >= 100 ? thousands(p) : num(p, 2)} %`;
}

/** A signed relative change in percent: '+12 %', '−6.3 %', '±0 %'. */
export function percentDelta(p: number): string {
  if (!Number.isFinite(p)) return 'n/a';
  if (Math.abs(p) >= 100) return `${p < 0 ? MINUS : '+'}${thousands(Math.abs(p))} %`;
  return `${signed(p, 2)} %`;
}

/** CPU time or wall time in seconds: '0.42 s', '12.3 s', '2 min 5 s', '1 h 2 min 3 s'. */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'n/a';
  if (seconds < 60) return `${num(seconds)} s`;
  seconds = Math.round(seconds); // round once, so that 119.6 s reads "2 min 0 s", not "1 min 60 s"
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h} h ${m} min ${s} s` : `${m} min ${s} s`;
}

/** CPU seconds as a plain quantity (no minutes split: these add up across cores): '1.23 CPU-s'. */
export function cpuSeconds(seconds: number): string {
  return `${num(seconds)} CPU-s`;
}

/** Bytes in binary units: KiB, MiB, GiB. */
export function bytes(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x >= 1024 ** 3) return `${num(x / 1024 ** 3)} GiB`;
  if (x >= 1024 ** 2) return `${num(x / 1024 ** 2)} MiB`;
  return `${num(x / 1024)} KiB`;
}
