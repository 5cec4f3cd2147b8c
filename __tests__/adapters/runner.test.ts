// The runner's file and workflow commands, written to real temporary files and read back the way the
// runner reads them ($GITHUB_STATE / $GITHUB_OUTPUT: `name=value` or `name<<DELIM` … `DELIM` blocks).
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRunner, escapeCommandData } from '../../src/adapters/runner.js';

/** Reads a runner file-command file the way the runner does; throws on a malformed block. */
function readFileCommands(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(l);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]);
      if (i >= lines.length) throw new Error(`unterminated block for ${name}`);
      out.set(name, value.join('\n'));
    } else {
      const eq = l.indexOf('=');
      if (eq <= 0) throw new Error(`malformed line ${JSON.stringify(l)}`);
      out.set(l.slice(0, eq), l.slice(eq + 1));
    }
  }
  return out;
}

let dir: string;
let printed: string[];
const write = (s: string): void => {
  printed.push(s);
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cg-runner-'));
  printed = [];
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('escapeCommandData', () => {
  test.each([
    ['plain', 'plain'],
    ['50%', '50%25'],
    ['a\nb', 'a%0Ab'],
    ['a\r\nb', 'a%0D%0Ab'],
    ['%0A literal', '%250A literal'],
    ['::error::inject', '::error::inject'],
  ])('%j → %j', (raw, want) => {
    expect(escapeCommandData(raw)).toBe(want);
  });
  test('is reversible: decoding %0D, %0A then %25 gives the original', () => {
    const raw = 'x%0Ay\r\n%25\n%';
    const dec = escapeCommandData(raw).replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
    expect(dec).toBe(raw);
  });
});

describe('createRunner: state and outputs as heredoc blocks in the runner files', () => {
  test('saveState appends blocks that read back exactly, including multi-line and tricky values', () => {
    const state = path.join(dir, 'state');
    writeFileSync(state, '');
    const r = createRunner({ GITHUB_STATE: state }, write);
    const values: Record<string, string> = {
      pid: '12345',
      paths: JSON.stringify({ runDir: '/tmp/run dir/x', samples: 'a\nb' }),
      multi: 'line 1\nline 2\n\nline 4',
      empty: '',
      eqs: 'a=b<<EOF',
      unicode: 'carbone ≈ 🌱',
    };
    for (const [k, v] of Object.entries(values)) r.saveState(k, v);
    const text = readFileSync(state, 'utf8');
    expect(Object.fromEntries(readFileCommands(text))).toEqual(values);
    expect(printed).toEqual([]); // nothing on stdout
    // each block uses a fresh, unguessable delimiter
    const delims = [...text.matchAll(/^[a-z]+<<(.+)$/gm)].map((m) => m[1]);
    expect(delims).toHaveLength(Object.keys(values).length);
    expect(new Set(delims).size).toBe(delims.length);
    for (const d of delims) expect(d).toMatch(/^ghadelimiter_[0-9a-f-]{36}$/);
  });

  test('saveState appends to what is already in the file', () => {
    const state = path.join(dir, 'state');
    writeFileSync(state, 'earlier=1\n');
    createRunner({ GITHUB_STATE: state }, write).saveState('later', '2');
    expect(Object.fromEntries(readFileCommands(readFileSync(state, 'utf8')))).toEqual({ earlier: '1', later: '2' });
  });

  test('without GITHUB_STATE, saveState falls back to the ::save-state:: command with the value escaped', () => {
    createRunner({}, write).saveState('pid', '1\n2%');
    expect(printed).toEqual(['::save-state name=pid::1%0A2%25\n']);
  });

  test('setOutput writes to GITHUB_OUTPUT; without it nothing is written anywhere', () => {
    const out = path.join(dir, 'output');
    writeFileSync(out, '');
    createRunner({ GITHUB_OUTPUT: out }, write).setOutput('gco2e', '1.25\nsecond');
    expect(readFileCommands(readFileSync(out, 'utf8')).get('gco2e')).toBe('1.25\nsecond');
    createRunner({}, write).setOutput('x', 'y');
    expect(printed).toEqual([]);
  });

  test('getState reads STATE_<name>; absent is the empty string', () => {
    const r = createRunner({ STATE_pid: '4242' }, write);
    expect(r.getState('pid')).toBe('4242');
    expect(r.getState('paths')).toBe('');
  });

  test('state written by one stage reaches the next as STATE_* (as the runner passes it on)', () => {
    const state = path.join(dir, 'state');
    writeFileSync(state, '');
    createRunner({ GITHUB_STATE: state }, write).saveState('settings', '{"a":1}\n');
    const env: Record<string, string> = {};
    for (const [k, v] of readFileCommands(readFileSync(state, 'utf8'))) env[`STATE_${k}`] = v;
    expect(createRunner(env, write).getState('settings')).toBe('{"a":1}\n');
  });
});

describe('createRunner: summary and workflow commands', () => {
  test('appendSummary appends markdown with a final newline; false without GITHUB_STEP_SUMMARY', () => {
    const sum = path.join(dir, 'summary.md');
    writeFileSync(sum, '# before\n');
    const r = createRunner({ GITHUB_STEP_SUMMARY: sum }, write);
    expect(r.appendSummary('## one')).toBe(true);
    expect(r.appendSummary('## two\n')).toBe(true);
    expect(readFileSync(sum, 'utf8')).toBe('# before\n## one\n## two\n');
    expect(createRunner({}, write).appendSummary('x')).toBe(false);
  });

  test('warning and error are single-line commands with %, CR and LF escaped', () => {
    const r = createRunner({}, write);
    r.warning('disk 100% full\r\nsecond line');
    r.error('bad\nthing');
    r.info('plain text, not a command');
    expect(printed).toEqual(['::warning::disk 100%25 full%0D%0Asecond line\n', '::error::bad%0Athing\n', 'plain text, not a command\n']);
    for (const p of printed) expect(p.indexOf('\n')).toBe(p.length - 1);
  });

  test('a message cannot smuggle a second workflow command', () => {
    const r = createRunner({}, write);
    r.warning('x\n::add-mask::secret\n::error::boom');
    expect(printed.join('').split('\n').filter(Boolean)).toHaveLength(1);
  });

  test('group and endGroup', () => {
    const r = createRunner({}, write);
    r.group('Hardware\nfacts');
    r.endGroup();
    expect(printed).toEqual(['::group::Hardware%0Afacts\n', '::endgroup::\n']);
  });

  test('fail prints an error command and sets exit code 1', () => {
    const before = process.exitCode;
    try {
      createRunner({}, write).fail('over budget: 5 g > 1 g\n(details)');
      expect(printed).toEqual(['::error::over budget: 5 g > 1 g%0A(details)\n']);
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = before;
    }
  });
});
