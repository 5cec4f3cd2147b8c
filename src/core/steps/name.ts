// Names for step instances: from the Jobs API when it answered (matched by start time), otherwise
// from what the sampler saw (the action reference of a `uses:` step, the first line of a `run:`
// step's script, the command). Pure.
import type { StepInfo } from './types.js';
import type { StepInstance } from './accumulate.js';

/** A step of this job as the Jobs API lists it (times in ms since the epoch, to the second). */
export interface ApiStep {
  number: number;
  name: string;
  status: string;
  conclusion: string | null;
  startedMs: number | null;
  completedMs: number | null;
}

export interface NamedGroup {
  name: string;
  number?: number;
  source: 'api' | 'local';
  instances: StepInstance[];
  /** The API's start and end (ms), when named by it. */
  api?: { startedMs: number | null; completedMs: number | null };
}

/** The local name of one instance. */
export function localName(info: StepInfo | null, id: number): string {
  if (info?.actionRepository) return info.actionRef ? `${info.actionRepository}@${info.actionRef}` : info.actionRepository;
  if (info?.script) return info.script;
  if (info?.command) return info.command;
  if (info?.action) return info.action;
  return `step ${id}`;
}

/**
 * Groups instances under local names. Consecutive instances run from one composite action (the same
 * GITHUB_ACTION_PATH) are one step. Repeated names get " (2)", " (3)" so that each is its own row and
 * baselines match them in order.
 */
export function nameLocally(instances: StepInstance[]): NamedGroup[] {
  const out: NamedGroup[] = [];
  let prevPath: string | undefined;
  for (const i of instances) {
    const path = i.info?.actionPath;
    const last = out[out.length - 1];
    if (path && last && path === prevPath) last.instances.push(i);
    else out.push({ name: localName(i.info, i.id), source: 'local', instances: [i] });
    prevPath = path;
  }
  return dedupe(out);
}

/** How far after an instance's start an API step may say it started (its times are whole seconds). */
const API_SLACK_MS = 500;

/**
 * Assigns each instance to the API step it ran in: of the steps that started before the instance did
 * (+ ½ s of clock offset) and had not completed by then (the API's times are whole seconds, floored, so
 * a step runs within [started, completed + 1 s)), the one its life overlaps most. When two steps cover
 * it equally (both within the same seconds), instances taken in start order go first to a step that
 * has none yet, then to the earlier one: a short step followed within the same second by the next one
 * keeps its own instance. An instance still running at the end goes to the latest step that had
 * started. A step named after an action (GitHub's default "Run owner/repo@ref") takes only an instance
 * of that action (couldBe), when another step fits. Instances that match no API step keep their local names.
 * An instance's life is cut at the next instance's start: steps run one after another, and an end
 * estimated late (a tick delayed on a loaded machine) must not make it overlap the next step most.
 */
export function nameFromApi(instances: StepInstance[], api: ApiStep[], wallMsOf: (monoS: number) => number): NamedGroup[] {
  const steps = api.filter((s) => s.startedMs !== null).sort((a, b) => (a.startedMs as number) - (b.startedMs as number) || a.number - b.number);
  const matched = new Map<StepInstance, ApiStep>();
  const used = new Set<number>();
  const byStart = [...instances].sort((a, b) => a.startS - b.startS);
  for (const [k, i] of byStart.entries()) {
    // Steps run one after another: an instance ended before the next one started, whatever its end
    // estimate says (the midpoint between two ticks, late by a delayed tick on a loaded machine).
    const next = byStart.slice(k + 1).find((x) => x.startS > i.startS);
    const endS = i.endS === null || !next ? i.endS : Math.min(i.endS, next.startS);
    const m = matchStep({ ...i, endS }, steps, wallMsOf, used);
    if (m) {
      matched.set(i, m);
      used.add(m.number);
    }
  }
  const byNumber = new Map<number, NamedGroup>();
  const out: NamedGroup[] = [];
  for (const i of instances) {
    const match = matched.get(i);
    if (!match) {
      out.push({ name: localName(i.info, i.id), source: 'local', instances: [i] });
      continue;
    }
    const g = byNumber.get(match.number);
    if (g) g.instances.push(i);
    else {
      const ng: NamedGroup = { name: match.name, number: match.number, source: 'api', instances: [i], api: { startedMs: match.startedMs, completedMs: match.completedMs } };
      byNumber.set(match.number, ng);
      out.push(ng);
    }
  }
  return dedupe(out);
}

/** An action reference in a step name: GitHub names a `uses:` step "Run owner/repo@ref" unless it has a name. */
const ACTION_REF = /\b([\w.-]+\/[\w.-]+)(?:\/[^@\s]*)?@[\w./-]+/;

/**
 * False when the instance cannot be that API step: the step's name is an action's default name and the
 * instance is a `run:` script or another action (the API's whole seconds cannot tell two steps of one
 * second apart, and a step too short for the sampler to see would otherwise take the next one's instance).
 */
export function couldBe(i: StepInstance, s: ApiStep): boolean {
  const ref = ACTION_REF.exec(s.name);
  if (!ref) return true;
  const repo = i.info?.actionRepository;
  if (repo) return repo.toLowerCase() === ref[1].toLowerCase();
  return !i.info?.action?.startsWith('__run');
}

function matchStep(i: StepInstance, all: ApiStep[], wallMsOf: (monoS: number) => number, used: ReadonlySet<number>): ApiStep | undefined {
  const fitting = all.filter((s) => couldBe(i, s));
  return bestStep(i, fitting, wallMsOf, used) ?? bestStep(i, all, wallMsOf, used);
}

function bestStep(i: StepInstance, steps: ApiStep[], wallMsOf: (monoS: number) => number, used: ReadonlySet<number>): ApiStep | undefined {
  const t = wallMsOf(i.startS);
  let match: ApiStep | undefined;
  let best = -Infinity;
  for (const s of steps) {
    const started = s.startedMs as number;
    if (started >= t + API_SLACK_MS) break;
    const stepEnd = s.completedMs === null ? Infinity : s.completedMs + 1000;
    if (stepEnd <= t) continue;
    if (i.endS === null) {
      match = s;
      continue;
    }
    const overlap = Math.min(wallMsOf(i.endS), stepEnd) - Math.max(t, started);
    // Within a millisecond the overlaps are equal: a step without an instance yet beats one that has one.
    const better = overlap > best + 1 || (overlap >= best - 1 && match !== undefined && used.has(match.number) && !used.has(s.number));
    if (better || match === undefined) {
      best = overlap;
      match = s;
    }
  }
  return match;
}

function dedupe(groups: NamedGroup[]): NamedGroup[] {
  const seen = new Map<string, number>();
  for (const g of groups) {
    const n = (seen.get(g.name) ?? 0) + 1;
    seen.set(g.name, n);
    if (n > 1) g.name = `${g.name} (${n})`;
  }
  return groups;
}
