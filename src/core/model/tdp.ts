// The TDP model (on-prem, unknown machines, macOS runners, or asked for): the whole package's TDP on a
// linear curve from idleFraction × TDP to maxFraction × TDP (constants.tdpCurve). TDP from the input
// tdp-watts, else CodeCarbon's table by CPU model, else CodeCarbon's per-thread default (defaulted).
import type { PowerModel } from '../types.js';
import { memorySource } from './ccf-terms.js';
import { tdpOf } from './lookups.js';
import { fmt, machineMemoryGb, type ModelCall, type ModelKind, type ModelTarget } from './model-kind.js';

export const tdpKind: ModelKind = {
  id: 'tdp',
  build(call: ModelCall, target: ModelTarget): PowerModel {
    const { facts, settings, tables } = call;
    const k = tables.constants;
    let tdp: number;
    let tdpSource: string;
    let defaulted = false;
    if (settings.tdpWatts !== null) {
      tdp = settings.tdpWatts;
      tdpSource = 'input tdp-watts';
    } else {
      const row = tdpOf(tables, facts.cpuModel);
      if (row) {
        tdp = row.tdpWatts;
        tdpSource = `CodeCarbon cpu_power.csv row "${row.cpuModel}"`;
      } else {
        tdp = k.unknownCpuTdpWattsPerThread.value * facts.logicalCpus;
        tdpSource = `${k.unknownCpuTdpWattsPerThread.value} W × ${facts.logicalCpus} logical CPUs (${k.unknownCpuTdpWattsPerThread.source})`;
        defaulted = true;
        call.cpuDefaulted = `CPU "${facts.cpuModel || 'unknown'}" is not in CodeCarbon's TDP table: ${tdpSource}`;
        call.notes.push(`CPU "${facts.cpuModel || 'unknown'}" is not in CodeCarbon's TDP table: TDP defaulted to ${tdp} W; set tdp-watts for a better figure.`);
      }
    }
    const idle = tdp * k.tdpCurve.idleFractionOfTdp;
    const max = tdp * k.tdpCurve.maxFractionOfTdp;
    const memoryGb = machineMemoryGb(facts);
    call.sources.push({ what: 'CPU TDP', value: `${fmt(tdp)} W for all ${facts.logicalCpus} logical CPUs`, source: tdpSource });
    call.sources.push({ what: 'CPU curve', value: `${fmt(idle)} W idle → ${fmt(max)} W at 100 % (linear)`, source: k.tdpCurve.source });
    memorySource(call, memoryGb, 'machine memory');
    const pue = target.pue?.value ?? k.onPremPue.value;
    call.sources.push({ what: 'PUE', value: String(pue), source: target.pue?.source ?? k.onPremPue.source });
    call.notes.push('Embodied emissions are not estimated for this machine (no instance data).');
    call.notes.push('TDP is per CPU package; a multi-socket machine is undercounted unless tdp-watts gives the total.');
    return {
      id: 'tdp',
      label: `TDP model (${fmt(tdp)} W${defaulted ? ', defaulted' : ''}, linear ${k.tdpCurve.idleFractionOfTdp * 100} %→${k.tdpCurve.maxFractionOfTdp * 100} %)`,
      vcpus: facts.logicalCpus,
      cpu: { kind: 'linear', idleWatts: idle, maxWatts: max },
      memoryGb,
      memoryWattsPerGb: k.memoryWattsPerGb.value,
      pue,
      sources: call.sources,
      notes: call.notes,
    };
  },
};
