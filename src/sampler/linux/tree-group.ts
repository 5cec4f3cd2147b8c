// The conservation group of the tree tracker (see tree.ts for the accounting it implements): a set of
// processes whose CPU total can only move by the rules written there, with the hooks the step
// accounting (steps.ts) uses to follow where each carried tick belongs.
import type { ProcStat } from './procfs.js';
import type { StepInfo } from '../../core/steps/types.js';

/** One step in the making (steps.ts keeps them; a member points at its own). */
export interface StepRec {
  id: number;
  pid: number;
  starttime: number;
  /** Ticks carried for processes that are no longer live members. */
  carried: number;
  /** Value at the previous reading, and its increase then (the weight for crediting a final interval). */
  lastTicks: number;
  lastDelta: number;
  info: StepInfo;
  announced: boolean;
}

export interface Member {
  starttime: number;
  /** utime+stime+cutime+cstime at the last look. */
  ticks: number;
  /** `ticks` at the look before the last one (the last look at which a leaver was still in the tree). */
  prevTicks: number;
  /** cutime+cstime at the last look. */
  childTicks: number;
  ppid: number;
  rssPages: number;
  /** Hops from the root (the root is 0). */
  depth: number;
  /** The step this process belongs to; null outside steps (the root, the step parent). */
  step: StepRec | null;
  /** Ticks the process had used before it became part of its step (an exec'd step parent), else 0. */
  base: number;
  /** Program name (stat field 2), kept for the processes whose exec starts a step. */
  comm?: string;
  /** Threads at the last stat read (1: the main thread's schedstat is the whole process's run time). */
  threads: number;
  /** Exited, not yet reaped, at the last stat read (its children have been re-parented). */
  zombie: boolean;
  /** The main thread's run time (ns, schedstat) read just before the last stat read that found this process. */
  runNs?: number;
}

export const total = (s: ProcStat): number => s.utime + s.stime + s.cutime + s.cstime;
export function member(s: ProcStat, depth = 0, step: StepRec | null = null): Member {
  return {
    starttime: s.starttime,
    ticks: total(s),
    prevTicks: total(s),
    childTicks: s.cutime + s.cstime,
    ppid: s.ppid,
    rssPages: s.rssPages,
    depth,
    step,
    base: 0,
    comm: s.comm,
    threads: s.numThreads ?? 0,
    zombie: s.state === 'Z',
  };
}

/** Told where carried ticks go, so each step can carry its own share. */
export interface GroupHooks {
  /** A member vanished and nothing in the group reaped it, or it left the group alive: `ticks` of it are carried. */
  carried(m: Member, ticks: number): void;
  /**
   * Live member `a` reaped `vanished` since the last look: its child times grew by `gotTicks`,
   * against `wantTicks` (their last totals). A shortfall is carried by the group.
   */
  reaped(a: Member, vanished: Member[], gotTicks: number, wantTicks: number): void;
  /** A shortfall carried for live member `a` at the previous refresh was made up by its child times now: `ticks` are taken back. */
  madeUp(a: Member, ticks: number): void;
  /** A member's program name changed since the last look (it exec'd); it used `ownTicks` itself (not its children) since then. */
  execed(pid: number, m: Member, ownTicks: number): void;
}

/**
 * A set of processes whose CPU is conserved: sum() = Σ live members' totals + carried ticks of
 * members that left it (alive, or reaped by a non-member). Used for the tree and for its escapees.
 */
export class Group {
  readonly members = new Map<number, Member>();
  carried = 0;
  /** Ticks carried because a vanished member's reaper was not a member (or did not account it). */
  lost = 0;
  /**
   * Shortfalls of the last refresh, per live ancestor. A tick reads members one by one, so a parent read
   * just before it reaped a child shows that child only at the next read: the shortfall carried now
   * is taken back from the carried (and lost) ticks when the ancestor's child times make it up then.
   */
  private shortfalls = new Map<number, number>();

  constructor(private readonly hooks?: GroupHooks) {}

  sum(): number {
    let S = this.carried;
    for (const m of this.members.values()) S += m.ticks;
    return S;
  }

  /** A member leaves the group alive: `inTreeTicks` (what it used while in it) stay counted here. */
  release(pid: number, m: Member, inTreeTicks: number): void {
    this.members.delete(pid);
    this.carried += inTreeTicks;
    this.hooks?.carried(m, inTreeTicks);
  }

  /**
   * Re-reads every member. Vanished members must have been reaped into a live member's child times;
   * per nearest live ancestor, the shortfall is carried (and, when `countLoss`, counted as lost).
   * Returns, per live ancestor, the last totals of the vanished members it now holds.
   * `look` returns a member's stat line, null when it is gone, or undefined when it cannot have changed
   * (see look.ts); such a member whose parent vanished or exited has been re-parented, and is read then
   * with `force`. `reapable`: its parent was read this tick (it ran, and may have reaped it) or vanished.
   */
  refresh(look: (pid: number, m: Member, force: boolean, reapable: boolean) => ProcStat | null | undefined, countLoss: boolean): ReadonlyMap<number, number> {
    const vanished = new Map<number, Member>();
    const prevChildTicks = new Map<number, number>();
    const execed: Array<[number, Member, number]> = [];
    const unchanged: Array<[number, Member]> = [];
    const apply = (pid: number, m: Member, s: ProcStat | null): void => {
      if (!s || s.starttime !== m.starttime) {
        this.members.delete(pid);
        vanished.set(pid, m);
        return;
      }
      prevChildTicks.set(pid, m.childTicks);
      const ownBefore = m.ticks - m.childTicks;
      m.prevTicks = m.ticks;
      m.ticks = total(s);
      m.childTicks = s.cutime + s.cstime;
      m.ppid = s.ppid;
      m.rssPages = s.rssPages;
      m.threads = s.numThreads ?? 0;
      m.zombie = s.state === 'Z';
      if (s.comm !== undefined && s.comm !== m.comm) {
        if (m.comm !== undefined) execed.push([pid, m, m.ticks - m.childTicks - ownBefore]);
        m.comm = s.comm;
      }
    };
    // Members come in order of adoption, parents before their children.
    for (const [pid, m] of this.members) {
      const s = look(pid, m, false, prevChildTicks.has(m.ppid) || vanished.has(m.ppid));
      if (s === undefined) unchanged.push([pid, m]);
      else apply(pid, m, s);
    }
    for (const [pid, m] of unchanged) {
      if (vanished.has(m.ppid) || this.members.get(m.ppid)?.zombie) apply(pid, m, look(pid, m, true, true) ?? null);
      else {
        prevChildTicks.set(pid, m.childTicks);
        m.prevTicks = m.ticks;
      }
    }
    const expected = this.settle(vanished, prevChildTicks, countLoss);
    // After the reaping is settled: a step parent that exec'd starts its step from its current total.
    for (const [pid, m, own] of execed) this.hooks?.execed(pid, m, own);
    return expected;
  }

  private settle(vanished: Map<number, Member>, prevChildTicks: Map<number, number>, countLoss: boolean): Map<number, number> {
    const expected = new Map<number, { want: number; list: Member[] }>();
    for (const m of vanished.values()) {
      let a = m.ppid;
      for (let hops = 0; vanished.has(a) && hops < vanished.size; hops++) a = (vanished.get(a) as Member).ppid;
      if (this.members.has(a)) {
        const e = expected.get(a) ?? { want: 0, list: [] };
        e.want += m.ticks;
        e.list.push(m);
        expected.set(a, e);
      } else {
        this.carry(m.ticks, countLoss);
        this.hooks?.carried(m, m.ticks);
      }
    }
    const grew = (a: number): number => (this.members.get(a) as Member).childTicks - (prevChildTicks.get(a) ?? 0);
    // Last refresh's shortfalls, made up by what the ancestor's child times gained beyond this refresh's reaps.
    const pending = this.shortfalls;
    this.shortfalls = new Map();
    const back = new Map<number, number>();
    for (const [a, owed] of pending) {
      if (!this.members.has(a)) continue;
      const spare = grew(a) - (expected.get(a)?.want ?? 0);
      const b = Math.min(owed, Math.max(0, spare));
      if (b <= 0) continue;
      this.carried -= b;
      this.lost -= b;
      back.set(a, b);
      this.hooks?.madeUp(this.members.get(a) as Member, b);
    }
    const wants = new Map<number, number>();
    for (const [a, { want, list }] of expected) {
      const am = this.members.get(a) as Member;
      const got = grew(a);
      if (got < want) {
        this.carry(want - got, true);
        this.shortfalls.set(a, want - got);
      }
      // The step book sees only this refresh's reaps (what was made up is no one's extra).
      this.hooks?.reaped(am, list, got - (back.get(a) ?? 0), want);
      wants.set(a, want);
    }
    return wants;
  }

  private carry(ticks: number, isLoss: boolean): void {
    this.carried += ticks;
    if (isLoss) this.lost += ticks;
  }
}
