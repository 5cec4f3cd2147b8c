import type { CpuCurve, GpuReading, PowerModel } from './types.js';

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : Number.isFinite(x) ? x : 0);

/** Whole-CPU power (W) of the reserved vCPUs at utilisation `util` (0..1, clamped). */
export function cpuWatts(curve: CpuCurve, util: number): number {
  const u = Math.min(1, Math.max(0, Number.isFinite(util) ? util : 0));
  if (curve.kind === 'linear') return curve.idleWatts + u * (curve.maxWatts - curve.idleWatts);
  const pts = curve.points;
  if (u <= pts[0][0]) return pts[0][1];
  for (let i = 1; i < pts.length; i++) {
    const [u1, w1] = pts[i];
    if (u <= u1) {
      const [u0, w0] = pts[i - 1];
      return w0 + ((u - u0) / (u1 - u0)) * (w1 - w0);
    }
  }
  return pts[pts.length - 1][1];
}

/** A GPU's board power: measured, or idle + util × (max − idle) from the model's row for its name (longest match). */
export function gpuModelWatts(model: PowerModel, g: GpuReading): { watts: number; modelled: boolean } | null {
  if (g.watts !== null && Number.isFinite(g.watts)) return { watts: g.watts, modelled: false };
  const table = model.gpuWatts ?? {};
  const name = g.name.toLowerCase();
  const key = Object.keys(table)
    .filter((k) => name.includes(k.toLowerCase()))
    .sort((a, b) => b.length - a.length)[0];
  if (!key) return null;
  const { idleWatts, maxWatts } = table[key];
  return { watts: idleWatts + clamp01((g.utilPercent ?? 0) / 100) * (maxWatts - idleWatts), modelled: true };
}
