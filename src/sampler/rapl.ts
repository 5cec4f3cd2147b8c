// RAPL energy counters from the Linux powercap sysfs tree:
//   <root>/class/powercap/intel-rapl:N/      name = "package-N" (or "psys": the platform, not summed)
//   <root>/class/powercap/intel-rapl:N:M/    name = "core" | "uncore" | "dram"
// each with energy_uj (a counter in µJ that wraps at max_energy_range_uj). The reader returns
// cumulative joules since it was opened, wrap-around unfolded, packages summed. The counters are
// root-only since Linux 5.10 (CVE-2020-8694), so on most machines this ends in a note.

import fs from 'node:fs';
import path from 'node:path';
import type { RaplReading } from '../core/types.js';
import type { RaplReader } from './types.js';

interface Domain {
  label: string;
  kind: 'package' | 'dram';
  energyPath: string;
  maxRangeUj: number;
  lastRawUj: number;
  totalUj: number;
}

function readText(p: string): string {
  return fs.readFileSync(p, 'utf8').trim();
}

function readUj(p: string): number {
  const text = readText(p);
  // Number('') is 0: an empty read must not pass for a counter that wrapped to zero.
  if (!/^\d+$/.test(text)) throw new Error(`not a counter value (${JSON.stringify(text.slice(0, 30))}) in ${p}`);
  return Number(text);
}

/**
 * Energy in µJ between two raw readings of a counter that wraps at maxRangeUj, or null when the
 * pair cannot be a wrap: a wrap between two ticks (≤ 60 s) consumes far less than half the range
 * (≈131 kJ for a package), so a larger unfolded delta is a counter reset or a bad read.
 */
export function unfoldDeltaUj(previousUj: number, currentUj: number, maxRangeUj: number): number | null {
  if (currentUj >= previousUj) return currentUj - previousUj;
  if (maxRangeUj <= previousUj) return null;
  const unfolded = maxRangeUj - previousUj + currentUj;
  return unfolded <= maxRangeUj / 2 ? unfolded : null;
}

/** Opens the RAPL domains under `<sysfsRoot>/class/powercap`. Never throws: problems become notes. */
export function openRapl(sysfsRoot: string): { reader?: RaplReader; notes: string[] } {
  const base = path.join(sysfsRoot, 'class', 'powercap');
  let entries: string[];
  try {
    entries = fs.readdirSync(base);
  } catch {
    return { notes: [`RAPL: no ${base} on this machine: CPU and RAM energy are modelled, not measured`] };
  }
  const zones = entries.filter((e) => /^intel-rapl:\d+(:\d+)?$/.test(e)).sort();
  if (zones.length === 0) return { notes: [`RAPL: no intel-rapl zone under ${base}: CPU and RAM energy are modelled, not measured`] };

  const domains: Domain[] = [];
  const notes: string[] = [];
  for (const zone of zones) {
    const dir = path.join(base, zone);
    let name: string;
    try {
      name = readText(path.join(dir, 'name'));
    } catch {
      continue;
    }
    const top = /^intel-rapl:\d+$/.test(zone);
    const kind = top && name.startsWith('package') ? 'package' : name === 'dram' ? 'dram' : undefined;
    if (!kind) continue;
    const energyPath = path.join(dir, 'energy_uj');
    let raw: number;
    try {
      raw = readUj(energyPath);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'EACCES' || code === 'EPERM'
        ? 'permission denied (energy_uj is root-only since Linux 5.10)'
        : (err as Error).message;
      return { notes: [`RAPL: ${energyPath} is not readable: ${why}. CPU and RAM energy are modelled, not measured`] };
    }
    let maxRangeUj = 0;
    try {
      maxRangeUj = readUj(path.join(dir, 'max_energy_range_uj'));
    } catch {
      notes.push(`RAPL: ${zone} has no readable max_energy_range_uj: a wrap-around of its counter cannot be unfolded (that interval is not counted)`);
    }
    domains.push({ label: `${zone} (${name})`, kind, energyPath, maxRangeUj, lastRawUj: raw, totalUj: 0 });
  }
  if (!domains.some((d) => d.kind === 'package')) {
    return { notes: [`RAPL: no package domain under ${base}: CPU and RAM energy are modelled, not measured`] };
  }
  const labels = domains.map((d) => d.label);
  notes.push(`RAPL: measuring ${labels.join(', ')}`);

  const faults: string[] = [];
  const failed = new Set<string>();
  const reader: RaplReader = {
    domains: labels,
    read(): RaplReading {
      const ok = { package: true, dram: true };
      for (const d of domains) {
        try {
          const raw = readUj(d.energyPath);
          const previous = d.lastRawUj;
          const delta = unfoldDeltaUj(previous, raw, d.maxRangeUj);
          d.lastRawUj = raw;
          if (delta === null) {
            // Not counted: the energy of this one interval is lost for this domain, and said so.
            faults.push(`RAPL: ${d.label} went from ${previous} to ${raw} µJ, which is no wrap-around; interval not counted`);
          } else {
            d.totalUj += delta;
          }
        } catch (err) {
          ok[d.kind] = false;
          if (!failed.has(d.label)) {
            failed.add(d.label);
            faults.push(`RAPL: reading ${d.energyPath} failed (${(err as Error).message})`);
          }
        }
      }
      const sum = (kind: Domain['kind']): number | undefined => {
        const ds = domains.filter((d) => d.kind === kind);
        if (ds.length === 0 || !ok[kind]) return undefined;
        return ds.reduce((s, d) => s + d.totalUj, 0) / 1e6;
      };
      const reading: RaplReading = {};
      const pkg = sum('package');
      const dram = sum('dram');
      if (pkg !== undefined) reading.packageJoules = pkg;
      if (dram !== undefined) reading.dramJoules = dram;
      return reading;
    },
    takeFaults(): string[] {
      return faults.splice(0, faults.length);
    },
  };
  return { reader, notes };
}
