import { describe, expect, test } from '@jest/globals';
import { parseCsvRecords, parseCsvRows } from '../../src/core/csv.js';
import { downsample, niceCeiling, renderChart, renderTrendChart, sparkline } from '../../src/core/report/chart.js';
import { SAMPLES_COLUMNS, csvField, csvLine, samplesCsvHeader, samplesCsvRow, isoTimestamp } from '../../src/core/report/csv.js';
import { SUMMARY_MAX_BYTES, renderSummary } from '../../src/core/report/summary.js';
import type { Gap, PowerPoint } from '../../src/core/types.js';
import { T0_WALL_MS, gpu, point, runResult, sample } from '../helpers/fixtures.js';

const NO_CHART = { chart: 'none' as const };

/** The rows of the first markdown table whose header starts with `| <first> |`. */
function tableAfter(md: string, first: string): string[][] {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${first} |`));
  if (start < 0) throw new Error(`no table starting with ${first}`);
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i].startsWith('|'); i++) {
    rows.push(lines[i].slice(2, -2).split(' | '));
  }
  return rows;
}

describe('renderSummary', () => {
  test('verdict line first, then totals and the components table', () => {
    const md = renderSummary(runResult(), NO_CHART);
    const lines = md.split('\n');
    expect(lines[0]).toBe('## 🌱 carbon-gate · build');
    expect(lines[2]).toBe('**ℹ️ Measured only: no budget or baseline set — 300 mg CO2e**');
    const totals = Object.fromEntries(tableAfter(md, 'Total'));
    expect(totals['**CO2e**']).toBe('**300 mg CO2e**: operational 250 mg CO2e + embodied 50 mg CO2e (both gated)');
    expect(totals['Energy']).toBe('188 mWh at the machine; × PUE 1.185 at the data centre');
    expect(totals['Grid intensity']).toBe('472 gCO2e/kWh (world)');
    expect(totals['Duration']).toBe('1 min 0 s');
    expect(totals['CPU utilisation']).toBe('job’s processes 25 %, whole machine 50 % of 4 vCPU; scope: the job’s process tree');
    expect(tableAfter(md, 'Component')).toEqual([
      ['CPU', '62.5 mWh', '3.75 W', 'modelled'],
      ['Memory', '125 mWh', '7.5 W', 'modelled'],
    ]);
    // the intensity source is not repeated outside the model section
    expect(md).not.toContain('Ember 2024');
  });

  test('embodied not estimated reads so, never "0"', () => {
    const md = renderSummary(runResult({ emissions: { embodiedGCo2e: 0, totalGCo2e: 0.25, gatedGCo2e: 0.25 } }), NO_CHART);
    expect(Object.fromEntries(tableAfter(md, 'Total'))['**CO2e**']).toBe('**250 mg CO2e**: operational 250 mg CO2e + embodied not estimated');
  });

  test('the budget and its headroom are on the first lines', () => {
    const md = renderSummary(runResult({ verdict: { budget: [{ metric: 'gco2e', limit: 5, actual: 0.3, exceeded: false }] } }), NO_CHART);
    expect(md.split('\n').slice(0, 3).join('\n')).toContain('**✅ 300 mg CO2e — 6 % of the 5 g budget, 4.7 g headroom**');
  });

  test('reasons are listed for a failed verdict', () => {
    const md = renderSummary(runResult({ verdict: { status: 'fail', failBuild: true, headline: '❌ Failed: over budget', reasons: ['gCO2e 0.3 over the budget 0.1'], budget: [{ metric: 'gco2e', limit: 0.1, actual: 0.3, exceeded: true }] } }), NO_CHART);
    expect(md).toContain('**❌ 300 mg CO2e — 300 % of the 100 mg budget, 200 mg over**');
    expect(md).toContain('- gCO2e 0.3 over the budget 0.1');
  });

  test('a GPU row only when GPUs were seen, with measured provenance', () => {
    expect(renderSummary(runResult(), NO_CHART)).not.toMatch(/\| GPU/);
    const md = renderSummary(runResult({ energy: { gpuCount: 2, gpuModels: ['Tesla T4'], gpuWh: 1.5, avgGpuWatts: 90, gpu: 'measured' } }), NO_CHART);
    expect(tableAfter(md, 'Component')[2]).toEqual(['GPU ×2 (Tesla T4)', '1.5 Wh', '90 W', 'measured (nvidia-smi / rocm-smi)']);
  });

  test('RAPL-measured CPU and RAM say so', () => {
    const md = renderSummary(runResult({ energy: { cpu: 'measured', ram: 'measured' } }), NO_CHART);
    expect(tableAfter(md, 'Component').map((r) => r[3])).toEqual(['measured (RAPL package)', 'measured (RAPL DRAM)']);
  });

  test('the partial warning appears only for a partial report', () => {
    expect(renderSummary(runResult(), NO_CHART)).not.toContain('partial');
    const md = renderSummary(runResult({ quality: { partial: true, warnings: ['the sampler was killed'] } }), NO_CHART);
    expect(md).toContain('> [!WARNING]\n> This report is **partial**');
    expect(md).toContain('⚠️ the sampler was killed');
    expect(md).toContain('<details><summary>Data quality (1 warning)</summary>');
  });

  test('data quality (folded): samples, no gaps, skipped lines, sampler cost', () => {
    const md = renderSummary(runResult({ quality: { skippedLines: 3, samplerCpuSeconds: 0.42, samplerMaxRssBytes: 40 * 2 ** 20 } }), NO_CHART);
    expect(md).toContain('<details><summary>Data quality</summary>\n\n- 61 samples over 1 min 0 s\n- no gaps\n- 3 unreadable sample line(s) skipped');
    expect(md).toContain("sampler's own cost: 0.42 CPU-s, peak RSS 40 MiB (not charged to the job)");
  });

  test('gaps are listed with their total, and capped at 20 with a count of the rest', () => {
    const gaps: Gap[] = Array.from({ length: 25 }, (_, i) => ({ fromS: i * 10, toS: i * 10 + 4, seconds: 4, reason: 'no samples' }));
    const md = renderSummary(runResult({ energy: { gaps } }), NO_CHART);
    expect(md).toContain('25 gap(s) without samples, 1 min 40 s in all');
    const listed = md.split('\n').filter((l) => l.startsWith('  - gap from'));
    expect(listed).toHaveLength(20);
    expect(listed[0]).toBe('  - gap from 0 s to 4 s: no samples');
    expect(md).toContain('  - … and 5 more');
    expect(md).not.toContain('no gaps');
  });

  test('user-controlled text (job label, warnings, reasons, intensity location) is escaped', () => {
    const evil = '<img src=x onerror=alert(1)> **bold** [link](https://evil) @octo #12 | pipe\nnew line';
    const md = renderSummary(
      runResult({
        job: { label: evil },
        quality: { warnings: [evil] },
        verdict: { status: 'warn', reasons: [evil] },
        energy: { gpuCount: 1, gpuModels: [evil] },
        emissions: { intensity: { gCo2ePerKwh: 100, location: evil, source: evil, kind: 'input', status: { status: 'modelled' } } },
      }),
      NO_CHART,
    );
    expect(md).not.toContain('<img');
    expect(md).not.toContain('**bold**');
    expect(md).not.toContain('[link](');
    expect(md).not.toContain('@octo');
    expect(md).not.toContain('#12');
    expect(md).not.toMatch(/[^\\]\| pipe/); // only the escaped \| remains
    expect(md).not.toContain('\nnew line');
    expect(md).toContain('## 🌱 carbon-gate · &lt;img src=x onerror=alert(1)&gt; \\*\\*bold\\*\\* \\[link\\](https://evil) &#64;octo &#35;12 \\| pipe new line\n');
    // every table row still has its column count
    for (const r of tableAfter(md, 'Component')) expect(r).toHaveLength(4);
  });

  test('a heading never ends in empty parentheses', () => {
    expect(renderSummary(runResult({ job: { label: 'build ()' } }), NO_CHART).split('\n')[0]).toBe('## 🌱 carbon-gate · build');
  });

  test('the files section: local paths (CLI) in code spans, backticks defused; the artifact with its link (action)', () => {
    const md = renderSummary(runResult(), { chart: 'none', files: { 'emissions.csv': '/tmp/run/emissions.csv', 'odd`name': '/tmp/a`b' } });
    expect(md).toContain('<details><summary>Files</summary>');
    expect(md).toContain('| emissions.csv | `/tmp/run/emissions.csv` |');
    expect(md).toContain("| odd\\`name | `/tmp/a'b` |");
    const withArtifact = renderSummary(runResult(), { chart: 'none', artifact: { name: 'carbon-gate-build-default', url: 'https://github.com/octo/repo/actions/runs/777/artifacts/9' } });
    expect(withArtifact).toContain('**Files**: the artifact [`carbon-gate-build-default`](https://github.com/octo/repo/actions/runs/777/artifacts/9) holds emissions.csv, samples.csv and carbon-gate.json.');
    expect(withArtifact).not.toContain('/tmp/');
  });

  test('order: verdict, totals, baseline, steps, chart, attribution, then folded model, data quality', () => {
    const series = Array.from({ length: 10 }, (_, i) => point(i + 1, 3 + i));
    const md = renderSummary(runResult({ energy: { series }, baseline: { records: [], status: 'none' } }), {
      chart: 'mermaid',
      modelSection: '### Model\n\nMODEL-TEXT\n\n\n',
      stepsSection: '### Steps\n\nSTEPS-TEXT',
    });
    const at = (s: string): number => {
      const i = md.indexOf(s);
      if (i < 0) throw new Error(`missing ${s}`);
      return i;
    };
    const order = ['**ℹ️', '| Total |', '### Against the baseline', '### Steps', '### Power over time', '### Attribution', '<details><summary>Model and provenance</summary>\n\n### Model\n\nMODEL-TEXT\n\n</details>', '<details><summary>Data quality'].map(at);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('the chart is embedded per the chart setting', () => {
    const series = Array.from({ length: 10 }, (_, i) => point(i + 1, 3 + i));
    expect(renderSummary(runResult({ energy: { series } }), { chart: 'mermaid' })).toContain('```mermaid\n%%{init:');
    expect(renderSummary(runResult({ energy: { series } }), { chart: 'sparkline' })).toContain('Power over time (0 – 12 W)');
    expect(renderSummary(runResult({ energy: { series } }), { chart: 'none' })).not.toContain('mermaid');
  });

  test('stays under SUMMARY_MAX_BYTES with huge ASCII inputs', () => {
    const big = 'x'.repeat(300_000);
    const md = renderSummary(
      runResult({ job: { label: big }, quality: { warnings: Array(30).fill(big) }, verdict: { status: 'warn', reasons: Array(30).fill(big) } }),
      { chart: 'none', modelSection: big, stepsSection: big },
    );
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(md).toContain('summary truncated to stay under the 1 MiB step-summary limit');
  });

  test('stays under SUMMARY_MAX_BYTES in bytes with huge multi-byte inputs (CJK, emoji)', () => {
    const cjk = '碳'.repeat(200_000); // 3 bytes each in UTF-8
    const emoji = '🌱'.repeat(100_000); // 4 bytes each, 2 UTF-16 units
    const md = renderSummary(runResult({ job: { label: cjk }, quality: { warnings: [cjk, emoji, cjk, emoji] } }), NO_CHART);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(md).toContain('summary truncated');
    // no lone surrogate at the cut
    expect(md).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  test('an ordinary report is not truncated', () => {
    expect(renderSummary(runResult(), NO_CHART)).not.toContain('truncated');
  });
});

describe('chart', () => {
  const series = (n: number, f: (i: number) => number, dt = 1): PowerPoint[] => Array.from({ length: n }, (_, i) => point((i + 1) * dt, f(i)));
  const barValues = (md: string, which = 0): number[] => {
    const all = [...md.matchAll(/^ {2}bar \[(.*)\]$/gm)];
    if (!all[which]) throw new Error('no bar');
    return all[which][1].split(', ').map(Number);
  };

  test('none, or fewer than 2 points: no chart', () => {
    expect(renderChart(series(10, () => 1), 'none')).toBe('');
    expect(renderChart(series(1, () => 1), 'mermaid')).toBe('');
    expect(renderChart([], 'sparkline')).toBe('');
  });

  test('mermaid: at most 120 points for a long series, axis in minutes or hours, y from 0', () => {
    const long = series(1000, (i) => (i < 500 ? 2 : 10));
    const md = renderChart(long, 'mermaid');
    const v = barValues(md);
    expect(v.length).toBeLessThanOrEqual(120);
    expect(v.length).toBeGreaterThanOrEqual(100);
    expect(v[0]).toBe(2);
    expect(v[v.length - 1]).toBe(10);
    expect(md).toContain('x-axis "time (min)" 0 --> 16.7'); // 1000 s
    expect(md).toContain('y-axis "W" 0 --> 20'); // 10 W × 1.05 → the next 1/2/2.5/5 step
    expect(barValues(renderChart(series(50, (i) => i, 300), 'mermaid'))).toHaveLength(50);
    expect(renderChart(series(50, (i) => i, 300), 'mermaid')).toContain('x-axis "time (h)" 0 --> 4.17'); // 15000 s
    expect(renderChart(series(60, (i) => i), 'mermaid')).toContain('x-axis "time (s)" 0 --> 60');
  });

  test('mermaid: a flat series still starts at 0 and has a positive top', () => {
    expect(renderChart(series(10, () => 5), 'mermaid')).toContain('y-axis "W" 0 --> 10');
    expect(renderChart(series(10, () => 0), 'mermaid')).toContain('y-axis "mW" 0 --> 1');
    expect(renderChart(series(10, () => 0.00003), 'mermaid')).toContain('y-axis "mW" 0 --> 0.05');
  });

  test('mermaid: total (CPU + GPU + memory) first, then memory drawn over it; colours by theme variables', () => {
    const s = [point(1, 1, { ramWatts: 2, gpuWatts: 3 }), point(2, 2, { ramWatts: 2, gpuWatts: 0 })];
    const md = renderChart(s, 'mermaid');
    expect(barValues(md, 0)).toEqual([6, 4]);
    expect(barValues(md, 1)).toEqual([2, 2]);
    expect(md).toContain('%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#0969da, #6e7781"}}}}%%');
    expect(md).toContain('Grey: memory power, driven by time (40 % of the energy here)');
  });

  test('niceCeiling', () => {
    expect([0.7, 1, 1.1, 2.2, 3, 7, 12, 0.031].map(niceCeiling)).toEqual([1, 1, 2, 2.5, 5, 10, 20, 0.05]);
  });

  test('trend chart: window oldest first, this run in its own series, median line, unit by magnitude', () => {
    const rec = (id: string, g: number, day: number) => ({ runId: id, runAttempt: 1, sha: 'b'.repeat(40), ref: 'refs/heads/main', wallMs: T0_WALL_MS + day * 864e5, energyWh: 1, operationalGCo2e: g, embodiedGCo2e: 0, gatedGCo2e: g, durationSeconds: 60, cpuSeconds: 1 });
    const md = renderTrendChart([rec('12', 0.004, 2), rec('11', 0.003, 1)], 0.0035, 'gco2e', 0.0035);
    expect(md).toContain('x-axis ["#11", "#12", "this run"]');
    expect(md).toContain('y-axis "mg CO2e" 0 --> 5');
    expect(barValues(md, 0)).toEqual([3, 4, 0]);
    expect(barValues(md, 1)).toEqual([0, 0, 3.5]);
    expect(md).toContain('line [3.5, 3.5, 3.5]');
    expect(renderTrendChart([], 1, 'gco2e', 1)).toBe('');
  });

  test('downsample: bucket means, the bucket ends at its last point', () => {
    const s = series(240, (i) => (i % 2 ? 10 : 0));
    const d = downsample(s, 120);
    expect(d).toHaveLength(120);
    for (const p of d) expect(p.workWatts).toBe(5);
    expect(d[0].tS).toBe(2);
    expect(d[119].tS).toBe(240);
    expect(downsample(series(5, (i) => i), 120)).toEqual([0, 1, 2, 3, 4].map((w, i) => ({ tS: i + 1, workWatts: w, memoryWatts: 0 })));
  });

  test('sparkline: eight levels from 0 to max', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([3, 3, 3])).toBe('███');
    expect(sparkline([0, 0])).toBe('▁▁');
    expect(sparkline([])).toBe('');
    expect(sparkline([10, 0])).toBe('█▁');
    const text = renderChart(series(300, (i) => i % 7), 'sparkline');
    expect(/`(.*)`/.exec(text)?.[1]).toHaveLength(120);
  });
});

describe('CSV', () => {
  test.each([
    ['plain', 'plain'],
    [12.5, '12.5'],
    [-3, '-3'],
    [0, '0'],
    [null, ''],
    [undefined, ''],
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
    [true, 'true'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=cmd|\' /C calc\'!A0', "'=cmd|' /C calc'!A0"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
  ])('csvField(%j) = %j', (v, want) => {
    expect(csvField(v)).toBe(want);
  });

  test('every escaped field parses back (formula prefix aside)', () => {
    const values = ['a,b', 'say "hi"', 'two\r\nlines', 'x', '', '=1+2', 'ü,€'];
    const rows = parseCsvRows(csvLine(values) + csvLine(values), 'test');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(['a,b', 'say "hi"', 'two\r\nlines', 'x', '', "'=1+2", 'ü,€']);
  });

  test('samples.csv: header and a row per interval parse back', () => {
    const s = sample({ t: 2.5, busy: 3, tree: 1.23456, memTotalBytes: 1000, memAvailableBytes: 400, gpu: [gpu(), gpu({ index: 1 })] });
    const p = point(2.5, 4.123456, { machineUtil: 0.333333, treeUtil: 0.25, ramWatts: 2, gpuWatts: 60 });
    const text = samplesCsvHeader() + samplesCsvRow(p, s) + samplesCsvRow({ ...p, treeUtil: null }, sample({ t: 3, busy: 3 }));
    const recs = parseCsvRecords(text, 'samples.csv', SAMPLES_COLUMNS);
    expect(recs).toHaveLength(2);
    expect(recs[0]).toEqual({
      time_s: '2.5',
      timestamp: new Date(T0_WALL_MS + 2500).toISOString(),
      machine_cpu_util: '0.3333',
      tree_cpu_util: '0.25',
      tree_cpu_seconds: '1.23',
      tree_processes: '3',
      tree_rss_bytes: String(100 * 2 ** 20),
      memory_used_bytes: '600',
      cpu_watts: '4.1235',
      ram_watts: '2',
      gpu_watts: '60',
      gpu_count: '2',
    });
    expect(recs[1]).toMatchObject({ tree_cpu_util: '', tree_cpu_seconds: '', tree_processes: '', tree_rss_bytes: '', gpu_count: '0' });
  });
});

describe('isoTimestamp (samples.csv hot path)', () => {
  test('equals Date#toISOString across minute, hour, day and year boundaries and odd milliseconds', () => {
    const starts = [Date.UTC(2026, 10, 23, 17, 59, 58, 997), Date.UTC(2026, 11, 31, 23, 59, 59, 5), 0, 1_700_000_000_123];
    for (const start of starts) {
      for (let d = 0; d < 5000; d += 37) {
        const ms = start + d;
        expect(isoTimestamp(ms)).toBe(new Date(ms).toISOString());
      }
    }
  });
});
