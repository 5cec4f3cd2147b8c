// The environment GitHub's runner gives a JavaScript action: INPUT_* with action.yml's defaults
// (expressions replaced by plain values), a state file and the usual RUNNER_/GITHUB_ variables.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Input defaults from action.yml (`name:` under `inputs:` followed by a `default:` line). */
export function actionDefaults(actionYml) {
  const out = {};
  const text = readFileSync(actionYml, 'utf8');
  const inputs = text.slice(text.indexOf('\ninputs:'), text.indexOf('\nruns:') > 0 ? text.indexOf('\nruns:') : undefined);
  let current = null;
  for (const line of inputs.split('\n')) {
    const name = /^ {2}([a-z0-9-]+):\s*$/.exec(line);
    if (name) current = name[1];
    const def = /^ {4}default:\s*'?(.*?)'?\s*$/.exec(line);
    if (def && current) out[current] = def[1];
  }
  return out;
}

export function actionEnv({ root, actionYml, overrides = {}, state = {} }) {
  mkdirSync(root, { recursive: true });
  const inputs = { ...actionDefaults(actionYml), token: '', matrix: 'null', ...overrides };
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RUNNER_TEMP: join(root, 'runner-temp'),
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: process.arch === 'arm64' ? 'ARM64' : 'X64',
    RUNNER_ENVIRONMENT: 'self-hosted',
    RUNNER_NAME: 'bench',
    RUNNER_TRACKING_ID: `bench_${process.pid}`,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: '0'.repeat(40),
    GITHUB_REPOSITORY: 'bench/bench',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'bench',
    GITHUB_WORKFLOW: 'bench',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_SERVER_URL: 'http://127.0.0.1:9',
    GITHUB_STATE: join(root, 'state'),
    GITHUB_OUTPUT: join(root, 'output'),
    GITHUB_ENV: join(root, 'env'),
    GITHUB_STEP_SUMMARY: join(root, 'summary.md'),
  };
  mkdirSync(env.RUNNER_TEMP, { recursive: true });
  for (const f of ['GITHUB_STATE', 'GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STEP_SUMMARY']) writeFileSync(env[f], '');
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  for (const [k, v] of Object.entries(state)) env[`STATE_${k}`] = v;
  return env;
}

/** name=value lines (and name<<DELIM blocks) of a GITHUB_STATE file. */
export function readStateFile(file) {
  const out = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const body = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) body.push(lines[i]);
      out[heredoc[1]] = body.join('\n');
      continue;
    }
    const eq = lines[i].indexOf('=');
    if (eq > 0) out[lines[i].slice(0, eq)] = lines[i].slice(eq + 1);
  }
  return out;
}
