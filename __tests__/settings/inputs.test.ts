import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { INPUTS, InputError, envLookup, parseSettings } from '../../src/settings/inputs.js';
import type { Settings } from '../../src/settings/settings.js';
import { VERSION } from '../../src/version.js';

const ROOT = path.resolve(import.meta.dirname ?? path.dirname(fileURLToPath(import.meta.url)), '../..');

const parse = (given: Record<string, string> = {}): Settings => parseSettings((n) => given[n]);

/** Expects parseSettings to throw an InputError naming `input`, quoting `value`, and saying what is accepted. */
function expectBad(given: Record<string, string>, input: string, value: string, acceptedPart: string | RegExp): void {
  let err: unknown;
  try {
    parse(given);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(InputError);
  const e = err as InputError;
  expect(e.input).toBe(input);
  expect(e.value).toBe(value);
  expect(e.message).toContain(`'${input}'`);
  expect(e.message).toContain(JSON.stringify(value));
  expect(e.message).toMatch(/accepted: /);
  if (typeof acceptedPart === 'string') expect(e.accepted).toContain(acceptedPart);
  else expect(e.accepted).toMatch(acceptedPart);
}

// Every input: good raw values with the parsed setting they give, bad raw values with a fragment of
// the "accepted" text. The last test checks that this table covers every name of INPUTS.
interface Case {
  field: keyof Settings;
  default: unknown;
  good: Array<[string, unknown]>;
  bad: Array<[string, string | RegExp]>;
}

const NUMBER_WORDS = ['abc', 'NaN', 'Infinity', '1,5', '1 2', '0x10'];
const BOOL: Array<[string, unknown]> = [['true', true], ['TRUE', true], ['yes', true], ['on', true], ['1', true], ['false', false], ['No', false], ['off', false], ['0', false]];
const BOOL_BAD: Array<[string, string]> = [['maybe', "'true' or 'false'"], ['2', "'true' or 'false'"], ['tru', "'true' or 'false'"]];

const CASES: Record<string, Case> = {
  'sample-interval': {
    field: 'sampleIntervalSeconds',
    default: 1,
    good: [['0.1', 0.1], ['60', 60], ['2.5', 2.5], [' 5 ', 5], ['.5', 0.5], ['1e1', 10], ['+2', 2]],
    bad: [['0.05', 'from 0.1 to 60'], ['0', 'from 0.1 to 60'], ['61', 'from 0.1 to 60'], ['-1', 'a number'], ['1s', 'a number'], ...NUMBER_WORDS.map((w): [string, string] => [w, 'from 0.1 to 60'])],
  },
  scope: {
    field: 'scope',
    default: 'process-tree',
    good: [['process-tree', 'process-tree'], ['machine', 'machine'], [' MACHINE ', 'machine']],
    bad: [['tree', "'process-tree', 'machine'"], ['all', "'process-tree', 'machine'"]],
  },
  'carbon-intensity': {
    field: 'carbonIntensityGPerKwh',
    default: null,
    good: [['0', 0], ['472', 472], ['2000', 2000], ['55.5', 55.5]],
    bad: [['-1', 'from 0 to 2000'], ['2001', 'from 0 to 2000'], ['100g', 'a number'], ['abc', 'a number']],
  },
  region: {
    field: 'region',
    default: null,
    good: [['azure:eastus2', { provider: 'azure', name: 'eastus2' }], ['AWS:US-EAST-1', { provider: 'aws', name: 'us-east-1' }], ['gcp:europe-west1', { provider: 'gcp', name: 'europe-west1' }]],
    bad: [['eastus2', "'provider:region'"], ['i b m:us-south', "'provider:region'"], ['_x:eu', "'provider:region'"], ['azure:', "'provider:region'"], ['azure:east us', "'provider:region'"], ['azure:eastus:2', "'provider:region'"]],
  },
  country: {
    field: 'country',
    default: null,
    good: [['FR', 'FR'], ['fra', 'FRA'], [' de ', 'DE']],
    bad: [['F', 'ISO 3166'], ['FRAN', 'ISO 3166'], ['F1', 'ISO 3166'], ['France', 'ISO 3166']],
  },
  'electricity-maps-token': {
    field: 'electricityMapsToken',
    default: null,
    good: [['abc123', 'abc123'], ['  spaced  ', 'spaced']],
    bad: [],
  },
  'budget-gco2e': {
    field: 'budgetGCo2e',
    default: null,
    good: [['5', 5], ['0.001', 0.001], ['1000000000', 1e9]],
    bad: [['0', 'greater than 0'], ['-1', 'greater than 0'], ['1e10', 'at most 1000000000'], ['5g', 'a number']],
  },
  'budget-wh': {
    field: 'budgetWh',
    default: null,
    good: [['12.5', 12.5], ['1e-3', 0.001]],
    bad: [['0', 'greater than 0'], ['lots', 'a number']],
  },
  'max-increase': {
    field: 'maxIncreasePercent',
    default: null,
    good: [['10%', 10], ['10', 10], ['0', 0], ['12.5 %', 12.5], ['1000%', 1000]],
    bad: [['-5%', 'a percentage'], ['1001%', 'a percentage'], ['ten', 'a percentage'], ['10%%', 'a percentage'], ['0.1.2', 'a percentage']],
  },
  'fail-on': {
    field: 'failOn',
    default: 'budget',
    good: [['budget', 'budget'], ['regression', 'regression'], ['any', 'any'], ['never', 'never'], ['ANY', 'any']],
    bad: [['always', "'budget', 'regression', 'any', 'never'"], ['budget,regression', "'budget'"]],
  },
  'min-baseline-runs': {
    field: 'minBaselineRuns',
    default: 3,
    good: [['1', 1], ['100', 100], ['7', 7]],
    bad: [['0', 'a whole number from 1 to 100'], ['101', 'a whole number'], ['2.5', 'a whole number'], ['x', 'a whole number']],
  },
  'compare-on': {
    field: 'compareOn',
    default: 'gco2e',
    good: [['gco2e', 'gco2e'], ['energy-wh', 'energy-wh'], ['cpu-seconds', 'cpu-seconds']],
    bad: [['co2', "'gco2e', 'energy-wh', 'cpu-seconds'"], ['wh', "'energy-wh'"]],
  },
  baseline: { field: 'baseline', default: true, good: BOOL, bad: BOOL_BAD },
  'baseline-branches': {
    field: 'baselineBranches',
    default: [],
    good: [['release', ['release']], ['a, b,,c ,', ['a', 'b', 'c']]],
    bad: [],
  },
  'require-measurement': { field: 'requireMeasurement', default: false, good: BOOL, bad: BOOL_BAD },
  'baseline-key': { field: 'baselineKey', default: null, good: [['linux-node20', 'linux-node20'], [' k ', 'k']], bad: [] },
  'baseline-window': {
    field: 'baselineWindow',
    default: 5,
    good: [['1', 1], ['50', 50]],
    bad: [['0', 'a whole number from 1 to 50'], ['51', 'from 1 to 50'], ['1.5', 'a whole number'], ['-3', 'a whole number']],
  },
  comment: {
    field: 'comment',
    default: 'always',
    good: [['always', 'always'], ['on-regression', 'on-regression'], ['never', 'never']],
    bad: [['sometimes', "'always', 'on-regression', 'never'"], ['true', "'always'"]],
  },
  artifact: { field: 'artifact', default: true, good: BOOL, bad: BOOL_BAD },
  'artifact-name': {
    field: 'artifactName',
    default: null,
    good: [['my-report', 'my-report'], ['carbon gate (linux)', 'carbon gate (linux)']],
    bad: [['a/b', 'a name without'], ['a:b', 'a name without'], ['a"b', 'a name without'], ["a'b", 'a name without'], ['a*b', 'a name without'], ['a\\b', 'a name without'], ['a\nb', 'a name without'], ['.', "other than '.' or '..'"], ['..', "other than '.' or '..'"], [' .. ', "other than '.' or '..'"]],
  },
  'artifact-retention-days': {
    field: 'artifactRetentionDays',
    default: null,
    good: [['1', 1], ['90', 90]],
    bad: [['0', 'a whole number from 1 to 90'], ['91', 'from 1 to 90'], ['1.5', 'a whole number']],
  },
  'power-model': {
    field: 'powerModel',
    default: 'auto',
    good: [['auto', 'auto'], ['ccf', 'ccf'], ['tdp', 'tdp'], ['ecoci-github-4vcpu', 'ecoci-github-4vcpu']],
    bad: [['ecoci', "'auto', 'ccf', 'tdp', 'ecoci-github-4vcpu'"]],
  },
  // cpu-watts-idle and cpu-watts-max are tested together below (each needs the other).
  'cpu-watts-idle': { field: 'cpuWattsIdle', default: null, good: [], bad: [] },
  'cpu-watts-max': { field: 'cpuWattsMax', default: null, good: [], bad: [] },
  'tdp-watts': {
    field: 'tdpWatts',
    default: null,
    good: [['65', 65], ['2000', 2000], ['12.5', 12.5]],
    bad: [['0', 'greater than 0'], ['2001', 'at most 2000'], ['65W', 'a number']],
  },
  'cloud-provider': {
    field: 'cloudProvider',
    default: null,
    good: [['aws', 'aws'], ['AZURE', 'azure'], ['gcp', 'gcp'], ['acme-cloud', 'acme-cloud']],
    // whether the data has the provider is the model's check (__tests__/model/select.test.ts)
    bad: [['a w s', 'a provider id of data/cloud-providers.csv'], ['aws!', "'aws', 'azure' or 'gcp'"], ['-x', "letters, digits and '-'"]],
  },
  'instance-type': { field: 'instanceType', default: null, good: [['m5.xlarge', 'm5.xlarge'], [' Standard_D4s_v3 ', 'Standard_D4s_v3']], bad: [] },
  'detect-cloud': { field: 'detectCloud', default: false, good: BOOL, bad: BOOL_BAD },
  'include-embodied': { field: 'includeEmbodied', default: true, good: BOOL, bad: BOOL_BAD },
  gpu: {
    field: 'gpu',
    default: 'auto',
    good: [['auto', 'auto'], ['nvidia', 'nvidia'], ['amd', 'amd'], ['off', 'off']],
    bad: [['intel', "'auto', 'nvidia', 'amd', 'off'"], ['false', "'off'"]],
  },
  rapl: { field: 'rapl', default: true, good: BOOL, bad: BOOL_BAD },
  chart: {
    field: 'chart',
    default: 'mermaid',
    good: [['mermaid', 'mermaid'], ['sparkline', 'sparkline'], ['none', 'none']],
    bad: [['svg', "'mermaid', 'sparkline', 'none'"]],
  },
  'job-name': { field: 'jobName', default: null, good: [['unit tests', 'unit tests'], ['<b>x</b>', '<b>x</b>']], bad: [] },
  'job-id': { field: 'jobId', default: null, good: [['31415926535', '31415926535'], [' 42 ', '42']], bad: [['abc', 'the numeric job id'], ['12/34', 'the numeric job id']] },
  token: { field: 'token', default: '', good: [['ghs_abc', 'ghs_abc'], [' ghs_x ', 'ghs_x']], bad: [] },
  // The URL and header inputs may carry secrets: their errors hide the value (export-inputs.test.ts).
  'prometheus-pushgateway-url': {
    field: 'pushgatewayUrl',
    default: null,
    good: [['http://127.0.0.1:9091', 'http://127.0.0.1:9091'], ['https://pg.example.com/prefix/', 'https://pg.example.com/prefix']],
    bad: [],
  },
  'prometheus-pushgateway-headers': { field: 'pushgatewayHeaders', default: {}, good: [['Authorization: Bearer abc', { Authorization: 'Bearer abc' }]], bad: [] },
  'otlp-endpoint': { field: 'otlpEndpoint', default: null, good: [['http://localhost:4318', 'http://localhost:4318']], bad: [] },
  'otlp-headers': { field: 'otlpHeaders', default: {}, good: [['x-api-key=k1,x-tenant=acme', { 'x-api-key': 'k1', 'x-tenant': 'acme' }]], bad: [] },
  'export-labels': {
    field: 'exportLabels',
    default: {},
    good: [['team=payments, cost_center=42', { team: 'payments', cost_center: '42' }], ['a=b\nc=d e', { a: 'b', c: 'd e' }]],
    bad: [['team', 'Prometheus label names'], ['9x=1', 'Prometheus label names'], ['__name__=x', 'not starting with __'], ['repository=x', 'other than the built-in'], ['team=', 'non-empty value']],
  },
  'export-run-id': { field: 'exportRunId', default: false, good: BOOL, bad: BOOL_BAD },
};

describe('parseSettings: every input', () => {
  test('the table above covers exactly the inputs of INPUTS', () => {
    expect(Object.keys(CASES).sort()).toEqual(INPUTS.map((i) => i.name).sort());
  });

  test('parseSettings reads every declared input (none is declared and ignored)', () => {
    const asked = new Set<string>();
    parseSettings((n) => {
      asked.add(n);
      return undefined;
    });
    expect([...asked].sort()).toEqual(INPUTS.map((i) => i.name).sort());
  });

  test('defaults: nothing given', () => {
    const s = parse();
    for (const [name, c] of Object.entries(CASES)) {
      expect([name, s[c.field]]).toEqual([name, c.default]);
    }
  });

  test('defaults: every input given as empty or whitespace takes its default', () => {
    const blank = parseSettings((n) => (n.length % 2 ? '' : '   '));
    expect(blank).toEqual(parse());
  });

  test('the token default `${{ github.token }}` is never used literally', () => {
    expect(INPUTS.find((i) => i.name === 'token')?.default).toBe('${{ github.token }}');
    expect(parse().token).toBe('');
  });

  const goods = Object.entries(CASES).flatMap(([name, c]) => c.good.map(([raw, want]) => [name, raw, c.field, want] as const));
  test.each(goods)('%s = %j is accepted', (name, raw, field, want) => {
    expect(parse({ [name]: raw })[field]).toEqual(want);
  });

  const bads = Object.entries(CASES).flatMap(([name, c]) => c.bad.map(([raw, acc]) => [name, raw, acc] as const));
  test.each(bads)('%s = %j is refused with an InputError naming the input, the value and what is accepted', (name, raw, acc) => {
    expectBad({ [name]: raw }, name, raw, acc);
  });

  test('an InputError message reads well', () => {
    let msg = '';
    try {
      parse({ 'sample-interval': '100' });
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toBe(`Input 'sample-interval' has the value "100"; accepted: a number from 0.1 to 60.`);
  });
});

describe('cpu-watts-idle and cpu-watts-max', () => {
  test('both given: parsed; idle may be 0, idle may equal max', () => {
    expect(parse({ 'cpu-watts-idle': '0.74', 'cpu-watts-max': '3.5' })).toMatchObject({ cpuWattsIdle: 0.74, cpuWattsMax: 3.5 });
    expect(parse({ 'cpu-watts-idle': '0', 'cpu-watts-max': '2' })).toMatchObject({ cpuWattsIdle: 0, cpuWattsMax: 2 });
    expect(parse({ 'cpu-watts-idle': '2', 'cpu-watts-max': '2' })).toMatchObject({ cpuWattsIdle: 2, cpuWattsMax: 2 });
  });
  test('idle without max: the error names cpu-watts-max as missing and says why', () => {
    expectBad({ 'cpu-watts-idle': '1' }, 'cpu-watts-max', '', "'cpu-watts-idle' is set");
  });
  test('max without idle: the error names cpu-watts-idle', () => {
    expectBad({ 'cpu-watts-max': '4' }, 'cpu-watts-idle', '', "'cpu-watts-max' is set");
  });
  test('idle above max is refused on cpu-watts-idle', () => {
    expectBad({ 'cpu-watts-idle': '5', 'cpu-watts-max': '4' }, 'cpu-watts-idle', '5', 'not above cpu-watts-max (4)');
  });
  test.each([
    ['cpu-watts-idle', '-1', { 'cpu-watts-max': '4' }, 'from 0 to 1000'],
    ['cpu-watts-idle', '1001', { 'cpu-watts-max': '4' }, 'from 0 to 1000'],
    ['cpu-watts-idle', 'two', { 'cpu-watts-max': '4' }, 'a number'],
    ['cpu-watts-max', '0', { 'cpu-watts-idle': '0' }, 'greater than 0'],
    ['cpu-watts-max', '1001', { 'cpu-watts-idle': '1' }, 'at most 1000'],
  ])('%s = %j is refused', (name, raw, other, acc) => {
    expectBad({ [name]: raw, ...other }, name, raw, acc);
  });
});

describe('region and cloud-provider', () => {
  test("artifact-name '.' and '..' are refused: they would name a directory, not an artifact", () => {
    for (const v of ['.', '..', ' .. ']) expectBad({ 'artifact-name': v }, 'artifact-name', v, "a name other than '.' or '..'");
    expect(parse({ 'artifact-name': '...x' }).artifactName).toBe('...x');
  });

  test('a region of the same provider is accepted', () => {
    expect(parse({ 'cloud-provider': 'aws', region: 'aws:eu-west-1' })).toMatchObject({ cloudProvider: 'aws', region: { provider: 'aws', name: 'eu-west-1' } });
  });
  test('a region of another provider is refused on region, naming the provider', () => {
    expectBad({ 'cloud-provider': 'aws', region: 'azure:eastus2' }, 'region', 'azure:eastus2', "cloud-provider 'aws'");
  });
  test('the provider comparison ignores case', () => {
    expect(parse({ 'cloud-provider': 'GCP', region: 'gcp:us-central1' }).region).toEqual({ provider: 'gcp', name: 'us-central1' });
  });
});

describe('envLookup', () => {
  test('INPUT_<NAME> upper-cased, dashes kept, spaces to underscores', () => {
    const env = { 'INPUT_SAMPLE-INTERVAL': '2', INPUT_SAMPLE_INTERVAL: 'wrong', 'INPUT_BUDGET-GCO2E': '3', INPUT_MY_INPUT: 'x', INPUT_SCOPE: 'machine' };
    const look = envLookup(env);
    expect(look('sample-interval')).toBe('2');
    expect(look('budget-gco2e')).toBe('3');
    expect(look('my input')).toBe('x');
    expect(look('scope')).toBe('machine');
    expect(look('region')).toBeUndefined();
    expect(parseSettings(look)).toMatchObject({ sampleIntervalSeconds: 2, budgetGCo2e: 3, scope: 'machine' });
  });
  test('lower-case environment names are not read (the runner always upper-cases)', () => {
    expect(envLookup({ 'INPUT_sample-interval': '5' })('sample-interval')).toBeUndefined();
  });
});

/** A minimal reader of the action.yml layout written by scripts/gen-action-yml.mjs (no YAML dependency). */
function readActionYml(text: string): { inputs: Map<string, { default?: string; description?: string; required?: string }>; runs: Record<string, string>; top: Record<string, string> } {
  const unquote = (v: string): string => {
    const t = v.trim();
    if (t.startsWith("'") && t.endsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
    if (t.startsWith('"') && t.endsWith('"')) return JSON.parse(t) as string;
    return t;
  };
  const inputs = new Map<string, { default?: string; description?: string; required?: string }>();
  const runs: Record<string, string> = {};
  const top: Record<string, string> = {};
  let section = '';
  let current: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    const indent = raw.length - raw.trimStart().length;
    const m = /^([^:]+):\s*(.*)$/.exec(raw.trim());
    if (!m) throw new Error(`action.yml: unexpected line ${JSON.stringify(raw)}`);
    const [, key, value] = m;
    if (indent === 0) {
      section = key;
      current = null;
      if (value) top[key] = unquote(value);
    } else if (section === 'inputs' && indent === 2) {
      if (value) throw new Error(`action.yml: input ${key} has an inline value`);
      current = key;
      inputs.set(key, {});
    } else if (section === 'inputs' && indent === 4 && current) {
      (inputs.get(current) as Record<string, string>)[key] = unquote(value);
    } else if (section === 'runs' && indent === 2) {
      runs[key] = unquote(value);
    }
  }
  return { inputs, runs, top };
}

describe('action.yml agrees with INPUTS', () => {
  const yml = readActionYml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));

  test('declares exactly the INPUTS names (plus the hidden `matrix` input), in the same order', () => {
    const names = [...yml.inputs.keys()];
    expect(names.filter((n) => n !== 'matrix')).toEqual(INPUTS.map((i) => i.name));
    expect(names.filter((n) => n === 'matrix')).toEqual(['matrix']);
    expect(yml.inputs.get('matrix')?.default).toBe('${{ toJSON(matrix) }}');
  });

  test('with the same defaults and descriptions, none required', () => {
    for (const i of INPUTS) {
      const y = yml.inputs.get(i.name);
      expect([i.name, y?.default]).toEqual([i.name, i.default]);
      expect([i.name, y?.description]).toEqual([i.name, i.description]);
      expect([i.name, y?.required]).toEqual([i.name, 'false']);
    }
  });

  test('has a name, a description and branding', () => {
    expect(yml.top.name).toBe('carbon-gate');
    expect((yml.top.description ?? '').length).toBeGreaterThan(20);
    expect(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')).toMatch(/^branding:\n {2}icon: '[a-z-]+'\n {2}color: '[a-z]+'$/m);
  });

  test('runs on node24 with pre, main and post from dist/*/index.js', () => {
    expect(yml.runs.using).toBe('node24');
    expect(yml.runs.pre).toBe('dist/pre/index.js');
    expect(yml.runs.main).toBe('dist/main/index.js');
    expect(yml.runs.post).toBe('dist/post/index.js');
  });

  test('the reader itself: quoted values with doubled quotes come back whole', () => {
    const y = readActionYml("inputs:\n  a:\n    description: 'it''s: fine'\n    default: ''\nruns:\n  using: 'node24'\n");
    expect(y.inputs.get('a')).toEqual({ description: "it's: fine", default: '' });
    expect(y.runs.using).toBe('node24');
  });
});

describe('version', () => {
  test('src/version.ts VERSION equals package.json version', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
  });
});
