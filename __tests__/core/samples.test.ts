import { describe, expect, test } from '@jest/globals';
import { firstGpuNames, forEachSample, parseSampleLine, parseSamples } from '../../src/core/samples.js';
import type { Sample } from '../../src/core/types.js';
import { line, sample } from '../helpers/fixtures.js';

const good = (t: number, extra: Partial<Parameters<typeof sample>[0]> = {}): string => line(sample({ t, busy: t, tree: t / 2, ...extra }));

describe('parseSampleLine', () => {
  test('a well-formed sample comes back with its values', () => {
    const s = parseSampleLine(good(3));
    expect(s).not.toBeNull();
    expect((s as Sample).monoS).toBe(1003);
    expect((s as Sample).cpu.busySeconds).toBe(3);
    expect((s as Sample).tree?.cpuSeconds).toBe(1.5);
  });

  test.each([
    ['empty', ''],
    ['one brace', '{'],
    ['not an object', '[1,2,3]'],
    ['plain text', 'hello world'],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['a truncated object', good(1).slice(0, 40)],
    ['leading whitespace is not trimmed here', ' ' + good(1)],
  ])('%s → null', (_what, text) => {
    expect(parseSampleLine(text)).toBeNull();
  });

  const base = JSON.parse(good(1)) as Record<string, unknown>;
  const without = (path: string[]): string => {
    const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
    let o = copy as Record<string, unknown>;
    for (const k of path.slice(0, -1)) o = o[k] as Record<string, unknown>;
    delete o[path[path.length - 1]];
    return JSON.stringify(copy);
  };
  const withValue = (path: string[], v: unknown): string => {
    const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
    let o = copy as Record<string, unknown>;
    for (const k of path.slice(0, -1)) o = o[k] as Record<string, unknown>;
    o[path[path.length - 1]] = v;
    return JSON.stringify(copy);
  };

  test.each([['v'], ['monoS'], ['wallMs'], ['cpu'], ['mem']])('missing %s → null', (field) => {
    expect(parseSampleLine(without([field]))).toBeNull();
  });
  test.each([['busySeconds'], ['totalSeconds']])('missing cpu.%s → null', (field) => {
    expect(parseSampleLine(without(['cpu', field]))).toBeNull();
  });
  test.each([
    [['v'], 2],
    [['monoS'], '12'],
    [['monoS'], null],
    [['wallMs'], 'yesterday'],
    [['cpu', 'busySeconds'], '1'],
    [['cpu', 'totalSeconds'], null],
  ])('%j = %j → null', (path, v) => {
    expect(parseSampleLine(withValue(path as string[], v))).toBeNull();
  });

  test('a tree without a numeric cpuSeconds is dropped, the sample kept', () => {
    const s = parseSampleLine(withValue(['tree', 'cpuSeconds'], 'lots'));
    expect(s).not.toBeNull();
    expect((s as Sample).tree).toBeUndefined();
    expect((s as Sample).cpu.busySeconds).toBe(1);
  });
});

describe('forEachSample / parseSamples', () => {
  test('clean file: every line is a sample, in order, nothing skipped', () => {
    const text = [0, 1, 2, 3].map((t) => good(t)).join('\n') + '\n';
    const r = parseSamples(text);
    expect(r.samples.map((s) => s.monoS)).toEqual([1000, 1001, 1002, 1003]);
    expect(r).toMatchObject({ lines: 4, skippedLines: 0, outOfOrder: 0 });
  });

  test('a truncated last line (the sampler was killed mid-write) is skipped and counted', () => {
    const full = good(2);
    const text = `${good(0)}\n${good(1)}\n${full.slice(0, full.length - 7)}`;
    const r = parseSamples(text);
    expect(r.samples).toHaveLength(2);
    expect(r.lines).toBe(3);
    expect(r.skippedLines).toBe(1);
  });

  test('garbage lines in the middle are skipped and counted; the samples around them are kept', () => {
    const text = [good(0), 'garbage', '{"v":1}', '\u0000\u0000\u0000', good(1), '{not json', good(2)].join('\n');
    const r = parseSamples(text);
    expect(r.samples.map((s) => s.cpu.busySeconds)).toEqual([0, 1, 2]);
    expect(r.skippedLines).toBe(4);
    expect(r.lines).toBe(7);
  });

  test('blank and whitespace-only lines are neither samples nor skipped lines; CRLF is tolerated', () => {
    const text = `\n\n${good(0)}\r\n   \r\n\t\n${good(1)}\r\n\n`;
    const r = parseSamples(text);
    expect(r.samples).toHaveLength(2);
    expect(r).toMatchObject({ lines: 2, skippedLines: 0, outOfOrder: 0 });
  });

  test('samples whose clock does not advance (duplicate or earlier) are dropped and counted apart from garbage', () => {
    // clocks: 0, 2, 1 (earlier), 2 (duplicate), 3, 2.5 (earlier), 4
    const text = [0, 2, 1, 2, 3, 2.5, 4].map((t) => good(t)).join('\n');
    const r = parseSamples(text);
    expect(r.samples.map((s) => s.monoS - 1000)).toEqual([0, 2, 3, 4]);
    expect(r.outOfOrder).toBe(3);
    expect(r.skippedLines).toBe(0);
    expect(r.lines).toBe(7);
  });

  test('missing fields: the broken lines are counted as skipped, the rest kept', () => {
    const noMono = JSON.stringify({ ...JSON.parse(good(1)), monoS: undefined });
    const noCpu = JSON.stringify({ ...JSON.parse(good(2)), cpu: undefined });
    const r = parseSamples([good(0), noMono, noCpu, good(3)].join('\n'));
    expect(r.samples.map((s) => s.monoS - 1000)).toEqual([0, 3]);
    expect(r.skippedLines).toBe(2);
  });

  test('empty text gives no samples and zero counts', () => {
    expect(parseSamples('')).toEqual({ samples: [], lines: 0, skippedLines: 0, outOfOrder: 0 });
  });

  test('forEachSample streams the same samples as parseSamples returns, and the same stats', () => {
    const text = [good(0), 'x', good(1), good(0.5), good(2)].join('\n');
    const seen: number[] = [];
    const stats = forEachSample(text, (s) => seen.push(s.monoS));
    const r = parseSamples(text);
    expect(seen).toEqual(r.samples.map((s) => s.monoS));
    expect(seen).toEqual([1000, 1001, 1002]);
    expect(stats).toEqual({ lines: 5, skippedLines: 1, outOfOrder: 1 });
  });

  test('a large file (20,000 lines) is read in full', () => {
    const parts: string[] = [];
    for (let i = 0; i < 20_000; i++) parts.push(i % 1000 === 999 ? 'junk' : good(i));
    const r = parseSamples(parts.join('\n'));
    expect(r.samples).toHaveLength(19_980);
    expect(r.skippedLines).toBe(20);
  });
});

describe('firstGpuNames', () => {
  const jsonl = (gpu?: Array<{ name: string }>) =>
    JSON.stringify({ v: 1, monoS: 1, wallMs: 1, cpu: { busySeconds: 1, totalSeconds: 2, logicalCpus: 2 }, mem: { totalBytes: 1, availableBytes: 1 }, ...(gpu ? { gpu } : {}) });

  test('every GPU of the first reading, even when a name holds "]" or a quote', () => {
    const g = (name: string) => ({ index: 0, name, watts: 1, utilPercent: 1, memoryUsedMiB: 1, memoryTotalMiB: 2, vendor: 'nvidia' });
    const text = `${jsonl()}\n${jsonl([g('Tesla [T4]'), g('A100 "SXM"')])}\n${jsonl([g('later')])}\n`;
    expect(firstGpuNames(text)).toEqual(['Tesla [T4]', 'A100 "SXM"']);
  });

  test('a cut last line and no GPU reading give nothing', () => {
    expect(firstGpuNames(`${jsonl()}\n${jsonl([{ name: 'x' }]).slice(0, 40)}`)).toEqual([]);
    expect(firstGpuNames('')).toEqual([]);
  });
});
