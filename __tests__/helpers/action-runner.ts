// Runs the bundled action the way the GitHub runner does: `node dist/<stage>/index.js` with INPUT_*
// env, fresh GITHUB_STATE / GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files for each step, state passed on
// to later stages as STATE_*, and RUNNER_TEMP. By default the test process stands in for Runner.Worker:
// the stages are its children, so pre's parent pid is the test process. With `worker: true` a separate
// worker process (runner-worker.mjs) runs every step as its own child with its own GITHUB_ACTION, as
// the real runner does: `run:` steps as `bash --noprofile --norc -eo pipefail <temp>/<uuid>.sh`,
// JavaScript actions as `node <file>`; each step's start and end are logged (for a Jobs API stand-in).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The node that runs the bundles (dist/<stage>/index.js): CARBON_GATE_TEST_NODE when set (.ci/run sets it
 * to Node 24, the runtime action.yml declares, while jest itself runs under the default node), else this
 * process's own node.
 */
export const NODE = process.env.CARBON_GATE_TEST_NODE || process.execPath;

/** Parses a file-command file (`name=value` lines and `name<<DELIM` … `DELIM` blocks). */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]);
      out[name] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

export interface StepResult {
  code: number;
  stdout: string;
  stderr: string;
  summary: string;
  state: Record<string, string>;
  outputs: Record<string, string>;
  warnings: string[];
  errors: string[];
  durationMs: number;
}

export interface JobOptions {
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** Directory of the action (dist/ and data/ inside it). */
  actionDir?: string;
  /** Run every step as a child of one worker process (the sampler's root), as the real runner does. */
  worker?: boolean;
}

/** A step as the runner logged it (what the Jobs API reports). */
export interface LoggedStep {
  name: string;
  number: number;
  pid: number;
  startedMs: number;
  endedMs: number | null;
}

interface Spawned {
  code: number;
  stdout: string;
  stderr: string;
  pid: number;
  startedMs: number;
  endedMs: number;
}

/** The identity of the action under test as a `uses:` step (GITHUB_ACTION* of its stages). */
const ACTION_ENV = { GITHUB_ACTION: 'carbon', GITHUB_ACTION_REPOSITORY: 'acme/carbon-gate', GITHUB_ACTION_REF: 'v1' };

/** One emulated job: shared RUNNER_TEMP and accumulated state across its steps. */
export class EmulatedJob {
  readonly temp: string;
  readonly state: Record<string, string> = {};
  /** Steps run so far, in order, with their worker-side start and end. */
  readonly steps: LoggedStep[] = [];
  private step = 0;
  private runSteps = 0;
  private worker: ChildProcess | null = null;
  private readonly pending = new Map<number, (r: Spawned) => void>();

  constructor(private readonly opts: JobOptions = {}) {
    this.temp = mkdtempSync(path.join(os.tmpdir(), 'cg-job-'));
    if (opts.worker) {
      // Its own session (and autogroup): the CPU-burning steps it runs do not slow the rest of the jest session.
      this.worker = spawn(process.execPath, [path.join(ROOT, '__tests__', 'helpers', 'runner-worker.mjs')], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], detached: true });
      this.worker.on('message', (m: Spawned & { id: number }) => {
        this.pending.get(m.id)?.(m);
        this.pending.delete(m.id);
      });
    }
  }

  /** The worker's pid (the root the sampler follows), when the job has one. */
  get workerPid(): number | undefined {
    return this.worker?.pid;
  }

  private exec(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<Spawned> {
    const worker = this.worker;
    if (worker) {
      return new Promise((resolve) => {
        const id = this.step * 1000 + this.pending.size;
        this.pending.set(id, resolve);
        worker.send({ id, file, args, env });
      });
    }
    return new Promise((resolve, reject) => {
      const startedMs = Date.now();
      const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      // 'close' waits for the pipes: a sampler that kept the step's stdout open would hang here.
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, pid: child.pid ?? -1, startedMs, endedMs: Date.now() }));
    });
  }

  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const inputs: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.opts.inputs ?? {})) inputs[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
    const state: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.state)) state[`STATE_${k}`] = v;
    const base: NodeJS.ProcessEnv = {};
    for (const k of ['PATH', 'HOME', 'LANG', 'SYSTEMROOT', 'TMPDIR']) if (process.env[k]) base[k] = process.env[k];
    return {
      ...base,
      RUNNER_TEMP: this.temp,
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
      RUNNER_NAME: 'emulated-runner',
      RUNNER_ENVIRONMENT: 'github-hosted',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKFLOW: 'ci',
      GITHUB_JOB: 'build',
      GITHUB_RUN_ID: '1001',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_REPOSITORY: 'acme/widgets',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: 'http://127.0.0.1:9/',
      ...inputs,
      ...state,
      ...this.opts.env,
      ...extra,
    };
  }

  /**
   * Runs `node dist/<stage>/index.js` as a step. `extraEnv` wins over the step's own file commands (e.g.
   * GITHUB_STEP_SUMMARY=/dev/full); `wrap` runs the step through a command, e.g. a shell that lowers a ulimit.
   */
  run(stage: 'pre' | 'main' | 'post', extraEnv: Record<string, string> = {}, wrap: string[] = []): Promise<StepResult> {
    const n = ++this.step;
    const files = {
      GITHUB_STATE: path.join(this.temp, `state_${n}`),
      GITHUB_OUTPUT: path.join(this.temp, `output_${n}`),
      GITHUB_STEP_SUMMARY: path.join(this.temp, `summary_${n}`),
    };
    for (const f of Object.values(files)) writeFileSync(f, '');
    const env = { ...this.env(extraEnv), ...files, ...extraEnv };
    const script = path.join(this.opts.actionDir ?? ROOT, 'dist', stage, 'index.js');
    const name = stage === 'pre' ? 'Pre carbon-gate' : stage === 'post' ? 'Post carbon-gate' : 'Run acme/carbon-gate@v1';
    const argv = [...wrap, NODE, script];
    return this.logged(name, this.exec(argv[0], argv.slice(1), this.worker ? { ...ACTION_ENV, ...env } : env)).then((r) => {
      const state = parseFileCommands(readFileSync(env.GITHUB_STATE as string, 'utf8'));
      Object.assign(this.state, state);
      const cmds = (kind: string): string[] =>
        r.stdout
          .split('\n')
          .filter((l) => l.startsWith(`::${kind}`))
          .map((l) => decodeURIComponent(l.slice(l.indexOf('::', 2) + 2).replace(/%(?![0-9A-F]{2})/g, '%25')));
      return {
        code: r.code,
        stdout: r.stdout,
        stderr: r.stderr,
        summary: existsSync(files.GITHUB_STEP_SUMMARY) ? readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') : '',
        state,
        outputs: parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
        warnings: cmds('warning'),
        errors: cmds('error'),
        durationMs: r.endedMs - r.startedMs,
      };
    });
  }

  /**
   * A workload step (worker jobs only): `run:` a bash script, written to a temp file like the runner
   * does, or a JavaScript action `node <file>` with its action reference in GITHUB_ACTION_*.
   */
  async runStep(name: string, step: { run: string } | { node: string; repository: string; ref: string; id?: string }, extraEnv: Record<string, string> = {}): Promise<Spawned> {
    if (!this.worker) throw new Error('runStep needs a job with worker: true');
    this.step++;
    const env = this.env(extraEnv);
    if ('run' in step) {
      const n = ++this.runSteps;
      const dir = path.join(this.temp, '_temp');
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${randomUUID()}.sh`);
      writeFileSync(file, step.run);
      const r = await this.logged(name, this.exec('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], { ...env, GITHUB_ACTION: n === 1 ? '__run' : `__run_${n}` }));
      rmSync(file, { force: true });
      return r;
    }
    const actionEnv = { GITHUB_ACTION: step.id ?? `__${step.repository.replace('/', '_')}`, GITHUB_ACTION_REPOSITORY: step.repository, GITHUB_ACTION_REF: step.ref };
    return this.logged(name, this.exec(NODE, [step.node], { ...env, ...actionEnv }));
  }

  private async logged(name: string, p: Promise<Spawned>): Promise<Spawned> {
    const entry: LoggedStep = { name, number: this.steps.length + 1, pid: -1, startedMs: Date.now(), endedMs: null };
    this.steps.push(entry);
    const r = await p;
    Object.assign(entry, { pid: r.pid, startedMs: r.startedMs, endedMs: r.endedMs });
    return r;
  }

  cleanup(): void {
    this.worker?.disconnect();
    this.worker = null;
    rmSync(this.temp, { recursive: true, force: true });
  }
}

/** True while the process runs; an exited process waiting to be reaped (a zombie, state Z) is not running. */
export function pidAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    if (stat[stat.lastIndexOf(')') + 2] === 'Z') return false;
  } catch {
    /* no /proc entry: fall through to signal 0 */
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The workload of the foundation e2e: two processes each burning `burnSeconds` of CPU and `shortLived`
 * short processes, run by bash, whose `times` builtin prints the kernel's own accounting of the shell
 * and all the children it waited for. Returns that truth in CPU seconds.
 */
/** Two CPU burners beside `shortLived` short processes, then bash `times` (the kernel's account of it all). */
export function workloadScript(opts: { burnSeconds: number; shortLived: number }): string {
  // Each burner stops after burnSeconds of its own CPU time (not wall time), so the workload is the
  // same amount of CPU however busy the machine is.
  const burn = `node -e "let x=0; while(process.cpuUsage().user<${opts.burnSeconds * 1e6}){for(let i=0;i<1e5;i++)x+=Math.sqrt(x+i)}"`;
  return `${burn} & ${burn} & i=0; while [ $i -lt ${opts.shortLived} ]; do /bin/true; i=$((i+1)); done; wait; times`;
}

/** CPU seconds in bash `times` output: the shell's and its waited-for children's user + system. */
export function cpuSecondsOfTimes(out: string): number {
  const secs = [...out.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (secs.length !== 4) throw new Error(`unexpected times output: ${out}`);
  return secs.reduce((a, b) => a + b, 0);
}

export function runWorkload(opts: { burnSeconds: number; shortLived: number }): Promise<{ cpuSeconds: number; wallMs: [number, number] }> {
  const script = workloadScript(opts);
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const child = spawn('bash', ['-c', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`workload exited ${code}`));
      try {
        resolve({ cpuSeconds: cpuSecondsOfTimes(out), wallMs: [t0, Date.now()] });
      } catch (e) {
        reject(e as Error);
      }
    });
  });
}
