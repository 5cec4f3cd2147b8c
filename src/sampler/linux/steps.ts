// Per-step CPU inside the tree (see tree.ts for the conservation rule it refines).
//
// A step is a process at the step depth (1: a direct child of the root, as each runner step is a
// child of Runner.Worker; 2 for the CLI: a child of the command), with all its descendants. Each step
// is identified by the (pid, starttime) of its first process, numbered in order of discovery, and its
// value is Σ over its live processes of utime+stime+cutime+cstime plus what it carried: its processes
// that left the tree alive, vanished unseen, or were reaped by a process outside the step. When the
// root (or the step parent) reaps a step's process, the reaper's child times grow by the process's
// final total, which includes the CPU it used after our last look: that growth beyond the last totals
// seen is credited to the steps whose processes vanished (by their last interval's CPU when several
// did in one interval). So Σ steps + the CPU outside steps = the tree's total, tick by tick.
// A step parent (depth ≥ 1) that replaces its program (bash -c 'a && b' execs b) starts a step of
// its own from then on, with its own CPU since the look before the exec was seen; what it had used
// before stays outside.
// The environment and command line of a step's first process are read once, when it appears.
import type { StepInfo, StepReading } from '../../core/steps/types.js';

export type { StepRec } from './tree-group.js';
import type { GroupHooks, Member, StepRec } from './tree-group.js';
import type { ProcStat } from './procfs.js';


/** What the step book reads of a new step's first process (each read once). */
export interface StepProbe {
  environ?(pid: number): string | null;
  cmdline?(pid: number): string[] | null;
  /** The first bytes of a file (a step's script), or null. */
  head?(path: string): string | null;
}

const ENV_KEYS: Array<[string, keyof StepInfo]> = [
  ['GITHUB_ACTION', 'action'],
  ['GITHUB_ACTION_REPOSITORY', 'actionRepository'],
  ['GITHUB_ACTION_REF', 'actionRef'],
  ['GITHUB_ACTION_PATH', 'actionPath'],
];
const SHELLS = new Set(['bash', 'sh', 'dash', 'zsh', 'ksh', 'pwsh', 'powershell', 'python', 'python3']);
const CLIP = 120;

/** Printable, one line, at most `max` characters (… when clipped). */
export function clipText(s: string, max = CLIP): string {
  const one = s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function envValue(environ: string, name: string): string | undefined {
  const key = `${name}=`;
  for (let i = environ.indexOf(key); i >= 0; i = environ.indexOf(key, i + 1)) {
    if (i !== 0 && environ.charCodeAt(i - 1) !== 0) continue;
    const end = environ.indexOf('\0', i);
    return environ.slice(i + key.length, end < 0 ? undefined : end);
  }
  return undefined;
}

/** First non-empty, non-comment line of a script. */
function firstLine(text: string): string | undefined {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line && !line.startsWith('#')) return line;
  }
  return undefined;
}

/** Reads what names a step: its GITHUB_ACTION* variables, its script's first line, its command line. */
export function describeStep(probe: StepProbe, pid: number, startS: number): StepInfo {
  const info: StepInfo = { pid, startS };
  const env = probe.environ?.(pid) ?? null;
  if (env) {
    for (const [name, field] of ENV_KEYS) {
      const v = envValue(env, name);
      if (v) (info as unknown as Record<string, string>)[field] = clipText(v);
    }
  }
  const argv = probe.cmdline?.(pid) ?? null;
  if (argv?.length) {
    info.command = clipText(argv.join(' '));
    const prog = (argv[0].split('/').pop() ?? '').replace(/\.exe$/, '');
    if (SHELLS.has(prog)) {
      const c = argv.indexOf('-c');
      let script: string | undefined;
      if (c >= 0 && argv[c + 1] !== undefined) script = firstLine(argv[c + 1]);
      else {
        // The runner writes a run: step's script to a temp file and passes its path last (bash -e <file>).
        const file = argv[argv.length - 1];
        if (argv.length > 1 && file.startsWith('/')) {
          const text = probe.head?.(file);
          if (text) script = firstLine(text);
        }
      }
      if (script) info.script = clipText(script);
    }
  }
  return info;
}

export class StepBook implements GroupHooks {
  private nextId = 1;
  private readonly live = new Map<number, StepRec>();

  constructor(
    private readonly probe: StepProbe,
    private readonly stepDepth: number,
    private readonly clkTck: number,
    private readonly nowS: () => number,
  ) {}

  /** The depth and step of a process that joins the tree under `parent`. */
  place(s: ProcStat, parent: Member | undefined): { depth: number; step: StepRec | null } {
    const depth = parent ? parent.depth + 1 : 0;
    if (parent?.step) return { depth, step: parent.step };
    if (depth !== this.stepDepth) return { depth, step: null };
    return { depth, step: this.open(s.pid, s.starttime, s.starttime / this.clkTck, false) };
  }

  /**
   * A step parent whose program changed (exec): from now on it is a step of its own. Its own CPU since
   * the last look goes to the new step (the shell's share before the exec is small next to the command
   * it became); what it used before, and the children it reaped, stay outside.
   */
  execed(pid: number, m: Member, ownTicks: number): void {
    if (m.step || m.depth !== this.stepDepth - 1 || m.depth < 1) return;
    m.step = this.open(pid, m.starttime, this.nowS(), true);
    m.base = m.ticks - Math.max(0, ownTicks);
  }

  carried(m: Member, ticks: number): void {
    if (m.step) m.step.carried += Math.max(0, ticks - m.base);
  }

  madeUp(a: Member, ticks: number): void {
    // The shortfall was carried by the reaper's step (reaped() below); its child times now hold it.
    if (a.step) a.step.carried -= ticks;
  }

  reaped(a: Member, vanished: Member[], gotTicks: number, wantTicks: number): void {
    const foreign = new Map<StepRec, { want: number; weight: number }>();
    for (const v of vanished) {
      if (!v.step || v.step === a.step) continue;
      const f = foreign.get(v.step) ?? { want: 0, weight: Math.max(0, v.step.lastDelta) };
      f.want += v.ticks - v.base;
      foreign.set(v.step, f);
    }
    if (foreign.size) {
      const extra = Math.max(0, gotTicks - wantTicks);
      let weights = 0;
      for (const f of foreign.values()) weights += f.weight;
      for (const [step, f] of foreign) {
        const credit = f.want + extra * (weights > 0 ? f.weight / weights : 1 / foreign.size);
        step.carried += credit;
        // The reaper's child times now hold this credit: its own step must not count it again.
        if (a.step) a.base += credit;
      }
    }
    if (gotTicks < wantTicks && a.step) a.step.carried += wantTicks - gotTicks;
  }

  /** The reading of every live step, and of those whose processes are all gone (then forgotten). */
  reading(members: Iterable<Member>): StepReading[] {
    const sums = new Map<StepRec, number>();
    for (const m of members) if (m.step) sums.set(m.step, (sums.get(m.step) ?? 0) + m.ticks - m.base);
    const out: StepReading[] = [];
    for (const [id, step] of this.live) {
      const liveTicks = sums.get(step);
      const ticks = Math.max(step.lastTicks, step.carried + (liveTicks ?? 0));
      step.lastDelta = ticks - step.lastTicks;
      step.lastTicks = ticks;
      const r: StepReading = { id, cpuSeconds: ticks / this.clkTck };
      if (liveTicks === undefined) {
        r.ended = true;
        this.live.delete(id);
      }
      if (!step.announced) {
        r.info = step.info;
        step.announced = true;
      }
      out.push(r);
    }
    return out;
  }

  private open(pid: number, starttime: number, startS: number, exec: boolean): StepRec {
    const info = describeStep(this.probe, pid, startS);
    if (exec) info.exec = true;
    const step: StepRec = { id: this.nextId++, pid, starttime, carried: 0, lastTicks: 0, lastDelta: 0, info, announced: false };
    this.live.set(step.id, step);
    return step;
  }
}
