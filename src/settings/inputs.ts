// The one place where action inputs (and CLI flags) are parsed into Settings.
// Pure: it takes a lookup function, so tests need no environment.
import { exportUrl, headers, labels } from './export-inputs.js';
import { InputError } from './input-error.js';
import type { Settings } from './settings.js';

export { InputError };

export type InputLookup = (name: string) => string | undefined;

interface InputSpec {
  name: string;
  default: string;
  description: string;
}

/** Inputs with their defaults and documentation; action.yml and the README table are checked against this list. */
export const INPUTS: InputSpec[] = [
  { name: 'sample-interval', default: '1', description: 'Seconds between samples, 0.1 to 60.' },
  { name: 'scope', default: 'process-tree', description: '`process-tree` charges the job for its own processes (plus the idle power of the reserved vCPUs); `machine` charges all machine CPU.' },
  { name: 'carbon-intensity', default: '', description: 'Grid intensity override in gCO2e/kWh (0 to 2000). Wins over `region` and `country`.' },
  { name: 'region', default: '', description: 'Cloud region as `provider:name`, e.g. `azure:eastus2`, `aws:us-east-1`, `gcp:europe-west1`: a row of `data/cloud-grid-factors.csv`.' },
  { name: 'country', default: '', description: 'ISO 3166 alpha-2 or alpha-3 country code for the annual grid intensity, e.g. `FR` or `FRA`.' },
  { name: 'electricity-maps-token', default: '', description: 'Optional Electricity Maps API token for a live intensity (1 s timeout, falls back to the tables).' },
  { name: 'budget-gco2e', default: '', description: 'Absolute budget per job in gCO2e. Empty: no budget.' },
  { name: 'budget-wh', default: '', description: 'Absolute budget per job in Wh. Empty: no budget.' },
  { name: 'max-increase', default: '', description: 'Allowed increase over the baseline median, e.g. `10%`. Empty: regressions are reported, never gated.' },
  { name: 'fail-on', default: 'budget', description: '`budget`, `regression`, `any` or `never` (never: warn only).' },
  { name: 'require-measurement', default: 'false', description: 'Fail the build when the job could not be measured (verdict Not measured: no or too few valid samples, a lost samples file, a sampler that never started). Default: warn only.' },
  { name: 'min-baseline-runs', default: '3', description: 'Baseline runs needed before a regression can fail the build (1 to 100).' },
  { name: 'compare-on', default: 'gco2e', description: 'Metric compared with the baseline: `gco2e`, `energy-wh` or `cpu-seconds`.' },
  { name: 'baseline', default: 'true', description: 'Save and restore baselines with the Actions cache.' },
  { name: 'baseline-branches', default: '', description: 'Comma-separated extra branches that save baselines (the default branch always does).' },
  { name: 'baseline-key', default: '', description: 'Key separating baselines of one job; default: a stable hash of the matrix values.' },
  { name: 'baseline-window', default: '5', description: 'Number of default-branch runs kept in the baseline window (1 to 50).' },
  { name: 'comment', default: 'always', description: 'Sticky PR comment: `always`, `on-regression` or `never`.' },
  { name: 'artifact', default: 'true', description: 'Upload emissions.csv, carbon-gate.csv, samples.csv and carbon-gate.json as an artifact.' },
  { name: 'artifact-name', default: '', description: 'Artifact name; default `carbon-gate-<job>-<baseline-key>` plus the run attempt when > 1.' },
  { name: 'artifact-retention-days', default: '', description: 'Artifact retention in days (1 to 90); empty: the repository default.' },
  { name: 'power-model', default: 'auto', description: '`auto`, `ccf`, `tdp` or `ecoci-github-4vcpu`.' },
  { name: 'cpu-watts-idle', default: '', description: 'Per-vCPU idle power in W (overrides the model; needs `cpu-watts-max`).' },
  { name: 'cpu-watts-max', default: '', description: 'Per-vCPU power at 100 % in W (overrides the model; needs `cpu-watts-idle`).' },
  { name: 'tdp-watts', default: '', description: 'CPU package TDP in W for the `tdp` model.' },
  { name: 'cloud-provider', default: '', description: 'A provider of `data/cloud-providers.csv` (`aws`, `azure` or `gcp` as shipped) for self-hosted cloud runners.' },
  { name: 'instance-type', default: '', description: 'Cloud instance type, e.g. `m5.xlarge`, `Standard_D4s_v3`, `n2-standard-4`.' },
  { name: 'detect-cloud', default: 'false', description: 'Ask the instance metadata service (≤ 300 ms) for provider, region and instance type.' },
  { name: 'include-embodied', default: 'true', description: 'Count embodied emissions in the budget and the baseline comparison.' },
  { name: 'gpu', default: 'auto', description: '`auto`, `nvidia`, `amd` or `off`.' },
  { name: 'rapl', default: 'true', description: 'Use RAPL energy counters when readable (self-hosted Linux).' },
  { name: 'chart', default: 'mermaid', description: '`mermaid`, `sparkline` or `none`.' },
  { name: 'job-name', default: '', description: 'Label for this job in reports and the comment marker; default: the workflow job id.' },
  { name: 'job-id', default: '${{ job.check_run_id }}', description: 'Numeric id of this job run, for links from the PR comment to the job and its summary; the default is right in every workflow.' },
  { name: 'token', default: '${{ github.token }}', description: 'Token for the PR comment (needs `pull-requests: write`) and the step names of the Jobs API (needs `actions: read`).' },
  { name: 'prometheus-pushgateway-url', default: '', description: 'Prometheus Pushgateway base URL; when set, post pushes this job\'s series (PUT, grouped by repository/workflow/job/matrix). Off when empty.' },
  { name: 'prometheus-pushgateway-headers', default: '', description: 'HTTP headers for the Pushgateway, `Name: value` per line, e.g. an `Authorization` header from a secret. Masked, never logged.' },
  { name: 'otlp-endpoint', default: '', description: 'OTLP/HTTP base URL; when set, post exports this job\'s metrics to `<url>/v1/metrics` (protobuf). Off when empty.' },
  { name: 'otlp-headers', default: '', description: 'HTTP headers for the OTLP endpoint, `Name: value` per line. Masked, never logged.' },
  { name: 'export-labels', default: '', description: 'Extra labels on every exported series, comma-separated `key=value`, e.g. `team=payments`.' },
  { name: 'export-run-id', default: 'false', description: 'Add the run id (label `run_id`, OTLP `cicd.pipeline.run.id` and run URL). Off by default: one series per run is high cardinality.' },
];

/** A provider id as data/cloud-providers.csv spells them; whether the data has it is checked by the model. */
const PROVIDER_ID = /^[a-z0-9][a-z0-9-]*$/;

function providerId(name: string, raw: string): string | null {
  const v = raw.trim().toLowerCase();
  if (v === '') return null;
  if (!PROVIDER_ID.test(v)) throw new InputError(name, raw, "a provider id of data/cloud-providers.csv such as 'aws', 'azure' or 'gcp' (letters, digits and '-')");
  return v;
}

function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  const v = raw.trim().toLowerCase();
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new InputError(name, raw, allowed.map((a) => `'${a}'`).join(', '));
}

function bool(name: string, raw: string): boolean {
  const v = raw.trim().toLowerCase();
  if (['true', 'yes', 'on', '1'].includes(v)) return true;
  if (['false', 'no', 'off', '0'].includes(v)) return false;
  throw new InputError(name, raw, "'true' or 'false'");
}

function num(name: string, raw: string, min: number, max: number, opts: { integer?: boolean; exclusiveMin?: boolean } = {}): number {
  const v = raw.trim();
  const n = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v) ? Number(v) : NaN;
  const tooLow = opts.exclusiveMin ? n <= min : n < min;
  const what = `${opts.integer ? 'a whole number' : 'a number'} ${opts.exclusiveMin ? 'greater than' : 'from'} ${min}${opts.exclusiveMin ? ` and at most ${max}` : ` to ${max}`}`;
  if (!Number.isFinite(n) || tooLow || n > max || (opts.integer && !Number.isInteger(n))) throw new InputError(name, raw, what);
  return n;
}

function optNum(name: string, raw: string, min: number, max: number, opts: { integer?: boolean; exclusiveMin?: boolean } = {}): number | null {
  return raw.trim() === '' ? null : num(name, raw, min, max, opts);
}

function percent(name: string, raw: string): number | null {
  const v = raw.trim();
  if (v === '') return null;
  const m = /^(\d+(\.\d+)?)\s*%?$/.exec(v);
  if (!m || Number(m[1]) > 1000) throw new InputError(name, raw, "a percentage from 0 to 1000, e.g. '10%'");
  return Number(m[1]);
}

function region(name: string, raw: string): Settings['region'] {
  const v = raw.trim();
  if (v === '') return null;
  const m = /^([a-z0-9][a-z0-9-]*):([a-z0-9-]+)$/i.exec(v);
  if (!m) throw new InputError(name, raw, "'provider:region' with a provider and region of data/cloud-grid-factors.csv, e.g. 'azure:eastus2', 'aws:us-east-1', 'gcp:europe-west1'");
  return { provider: m[1].toLowerCase(), name: m[2].toLowerCase() };
}

function country(name: string, raw: string): string | null {
  const v = raw.trim();
  if (v === '') return null;
  if (!/^[A-Za-z]{2,3}$/.test(v)) throw new InputError(name, raw, "an ISO 3166 alpha-2 or alpha-3 code such as 'FR' or 'FRA'");
  return v.toUpperCase();
}

function optString(raw: string): string | null {
  const v = raw.trim();
  return v === '' ? null : v;
}

/**
 * Parses every input. `lookup(name)` returns the raw value or undefined when the input was not given;
 * undefined and empty both take the default.
 */
export function parseSettings(lookup: InputLookup): Settings {
  const get = (name: string): string => {
    const spec = INPUTS.find((i) => i.name === name);
    if (!spec) throw new Error(`internal: unknown input ${name}`);
    const raw = lookup(name);
    return raw === undefined || raw.trim() === '' ? (spec.default.startsWith('${{') ? '' : spec.default) : raw;
  };

  const cpuWattsIdle = optNum('cpu-watts-idle', get('cpu-watts-idle'), 0, 1000);
  const cpuWattsMax = optNum('cpu-watts-max', get('cpu-watts-max'), 0, 1000, { exclusiveMin: true });
  if ((cpuWattsIdle === null) !== (cpuWattsMax === null)) {
    const [given, missing] = cpuWattsIdle === null ? ['cpu-watts-max', 'cpu-watts-idle'] : ['cpu-watts-idle', 'cpu-watts-max'];
    throw new InputError(missing, '', `a number of W per vCPU; '${given}' is set, so '${missing}' is needed too`);
  }
  if (cpuWattsIdle !== null && cpuWattsMax !== null && cpuWattsIdle > cpuWattsMax) {
    throw new InputError('cpu-watts-idle', String(cpuWattsIdle), `a value not above cpu-watts-max (${cpuWattsMax})`);
  }
  const cloudProvider = providerId('cloud-provider', get('cloud-provider'));
  const instanceType = optString(get('instance-type'));
  const reg = region('region', get('region'));
  if (cloudProvider && reg && reg.provider !== cloudProvider) {
    throw new InputError('region', get('region'), `a region of the cloud-provider '${cloudProvider}' (e.g. '${cloudProvider}:…')`);
  }

  return {
    sampleIntervalSeconds: num('sample-interval', get('sample-interval'), 0.1, 60),
    scope: oneOf('scope', get('scope'), ['process-tree', 'machine'] as const),
    carbonIntensityGPerKwh: optNum('carbon-intensity', get('carbon-intensity'), 0, 2000),
    budgetGCo2e: optNum('budget-gco2e', get('budget-gco2e'), 0, 1e9, { exclusiveMin: true }),
    budgetWh: optNum('budget-wh', get('budget-wh'), 0, 1e9, { exclusiveMin: true }),
    token: lookup('token')?.trim() ?? '',

    powerModel: oneOf('power-model', get('power-model'), ['auto', 'ccf', 'tdp', 'ecoci-github-4vcpu'] as const),
    cpuWattsIdle,
    cpuWattsMax,
    tdpWatts: optNum('tdp-watts', get('tdp-watts'), 0, 2000, { exclusiveMin: true }),
    cloudProvider,
    instanceType,
    region: reg,
    country: country('country', get('country')),
    electricityMapsToken: optString(get('electricity-maps-token')),
    detectCloud: bool('detect-cloud', get('detect-cloud')),
    includeEmbodied: bool('include-embodied', get('include-embodied')),
    gpu: oneOf('gpu', get('gpu'), ['auto', 'nvidia', 'amd', 'off'] as const),
    rapl: bool('rapl', get('rapl')),

    maxIncreasePercent: percent('max-increase', get('max-increase')),
    failOn: oneOf('fail-on', get('fail-on'), ['budget', 'regression', 'any', 'never'] as const),
    requireMeasurement: bool('require-measurement', get('require-measurement')),
    minBaselineRuns: num('min-baseline-runs', get('min-baseline-runs'), 1, 100, { integer: true }),
    compareOn: oneOf('compare-on', get('compare-on'), ['gco2e', 'energy-wh', 'cpu-seconds'] as const),
    baseline: bool('baseline', get('baseline')),
    baselineBranches: get('baseline-branches')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    baselineKey: optString(get('baseline-key')),
    baselineWindow: num('baseline-window', get('baseline-window'), 1, 50, { integer: true }),

    comment: oneOf('comment', get('comment'), ['always', 'on-regression', 'never'] as const),
    artifact: bool('artifact', get('artifact')),
    artifactName: artifactName(get('artifact-name')),
    artifactRetentionDays: optNum('artifact-retention-days', get('artifact-retention-days'), 1, 90, { integer: true }),
    chart: oneOf('chart', get('chart'), ['mermaid', 'sparkline', 'none'] as const),
    jobName: optString(get('job-name')),
    jobId: jobId(get('job-id')),

    pushgatewayUrl: exportUrl('prometheus-pushgateway-url', get('prometheus-pushgateway-url')),
    pushgatewayHeaders: headers('prometheus-pushgateway-headers', get('prometheus-pushgateway-headers')),
    otlpEndpoint: exportUrl('otlp-endpoint', get('otlp-endpoint')),
    otlpHeaders: headers('otlp-headers', get('otlp-headers')),
    exportLabels: labels('export-labels', get('export-labels')),
    exportRunId: bool('export-run-id', get('export-run-id')),
  };
}

function jobId(raw: string): string | null {
  const v = raw.trim();
  if (v === '') return null;
  if (!/^\d{1,20}$/.test(v)) throw new InputError('job-id', raw, 'the numeric job id, e.g. ${{ job.check_run_id }}, or empty');
  return v;
}

function artifactName(raw: string): string | null {
  const v = raw.trim();
  if (v === '') return null;
  if (/["':<>|*?\\/\r\n]/.test(v)) throw new InputError('artifact-name', raw, 'a name without the characters " : < > | * ? \\ / or quotes or newlines');
  if (v === '.' || v === '..') throw new InputError('artifact-name', raw, "a name other than '.' or '..'");
  return v;
}

/** Reads action inputs from the runner's environment (INPUT_<NAME>, upper-cased, spaces to underscores). */
export function envLookup(env: NodeJS.ProcessEnv): InputLookup {
  return (name) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
}
