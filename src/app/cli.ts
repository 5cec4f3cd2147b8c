// carbon-gate CLI: measure a command locally with the same sampler, model and report as the action.
import { markdownToText } from '../core/report/text.js';
import { verdictLine } from '../core/report/verdict-line.js';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readHardwareFacts } from '../adapters/hardware.js';
import type { RunResult } from '../core/types.js';
import { exportsEnabled, runExports, type ExportSink } from '../export/outputs.js';
import { readMarker, samplerScript, stopSampler, waitForFirstSample } from '../adapters/sampler-process.js';
import { INPUTS, InputError, parseSettings } from '../settings/inputs.js';
import type { Settings } from '../settings/settings.js';
import { CONFIG_FILE, LOG_FILE, MARKER_FILE, SAMPLES_FILE } from '../sampler/config.js';
import { VERSION } from '../version.js';
import { commandUsage, EXIT_GATE_FAILED, EXIT_USAGE, EXPORT_USAGE, REPORT_USAGE, RUN_USAGE, USAGE, isHelpFlag, isVersionFlag } from './cli-usage.js';
import { finishRun, OUTPUT_FILES, type Finished } from './finish.js';
import { RUN_DIR_OUTPUTS } from './outputs/run-dir.js';
import { runOutputs } from './outputs/run.js';
import { exportsOutput } from './outputs/exports.js';
import { jobFromEnv } from './job.js';
import { RUN_INFO_FILE, readRunInfo, savedSettings } from './run-info.js';
import { prepareOutDir } from './out-dir.js';
import { SignalRelay } from './signal-relay.js';
import { startMeasurement, validateAgainstTables } from './start.js';

export { EXIT_GATE_FAILED, EXIT_USAGE, USAGE } from './cli-usage.js';

const ALIASES: Record<string, string> = { interval: 'sample-interval', budget: 'budget-gco2e' };

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Whether stdout is a terminal (chooses the default format and colour). */
  isTTY?: boolean;
}

const defaultIo: CliIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), isTTY: process.stdout.isTTY === true };

export type OutputFormat = 'text' | 'markdown' | 'json';
const FORMATS: readonly OutputFormat[] = ['text', 'markdown', 'json'];

/** --format, or text on a terminal and markdown when redirected. */
export function outputFormat(flag: string | undefined, isTTY: boolean): OutputFormat {
  if (flag === undefined) return isTTY ? 'text' : 'markdown';
  const f = flag.trim().toLowerCase();
  if ((FORMATS as readonly string[]).includes(f)) return f as OutputFormat;
  throw new InputError('--format', flag, "'text', 'markdown' or 'json'");
}

/** The report on stdout in the chosen format; colour only for text on a terminal without NO_COLOR. */
function printReport(result: RunResult, summary: string, format: OutputFormat, io: CliIo, env: NodeJS.ProcessEnv): void {
  if (format === 'json') io.out(JSON.stringify(result, null, 2) + '\n');
  else if (format === 'markdown') io.out(summary);
  else io.out(markdownToText(summary, { color: io.isTTY === true && !env.NO_COLOR }));
}

/** Splits argv into flags (input name → raw value) and the rest; `help` when -h/--help came before the command. */
export function parseFlags(args: string[]): { flags: Map<string, string>; rest: string[]; help?: true } {
  const flags = new Map<string, string>();
  let help = false;
  const known = new Set([...INPUTS.map((i) => i.name), 'out', 'format', 'force']);
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (isHelpFlag(a)) {
      help = true;
      continue;
    }
    if (!a.startsWith('--')) break;
    const eq = a.indexOf('=');
    let name = a.slice(2, eq < 0 ? undefined : eq);
    name = ALIASES[name] ?? name;
    if (!known.has(name) || name === 'token') throw new InputError(`--${a.slice(2, eq < 0 ? undefined : eq)}`, a, `one of --${[...known].filter((k) => k !== 'token').join(', --')}, --interval`);
    let value: string | undefined;
    if (name === 'force' && eq < 0) value = 'true';
    else if (eq >= 0) value = a.slice(eq + 1);
    else {
      value = args[++i];
      if (value === undefined) throw new InputError(`--${name}`, '', 'a value after the flag');
    }
    flags.set(name, value);
  }
  return help ? { flags, rest: args.slice(i), help: true } : { flags, rest: args.slice(i) };
}

function runChild(command: string[], relay: SignalRelay): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { stdio: 'inherit' });
    relay.forwardTo((sig) => child.kill(sig));
    child.on('error', (e) => {
      process.stderr.write(`carbon-gate: cannot run ${JSON.stringify(command[0])}: ${e.message}\n`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      // A command killed by a signal exits like a shell reports it: 128 + the signal number.
      resolve(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1));
    });
  });
}

/** The registry's run-directory outputs (emissions.csv, carbon-gate.json, summary.md, …); problems on stderr. */
async function writeRunDirOutputs(finished: Finished, io: CliIo): Promise<void> {
  await runOutputs(RUN_DIR_OUTPUTS, finished, { warn: (m) => io.err(`carbon-gate: warning: ${m}\n`), note: () => undefined, github: null }, ['run-dir']);
}

async function cmdRun(args: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  const { flags, rest, help } = parseFlags(args);
  if (help) {
    io.out(RUN_USAGE);
    return 0;
  }
  if (!rest.length) throw new InputError('command', '', 'a command after the options, e.g. carbon-gate run -- npm test');
  const settings: Settings = parseSettings((name) => flags.get(name));
  const format = outputFormat(flags.get('format'), io.isTTY === true);
  const facts = readHardwareFacts(env);
  validateAgainstTables(settings, facts, env);
  const force = flags.get('force');
  if (force !== undefined && force !== 'true' && force !== 'false') throw new InputError('--force', force, "no value (or 'true' / 'false')");
  const out = prepareOutDir(flags.get('out') ?? 'carbon-gate-report', { force: force === 'true' });
  try {
    return await measureInto({ outDir: out.dir, rest, settings, facts, format }, io, env);
  } finally {
    out.release();
  }
}

async function measureInto(
  { outDir, rest, settings, facts, format }: { outDir: string; rest: string[]; settings: Settings; facts: ReturnType<typeof readHardwareFacts>; format: OutputFormat },
  io: CliIo,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  for (const f of [SAMPLES_FILE, MARKER_FILE, LOG_FILE, CONFIG_FILE, RUN_INFO_FILE, ...Object.values(OUTPUT_FILES)]) rmSync(path.join(outDir, f), { force: true });

  const job = { ...jobFromEnv({}, settings.jobName ?? rest.join(' ').slice(0, 80)), key: `local/${settings.jobName ?? path.basename(rest[0])}/default` };
  // Every process the command starts inherits this marker, so a daemon that double-forks out of the tree
  // is still recognised as the command's (shown as escaped CPU), as RUNNER_TRACKING_ID does on a runner.
  process.env.CARBON_GATE_TRACKING_ID ??= randomUUID();
  const relay = new SignalRelay();
  let code: number;
  let started;
  try {
    // The command is the CLI's child; its own children are the steps (bash -c 'npm ci && npm test' → two).
    started = startMeasurement({ env, settings, job, rootPid: process.pid, samplerScript: samplerScript(import.meta.url), facts, runDir: outDir, exitWithParent: true, stepDepth: 2 });
    const first = await waitForFirstSample(started.samplerPid, outDir, 5000);
    if (first !== 'written') io.err(`carbon-gate: warning: the sampler ${first === 'exited' ? 'exited without writing a sample' : 'has not written a first sample after 5 s'}; measuring anyway.\n`);
    code = await runChild(rest, relay);
  } finally {
    relay.close();
  }
  const stop = await stopSampler(started.samplerPid, started.info.samplerScript, outDir);
  const finished = await finishRun({ runDir: outDir, info: started.info, settings, marker: stop.marker, samplerEnded: stop.how, env });
  await writeRunDirOutputs(finished, io);
  const { result, summary, files } = finished;
  printReport(result, summary, format, io, env);
  await runOutputs([exportsOutput], finished, { warn: (m) => io.err(`carbon-gate: warning: ${m}\n`), note: (m) => io.err(`${m}\n`), github: null }, ['export']);
  io.err(`\ncarbon-gate: ${verdictLine(result, settings)}\nfiles: ${files.emissionsCsv}, ${files.carbonGateCsv}, ${files.samplesCsv}, ${files.stepsCsv}, ${files.json}, ${files.summary}\n`);
  if (code !== 0) return code;
  return result.verdict.failBuild ? EXIT_GATE_FAILED : 0;
}

async function cmdReport(argv: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  if (argv.some(isHelpFlag)) {
    io.out(REPORT_USAGE);
    return 0;
  }
  const { flags, rest: args } = parseFlags(argv);
  if ([...flags.keys()].some((k) => k !== 'format')) throw new InputError('report options', argv.join(' '), 'only --format before the run directory');
  const format = outputFormat(flags.get('format'), io.isTTY === true);
  const dir = args[0];
  if (!dir || args.length > 1) throw new InputError('run-dir', args.join(' '), 'exactly one run directory (the --out of an earlier `carbon-gate run`, or the action’s run directory)');
  if (!existsSync(path.join(dir, RUN_INFO_FILE))) throw new InputError('run-dir', dir, `a directory holding ${RUN_INFO_FILE} and ${SAMPLES_FILE}`);
  let finished: Finished;
  try {
    const info = readRunInfo(dir);
    finished = await finishRun({ runDir: dir, info, settings: savedSettings(info), marker: readMarker(dir), samplerEnded: 'saved', cloud: null, live: null });
  } catch (e) {
    // A damaged run directory is a usage problem (exit 2), told in one line, not a stack trace.
    io.err(`carbon-gate: cannot report on ${dir}: ${(e as Error).message}\n`);
    return EXIT_USAGE;
  }
  await writeRunDirOutputs(finished, io);
  const { result, summary } = finished;
  printReport(result, summary, format, io, env);
  return result.verdict.failBuild ? EXIT_GATE_FAILED : 0;
}

function cliSink(io: CliIo): ExportSink {
  return { info: (m) => io.err(`${m}\n`), warning: (m) => io.err(`warning: ${m}\n`), setSecret: () => undefined };
}

/** `carbon-gate export <run-dir>...`: pushes saved results (carbon-gate.json) to the configured engines. */
async function cmdExport(args: string[], io: CliIo): Promise<number> {
  const { flags, rest, help } = parseFlags(args);
  if (help) {
    io.out(EXPORT_USAGE);
    return 0;
  }
  if (!rest.length) throw new InputError('run-dir', '', 'one or more run directories holding carbon-gate.json (an action run directory, a `carbon-gate run --out` directory or a downloaded artifact)');
  const settings = parseSettings((name) => flags.get(name));
  if (!exportsEnabled(settings)) throw new InputError('--prometheus-pushgateway-url', '', 'a Pushgateway URL and/or --otlp-endpoint: export needs a destination');
  const results = rest.map((dir) => {
    const file = path.join(dir, OUTPUT_FILES.json);
    if (!existsSync(file)) throw new InputError('run-dir', dir, `a directory holding ${OUTPUT_FILES.json}`);
    return { dir, result: JSON.parse(readFileSync(file, 'utf8')) as RunResult };
  });
  let failed = 0;
  for (const { dir, result } of results) {
    io.err(`carbon-gate: exporting ${dir} (${result.job.label})\n`);
    if ((await runExports(result, settings, cliSink(io))).length) failed++;
  }
  return failed ? 1 : 0;
}

export async function runCli(argv: string[], io: CliIo = defaultIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [cmd, ...args] = argv;
  try {
    if (!cmd) {
      io.out(USAGE);
      return EXIT_USAGE;
    }
    if (isHelpFlag(cmd)) {
      io.out(USAGE);
      return 0;
    }
    if (cmd === 'help') {
      if (args.length > 1 || (args[0] !== undefined && !commandUsage(args[0]))) throw new InputError('help', args.join(' '), "nothing, 'run', 'report' or 'export'");
      io.out((args[0] !== undefined && commandUsage(args[0])) || USAGE);
      return 0;
    }
    if (isVersionFlag(cmd) || cmd === 'version') {
      io.out(`${VERSION}\n`);
      return 0;
    }
    if (cmd === 'run') return await cmdRun(args, io, env);
    if (cmd === 'report') return await cmdReport(args, io, env);
    if (cmd === 'export') return await cmdExport(args, io);
    throw new InputError('command', cmd, "'run', 'report', 'export', 'help', '--help' or '--version'");
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`carbon-gate: ${e.message}\n\n${commandUsage(cmd) ?? USAGE}`);
      return EXIT_USAGE;
    }
    throw e;
  }
}
