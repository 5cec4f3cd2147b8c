// The conservation group of the tree tracker (see tree.ts for the accounting it implements): a set of
// processes whose CPU total can only move by the rules written there.
import type { ProcStat } from './procfs.js';

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
}

export const total = (s: ProcStat): number => s.utime + s.stime + s.cutime + s.cstime;
export const member = (s: ProcStat): Member => ({ starttime: s.starttime, ticks: total(s), prevTicks: total(s), childTicks: s.cutime + s.cstime, ppid: s.ppid, rssPages: s.rssPages });

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

  sum(): number {
    let S = this.carried;
    for (const m of this.members.values()) S += m.ticks;
    return S;
  }

  /**
   * Re-reads every member. Vanished members must have been reaped into a live member's child times;
   * per nearest live ancestor, the shortfall is carried (and, when `countLoss`, counted as lost).
   * Returns, per live ancestor, the last totals of the vanished members it now holds.
   */
  refresh(stat: (pid: number) => ProcStat | null, countLoss: boolean): ReadonlyMap<number, number> {
    const vanished = new Map<number, Member>();
    const prevChildTicks = new Map<number, number>();
    for (const [pid, m] of this.members) {
      const s = stat(pid);
      if (!s || s.starttime !== m.starttime) {
        this.members.delete(pid);
        vanished.set(pid, m);
        continue;
      }
      prevChildTicks.set(pid, m.childTicks);
      m.prevTicks = m.ticks;
      m.ticks = total(s);
      m.childTicks = s.cutime + s.cstime;
      m.ppid = s.ppid;
      m.rssPages = s.rssPages;
    }
    const expected = new Map<number, number>();
    for (const m of vanished.values()) {
      let a = m.ppid;
      for (let hops = 0; vanished.has(a) && hops < vanished.size; hops++) a = (vanished.get(a) as Member).ppid;
      if (this.members.has(a)) expected.set(a, (expected.get(a) ?? 0) + m.ticks);
      else this.carry(m.ticks, countLoss);
    }
    const grew = (a: number): number => (this.members.get(a) as Member).childTicks - (prevChildTicks.get(a) ?? 0);
    // Last refresh's shortfalls, made up by what the ancestor's child times gained beyond this refresh's reaps.
    const pending = this.shortfalls;
    this.shortfalls = new Map();
    for (const [a, owed] of pending) {
      if (!this.members.has(a)) continue;
      const spare = grew(a) - (expected.get(a) ?? 0);
      const back = Math.min(owed, Math.max(0, spare));
      this.carried -= back;
      this.lost -= back;
    }
    for (const [a, want] of expected) {
      const got = grew(a);
      if (got < want) {
        this.carry(want - got, true);
        this.shortfalls.set(a, want - got);
      }
    }
    return expected;
  }

  private carry(ticks: number, isLoss: boolean): void {
    this.carried += ticks;
    if (isLoss) this.lost += ticks;
  }
}
