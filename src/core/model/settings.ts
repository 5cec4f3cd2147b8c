// What the model reads of the inputs: a narrow, token-free view of Settings, and the domain error the
// model throws for a value the data does not know. The app edge (src/app/model-inputs.ts) builds
// ModelSettings from Settings and maps ModelSettingError to an InputError naming the input.

export type PowerModelChoice = 'auto' | 'ccf' | 'tdp' | 'ecoci-github-4vcpu';

/** The inputs model selection and intensity resolution depend on. Units in the names. */
export interface ModelSettings {
  powerModel: PowerModelChoice;
  /** Per-vCPU W at idle / at 100 %, both or neither. */
  cpuWattsIdle: number | null;
  cpuWattsMax: number | null;
  tdpWatts: number | null;
  /** A provider id of data/cloud-providers.csv (validated against the tables by the model). */
  cloudProvider: string | null;
  instanceType: string | null;
  /** "azure:eastus2" style, split; the provider is validated against the tables by the model. */
  region: { provider: string; name: string } | null;
  /** ISO2 or ISO3, upper-cased as given. */
  country: string | null;
  carbonIntensityGPerKwh: number | null;
}

/** A model setting whose value the tables do not know, or that does not go with the others. */
export class ModelSettingError extends Error {
  constructor(
    readonly setting: keyof ModelSettings,
    readonly value: string,
    readonly accepted: string,
  ) {
    super(`Setting '${setting}' has the value ${JSON.stringify(value)}; accepted: ${accepted}.`);
    this.name = 'ModelSettingError';
  }
}
