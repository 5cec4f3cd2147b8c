import { afterEach, describe, expect, test } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  GpuAggregator,
  LineSplitter,
  parseGpuNumber,
  parseNvidiaComputeApps,
  parseNvidiaGpuLine,
  parseRocmProductNames,
  parseRocmSmiJson,
} from '../../src/sampler/gpu/parse.js';
import { probeNvidia, startNvidiaSource } from '../../src/sampler/gpu/nvidia.js';
import { startRocmSource } from '../../src/sampler/gpu/rocm.js';
import { startOptionalSources } from '../../src/sampler/sources.js';
import type { GpuSource } from '../../src/sampler/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fakeBin = path.join(here, '..', 'fixtures', 'bin');
const nodeDir = path.dirname(process.execPath);

function envWith(extra: Record<string, string>, withFakes = true): NodeJS.ProcessEnv {
  return { PATH: withFakes ? `${fakeBin}${path.delimiter}${nodeDir}` : nodeDir, HOME: os.tmpdir(), ...extra };
}

async function waitFor<T>(what: string, fn: () => T | undefined | false, timeoutMs = 8000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function tmpFile(name: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cg-gpu-')), name);
}

function launches(counter: string, mode: string): number[] {
  if (!fs.existsSync(counter)) return [];
  return fs
    .readFileSync(counter, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith(mode + ' '))
    .map((l) => Number(l.split(' ')[1]));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const started: GpuSource[] = [];
afterEach(() => {
  while (started.length) started.pop()?.stop();
});
function track(src: GpuSource): GpuSource {
  started.push(src);
  return src;
}

describe('nvidia-smi parsers', () => {
  test('parses a csv,noheader,nounits row', () => {
    expect(parseNvidiaGpuLine('0, Tesla T4, 27.45, 13, 1024, 15360')).toEqual({
      index: 0,
      name: 'Tesla T4',
      watts: 27.45,
      utilPercent: 13,
      memoryUsedMiB: 1024,
      memoryTotalMiB: 15360,
      vendor: 'nvidia',
    });
  });

  test('[N/A] and [Not Supported] power become null, other fields survive', () => {
    const na = parseNvidiaGpuLine('1, NVIDIA GeForce RTX 3080, [N/A], 5, 1211, 10240');
    expect(na?.watts).toBeNull();
    expect(na?.utilPercent).toBe(5);
    expect(na?.index).toBe(1);
    const ns = parseNvidiaGpuLine('0, GeForce GTX 770, [Not Supported], [Not Supported], 52, 2048');
    expect(ns?.watts).toBeNull();
    expect(ns?.utilPercent).toBeNull();
    expect(ns?.memoryUsedMiB).toBe(52);
  });

  test('rejects error messages, blank and short lines', () => {
    expect(parseNvidiaGpuLine("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.")).toBeUndefined();
    expect(parseNvidiaGpuLine('')).toBeUndefined();
    expect(parseNvidiaGpuLine('0, Tesla T4, 27.')).toBeUndefined();
    expect(parseNvidiaGpuLine('x, Tesla T4, 1, 2, 3, 4')).toBeUndefined();
  });

  test('a comma inside the name does not shift the numbers', () => {
    expect(parseNvidiaGpuLine('2, Odd, Name, 70.1, 99, 1, 2')).toMatchObject({ index: 2, name: 'Odd, Name', watts: 70.1, memoryTotalMiB: 2 });
  });

  test('compute apps, empty output, and N/A memory', () => {
    expect(parseNvidiaComputeApps('GPU-aa, 1234, 100\nGPU-bb, 5678, [N/A]\n')).toEqual([
      { gpuUuid: 'GPU-aa', pid: 1234, usedMemoryMiB: 100 },
      { gpuUuid: 'GPU-bb', pid: 5678, usedMemoryMiB: null },
    ]);
    expect(parseNvidiaComputeApps('')).toEqual([]);
  });

  test('numbers: accepts decimals, rejects markers', () => {
    expect(parseGpuNumber('19.0')).toBe(19);
    expect(parseGpuNumber(' 7 ')).toBe(7);
    expect(parseGpuNumber('N/A (Secondary die)')).toBeNull();
    expect(parseGpuNumber('[Unknown Error]')).toBeNull();
    expect(parseGpuNumber('12W')).toBeNull();
  });

  test('LineSplitter keeps a partial line until its newline arrives', () => {
    const s = new LineSplitter();
    expect(s.push('0, Tesla T4, 2')).toEqual([]);
    expect(s.push('7.5, 10, 100, 15360\n1, Tes')).toEqual(['0, Tesla T4, 27.5, 10, 100, 15360']);
    expect(s.pending()).toBe('1, Tes');
    expect(s.push('la T4, 1, 2, 3, 4\r\n\n')).toEqual(['1, Tesla T4, 1, 2, 3, 4']);
  });

  test('aggregator: mean power and util per GPU, null only when every line was N/A', () => {
    const agg = new GpuAggregator();
    for (const line of ['0, T4, 10, 20, 1, 9', '1, T4, [N/A], 50, 1, 9', '0, T4, 30, [N/A], 2, 9', '1, T4, [N/A], 70, 1, 9']) {
      agg.add(parseNvidiaGpuLine(line)!);
    }
    const out = agg.drain()!;
    expect(out.map((r) => [r.index, r.watts, r.utilPercent, r.memoryUsedMiB])).toEqual([
      [0, 20, 20, 2],
      [1, null, 60, 1],
    ]);
    expect(agg.drain()).toBeUndefined();
  });
});

describe('rocm-smi parsers (real JSON shapes)', () => {
  // henrygd/beszel#414, Radeon 7900 XTX, ROCm 6.x
  const discrete =
    '{"card0": {"Temperature (Sensor edge) (C)": "49.0", "Temperature (Sensor junction) (C)": "49.0", "Temperature (Sensor memory) (C)": "62.0", "Average Graphics Package Power (W)": "19.0", "GPU use (%)": "0", "VRAM Total Memory (B)": "25753026560", "VRAM Total Used Memory (B)": "794341376"}}';
  // MI250: the secondary die has no power of its own (ROCm/rocm_smi_lib#160)
  const mi250 =
    '{"card0": {"Average Graphics Package Power (W)": "237.0", "GPU use (%)": "100"}, "card1": {"Average Graphics Package Power (W)": "N/A (Secondary die)", "GPU use (%)": "98"}}';
  // APU / MI300 style key (ROCm/rocm_smi_lib#149), after a warning line
  const apu = 'WARNING: AMD GPU device(s) is/are in a low-power state. Check power control/runtime_status\n\n{"card0": {"Current Socket Graphics Package Power (W)": "4.0", "GPU use (%)": "3"}}\n';

  test('discrete card with memory', () => {
    const [r] = parseRocmSmiJson(discrete, new Map([[0, 'Radeon RX 7900 XTX']]));
    expect(r).toEqual({
      index: 0,
      name: 'Radeon RX 7900 XTX',
      watts: 19,
      utilPercent: 0,
      memoryUsedMiB: 794341376 / 1048576,
      memoryTotalMiB: 25753026560 / 1048576,
      vendor: 'amd',
    });
  });

  test('secondary die gives null power; two cards in index order', () => {
    const rs = parseRocmSmiJson(mi250);
    expect(rs.map((r) => [r.index, r.watts, r.utilPercent, r.name])).toEqual([
      [0, 237, 100, 'AMD GPU 0'],
      [1, null, 98, 'AMD GPU 1'],
    ]);
  });

  test('Current Socket power key, warning text around the JSON', () => {
    expect(parseRocmSmiJson(apu)[0]).toMatchObject({ watts: 4, utilPercent: 3 });
  });

  test('product names in both key spellings; non-JSON throws', () => {
    const names = parseRocmProductNames(
      '{"card0": {"Card series": "Navi 31 [Radeon RX 7900 XT/7900 XTX]", "Card model": "0x471e"}, "card1": {"Card Series": "Instinct MI210", "Card Model": "0x0c34"}}',
    );
    expect([...names.entries()]).toEqual([
      [0, 'Navi 31 [Radeon RX 7900 XT/7900 XTX]'],
      [1, 'Instinct MI210'],
    ]);
    expect(() => parseRocmSmiJson('ERROR: no GPUs')).toThrow(/no JSON/);
  });
});

describe('nvidia-smi source with the fake executable (real child processes)', () => {
  test('probe lists two GPUs with uuids', () => {
    const probe = probeNvidia(envWith({ FAKE_NVIDIA_SMI_GPUS: '2' }));
    expect(probe.ok).toBe(true);
    expect(probe.gpus.map((g) => g.name)).toEqual(['Tesla T4', 'NVIDIA A100-SXM4-40GB']);
    expect(probe.gpus[1].uuid).toMatch(/^GPU-/);
  });

  test('one long-running child streams two GPUs, lines split across chunks', async () => {
    const counter = tmpFile('launches');
    const env = envWith({ FAKE_NVIDIA_SMI_GPUS: '2', FAKE_NVIDIA_SMI_SPLIT: '1', FAKE_NVIDIA_SMI_COUNTER: counter });
    const probe = probeNvidia(env);
    const src = track(startNvidiaSource({ intervalMs: 100, env, gpus: probe.gpus, appsEveryTakes: 0 }));
    // Wait for the -lms child to exist, then let it print a few blocks (a loaded machine starts it late).
    await waitFor('the -lms child', () => launches(counter, '--query-gpu-lms').length >= 1);
    await sleep(450);
    const first = await waitFor('first readings', () => src.take());
    expect(first?.map((r) => [r.index, r.name, r.vendor, r.memoryTotalMiB])).toEqual([
      [0, 'Tesla T4', 'nvidia', 15360],
      [1, 'NVIDIA A100-SXM4-40GB', 'nvidia', 40960],
    ]);
    // The fake prints 27.5 + tick for GPU 0: a mean over its lines is at least the first one.
    expect(first![0].watts!).toBeGreaterThanOrEqual(27.5);
    // GPU 1 draws 10 W more than GPU 0 on every line (the two means may cover a different number of lines)
    expect(first![0].watts!).toBeLessThan(37.5);
    expect(first![1].watts!).toBeGreaterThanOrEqual(37.5);
    await sleep(350);
    const second = await waitFor('later readings', () => src.take());
    expect(second![0].watts!).toBeGreaterThan(first![0].watts!);
    expect(src.takeFaults()).toEqual([]);
    // one -lms child for the whole run (plus the probe), not one process per sample
    expect(launches(counter, '--query-gpu-lms')).toHaveLength(1);
  });

  test('N/A power: watts null, utilisation kept, one fault per GPU', async () => {
    const env = envWith({ FAKE_NVIDIA_SMI_GPUS: '2', FAKE_NVIDIA_SMI_POWER: 'NA' });
    const src = track(startNvidiaSource({ intervalMs: 100, env, gpus: probeNvidia(env).gpus, appsEveryTakes: 0 }));
    const readings = await waitFor('two readings', () => {
      const r = src.take();
      return r && r.length === 2 ? r : undefined;
    });
    expect(readings.map((r) => r.watts)).toEqual([null, null]);
    expect(readings[0].utilPercent).not.toBeNull();
    await sleep(300);
    src.take();
    const faults = src.takeFaults();
    expect(faults.filter((f) => f.includes('no power draw'))).toHaveLength(2);
    expect(faults.join('\n')).toMatch(/GPU 1 \(NVIDIA A100-SXM4-40GB\).*modelled from utilisation/);
  });

  test('[Not Supported] power is null too', async () => {
    const env = envWith({ FAKE_NVIDIA_SMI_POWER: 'NOTSUP' });
    const src = track(startNvidiaSource({ intervalMs: 100, env, gpus: probeNvidia(env).gpus, appsEveryTakes: 0 }));
    const readings = await waitFor('a reading', () => src.take());
    expect(readings[0].watts).toBeNull();
  });

  test('a crash mid-run is restarted and readings continue', async () => {
    const counter = tmpFile('launches');
    const env = envWith({ FAKE_NVIDIA_SMI_CRASH_AFTER: '3', FAKE_NVIDIA_SMI_CRASH_RUNS: '1', FAKE_NVIDIA_SMI_COUNTER: counter });
    const src = track(startNvidiaSource({ intervalMs: 100, env, gpus: [], appsEveryTakes: 0, restartDelaysMs: [100, 100, 100] }));
    await waitFor('a restart', () => launches(counter, '--query-gpu-lms').length >= 2);
    src.take();
    await sleep(400);
    const after = await waitFor('readings after the restart', () => src.take());
    expect(after[0].watts).not.toBeNull();
    const faults = src.takeFaults();
    expect(faults.some((f) => /exited \(code 1\) after 3 line\(s\).*Unknown Error; restarting in 100 ms \(restart 1 of 3\)/.test(f))).toBe(true);
    expect(faults.some((f) => f.includes('gave up'))).toBe(false);
    expect(launches(counter, '--query-gpu-lms')).toHaveLength(2);
  });

  test('a child that keeps dying is restarted a bounded number of times, then a gap is reported', async () => {
    const counter = tmpFile('launches');
    const env = envWith({ FAKE_NVIDIA_SMI_CRASH_AFTER: '1', FAKE_NVIDIA_SMI_COUNTER: counter });
    const src = track(startNvidiaSource({ intervalMs: 100, env, gpus: [], appsEveryTakes: 0, restartDelaysMs: [30, 30, 30] }));
    const faults: string[] = [];
    await waitFor('give up', () => {
      faults.push(...src.takeFaults());
      return faults.some((f) => f.includes('gave up'));
    });
    await sleep(300);
    expect(launches(counter, '--query-gpu-lms')).toHaveLength(4);
    expect(faults.filter((f) => f.includes('restarting'))).toHaveLength(3);
    expect(faults.find((f) => f.includes('gave up'))).toMatch(/3 restart\(s\) used; gave up: no GPU readings from now on \(gap\)/);
    src.take();
    expect(src.take()).toBeUndefined();
  });

  test('compute apps map pids to GPUs by uuid, filtered to the tree', async () => {
    const env = envWith({ FAKE_NVIDIA_SMI_GPUS: '2', FAKE_NVIDIA_SMI_APPS: '0:1234:100,1:5678:250,1:91011:10' });
    const gpus = probeNvidia(env).gpus;
    const src = track(startNvidiaSource({ intervalMs: 100, env, gpus, appsEveryTakes: 2, treePids: () => new Set([5678, 91011, 42]) }));
    const readings = await waitFor('readings with pids', () => {
      const r = src.take();
      return r?.[0].treePids ? r : undefined;
    });
    expect(readings.map((r) => r.treePids)).toEqual([[], [5678, 91011]]);
  });

  test('without a tree filter every GPU process is listed', async () => {
    const env = envWith({ FAKE_NVIDIA_SMI_APPS: '0:1234:100' });
    const src = track(startNvidiaSource({ intervalMs: 100, env, gpus: probeNvidia(env).gpus, appsEveryTakes: 1 }));
    const readings = await waitFor('pids', () => {
      const r = src.take();
      return r?.[0].treePids ? r : undefined;
    });
    expect(readings[0].treePids).toEqual([1234]);
  });

  test('stop() terminates the nvidia-smi child', async () => {
    const counter = tmpFile('launches');
    const signalLog = tmpFile('signals');
    const env = envWith({ FAKE_NVIDIA_SMI_COUNTER: counter, FAKE_NVIDIA_SMI_EXIT_SIGNAL_LOG: signalLog });
    const src = startNvidiaSource({ intervalMs: 100, env, gpus: [], appsEveryTakes: 0 });
    await waitFor('a reading', () => src.take());
    const [pid] = launches(counter, '--query-gpu-lms');
    expect(alive(pid)).toBe(true);
    src.stop();
    await waitFor('child exit', () => !alive(pid));
    expect(fs.readFileSync(signalLog, 'utf8')).toBe('SIGTERM\n');
    expect(src.takeFaults().some((f) => f.includes('restarting'))).toBe(false);
  });

  test('missing binary at run time: a fault and no readings', async () => {
    const src = track(startNvidiaSource({ intervalMs: 100, env: envWith({}, false), gpus: [], command: '/nonexistent/nvidia-smi', appsEveryTakes: 0 }));
    const faults = await waitFor('fault', () => {
      const f = src.takeFaults();
      return f.length ? f : undefined;
    });
    expect(faults[0]).toMatch(/nvidia-smi not found; gave up/);
    expect(src.take()).toBeUndefined();
  });
});

describe('startOptionalSources GPU selection', () => {
  const base = { rapl: false, intervalSeconds: 0.1 } as const;

  test('auto with no tool on PATH: no GPU and a note', () => {
    const res = startOptionalSources({ ...base, gpu: 'auto', env: envWith({}, false) });
    expect(res.gpu).toBeUndefined();
    expect(res.notes).toEqual(['GPU: neither nvidia-smi nor rocm-smi is on PATH: no GPU measured']);
  });

  test('nvidia asked but missing: a note naming nvidia-smi', () => {
    const res = startOptionalSources({ ...base, gpu: 'nvidia', env: envWith({}, false) });
    expect(res.gpu).toBeUndefined();
    expect(res.notes.join('\n')).toMatch(/nvidia-smi not found on PATH/);
  });

  test('no driver: the real message becomes the note, nothing streams', () => {
    const res = startOptionalSources({ ...base, gpu: 'nvidia', env: envWith({ FAKE_NVIDIA_SMI_NODRIVER: '1' }) });
    expect(res.gpu).toBeUndefined();
    expect(res.notes.join('\n')).toMatch(/exited with code 9: NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver/);
  });

  test('off starts nothing even when a tool is there', () => {
    const res = startOptionalSources({ ...base, gpu: 'off', env: envWith({}) });
    expect(res.gpu).toBeUndefined();
    expect(res.notes).toEqual([]);
  });

  test('auto prefers nvidia-smi and streams readings', async () => {
    const res = startOptionalSources({ ...base, gpu: 'auto', env: envWith({ FAKE_NVIDIA_SMI_GPUS: '2' }) });
    expect(res.gpu).toBeDefined();
    track(res.gpu!);
    expect(res.notes).toEqual(['GPU: nvidia-smi lists 2 GPU(s): Tesla T4, NVIDIA A100-SXM4-40GB']);
    const r = await waitFor('readings', () => res.gpu!.take());
    expect(r[0].vendor).toBe('nvidia');
  });

  test('amd uses rocm-smi with names from the product probe', async () => {
    const res = startOptionalSources({ ...base, gpu: 'amd', env: envWith({ FAKE_ROCM_SMI_GPUS: '2' }) });
    expect(res.gpu).toBeDefined();
    track(res.gpu!);
    expect(res.notes[0]).toBe('GPU: rocm-smi lists 2 GPU(s): Navi 31 [Radeon RX 7900 XT/7900 XTX], Instinct MI210');
    const r = await waitFor('readings', () => res.gpu!.take());
    expect(r.map((g) => [g.vendor, g.name])).toEqual([
      ['amd', 'Navi 31 [Radeon RX 7900 XT/7900 XTX]'],
      ['amd', 'Instinct MI210'],
    ]);
  });
});

describe('rocm-smi source with the fake executable', () => {
  test('runs at the period, never overlapping, secondary die power null', async () => {
    const counter = tmpFile('runs');
    const env = envWith({ FAKE_ROCM_SMI_GPUS: '2', FAKE_ROCM_SMI_SECONDARY: '1', FAKE_ROCM_SMI_COUNTER: counter });
    const src = track(startRocmSource({ intervalMs: 100, minPeriodMs: 100, env, names: new Map() }));
    const r = await waitFor('readings', () => src.take());
    expect(r.map((g) => [g.index, g.watts === null])).toEqual([
      [0, false],
      [1, true],
    ]);
    expect(r[0].memoryTotalMiB).toBeCloseTo(25753026560 / 1048576, 6);
    // wait for a second run rather than a fixed time: on a loaded machine a run can take longer than the period
    const runs = await waitFor('two runs', () => {
      const lines = fs.existsSync(counter) ? fs.readFileSync(counter, 'utf8').trim().split('\n').filter(Boolean) : [];
      const parsed = lines.map((l) => l.split(' ').map(Number)).filter((r) => r.length >= 2 && r.every(Number.isFinite));
      return parsed.length >= 2 ? parsed : undefined;
    });
    expect(runs.length).toBeGreaterThanOrEqual(2);
    // never two at once: each run started after the previous one ended
    for (let i = 1; i < runs.length; i++) expect(runs[i][0]).toBeGreaterThanOrEqual(runs[i - 1][1]);
    expect(src.takeFaults().some((f) => f.includes('GPU 1') && f.includes('modelled from utilisation'))).toBe(true);
  });

  test('failing runs: bounded, then a gap', async () => {
    const env = envWith({ FAKE_ROCM_SMI_FAIL: '1' });
    const src = track(startRocmSource({ intervalMs: 100, minPeriodMs: 100, env, names: new Map() }));
    const faults: string[] = [];
    await waitFor('give up', () => {
      faults.push(...src.takeFaults());
      return faults.some((f) => f.includes('gave up'));
    });
    expect(faults.filter((f) => /failure \d of 3/.test(f))).toHaveLength(2);
    expect(faults.at(-1)).toMatch(/3 failed runs in a row; gave up/);
    expect(src.take()).toBeUndefined();
  });
});
