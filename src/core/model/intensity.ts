import type { GridIntensity } from '../types.js';
import type { Settings } from '../../settings/settings.js';

/** World average 2024, Ember via co2.js average-intensities.json (472.94 g/kWh). */
export const WORLD_GCO2E_PER_KWH = 472.94;

export function resolveIntensity(args: { settings: Settings }): GridIntensity {
  const { settings } = args;
  if (settings.carbonIntensityGPerKwh !== null) {
    return { gCo2ePerKwh: settings.carbonIntensityGPerKwh, location: 'input', source: 'input carbon-intensity' };
  }
  return { gCo2ePerKwh: WORLD_GCO2E_PER_KWH, location: 'world', source: 'Ember 2024 world average (via co2.js)', year: 2024 };
}
