// The output registry: which outputs run where, in what order, and how failures surface.
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OUTPUTS, RUN_DIR_OUTPUTS, runOutputs, type Output } from '../../src/app/outputs/index.js';
import { outputPaths, type Finished } from '../../src/app/finish.js';
import { parseSettings } from '../../src/settings/inputs.js';
import { runResult } from '../helpers/run-result-fixture.js';

function finished(inputs: Record<string, string> = {}): Finished {
  const runDir = mkdtempSync(path.join(tmpdir(), 'cg-outputs-'));
  return { result: runResult(), summary: '## summary\n', settings: parseSettings((n) => inputs[n]), runDir, files: outputPaths(runDir) };
}

function collect() {
  const log: string[] = [];
  return { log, sink: { warn: (m: string) => log.push(`warn ${m}`), note: (m: string) => log.push(`note ${m}`), github: null } };
}

describe('output registry', () => {
  test('post runs files, steps.csv, summary, baseline save, artifact, comment and the metric export; the CLI the run-directory ones', () => {
    expect(OUTPUTS.map((o) => `${o.target}:${o.name}`)).toEqual(['run-dir:files', 'run-dir:steps.csv', 'job:job summary', 'network:baseline save', 'network:artifact upload', 'network:PR comment', 'export:metric export']);
    expect(RUN_DIR_OUTPUTS.map((o) => o.name)).toEqual(['files', 'steps.csv']);
  });

  test('the steps.csv output writes one line per step row, and a header alone when the sampler saw no steps', async () => {
    const f = finished();
    const { log, sink } = collect();
    await runOutputs(RUN_DIR_OUTPUTS, f, sink, ['run-dir']);
    expect(log).toEqual([]);
    expect(readFileSync(f.files.stepsCsv, 'utf8')).toBe('step,kind,number,name_source,started_at,ended_at,duration_seconds,cpu_seconds,cpu_wh,ram_wh,gpu_wh,energy_wh,operational_gco2e,embodied_gco2e,total_gco2e,gated_gco2e,share,processes\n');
    const row = { name: 'npm test', kind: 'step' as const, nameSource: 'local' as const, startedWallMs: Date.UTC(2026, 10, 30, 12), endedWallMs: Date.UTC(2026, 10, 30, 12, 0, 30), durationSeconds: 30, cpuSeconds: 12.5, cpuWh: 0.25, ramWh: 0.5, gpuWh: 0, totalWh: 0.75, operationalGCo2e: 0.3, embodiedGCo2e: 0.1, totalGCo2e: 0.4, gatedGCo2e: 0.4, share: 0.8, instances: 1 };
    await runOutputs(RUN_DIR_OUTPUTS, { ...f, result: { ...f.result, steps: [row] } }, sink, ['run-dir']);
    expect(readFileSync(f.files.stepsCsv, 'utf8').split('\n')[1]).toBe('npm test,step,,local,2026-11-30T12:00:00.000Z,2026-11-30T12:00:30.000Z,30,12.5,0.25,0.5,0,0.75,0.3,0.1,0.4,0.4,0.8,1');
  });

  test('the files output writes emissions.csv, carbon-gate.csv, carbon-gate.json and summary.md', async () => {
    const f = finished();
    const { log, sink } = collect();
    await runOutputs(OUTPUTS, f, sink, ['run-dir']);
    expect(log).toEqual([]);
    expect(JSON.parse(readFileSync(f.files.json, 'utf8')).emissions.intensity).toMatchObject({ kind: 'world', status: { status: 'defaulted' } });
    expect(readFileSync(f.files.carbonGateCsv, 'utf8').split('\n')).toHaveLength(3);
    expect(readFileSync(f.files.summary, 'utf8')).toBe('## summary\n');
    expect(readFileSync(f.files.emissionsCsv, 'utf8').split('\n')[0]).toMatch(/^timestamp,project_name,/);
  });

  test('the summary goes to the job summary, or to the log when there is none', async () => {
    const f = finished();
    const got: string[] = [];
    const { log, sink } = collect();
    await runOutputs(OUTPUTS, f, { ...sink, appendSummary: (md) => (got.push(md), true) }, ['job']);
    expect(got).toEqual(['## summary\n']);
    await runOutputs(OUTPUTS, f, sink, ['job']);
    expect(log).toEqual(['note ## summary\n']);
  });

  test('a switched-off output notes why; a throwing one becomes a warning naming it; locals run in order before network ones', async () => {
    const order: string[] = [];
    const out = (name: string, target: Output['target'], extra: Partial<Output> = {}): Output => ({ name, target, enabled: () => true, write: () => void order.push(name), ...extra });
    const list: Output[] = [
      out('net-a', 'network', { write: async () => void order.push('net-a') }),
      out('one', 'run-dir'),
      out('off', 'network', { enabled: (s) => s.artifact, offNote: 'off is off' }),
      out('boom', 'run-dir', { write: () => { throw new Error('disk full'); } }),
      out('two', 'job'),
    ];
    const { log, sink } = collect();
    await runOutputs(list, finished({ artifact: 'false' }), sink, ['run-dir', 'job', 'network']);
    expect(order).toEqual(['one', 'two', 'net-a']);
    expect(log).toEqual(['warn boom failed: disk full', 'note off is off']);
  });

  test('files that cannot be written (a directory in their place) are a warning, added to the summary the job summary writes', async () => {
    const f = finished();
    mkdirSync(f.files.json);
    mkdirSync(f.files.summary);
    const got: string[] = [];
    const { log, sink } = collect();
    await runOutputs(OUTPUTS, f, { ...sink, appendSummary: (md) => (got.push(md), true) }, ['run-dir', 'job']);
    expect(log).toEqual(['warn Output files could not be written: carbon-gate.json (EISDIR), summary.md (EISDIR).']);
    expect(got).toEqual(['## summary\n\n> [!WARNING]\n> Output files could not be written: carbon-gate.json (EISDIR), summary.md (EISDIR).\n']);
    expect(readFileSync(f.files.emissionsCsv, 'utf8').split('\n')[0]).toMatch(/^timestamp,project_name,/);
  });

  test('a job summary that cannot be written (disk full) is a warning, and the summary goes to the log', async () => {
    const f = finished();
    const { log, sink } = collect();
    const full = (): boolean => {
      throw new Error('ENOSPC: no space left on device, write');
    };
    await runOutputs(OUTPUTS, f, { ...sink, appendSummary: full }, ['job']);
    expect(log).toEqual(['warn the job summary could not be written (ENOSPC: no space left on device, write); the report follows in the log.', 'note ## summary\n']);
  });

  test('network outputs do nothing without a GitHub context', async () => {
    const { log, sink } = collect();
    await runOutputs(OUTPUTS, finished({ comment: 'always' }), sink, ['network']);
    expect(log).toEqual([]);
  });
});
