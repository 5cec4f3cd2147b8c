// The edge between the inputs and the model: the narrow ModelSettings the model reads (never the token
// or the export credentials), and the mapping of the model's ModelSettingError to the InputError of the
// input it came from (same message shape: the input, the value, what is accepted).
import { ModelSettingError, type ModelSettings } from '../core/model/settings.js';
import { InputError } from '../settings/inputs.js';
import type { Settings } from '../settings/settings.js';

/** The input (and CLI flag) behind each model setting. */
export const MODEL_SETTING_INPUTS: Record<keyof ModelSettings, string> = {
  powerModel: 'power-model',
  cpuWattsIdle: 'cpu-watts-idle',
  cpuWattsMax: 'cpu-watts-max',
  tdpWatts: 'tdp-watts',
  cloudProvider: 'cloud-provider',
  instanceType: 'instance-type',
  region: 'region',
  country: 'country',
  carbonIntensityGPerKwh: 'carbon-intensity',
};

export function modelSettingsOf(s: Settings): ModelSettings {
  return {
    powerModel: s.powerModel,
    cpuWattsIdle: s.cpuWattsIdle,
    cpuWattsMax: s.cpuWattsMax,
    tdpWatts: s.tdpWatts,
    cloudProvider: s.cloudProvider,
    instanceType: s.instanceType,
    region: s.region,
    country: s.country,
    carbonIntensityGPerKwh: s.carbonIntensityGPerKwh,
  };
}

/** A ModelSettingError as the InputError of its input; anything else unchanged. */
export function asInputError(e: unknown): unknown {
  return e instanceof ModelSettingError ? new InputError(MODEL_SETTING_INPUTS[e.setting], e.value, e.accepted) : e;
}

/** Runs `fn`, rethrowing a ModelSettingError as the InputError of its input. */
export function withInputErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw asInputError(e);
  }
}
