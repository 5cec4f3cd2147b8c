import { describe, expect, test } from '@jest/globals';
import { EXIT_USAGE, USAGE, parseFlags, runCli } from '../../src/app/cli.js';
import { REPORT_USAGE, RUN_USAGE } from '../../src/app/cli-usage.js';
import { INPUTS, InputError } from '../../src/settings/inputs.js';
import { VERSION } from '../../src/version.js';

function flagError(args: string[]): InputError {
  try {
    parseFlags(args);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`parseFlags(${JSON.stringify(args)}) did not throw`);
}

describe('parseFlags', () => {
  test('flags before `--`, the command after it', () => {
    const { flags, rest } = parseFlags(['--scope', 'machine', '--out', 'report dir', '--', 'npm', 'test', '--', '-x']);
    expect(Object.fromEntries(flags)).toEqual({ scope: 'machine', out: 'report dir' });
    expect(rest).toEqual(['npm', 'test', '--', '-x']);
  });

  test('aliases: --interval is sample-interval, --budget is budget-gco2e', () => {
    const { flags } = parseFlags(['--interval', '0.5', '--budget', '3', '--']);
    expect(Object.fromEntries(flags)).toEqual({ 'sample-interval': '0.5', 'budget-gco2e': '3' });
  });

  test('the --name=value form, also with aliases, empty values and "=" inside the value', () => {
    const { flags, rest } = parseFlags(['--interval=2', '--job-name=a=b', '--region=azure:eastus2', '--country=', 'cmd']);
    expect(Object.fromEntries(flags)).toEqual({ 'sample-interval': '2', 'job-name': 'a=b', region: 'azure:eastus2', country: '' });
    expect(rest).toEqual(['cmd']);
  });

  test('parsing stops at the first argument that is not a flag; the command keeps its own flags', () => {
    const { flags, rest } = parseFlags(['--scope', 'machine', 'node', '--interval', '9', 'x.js']);
    expect(Object.fromEntries(flags)).toEqual({ scope: 'machine' });
    expect(rest).toEqual(['node', '--interval', '9', 'x.js']);
  });

  test('a value may look like a flag value of its own (negative numbers are passed on for parseSettings to refuse)', () => {
    expect(parseFlags(['--carbon-intensity', '-5', '--']).flags.get('carbon-intensity')).toBe('-5');
  });

  test('a later flag wins over an earlier one', () => {
    expect(parseFlags(['--interval', '1', '--sample-interval', '2']).flags.get('sample-interval')).toBe('2');
  });

  test('every action input except token is accepted as a flag', () => {
    for (const i of INPUTS.filter((x) => x.name !== 'token')) {
      expect(parseFlags([`--${i.name}`, 'v']).flags.get(i.name)).toBe('v');
    }
  });

  test('no arguments: no flags, no command', () => {
    expect(parseFlags([])).toEqual({ flags: new Map(), rest: [] });
    expect(parseFlags(['--'])).toEqual({ flags: new Map(), rest: [] });
  });

  test('an unknown flag is an InputError naming the flag and listing the accepted ones', () => {
    const e = flagError(['--intervall', '2', '--', 'x']);
    expect(e.input).toBe('--intervall');
    expect(e.value).toBe('--intervall');
    expect(e.message).toContain("'--intervall'");
    expect(e.accepted).toContain('--sample-interval');
    expect(e.accepted).toContain('--interval');
    expect(e.accepted).toContain('--out');
    expect(flagError(['--nope=1']).input).toBe('--nope');
  });

  test('--token is refused (a token never goes on a command line)', () => {
    const e = flagError(['--token', 'ghp_secret']);
    expect(e.input).toBe('--token');
    expect(e.accepted).not.toContain('--token');
    expect(e.message).not.toContain('ghp_secret');
  });

  test('a flag without a value is an InputError saying a value is needed', () => {
    const e = flagError(['--scope']);
    expect(e.input).toBe('--scope');
    expect(e.accepted).toBe('a value after the flag');
    expect(flagError(['--out']).input).toBe('--out');
    // an alias: named as typed or as the input it stands for
    expect(flagError(['--interval']).input).toMatch(/^--(sample-)?interval$/);
  });
});

describe('runCli usage paths (no command is run)', () => {
  const io = (): { out: string[]; err: string[]; io: { out: (s: string) => void; err: (s: string) => void } } => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (s) => out.push(s), err: (s) => err.push(s) } };
  };

  test('--version prints the version', async () => {
    const c = io();
    expect(await runCli(['--version'], c.io, {})).toBe(0);
    expect(c.out.join('')).toBe(`${VERSION}\n`);
  });

  test('--help prints the usage and exits 0; no arguments prints it and exits with the usage code', async () => {
    const a = io();
    expect(await runCli(['--help'], a.io, {})).toBe(0);
    expect(a.out.join('')).toBe(USAGE);
    const b = io();
    expect(await runCli([], b.io, {})).toBe(EXIT_USAGE);
    expect(b.out.join('')).toBe(USAGE);
  });

  test.each([
    [['frobnicate'], "Input 'command' has the value \"frobnicate\""],
    [['run', '--nope', '1', '--', 'true'], "Input '--nope'"],
    [['run', '--scope'], "Input '--scope' has the value \"\"; accepted: a value after the flag"],
    [['run', '--interval', '2'], "Input 'command' has the value \"\""],
    [['run', '--interval', '0.01', '--', 'true'], "Input 'sample-interval' has the value \"0.01\"; accepted: a number from 0.1 to 60."],
    [['run', '--scope=tree', '--', 'true'], "Input 'scope' has the value \"tree\""],
    [['report'], "Input 'run-dir'"],
    [['report', '/nonexistent/carbon-gate-run'], "Input 'run-dir' has the value \"/nonexistent/carbon-gate-run\"; accepted: a directory holding"],
  ])('%j exits with the usage code and says why on stderr', async (argv, msg) => {
    const c = io();
    expect(await runCli(argv, c.io, {})).toBe(EXIT_USAGE);
    const err = c.err.join('');
    expect(err).toContain(`carbon-gate: ${msg}`);
    expect(err).toContain('Usage:');
    expect(c.out).toEqual([]);
  });
});

describe('CLI manners: help and version as in other Node CLIs (stdout, exit 0)', () => {
  const call = async (argv: string[]): Promise<{ code: number; out: string; err: string }> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, {});
    return { code, out: out.join(''), err: err.join('') };
  };

  test.each([[['run', '--help']], [['run', '-h']], [['run', '--interval', '2', '--help', '--', 'true']], [['help', 'run']]])('%j prints run’s usage', async (argv) => {
    const r = await call(argv);
    expect(r).toEqual({ code: 0, out: RUN_USAGE, err: '' });
    expect(r.out.startsWith('Usage: carbon-gate run [options]')).toBe(true);
    expect(r.out).toContain('--interval <s>');
  });

  test.each([[['report', '--help']], [['report', '-h']], [['help', 'report']]])('%j prints report’s usage', async (argv) => {
    const r = await call(argv);
    expect(r).toEqual({ code: 0, out: REPORT_USAGE, err: '' });
    expect(r.out.startsWith('Usage: carbon-gate report [--format text|markdown|json] <run-dir>')).toBe(true);
  });

  test.each([[['-h']], [['--help']], [['help']]])('%j prints the overview', async (argv) => {
    expect(await call(argv)).toEqual({ code: 0, out: USAGE, err: '' });
  });

  test.each([[['-V']], [['-v']], [['--version']], [['version']]])('%j prints the version alone', async (argv) => {
    expect(await call(argv)).toEqual({ code: 0, out: `${VERSION}\n`, err: '' });
  });

  test('help for an unknown command is a usage error naming it', async () => {
    const r = await call(['help', 'frobnicate']);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.out).toBe('');
    expect(r.err).toContain(`carbon-gate: Input 'help' has the value "frobnicate"`);
  });

  test('a usage error in run shows run’s usage, not the overview', async () => {
    const r = await call(['run', '--nope', '1', '--', 'true']);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err.endsWith(RUN_USAGE)).toBe(true);
  });

  test('-h/--help after the command belongs to the command', () => {
    expect(parseFlags(['--', 'node', '--help'])).toEqual({ flags: new Map(), rest: ['node', '--help'] });
    expect(parseFlags(['node', '-h'])).toEqual({ flags: new Map(), rest: ['node', '-h'] });
    expect(parseFlags(['--scope', 'machine', '-h', 'node']).help).toBe(true);
  });
});
