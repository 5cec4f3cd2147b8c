// Pure parsers for the GPU tools' output. No I/O here.
//
// Formats, checked against real output quoted in public issues:
// - nvidia-smi `--query-gpu=… --format=csv,noheader,nounits`: one line per GPU, fields joined by
//   ", ", unsupported fields printed as "[N/A]" or "[Not Supported]" (e.g. kylemcdonald/nvidia-co2#1,
//   tutulino/Megaminer#235 "GeForce GTX 770, [Not Supported], …", plambe/zabbix-nvidia-smi-multi-gpu#17
//   "NVIDIA GeForce RTX 3080, …, [N/A], …"). With -lms the same block repeats every period.
// - nvidia-smi `--query-compute-apps=gpu_uuid,pid,used_memory …,noheader,nounits`: one line per
//   process ("GPU-8fe3a97d-…, 12345, 1024"), empty output when no process uses a GPU.
// - rocm-smi `--showpower --showuse [--showmeminfo vram] --json`: one object keyed "card0", "card1",
//   … with string values, e.g. henrygd/beszel#414:
//   {"card0": {"Average Graphics Package Power (W)": "19.0", "GPU use (%)": "0",
//    "VRAM Total Memory (B)": "25753026560", "VRAM Total Used Memory (B)": "794341376"}}
//   Newer ROCm / APUs / MI300 print "Current Socket Graphics Package Power (W)" instead
//   (ROCm/rocm_smi_lib#149), and a secondary die of an MI250 prints "N/A (Secondary die)"
//   (ROCm/rocm_smi_lib#160). Some versions print a WARNING line before the JSON.
// - rocm-smi `--showproductname --json`: "Card series"/"Card Series", "Card model", "Card SKU" per card.

import type { GpuReading } from '../../core/types.js';

/** A number, or null for "[N/A]", "[Not Supported]", "N/A (Secondary die)", empty and other non-numbers. */
export function parseGpuNumber(field: string | number | undefined | null): number | null {
  if (field === undefined || field === null) return null;
  if (typeof field === 'number') return Number.isFinite(field) ? field : null;
  const text = field.trim();
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** The fields of the streamed nvidia-smi query, in order. */
export const NVIDIA_QUERY_FIELDS = ['index', 'name', 'power.draw', 'utilization.gpu', 'memory.used', 'memory.total'] as const;

/**
 * One line of `--query-gpu=index,name,power.draw,utilization.gpu,memory.used,memory.total
 * --format=csv,noheader,nounits`. Returns undefined for a line that is not such a row
 * (an error message, a blank line, a truncated line).
 */
export function parseNvidiaGpuLine(line: string): GpuReading | undefined {
  const fields = line.split(',').map((f) => f.trim());
  if (fields.length < NVIDIA_QUERY_FIELDS.length) return undefined;
  // The name is the only free-text field; take the numbers from both ends so a comma in a
  // name cannot shift them.
  const index = parseGpuNumber(fields[0]);
  if (index === null || !Number.isInteger(index) || index < 0) return undefined;
  const tail = fields.slice(-4);
  const name = fields.slice(1, fields.length - 4).join(', ');
  if (name === '') return undefined;
  const [watts, util, memUsed, memTotal] = tail.map(parseGpuNumber);
  // A truncated line ("0, Tesla T4, 27.") would still parse; require the last field to be a
  // complete token: a number or a bracketed marker.
  const last = tail[3];
  if (last === '' || (memTotal === null && !/^\[.*\]$|^N\/A$/.test(last))) return undefined;
  return {
    index,
    name,
    watts: watts !== null && watts >= 0 ? watts : null,
    utilPercent: util,
    memoryUsedMiB: memUsed,
    memoryTotalMiB: memTotal,
    vendor: 'nvidia',
  };
}

export interface NvidiaComputeApp {
  gpuUuid: string;
  pid: number;
  usedMemoryMiB: number | null;
}

/** Output of `--query-compute-apps=gpu_uuid,pid,used_memory --format=csv,noheader,nounits`. */
export function parseNvidiaComputeApps(text: string): NvidiaComputeApp[] {
  const apps: NvidiaComputeApp[] = [];
  for (const line of text.split(/\r?\n/)) {
    const fields = line.split(',').map((f) => f.trim());
    if (fields.length < 3) continue;
    const pid = parseGpuNumber(fields[1]);
    if (pid === null || !Number.isInteger(pid) || pid <= 0) continue;
    apps.push({ gpuUuid: fields[0], pid, usedMemoryMiB: parseGpuNumber(fields[2]) });
  }
  return apps;
}

/** Output of the one-off probe `--query-gpu=index,uuid,name --format=csv,noheader,nounits`. */
export function parseNvidiaProbe(text: string): Array<{ index: number; uuid: string; name: string }> {
  const gpus: Array<{ index: number; uuid: string; name: string }> = [];
  for (const line of text.split(/\r?\n/)) {
    const fields = line.split(',').map((f) => f.trim());
    if (fields.length < 3) continue;
    const index = parseGpuNumber(fields[0]);
    if (index === null || !Number.isInteger(index)) continue;
    gpus.push({ index, uuid: fields[1], name: fields.slice(2).join(', ') });
  }
  return gpus;
}

/** Cuts a byte stream into lines; keeps a partial last line until its newline arrives. */
export class LineSplitter {
  private rest = '';
  /** Bound on a line without newline, so garbage without newlines cannot grow memory. */
  constructor(private readonly maxLineChars = 64 * 1024) {}
  push(chunk: string): string[] {
    const text = this.rest + chunk;
    const parts = text.split(/\r?\n/);
    this.rest = parts.pop() ?? '';
    if (this.rest.length > this.maxLineChars) this.rest = '';
    return parts.filter((p) => p.trim() !== '');
  }
  /** The unterminated remainder (for messages when the stream ends). */
  pending(): string {
    return this.rest;
  }
}

/** Averages the readings received between two take() calls, per GPU index. */
export class GpuAggregator {
  private acc = new Map<number, { last: GpuReading; wattsSum: number; wattsN: number; utilSum: number; utilN: number; lines: number }>();

  add(r: GpuReading): void {
    const a = this.acc.get(r.index) ?? { last: r, wattsSum: 0, wattsN: 0, utilSum: 0, utilN: 0, lines: 0 };
    a.last = r;
    a.lines += 1;
    if (r.watts !== null) {
      a.wattsSum += r.watts;
      a.wattsN += 1;
    }
    if (r.utilPercent !== null) {
      a.utilSum += r.utilPercent;
      a.utilN += 1;
    }
    this.acc.set(r.index, a);
  }

  get size(): number {
    return this.acc.size;
  }

  /** Mean power and utilisation per GPU (null when every line said N/A), last memory and name; resets. */
  drain(): GpuReading[] | undefined {
    if (this.acc.size === 0) return undefined;
    const out = [...this.acc.values()]
      .map((a) => ({
        ...a.last,
        watts: a.wattsN > 0 ? a.wattsSum / a.wattsN : null,
        utilPercent: a.utilN > 0 ? a.utilSum / a.utilN : null,
      }))
      .sort((x, y) => x.index - y.index);
    this.acc.clear();
    return out;
  }
}

const ROCM_POWER_KEYS = [
  'Average Graphics Package Power (W)',
  'Current Socket Graphics Package Power (W)',
  'Average Graphics Package Power(W)',
];
const ROCM_UTIL_KEYS = ['GPU use (%)', 'GPU Utilization (%)'];
const ROCM_NAME_KEYS = ['card series', 'card model', 'device name', 'card sku'];
const BYTES_PER_MIB = 1024 * 1024;

/** Extracts the JSON object from rocm-smi output that may carry warning lines around it. */
export function extractJsonObject(text: string): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end < start) throw new Error('no JSON object in rocm-smi output');
  return JSON.parse(text.slice(start, end + 1));
}

function cards(doc: unknown): Array<[number, Record<string, unknown>]> {
  if (doc === null || typeof doc !== 'object') throw new Error('rocm-smi JSON is not an object');
  const out: Array<[number, Record<string, unknown>]> = [];
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    const m = /^card(\d+)$/i.exec(key);
    if (!m || value === null || typeof value !== 'object') continue;
    out.push([Number(m[1]), value as Record<string, unknown>]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

function pick(card: Record<string, unknown>, keys: string[]): unknown {
  for (const k of keys) if (k in card) return card[k];
  return undefined;
}

/** Card names from `rocm-smi --showproductname --json`, by card index. */
export function parseRocmProductNames(text: string): Map<number, string> {
  const names = new Map<number, string>();
  for (const [index, card] of cards(extractJsonObject(text))) {
    const lower = new Map(Object.entries(card).map(([k, v]) => [k.toLowerCase(), v]));
    for (const k of ROCM_NAME_KEYS) {
      const v = lower.get(k);
      if (typeof v === 'string' && v.trim() !== '' && v.trim() !== 'N/A') {
        names.set(index, v.trim());
        break;
      }
    }
  }
  return names;
}

/** Readings from `rocm-smi --showpower --showuse [--showmeminfo vram] --json`. Throws on non-JSON. */
export function parseRocmSmiJson(text: string, names: Map<number, string> = new Map()): GpuReading[] {
  return cards(extractJsonObject(text)).map(([index, card]) => {
    const totalB = parseGpuNumber(card['VRAM Total Memory (B)'] as string | undefined);
    const usedB = parseGpuNumber(card['VRAM Total Used Memory (B)'] as string | undefined);
    const watts = parseGpuNumber(pick(card, ROCM_POWER_KEYS) as string | undefined);
    return {
      index,
      name: names.get(index) ?? `AMD GPU ${index}`,
      watts: watts !== null && watts >= 0 ? watts : null,
      utilPercent: parseGpuNumber(pick(card, ROCM_UTIL_KEYS) as string | undefined),
      memoryUsedMiB: usedB === null ? null : usedB / BYTES_PER_MIB,
      memoryTotalMiB: totalB === null ? null : totalB / BYTES_PER_MIB,
      vendor: 'amd' as const,
    };
  });
}
