import type { Interval, WorkPattern } from "../time";

export type ShiftRole = "primary" | "secondary" | "ticket" | "shadow";

/** Roles whose scheduled time is all interrupt time (rule 2). Shadowing is learning, not duty. */
export const DUTY_ROLES: ReadonlySet<ShiftRole> = new Set<ShiftRole>(["primary", "secondary", "ticket"]);
/** Duty roles that carry the pager (rule 7). */
export const ON_CALL_ROLES: ReadonlySet<ShiftRole> = new Set<ShiftRole>(["primary", "secondary"]);

export type Shift = Interval & { role: ShiftRole };

export type EntryCategory = "toil" | "overhead";

/** Logged work: `minutes` of elapsed time from `start` (epoch ms). */
export interface WorkEntry {
  start: number;
  minutes: number;
  category: EntryCategory;
}

export interface AccountingInput {
  /** [from, to) in epoch ms; every interval is clipped to it. */
  period: Interval;
  /** The engineer's IANA zone; the work pattern is read on this wall clock. */
  timeZone: string;
  workPattern: WorkPattern;
  absences: readonly Interval[];
  shifts: readonly Shift[];
  entries: readonly WorkEntry[];
}

/** Everything about one engineer except the period, so one set of facts can be cut into windows. */
export type AccountingFacts = Omit<AccountingInput, "period">;

/** All durations in minutes (may be fractional); shares in 0..1. */
export interface Accounting {
  scheduled: number;
  duty: number;
  onCallDuty: number;
  logged: number;
  afterHours: number;
  operational: number;
  worked: number;
  toilShare: number;
  onCallShare: number;
}

/** The time behind each number of an {@link Accounting}, normalized, for drill-downs and bands. */
export interface AccountingIntervals {
  scheduled: Interval[];
  duty: Interval[];
  onCallDuty: Interval[];
  logged: Interval[];
  afterHours: Interval[];
}

/** A team's caps on the toil share and the on-call share, 0..1. */
export interface Caps {
  toilCap: number;
  onCallCap: number;
}
