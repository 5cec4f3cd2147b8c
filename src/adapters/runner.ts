// The runner's file and workflow commands, written directly so that pre and main load nothing heavy.
// Same protocol as @actions/core: state and outputs as `name<<DELIMITER` blocks in $GITHUB_STATE /
// $GITHUB_OUTPUT, the step summary appended to $GITHUB_STEP_SUMMARY, commands as `::name::message`.
import { appendFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

/** Percent-encodes what would break a workflow command (same escapes as the toolkit). */
export function escapeCommandData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function fileCommand(file: string | undefined, name: string, value: string): boolean {
  if (!file) return false;
  const delim = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delim}\n${value}\n${delim}\n`, 'utf8');
  return true;
}

export interface Runner {
  info(msg: string): void;
  warning(msg: string): void;
  error(msg: string): void;
  group(title: string): void;
  endGroup(): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  setOutput(name: string, value: string): void;
  appendSummary(markdown: string): boolean;
  /** Registers a secret with the runner (`::add-mask::`): it is masked in every later log line. */
  setSecret(value: string): void;
  /** Marks the step failed: an error annotation and exit code 1 when the process ends. */
  fail(msg: string): void;
}

export function createRunner(env: NodeJS.ProcessEnv = process.env, write: (s: string) => void = (s) => process.stdout.write(s)): Runner {
  const cmd = (name: string, msg: string): void => write(`::${name}::${escapeCommandData(msg)}\n`);
  return {
    info: (msg) => write(`${msg}\n`),
    warning: (msg) => cmd('warning', msg),
    error: (msg) => cmd('error', msg),
    group: (title) => write(`::group::${escapeCommandData(title)}\n`),
    endGroup: () => write('::endgroup::\n'),
    saveState: (name, value) => {
      if (!fileCommand(env.GITHUB_STATE, name, value)) write(`::save-state name=${name}::${escapeCommandData(value)}\n`);
    },
    getState: (name) => env[`STATE_${name}`] ?? '',
    setOutput: (name, value) => {
      fileCommand(env.GITHUB_OUTPUT, name, value);
    },
    appendSummary: (markdown) => {
      if (!env.GITHUB_STEP_SUMMARY) return false;
      appendFileSync(env.GITHUB_STEP_SUMMARY, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
      return true;
    },
    setSecret: (value) => {
      if (value) write(`::add-mask::${escapeCommandData(value)}\n`);
    },
    fail: (msg) => {
      cmd('error', msg);
      process.exitCode = 1;
    },
  };
}
