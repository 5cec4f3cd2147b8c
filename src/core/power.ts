import type { CpuCurve } from './types.js';

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
