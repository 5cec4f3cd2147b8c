// The per-step breakdown of a job: instances from the accumulator, named (API or local), as rows. Pure.
import type { EnergyResult, Emissions } from '../types.js';
import type { StepRow } from './types.js';
import type { StepAccumulator } from './accumulate.js';
import { nameFromApi, nameLocally, type ApiStep } from './name.js';
import { buildStepRows } from './rows.js';

export interface BreakdownOptions {
  /** This job's steps from the Jobs API, or null when it was not asked or did not answer. */
  api: ApiStep[] | null;
  /** Pid of carbon-gate's own post step: its CPU and time belong to the outside row. */
  selfPid?: number;
}

/** Rows for the steps the sampler saw, then the outside row; undefined when it saw none. */
export function stepBreakdown(acc: StepAccumulator, energy: EnergyResult, emissions: Emissions, o: BreakdownOptions): StepRow[] | undefined {
  const clock = acc.clock();
  const all = acc.instances();
  if (!clock || !all.length) return undefined;
  const own = all.filter((i) => o.selfPid !== undefined && i.info?.pid === o.selfPid);
  const instances = all.filter((i) => !own.includes(i));
  const groups = o.api?.length ? nameFromApi(instances, o.api, clock.wallMsOf) : nameLocally(instances);
  return buildStepRows({ groups, energy, emissions, endS: clock.endS, wallMsOf: clock.wallMsOf, outside: own });
}
